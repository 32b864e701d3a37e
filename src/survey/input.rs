//! Getting survey rows out of what analysts actually have: CSV in UTF-8 (with or without a
//! byte-order mark), UTF-16 (Excel's "Unicode text") or legacy Vietnamese Windows-1258, with a
//! comma, semicolon or tab; or an Excel / OpenDocument workbook, with the header found below a
//! title block. Headers are then matched to their meaning, Vietnamese names included.

use std::cell::Cell;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::rc::Rc;

use calamine::{Data, Reader};

use crate::code::Code;
use crate::error::{Error, Location, Problem, Result};
use crate::msg::Msg;
use crate::text::{extension_is, fold, nfc};

/// The text encoding of a CSV file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TextEncoding {
    /// UTF-8, or UTF-16 when the file starts with a byte-order mark.
    #[default]
    Auto,
    /// UTF-8.
    Utf8,
    /// UTF-16, little-endian (what Excel writes as "Unicode text").
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// Windows-1258, the legacy Vietnamese code page.
    Windows1258,
}

/// How to read an input file.
#[derive(Debug, Clone, Default)]
pub struct InputOptions {
    /// The text encoding of a CSV file.
    pub encoding: TextEncoding,
    /// The CSV delimiter; sniffed from the header line when `None`.
    pub delimiter: Option<u8>,
    /// The sheet of a workbook; the first when `None`.
    pub sheet: Option<String>,
    /// The year of rows without a `year` column.
    pub year: Option<u16>,
    /// The line (CSV) or row (workbook) of the header, from 1, instead of the one found.
    pub header_row: Option<u64>,
}

/// Where rows come from.
pub enum Rows {
    /// A CSV stream, its header first.
    Csv(CsvRows),
    /// The rows of a spreadsheet, each with its row number; the first is the header.
    Sheet {
        /// The sheet's name, for messages that name a cell as Excel does (`Biểu 01!J15`).
        name: String,
        /// The column of each row's first cell, from 0 (column A).
        first_column: u32,
        /// The rows.
        rows: std::vec::IntoIter<(u64, Vec<String>)>,
    },
}

/// A cell's reference as Excel writes it: `J15` for `column` 9 (from 0) of `row` 15.
#[must_use]
pub fn cell_reference(column: u32, row: u64) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let rem = u8::try_from((n - 1) % 26).unwrap_or(0);
        letters.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect::<String>() + &row.to_string()
}

/// Whether `path` names a workbook rather than a CSV file.
#[must_use]
pub fn is_workbook(path: &str) -> bool {
    ["xlsx", "xlsm", "xlsb", "xls", "ods"]
        .iter()
        .any(|ext| extension_is(path, ext))
}

/// Opens `path` (`-` for standard input, always CSV).
pub fn open(path: &str, options: &InputOptions) -> Result<Rows> {
    if path != "-" && is_workbook(path) {
        return sheet(path, options);
    }
    if let Some(name) = &options.sheet {
        return Err(Error::usage(crate::msg::Msg::SheetOnCsv {
            sheet: name.clone(),
            file: shown(path),
        }));
    }
    let input: Box<dyn Read> = if path == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open(path).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?)
    };
    csv_rows(input, path, options)
}

/// The first year the rows of `path` name in their `year` or `period` column (`Năm`, `Kỳ` …),
/// read no further than the first row that names one; `None` when the file has no such column
/// or names no year. Standard input is not read (it could not be read again), and gives `None`.
pub fn first_year(path: &str, options: &InputOptions) -> Result<Option<u16>> {
    if path == "-" {
        return Ok(None);
    }
    // a year, or a period's year (`2025-10`)
    let year = |cell: &str| crate::survey::period::Period::parse(&nfc(cell)).map(|p| p.year);
    let is_year = |header: &str| {
        matches!(
            header_meaning(&nfc(header), &[]).as_deref(),
            Some("year" | "period")
        )
    };
    match open(path, options)? {
        Rows::Csv(mut reader) => {
            let mut record = csv::ByteRecord::new();
            let mut column = None;
            while let Ok(Some(_)) = reader.read(&mut record) {
                let cells = record.iter().map(|cell| String::from_utf8_lossy(cell));
                match column {
                    None => {
                        let Some(i) = cells.into_iter().position(|h| is_year(&h)) else {
                            return Ok(None);
                        };
                        column = Some(i);
                    }
                    Some(i) => {
                        if let Some(y) = record
                            .get(i)
                            .and_then(|c| year(&String::from_utf8_lossy(c)))
                        {
                            return Ok(Some(y));
                        }
                    }
                }
            }
            Ok(None)
        }
        Rows::Sheet { mut rows, .. } => {
            let Some(column) = rows
                .next()
                .and_then(|(_, header)| header.iter().position(|h| is_year(h)))
            else {
                return Ok(None);
            };
            Ok(rows.find_map(|(_, cells)| cells.get(column).and_then(|c| year(c))))
        }
    }
}

