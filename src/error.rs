//! Errors as values: every problem carries the file, line, column and value it was found at,
//! and is rendered once, at the boundary.

use std::fmt::{self, Write as _};

use crate::code::Code;
use crate::lang::Lang;
use crate::msg::Msg;
use crate::text::shown;

/// Where in an input file a problem was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file as the user named it (`-` is shown as `<stdin>`).
    pub file: String,
    /// The 1-based line, when known.
    pub line: Option<u64>,
    /// The column header (CSV) or key path (YAML), when known.
    pub column: Option<String>,
    /// The sheet of a workbook, for a place in one of its rows.
    pub sheet: Option<String>,
    /// The cell as Excel names it (`J15`), for a workbook; shown after its sheet
    /// (`Biểu 01!J15`) instead of the line.
    pub cell: Option<String>,
}

impl Location {
    /// A location that names only the file.
    #[must_use]
    pub fn file(file: &str) -> Self {
        Location {
            file: file.to_owned(),
            line: None,
            column: None,
            sheet: None,
            cell: None,
        }
    }

    /// The same file at `line`.
    #[must_use]
    pub fn at_line(&self, line: u64) -> Self {
        Location {
            file: self.file.clone(),
            line: Some(line),
            column: None,
            sheet: None,
            cell: None,
        }
    }

    /// The same place, in `column`.
    #[must_use]
    pub fn in_column(mut self, column: &str) -> Self {
        self.column = Some(column.to_owned());
        self
    }

    /// The same place, in the cell `cell` (`J15`) of the workbook's sheet `sheet`.
    #[must_use]
    pub fn at_cell(mut self, sheet: &str, cell: String) -> Self {
        self.sheet = Some(sheet.to_owned());
        self.cell = Some(cell);
        self
    }
}

impl Location {
    /// The place in `lang`: `bieu.csv:15: column "TC3"` in English, `bieu.csv, dòng 15, cột
    /// «TC3»` in Vietnamese (in a workbook, `b.xlsx: Biểu 01!J15` and `b.xlsx, ô Biểu 01!J15`).
    #[must_use]
    pub fn render(&self, lang: Lang) -> String {
        let mut out = self.file.clone();
        let sheet = self.sheet.as_deref().unwrap_or_default();
        match (lang, &self.cell, self.line) {
            (Lang::En, Some(cell), _) => _ = write!(out, ": {sheet}!{cell}"),
            (Lang::En, None, Some(line)) => _ = write!(out, ":{line}"),
            (Lang::Vi, Some(cell), _) => _ = write!(out, ", ô {sheet}!{cell}"),
            (Lang::Vi, None, Some(line)) => _ = write!(out, ", dòng {line}"),
            (_, None, None) => {}
        }
        if let Some(column) = &self.column {
            match lang {
                Lang::En => _ = write!(out, ": column \"{}\"", shown(column)),
                Lang::Vi => _ = write!(out, ", cột «{}»", shown(column)),
            }
        }
        out
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// One problem in an input: where, which value, and what was expected. Shown, the column and
/// the value are cut as [`shown`] cuts them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The kind of problem, for a problem of a survey file (problems of criteria and targets
    /// files have none).
    pub code: Option<Code>,
    /// Where the problem is.
    pub location: Location,
    /// The offending value as it appears in the input, when there is one.
    pub value: Option<String>,
    /// What is wrong and what was expected, in both languages.
    pub message: Msg,
}

impl Problem {
    /// A problem at `location` with `message`, of no kind in particular.
    pub fn new(location: Location, message: impl Into<Msg>) -> Self {
        Problem {
            code: None,
            location,
            value: None,
            message: message.into(),
        }
    }

    /// A problem of a survey file, of the kind `code`, at `location` with `message`.
    pub fn coded(code: Code, location: Location, message: impl Into<Msg>) -> Self {
        Problem {
            code: Some(code),
            ..Problem::new(location, message)
        }
    }

