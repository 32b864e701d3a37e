//! `ntm report`: the monthly report as one document.

use std::io::Write;

use super::diff::snapshots;
use super::progress::{check_districts, grouping_notes};
use super::trend::{FilePeriods, Sources, read_files};
use crate::aggregate::changes::{Snapshot, compare};
use crate::aggregate::periods::ByPeriod;
use crate::aggregate::progress::{By, Progress};
use crate::aggregate::targets::Targets;
use crate::aggregate::trend::TrendBuilder;
use crate::config::ReportHead;
use crate::criteria::{Date, SetChoice};
use crate::env::Env;
use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::msg::Msg;
use crate::render::output::{check_document_output, io_error, refuse_overwriting, write_whole};
use crate::render::pdf::{self, BrowserChoice};
use crate::render::report::{Report, html, markdown, xlsx};
use crate::render::{DocumentFormat, TableLabels, not_written};
use crate::scan::{self, Scan};
use crate::survey::input::{InputOptions, shown};
use crate::survey::period::Period;

/// The formats `ntm report` writes.
pub const FORMATS: &[DocumentFormat] = &[
    DocumentFormat::Html,
    DocumentFormat::Markdown,
    DocumentFormat::Xlsx,
    DocumentFormat::Pdf,
];

/// What `ntm report` was asked to do.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    /// This period's survey.
    pub input: String,
    /// A built-in set id or a YAML file.
    pub criteria: SetChoice,
    /// The period reported on: of a panel, the one to report on (the latest when `None`); of
    /// a file without a period column, the period it is of.
    pub period: Option<Period>,
    /// The targets file.
    pub targets: Option<String>,
    /// Last period's survey, for what changed.
    pub previous: Option<String>,
    /// Earlier periods' surveys, for the trend.
    pub history: Vec<String>,
    /// What the per-unit tables group communes by.
    pub by: By,
    /// The document format.
    pub format: DocumentFormat,
    /// The output file; standard output when `None` (not for a workbook).
    pub output: Option<String>,
    /// The report's date.
    pub date: Date,
    /// How to read the input files (encoding, delimiter, sheet, default year).
    pub read: InputOptions,
    /// Language of the document.
    pub lang: Lang,
    /// The issuing office's head and signature, from `ntm.toml`.
    pub head: ReportHead,
    /// Where to find the browser that prints a PDF.
    pub browser: BrowserChoice,
}

