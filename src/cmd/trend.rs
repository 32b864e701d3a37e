//! `ntm trend`: the figures of every period of a panel (one file holding several periods, or
//! one file per period), whether the province is on track for its targets, and the communes
//! that ever lost a criterion or a tier.

use std::io::Write;

use crate::aggregate::changes::Mergers;
use crate::aggregate::progress::By;
use crate::aggregate::targets::Targets;
use crate::aggregate::trend::TrendBuilder;
use crate::criteria::SetChoice;
use crate::env::Env;
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::render::output::{check_extension, io_error, refuse_overwriting, write_whole};
use crate::render::sections::{workbook, write_markdown, write_tables};
use crate::render::{DocumentFormat, TableLabels, json_document, not_written, trend};
use crate::scan::{self, Scan};
use crate::survey::input::{InputOptions, shown};
use crate::survey::period::Period;

/// The formats `ntm trend` writes.
pub const FORMATS: &[DocumentFormat] = &[
    DocumentFormat::Table,
    DocumentFormat::Csv,
    DocumentFormat::Json,
    DocumentFormat::Markdown,
    DocumentFormat::Xlsx,
];

/// What `ntm trend` was asked to do.
#[derive(Debug, Clone)]
pub struct TrendOptions {
    /// The survey files: one panel, or one file per period.
    pub inputs: Vec<String>,
    /// The period of each file without a period column, in the order of the files.
    pub periods: Vec<Period>,
    /// The criteria set.
    pub criteria: SetChoice,
    /// The targets file.
    pub targets: Option<String>,
    /// A map of mergers and renames (`old_id,new_id`).
    pub map: Option<String>,
    /// What each period's figures are grouped by, besides the province's.
    pub by: By,
    /// The output format.
    pub format: DocumentFormat,
    /// The output file; standard output when `None`.
    pub output: Option<String>,
    /// How to read the input files.
    pub read: InputOptions,
    /// Language of labels.
    pub lang: Lang,
}

/// Runs `ntm trend`, writing warnings to `stderr`.
pub fn run(options: &TrendOptions, env: &Env, stderr: &mut dyn Write) -> Result<()> {
    if !FORMATS.contains(&options.format) {
        return Err(not_written(options.format, "trend", FORMATS));
    }
    let first = options
        .inputs
        .first()
        .ok_or_else(|| Error::Usage("ntm trend needs at least one survey file".into()))?;
    let mut inputs: Vec<&str> = options.inputs.iter().map(String::as_str).collect();
    inputs.extend(options.criteria.file());
    inputs.extend(options.targets.as_deref());
    inputs.extend(options.map.as_deref());
    refuse_overwriting(options.output.as_deref(), &inputs)?;
    check_extension(
        options.output.as_deref(),
        "trend",
        &["csv", "json", "md", "markdown", "txt", "xlsx"],
        options.format == DocumentFormat::Xlsx,
    )?;
    let set = scan::load_set(&options.criteria, first, &options.read, stderr)?;
    let targets = options
        .targets
        .as_deref()
        .map(|path| Targets::load(path, &set))
        .transpose()?;
    let mergers = options.map.as_deref().map(Mergers::load).transpose()?;
    let mut builder = TrendBuilder::new(&set, targets.as_ref()).following(mergers.as_ref());
    let mut given = options.periods.iter();
    let mut district_column = false;
    for (i, input) in options.inputs.iter().enumerate() {
        let (scan, by) = Scan::open_by(&set, input, &options.read, &options.by, stderr)?;
        if i == 0 {
            builder.group_by(by);
        }
        district_column |= scan.has_district();
        let period_of_file = if scan.has_periods() {
            None
        } else {
            Some(*given.next().ok_or_else(|| {
                Error::Usage(format!(
                    "{} has no period column (Kỳ, or Năm and Tháng): name its period with --period, one for each such file in order",
                    shown(input)
                ))
            })?)
        };
        scan.run(env, stderr, |score| {
            if let Some(period) = score.commune.period.or(period_of_file) {
                builder.add(period, score);
            }
            Ok(())
        })?;
    }
    if given.next().is_some() {
        return Err(Error::Usage(
            "more --period values than files without a period column".into(),
        ));
    }
    if options.by == By::District && !district_column && !builder.has_named_group() {
        return Err(Error::Usage(
            "--by district: no file has a district column (Huyện) or group headings that name districts; --by names another column".into(),
        ));
    }
    let report = builder.finish();
    let labels = TableLabels::new(&set, options.lang, env.table_width);
    write_whole(options.output.as_deref(), |out, name| {
        let written = match options.format {
            DocumentFormat::Json => json_document(&report, out),
            DocumentFormat::Csv => trend::csv(&report, out),
            DocumentFormat::Table => {
                let (title, sections) = trend::sections(&report, &labels);
                write_tables(&title, &sections, &labels, out)
            }
            DocumentFormat::Markdown => {
                let (title, sections) = trend::sections(&report, &labels);
                let mut lines = title.lines();
                let heading = lines.next().unwrap_or_default();
                let lead: Vec<String> = lines.map(str::to_owned).collect();
                write_markdown(heading, &lead, "", &sections, labels.lang, out)
            }
            DocumentFormat::Xlsx => {
                let (title, sections) = trend::sections(&report, &labels);
                let mut lines = title.lines().map(str::to_owned);
                let first = lines.next().unwrap_or_default();
                let lead: Vec<String> = lines.collect();
                workbook(&first, &lead, &sections, labels.lang)
                    .map_err(std::io::Error::other)
                    .and_then(|bytes| out.write_all(&bytes))
            }
            other => return Err(not_written(other, "trend", FORMATS)),
        };
        written.map_err(io_error(name))
    })
}