    /// The same problem, naming the offending value.
    #[must_use]
    pub fn with_value(mut self, value: &str) -> Self {
        self.value = Some(value.to_owned());
        self
    }
}

impl Problem {
    /// The problem in `lang`: its place, its value and its message (`bieu.csv, dòng 3, cột
    /// «TC3»: giá trị «Đạt 1 phần»: không phải là Đạt, …`).
    #[must_use]
    pub fn render(&self, lang: Lang) -> String {
        let mut out = self.location.render(lang);
        out.push_str(": ");
        if let Some(value) = &self.value {
            match lang {
                Lang::En => _ = write!(out, "value \"{}\": ", shown(value)),
                Lang::Vi => _ = write!(out, "giá trị «{}»: ", shown(value)),
            }
        }
        out.push_str(&self.message.text(lang));
        out
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// Everything that can make a command fail. Each variant is a user's problem to fix, reported
/// in full and mapped to exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Survey data, a criteria set or another input file has problems; all of them are listed
    /// (up to a cap), with `omitted` more not shown. Shown, each problem is a line of its own
    /// that starts `error:`, with the problem's code when it has one
    /// (`error[not-a-number]: …`).
    #[error("{}", render_problems(problems, *omitted, Lang::En))]
    Invalid {
        /// The problems found, in input order.
        problems: Vec<Problem>,
        /// How many further problems were found but not kept.
        omitted: usize,
    },
    /// The command line asks for something that cannot be done.
    #[error("{}", .0.text(Lang::En))]
    Usage(Box<Msg>),
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file involved.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
}

impl Error {
    /// An error made of one problem.
    #[must_use]
    pub fn one(problem: Problem) -> Self {
        Error::Invalid {
            problems: vec![problem],
            omitted: 0,
        }
    }

    /// An error of the command line, saying `message`.
    pub fn usage(message: impl Into<Msg>) -> Self {
        Error::Usage(Box::new(message.into()))
    }

    /// The error as standard error shows it, in English: every line with its `error:` prefix,
    /// and the code of the problem a line reports when it has one (`error[not-a-number]: …`).
    #[must_use]
    pub fn report(&self) -> String {
        self.report_in(Lang::En)
    }

    /// The error as standard error shows it in `lang`: the `error:` and `error[code]:`
    /// prefixes stay as they are, the words after them are in `lang`.
    #[must_use]
    pub fn report_in(&self, lang: Lang) -> String {
        match self {
            Error::Invalid { problems, omitted } => render_problems(problems, *omitted, lang),
            Error::Usage(message) => format!("error: {}", message.text(lang)),
            Error::Io { path, source } => format!("error: {}", crate::msg::io(path, source, lang)),
        }
    }

