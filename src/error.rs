//! Errors as values: every problem carries the file, line, column and value it was found at,
//! and is rendered once, at the boundary.

use std::fmt::{self, Write as _};

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
}

impl Location {
    /// A location that names only the file.
    #[must_use]
    pub fn file(file: &str) -> Self {
        Location {
            file: file.to_owned(),
            line: None,
            column: None,
        }
    }

    /// The same file at `line`.
    #[must_use]
    pub fn at_line(&self, line: u64) -> Self {
        Location {
            file: self.file.clone(),
            line: Some(line),
            column: None,
        }
    }

    /// The same place, in `column`.
    #[must_use]
    pub fn in_column(mut self, column: &str) -> Self {
        self.column = Some(column.to_owned());
        self
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ": column \"{}\"", shown(column))?;
        }
        Ok(())
    }
}

/// One problem in an input: where, which value, and what was expected. Shown, the column and
/// the value are cut as [`shown`] cuts them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where the problem is.
    pub location: Location,
    /// The offending value as it appears in the input, when there is one.
    pub value: Option<String>,
    /// What is wrong and what was expected.
    pub message: String,
}

impl Problem {
    /// A problem at `location` with `message`.
    pub fn new(location: Location, message: impl Into<String>) -> Self {
        Problem {
            location,
            value: None,
            message: message.into(),
        }
    }

    /// The same problem, naming the offending value.
    #[must_use]
    pub fn with_value(mut self, value: &str) -> Self {
        self.value = Some(value.to_owned());
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.location)?;
        if let Some(value) = &self.value {
            write!(f, "value \"{}\": ", shown(value))?;
        }
        f.write_str(&self.message)
    }
}

/// Everything that can make a command fail. Each variant is a user's problem to fix, reported
/// in full and mapped to exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Survey data, a criteria set or another input file has problems; all of them are listed
    /// (up to a cap), with `omitted` more not shown.
    #[error("{}", render_problems(problems, *omitted))]
    Invalid {
        /// The problems found, in input order.
        problems: Vec<Problem>,
        /// How many further problems were found but not kept.
        omitted: usize,
    },
    /// A criteria YAML file failed to parse; the message carries the rendered snippet.
    #[error("{0}")]
    Yaml(String),
    /// The command line asks for something that cannot be done.
    #[error("{0}")]
    Usage(String),
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

    /// The process exit code for this error: 2, the code for usage and input errors.
    #[must_use]
    pub fn exit_code(&self) -> u8 {
        2
    }
}

fn render_problems(problems: &[Problem], omitted: usize) -> String {
    let mut out = problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\nerror: ");
    if omitted > 0 {
        let _ = write!(out, "\nerror: … and {omitted} more problem(s) not shown");
    }
    out
}

/// The result type of the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_names_file_line_column_and_value() {
        let problem = Problem::new(
            Location::file("communes.csv").at_line(12).in_column("10"),
            "not a number; expected a number such as 45.5 or 45,5",
        )
        .with_value("4x,5");
        assert_eq!(
            problem.to_string(),
            "communes.csv:12: column \"10\": value \"4x,5\": not a number; expected a number such as 45.5 or 45,5"
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
            "a.csv: bad\nerror: … and 3 more problem(s) not shown"
        );
    }
}
