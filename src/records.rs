//! CSV records out of a byte stream, by the csv crate's rules for its default dialect: fields in
//! double quotes may hold delimiters and line breaks, a doubled quote inside them is one quote,
//! text after a closing quote carries on the field, a quote inside an unquoted field is kept as
//! it is, CR, LF or CRLF ends a record, blank lines are skipped, a UTF-8 byte-order mark at the
//! very start is dropped, and a record cut off by the end of the file is taken as it is. One
//! thing is added: a CR before an LF inside quotes is dropped, so that a line break in a cell
//! of a Windows-made file reads the same as in any other.
//!
//! The csv crate runs a state machine over every byte; survey rows are short fields of which
//! few are quoted, so here a field is found by scanning for the few bytes that can end it, and
//! a record is copied out whole once its end is known. Only a field that needs rewriting (a
//! doubled quote, text after the closing quote, a CRLF inside quotes) goes through the state
//! machine. The tests check the two readers agree on any input.

use std::io::{self, Read};

const QUOTE: u8 = b'"';
const CR: u8 = b'\r';
const LF: u8 = b'\n';
const BOM: &[u8] = b"\xef\xbb\xbf";

/// How much is read from the input at a time, at least.
const CHUNK: usize = 1 << 18;

/// The longest record read (2 GiB): the buffer grows no further, so that a position in a
/// record fits in 32 bits.
const MAX_RECORD: usize = 1 << 31;

/// A position in a record, which is shorter than [`MAX_RECORD`].
#[allow(clippy::cast_possible_truncation)]
fn span(at: usize) -> u32 {
    debug_assert!(at <= MAX_RECORD);
    at as u32
}

/// One record: its fields, unquoted, as bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CsvRecord {
    /// The record's text, as read, with rewritten fields rewritten in place.
    bytes: Vec<u8>,
    /// Where each field lies in `bytes` (a record is at most [`MAX_RECORD`] bytes long).
    spans: Vec<(u32, u32)>,
    /// Fields to rewrite once the record is copied out (indices into `spans`).
    rewrite: Vec<usize>,
}

impl CsvRecord {
    /// A record of `fields`.
    pub fn from_fields<T: AsRef<[u8]>>(fields: impl IntoIterator<Item = T>) -> CsvRecord {
        let mut record = CsvRecord::default();
        for field in fields {
            let start = record.bytes.len();
            record.bytes.extend_from_slice(field.as_ref());
            record.spans.push((span(start), span(record.bytes.len())));
        }
        record
    }

    /// The number of fields.
    #[must_use]
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether the record has no fields.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Field `i`, if there is one.
    #[must_use]
    pub fn get(&self, i: usize) -> Option<&[u8]> {
        let &(start, end) = self.spans.get(i)?;
        self.bytes.get(start as usize..end as usize)
    }

    /// The fields in order.
    pub fn iter(&self) -> impl Iterator<Item = &[u8]> {
        self.spans
            .iter()
            .map(|&(start, end)| &self.bytes[start as usize..end as usize])
    }
}

/// Reads [`CsvRecord`]s from a byte stream, counting lines as it goes.
pub struct CsvReader<R> {
    input: R,
    /// Bytes read and not yet taken lie in `buf[start..end]`.
    buf: Vec<u8>,
    start: usize,
    end: usize,
    /// The input has no more bytes.
    eof: bool,
    /// Nothing has been taken from the input yet (a byte-order mark may come first).
    fresh: bool,
    delimiter: u8,
    /// The bytes that end an unquoted field: the delimiter, CR and LF.
    stops: Needles,
    /// The bytes to stop at inside quotes: the quote, and line breaks to count.
    quoted: Needles,
    /// The delimiter, for [`CsvReader::scan_plain`]; `None` when it is the quote or a line
    /// break, which only [`CsvReader::scan`] reads as the csv crate does.
    plain: Option<u8>,
    /// The line `buf[start]` is on, from 1.
    line: u64,
    /// The longest record read ([`MAX_RECORD`]; less in tests).
    max_record: usize,
}

