//! The table for people: fits the terminal (80 columns when not on one), Vietnamese names
//! intact. It buffers every row, since column widths depend on all of them.
//!
//! Every cell goes through [`TextTable::add_row`], which writes out control characters (a
//! terminal would act on them) and cuts a line longer than [`LINE_CHARS`] and a cell of more
//! than [`CELL_LINES`] lines: the time to lay a table out then never depends on how long one
//! cell is. Values from the data are cut much shorter before that ([`crate::text::shown`]).

use std::fmt;
use std::io::{self, Write};
use std::marker::PhantomData;

use comfy_table::{ContentArrangement, Table, presets};

use super::labels::not_shown;
use super::{Record, RecordWriter, TableLabels};
use crate::text::{clip, escape_controls};

/// The longest line of a cell a table lays out; the rest of the line is cut.
pub const LINE_CHARS: usize = 1000;

/// The most lines of one cell a table lays out; the rest are counted.
pub const CELL_LINES: usize = 100;

/// The most records (communes) or rows a table lays out; the rest are counted under it. A
/// table holds its rows until it is printed, since column widths depend on all of them: this
/// keeps its memory and the time to lay it out bounded, whatever the size of the file.
pub const TABLE_ROWS: usize = 2000;

/// A table in the house style, whose cells are cut to a size a terminal can lay out.
pub struct TextTable(Table);

/// An empty table with the house style, fitted to `width`.
#[must_use]
pub fn new_table(width: u16) -> TextTable {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width);
    TextTable(table)
}

impl TextTable {
    /// Sets the header row.
    pub fn set_header<T: Into<String>>(&mut self, cells: impl IntoIterator<Item = T>) -> &mut Self {
        self.0
            .set_header(cells.into_iter().map(|c| fit(c.into())).collect::<Vec<_>>());
        self
    }

    /// Adds a row, control characters written out and each cell cut to [`LINE_CHARS`]
    /// characters a line and [`CELL_LINES`] lines.
    pub fn add_row<T: Into<String>>(&mut self, cells: impl IntoIterator<Item = T>) -> &mut Self {
        self.0
            .add_row(cells.into_iter().map(|c| fit(c.into())).collect::<Vec<_>>());
        self
    }
}

impl fmt::Display for TextTable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// `cell` with its control characters written out (line breaks kept), each line cut to
/// [`LINE_CHARS`] characters and at most [`CELL_LINES`] lines.
fn fit(cell: String) -> String {
    let cell = match escape_controls(&cell, true) {
        std::borrow::Cow::Borrowed(_) => cell,
        std::borrow::Cow::Owned(escaped) => escaped,
    };
    let fits = |line: &str| line.len() <= LINE_CHARS || line.chars().nth(LINE_CHARS).is_none();
    if cell.lines().take(CELL_LINES + 1).count() <= CELL_LINES && cell.lines().all(fits) {
        return cell;
    }
    let mut lines: Vec<String> = cell
        .lines()
        .take(CELL_LINES)
        .map(|l| clip(l, LINE_CHARS).into_owned())
        .collect();
    let more = cell.lines().count().saturating_sub(CELL_LINES);
    if more > 0 {
        lines.push(format!("…({more} more lines)"));
    }
    lines.join("\n")
}

pub(super) struct TableWriter<'w, R> {
    out: &'w mut dyn Write,
    labels: TableLabels,
    table: TextTable,
    /// Records laid out, up to [`TABLE_ROWS`].
    shown: usize,
    /// Records past [`TABLE_ROWS`], counted.
    hidden: usize,
    record: PhantomData<R>,
}

impl<'w, R: Record> TableWriter<'w, R> {
    pub(super) fn new(out: &'w mut dyn Write, labels: TableLabels) -> Self {
        let mut table = new_table(labels.width);
        table.set_header(R::table_header(labels.lang));
        TableWriter {
            out,
            labels,
            table,
            shown: 0,
            hidden: 0,
            record: PhantomData,
        }
    }
}

impl<R: Record> RecordWriter<R> for TableWriter<'_, R> {
    fn write(&mut self, record: &R) -> io::Result<()> {
        if self.shown == TABLE_ROWS {
            self.hidden += 1;
            return Ok(());
        }
        self.shown += 1;
        for row in record.table_rows(&self.labels) {
            self.table.add_row(row);
        }
        Ok(())
    }

    fn finish(self: Box<Self>) -> io::Result<()> {
        writeln!(self.out, "{}", self.table)?;
        if self.hidden > 0 {
            let said = not_shown(
                self.hidden,
                self.shown,
                true,
                "csv, json, ndjson, xlsx",
                self.labels.lang,
            );
            writeln!(self.out, "{said}")?;
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_cut_to_what_a_table_lays_out() {
        assert_eq!(fit("a\nb".to_owned()), "a\nb");
        let long = "x".repeat(LINE_CHARS + 5);
        let cut = fit(format!("a\n{long}"));
        assert_eq!(
            cut,
            format!("a\n{}…({} characters)", &long[..LINE_CHARS], LINE_CHARS + 5)
        );
        let tall = "y\n".repeat(CELL_LINES + 3);
        let cut = fit(tall);
        assert_eq!(cut.lines().count(), CELL_LINES + 1);
        assert!(cut.ends_with("…(3 more lines)"), "{cut}");
        assert_eq!(fit("a\u{1b}[2J\nb".to_owned()), "a\\u{1b}[2J\nb");
    }
}
