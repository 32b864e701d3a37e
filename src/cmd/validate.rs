//! `ntm validate`: checks a survey file against a criteria set without scoring it — every
//! problem, with its file, line, column, value and what was expected.

use std::collections::HashSet;
use std::io::Write;

use serde::Serialize;

use crate::criteria::CriteriaSet;
use crate::error::{Error, Location, Problem, Result};
use crate::input::InputOptions;
use crate::render::{new_table, table_width};
use crate::score::{Finding, score};
use crate::survey::{RESERVED_COLUMNS, SurveyReader};
use crate::text::fold;

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

/// Formats of the findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingsFormat {
    /// One line per finding, for people.
    Text,
    /// A JSON array.
    Json,
}

/// What `ntm validate` was asked to do.
#[derive(Debug, Clone)]
pub struct ValidateOptions {
    /// The survey file.
    pub input: String,
    /// The criteria set.
    pub criteria: String,
    /// How to read the file.
    pub read: InputOptions,
    /// Output format.
    pub format: FindingsFormat,
}

/// The column a user probably meant by `header`, among the columns `set` knows.
fn did_you_mean(header: &str, set: &CriteriaSet) -> Option<String> {
    let key = fold(header);
    let mut known: Vec<String> = RESERVED_COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    known.push(set.classification.column.clone());
    known.extend(
        set.classification
            .overrides
            .iter()
            .map(|o| o.column.clone()),
    );
    known.extend(set.columns.iter().cloned());
    for tier in &set.tiers {
        known.extend(tier.criteria.iter().map(|c| tier.verdict_column(c.number)));
    }
    known
        .into_iter()
        .map(|k| (strsim::normalized_damerau_levenshtein(&key, &fold(&k)), k))
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// The findings of a file as they are found, in file order: up to [`MAX_FINDINGS`] errors and
/// as many warnings, so that warnings never crowd out an error.
#[derive(Default)]
struct Kept {
    findings: Vec<ValidationFinding>,
    /// Whether each finding came from scoring its row.
    scored: Vec<bool>,
    errors: usize,
    warnings: usize,
}

impl Kept {
    fn push(&mut self, scored: bool, finding: ValidationFinding) {
        let count = match finding.severity {
            Severity::Error => &mut self.errors,
            Severity::Warning => &mut self.warnings,
        };
        if *count < MAX_FINDINGS {
            *count += 1;
            self.findings.push(finding);
            self.scored.push(scored);
        }
    }

    /// Whether no more findings of either kind are kept.
    fn full(&self) -> bool {
        self.errors >= MAX_FINDINGS && self.warnings >= MAX_FINDINGS
    }
}

/// Checks the file; returns the findings (errors first in file order, then warnings).
pub fn check(options: &ValidateOptions) -> Result<Vec<ValidationFinding>> {
    let set = CriteriaSet::load(&options.criteria)?;
    let mut reader =
        match SurveyReader::open(&options.input, &set, options.read.year, &options.read) {
            Ok(reader) => reader,
            Err(Error::Invalid { problems, .. }) => {
                return Ok(problems
                    .into_iter()
                    .map(|p| ValidationFinding::of(Severity::Error, p))
                    .collect());
            }
            Err(other) => return Err(other),
        };
    Ok(findings(&set, &mut reader))
}

/// The findings of the rows `reader` reads against `set`, and of its header.
fn findings(set: &CriteriaSet, reader: &mut SurveyReader<'_>) -> Vec<ValidationFinding> {
    let mut kept = Kept::default();
    let file = reader.file().to_owned();
    for column in reader.unused_columns() {
        let hint = did_you_mean(column, set)
            .map(|k| format!("; did you mean \"{k}\"?"))
            .unwrap_or_default();
        kept.push(
            false,
            ValidationFinding::of(
                Severity::Warning,
                Problem::new(
                    Location::file(&file).at_line(1).in_column(column),
                    format!(
                        "column not used by criteria set {} and ignored{hint}",
                        set.id
                    ),
                ),
            ),
        );
    }
    for warning in reader.warnings() {
        kept.push(
            false,
            ValidationFinding::of(
                Severity::Warning,
                Problem::new(Location::file(&file), warning.clone()),
            ),
        );
    }
    let mut rows = 0u64;
    while let Some(row) = reader.next_commune() {
        rows += 1;
        if kept.full() {
            continue;
        }
        match row {
            Err(problems) => {
                for p in problems {
                    kept.push(false, ValidationFinding::of(Severity::Error, p));
                }
            }
            Ok(commune) => {
                let line = commune.line;
                match score(set, commune) {
                    Ok((_, notes)) => {
                        for note in notes {
                            if let Finding::Disagreement {
                                tier,
                                criterion,
                                column,
                                indicators,
                            } = note
                            {
                                kept.push(true, ValidationFinding::of(
                                    Severity::Warning,
                                    Problem::new(
                                        Location::file(&file)
                                            .at_line(line)
                                            .in_column(&set.tiers[tier].verdict_column(criterion)),
                                        format!("says \"{column}\" but the indicators give \"{indicators}\""),
                                    ),
                                ));
                            }
                        }
                    }
                    Err(errors) => {
                        for e in errors {
                            kept.push(true, ValidationFinding::of(
                                Severity::Error,
                                Problem::new(
                                    Location::file(&file).at_line(line),
                                    format!(
                                        "indicator {}: {}",
                                        e.indicator,
                                        match e.lookup {
                                            crate::criteria::LevelLookup::NeedsClass => format!(
                                                "its thresholds differ by {}, and this row has none",
                                                set.classification.column
                                            ),
                                            crate::criteria::LevelLookup::NeedsYear => {
                                                "its thresholds differ by year, and this row has none; add a year column or pass --year".to_owned()
                                            }
                                            crate::criteria::LevelLookup::YearOutOfRange { first, last } => {
                                                format!("the set has its thresholds only for {first}–{last}")
                                            }
                                        }
                                    ),
                                ),
                            ));
                        }
                    }
                }
            }
        }
    }
    let late = reader.finish(MAX_FINDINGS);
    // a row that repeats an id is not scored: what scoring said of a row found to repeat one
    // only at the end goes
    let repeats: HashSet<u64> = late
        .problems
        .iter()
        .filter_map(|p| p.location.line)
        .collect();
    let findings = kept
        .findings
        .into_iter()
        .zip(kept.scored)
        .filter(|(f, scored)| !(*scored && f.line.is_some_and(|l| repeats.contains(&l))))
        .map(|(f, _)| f)
        .collect();
    let mut findings = late.merge_into(
        findings,
        |f| f.line,
        |p| ValidationFinding::of(Severity::Error, p),
    );
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
    findings.truncate(MAX_FINDINGS);
    findings
}

/// Runs `ntm validate`: writes the findings and returns whether any is an error.
pub fn run(options: &ValidateOptions, out: &mut dyn Write) -> Result<bool> {
    let findings = check(options)?;
    let io = |source| Error::Io {
        path: "<stdout>".into(),
        source,
    };
    match options.format {
        FindingsFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &findings).map_err(|e| io(e.into()))?;
            writeln!(out).map_err(io)?;
        }
        FindingsFormat::Text => {
            if findings.is_empty() {
                writeln!(out, "{}: ok", options.input).map_err(io)?;
            } else {
                let mut table = new_table(table_width());
                table.set_header(["", "line", "column", "value", "problem"]);
                for f in &findings {
                    table.add_row([
                        match f.severity {
                            Severity::Error => "error".to_owned(),
                            Severity::Warning => "warning".to_owned(),
                        },
                        f.line.map(|l| l.to_string()).unwrap_or_default(),
                        f.column.clone().unwrap_or_default(),
                        f.value.clone().unwrap_or_default(),
                        f.message.clone(),
                    ]);
                }
                writeln!(out, "{table}").map_err(io)?;
            }
        }
    }
    Ok(findings.iter().any(|f| f.severity == Severity::Error))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row found only at the end to repeat an id gives what a row caught on the spot gives:
    /// the repeat and what its cells said, not what scoring it said.
    #[test]
    fn rows_found_to_repeat_at_the_end_give_what_rows_caught_on_the_spot_give() {
        let set = CriteriaSet::from_yaml(
            include_str!("../../tests/data/mini-set.yaml"),
            "mini-set.yaml",
        )
        .unwrap();
        // line 6 repeats C with no region (a scoring error), line 7 repeats D with a verdict
        // its indicator contradicts (a warning), line 9 repeats E with a value that is not a
        // number
        let csv = "commune_id,commune,region,year,1.1,TC1\n\
                   A,a,NORTH,2024,0,Không đạt\n\
                   B,b,NORTH,2024,0,Không đạt\n\
                   C,c,NORTH,2024,0,Không đạt\n\
                   D,d,NORTH,2024,0,Không đạt\n\
                   C,c,,2024,0,Không đạt\n\
                   D,d,NORTH,2024,0,Đạt\n\
                   E,e,NORTH,2024,0,Đạt\n\
                   E,e,NORTH,2024,x,Đạt\n";
        let run = |limits: Option<(usize, usize, usize)>| {
            let mut reader = SurveyReader::from_reader(
                Box::new(std::io::Cursor::new(csv.to_owned())),
                "t.csv",
                &set,
                None,
            )
            .unwrap();
            if let Some((kept, run, fan_in)) = limits {
                reader.parts().2.set_limits(kept, run, fan_in);
            }
            let found: Vec<(Severity, Option<u64>, String)> = findings(&set, &mut reader)
                .into_iter()
                .map(|f| (f.severity, f.line, f.message))
                .collect();
            found
        };
        let on_the_spot = run(None);
        let lines: Vec<Option<u64>> = on_the_spot.iter().map(|f| f.1).collect();
        // errors first: the repeats on 6, 7 and 9 (with its bad value), then E's warning on 8
        assert_eq!(
            lines,
            [Some(6), Some(7), Some(9), Some(9), Some(8)],
            "{on_the_spot:?}"
        );
        assert_eq!(run(Some((2, 1, 2))), on_the_spot);
        assert_eq!(run(Some((0, 2, 3))), on_the_spot);
    }
}