impl<R: Read> CsvReader<R> {
    /// Reads `input`, with fields split at `delimiter`.
    pub fn new(input: R, delimiter: u8) -> CsvReader<R> {
        CsvReader::with_limits(input, delimiter, CHUNK, MAX_RECORD)
    }

    /// [`CsvReader::new`], with a buffer of `chunk` bytes at first that grows to `max_record`
    /// at most.
    fn with_limits(input: R, delimiter: u8, chunk: usize, max_record: usize) -> CsvReader<R> {
        CsvReader {
            input,
            buf: vec![0; chunk.min(max_record)],
            start: 0,
            end: 0,
            eof: false,
            fresh: true,
            delimiter,
            stops: Needles::new([delimiter, CR, LF]),
            quoted: Needles::new([QUOTE, LF, CR]),
            plain: Some(delimiter).filter(|d| ![QUOTE, CR, LF].contains(d)),
            line: 1,
            max_record,
        }
    }

    /// The line reading has reached, from 1.
    #[must_use]
    pub fn line(&self) -> u64 {
        self.line
    }

    /// Reads the next record into `record` and returns the line it starts on; `None` at the
    /// end of the input.
    ///
    /// # Errors
    /// Only what reading the input gives.
    pub fn read(&mut self, record: &mut CsvRecord) -> io::Result<Option<u64>> {
        if self.fresh {
            while self.end < BOM.len() && !self.eof {
                self.fill()?;
            }
            if self.buf[..self.end].starts_with(BOM) {
                self.start = BOM.len();
            }
            self.fresh = false;
        }
        loop {
            // line breaks before a record are blank lines
            while self.start < self.end {
                match self.buf[self.start] {
                    LF => self.line += 1,
                    CR => {}
                    _ => break,
                }
                self.start += 1;
            }
            if self.start == self.end {
                if self.eof {
                    return Ok(None);
                }
                self.fill()?;
                continue;
            }
            let window = &self.buf[self.start..self.end];
            let scanned = self
                .scan_plain(window, record)
                .or_else(|| self.scan(window, record));
            if let Some((taken, breaks)) = scanned {
                let line = self.line;
                self.start += taken;
                self.line += breaks;
                return Ok(Some(line));
            }
            self.fill()?;
        }
    }

    /// [`CsvReader::scan`] for the records nearly every file is made of, found from where the
    /// delimiters, quotes and line breaks lie, 64 bytes at a time: every field unquoted, or
    /// quoted with no line break, doubled quote or text after the closing quote inside. `None`
    /// for any other record, and for one the window may end before (the delimiter or a field
    /// at its very end), which [`CsvReader::scan`] reads the full way.
    fn scan_plain(&self, window: &[u8], record: &mut CsvRecord) -> Option<(usize, u64)> {
        let delimiter = self.plain?;
        record.rewrite.clear();
        // (a list of its own, so that its length can stay in a register)
        let mut spans = std::mem::take(&mut record.spans);
        spans.clear();
        let found = plain_fields(window, delimiter, &mut spans);
        record.spans = spans;
        let (taken, stop) = found?;
        let text_end = record.spans.last().map_or(0, |&(_, end)| end as usize);
        record.bytes.clear();
        record.bytes.extend_from_slice(&window[..text_end]);
        // a CR's LF, if one follows, is skipped as a blank line before the next record
        Some((taken, u64::from(stop == LF)))
    }

