//! Records as an Excel workbook: one sheet, the header row frozen and filtered, counts and
//! measured values stored as numbers, every other cell (ids above all: `01229` stays `01229`)
//! stored as text, never as a formula. The workbook is written whole at the end.

use std::io::{self, Write};
use std::marker::PhantomData;

use rust_xlsxwriter::{Format, Workbook, Worksheet};

use super::{Record, RecordWriter};

/// Writes records into a workbook, saved into `out` by [`RecordWriter::finish`].
pub(super) struct XlsxWriter<'w, R> {
    out: &'w mut dyn Write,
    workbook: Workbook,
    row: u32,
    record: PhantomData<R>,
}

impl<'w, R: Record> XlsxWriter<'w, R> {
    pub(super) fn new(out: &'w mut dyn Write) -> io::Result<Self> {
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        let bold = Format::new().set_bold();
        for (c, name) in (0..).zip(R::csv_header()) {
            sheet
                .write_string_with_format(0, c, *name, &bold)
                .map_err(io::Error::other)?;
        }
        sheet.set_freeze_panes(1, 0).map_err(io::Error::other)?;
        Ok(XlsxWriter {
            out,
            workbook,
            row: 0,
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
        record.csv_rows(&mut |fields| {
            self.row += 1;
            let row = self.row;
            let sheet = self.sheet()?;
            for ((c, name), &field) in (0..).zip(R::csv_header()).zip(fields) {
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
            Ok(())
        })
    }

    fn finish(mut self: Box<Self>) -> io::Result<()> {
        let columns = u16::try_from(R::csv_header().len().saturating_sub(1)).unwrap_or(0);
        let last = self.row;
        let sheet = self.sheet()?;
        sheet
            .autofilter(0, 0, last, columns)
            .map_err(io::Error::other)?;
        sheet.autofit();
        let bytes = self.workbook.save_to_buffer().map_err(io::Error::other)?;
        self.out.write_all(&bytes)?;
        self.out.flush()
    }
}