/// Reads CSV from `input`, named `path` in messages.
pub fn csv_rows(input: Box<dyn Read>, path: &str, options: &InputOptions) -> Result<Rows> {
    let encoding = match options.encoding {
        TextEncoding::Auto | TextEncoding::Utf8 => None,
        TextEncoding::Utf16Le => Some(encoding_rs::UTF_16LE),
        TextEncoding::Utf16Be => Some(encoding_rs::UTF_16BE),
        TextEncoding::Windows1258 => Some(encoding_rs::WINDOWS_1258),
    };
    let decoded = encoding_rs_io::DecodeReaderBytesBuilder::new()
        .encoding(encoding)
        .bom_override(true)
        .utf8_passthru(true)
        .build(input);
    let mut buffered = BufReader::with_capacity(1 << 16, decoded);
    // Comment lines (`#`, as `ntm template` writes), blank lines and an office's title block
    // may come before the header: the header is the first line that names the commune id
    // column among the first 30 that are neither blank nor a comment, or else the first of
    // those.
    let mut lines: Vec<Vec<u8>> = Vec::new();
    let mut titles = 0;
    let mut named_id = None;
    let wanted = options
        .header_row
        .map(|n| usize::try_from(n).unwrap_or(usize::MAX));
    while wanted.map_or(titles < 30, |n| lines.len() < n) {
        let mut line = Vec::new();
        let n = buffered
            .read_until(b'\n', &mut line)
            .map_err(|source| Error::Io {
                path: shown(path),
                source,
            })?;
        if n == 0 {
            break;
        }
        if lines.is_empty() && is_workbook_content(&line) {
            return Err(Error::usage(if path == "-" {
                Msg::WorkbookOnStdin
            } else {
                Msg::UnnamedWorkbook {
                    file: path.to_owned(),
                }
            }));
        }
        if named_id.is_none() && names_commune_id(&line, options.delimiter) {
            named_id = Some(lines.len());
        }
        titles += usize::from(!blank_or_comment(&line));
        lines.push(line);
        if named_id.is_some() && wanted.is_none() {
            break;
        }
    }
    let header = match wanted {
        Some(n) if n > lines.len() || n == 0 => {
            return Err(Error::usage(Msg::HeaderRowPastEnd {
                file: shown(path),
                row: n as u64,
                lines: lines.len(),
            }));
        }
        Some(n) => n - 1,
        None => named_id
            .or_else(|| lines.iter().position(|line| !blank_or_comment(line)))
            .unwrap_or(lines.len()),
    };
    let skipped = header as u64;
    let delimiter = options
        .delimiter
        .unwrap_or_else(|| lines.get(header).map_or(b',', |line| sniff(line)));
    let from_header: Vec<u8> = lines.into_iter().skip(header).flatten().collect();
    let ended = Rc::new(Cell::new(false));
    let input = LineEnds {
        input: Cursor::new(from_header).chain(buffered),
        after_cr: false,
        ended: Rc::clone(&ended),
    };
    let reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_reader(Box::new(input) as Box<dyn Read>);
    Ok(Rows::Csv(CsvRows {
        reader,
        skipped,
        ended,
    }))
}

/// CSV records, read by the csv crate, each with the line it starts on.
pub struct CsvRows {
    reader: csv::Reader<Box<dyn Read>>,
    /// Lines before the header (comments, blank lines).
    skipped: u64,
    /// Whether the input has come to its end.
    ended: Rc<Cell<bool>>,
}

impl CsvRows {
    /// Reads the next record into `record` and returns the line it starts on (blank lines and
    /// line breaks inside quotes counted); `None` at the end of the input.
    ///
    /// # Errors
    /// What reading the input gives; the line is where reading stopped.
    pub fn read(&mut self, record: &mut csv::ByteRecord) -> Result<Option<u64>, (u64, io::Error)> {
        let read = self.reader.read_byte_record(record).map_err(|err| {
            let line = self.reader.position().line() + self.skipped;
            let err = match err.into_kind() {
                csv::ErrorKind::Io(err) => err,
                kind => io::Error::other(format!("{kind:?}")),
            };
            (line, err)
        })?;
        if !read {
            return Ok(None);
        }
        // The reader counts line breaks as it goes and skips blank lines, so the line a record
        // starts on is counted back from where it ended: by its own line breaks, and the one
        // that ended it unless the input ended it.
        // (memchr looks through a record many bytes at a time, for every row)
        let inside = memchr::memchr_iter(b'\n', record.as_slice()).count();
        let ending = u64::from(!self.ended.get());
        let end = self.reader.position().line();
        Ok(Some(end - inside as u64 - ending + self.skipped))
    }
}