    /// Finds the record at the start of `window` and copies it into `record`: how many bytes
    /// it took and how many LFs they hold. `None` when the window ends before the record does
    /// and there is more input to read.
    fn scan(&self, window: &[u8], record: &mut CsvRecord) -> Option<(usize, u64)> {
        let (n, eof, delimiter) = (window.len(), self.eof, self.delimiter);
        record.spans.clear();
        record.rewrite.clear();
        let mut breaks = 0;
        let mut p = 0;
        loop {
            let field = p;
            if window[p] == QUOTE {
                let mut simple = true;
                let mut q = p + 1;
                let content_end;
                loop {
                    let at = self.quoted.find(window, q);
                    if at == n {
                        // a quote left open runs to the end of the file
                        if !eof {
                            return None;
                        }
                        simple = false;
                        p = n;
                        content_end = n;
                        break;
                    }
                    q = at + 1;
                    match window[at] {
                        LF => {
                            breaks += 1;
                            simple &= window[at - 1] != CR;
                        }
                        CR => {}
                        _ => match window.get(q) {
                            None if !eof => return None,
                            None => {
                                p = n;
                                content_end = at;
                                break;
                            }
                            Some(&QUOTE) => {
                                simple = false;
                                q += 1;
                            }
                            Some(&c) if c == delimiter || c == CR || c == LF => {
                                p = q;
                                content_end = at;
                                break;
                            }
                            Some(_) => {
                                // text after the closing quote carries on the field
                                simple = false;
                                p = self.stops.find(window, q);
                                content_end = p;
                                break;
                            }
                        },
                    }
                }
                if simple {
                    record.spans.push((span(field + 1), span(content_end)));
                } else {
                    record.rewrite.push(record.spans.len());
                    record.spans.push((span(field), span(p)));
                }
            } else {
                p = self.stops.find(window, p);
                record.spans.push((span(field), span(p)));
            }
            if p == n {
                if !eof {
                    return None;
                }
                break;
            }
            let stop = window[p];
            p += 1;
            if stop == delimiter {
                if p == n {
                    if !eof {
                        return None;
                    }
                    // a delimiter at the very end leaves one empty field after it
                    record.spans.push((span(n), span(n)));
                    break;
                }
                continue;
            }
            // a CR's LF, if one follows, is skipped as a blank line before the next record
            breaks += u64::from(stop == LF);
            break;
        }
        let text_end = record.spans.last().map_or(0, |&(_, end)| end as usize);
        record.bytes.clear();
        record.bytes.extend_from_slice(&window[..text_end]);
        for &i in &record.rewrite {
            let (start, end) = record.spans[i];
            let len = unquote(&mut record.bytes[start as usize..end as usize]);
            record.spans[i] = (start, start + span(len));
        }
        Some((p, breaks))
    }

    /// Reads more input after what is left, making room first; grows the buffer when what is
    /// left fills it. Reads until what is left has doubled, so that a record far longer than
    /// one read is scanned a few times at most.
    fn fill(&mut self) -> io::Result<()> {
        if self.start > 0 {
            self.buf.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.start = 0;
        }
        if self.end >= self.max_record {
            // what is left is one record that has not ended yet
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("a record is longer than {} bytes", self.max_record),
            ));
        }
        let wanted = (2 * self.end).clamp(1, self.max_record);
        while self.end < wanted {
            if self.end == self.buf.len() {
                let room = (2 * self.buf.len()).min(self.max_record);
                self.buf.resize(room, 0);
            }
            match self.input.read(&mut self.buf[self.end..]) {
                Ok(0) => {
                    self.eof = true;
                    break;
                }
                Ok(k) => self.end += k,
                Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
                Err(err) => return Err(err),
            }
        }
        Ok(())
    }
}

/// Three bytes to look for, eight bytes at a time.
struct Needles {
    /// Each byte repeated across a word.
    words: [u64; 3],
    /// Which bytes are looked for, for the last few bytes of a haystack.
    table: [bool; 256],
}

impl Needles {
    fn new(bytes: [u8; 3]) -> Needles {
        let mut table = [false; 256];
        for b in bytes {
            table[usize::from(b)] = true;
        }
        Needles {
            words: bytes.map(|b| u64::from(b) * ONES),
            table,
        }
    }

