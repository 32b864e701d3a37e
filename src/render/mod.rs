//! Rendering. Each command builds one record per commune ([`ScoreRow`], [`GapsRow`]); each
//! format is one small writer that takes any [`Record`]: adding a format touches one file,
//! adding a record type touches none of them.

mod csv;
pub use csv::{io_error as csv_io_error, neutralise};
mod json;
pub mod progress;
mod records;
mod table;

use std::io::{self, Write};

use serde::Serialize;

use crate::lang::Lang;

pub use records::{CriterionNumbers, GapView, GapsRow, ScoreRow};
pub use table::{new_table, table_width};

/// An output format for per-commune records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A table for people (buffers all rows before printing).
    Table,
    /// CSV, lists joined with `;`.
    Csv,
    /// One JSON array.
    Json,
    /// One JSON object per line.
    Ndjson,
}

/// What a table needs to label records for people.
#[derive(Debug, Clone)]
pub struct TableLabels {
    /// Language of headers.
    pub lang: Lang,
    /// Tier names by id, in the chosen language.
    pub tiers: Vec<(String, String)>,
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
            width,
        }
    }

    /// The name of tier `id` (or of no tier) in the chosen language.
    #[must_use]
    pub fn tier(&self, id: Option<&str>) -> String {
        id.and_then(|id| self.tiers.iter().find(|(t, _)| t == id))
            .map_or_else(
                || crate::labels::label(crate::labels::Label::NoTier, self.lang).to_owned(),
                |(_, name)| name.clone(),
            )
    }
}

/// A per-commune record that every format can write: JSON through serde, CSV and tables
/// through rows of text.
pub trait Record: Serialize {
    /// The CSV header.
    fn csv_header() -> &'static [&'static str];
    /// Hands each CSV row of this record to `row` as borrowed fields (one row, or one per item
    /// for list-shaped records), so that nothing is copied to be written.
    ///
    /// # Errors
    /// What `row` returns.
    fn csv_rows(&self, row: &mut dyn FnMut(&[&str]) -> io::Result<()>) -> io::Result<()>;
    /// Writes this record's CSV row(s) at the end of `out`, each field as [`Record::csv_rows`]
    /// gives it, neutralised unless `raw` and quoted where it must be. A record may write its
    /// fields itself, where it knows some of them never need either.
    ///
    /// # Errors
    /// What [`Record::csv_rows`] returns.
    fn encode_csv(&self, raw: bool, out: &mut Vec<u8>) -> io::Result<()>
    where
        Self: Sized,
    {
        csv::encode(self, raw, out)
    }
    /// The table header.
    fn table_header(lang: Lang) -> Vec<&'static str>;
    /// The table rows of this record.
    fn table_rows(&self, labels: &TableLabels) -> Vec<Vec<String>>;
}

/// A record made ready to be written: in CSV and JSON its bytes, encoded wherever [`ready`]
/// ran (on the worker threads, when there are some); for a table, the record itself, since the
/// table is laid out only once every row is in.
#[derive(Debug)]
pub enum Ready<R> {
    /// The record's bytes: its CSV row(s), or its JSON object.
    Bytes(Vec<u8>),
    /// The record, for a table (boxed: a record is large, and `Ready` moves from thread to
    /// thread with every row).
    Record(Box<R>),
}

/// Makes `record` ready to be written in `format`; `raw` leaves CSV text as it is, formulas
/// included. Each record is encoded on its own, so records can be made ready on any thread
/// and written in order later.
///
/// # Errors
/// When the record cannot be serialised as JSON.
pub fn ready<R: Record>(format: Format, raw: bool, record: R) -> io::Result<Ready<R>> {
    // (room for a row of most records: bytes that wait for their turn are few and small)
    let bytes = match format {
        Format::Table => return Ok(Ready::Record(Box::new(record))),
        Format::Csv => {
            let mut bytes = Vec::with_capacity(128);
            record.encode_csv(raw, &mut bytes)?;
            bytes
        }
        Format::Json | Format::Ndjson => {
            let mut bytes = Vec::with_capacity(512);
            serde_json::to_writer(&mut bytes, &record)?;
            bytes
        }
    };
    Ok(Ready::Bytes(bytes))
}

/// Writes records in one format, as they come.
pub trait RecordWriter<R: Record> {
    /// Writes one record, as [`ready`] made it for this writer's format.
    fn write(&mut self, record: &Ready<R>) -> io::Result<()>;
    /// Ends the output (closes the JSON array, prints the table).
    fn finish(self: Box<Self>) -> io::Result<()>;
}

/// A writer of `R` records in `format` into `out`; `raw` leaves CSV text as it is, formulas
/// included.
pub fn writer<'w, R: Record + 'w>(
    format: Format,
    out: &'w mut dyn Write,
    labels: TableLabels,
    raw: bool,
) -> io::Result<Box<dyn RecordWriter<R> + 'w>> {
    Ok(match format {
        Format::Table => Box::new(table::TableWriter::new(out, labels)),
        Format::Csv => Box::new(csv::CsvWriter::new(out, raw)?),
        Format::Json => Box::new(json::JsonWriter::array(out)),
        Format::Ndjson => Box::new(json::JsonWriter::lines(out)),
    })
}

/// A number as data formats write it: no needless `.0`, no float noise.
#[must_use]
pub fn number(x: f64) -> String {
    let rounded = (x * 1e6).round() / 1e6;
    format!("{rounded}")
}
