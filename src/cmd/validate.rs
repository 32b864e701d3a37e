//! `ntm validate`: checks a survey file against a criteria set without scoring it, and reports
//! every problem with its code, file, line, column, value and what was expected — as a table for
//! people, or as one JSON document for machines (`docs/validate.md` explains the codes,
//! `docs/validate.schema.json` is the document's schema).

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use crate::code::{Code, Severity};
use crate::criteria::{CriteriaSet, SetChoice};
use crate::env::Env;
use crate::error::{Error, Location, Problem, Result};
use crate::lang::Lang;
use crate::msg::Msg;
use crate::render::labels::{Label, label};
use crate::render::{DocumentFormat, json_document, new_table, not_written};
use crate::scan::{self, RowOutcome, Scan, judge_header, lookup_problems, row_warning};
use crate::survey::SurveyReader;
use crate::survey::input::InputOptions;
use crate::text::shown;

/// At most this many problems are listed, errors first; the others are counted.
pub const MAX_LISTED: usize = 1000;

/// The formats `ntm validate` writes: a table of the problems for people, or the report as
/// JSON.
pub const FORMATS: &[DocumentFormat] = &[DocumentFormat::Table, DocumentFormat::Json];

/// What `ntm validate` was asked to do.
#[derive(Debug, Clone)]
pub struct ValidateOptions {
    /// The survey file.
    pub input: String,
    /// The criteria set.
    pub criteria: SetChoice,
    /// How to read the file.
    pub read: InputOptions,
    /// Output format.
    pub format: DocumentFormat,
    /// Only problems of these kinds are reported (all, when empty): `--pick`.
    pub pick: Vec<Code>,
    /// Problems of these kinds are not reported: `--skip`.
    pub skip: Vec<Code>,
}

impl ValidateOptions {
    /// Whether a problem of the kind `code` is reported.
    fn wanted(&self, code: Code) -> bool {
        (self.pick.is_empty() || self.pick.contains(&code)) && !self.skip.contains(&code)
    }
}

/// What `ntm validate` says of a file: whether it can be scored, figures, and the problems.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// No problem reported is an error.
    pub valid: bool,
    /// The rows read and the problems found.
    pub stats: Stats,
    /// The problems, errors first, each kind in file order; at most [`MAX_LISTED`].
    pub problems: Vec<Reported>,
}

/// The figures of a [`Report`]. Problems not reported (`--pick`, `--skip`) are not counted;
/// those reported but not listed are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Rows read as communes' rows (a header, blank, totals and heading rows are not).
    pub rows: u64,
    /// Of those, the rows read and scored without an error.
    pub communes: u64,
    /// Problems that are errors.
    pub errors: usize,
    /// Problems that are warnings.
    pub warnings: usize,
    /// Problems by code.
    pub by_code: BTreeMap<&'static str, usize>,
    /// Problems found but not listed, past the first [`MAX_LISTED`].
    pub unlisted: usize,
}

/// One problem as reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reported {
    /// The kind of problem.
    pub code: Code,
    /// How serious: the code's severity.
    pub severity: Severity,
    /// The file.
    pub file: String,
    /// A workbook's sheet.
    pub sheet: Option<String>,
    /// The line (a workbook's row).
    pub line: Option<u64>,
    /// The column's header.
    pub column: Option<String>,
    /// A workbook's cell, as Excel names it (`J15`).
    pub cell: Option<String>,
    /// The value.
    pub value: Option<String>,
    /// What is wrong and what was expected.
    pub message: String,
}

impl Reported {
    fn of(code: Code, p: Problem, lang: Lang) -> Reported {
        let Location {
            file,
            line,
            column,
            sheet,
            cell,
        } = p.location;
        Reported {
            code,
            severity: code.severity(),
            file,
            sheet,
            line,
            column,
            cell,
            value: p.value,
            message: p.message.text(lang),
        }
    }
}

/// The problems of a file as they are found, in file order: up to [`MAX_LISTED`] errors and as
/// many warnings, so that warnings never crowd out an error; all of them counted.
struct Kept<'o> {
    options: &'o ValidateOptions,
    /// The language messages are written in.
    lang: Lang,
    listed: Vec<Reported>,
    stats: Stats,
    /// A problem of no kind, which a report cannot hold: the command fails with it.
    uncoded: Vec<Problem>,
}

impl Kept<'_> {
    fn push(&mut self, problem: Problem) {
        let Some(code) = problem.code else {
            self.uncoded.push(problem);
            return;
        };
        if !self.options.wanted(code) {
            return;
        }
        *self.stats.by_code.entry(code.code()).or_default() += 1;
        let count = match code.severity() {
            Severity::Error => &mut self.stats.errors,
            Severity::Warning => &mut self.stats.warnings,
        };
        *count += 1;
        if *count <= MAX_LISTED {
            self.listed.push(Reported::of(code, problem, self.lang));
        }
    }

    fn report(mut self) -> Result<Report> {
        if !self.uncoded.is_empty() {
            return Err(Error::Invalid {
                problems: self.uncoded,
                omitted: 0,
            });
        }
        let mut problems = self.listed;
        problems.sort_by_key(|p| p.severity);
        problems.truncate(MAX_LISTED);
        self.stats.unlisted = self.stats.errors + self.stats.warnings - problems.len();
        Ok(Report {
            valid: self.stats.errors == 0,
            stats: self.stats,
            problems,
        })
    }
}

