//! Records as an Excel workbook: one sheet, the header row frozen and filtered, counts and
//! measured values stored as numbers, every other cell (ids above all: `01229` stays `01229`)
//! stored as text, never as a formula. The sheet is written row by row to a temporary file as
//! records come ("constant memory", text stored in each cell), so that a million records do not
//! sit in memory; the workbook is put together at the end.

use std::io::{self, Write};
use std::marker::PhantomData;

use rust_xlsxwriter::{Format, Workbook, Worksheet};

use super::{Record, RecordWriter};

/// The widest a column is made, in characters.
const MAX_WIDTH: usize = 60;

/// Writes records into a workbook, saved into `out` by [`RecordWriter::finish`].
pub(super) struct XlsxWriter<'w, R> {
    out: &'w mut dyn Write,
    workbook: Workbook,
    row: u32,
    /// The widest text of each column so far, in characters, for its width.
    widths: Vec<usize>,
    /// The columns, [`Record::csv_header`].
    header: Vec<&'static str>,
    /// Room for the text records write ([`Record::csv_rows`]), kept from one to the next.
    text: String,
    record: PhantomData<R>,
}

impl<'w, R: Record> XlsxWriter<'w, R> {
    pub(super) fn new(out: &'w mut dyn Write) -> io::Result<Self> {
        let mut workbook = Workbook::new();
        let sheet = workbook
            .add_worksheet_with_constant_memory()
            .map_err(io::Error::other)?;
        let bold = Format::new().set_bold();
        let header = R::csv_header();
        for (c, name) in (0..).zip(&header) {
            sheet
                .write_string_with_format(0, c, *name, &bold)
                .map_err(io::Error::other)?;
        }
        sheet.set_freeze_panes(1, 0).map_err(io::Error::other)?;
        Ok(XlsxWriter {
            out,
            workbook,
            row: 0,
            widths: header.iter().map(|h| h.chars().count()).collect(),
            header,
            text: String::new(),
            record: PhantomData,
        })
    }

    fn sheet(&mut self) -> io::Result<&mut Worksheet> {
        self.workbook
            .worksheet_from_index(0)
            .map_err(io::Error::other)
    }
}

impl<R: Record> RecordWriter<R> for XlsxWriter<'_, R> {
    fn write(&mut self, record: &R) -> io::Result<()> {
        let numbers = R::number_columns();
        let header = std::mem::take(&mut self.header);
        let mut text = std::mem::take(&mut self.text);
        let written = record.csv_rows(&mut text, &mut |fields| {
            self.row += 1;
            let row = self.row;
            let sheet = self.sheet()?;
            for ((c, name), &field) in (0..).zip(&header).zip(fields) {
                let number = numbers
                    .contains(name)
                    .then(|| field.parse::<f64>().ok())
                    .flatten();
                match number {
                    Some(x) => sheet.write_number(row, c, x),
                    None if field.is_empty() => continue,
                    None => sheet.write_string(row, c, field),
                }
                .map_err(io::Error::other)?;
            }
            for (width, field) in self.widths.iter_mut().zip(fields) {
                *width = (*width).max(field.chars().take(MAX_WIDTH).count());
            }
            Ok(())
        });
        self.header = header;
        self.text = text;
        written
    }

    fn finish(mut self: Box<Self>) -> io::Result<()> {
        let columns = u16::try_from(self.header.len().saturating_sub(1)).unwrap_or(0);
        let last = self.row;
        let widths = std::mem::take(&mut self.widths);
        let sheet = self.sheet()?;
        sheet
            .autofilter(0, 0, last, columns)
            .map_err(io::Error::other)?;
        for (c, width) in (0..).zip(widths) {
            #[allow(clippy::cast_precision_loss)]
            sheet
                .set_column_width(c, width.clamp(6, MAX_WIDTH) as f64 + 2.0)
                .map_err(io::Error::other)?;
        }
        let bytes = self.workbook.save_to_buffer().map_err(io::Error::other)?;
        self.out.write_all(&bytes)?;
        self.out.flush()
    }
}