    /// The process exit code for this error: 2, the code for usage and input errors.
    #[must_use]
    pub fn exit_code(&self) -> u8 {
        2
    }
}

/// At least this many cells of one row with the same problem are said in one line.
const GROUPED: usize = 3;

fn render_problems(problems: &[Problem], omitted: usize, lang: Lang) -> String {
    let prefix = |problem: &Problem| match problem.code {
        Some(code) => format!("{}: ", code.prefix()),
        None => "error: ".to_owned(),
    };
    let mut lines = Vec::new();
    let mut rest = problems;
    while let Some(first) = rest.first() {
        let run = rest
            .iter()
            .take_while(|p| same_row_and_message(first, p))
            .count();
        if run >= GROUPED {
            lines.push(prefix(first) + &cells_of_a_row(&rest[..run], lang));
            rest = &rest[run..];
        } else {
            lines.push(prefix(first) + &first.render(lang));
            rest = &rest[1..];
        }
    }
    let mut out = lines.join("\n");
    if omitted > 0 {
        let _ = write!(out, "\nerror: {}", Msg::NotShown(omitted).text(lang));
    }
    out
}

/// Whether `b` is the same problem as `a` in another cell of the same row.
fn same_row_and_message(a: &Problem, b: &Problem) -> bool {
    let (la, lb) = (&a.location, &b.location);
    la.file == lb.file
        && la.line.is_some()
        && la.line == lb.line
        && la.column.is_some()
        && lb.column.is_some()
        && a.value.is_some()
        && b.value.is_some()
        && a.code == b.code
        && a.message == b.message
}

/// One line for the same problem in several cells of a row: the row, then each cell's column
/// (and, in a workbook, its reference) and value.
fn cells_of_a_row(problems: &[Problem], lang: Lang) -> String {
    let first = &problems[0].location;
    let sheet = first.sheet.as_deref().filter(|_| first.cell.is_some());
    let file = &first.file;
    let mut out = match (lang, sheet, first.line) {
        (Lang::En, Some(sheet), Some(line)) => format!("{file}: {sheet}, row {line}: "),
        (Lang::En, None, Some(line)) => format!("{file}:{line}: "),
        (Lang::Vi, Some(sheet), Some(line)) => format!("{file}, {sheet}, dòng {line}: "),
        (Lang::Vi, None, Some(line)) => format!("{file}, dòng {line}: "),
        _ => format!("{file}: "),
    };
    let n = problems.len();
    match lang {
        Lang::En => _ = write!(out, "{n} cells: "),
        Lang::Vi => _ = write!(out, "{n} ô: "),
    }
    let cells: Vec<String> = problems
        .iter()
        .map(|p| {
            let column = p.location.column.as_deref().unwrap_or_default();
            let value = p.value.as_deref().unwrap_or_default();
            match (lang, p.location.cell.as_deref()) {
                (Lang::En, Some(cell)) => format!("column \"{column}\" ({cell}) value \"{value}\""),
                (Lang::En, None) => format!("column \"{column}\" value \"{value}\""),
                (Lang::Vi, Some(cell)) => format!("cột «{column}» ({cell}) giá trị «{value}»"),
                (Lang::Vi, None) => format!("cột «{column}» giá trị «{value}»"),
            }
        })
        .collect();
    let _ = write!(
        out,
        "{}: {}",
        cells.join(", "),
        problems[0].message.text(lang)
    );
    out
}

/// The result type of the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_names_file_line_column_and_value() {
        let problem = Problem::coded(
            Code::NotANumber,
            Location::file("communes.csv").at_line(12).in_column("10"),
            "not a number; expected a number such as 45.5 or 45,5",
        )
        .with_value("4x,5");
        assert_eq!(
            problem.to_string(),
            "communes.csv:12: column \"10\": value \"4x,5\": not a number; expected a number such as 45.5 or 45,5"
        );
        // shown on standard error, with its code
        assert_eq!(
            Error::one(problem).report(),
            "error[not-a-number]: communes.csv:12: column \"10\": value \"4x,5\": not a number; expected a number such as 45.5 or 45,5"
        );
        // a problem of no kind, and an error that is no problem, say `error:` alone
        let plain = Problem::new(Location::file("set.yaml").at_line(3), "bad");
        assert_eq!(Error::one(plain).report(), "error: set.yaml:3: bad");
        assert_eq!(Error::usage("no such set").report(), "error: no such set");
    }