/// The input with every line break made a plain LF (CRLF and a lone CR alike), so that a line
/// break reads the same inside quotes and out, whoever wrote the file; notes when the input has
/// come to its end.
struct LineEnds<R> {
    input: R,
    /// The last byte given was a CR that stood for a line break.
    after_cr: bool,
    ended: Rc<Cell<bool>>,
}

impl<R: Read> Read for LineEnds<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let n = self.input.read(buf)?;
            if n == 0 {
                self.ended.set(!buf.is_empty());
                return Ok(0);
            }
            // (most files end their lines with LF alone: nothing to rewrite)
            if !self.after_cr && memchr::memchr(b'\r', &buf[..n]).is_none() {
                return Ok(n);
            }
            let mut kept = 0;
            for i in 0..n {
                let byte = buf[i];
                if byte == b'\n' && self.after_cr {
                    self.after_cr = false;
                    continue;
                }
                self.after_cr = byte == b'\r';
                buf[kept] = if self.after_cr { b'\n' } else { byte };
                kept += 1;
            }
            // (a read of nothing but the LF of a CRLF must not look like the end)
            if kept > 0 {
                return Ok(kept);
            }
        }
    }
}

/// Whether a line before the header is blank or a comment (`#`).
/// Whether a file starts as a workbook does: a zip (`.xlsx`, `.ods`) or an OLE compound file
/// (`.xls`, or an `.xlsx` saved with a password).
fn is_workbook_content(start: &[u8]) -> bool {
    start.starts_with(b"PK\x03\x04")
        || start.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

fn blank_or_comment(line: &[u8]) -> bool {
    let text = String::from_utf8_lossy(line);
    let text = text.trim_start_matches('\u{feff}').trim();
    text.is_empty() || text.starts_with('#')
}

/// Whether `line` is a header row: one of its cells, split at `delimiter` (or the one the line
/// seems to use), names the commune id column.
fn names_commune_id(line: &[u8], delimiter: Option<u8>) -> bool {
    if blank_or_comment(line) {
        return false;
    }
    let delimiter = char::from(delimiter.unwrap_or_else(|| sniff(line)));
    String::from_utf8_lossy(line)
        .split(delimiter)
        .map(|cell| nfc(cell.trim().trim_matches('"')))
        .any(|cell| header_meaning(&cell, &[]).as_deref() == Some("commune_id"))
}

/// The delimiter of a header line: whichever of comma, semicolon and tab it has most of,
/// outside quotes; a comma when it has none.
#[must_use]
pub fn sniff(header: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in header {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3)
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        [b',', b';', b'\t'][best]
    }
}

/// A file as messages name it: standard input, `-`, as `<stdin>`.
#[must_use]
pub fn shown(path: &str) -> String {
    if path == "-" {
        "<stdin>".to_owned()
    } else {
        path.to_owned()
    }
}

/// Reads a workbook's sheet; the header is the first of its first 30 rows naming the commune
/// id column (any spelling [`header_meaning`] knows), so title rows above it are skipped.
fn sheet(path: &str, options: &InputOptions) -> Result<Rows> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    workbook_rows(bytes, path, options)
}