    /// Where the first of the bytes at or after `from` lies in `haystack`, or its length when
    /// none does.
    #[inline]
    fn find(&self, haystack: &[u8], mut from: usize) -> usize {
        while let Some(chunk) = haystack.get(from..from + 8) {
            let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            // A byte of `word ^ needle` is zero where the needle is. `zeros` sets the top bit
            // of the lowest zero byte for sure, and may set it wrongly only in bytes above a
            // zero byte: the lowest bit set is exact, and that is the one wanted.
            let zeros = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
            let [a, b, c] = self.words;
            let hits = zeros(word ^ a) | zeros(word ^ b) | zeros(word ^ c);
            if hits != 0 {
                return from + (hits.trailing_zeros() / 8) as usize;
            }
            from += 8;
        }
        while from < haystack.len() && !self.table[usize::from(haystack[from])] {
            from += 1;
        }
        from
    }
}

/// The fields of the plain record at the start of `window` (see [`CsvReader::scan_plain`]),
/// pushed to `spans`: where the record ends, and the line break that ends it. `None` for a
/// record that is not plain or may not have ended.
// (on its own, not inlined into the reader, its loop keeps its state in registers)
#[inline(never)]
fn plain_fields(window: &[u8], delimiter: u8, spans: &mut Vec<(u32, u32)>) -> Option<(usize, u8)> {
    let needles = [delimiter, QUOTE, CR, LF];
    // the marks of the block at `base` not yet taken
    let (mut base, mut bits) = (0, marks(window, 0, needles));
    // the next block's marks; `None` past the window's end
    let next_block = |base: &mut usize| {
        *base += 64;
        (*base < window.len()).then(|| marks(window, *base, needles))
    };
    // where the field starts
    let mut start = 0;
    loop {
        if bits == 0 {
            bits = next_block(&mut base)?;
            continue;
        }
        let at = base + bits.trailing_zeros() as usize;
        bits &= bits - 1;
        let byte = window[at];
        if byte == delimiter {
            spans.push((span(start), span(at)));
            start = at + 1;
            continue;
        }
        if byte != QUOTE {
            // a line break ends the record
            spans.push((span(start), span(at)));
            return Some((at + 1, byte));
        }
        if at != start {
            // a quote inside an unquoted field is text
            continue;
        }
        // a quoted field: the delimiters inside are text; a line break goes the full way
        let close = loop {
            if bits == 0 {
                bits = next_block(&mut base)?;
                continue;
            }
            let at = base + bits.trailing_zeros() as usize;
            bits &= bits - 1;
            match window[at] {
                QUOTE => break at,
                b if b == delimiter => {}
                _ => return None,
            }
        };
        // the next mark must be just after the closing quote, and no quote: a doubled quote
        // or text after the closing one goes the full way
        if bits == 0 {
            bits = next_block(&mut base)?;
        }
        let end = close + 1;
        if bits == 0 || base + bits.trailing_zeros() as usize != end || window[end] == QUOTE {
            return None;
        }
        bits &= bits - 1;
        spans.push((span(start + 1), span(close)));
        let byte = window[end];
        if byte != delimiter {
            return Some((end + 1, byte));
        }
        start = end + 1;
    }
}

/// Where the four `needles` lie in the 64 bytes of `window` from `base` (fewer at its end): a
/// bit per byte, lowest first.
#[inline]
fn marks(window: &[u8], base: usize, needles: [u8; 4]) -> u64 {
    let [a, b, c, d] = needles;
    let hit = |byte: u8| u8::from((byte == a) | (byte == b) | (byte == c) | (byte == d));
    let Some(block) = window.get(base..base + 64) else {
        // the window's last bytes, one by one
        return window[base.min(window.len())..]
            .iter()
            .enumerate()
            .fold(0, |bits, (i, &byte)| bits | u64::from(hit(byte)) << i);
    };
    // a byte 0 or 1 per byte, which the compiler does 16 at a time, then eight bytes at a time
    // gathered into eight bits by one multiplication
    let mut hits = [0u8; 64];
    for (h, &byte) in hits.iter_mut().zip(block) {
        *h = hit(byte);
    }
    let mut bits = 0;
    for (i, eight) in hits.chunks_exact(8).enumerate() {
        let eight = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
        bits |= (eight.wrapping_mul(GATHER) >> 56) << (8 * i);
    }
    bits
}

