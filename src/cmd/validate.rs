//! `ntm validate`: checks a survey file against a criteria set without scoring it — every
//! problem, with its file, line, column, value and what was expected.

use std::io::Write;

use serde::Serialize;

use crate::criteria::{CriteriaSet, LevelLookup, SetChoice};
use crate::env::Env;
use crate::error::{Error, Location, Problem, Result};
use crate::render::{DocumentFormat, json_document, new_table, not_written};
use crate::scan::{self, MAX_UNUSED_NAMED, RowOutcome, Scan, column_hint, judge_header};
use crate::score::Finding;
use crate::survey::SurveyReader;
use crate::survey::input::InputOptions;
use crate::text::shown;

/// At most this many findings are listed; the rest are counted.
const MAX_FINDINGS: usize = 1000;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The file cannot be scored as it is.
    Error,
    /// Worth a look; scoring goes ahead.
    Warning,
}

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidationFinding {
    /// How serious.
    pub severity: Severity,
    /// The file.
    pub file: String,
    /// The line (or spreadsheet row).
    pub line: Option<u64>,
    /// The column header.
    pub column: Option<String>,
    /// The value.
    pub value: Option<String>,
    /// What is wrong and what was expected.
    pub message: String,
}

impl ValidationFinding {
    fn of(severity: Severity, p: Problem) -> ValidationFinding {
        ValidationFinding {
            severity,
            file: p.location.file,
            line: p.location.line,
            column: p.location.column,
            value: p.value,
            message: p.message,
        }
    }
}

/// The formats `ntm validate` writes: a table of the findings for people, or JSON.
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
}

/// The findings of a file as they are found, in file order: up to [`MAX_FINDINGS`] errors and
/// as many warnings, so that warnings never crowd out an error; the others are counted.
#[derive(Default)]
struct Kept {
    findings: Vec<ValidationFinding>,
    errors: usize,
    warnings: usize,
    dropped: usize,
}

impl Kept {
    fn push(&mut self, finding: ValidationFinding) {
        let count = match finding.severity {
            Severity::Error => &mut self.errors,
            Severity::Warning => &mut self.warnings,
        };
        if *count < MAX_FINDINGS {
            *count += 1;
            self.findings.push(finding);
        } else {
            self.dropped += 1;
        }
    }

    /// Whether no more findings of either kind are kept.
    fn full(&self) -> bool {
        self.errors >= MAX_FINDINGS && self.warnings >= MAX_FINDINGS
    }
}

/// Checks the file; returns the findings (errors first in file order, then warnings). Which
/// set was chosen, when none was named, is said on `stderr`.
pub fn check(
    options: &ValidateOptions,
    env: &Env,
    stderr: &mut dyn Write,
) -> Result<Vec<ValidationFinding>> {
    let set = scan::load_set(&options.criteria, &options.input, &options.read, stderr)?;
    let reader = match SurveyReader::open(&options.input, &set, options.read.year, &options.read) {
        Ok(reader) => reader,
        Err(Error::Invalid { problems, .. }) => {
            return Ok(problems
                .into_iter()
                .map(|p| ValidationFinding::of(Severity::Error, p))
                .collect());
        }
        Err(other) => return Err(other),
    };
    findings(&set, reader, env)
}

/// What a row lacks for an indicator whose threshold needs it.
fn lookup_message(set: &CriteriaSet, lookup: LevelLookup) -> String {
    match lookup {
        LevelLookup::NeedsClass => format!(
            "its thresholds differ by {}, and this row has none",
            set.classification.column
        ),
        LevelLookup::NeedsYear => {
            "its thresholds differ by year, and this row has none; add a year column or pass --year"
                .to_owned()
        }
        LevelLookup::YearOutOfRange { first, last } => {
            format!("the set has its thresholds only for {first}–{last}")
        }
    }
}