    #[test]
    fn one_problem_in_many_cells_of_a_row_is_one_line() {
        let cell = |column: &str, value: &str| {
            Problem::coded(
                Code::NotAVerdict,
                Location::file("bieu.csv").at_line(31).in_column(column),
                "expected Đạt or Không đạt",
            )
            .with_value(value)
        };
        let err = Error::Invalid {
            problems: vec![
                cell("TC1", "15"),
                cell("TC2", "14"),
                cell("TC3", "9"),
                Problem::coded(
                    Code::RaggedRow,
                    Location::file("bieu.csv").at_line(32),
                    "other",
                ),
            ],
            omitted: 0,
        };
        assert_eq!(
            err.to_string(),
            "error[not-a-verdict]: bieu.csv:31: 3 cells: column \"TC1\" value \"15\", column \"TC2\" value \"14\", column \"TC3\" value \"9\": expected Đạt or Không đạt\nerror[ragged-row]: bieu.csv:32: other"
        );
        // two are said one by one
        let err = Error::Invalid {
            problems: vec![cell("TC1", "15"), cell("TC2", "14")],
            omitted: 0,
        };
        assert_eq!(err.to_string().lines().count(), 2);
        // as are problems of different kinds, though their messages agree
        let mut other = cell("TC3", "9");
        other.code = Some(Code::NotAYear);
        let err = Error::Invalid {
            problems: vec![cell("TC1", "15"), cell("TC2", "14"), other],
            omitted: 0,
        };
        assert_eq!(err.to_string().lines().count(), 3);
        // in a workbook, with the cells' references
        let at = |column: &str, cell: &str| {
            Problem::coded(
                Code::NotAVerdict,
                Location::file("b.xlsx")
                    .at_line(15)
                    .in_column(column)
                    .at_cell("Biểu 01", cell.to_owned()),
                "bad",
            )
            .with_value("x")
        };
        assert_eq!(
            at("TC1", "E15").to_string(),
            "b.xlsx: Biểu 01!E15: column \"TC1\": value \"x\": bad"
        );
        let err = Error::Invalid {
            problems: vec![at("TC1", "E15"), at("TC2", "F15"), at("TC3", "G15")],
            omitted: 0,
        };
        assert_eq!(
            err.to_string(),
            "error[not-a-verdict]: b.xlsx: Biểu 01, row 15: 3 cells: column \"TC1\" (E15) value \"x\", column \"TC2\" (F15) value \"x\", column \"TC3\" (G15) value \"x\": bad"
        );
    }

    /// In Vietnamese the place reads as words (dòng, cột, ô, giá trị); the `error[code]:`
    /// before it stays as it is.
    #[test]
    fn a_problem_reads_in_vietnamese() {
        let cell = |column: &str| {
            Problem::coded(
                Code::NotAVerdict,
                Location::file("bieu.csv").at_line(15).in_column(column),
                Msg::NotAVerdict,
            )
            .with_value("Đạt 1 phần")
        };
        assert!(
            Error::one(cell("Tiêu chí 3"))
                .report_in(Lang::Vi)
                .starts_with(
                    "error[not-a-verdict]: bieu.csv, dòng 15, cột «Tiêu chí 3»: giá trị «Đạt 1 phần»: không phải là Đạt, Không đạt"
                )
        );
        let at = Location::file("bieu-01.xlsx")
            .at_line(15)
            .in_column("TC3")
            .at_cell("Biểu 01", "J15".to_owned());
        assert_eq!(
            at.render(Lang::Vi),
            "bieu-01.xlsx, ô Biểu 01!J15, cột «TC3»"
        );
        let row = Error::Invalid {
            problems: vec![cell("TC1"), cell("TC2"), cell("TC3")],
            omitted: 2,
        };
        let said = row.report_in(Lang::Vi);
        assert!(
            said.starts_with(
                "error[not-a-verdict]: bieu.csv, dòng 15: 3 ô: cột «TC1» giá trị «Đạt 1 phần», cột «TC2»"
            ),
            "{said}"
        );
        assert!(
            said.ends_with("\nerror: … và 2 lỗi khác không hiển thị"),
            "{said}"
        );
        assert_eq!(
            Error::Io {
                path: "x.csv".into(),
                source: std::io::ErrorKind::NotFound.into(),
            }
            .report_in(Lang::Vi),
            "error: x.csv: không có tệp hoặc thư mục này"
        );
    }

    #[test]
    fn omitted_problems_are_counted() {
        let err = Error::Invalid {
            problems: vec![Problem::new(Location::file("a.csv"), "bad")],
            omitted: 3,
        };
        assert_eq!(
            err.to_string(),
            "error: a.csv: bad\nerror: … and 3 more problem(s) not shown"
        );
    }
}
