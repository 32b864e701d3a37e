//! CSV: one header line, then the rows each record gives. Text that a spreadsheet would run as
//! a formula is neutralised, as OWASP recommends for CSV exports, unless asked for raw output.

use std::borrow::Cow;
use std::io::{self, Write};
use std::marker::PhantomData;

use super::{Record, RecordWriter};

/// A text field that starts with `=`, `+`, `-`, `@`, a tab, CR or LF gets a leading `'`, so that
/// Excel shows it instead of running it (CSV injection). Numbers as `ntm` writes them (`-5`,
/// `12.5`, an optional sign, digits, an optional decimal point and digits) stay numbers; any
/// other signed text does not, `-inf`, `+NaN` and `-1e9` included, which a spreadsheet would
/// read as something else than what the data says.
#[must_use]
#[inline]
pub fn neutralise(field: &str) -> Cow<'_, str> {
    if risky(field.as_bytes()) && !plain_number(field) {
        Cow::Owned(format!("'{field}"))
    } else {
        Cow::Borrowed(field)
    }
}

/// Whether `field` is a decimal number as `ntm` writes one: an optional sign, digits, and an
/// optional decimal point followed by digits.
fn plain_number(field: &str) -> bool {
    let digits = field.strip_prefix(['+', '-']).unwrap_or(field);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "1"));
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && all_digits(fraction)
}

/// Whether a field starts the way a formula can.
fn risky(field: &[u8]) -> bool {
    matches!(
        field.first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r' | b'\n')
    )
}

/// The I/O error inside a CSV error, kept as it is: a closed pipe must still read as
/// [`io::ErrorKind::BrokenPipe`] (the csv crate's own conversion makes every error `Other`).
fn io_error(err: csv::Error) -> io::Error {
    if !err.is_io_error() {
        return io::Error::other(err);
    }
    match err.into_kind() {
        csv::ErrorKind::Io(err) => err,
        kind => io::Error::other(format!("{kind:?}")),
    }
}

/// The CSV writer's buffer, in bytes.
const BUFFER: usize = 1 << 16;

/// Writes records as CSV with the csv crate's writer, every text field neutralised unless
/// `raw`.
pub(super) struct CsvWriter<'w, R> {
    out: csv::Writer<&'w mut dyn Write>,
    raw: bool,
    /// Room for the text records write ([`Record::csv_rows`]), kept from one to the next.
    text: String,
    record: PhantomData<R>,
}

impl<'w, R: Record> CsvWriter<'w, R> {
    pub(super) fn new(out: &'w mut dyn Write, raw: bool) -> io::Result<Self> {
        // a large buffer: each time it fills, standard output (a line writer under the output's
        // own buffer) costs a write or two, which at the writer's default 8 KiB is hundreds
        let mut out = csv::WriterBuilder::new()
            .flexible(true)
            .buffer_capacity(BUFFER)
            .from_writer(out);
        out.write_record(R::csv_header()).map_err(io_error)?;
        Ok(CsvWriter {
            out,
            raw,
            text: String::new(),
            record: PhantomData,
        })
    }
}

impl<R: Record> RecordWriter<R> for CsvWriter<'_, R> {
    fn write(&mut self, record: &R) -> io::Result<()> {
        let (out, raw) = (&mut self.out, self.raw);
        record.csv_rows(&mut self.text, &mut |fields| {
            for &field in fields {
                let field = if raw {
                    Cow::Borrowed(field)
                } else {
                    neutralise(field)
                };
                out.write_field(field.as_bytes()).map_err(io_error)?;
            }
            out.write_record(None::<&[u8]>).map_err(io_error)
        })
    }

    fn finish(mut self: Box<Self>) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::neutralise;

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
        assert_eq!(neutralise("0"), "0");
        assert_eq!(neutralise("12.5"), "12.5");
    }

    #[test]
    fn special_numbers_are_neutralised() {
        for field in [
            "-inf",
            "+inf",
            "-infinity",
            "+Infinity",
            "+NaN",
            "-nan",
            "-1e9",
            "+1E5",
            "-.5",
            "-5.",
            "--5",
            "-5%",
            "+0x1F",
            "-",
        ] {
            assert_eq!(neutralise(field), format!("'{field}"), "{field}");
        }
    }
}
