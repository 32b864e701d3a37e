//! `ntm progress`: the province's progress against its targets, and each unit's (district, or
//! the column named with `--by`).

use std::io::Write;

use crate::aggregate::periods::ByPeriod;
use crate::aggregate::progress::{By, Progress};
use crate::aggregate::targets::Targets;
use crate::criteria::SetChoice;
use crate::env::Env;
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::msg::Msg;
use crate::render::output::{check_document_output, io_error, refuse_overwriting, write_whole};
use crate::render::{DocumentFormat, TableLabels, json_document, not_written, sections, workbook};
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
    /// What the per-unit tables group communes by.
    pub by: By,
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

/// Says on `stderr` what grouping leaves aside: for a survey with a district column of a year
/// after districts were abolished, grouped as by default, that it is reported for the province
/// as a whole; for a report grouped by another column, that the targets' districts are not
/// judged; for one grouped by district, the districts of the targets that have no communes.
pub fn grouping_notes(
    tally: &Progress<'_>,
    asked: &By,
    district_column: bool,
    targets: Option<&Targets>,
    lang: Lang,
    stderr: &mut dyn Write,
) {
    if *asked == By::Default && district_column && tally.after_districts() {
        let note = Msg::DistrictsAbolished {
            year: tally.latest_year().unwrap_or_default(),
        };
        let _ = writeln!(stderr, "note: {}", note.text(lang));
    }
    let Some(targets) = targets.filter(|t| !t.districts.is_empty()) else {
        return;
    };
    match tally.grouping() {
        By::District => {
            for (district, _) in &targets.districts {
                if !tally.has_group(district) {
                    let warning = Msg::TargetDistrictWithoutCommunes {
                        district: district.clone(),
                    };
                    let _ = writeln!(stderr, "warning: {}", warning.text(lang));
                }
            }
        }
        By::Column(column) => {
            let note = Msg::DistrictTargetsNotJudged {
                column: column.clone(),
            };
            let _ = writeln!(stderr, "note: {}", note.text(lang));
        }
        By::Default | By::Province => {}
    }
}

/// Fails when the report was asked to group by district (`--by district`) and the survey has
/// neither a district column nor group headings that name districts.
pub fn check_districts(tally: &Progress<'_>, district_column: bool, file: &str) -> Result<()> {
    if tally.grouping() == By::District && !district_column && !tally.has_named_group() {
        return Err(Error::usage(Msg::NoDistricts {
            file: file.to_owned(),
        }));
    }
    Ok(())
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
    check_document_output(
        options.output.as_deref(),
        "progress",
        FORMATS,
        options.format,
    )?;
    let set = scan::load_set(
        &options.criteria,
        &options.input,
        &options.read,
        env.lang,
        stderr,
    )?;
    let targets = options
        .targets
        .as_deref()
        .map(|path| Targets::load(path, &set))
        .transpose()?;
    let (scan, by) = Scan::open_by(
        &set,
        &options.input,
        &options.read,
        &options.by,
        env.lang,
        stderr,
    )?;
    let district_column = scan.has_district();
    let criteria_missing = scan.criteria_missing().map(|m| m.text(options.lang));
    let conditions_not_judged = scan.conditions_absent();
    let mut tallies = ByPeriod::new(options.period);
    scan.run(env, stderr, |score| {
        if let Some(tally) = tallies.value(score.commune.period, || {
            Progress::new(&set, targets.as_ref(), by.clone()).with_district_column(district_column)
        }) {
            tally.add(&score);
        }
        Ok(())
    })?;
    let chosen = tallies.choose(&shown(&options.input))?;
    if let Some(note) = &chosen.note {
        let _ = writeln!(stderr, "note: {}", note.text(env.lang));
    }
    let tally = chosen.value.unwrap_or_else(|| {
        Progress::new(&set, targets.as_ref(), by.clone()).with_district_column(district_column)
    });
    check_districts(&tally, district_column, &shown(&options.input))?;
    grouping_notes(
        &tally,
        &by,
        district_column,
        targets.as_ref(),
        env.lang,
        stderr,
    );
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
            DocumentFormat::Xlsx => workbook::progress(&report, &labels, out),
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