/// Reads the rows of a workbook held in `bytes` (any format calamine knows, told apart by
/// content), named `path` in messages.
pub fn workbook_rows(bytes: Vec<u8>, path: &str, options: &InputOptions) -> Result<Rows> {
    let name = options.sheet.as_deref();
    check_package(&bytes, path)?;
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        Error::one(Problem::coded(
            Code::UnreadableWorkbook,
            Location::file(path),
            Msg::UnreadableWorkbook {
                sheet: None,
                reason: e.to_string(),
            },
        ))
    })?;
    let names = book.sheet_names();
    let sheet = match name {
        Some(n) => names.iter().find(|s| *s == n).cloned().ok_or_else(|| {
            Error::usage(crate::msg::Msg::MissingSheet {
                file: path.to_string(),
                sheet: n.to_string(),
                sheets: names.clone(),
            })
        })?,
        None => names.first().cloned().ok_or_else(|| {
            Error::one(Problem::coded(
                Code::UnreadableWorkbook,
                Location::file(path),
                Msg::NoSheet,
            ))
        })?,
    };
    let (rows, first_column) = if let calamine::Sheets::Xlsx(xlsx) = &mut book {
        xlsx_rows(xlsx, &sheet, path)?
    } else {
        {
            let range = book.worksheet_range(&sheet).map_err(|e| {
                Error::one(Problem::coded(
                    Code::UnreadableWorkbook,
                    Location::file(path),
                    Msg::UnreadableWorkbook {
                        sheet: Some(sheet.clone()),
                        reason: e.to_string(),
                    },
                ))
            })?;
            let (first_row, first_column) = range.start().unwrap_or((0, 0));
            let rows: Vec<(u64, Vec<String>)> = (first_row..)
                .zip(range.rows())
                .map(|(r, row)| {
                    let cells = row
                        .iter()
                        .map(|cell| cell_text(cell, Shown::General))
                        .collect();
                    (u64::from(r) + 1, cells)
                })
                .collect();
            (rows, first_column)
        }
    };
    // cells merged down a column (a district over its communes)
    let merged = match &mut book {
        calamine::Sheets::Xlsx(xlsx) => xlsx.merge_cells_by_sheet_name(&sheet).unwrap_or_default(),
        calamine::Sheets::Xls(xls) => xls.merge_cells_by_sheet_name(&sheet).unwrap_or_default(),
        _ => Vec::new(),
    };
    let header = match options.header_row {
        Some(n) => rows.iter().position(|(row, _)| *row == n).ok_or_else(|| {
            Error::usage(Msg::HeaderRowEmpty {
                file: path.to_owned(),
                row: n,
                sheet: sheet.clone(),
            })
        })?,
        None => rows
            .iter()
            .take(30)
            .position(|(_, cells)| {
                cells
                    .iter()
                    .any(|c| header_meaning(&nfc(c), &[]).as_deref() == Some("commune_id"))
            })
            .unwrap_or(0),
    };
    let mut rows: Vec<_> = rows.into_iter().skip(header).collect();
    fill_merged_down(&mut rows, &merged, first_column);
    // trailing empty rows are not communes
    while rows
        .last()
        .is_some_and(|(_, cells)| cells.iter().all(String::is_empty))
    {
        rows.pop();
    }
    Ok(Rows::Sheet {
        name: sheet,
        first_column,
        rows: rows.into_iter(),
    })
}

/// The most columns a survey sheet may use: a survey has a few hundred at most.
const MAX_COLUMNS: u32 = 1_000;
/// The most cells a survey sheet may span (rows × columns from its first cell to its last):
/// a five-year monthly panel of the country, 200,000 rows of 60 columns, is 12 million.
const MAX_GRID: u64 = 12_000_000;
/// The most a workbook's shared strings or styles may unpack to: read whole when it opens.
const MAX_TABLE_BYTES: u64 = 64 << 20;
/// The most any other part of a workbook (a sheet's XML) may unpack to.
const MAX_PART_BYTES: u64 = 256 << 20;

/// Fails on a workbook that cannot be a survey's, before anything is unpacked: one saved with
/// a password (an encrypted package, not a zip), or a zip whose parts unpack to more than a
/// survey needs (see the limits above).
fn check_package(bytes: &[u8], path: &str) -> Result<()> {
    let fail = |code: Code, message: Msg| {
        Err(Error::one(Problem::coded(
            code,
            Location::file(path),
            message,
        )))
    };
    // a password-protected .xlsx is an OLE compound file holding an "EncryptedPackage" stream
    let ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    let encrypted: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    if ole && bytes.windows(encrypted.len()).any(|w| w == encrypted) {
        return fail(Code::EncryptedWorkbook, Msg::EncryptedWorkbook);
    }
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        // (not a zip: an .xls, which calamine reads and judges)
        return Ok(());
    };
    for i in 0..zip.len() {
        let Ok(part) = zip.by_index_raw(i) else {
            continue;
        };
        let Ok(name) = part.name().map(std::borrow::Cow::into_owned) else {
            continue;
        };
        let table = name.ends_with("sharedStrings.xml") || name.ends_with("styles.xml");
        let limit = if table {
            MAX_TABLE_BYTES
        } else {
            MAX_PART_BYTES
        };
        if part.size() > limit {
            return fail(
                Code::WorkbookTooBig,
                Msg::PartTooBig {
                    part: name,
                    megabytes: part.size() >> 20,
                    limit: limit >> 20,
                },
            );
        }
    }
    Ok(())
}

/// Rows of a sheet, each with its row number, and the column of their first cells.
type SheetRows = (Vec<(u64, Vec<String>)>, u32);

