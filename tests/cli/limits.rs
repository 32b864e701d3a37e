//! Files no survey is, or that pretend: workbooks past the limits a survey sheet stays within
//! (a stray cell at the sheet's far corner, parts that unpack to gigabytes), a workbook saved
//! with a password, on standard input or named `.csv`, text a decoder could not read, a quote
//! left open. Each is exit status 2 with a message that says what to do, before memory grows.

use std::io::Write as _;

use crate::util::{data, ntm, ntm_with};

/// A workbook of one sheet, `Biểu 01`, with `cells` (row, column, text) under a header.
fn workbook(dir: &std::path::Path, name: &str, cells: &[(u32, u16, &str)]) -> String {
    let path = dir.join(name);
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("Biểu 01").unwrap();
    for (c, header) in ["commune_id", "commune", "TC1"].iter().enumerate() {
        sheet
            .write_string(0, u16::try_from(c).unwrap(), *header)
            .unwrap();
    }
    sheet.write_string(1, 0, "A").unwrap();
    sheet.write_string(1, 2, "Đạt").unwrap();
    for &(row, column, text) in cells {
        sheet.write_string(row, column, text).unwrap();
    }
    book.save(&path).unwrap();
    path.to_string_lossy().into_owned()
}

fn score(path: &str) -> crate::util::Run {
    ntm(&[
        "score",
        path,
        "-c",
        &data("mini-set.yaml"),
        "-f",
        "csv",
        "-q",
    ])
}

#[test]
fn a_cell_far_outside_the_table_is_refused_before_room_is_made_for_it() {
    let dir = tempfile::tempdir().unwrap();
    // one cell in the sheet's last column of its last row
    let path = workbook(dir.path(), "goc.xlsx", &[(1_048_575, 16_383, "x")]);
    let run = score(&path);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "sheet \"Biểu 01\": cell Biểu 01!XFD1048576 holds \"x\", past column ALL; a survey sheet has at most 1000 columns and 12000000 cells"
        ),
        "{}",
        run.stderr
    );
    // within the columns, but spanning more cells than any survey
    let path = workbook(dir.path(), "dai.xlsx", &[(1_048_575, 20, "x")]);
    let run = score(&path);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("its cells span 1048576 rows and 21 columns, from A1 to U1048576"),
        "{}",
        run.stderr
    );
    // a table of ordinary size reads
    let path = workbook(
        dir.path(),
        "thuong.xlsx",
        &[(2, 0, "B"), (2, 2, "Không đạt")],
    );
    let run = score(&path);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 3);
}

/// A part that says it unpacks to more than a survey needs is refused from the zip's
/// directory, before it is unpacked (here a small part whose directory entry says 65 MB, as a
/// bomb's may).
#[test]
fn a_part_that_unpacks_past_what_a_survey_needs_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.xlsx");
    let mut bytes = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut bytes);
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(b"<Types/>").unwrap();
    zip.start_file("xl/sharedStrings.xml", options).unwrap();
    zip.write_all(b"<sst/>").unwrap();
    zip.finish().unwrap();
    let mut bytes = bytes.into_inner();
    // the central directory entry of the second part: its uncompressed size, 24 bytes in
    let entries: Vec<usize> = bytes
        .windows(4)
        .enumerate()
        .filter(|(_, w)| *w == [0x50, 0x4B, 0x01, 0x02])
        .map(|(i, _)| i)
        .collect();
    let size = entries[1] + 24;
    bytes[size..size + 4].copy_from_slice(&(65u32 << 20).to_le_bytes());
    std::fs::write(&path, bytes).unwrap();
    let run = score(&path.to_string_lossy());
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "part xl/sharedStrings.xml of the workbook unpacks to 65 MB, more than the 64 MB a survey workbook can need"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_workbook_saved_with_a_password_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mat-khau.xlsx");
    // an OLE compound file, as Excel saves an encrypted workbook, holding its EncryptedPackage
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(512, 0);
    bytes.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    bytes.resize(4096, 0);
    std::fs::write(&path, bytes).unwrap();
    let run = score(&path.to_string_lossy());
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("the workbook is password-protected: open it in Excel and save a copy without a password"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_workbook_must_come_as_a_file_with_its_own_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = workbook(dir.path(), "bieu.xlsx", &[]);
    let bytes = std::fs::read(&path).unwrap();
    let mut cmd = assert_cmd::Command::cargo_bin("ntm").unwrap();
    let out = cmd
        .args(["score", "-", "-c", &data("mini-set.yaml")])
        .write_stdin(bytes.clone())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: đầu vào chuẩn chứa một tệp Excel; tệp Excel phải được chỉ bằng đường dẫn (ntm score bieu-01.xlsx), không đưa qua đầu vào chuẩn\n"
    );
    let renamed = dir.path().join("bieu.csv");
    std::fs::write(&renamed, bytes).unwrap();
    let run = score(&renamed.to_string_lossy());
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("is a workbook, though its name does not say so"),
        "{}",
        run.stderr
    );
    // --sheet names a sheet of a workbook only
    let run = ntm(&[
        "score",
        &data("communes.csv"),
        "-c",
        &data("mini-set.yaml"),
        "--sheet",
        "Biểu 01",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("--sheet \"Biểu 01\" picks a sheet of a workbook, but"),
        "{}",
        run.stderr
    );
}

/// A lone UTF-16 surrogate, which a decoder turns into U+FFFD, is an error naming the cell, as
/// invalid UTF-8 is; so is a U+FFFD left by an earlier conversion.
#[test]
fn text_a_decoder_could_not_read_is_an_error_naming_the_cell() {
    let text: Vec<u16> = "commune_id,commune,TC1\r\nA,X"
        .encode_utf16()
        .chain([0xD800])
        .chain("y,Đạt\r\n".encode_utf16())
        .collect();
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.iter().flat_map(|u| u.to_le_bytes()));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("utf16.csv");
    std::fs::write(&path, bytes).unwrap();
    let run = score(&path.to_string_lossy());
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            ":2: column \"commune\": value \"X\u{fffd}y\": text holds \u{fffd}, the mark decoding leaves where a character could not be read"
        ),
        "{}",
        run.stderr
    );
}

/// A quote left open runs into the lines after it; the message says where it was opened.
#[test]
fn a_quote_left_open_is_named_by_its_line() {
    let csv = "commune_id,commune,TC1\nA,\"Xã A,Đạt\nB,Xã B,Đạt\nC,Xã C,Đạt\n";
    let run = ntm_with(
        &["score", "-", "-c", &data("mini-set.yaml"), "-q"],
        Some(csv),
        None,
    );
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error[ragged-row]: <stdin>:2: row has 2 fields but the header has 3; every row needs one field per column; a quote opened on line 2 is not closed where it should be: a cell runs over the next 3 line(s) (look for a stray \")\n"
    );
}

/// Columns the set does not use are ignored unread, even when two share a header.
#[test]
fn unused_columns_may_share_a_header() {
    let csv = "commune_id,Ghi chú,TC1,Ghi chú\nA,x,Đạt,y\n";
    let run = ntm_with(
        &[
            "score",
            "-",
            "-c",
            &data("mini-set.yaml"),
            "-f",
            "csv",
            "-q",
        ],
        Some(csv),
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    // a used column twice is still an error
    let csv = "commune_id,TC1,TC1\nA,Đạt,Đạt\n";
    let run = ntm_with(
        &["score", "-", "-c", &data("mini-set.yaml")],
        Some(csv),
        None,
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("column appears twice"),
        "{}",
        run.stderr
    );
}