/// Checks the file and reports what was found. Which set was chosen, when none was named, is
/// said on `stderr`.
pub fn check(options: &ValidateOptions, env: &Env, stderr: &mut dyn Write) -> Result<Report> {
    let set = scan::load_set(
        &options.criteria,
        &options.input,
        &options.read,
        env.lang,
        stderr,
    )?;
    let mut kept = Kept {
        options,
        lang: env.lang,
        listed: Vec::new(),
        stats: Stats::default(),
        uncoded: Vec::new(),
    };
    let opened = SurveyReader::open(&options.input, &set, options.read.year, &options.read)
        .and_then(|reader| judge_header(&set, &reader).map(|warnings| (reader, warnings)));
    match opened {
        Ok((reader, warnings)) => {
            for warning in warnings {
                kept.push(warning);
            }
            rows(&set, reader, env, &mut kept)?;
        }
        // the header, or the file as a whole, is wrong: its rows are not read
        Err(Error::Invalid { problems, .. }) => {
            for problem in problems {
                kept.push(problem);
            }
        }
        Err(other) => return Err(other),
    }
    kept.report()
}

/// Checks the rows `reader` reads against `set`.
fn rows(set: &CriteriaSet, reader: SurveyReader<'_>, env: &Env, kept: &mut Kept) -> Result<()> {
    let file = reader.file().to_owned();
    let places = reader.places();
    let scan = Scan::new(set, reader);
    let skipped = scan.each_row(env, |outcome| {
        kept.stats.rows += 1;
        match outcome {
            RowOutcome::Invalid(problems) => {
                for problem in problems {
                    kept.push(problem);
                }
            }
            RowOutcome::Scored(scored, findings) => {
                kept.stats.communes += 1;
                let line = scored.commune.line;
                for finding in &findings {
                    if let Some(problem) = row_warning(set, &places, line, finding) {
                        kept.push(problem);
                    }
                }
            }
            RowOutcome::Unscorable { line, year, errors } => {
                for problem in lookup_problems(set, &file, line, year, &errors) {
                    kept.push(problem);
                }
            }
        }
        Ok(())
    })?;
    if let Some(skipped) = skipped {
        kept.push(skipped);
    }
    if kept.stats.rows == 0 {
        kept.push(Problem::coded(
            Code::NoCommunes,
            Location::file(&file),
            crate::msg::Msg::NoCommunes,
        ));
    }
    Ok(())
}

/// Runs `ntm validate`: writes the report and returns whether the file is valid (no problem
/// reported is an error).
pub fn run(
    options: &ValidateOptions,
    env: &Env,
    out: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<bool> {
    if !FORMATS.contains(&options.format) {
        return Err(not_written(options.format, "validate", FORMATS));
    }
    let report = check(options, env, stderr)?;
    let io = |source| Error::Io {
        path: "<stdout>".into(),
        source,
    };
    match options.format {
        DocumentFormat::Json => json_document(&report, out).map_err(io)?,
        DocumentFormat::Table => table(options, &report, env, out).map_err(io)?,
        other => return Err(not_written(other, "validate", FORMATS)),
    }
    Ok(report.valid)
}

/// The report as a table for people, each problem's code before what it says, and a line of
/// figures under it; a file without problems is one line (`FILE: ok`), in the run's language.
fn table(
    options: &ValidateOptions,
    report: &Report,
    env: &Env,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let file = crate::survey::input::shown(&options.input);
    let lang = env.lang;
    if report.problems.is_empty() && report.stats.unlisted == 0 {
        return writeln!(out, "{}", Msg::ValidateOk { file }.text(lang));
    }
    let mut table = new_table(env.table_width);
    table.set_header(
        std::iter::once("").chain(
            [Label::Line, Label::Column, Label::Value, Label::Problem].map(|l| label(l, lang)),
        ),
    );
    for p in &report.problems {
        let text = |s: &Option<String>| s.as_deref().map(shown).unwrap_or_default().into_owned();
        table.add_row([
            label(
                match p.severity {
                    Severity::Error => Label::SeverityError,
                    Severity::Warning => Label::SeverityWarning,
                },
                lang,
            )
            .to_owned(),
            // in a workbook, the cell (its row is the line)
            p.cell
                .clone()
                .or_else(|| p.line.map(|l| l.to_string()))
                .unwrap_or_default(),
            text(&p.column),
            text(&p.value),
            format!("[{}] {}", p.code, p.message),
        ]);
    }
    writeln!(out, "{table}")?;
    let s = &report.stats;
    let summary = Msg::ValidateSummary {
        file,
        errors: s.errors,
        warnings: s.warnings,
        unlisted: s.unlisted,
        rows: s.rows,
        communes: s.communes,
    };
    writeln!(out, "{}", summary.text(lang))
}