/// The rows of an .xlsx sheet, read cell by cell as the sheet's XML gives them, each with its
/// row number, from the first row and column that hold anything; and that first column. Fails,
/// naming the sheet and the limit, on a cell past [`MAX_COLUMNS`] or a sheet spanning more than
/// [`MAX_GRID`] cells, before room is made for them.
fn xlsx_rows<RS: Read + std::io::Seek>(
    xlsx: &mut calamine::Xlsx<RS>,
    sheet: &str,
    path: &str,
) -> Result<SheetRows> {
    let unreadable = |e: calamine::XlsxError| {
        Error::one(Problem::coded(
            Code::UnreadableWorkbook,
            Location::file(path),
            Msg::UnreadableWorkbook {
                sheet: Some(sheet.to_owned()),
                reason: e.to_string(),
            },
        ))
    };
    let too_big = |what: crate::msg::TooBig| {
        Error::one(Problem::coded(
            Code::WorkbookTooBig,
            Location::file(path),
            Msg::SheetTooBig {
                sheet: sheet.to_owned(),
                what,
                max_columns: MAX_COLUMNS,
                max_cells: MAX_GRID,
            },
        ))
    };
    let mut reader = xlsx.worksheet_cells_reader(sheet).map_err(unreadable)?;
    // (row from 0, cells by column from 0) of the rows that hold anything, in sheet order
    let mut held: Vec<(u32, Vec<(u32, String)>)> = Vec::new();
    let (mut first_column, mut last_column) = (u32::MAX, 0);
    while let Some((cell, style)) = reader.next_cell_with_style_id().map_err(unreadable)? {
        let (row, column) = cell.get_position();
        let data = Data::from(cell.get_value().clone());
        if data == Data::Empty {
            continue;
        }
        if column >= MAX_COLUMNS {
            return Err(too_big(crate::msg::TooBig::PastColumn {
                cell: format!("{sheet}!{}", cell_reference(column, u64::from(row) + 1)),
                text: cell_text(&data, Shown::General)
                    .chars()
                    .take(40)
                    .collect::<String>(),
                column: cell_reference(MAX_COLUMNS - 1, 1)
                    .trim_end_matches('1')
                    .to_owned(),
            }));
        }
        let shown = reader
            .styles()
            .get(style)
            .and_then(|s| s.number_format.as_ref())
            .map_or(Shown::General, |format| Shown::of(&format.format_code));
        let text = cell_text(&data, shown);
        first_column = first_column.min(column);
        last_column = last_column.max(column);
        match held.last_mut() {
            Some((r, cells)) if *r == row => cells.push((column, text)),
            _ => held.push((row, vec![(column, text)])),
        }
    }
    let (Some(&(first_row, _)), Some(&(last_row, _))) = (held.first(), held.last()) else {
        return Ok((Vec::new(), 0));
    };
    let width = last_column - first_column + 1;
    let span = u64::from(last_row.saturating_sub(first_row)) + 1;
    if span * u64::from(width) > MAX_GRID {
        return Err(too_big(crate::msg::TooBig::Span {
            rows: span,
            columns: width,
            from: cell_reference(first_column, u64::from(first_row) + 1),
            to: cell_reference(last_column, u64::from(last_row) + 1),
        }));
    }
    let width = usize::try_from(width).unwrap_or(usize::MAX);
    let mut rows = Vec::with_capacity(usize::try_from(span).unwrap_or(0));
    let mut held = held.into_iter().peekable();
    for row in first_row..=last_row {
        let mut cells = vec![String::new(); width];
        if let Some((_, filled)) = held.next_if(|(r, _)| *r == row) {
            for (column, text) in filled {
                if let Some(cell) = usize::try_from(column - first_column)
                    .ok()
                    .and_then(|i| cells.get_mut(i))
                {
                    *cell = text;
                }
            }
        }
        rows.push((u64::from(row) + 1, cells));
    }
    Ok((rows, first_column))
}

/// Gives every cell of a region merged down one column, under the header, the value Excel
/// shows in all of it (its first cell's): a district merged over its communes belongs to each.
/// Regions across columns are let be: a heading or a totals label spans columns, and belongs
/// to the first.
fn fill_merged_down(
    rows: &mut [(u64, Vec<String>)],
    merged: &[calamine::Dimensions],
    first_column: u32,
) {
    let Some(&(header, _)) = rows.first() else {
        return;
    };
    for region in merged {
        let ((top, left), (bottom, right)) = (region.start, region.end);
        // (rows are numbered from 1, regions from 0)
        if left != right || u64::from(top) < header || bottom <= top {
            continue;
        }
        let Ok(column) = usize::try_from(left - first_column.min(left)) else {
            continue;
        };
        let at = |row: u32| usize::try_from(u64::from(row) + 1 - header).ok();
        let Some(value) = at(top)
            .and_then(|i| rows.get(i))
            .and_then(|(_, cells)| cells.get(column))
            .filter(|v| !v.is_empty())
            .cloned()
        else {
            continue;
        };
        for row in top + 1..=bottom {
            if let Some(cell) = at(row)
                .and_then(|i| rows.get_mut(i))
                .and_then(|(_, cells)| cells.get_mut(column))
                .filter(|c| c.is_empty())
            {
                cell.clone_from(&value);
            }
        }
    }
}

