//! JSON: one array streamed element by element, or NDJSON, one object per line.

use std::io::{self, Write};

use super::{RowWriter, ScoreRow};

pub(super) struct JsonWriter<'w> {
    out: &'w mut dyn Write,
    array: bool,
    rows: usize,
}

impl<'w> JsonWriter<'w> {
    pub(super) fn array(out: &'w mut dyn Write) -> Self {
        JsonWriter {
            out,
            array: true,
            rows: 0,
        }
    }

    pub(super) fn lines(out: &'w mut dyn Write) -> Self {
        JsonWriter {
            out,
            array: false,
            rows: 0,
        }
    }
}

impl RowWriter for JsonWriter<'_> {
    fn row(&mut self, row: &ScoreRow) -> io::Result<()> {
        if self.array {
            self.out
                .write_all(if self.rows == 0 { b"[\n  " } else { b",\n  " })?;
        }
        serde_json::to_writer(&mut *self.out, row)?;
        if !self.array {
            self.out.write_all(b"\n")?;
        }
        self.rows += 1;
        Ok(())
    }

    fn finish(self: Box<Self>) -> io::Result<()> {
        if self.array {
            self.out
                .write_all(if self.rows == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()
    }
}