/// Multiplied by eight bytes each 0 or 1, puts byte `i` in bit `56 + i`.
const GATHER: u64 = 0x0102_0408_1020_4080;

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Rewrites the raw text of one field (`field`, from its opening quote to where it ends) as
/// the csv crate reads it: quotes taken off, a doubled quote made one, text after the closing
/// quote kept; and a CR before an LF dropped. Returns the new length; the text only shrinks.
fn unquote(field: &mut [u8]) -> usize {
    #[derive(PartialEq)]
    enum State {
        Quoted,
        AfterQuote,
        Unquoted,
    }
    let mut state = State::Unquoted;
    let mut out = 0;
    let mut i = 0;
    if field.first() == Some(&QUOTE) {
        state = State::Quoted;
        i = 1;
    }
    while i < field.len() {
        let c = field[i];
        let keep = match state {
            State::Unquoted => true,
            State::Quoted if c == QUOTE => {
                state = State::AfterQuote;
                false
            }
            State::Quoted => !(c == CR && field.get(i + 1) == Some(&LF)),
            State::AfterQuote => {
                state = if c == QUOTE {
                    State::Quoted
                } else {
                    State::Unquoted
                };
                true
            }
        };
        if keep {
            field[out] = c;
            out += 1;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Input that comes `chunk` bytes at most per read.
    struct Trickle<'a> {
        rest: &'a [u8],
        chunk: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.rest.len().min(buf.len()).min(self.chunk);
            buf[..n].copy_from_slice(&self.rest[..n]);
            self.rest = &self.rest[n..];
            Ok(n)
        }
    }

    /// Reads every record of `input`, `chunk` bytes at most per read.
    fn read_all(input: &[u8], delimiter: u8, chunk: usize) -> Vec<(u64, Vec<Vec<u8>>)> {
        let mut reader = CsvReader::new(Trickle { rest: input, chunk }, delimiter);
        let mut record = CsvRecord::default();
        let mut out = Vec::new();
        while let Some(line) = reader.read(&mut record).unwrap() {
            out.push((line, record.iter().map(<[u8]>::to_vec).collect()));
        }
        out
    }

    /// What the csv crate reads, after a CR before each LF is dropped.
    fn csv_crate(input: &[u8], delimiter: u8) -> Vec<Vec<Vec<u8>>> {
        let mut lf = Vec::new();
        for (i, &b) in input.iter().enumerate() {
            if !(b == CR && input.get(i + 1) == Some(&LF)) {
                lf.push(b);
            }
        }
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(lf.as_slice());
        reader
            .byte_records()
            .map(|r| r.unwrap().iter().map(<[u8]>::to_vec).collect())
            .collect()
    }

    fn fields(records: &[(u64, Vec<Vec<u8>>)]) -> Vec<Vec<Vec<u8>>> {
        records.iter().map(|(_, f)| f.clone()).collect()
    }

    #[test]
    fn quoted_fields_and_line_numbers() {
        let input =
            b"a,b,c\n\"1,5\",x\"y,\"say \"\"hi\"\"\"\n\n\r\n\"two\nlines\",\"q\"z,\r\nlast,,\"open";
        let records = read_all(input, b',', 3);
        assert_eq!(
            records,
            vec![
                (1, vec![b"a".to_vec(), b"b".to_vec(), b"c".to_vec()]),
                (
                    2,
                    vec![b"1,5".to_vec(), b"x\"y".to_vec(), b"say \"hi\"".to_vec()]
                ),
                (
                    5,
                    vec![b"two\nlines".to_vec(), b"qz".to_vec(), b"".to_vec()]
                ),
                (7, vec![b"last".to_vec(), b"".to_vec(), b"open".to_vec()]),
            ]
        );
        assert_eq!(fields(&records), csv_crate(input, b','));
    }

    #[test]
    fn crlf_inside_quotes_reads_as_lf_and_a_lone_cr_ends_a_record() {
        let input = b"\"a\r\nb\",c\r\nd\re\r\n";
        let records = read_all(input, b',', 1 << 10);
        assert_eq!(
            records,
            vec![
                (1, vec![b"a\nb".to_vec(), b"c".to_vec()]),
                (3, vec![b"d".to_vec()]),
                (3, vec![b"e".to_vec()]),
            ]
        );
    }

    #[test]
    fn a_byte_order_mark_at_the_start_is_dropped() {
        let input = b"\xef\xbb\xbfa;b\n1;2";
        let records = read_all(input, b';', 1);
        assert_eq!(records[0].1, vec![b"a".to_vec(), b"b".to_vec()]);
        assert_eq!(records[1], (2, vec![b"1".to_vec(), b"2".to_vec()]));
        assert!(read_all(b"", b',', 1).is_empty());
        assert!(read_all(b"\n\r\n\n", b',', 1).is_empty());
    }

    #[test]
    fn a_record_longer_than_the_buffer_grows_it() {
        let long = "x".repeat(3 * CHUNK);
        let input = format!("\"{long}\",{long}\nz\n");
        let records = read_all(input.as_bytes(), b',', 1 << 20);
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].1[0].len(), 3 * CHUNK);
        assert_eq!(records[1], (2, vec![b"z".to_vec()]));
    }

    #[test]
    fn needles_find_the_first_of_their_bytes() {
        let needles = Needles::new([b',', CR, LF]);
        let text = b"0123456789abcdef,\xff\x80\x01\r";
        for from in 0..text.len() {
            let expected = text[from..]
                .iter()
                .position(|b| b",\r\n".contains(b))
                .map_or(text.len(), |i| from + i);
            assert_eq!(needles.find(text, from), expected, "from {from}");
        }
        // a match above a byte one less than a needle is no false hit
        let text = b"+++++++++,+++++++";
        assert_eq!(needles.find(text, 0), 9);
        assert_eq!(needles.find(b"", 0), 0);
    }

    proptest! {
        #[test]
        fn needles_agree_with_a_plain_search(
            haystack in proptest::collection::vec(any::<u8>(), 0..40),
            bytes in any::<[u8; 3]>(),
            from in 0usize..40,
        ) {
            let from = from.min(haystack.len());
            let needles = Needles::new(bytes);
            let expected = haystack[from..]
                .iter()
                .position(|b| bytes.contains(b))
                .map_or(haystack.len(), |i| from + i);
            prop_assert_eq!(needles.find(&haystack, from), expected);
        }
    }

    #[test]
    fn records_up_to_the_limit_are_read_and_a_longer_one_is_an_error() {
        // a buffer of 4 bytes that may grow to 64, fed 3 bytes a read: records of 60 bytes fit
        // however the reads fall, one of 70 does not
        let fits = format!("{}\n{}\n", "a".repeat(60), "b".repeat(59));
        for skip in 0..7 {
            let input = format!("{}\n{fits}", "c".repeat(skip));
            let mut reader = CsvReader::with_limits(
                Trickle {
                    rest: input.as_bytes(),
                    chunk: 3,
                },
                b',',
                4,
                64,
            );
            let mut record = CsvRecord::default();
            let mut lengths = Vec::new();
            while reader.read(&mut record).unwrap().is_some() {
                lengths.push(record.get(0).unwrap().len());
            }
            assert_eq!(lengths.last(), Some(&59), "after {skip}");
        }
        let long = format!("x\n{}\ny\n", "z".repeat(70));
        let mut reader = CsvReader::with_limits(
            Trickle {
                rest: long.as_bytes(),
                chunk: 3,
            },
            b',',
            4,
            64,
        );
        let mut record = CsvRecord::default();
        assert_eq!(reader.read(&mut record).unwrap(), Some(1));
        let err = reader.read(&mut record).unwrap_err();
        assert_eq!(err.to_string(), "a record is longer than 64 bytes");
    }

    #[test]
    fn records_from_fields() {
        let record = CsvRecord::from_fields(["a", "", "bc"]);
        assert_eq!(record.len(), 3);
        assert_eq!(record.get(2), Some(&b"bc"[..]));
        assert_eq!(record.get(3), None);
        assert!(CsvRecord::default().is_empty());
    }

    #[test]
    fn plain_records_are_read_from_their_marks() {
        let reader = CsvReader::new(io::empty(), b',');
        let mut record = CsvRecord::default();
        // long enough that the marks of a field lie across two blocks
        let text = format!("a,\"1,5\",,x\"y,{},\"\"\r\nnext", "z".repeat(70));
        let found = reader.scan_plain(text.as_bytes(), &mut record);
        assert_eq!(found, Some((text.len() - 5, 0)));
        let fields: Vec<&[u8]> = record.iter().collect();
        let long = "z".repeat(70);
        assert_eq!(
            fields,
            [&b"a"[..], b"1,5", b"", b"x\"y", long.as_bytes(), b""]
        );
        // the full way: a doubled quote, text after a closing quote, a line break in quotes,
        // a field or a delimiter at the window's end, a quote as the delimiter
        for text in ["\"a\"\"b\"\n", "\"a\"b,c\n", "\"a\nb\"\n", "a,b", "a,"] {
            assert_eq!(
                reader.scan_plain(text.as_bytes(), &mut record),
                None,
                "{text:?}"
            );
        }
        let quote = CsvReader::new(io::empty(), QUOTE);
        assert_eq!(quote.scan_plain(b"a\"b\n", &mut record), None);
    }

    proptest! {
        /// Where the plain scan takes a record, it takes what the full scan takes, whether or
        /// not more input may follow.
        #[test]
        fn plain_scan_agrees_with_the_full_scan(
            bytes in proptest::collection::vec(
                prop_oneof![
                    8 => Just(b'a'), 2 => Just(b'"'), 3 => Just(b','), 1 => Just(b';'),
                    1 => Just(b'\n'), 1 => Just(b'\r'), 1 => Just(b' '), 1 => Just(0xC3),
                ],
                1..300,
            ),
            eof in any::<bool>(),
            semicolon in any::<bool>(),
        ) {
            let delimiter = if semicolon { b';' } else { b',' };
            let mut reader = CsvReader::new(io::empty(), delimiter);
            reader.eof = eof;
            // a window starts where a record does: after any blank lines
            let start = bytes.iter().position(|&b| b != CR && b != LF).unwrap_or(bytes.len());
            let window = &bytes[start..];
            prop_assume!(!window.is_empty());
            let (mut plain, mut full) = (CsvRecord::default(), CsvRecord::default());
            if let Some(taken) = reader.scan_plain(window, &mut plain) {
                prop_assert_eq!(Some(taken), reader.scan(window, &mut full));
                prop_assert_eq!(plain.iter().collect::<Vec<_>>(), full.iter().collect::<Vec<_>>());
            }
        }
    }

    proptest! {
        /// Any text made of the bytes that matter reads as the csv crate reads it, and the same
        /// (line numbers too) however the input arrives.
        #[test]
        fn agrees_with_the_csv_crate(
            bytes in proptest::collection::vec(
                prop_oneof![
                    Just(b'"'), Just(b','), Just(b';'), Just(b'\n'), Just(b'\r'),
                    Just(b'a'), Just(b' '), Just(0xC3),
                ],
                0..80,
            ),
            chunk in 1usize..9,
            semicolon in any::<bool>(),
        ) {
            let delimiter = if semicolon { b';' } else { b',' };
            let records = read_all(&bytes, delimiter, chunk);
            prop_assert_eq!(fields(&records), csv_crate(&bytes, delimiter));
            prop_assert_eq!(&records, &read_all(&bytes, delimiter, 1 << 10));
        }
    }
}
