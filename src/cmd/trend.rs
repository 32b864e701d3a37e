//! `ntm trend`: the figures of every period of a panel (one file holding several periods, or
//! one file per period), whether the province is on track for its targets, and the communes
//! that ever lost a criterion or a tier.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use crate::aggregate::changes::Mergers;
use crate::aggregate::progress::By;
use crate::aggregate::targets::Targets;
use crate::aggregate::trend::TrendBuilder;
use crate::criteria::{CriteriaSet, SetChoice};
use crate::env::Env;
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::msg::Msg;
use crate::render::output::{check_document_output, io_error, refuse_overwriting, write_whole};
use crate::render::sections::{write_markdown, write_tables};
use crate::render::workbook::of_sections;
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

/// Where the period of a file without a period column comes from.
#[derive(Debug, Clone, Copy)]
pub enum FilePeriods<'a> {
    /// `--period`, once for each such file, in order.
    Given(&'a [Period]),
    /// Each file's name (see [`Period::in_file_name`]); `or_given` when `--period` could have
    /// named it instead, as for `trend`.
    Names {
        /// Whether `--period` could have named it.
        or_given: bool,
    },
}

/// The files a trend was read from and the periods each gave, so that no file is read twice
/// and no period comes from two files.
#[derive(Debug, Default)]
pub struct Sources {
    /// The files read, by their full path.
    files: Vec<PathBuf>,
    /// Whether standard input was read.
    stdin: bool,
    /// Each period read, with the file it came from, as messages name it.
    periods: BTreeMap<Period, String>,
}

impl Sources {
    /// Notes that `input` is being read; `false` when it was read already, by this path or
    /// another (standard input, `-`, is read once in any case).
    pub fn first_reading(&mut self, input: &str) -> bool {
        if input == "-" {
            return !std::mem::replace(&mut self.stdin, true);
        }
        // (a file that cannot be found is said so when it is opened)
        let Ok(path) = std::fs::canonicalize(input) else {
            return true;
        };
        if self.files.contains(&path) {
            return false;
        }
        self.files.push(path);
        true
    }

    /// Notes that `file` holds `period`; an error when another file holds it.
    pub fn claim(&mut self, period: Period, file: &str) -> Result<()> {
        match self.periods.get(&period) {
            Some(other) if other != file => Err(Error::usage(Msg::PeriodInTwoFiles {
                period: period.to_string(),
                other: other.clone(),
                file: file.to_owned(),
            })),
            Some(_) => Ok(()),
            None => {
                self.periods.insert(period, file.to_owned());
                Ok(())
            }
        }
    }
}

/// The period of the file `input`, which has no period column, as `periods` says where to take
/// it from: the next `--period`, or the file's name (with `--year` for a name that gives the
/// month alone).
pub fn period_of_file(
    input: &str,
    periods: &mut FilePeriods<'_>,
    read: &InputOptions,
) -> Result<Period> {
    let file = shown(input);
    match periods {
        FilePeriods::Given(given) => {
            let (first, rest) = given
                .split_first()
                .ok_or_else(|| Error::usage(Msg::NoPeriodGiven { file: file.clone() }))?;
            *given = rest;
            Ok(*first)
        }
        FilePeriods::Names { or_given } => {
            Period::in_file_name(input, read.year).ok_or_else(|| {
                Error::usage(Msg::NoPeriodInName {
                    file,
                    or_given: *or_given,
                })
            })
        }
    }
}

/// Reads survey files into `builder`, as `ntm trend` reads them: a file with a period column
/// (a panel) gives each row its period; a file without one is of one period, which `periods`
/// says where to take from. A file named twice, by any path, is read once; a period found in
/// two files is an error naming both. Each period's figures are grouped as `by` says, the
/// column found in each file's header.
#[allow(clippy::too_many_arguments)]
pub fn read_files(
    builder: &mut TrendBuilder<'_>,
    sources: &mut Sources,
    inputs: &[String],
    mut periods: FilePeriods<'_>,
    by: &By,
    read: &InputOptions,
    env: &Env,
    stderr: &mut dyn Write,
) -> Result<()> {
    let set: &CriteriaSet = builder.set();
    let mut grouped = false;
    let mut district_column = false;
    for input in inputs {
        if !sources.first_reading(input) {
            continue;
        }
        let (scan, resolved) = Scan::open_by(set, input, read, by, env.lang, stderr)?;
        if !grouped {
            builder.group_by(resolved);
            grouped = true;
        }
        district_column |= scan.has_district();
        let file = shown(input);
        let period_of_file = if scan.has_periods() {
            None
        } else {
            let period = period_of_file(input, &mut periods, read)?;
            sources.claim(period, &file)?;
            Some(period)
        };
        let mut claimed = period_of_file;
        scan.run(env, stderr, |score| {
            let Some(period) = score.commune.period.or(period_of_file) else {
                return Ok(());
            };
            if claimed != Some(period) {
                sources.claim(period, &file)?;
                claimed = Some(period);
            }
            builder.add(period, &score);
            Ok(())
        })?;
    }
    if let FilePeriods::Given(left) = periods
        && !left.is_empty()
    {
        return Err(Error::usage(Msg::TooManyPeriods));
    }
    if *by == By::District && !district_column && !builder.has_named_group() {
        return Err(Error::usage(Msg::NoDistrictsInFiles));
    }
    Ok(())
}

/// Runs `ntm trend`, writing warnings to `stderr`.
pub fn run(options: &TrendOptions, env: &Env, stderr: &mut dyn Write) -> Result<()> {
    if !FORMATS.contains(&options.format) {
        return Err(not_written(options.format, "trend", FORMATS));
    }
    let first = options
        .inputs
        .first()
        .ok_or_else(|| Error::usage(Msg::TrendNeedsFile))?;
    let mut inputs: Vec<&str> = options.inputs.iter().map(String::as_str).collect();
    inputs.extend(options.criteria.file());
    inputs.extend(options.targets.as_deref());
    inputs.extend(options.map.as_deref());
    refuse_overwriting(options.output.as_deref(), &inputs)?;
    check_document_output(options.output.as_deref(), "trend", FORMATS, options.format)?;
    let set = scan::load_set(&options.criteria, first, &options.read, env.lang, stderr)?;
    let targets = options
        .targets
        .as_deref()
        .map(|path| Targets::load(path, &set))
        .transpose()?;
    let mergers = options.map.as_deref().map(Mergers::load).transpose()?;
    let mut builder = TrendBuilder::new(&set, targets.as_ref()).following(mergers.as_ref());
    let periods = if options.periods.is_empty() {
        FilePeriods::Names { or_given: true }
    } else {
        FilePeriods::Given(&options.periods)
    };
    read_files(
        &mut builder,
        &mut Sources::default(),
        &options.inputs,
        periods,
        &options.by,
        &options.read,
        env,
        stderr,
    )?;
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
                of_sections(&first, &lead, &sections, labels.lang)
                    .map_err(std::io::Error::other)
                    .and_then(|bytes| out.write_all(&bytes))
            }
            other => return Err(not_written(other, "trend", FORMATS)),
        };
        written.map_err(io_error(name))
    })
}
