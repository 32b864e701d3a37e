//! The table for people: fits the terminal (80 columns when not on one), Vietnamese names
//! intact. It buffers every row, since column widths depend on all of them.

use std::io::{self, IsTerminal, Write};

use comfy_table::{ContentArrangement, Table, presets};

use super::{RowWriter, ScoreRow, TableLabels};
use crate::labels::{Label, label};

/// The width tables are fitted to: the terminal's, or 80 columns off a terminal.
#[must_use]
pub fn table_width() -> u16 {
    if io::stdout().is_terminal()
        && let Some(width) = Table::new().width()
    {
        return width;
    }
    80
}

/// An empty table with the house style, fitted to `width`.
#[must_use]
pub fn new_table(width: u16) -> Table {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width);
    table
}

pub(super) struct TableWriter<'w> {
    out: &'w mut dyn Write,
    labels: TableLabels,
    table: Table,
}

impl<'w> TableWriter<'w> {
    pub(super) fn new(out: &'w mut dyn Write, labels: TableLabels) -> Self {
        let lang = labels.lang;
        let mut table = new_table(labels.width);
        table.set_header(
            [
                Label::CommuneId,
                Label::Commune,
                Label::District,
                Label::CriteriaMet,
                Label::Band,
                Label::Tier,
                Label::Criteria,
            ]
            .map(|l| label(l, lang)),
        );
        TableWriter { out, labels, table }
    }
}

impl RowWriter for TableWriter<'_> {
    fn row(&mut self, row: &ScoreRow) -> io::Result<()> {
        let tier = self
            .labels
            .tiers
            .iter()
            .find(|(id, _)| *id == row.tier)
            .map_or_else(
                || label(Label::NoTier, self.labels.lang).to_owned(),
                |(_, name)| name.clone(),
            );
        self.table.add_row([
            row.commune_id.clone(),
            row.commune.clone(),
            row.district.clone(),
            format!("{}/{}", row.criteria_met, row.criteria_total),
            row.band.clone(),
            tier,
            [
                (Label::Unmet, &row.unmet),
                (Label::BasicallyMet, &row.basically_met),
                (Label::NotAssessed, &row.not_assessed),
            ]
            .into_iter()
            .filter(|(_, numbers)| !numbers.is_empty())
            .map(|(l, numbers)| format!("{}: {}", label(l, self.labels.lang), numbers.join(", ")))
            .collect::<Vec<_>>()
            .join("\n"),
        ]);
        Ok(())
    }

    fn finish(self: Box<Self>) -> io::Result<()> {
        writeln!(self.out, "{}", self.table)?;
        self.out.flush()
    }
}