/// How an Excel number format shows a number, as far as reading it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    /// As it is.
    General,
    /// Times 100, with `%`.
    Percent,
    /// A whole number with leading zeros to this many digits (`00000`: a code such as 01234).
    Digits(usize),
}

impl Shown {
    fn of(format_code: &str) -> Shown {
        if shows_percent(format_code) {
            Shown::Percent
        } else if !format_code.is_empty() && format_code.bytes().all(|b| b == b'0') {
            Shown::Digits(format_code.len())
        } else {
            Shown::General
        }
    }
}

/// Whether an Excel number format multiplies by 100 and shows `%`: a `%` outside quoted text
/// (`0.0"%"`) and not escaped (`0.0\%`), which only print the sign.
fn shows_percent(format_code: &str) -> bool {
    let mut quoted = false;
    let mut escaped = false;
    for c in format_code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '%' if !quoted => return true,
            _ => {}
        }
    }
    false
}

/// A spreadsheet cell as the text a CSV export would hold, which is what the reader parses:
/// a number formatted as a percentage as the percentage shown (0.934 as `93.4%`), a date or
/// time as the date shown (so that where a number or verdict is expected it is an error naming
/// the cell, not a serial number such as 44628), an error in Excel's own spelling (`#DIV/0!`).
/// A formula's cached value is what calamine gives.
fn cell_text(cell: &Data, shown: Shown) -> String {
    let percent = shown == Shown::Percent;
    // a code kept with its leading zeros by a `00000` format
    if let Shown::Digits(width) = shown {
        let whole = match cell {
            Data::Int(i) => Some(*i),
            #[allow(clippy::cast_possible_truncation)]
            Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => Some(*f as i64),
            _ => None,
        };
        if let Some(whole) = whole.filter(|w| *w >= 0) {
            return format!("{whole:0width$}");
        }
    }
    // shortest text that reads back as the same number, without Excel's float noise
    let number = |f: f64| {
        let rounded = (f * 1e9).round() / 1e9;
        if percent {
            format!("{}%", (rounded * 1e2 * 1e9).round() / 1e9)
        } else {
            format!("{rounded}")
        }
    };
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        #[allow(clippy::cast_precision_loss)]
        Data::Int(i) if percent => number(*i as f64),
        Data::Int(i) => i.to_string(),
        #[allow(clippy::cast_possible_truncation)]
        Data::Float(f) if !percent && f.fract() == 0.0 && f.abs() < 1e15 => (*f as i64).to_string(),
        Data::Float(f) => number(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => {
            let (year, month, day, hour, minute, second, _) = d.to_ymd_hms_milli();
            if d.is_duration() {
                format!("{hour:02}:{minute:02}:{second:02}")
            } else if (hour, minute, second) == (0, 0, 0) {
                format!("{day:02}/{month:02}/{year}")
            } else {
                format!("{day:02}/{month:02}/{year} {hour:02}:{minute:02}")
            }
        }
        Data::Error(e) => e.to_string(),
    }
}

/// What a header means, in the canonical name the rest of the reader uses: the fixed column
/// names in English or Vietnamese, in any case and with or without diacritics (`Mã xã`,
/// `commune_id`); verdict columns as `TC10`, `TC 10`, `tc10` or `Tiêu chí 10`; indicator columns
/// as their id or `Chỉ tiêu 2.1`. `verdict_prefixes` are the set's prefixes, base tier first.
#[must_use]
pub fn header_meaning(header: &str, verdict_prefixes: &[&str]) -> Option<String> {
    let key = fold(header);
    for (name, aliases) in HEADER_NAMES {
        if key == fold(name) || aliases.contains(&key.as_str()) {
            return Some((*name).to_owned());
        }
    }
    if let Some((meaning, _)) = verdict_header(&key, verdict_prefixes) {
        return Some(meaning);
    }
    for prefix in ["chi tieu ", "ct "] {
        if let Some(id) = key.strip_prefix(prefix) {
            return Some(id.trim().to_owned());
        }
    }
    None
}