/// The findings of the rows `reader` reads against `set`, and of its header.
fn findings(
    set: &CriteriaSet,
    reader: SurveyReader<'_>,
    env: &Env,
) -> Result<Vec<ValidationFinding>> {
    let mut kept = Kept::default();
    let file = reader.file().to_owned();
    let unused = reader.unused_columns();
    for column in unused.iter().take(MAX_UNUSED_NAMED) {
        let hint = column_hint(column, set)
            .map(|hint| format!("; {hint}"))
            .unwrap_or_default();
        kept.push(ValidationFinding::of(
            Severity::Warning,
            Problem::new(
                Location::file(&file).at_line(1).in_column(column),
                format!(
                    "column not used by criteria set {} and ignored{hint}",
                    set.id
                ),
            ),
        ));
    }
    if let Some(more) = unused
        .len()
        .checked_sub(MAX_UNUSED_NAMED)
        .filter(|n| *n > 0)
    {
        kept.push(ValidationFinding::of(
            Severity::Warning,
            Problem::new(
                Location::file(&file).at_line(1),
                format!(
                    "… and {more} more columns not used by criteria set {}, also ignored",
                    set.id
                ),
            ),
        ));
    }
    let (severity, said) = match judge_header(set, &reader) {
        Err(refusal) => (Severity::Error, Some(refusal.to_string())),
        Ok(missing) => (Severity::Warning, missing),
    };
    if let Some(said) = said {
        kept.push(ValidationFinding::of(
            severity,
            Problem::new(Location::file(&file), said),
        ));
    }
    for warning in reader.warnings() {
        kept.push(ValidationFinding::of(
            Severity::Warning,
            Problem::new(Location::file(&file), warning.clone()),
        ));
    }
    let mut rows = 0u64;
    let mut unchecked = 0u64;
    let scan = Scan::new(set, reader);
    let skipped = scan.each_row(env, |outcome| {
        rows += 1;
        if kept.full() {
            unchecked += 1;
            return Ok(());
        }
        match outcome {
            RowOutcome::Invalid(problems) => {
                for p in problems {
                    kept.push(ValidationFinding::of(Severity::Error, p));
                }
            }
            RowOutcome::Scored(scored, findings) => {
                let line = scored.commune.line;
                for finding in findings {
                    if let Finding::Disagreement {
                        tier,
                        criterion,
                        column,
                        indicators,
                    } = finding
                    {
                        kept.push(ValidationFinding::of(
                            Severity::Warning,
                            Problem::new(
                                Location::file(&file)
                                    .at_line(line)
                                    .in_column(&set.tiers[tier].verdict_column(criterion)),
                                format!(
                                    "says \"{column}\" but the indicators give \"{indicators}\""
                                ),
                            ),
                        ));
                    }
                }
            }
            RowOutcome::Unscorable { line, errors, .. } => {
                for e in errors {
                    kept.push(ValidationFinding::of(
                        Severity::Error,
                        Problem::new(
                            Location::file(&file).at_line(line),
                            format!(
                                "indicator {}: {}",
                                e.indicator,
                                lookup_message(set, e.lookup)
                            ),
                        ),
                    ));
                }
            }
        }
        Ok(())
    })?;
    if let Some(skipped) = skipped {
        kept.push(ValidationFinding::of(
            Severity::Warning,
            Problem::new(Location::file(&file), skipped),
        ));
    }
    let mut findings = kept.findings;
    if rows == 0 {
        findings.push(ValidationFinding::of(
            Severity::Warning,
            Problem::new(
                Location::file(&file),
                "the file has a header but no communes",
            ),
        ));
    }
    findings.sort_by_key(|f| f.severity != Severity::Error);
    let dropped = kept.dropped + findings.len().saturating_sub(MAX_FINDINGS);
    findings.truncate(MAX_FINDINGS);
    if dropped > 0 || unchecked > 0 {
        let said = match (dropped, unchecked) {
            (0, _) => format!("the {unchecked} rows after these findings were not checked"),
            (_, 0) => format!("… and {dropped} more findings not listed"),
            _ => format!(
                "… and {dropped} more findings not listed, and the {unchecked} rows after them not checked"
            ),
        };
        findings.push(ValidationFinding::of(
            Severity::Warning,
            Problem::new(Location::file(&file), said),
        ));
    }
    Ok(findings)
}

/// Runs `ntm validate`: writes the findings and returns whether any is an error.
pub fn run(
    options: &ValidateOptions,
    env: &Env,
    out: &mut dyn Write,
    stderr: &mut dyn Write,
) -> Result<bool> {
    if !FORMATS.contains(&options.format) {
        return Err(not_written(options.format, "validate", FORMATS));
    }
    let findings = check(options, env, stderr)?;
    let io = |source| Error::Io {
        path: "<stdout>".into(),
        source,
    };
    match options.format {
        DocumentFormat::Json => {
            json_document(&findings, out).map_err(io)?;
        }
        DocumentFormat::Table => {
            if findings.is_empty() {
                writeln!(out, "{}: ok", options.input).map_err(io)?;
            } else {
                let mut table = new_table(env.table_width);
                table.set_header(["", "line", "column", "value", "problem"]);
                for f in &findings {
                    table.add_row([
                        match f.severity {
                            Severity::Error => "error".to_owned(),
                            Severity::Warning => "warning".to_owned(),
                        },
                        f.line.map(|l| l.to_string()).unwrap_or_default(),
                        f.column
                            .as_deref()
                            .map(shown)
                            .unwrap_or_default()
                            .into_owned(),
                        f.value
                            .as_deref()
                            .map(shown)
                            .unwrap_or_default()
                            .into_owned(),
                        f.message.clone(),
                    ]);
                }
                writeln!(out, "{table}").map_err(io)?;
            }
        }
        other => return Err(not_written(other, "validate", FORMATS)),
    }
    Ok(findings.iter().any(|f| f.severity == Severity::Error))
}
