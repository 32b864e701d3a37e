//! The codes of the problems a survey file can have: one list, each code with its severity.
//! `validate` reports them (`--pick` and `--skip` choose among them), `score` and the other
//! commands that read a survey put them in their messages (`error[not-a-number]: …`), and
//! `docs/validate.md` explains each. A code, once published, keeps its meaning: a new kind of
//! problem gets a new code.

use std::fmt;

use serde::Serialize;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The file cannot be scored as it is.
    Error,
    /// Worth a look; scoring goes ahead.
    Warning,
}

impl Severity {
    /// The word for it: `error` or `warning`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Declares [`Code`] from one table: variant, code, severity, and what the variant stands for.
macro_rules! codes {
    ($($(#[doc = $doc:expr])* $variant:ident = $code:literal, $severity:ident;)*) => {
        /// The kind of a problem in a survey file, by a stable kebab-case code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($(#[doc = $doc])* $variant,)*
        }

        impl Code {
            /// Every code, in the order `docs/validate.md` lists them.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as written in reports and messages (`not-a-number`).
            #[must_use]
            pub fn code(self) -> &'static str {
                match self {
                    $(Code::$variant => $code,)*
                }
            }

            /// How serious a problem of this kind is.
            #[must_use]
            pub fn severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$severity,)*
                }
            }
        }
    };
}

codes! {
    // the file and its rows as text
    /// A row has more or fewer fields than the header has columns.
    RaggedRow = "ragged-row", Error;
    /// A row the CSV reader cannot read at all.
    UnreadableRow = "unreadable-row", Error;
    /// A cell (or a header) that is not UTF-8 text.
    NotUtf8 = "not-utf8", Error;
    /// A cell holding U+FFFD, what decoding leaves of a character it could not read.
    ReplacementCharacter = "replacement-character", Error;
    /// A workbook that cannot be read, or that has no sheet.
    UnreadableWorkbook = "unreadable-workbook", Error;
    /// A workbook saved with a password.
    EncryptedWorkbook = "encrypted-workbook", Error;
    /// A workbook or sheet larger than a survey can be.
    WorkbookTooBig = "workbook-too-big", Error;
    // the header
    /// No column of the header is the commune id's.
    NoIdColumn = "no-id-column", Error;
    /// A column the set uses appears twice.
    DuplicateColumn = "duplicate-column", Error;
    /// A verdict column's header names another criterion than its number.
    MisnamedCriterion = "misnamed-criterion", Error;
    /// The columns belong to another built-in criteria set.
    WrongSet = "wrong-set", Error;
    /// Not one column of the set's criteria is found.
    NoCriterionColumns = "no-criterion-columns", Error;
    /// A column the set does not use; it is ignored.
    UnknownColumn = "unknown-column", Warning;
    /// A column without a header; it is ignored.
    BlankHeader = "blank-header", Warning;
    /// Some criteria have no column: they are not assessed.
    MissingCriteria = "missing-criteria", Warning;
    // the cells of a row
    /// A row without a commune id.
    BlankId = "blank-id", Error;
    /// A commune id seen on an earlier row (of the same period, in a panel).
    DuplicateId = "duplicate-id", Error;
    /// A code seen on an earlier row with other leading zeros, and the same name.
    DuplicateCode = "duplicate-code", Error;
    /// A region (or commune group) the set does not know.
    UnknownRegion = "unknown-region", Error;
    /// A yes/no column that holds something else.
    NotYesNo = "not-yes-no", Error;
    /// A year column that holds no year.
    NotAYear = "not-a-year", Error;
    /// A year outside the criteria set's period.
    YearOutsideSet = "year-outside-set", Error;
    /// A blank period in a file with a period column.
    BlankPeriod = "blank-period", Error;
    /// A period column that holds no period.
    NotAPeriod = "not-a-period", Error;
    /// The year and the period of a row disagree.
    PeriodDisagrees = "period-disagrees", Error;
    /// A month without a year.
    MonthWithoutYear = "month-without-year", Error;
    /// A month column that holds no month.
    NotAMonth = "not-a-month", Error;
    /// A count of hamlets that is not a whole number, 0 or more.
    NotACount = "not-a-count", Error;
    /// More hamlets meeting a tier than the commune has.
    CountOverTotal = "count-over-total", Error;
    /// A verdict cell that holds no verdict.
    NotAVerdict = "not-a-verdict", Error;
    /// An indicator cell that is neither a number nor a verdict.
    NotANumber = "not-a-number", Error;
    /// A number whose one mark may be a decimal mark or a thousands separator.
    AmbiguousNumber = "ambiguous-number", Error;
    /// A number whose marks follow no pattern.
    MalformedNumber = "malformed-number", Error;
    /// A `%` in a column that is not a percentage.
    UnexpectedPercent = "unexpected-percent", Error;
    /// Text after a number that is not the indicator's unit.
    UnexpectedUnit = "unexpected-unit", Error;
    /// A percentage outside 0–100.
    PercentOutOfRange = "percent-out-of-range", Error;
    /// A recognised-tier cell that names no tier.
    UnknownTier = "unknown-tier", Error;
    // scoring
    /// An indicator's thresholds differ by region, and the row has none.
    MissingRegion = "missing-region", Error;
    /// An indicator's thresholds differ by year, and the row has none.
    MissingYear = "missing-year", Error;
    /// The set has no thresholds for the row's year.
    YearWithoutThresholds = "year-without-thresholds", Error;
    /// A verdict column says otherwise than the indicators; the indicators are used.
    VerdictDisagrees = "verdict-disagrees", Warning;
    /// A threshold the set does not know: those values are not assessed.
    UnknownThreshold = "unknown-threshold", Warning;
    /// Thresholds not verified against the legal text.
    UnverifiedThreshold = "unverified-threshold", Warning;
    /// A value for an amended indicator in a survey year no version of it covers (its wording
    /// then is not known): not assessed.
    NoVersionForYear = "no-version-for-year", Warning;
    /// A number where the indicator's version for the survey year is a yes/no: not assessed.
    NumberForYesNo = "number-for-yes-no", Warning;
    /// A recognition condition not met, or blank, keeps a commune meeting the criteria below
    /// the tier.
    ConditionNotMet = "condition-not-met", Warning;
    // the file as a whole
    /// Rows that are not communes (blank, totals, headings), skipped.
    SkippedRows = "skipped-rows", Warning;
    /// A header and no commune under it.
    NoCommunes = "no-communes", Warning;
}

