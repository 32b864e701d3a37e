//! `ntm progress`: the province's and each district's progress against its targets.

use std::io::Write;

use crate::aggregate::periods::ByPeriod;
use crate::aggregate::progress::Progress;
use crate::aggregate::targets::Targets;
use crate::criteria::SetChoice;
use crate::env::Env;
use crate::error::Result;
use crate::lang::Lang;
use crate::render::output::{check_extension, io_error, refuse_overwriting, write_whole};
use crate::render::{DocumentFormat, TableLabels, json_document, not_written, sections};
use crate::scan::{self, Scan};
use crate::survey::input::{InputOptions, shown};
use crate::survey::period::Period;

/// The formats `ntm progress` writes.
pub const FORMATS: &[DocumentFormat] = &[
    DocumentFormat::Table,
    DocumentFormat::Json,
    DocumentFormat::Markdown,
    DocumentFormat::Xlsx,
];

/// What `ntm progress` was asked to do.
#[derive(Debug, Clone)]
pub struct ProgressOptions {
    /// The survey file, `-` for standard input.
    pub input: String,
    /// A built-in set id or a YAML file.
    pub criteria: SetChoice,
    /// The targets file.
    pub targets: Option<String>,
    /// Group by district: `Some(true)` or `Some(false)` when asked, `None` to group when the
    /// data has a district column.
    pub by_district: Option<bool>,
    /// The output format.
    pub format: DocumentFormat,
    /// The output file; standard output when `None`.
    pub output: Option<String>,
    /// How to read the input files (encoding, delimiter, sheet, default year).
    pub read: InputOptions,
    /// The period of a panel to report on; the latest when `None`.
    pub period: Option<Period>,
    /// Language of labels.
    pub lang: Lang,
}

/// Whether every target was met, for `--check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetsOutcome {
    /// Every target met (or there were none).
    AllMet,
    /// At least one target not met, or not judged.
    NotAllMet,
}

/// Says on `stderr` that a survey with a district column is reported for the province as a
/// whole, when it is for a year after districts were abolished.
pub fn abolished_districts(tally: &Progress<'_>, stderr: &mut dyn Write) {
    if tally.after_districts() {
        let _ = writeln!(
            stderr,
            "note: districts were abolished on 1/7/2025, so the {} survey is reported for the province as a whole; --by district groups by the district column",
            tally.latest_year().unwrap_or_default()
        );
    }
}

/// Runs `ntm progress`, writing warnings to `stderr`.
pub fn run(options: &ProgressOptions, env: &Env, stderr: &mut dyn Write) -> Result<TargetsOutcome> {
    if !FORMATS.contains(&options.format) {
        return Err(not_written(options.format, "progress", FORMATS));
    }
    let mut inputs = vec![options.input.as_str()];
    inputs.extend(options.criteria.file());
    inputs.extend(options.targets.as_deref());
    refuse_overwriting(options.output.as_deref(), &inputs)?;
    check_extension(
        options.output.as_deref(),
        "progress",
        &["json", "md", "markdown", "txt", "xlsx"],
        options.format == DocumentFormat::Xlsx,
    )?;
    let set = scan::load_set(&options.criteria, &options.input, &options.read, stderr)?;
    let targets = options
        .targets
        .as_deref()
        .map(|path| Targets::load(path, &set))
        .transpose()?;
    let scan = Scan::open(&set, &options.input, &options.read, stderr)?;
    let by_district = options.by_district;
    let district_column = scan.has_district();
    let criteria_missing = scan.criteria_missing().map(str::to_owned);
    let conditions_not_judged = scan.conditions_absent();
    let mut tallies = ByPeriod::new(options.period);
    scan.run(env, stderr, |score| {
        if let Some(tally) = tallies.value(score.commune.period, || {
            Progress::new(&set, targets.as_ref(), by_district).with_district_column(district_column)
        }) {
            tally.add(score);
        }
        Ok(())
    })?;
    let chosen = tallies.choose(&shown(&options.input))?;
    if let Some(note) = &chosen.note {
        let _ = writeln!(stderr, "note: {note}");
    }
    let tally = chosen.value.unwrap_or_else(|| {
        Progress::new(&set, targets.as_ref(), by_district).with_district_column(district_column)
    });
    if by_district.is_none() && district_column {
        abolished_districts(&tally, stderr);
    }
    if let Some(targets) = &targets {
        for (district, _) in &targets.districts {
            if tally.by_district() && !tally.has_district(district) {
                let _ = writeln!(
                    stderr,
                    "warning: the targets name district {district}, which has no communes in the data"
                );
            }
        }
    }
    let mut report = tally.finish();
    report.period = chosen.period.map(|p| p.to_string());
    report.criteria_missing = criteria_missing;
    report.conditions_not_judged = conditions_not_judged;
    let labels = TableLabels::new(&set, options.lang, env.table_width);
    write_whole(options.output.as_deref(), |out, name| {
        let written = match options.format {
            DocumentFormat::Json => json_document(&report, out),
            DocumentFormat::Table => sections::table(&report, &labels, out),
            DocumentFormat::Markdown => sections::markdown(&report, &labels, out),
            DocumentFormat::Xlsx => sections::xlsx(&report, &labels, out),
            other => return Err(not_written(other, "progress", FORMATS)),
        };
        written.map_err(io_error(name))
    })?;
    Ok(if report.all_met() {
        TargetsOutcome::AllMet
    } else {
        TargetsOutcome::NotAllMet
    })
}
