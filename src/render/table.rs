//! The table for people: fits the terminal (80 columns when not on one), Vietnamese names
//! intact. It buffers every row, since column widths depend on all of them.

use std::io::{self, Write};
use std::marker::PhantomData;

use comfy_table::{ContentArrangement, Table, presets};

use super::{Record, RecordWriter, TableLabels};

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

pub(super) struct TableWriter<'w, R> {
    out: &'w mut dyn Write,
    labels: TableLabels,
    table: Table,
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
            record: PhantomData,
        }
    }
}

impl<R: Record> RecordWriter<R> for TableWriter<'_, R> {
    fn write(&mut self, record: &R) -> io::Result<()> {
        for row in record.table_rows(&self.labels) {
            self.table.add_row(row);
        }
        Ok(())
    }

    fn finish(self: Box<Self>) -> io::Result<()> {
        writeln!(self.out, "{}", self.table)?;
        self.out.flush()
    }
}
