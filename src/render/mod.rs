//! Rendering scored communes. One [`ScoreRow`] model, built once per commune, and one small
//! writer per format behind [`RowWriter`]: adding a format touches one file.

mod csv;
mod json;
mod table;

use std::io::{self, Write};

use serde::Serialize;

use crate::criteria::CriteriaSet;
use crate::lang::Lang;
use crate::score::CommuneScore;
use crate::value::Verdict;

pub use table::{new_table, table_width};

/// An output format for per-commune rows.
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

/// One commune's result as every format shows it. The JSON keys are exactly these fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScoreRow {
    /// `commune_id`.
    pub commune_id: String,
    /// Commune name.
    pub commune: String,
    /// District.
    pub district: String,
    /// Base criteria met.
    pub criteria_met: u32,
    /// Base criteria in the set.
    pub criteria_total: u32,
    /// Base criteria not assessed.
    pub criteria_not_assessed: u32,
    /// Base criteria basically met.
    pub criteria_basically_met: u32,
    /// The tier id reached, or `none`.
    pub tier: String,
    /// The band label.
    pub band: String,
    /// Numbers of the criteria not met.
    pub unmet: Vec<String>,
    /// Numbers of the criteria basically met.
    pub basically_met: Vec<String>,
    /// Numbers of the criteria not assessed.
    pub not_assessed: Vec<String>,
}

impl ScoreRow {
    /// The row for one scored commune.
    #[must_use]
    pub fn new(set: &CriteriaSet, score: &CommuneScore) -> ScoreRow {
        let numbers = |verdict| {
            score
                .numbers(set, verdict)
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
        };
        let met = score.count(Verdict::Met);
        ScoreRow {
            commune_id: score.commune.id.clone(),
            commune: score.commune.name.clone(),
            district: score.commune.district.clone(),
            criteria_met: met,
            criteria_total: u32::try_from(set.base().criteria.len()).unwrap_or(u32::MAX),
            criteria_not_assessed: score.count(Verdict::NotAssessed),
            criteria_basically_met: score.count(Verdict::BasicallyMet),
            tier: score
                .tier
                .map_or_else(|| "none".to_owned(), |t| set.tiers[t].id.clone()),
            band: set.band(met).label.clone(),
            unmet: numbers(Verdict::NotMet),
            basically_met: numbers(Verdict::BasicallyMet),
            not_assessed: numbers(Verdict::NotAssessed),
        }
    }
}

/// Writes rows in one format, as they come.
pub trait RowWriter {
    /// Writes one row.
    fn row(&mut self, row: &ScoreRow) -> io::Result<()>;
    /// Ends the output (closes the JSON array, prints the table).
    fn finish(self: Box<Self>) -> io::Result<()>;
}

/// What the table needs to label rows for people.
#[derive(Debug, Clone)]
pub struct TableLabels {
    /// Language of headers.
    pub lang: Lang,
    /// Tier names by id, in the chosen language.
    pub tiers: Vec<(String, String)>,
    /// Width to fit the table in.
    pub width: u16,
}

/// A writer for `format` into `out`.
pub fn row_writer<'w>(
    format: Format,
    out: &'w mut dyn Write,
    labels: TableLabels,
) -> io::Result<Box<dyn RowWriter + 'w>> {
    Ok(match format {
        Format::Table => Box::new(table::TableWriter::new(out, labels)),
        Format::Csv => Box::new(csv::CsvWriter::new(out)?),
        Format::Json => Box::new(json::JsonWriter::array(out)),
        Format::Ndjson => Box::new(json::JsonWriter::lines(out)),
    })
}
