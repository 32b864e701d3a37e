//! CSV: one header line, then the rows each record gives.

use std::io::{self, Write};
use std::marker::PhantomData;

use super::{Record, RecordWriter};

pub(super) struct CsvWriter<'w, R> {
    out: csv::Writer<&'w mut dyn Write>,
    record: PhantomData<R>,
}

impl<'w, R: Record> CsvWriter<'w, R> {
    pub(super) fn new(out: &'w mut dyn Write) -> io::Result<Self> {
        let mut out = csv::Writer::from_writer(out);
        out.write_record(R::csv_header())?;
        Ok(CsvWriter {
            out,
            record: PhantomData,
        })
    }
}

impl<R: Record> RecordWriter<R> for CsvWriter<'_, R> {
    fn write(&mut self, record: &R) -> io::Result<()> {
        for row in record.csv_rows() {
            self.out.write_record(&row)?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> io::Result<()> {
        self.out.flush()
    }
}