impl Code {
    /// What starts a message of this kind on standard error: the severity and the code,
    /// `error[not-a-number]`.
    #[must_use]
    pub fn prefix(self) -> String {
        format!("{}[{}]", self.severity().name(), self.code())
    }

    /// The code written as `code` (`not-a-number`), if there is one.
    #[must_use]
    pub fn named(code: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.code() == code)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Codes are kebab-case, each once; each names itself back.
    #[test]
    fn codes_are_kebab_case_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for &code in Code::ALL {
            let name = code.code();
            assert!(
                !name.is_empty()
                    && name.split('-').all(|w| !w.is_empty()
                        && w.bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())),
                "{name}"
            );
            assert!(seen.insert(name), "{name} twice");
            assert_eq!(Code::named(name), Some(code));
        }
        assert_eq!(Code::named("not-a-code"), None);
    }

    /// `docs/validate.md` has a table of the codes: it lists exactly these, in this order, each
    /// with its severity.
    #[test]
    fn the_docs_list_every_code_with_its_severity() {
        let docs = include_str!("../docs/validate.md");
        let (_, table) = docs.split_once("\n## Codes\n").expect("a section ## Codes");
        let listed: Vec<(String, String)> = table
            .lines()
            .filter_map(|line| {
                let mut cells = line.strip_prefix("| `")?.split('|');
                let code = cells.next()?.trim().strip_suffix('`')?.to_owned();
                let severity = cells.next()?.trim().to_owned();
                Some((code, severity))
            })
            .collect();
        let expected: Vec<(String, String)> = Code::ALL
            .iter()
            .map(|c| (c.code().to_owned(), c.severity().name().to_owned()))
            .collect();
        assert_eq!(listed, expected);
    }

    /// The report's JSON Schema, `docs/validate.schema.json`, names the codes of each severity:
    /// exactly these.
    #[test]
    fn the_schema_lists_every_code_by_severity() {
        let schema: serde_json::Value =
            serde_json::from_str(include_str!("../docs/validate.schema.json")).unwrap();
        for (severity, key) in [
            (Severity::Error, "errorCode"),
            (Severity::Warning, "warningCode"),
        ] {
            let listed: Vec<&str> = schema["$defs"][key]["enum"]
                .as_array()
                .unwrap_or_else(|| panic!("$defs.{key}.enum"))
                .iter()
                .map(|code| code.as_str().unwrap())
                .collect();
            let expected: Vec<&str> = Code::ALL
                .iter()
                .filter(|c| c.severity() == severity)
                .map(|c| c.code())
                .collect();
            assert_eq!(listed, expected, "{key}");
        }
    }
}