/// Runs `ntm report`, writing warnings to `stderr`.
pub fn run(options: &ReportOptions, env: &Env, stderr: &mut dyn Write) -> Result<()> {
    if !FORMATS.contains(&options.format) {
        return Err(not_written(options.format, "report", FORMATS));
    }
    if matches!(options.format, DocumentFormat::Xlsx | DocumentFormat::Pdf)
        && options.output.is_none()
    {
        return Err(Error::usage(Msg::ReportToStdout {
            pdf: options.format == DocumentFormat::Pdf,
        }));
    }
    let mut inputs = vec![options.input.as_str()];
    inputs.extend(options.criteria.file());
    inputs.extend(options.targets.as_deref());
    inputs.extend(options.previous.as_deref());
    inputs.extend(options.history.iter().map(String::as_str));
    refuse_overwriting(options.output.as_deref(), &inputs)?;
    check_document_output(options.output.as_deref(), "report", FORMATS, options.format)?;
    // the browser is found before anything is read: without one, nothing is done
    let browser = (options.format == DocumentFormat::Pdf)
        .then(|| options.browser.find())
        .transpose()?;
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
    let panel = scan.has_periods();
    let file = shown(&options.input);
    // the period of a file without a period column: --period, or with --history its name's
    let own_period = if panel {
        None
    } else if let Some(period) = options.period {
        Some(period)
    } else if options.history.is_empty() {
        None
    } else {
        Some(
            Period::in_file_name(&options.input, options.read.year)
                .ok_or_else(|| Error::usage(Msg::ReportNeedsPeriod { file: file.clone() }))?,
        )
    };
    // what the report needs of each period, until the file says which is the latest
    let fresh = || {
        (
            Progress::new(&set, targets.as_ref(), by.clone()).with_district_column(district_column),
            Vec::new(),
        )
    };
    let mut periods = ByPeriod::new(if panel { options.period } else { None });
    // every period of a panel and of the history, for the report's trend section
    let mut trend =
        (panel || !options.history.is_empty()).then(|| TrendBuilder::new(&set, targets.as_ref()));
    let mut sources = Sources::default();
    sources.first_reading(&options.input);
    let mut claimed = None;
    scan.run(env, stderr, |score| {
        if let (Some(trend), Some(period)) = (&mut trend, score.commune.period.or(own_period)) {
            if claimed != Some(period) {
                sources.claim(period, &file)?;
                claimed = Some(period);
            }
            trend.add(period, &score);
        }
        if let Some((progress, rows)) = periods.value(score.commune.period, fresh) {
            progress.add(&score);
            rows.push(Snapshot::of(&set, &score));
        }
        Ok(())
    })?;
    let chosen = periods.choose(&file)?;
    if let Some(note) = &chosen.note {
        let _ = writeln!(stderr, "note: {}", note.text(env.lang));
    }
    let period = chosen.period.or(own_period);
    let (progress, rows): (Progress, Vec<Snapshot>) = chosen.value.unwrap_or_else(fresh);
    check_districts(&progress, district_column, &file)?;
    grouping_notes(
        &progress,
        &by,
        district_column,
        targets.as_ref(),
        env.lang,
        stderr,
    );
    if let Some(trend) = &mut trend {
        read_files(
            trend,
            &mut sources,
            &options.history,
            FilePeriods::Names { or_given: false },
            &By::Province,
            &options.read,
            env,
            stderr,
        )?;
        // the trend ends at the period reported on
        let later = period.map(|p| trend.retain_until(p)).unwrap_or_default();
        if let Some(period) = period.filter(|_| !later.is_empty()) {
            let note = Msg::TrendEnds {
                period: period.to_string(),
                later: later.iter().map(ToString::to_string).collect(),
            };
            let _ = writeln!(stderr, "note: {}", note.text(env.lang));
        }
    }
    let changes = match &options.previous {
        Some(previous) => Some(compare(
            &set,
            snapshots(&set, previous, &options.read, env, stderr)?,
            &rows,
        )),
        None => None,
    };
    for warning in changes.iter().flat_map(|c| &c.warnings) {
        let _ = writeln!(stderr, "warning: {}", warning.text(env.lang));
    }
    let report = Report {
        set: &set,
        date: options.date,
        labels: TableLabels::new(&set, options.lang, env.table_width),
        progress: {
            let mut report = progress.finish();
            report.period = period.map(|p| p.to_string());
            report.conditions_not_judged = conditions_not_judged;
            report
        },
        rows: &rows,
        changes,
        trend: trend
            .map(TrendBuilder::finish)
            .filter(|t| t.periods.len() > 1),
        criteria_missing,
        head: &options.head,
    };
    if let Some(browser) = &browser {
        let note = Msg::PrintingPdf {
            browser: browser.display().to_string(),
            communes: rows.len(),
        };
        let _ = writeln!(stderr, "note: {}", note.text(env.lang));
    }
    write_whole(options.output.as_deref(), |out, name| {
        let written = match (options.format, &browser) {
            (DocumentFormat::Html, _) => html(&report, out),
            (DocumentFormat::Markdown, _) => markdown(&report, out),
            (DocumentFormat::Xlsx, _) => xlsx(&report)
                .map_err(|e| std::io::Error::other(e.to_string()))
                .and_then(|bytes| out.write_all(&bytes)),
            (DocumentFormat::Pdf, Some(browser)) => {
                let mut page = Vec::new();
                html(&report, &mut page).map_err(io_error(name))?;
                out.write_all(&pdf::print(browser, &page)?)
            }
            (other, _) => return Err(not_written(other, "report", FORMATS)),
        };
        written.map_err(io_error(name))
    })
}
