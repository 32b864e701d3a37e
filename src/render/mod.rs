//! Rendering. Each command builds one record per commune ([`ScoreRow`], [`GapsRow`]); each
//! format is one small writer that takes any [`Record`]: adding a format touches one file,
//! adding a record type touches none of them.

mod csv;
pub use csv::neutralise;
pub mod figures;
mod json;
pub use json::document as json_document;
pub mod labels;
pub mod output;
pub mod pdf;
mod records;
pub mod report;
pub mod sections;
mod table;
pub mod trend;
pub mod workbook;
mod xlsx;

use std::io::{self, Write};

use serde::Serialize;

use crate::error::Error;
use crate::lang::Lang;

pub use records::{CriterionNumbers, GapView, GapsRow, Periodic, ScoreRow};
pub use table::new_table;

/// A format of per-commune record streams (`score`, `gaps`, `diff`): written as rows come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordFormat {
    /// A table for people (buffers all rows before printing).
    Table,
    /// CSV, lists joined with `;`.
    Csv,
    /// One JSON array.
    Json,
    /// One JSON object per line.
    Ndjson,
    /// An Excel workbook (to a file only).
    Xlsx,
}

/// A format of whole documents (`progress`, `report`, `validate`, `criteria`): each command
/// writes some of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentFormat {
    /// Tables for people.
    Table,
    /// JSON.
    Json,
    /// Markdown, for wikis and documents.
    Markdown,
    /// The criteria-file YAML.
    Yaml,
    /// One self-contained HTML file.
    Html,
    /// An Excel workbook.
    Xlsx,
    /// CSV, of a document that is one table at heart (`trend`'s periods).
    Csv,
    /// A PDF, printed from the HTML by a browser ([`pdf`]).
    Pdf,
}

impl DocumentFormat {
    /// Every document format.
    pub const ALL: [DocumentFormat; 8] = [
        DocumentFormat::Table,
        DocumentFormat::Json,
        DocumentFormat::Markdown,
        DocumentFormat::Yaml,
        DocumentFormat::Html,
        DocumentFormat::Xlsx,
        DocumentFormat::Csv,
        DocumentFormat::Pdf,
    ];

    /// The file extensions that name it, without the dot: `.txt` names the table.
    #[must_use]
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            DocumentFormat::Table => &["txt"],
            DocumentFormat::Json => &["json"],
            DocumentFormat::Markdown => &["md", "markdown"],
            DocumentFormat::Yaml => &["yaml", "yml"],
            DocumentFormat::Html => &["html", "htm"],
            DocumentFormat::Xlsx => &["xlsx"],
            DocumentFormat::Csv => &["csv"],
            DocumentFormat::Pdf => &["pdf"],
        }
    }

    /// The format a file's extension names (`.md`, `.xlsx`, `.pdf`, …), if any.
    #[must_use]
    pub fn of_extension(path: &str) -> Option<DocumentFormat> {
        DocumentFormat::ALL.into_iter().find(|format| {
            format
                .extensions()
                .iter()
                .any(|ext| crate::text::extension_is(path, ext))
        })
    }

    /// Its name on the command line.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            DocumentFormat::Table => "table",
            DocumentFormat::Json => "json",
            DocumentFormat::Markdown => "markdown",
            DocumentFormat::Yaml => "yaml",
            DocumentFormat::Html => "html",
            DocumentFormat::Xlsx => "xlsx",
            DocumentFormat::Csv => "csv",
            DocumentFormat::Pdf => "pdf",
        }
    }
}

/// The error for a document format a command does not write; `formats` are those it does.
#[must_use]
pub fn not_written(format: DocumentFormat, command: &str, formats: &[DocumentFormat]) -> Error {
    Error::usage(crate::msg::Msg::FormatNotWritten {
        command: command.to_owned(),
        format: format.to_string(),
        formats: formats.iter().map(|f| f.name().to_owned()).collect(),
    })
}

impl std::fmt::Display for DocumentFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// What a table needs to label records for people.
#[derive(Debug, Clone)]
pub struct TableLabels {
    /// Language of headers.
    pub lang: Lang,
    /// Tier names by id, in the chosen language.
    pub tiers: Vec<(String, String)>,
    /// Each tier's criteria, by number, with their names in the chosen language; in the order
    /// of `tiers`.
    pub criteria: Vec<Vec<(u32, String)>>,
    /// Each tier's prefix of verdict columns (`TC`, `NC`), in the order of `tiers`.
    pub prefixes: Vec<String>,
    /// Width to fit the table in.
    pub width: u16,
}

impl TableLabels {
    /// The labels of `set` in `lang`, for a table `width` wide.
    #[must_use]
    pub fn new(set: &crate::criteria::CriteriaSet, lang: Lang, width: u16) -> TableLabels {
        TableLabels {
            lang,
            tiers: set
                .tiers
                .iter()
                .map(|t| (t.id.clone(), t.name.get(lang).to_owned()))
                .collect(),
            criteria: set
                .tiers
                .iter()
                .map(|t| {
                    t.criteria
                        .iter()
                        .map(|c| (c.number, c.name.get(lang).to_owned()))
                        .collect()
                })
                .collect(),
            prefixes: set.tiers.iter().map(|t| t.verdict_prefix.clone()).collect(),
            width,
        }
    }