/// The fixed columns' names, each with the headers offices write for it, folded (see
/// [`fold`]).
pub const HEADER_NAMES: &[(&str, &[&str])] = &[
    (
        "commune_id",
        &[
            "ma xa",
            "ma so xa",
            "ma don vi",
            "ma dvhc",
            "ma don vi hanh chinh",
            "commune code",
        ],
    ),
    ("commune", &["ten xa", "xa", "commune name"]),
    (
        "district",
        &[
            "huyen",
            "ten huyen",
            "quan huyen",
            "huyen, thi xa, thanh pho",
            "huyen, thi xa",
            "huyen/thi xa/thanh pho",
            "huyen thi xa thanh pho",
            "don vi cap huyen",
        ],
    ),
    ("province", &["tinh", "ten tinh"]),
    ("region", &["vung", "vung kinh te xa hoi"]),
    ("group", &["nhom xa", "nhom"]),
    ("year", &["nam", "nam danh gia"]),
    (
        "period",
        &["ky", "ky bao cao", "ky danh gia", "thang/nam", "thang nam"],
    ),
    ("month", &["thang", "thang bao cao"]),
    (
        "recognised",
        &[
            "da cong nhan",
            "muc cong nhan",
            "muc da cong nhan",
            "cong nhan",
            "recognized",
        ],
    ),
    (
        "recognised_year",
        &["nam cong nhan", "nam duoc cong nhan", "recognized_year"],
    ),
    ("hamlets", &["so thon", "tong so thon"]),
    (
        "hamlets_standard",
        &["so thon dat chuan", "so thon dat chuan ntm"],
    ),
    (
        "hamlets_model",
        &["so khu dan cu kieu mau", "so thon kieu mau"],
    ),
    ("outstanding_field", &["linh vuc noi troi"]),
];

/// The criterion a header names a verdict column of, once folded (see [`fold`]): a tier's
/// prefix or "Tiêu chí" (for the base tier), perhaps "số", the number with or without leading
/// zeros, and perhaps the criterion's name after a separator (`TC01`, `TC 1`, `Tiêu chí số 1`,
/// `TC1 - Quy hoạch`, `Tiêu chí 1: Quy hoạch`). The column it means, and the name as written
/// (folded, empty when none is).
fn verdict_header<'k>(key: &'k str, verdict_prefixes: &[&str]) -> Option<(String, &'k str)> {
    let digits_at = key.find(|c: char| c.is_ascii_digit())?;
    let (letters, rest) = key.split_at(digits_at);
    let digits_end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (digits, name) = rest.split_at(digits_end);
    // (a name is set apart from the number; `16.1` is an indicator's id, not criterion 16)
    let apart = name.starts_with([' ', ':', ')'])
        || (name.starts_with('.') && !name[1..].starts_with(|c: char| c.is_ascii_digit()));
    if !(name.is_empty() || apart) {
        return None;
    }
    let number: u32 = digits.parse().ok()?;
    let letters: String = letters.chars().filter(|c| !c.is_whitespace()).collect();
    let prefix = if matches!(letters.as_str(), "tieuchi" | "tieuchiso") {
        verdict_prefixes.first()?
    } else {
        verdict_prefixes
            .iter()
            .find(|p| p.to_lowercase() == letters)?
    };
    let name = name.trim_start_matches([' ', ':', '.', ')']).trim();
    Some((format!("{prefix}{number}"), name))
}

