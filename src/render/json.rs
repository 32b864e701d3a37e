//! JSON: one array streamed element by element, or NDJSON, one object per line.

use std::io::{self, Write};

use serde::Serialize;

use super::{Record, RecordWriter};

/// Writes `value` as one indented JSON document, ended by a line break: the JSON format of
/// every document (progress, criteria sets, findings, changes).
///
/// # Errors
/// What writing gives.
pub fn document(value: &impl Serialize, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

pub(super) struct JsonWriter<'w> {
    out: &'w mut dyn Write,
    array: bool,
    records: usize,
}

impl<'w> JsonWriter<'w> {
    pub(super) fn array(out: &'w mut dyn Write) -> Self {
        JsonWriter {
            out,
            array: true,
            records: 0,
        }
    }

    pub(super) fn lines(out: &'w mut dyn Write) -> Self {
        JsonWriter {
            out,
            array: false,
            records: 0,
        }
    }
}

impl<R: Record> RecordWriter<R> for JsonWriter<'_> {
    fn write(&mut self, record: &R) -> io::Result<()> {
        if self.array {
            self.out.write_all(if self.records == 0 {
                b"[\n  "
            } else {
                b",\n  "
            })?;
        }
        serde_json::to_writer(&mut *self.out, record)?;
        if !self.array {
            self.out.write_all(b"\n")?;
        }
        self.records += 1;
        Ok(())
    }

    fn finish(self: Box<Self>) -> io::Result<()> {
        if self.array {
            self.out
                .write_all(if self.records == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        self.out.flush()
    }
}