    /// Criterion `number` of tier `tier` (the base tier when `None`) by number and name:
    /// `6 – Cơ sở vật chất văn hóa`; the number alone when the set has no such criterion.
    #[must_use]
    pub fn criterion(&self, tier: Option<&str>, number: u32) -> String {
        let index = tier.map_or(Some(0), |id| self.tiers.iter().position(|(t, _)| t == id));
        let name = index
            .and_then(|i| self.criteria.get(i))
            .and_then(|criteria| criteria.iter().find(|(n, _)| *n == number))
            .map(|(_, name)| name.as_str());
        figures::criterion(&number.to_string(), name)
    }

    /// Criteria of tier `tier` (the base tier when `None`) by number and name, joined by `; `.
    /// A number that does not parse is kept as it is.
    #[must_use]
    pub fn criteria<S: AsRef<str>>(&self, tier: Option<&str>, numbers: &[S]) -> String {
        self.criteria_joined(tier, numbers, "; ")
    }

    /// The same, joined by `separator`.
    #[must_use]
    pub fn criteria_joined<S: AsRef<str>>(
        &self,
        tier: Option<&str>,
        numbers: &[S],
        separator: &str,
    ) -> String {
        numbers
            .iter()
            .map(|n| {
                n.as_ref()
                    .parse()
                    .map_or_else(|_| n.as_ref().to_owned(), |n| self.criterion(tier, n))
            })
            .collect::<Vec<_>>()
            .join(separator)
    }

    /// The criterion of verdict column `column` (`TC6`, `NC2`) by its column, number and name:
    /// `TC6 – Cơ sở vật chất văn hóa`; the column alone when no tier has it.
    #[must_use]
    pub fn criterion_of_column(&self, column: &str) -> String {
        let found = self.prefixes.iter().enumerate().find_map(|(i, prefix)| {
            let number: u32 = column.strip_prefix(prefix.as_str())?.parse().ok()?;
            let (_, name) = self.criteria.get(i)?.iter().find(|(n, _)| *n == number)?;
            Some(name)
        });
        figures::criterion(column, found.map(String::as_str))
    }

    /// The name of tier `id` (or of no tier) in the chosen language.
    #[must_use]
    pub fn tier(&self, id: Option<&str>) -> String {
        id.and_then(|id| self.tiers.iter().find(|(t, _)| t == id))
            .map_or_else(
                || {
                    crate::render::labels::label(crate::render::labels::Label::NoTier, self.lang)
                        .to_owned()
                },
                |(_, name)| name.clone(),
            )
    }
}

/// A per-commune record that every format can write: JSON through serde, CSV and tables
/// through rows of text.
pub trait Record: Serialize {
    /// The CSV header.
    fn csv_header() -> Vec<&'static str>;
    /// The columns of [`Record::csv_header`] that hold numbers (counts, measured values), which
    /// a workbook stores as numbers; every other column is text.
    #[must_use]
    fn number_columns() -> &'static [&'static str] {
        &[]
    }
    /// Hands each CSV row of this record to `row`, as its fields: one row, or one per item for
    /// list-shaped records. Text the record holds is lent, numbers are written on the stack and
    /// other text (lists joined) in `text`, which the writer keeps from one record to the next,
    /// so that a row costs no allocation of its own; the first error `row` returns ends it.
    ///
    /// # Errors
    /// What `row` returns.
    fn csv_rows(
        &self,
        text: &mut String,
        row: &mut dyn FnMut(&[&str]) -> io::Result<()>,
    ) -> io::Result<()>;
    /// The table header.
    fn table_header(lang: Lang) -> Vec<&'static str>;
    /// The table rows of this record.
    fn table_rows(&self, labels: &TableLabels) -> Vec<Vec<String>>;
}

/// Writes records in one format, as they come.
pub trait RecordWriter<R: Record> {
    /// Writes one record.
    ///
    /// # Errors
    /// What writing gives.
    fn write(&mut self, record: &R) -> io::Result<()>;
    /// Ends the output (closes the JSON array, prints the table).
    ///
    /// # Errors
    /// What writing gives.
    fn finish(self: Box<Self>) -> io::Result<()>;
}

/// A writer of `R` records in `format` into `out`; `raw` leaves CSV text as it is, formulas
/// included.
///
/// # Errors
/// What writing the CSV header gives.
pub fn writer<'w, R: Record + 'w>(
    format: RecordFormat,
    out: &'w mut dyn Write,
    labels: TableLabels,
    raw: bool,
) -> io::Result<Box<dyn RecordWriter<R> + 'w>> {
    Ok(match format {
        RecordFormat::Table => Box::new(table::TableWriter::new(out, labels)),
        RecordFormat::Csv => Box::new(csv::CsvWriter::new(out, raw)?),
        RecordFormat::Json => Box::new(json::JsonWriter::array(out)),
        RecordFormat::Ndjson => Box::new(json::JsonWriter::lines(out)),
        RecordFormat::Xlsx => Box::new(xlsx::XlsxWriter::new(out)?),
    })
}

/// A number as data formats write it: no needless `.0`, no float noise.
#[must_use]
pub fn number(x: f64) -> String {
    let rounded = (x * 1e6).round() / 1e6;
    format!("{rounded}")
}
