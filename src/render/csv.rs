//! CSV: one header line, then the rows each record gives. Text that a spreadsheet would run as
//! a formula is neutralised, as OWASP recommends for CSV exports, unless asked for raw output.

use std::borrow::Cow;
use std::io::{self, Write};
use std::marker::PhantomData;

use super::{Ready, Record, RecordWriter};

/// A text field that starts with `=`, `+`, `-`, `@`, a tab, CR or LF gets a leading `'`, so that
/// Excel shows it instead of running it (CSV injection). Numbers, negative ones included, stay
/// numbers.
#[must_use]
pub fn neutralise(field: &str) -> Cow<'_, str> {
    if risky(field.as_bytes()) && field.parse::<f64>().is_err() {
        Cow::Owned(format!("'{field}"))
    } else {
        Cow::Borrowed(field)
    }
}

/// Whether a field starts the way a formula can.
fn risky(field: &[u8]) -> bool {
    matches!(
        field.first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r' | b'\n')
    )
}

/// The bytes that make a field need quotes.
const QUOTED: [bool; 256] = {
    let mut table = [false; 256];
    table[b',' as usize] = true;
    table[b'"' as usize] = true;
    table[b'\n' as usize] = true;
    table[b'\r' as usize] = true;
    table
};

/// The I/O error inside a CSV error, kept as it is: a closed pipe must still read as
/// [`io::ErrorKind::BrokenPipe`] (the csv crate's own conversion makes every error `Other`).
pub fn io_error(err: csv::Error) -> io::Error {
    if !err.is_io_error() {
        return io::Error::other(err);
    }
    match err.into_kind() {
        csv::ErrorKind::Io(err) => err,
        kind => io::Error::other(format!("{kind:?}")),
    }
}

/// Writes the CSV row(s) of `record` at the end of `out`, as the csv crate's writer writes
/// them: fields separated by `,`, quoted only when they hold a comma, a quote or a line break
/// (quotes doubled inside), each row ended by `\n`.
pub(super) fn encode<R: Record>(record: &R, raw: bool, out: &mut Vec<u8>) -> io::Result<()> {
    record.csv_rows(&mut |row| {
        // (the csv crate quotes a row's only field when it is empty, to tell it from no row)
        if let [only] = row
            && only.is_empty()
        {
            out.extend_from_slice(b"\"\"\n");
            return Ok(());
        }
        out.reserve(row.iter().map(|field| field.len() + 1).sum::<usize>() + 1);
        for (i, field) in row.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            text_field(field, raw, out);
        }
        out.push(b'\n');
        Ok(())
    })
}

/// Writes one text field of a row at the end of `out` as [`encode`] does: neutralised unless
/// `raw`, quoted when it needs to be.
pub(super) fn text_field(field: &str, raw: bool, out: &mut Vec<u8>) {
    // (most fields are plain: the first byte tells they need no neutralising)
    let field = if raw || !risky(field.as_bytes()) {
        Cow::Borrowed(field)
    } else {
        neutralise(field)
    };
    let bytes = field.as_bytes();
    if bytes.iter().any(|&b| QUOTED[usize::from(b)]) {
        out.push(b'"');
        for piece in bytes.split_inclusive(|&b| b == b'"') {
            out.extend_from_slice(piece);
            if piece.ends_with(b"\"") {
                out.push(b'"');
            }
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(bytes);
    }
}

pub(super) struct CsvWriter<'w, R> {
    out: &'w mut dyn Write,
    raw: bool,
    record: PhantomData<R>,
}

impl<'w, R: Record> CsvWriter<'w, R> {
    pub(super) fn new(out: &'w mut dyn Write, raw: bool) -> io::Result<Self> {
        let mut header = csv::Writer::from_writer(Vec::new());
        header.write_record(R::csv_header()).map_err(io_error)?;
        out.write_all(&header.into_inner().map_err(|err| err.into_error())?)?;
        Ok(CsvWriter {
            out,
            raw,
            record: PhantomData,
        })
    }
}

impl<R: Record> RecordWriter<R> for CsvWriter<'_, R> {
    fn write(&mut self, record: &Ready<R>) -> io::Result<()> {
        match record {
            Ready::Bytes(bytes) => self.out.write_all(bytes),
            Ready::Record(record) => {
                let mut bytes = Vec::new();
                record.encode_csv(self.raw, &mut bytes)?;
                self.out.write_all(&bytes)
            }
        }
    }

    fn finish(self: Box<Self>) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::neutralise;
    use crate::lang::Lang;
    use crate::render::{Record, TableLabels};

    /// A record of the given rows, to compare the encoder with the csv crate's writer.
    #[derive(serde::Serialize)]
    struct Rows(Vec<Vec<String>>);

    impl Record for Rows {
        fn csv_header() -> &'static [&'static str] {
            &[]
        }
        fn csv_rows(
            &self,
            row: &mut dyn FnMut(&[&str]) -> std::io::Result<()>,
        ) -> std::io::Result<()> {
            for fields in &self.0 {
                row(&fields.iter().map(String::as_str).collect::<Vec<_>>())?;
            }
            Ok(())
        }
        fn table_header(_: Lang) -> Vec<&'static str> {
            Vec::new()
        }
        fn table_rows(&self, _: &TableLabels) -> Vec<Vec<String>> {
            Vec::new()
        }
    }

    #[test]
    fn rows_are_encoded_as_the_csv_crate_writes_them() {
        let long = format!("Xã \"Đồng Tâm\", {}", "thôn, \"xóm\"\n".repeat(20));
        let fields = [
            "C01",
            "",
            "Xã Đồng Tâm",
            "a,b",
            "say \"hi\"",
            "two\nlines",
            "=1+2",
            "-5",
            " x ",
            long.as_str(),
            "'",
            "\r",
        ];
        let record = Rows(vec![
            fields.iter().map(ToString::to_string).collect(),
            vec!["2".into(), String::new(), long.clone()],
            vec![String::new()],
            vec![String::new(), String::new()],
            vec!["\"".into()],
        ]);
        for raw in [false, true] {
            let mut expected = csv::WriterBuilder::new()
                .flexible(true)
                .from_writer(Vec::new());
            for row in &record.0 {
                let row = row.iter().map(|f| {
                    if raw {
                        f.clone()
                    } else {
                        neutralise(f).into_owned()
                    }
                });
                expected.write_record(row).unwrap();
            }
            let expected = expected.into_inner().unwrap();
            let mut encoded = Vec::new();
            super::encode(&record, raw, &mut encoded).unwrap();
            assert_eq!(
                String::from_utf8(encoded).unwrap(),
                String::from_utf8(expected).unwrap(),
                "raw: {raw}"
            );
        }
    }

    #[test]
    fn formulas_are_neutralised_and_numbers_kept() {
        assert_eq!(neutralise("=1+2"), "'=1+2");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("+84 912"), "'+84 912");
        assert_eq!(neutralise("-x"), "'-x");
        assert_eq!(neutralise("\tx"), "'\tx");
        assert_eq!(neutralise("-5"), "-5");
        assert_eq!(neutralise("-1.5"), "-1.5");
        assert_eq!(neutralise("+3"), "+3");
        assert_eq!(neutralise("Xã Đồng Tâm"), "Xã Đồng Tâm");
        assert_eq!(neutralise(""), "");
    }
}