/// The criterion name a verdict column's header gives after its number (`TC1 - Quy hoạch`
/// gives `quy hoach`), folded; `None` when the header is not a verdict column's or gives no
/// name.
#[must_use]
pub fn criterion_name_in_header(header: &str, verdict_prefixes: &[&str]) -> Option<String> {
    let key = fold(header);
    verdict_header(&key, verdict_prefixes)
        .map(|(_, name)| name.to_owned())
        .filter(|name| !name.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workbook_cells_read_as_excel_shows_them() {
        use calamine::{CellErrorType, ExcelDateTime, ExcelDateTimeType};
        assert_eq!(cell_text(&Data::Float(0.934), Shown::Percent), "93.4%");
        assert_eq!(cell_text(&Data::Float(1.0), Shown::Percent), "100%");
        assert_eq!(cell_text(&Data::Int(1), Shown::Percent), "100%");
        assert_eq!(cell_text(&Data::Float(0.1 + 0.2), Shown::General), "0.3");
        assert_eq!(cell_text(&Data::Float(45.0), Shown::General), "45");
        let date = ExcelDateTime::new(44_628.0, ExcelDateTimeType::DateTime, false);
        assert_eq!(
            cell_text(&Data::DateTime(date), Shown::General),
            "08/03/2022"
        );
        let noon = ExcelDateTime::new(44_628.5, ExcelDateTimeType::DateTime, false);
        assert_eq!(
            cell_text(&Data::DateTime(noon), Shown::General),
            "08/03/2022 12:00"
        );
        assert_eq!(
            cell_text(&Data::Error(CellErrorType::Div0), Shown::General),
            "#DIV/0!"
        );
        assert_eq!(
            cell_text(&Data::Error(CellErrorType::NA), Shown::General),
            "#N/A"
        );
        // a code kept with its zeros by a `00000` format, and one without
        assert_eq!(cell_text(&Data::Float(1234.0), Shown::of("00000")), "01234");
        assert_eq!(cell_text(&Data::Int(1234), Shown::of("00000")), "01234");
        assert_eq!(
            cell_text(&Data::Float(1234.0), Shown::of("General")),
            "1234"
        );
        assert_eq!(cell_text(&Data::Float(0.5), Shown::of("0.0\"%\"")), "0.5");
    }

    #[test]
    fn a_percent_format_is_one_whose_sign_is_not_text() {
        assert!(shows_percent("0.0%"));
        assert!(shows_percent("0%;[Red]-0%"));
        assert!(!shows_percent("0.0\"%\""));
        assert!(!shows_percent("0.0\\%"));
        assert!(!shows_percent("General"));
    }

    #[test]
    fn cells_are_named_as_excel_names_them() {
        assert_eq!(cell_reference(0, 1), "A1");
        assert_eq!(cell_reference(9, 15), "J15");
        assert_eq!(cell_reference(25, 2), "Z2");
        assert_eq!(cell_reference(26, 2), "AA2");
        assert_eq!(cell_reference(701, 3), "ZZ3");
        assert_eq!(cell_reference(702, 3), "AAA3");
        assert_eq!(cell_reference(16_383, 1_048_576), "XFD1048576");
    }

    #[test]
    fn delimiters_are_sniffed_outside_quotes() {
        assert_eq!(sniff(b"commune_id,commune,TC1\n"), b',');
        assert_eq!(sniff(b"commune_id;commune;TC1\n"), b';');
        assert_eq!(sniff(b"commune_id\tcommune\tTC1\n"), b'\t');
        assert_eq!(sniff(b"\"a,b,c\";d;e\n"), b';');
        assert_eq!(sniff(b"commune_id\n"), b',');
    }

    #[test]
    fn vietnamese_and_english_headers_mean_the_same() {
        let prefixes = ["TC", "NC"];
        let m = |h: &str| header_meaning(h, &prefixes);
        assert_eq!(m("Mã xã").as_deref(), Some("commune_id"));
        assert_eq!(m("MÃ XÃ").as_deref(), Some("commune_id"));
        assert_eq!(m("Commune_ID").as_deref(), Some("commune_id"));
        assert_eq!(m("Tên xã").as_deref(), Some("commune"));
        assert_eq!(m("Huyện").as_deref(), Some("district"));
        assert_eq!(m("Vùng").as_deref(), Some("region"));
        assert_eq!(m("Số thôn đạt chuẩn").as_deref(), Some("hamlets_standard"));
        assert_eq!(m("Tiêu chí 10").as_deref(), Some("TC10"));
        assert_eq!(m("TC 10").as_deref(), Some("TC10"));
        assert_eq!(m("tc10").as_deref(), Some("TC10"));
        assert_eq!(m("NC 5").as_deref(), Some("NC5"));
        assert_eq!(m("Chỉ tiêu 2.1").as_deref(), Some("2.1"));
        assert_eq!(m("Ghi chú"), None);
        assert_eq!(m("2.1"), None);
        assert_eq!(m("Mã ĐVHC").as_deref(), Some("commune_id"));
        assert_eq!(m("Mã số xã").as_deref(), Some("commune_id"));
        assert_eq!(m("Mã đơn vị hành chính").as_deref(), Some("commune_id"));
    }

    #[test]
    fn a_criterion_column_is_known_by_its_number_in_every_spelling() {
        let prefixes = ["TC", "NC"];
        let m = |h: &str| header_meaning(h, &prefixes);
        for header in [
            "TC1",
            "TC01",
            "TC 1",
            "tc 01",
            "Tiêu chí 1",
            "Tiêu chí số 1",
            "TC1 - Quy hoạch",
            "TC1 – Quy hoạch",
            "Tiêu chí 1: Quy hoạch",
            "Tiêu chí số 01. Quy hoạch",
            "TC1) Quy hoạch",
        ] {
            assert_eq!(m(header).as_deref(), Some("TC1"), "{header}");
        }
        assert_eq!(m("NC 05").as_deref(), Some("NC5"));
        assert_eq!(m("NC16.1"), None);
        for header in [
            "TC1a",
            "TC",
            "Tiêu chí",
            "Chỉ tiêu 1",
            "Năm 2024",
            "XY1",
            "TC1.1",
        ] {
            assert_ne!(m(header).as_deref(), Some("TC1"), "{header}");
        }
        let name = |h: &str| criterion_name_in_header(h, &prefixes);
        assert_eq!(name("TC1 - Quy hoạch").as_deref(), Some("quy hoach"));
        assert_eq!(name("Tiêu chí 1: Quy hoạch").as_deref(), Some("quy hoach"));
        assert_eq!(name("TC01"), None);
        assert_eq!(name("Ghi chú"), None);
    }
}
