//! Real-world input: encodings, delimiters, Vietnamese headers, title rows, workbooks, numbers
//! as people type them, and CSV output that a spreadsheet cannot run as a formula.

use crate::util::{data, ntm, ntm_with};

/// Scores a file written with `bytes` under `name`, with extra arguments, as CSV.
fn score_bytes(name: &str, bytes: &[u8], extra: &[&str]) -> crate::util::Run {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let mini = data("mini-set.yaml");
    let mut args = vec!["score", path.to_str().unwrap(), "-c", &mini, "-f", "csv"];
    args.extend_from_slice(extra);
    ntm(&args)
}

const PLAIN: &str = "commune_id,commune,region,year,1.1,1.2\nA,Xã Đồng Tâm,SOUTH,2024,55,Đạt\n";

fn first_row(run: &crate::util::Run) -> String {
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout.lines().nth(1).unwrap().to_owned()
}

#[test]
fn utf16_with_a_byte_order_mark() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in PLAIN.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let row = first_row(&score_bytes("unicode.csv", &bytes, &[]));
    assert!(row.starts_with("A,Xã Đồng Tâm,,1,4,"), "{row}");
}

#[test]
fn windows_1258_with_the_encoding_named_and_a_hint_without() {
    // Windows-1258 writes Vietnamese with combining tone marks: ã is a + 0xDE, ồ is ô + 0xCC
    let bytes = PLAIN
        .replace(
            "Xã Đồng Tâm",
            "Xa\u{0303} \u{0110}\u{00f4}\u{0300}ng T\u{00e2}m",
        )
        .replace("Đạt", "\u{0110}a\u{0323}t");
    let (bytes, _, lossy) = encoding_rs::WINDOWS_1258.encode(&bytes);
    assert!(!lossy);
    assert!(bytes.windows(2).any(|w| w == [0xF4, 0xCC]));
    let run = score_bytes("legacy.csv", &bytes, &[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("pass --encoding windows-1258"),
        "{}",
        run.stderr
    );
    let row = first_row(&score_bytes(
        "legacy.csv",
        &bytes,
        &["--encoding", "windows-1258"],
    ));
    // decoded, then composed (NFC): the same name as in UTF-8
    assert!(row.starts_with("A,Xã Đồng Tâm,"), "{row}");
}

#[test]
fn semicolons_tabs_and_a_named_delimiter() {
    let semicolons = PLAIN.replace(',', ";");
    let row = first_row(&score_bytes("semi.csv", semicolons.as_bytes(), &[]));
    assert!(row.starts_with("A,Xã Đồng Tâm,,1,4,"), "{row}");
    let tabs = PLAIN.replace(',', "\t");
    assert!(first_row(&score_bytes("tabs.tsv", tabs.as_bytes(), &[])).starts_with("A,"));
    let pipes = PLAIN.replace(',', "|");
    assert!(
        first_row(&score_bytes(
            "p.csv",
            pipes.as_bytes(),
            &["--delimiter", "|"]
        ))
        .starts_with("A,")
    );
    // a line break or a quote cannot part fields
    for delimiter in ["\n", "\r", "\""] {
        let run = score_bytes("p.csv", PLAIN.as_bytes(), &["--delimiter", delimiter]);
        assert_eq!(run.code, 2, "{delimiter:?}");
        assert!(
            run.stderr.contains("cannot be the delimiter"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn vietnamese_headers_decomposed_text_comments_and_crlf() {
    let csv = "# Biểu tổng hợp tiêu chí nông thôn mới\r\n\r\nMã xã,Tên xã,Huyện,Vùng,Năm,Chỉ tiêu 1.1,1.2,Tiêu chí 3,TC 4\r\nA,Xa\u{0303} \u{0110}o\u{0302}\u{0300}ng Ta\u{0302}m,Hòa An,ĐBSH,2024,55,Có,Đạt,Đạt";
    let run = score_bytes("vi.csv", csv.as_bytes(), &[]);
    let row = first_row(&run);
    assert_eq!(row, "A,Xã Đồng Tâm,Hòa An,3,4,1,0,none,standard,2-3,,,2,,,");
    // (criterion 2 has no column)
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr
            .ends_with("vi.csv: 3 of 4 criterion columns found; criterion 2 is not assessed\n"),
        "{}",
        run.stderr
    );
    // a bad cell is reported at its real line, past the comment lines
    let bad = csv.replace("Có", "Hmm");
    let run = score_bytes("vi.csv", bad.as_bytes(), &[]);
    assert!(
        run.stderr
            .contains("vi.csv:4: column \"1.2\": value \"Hmm\""),
        "{}",
        run.stderr
    );
}

#[test]
fn the_same_column_under_two_names_is_an_error() {
    let run = score_bytes("twice.csv", b"commune_id,M\xc3\xa3 x\xc3\xa3\nA,B\n", &[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("column appears twice (columns 1 and 2, as \"commune_id\")"),
        "{}",
        run.stderr
    );
}

#[test]
fn numbers_with_thousands_separators_and_units() {
    let csv = "commune_id,region,year,1.1,2.1\nA,NORTH,2024,42 triệu,\"70,0%\"\nB,NORTH,2024,\"45,000\",70\nC,NORTH,2024,45 người,70\n";
    let run = score_bytes("n.csv", csv.as_bytes(), &[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("n.csv:3: column \"1.1\": value \"45,000\": ambiguous number"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("n.csv:4: column \"1.1\": value \"45 người\": text after the number is not the indicator's unit"), "{}", run.stderr);
    assert!(run.stdout.contains("\nA,,,1,4,"), "{}", run.stdout);
}

#[test]
fn a_workbook_with_a_title_block_above_the_header() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bieu.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Biểu 01").unwrap();
    sheet.write_string(0, 0, "UBND TỈNH MẪU").unwrap();
    sheet
        .write_string(1, 0, "BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN TIÊU CHÍ")
        .unwrap();
    for (c, h) in (0..).zip(["Mã xã", "Tên xã", "Vùng", "Năm", "1.1", "1.2", "TC3"]) {
        sheet.write_string(3, c, h).unwrap();
    }
    sheet.write_string(4, 0, "A").unwrap();
    sheet.write_string(4, 1, "Xã Đồng Tâm").unwrap();
    sheet.write_string(4, 2, "SOUTH").unwrap();
    sheet.write_number(4, 3, 2024.0).unwrap();
    sheet.write_number(4, 4, 55.000_000_000_001).unwrap();
    sheet.write_string(4, 5, "Đạt").unwrap();
    sheet.write_string(4, 6, "Cơ bản đạt").unwrap();
    sheet.write_string(5, 0, "B").unwrap();
    sheet.write_string(5, 5, "Hmm").unwrap();
    let other = book.add_worksheet();
    other.set_name("Khác").unwrap();
    book.save(&path).unwrap();

    let mini = data("mini-set.yaml");
    let run = ntm(&["score", path.to_str().unwrap(), "-c", &mini, "-f", "csv"]);
    assert_eq!(run.code, 2);
    // cells are named as Excel names them, sheet first
    assert!(
        run.stderr
            .contains("bieu.xlsx: Biểu 01!F6: column \"1.2\": value \"Hmm\""),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("A,Xã Đồng Tâm,,1,4,2,1,none,"),
        "{}",
        run.stdout
    );

    let run = ntm(&[
        "score",
        path.to_str().unwrap(),
        "-c",
        &mini,
        "--sheet",
        "Nope",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("no sheet \"Nope\"; the sheets are: Biểu 01, Khác"),
        "{}",
        run.stderr
    );
}

#[test]
fn csv_output_cannot_run_as_a_formula_unless_raw() {
    let csv = "commune_id,commune,district,TC1\n=1+2,\"=HYPERLINK(\"\"http://x\"\")\",@cmd,\n";
    let mini = data("mini-set.yaml");
    let run = ntm_with(&["score", "-", "-c", &mini, "-f", "csv"], Some(csv), None);
    assert!(
        run.stdout
            .contains("\n'=1+2,\"'=HYPERLINK(\"\"http://x\"\")\",'@cmd,0,4,"),
        "{}",
        run.stdout
    );
    let raw = ntm_with(
        &["score", "-", "-c", &mini, "-f", "csv", "--raw"],
        Some(csv),
        None,
    );
    assert!(
        raw.stdout
            .contains("\n=1+2,\"=HYPERLINK(\"\"http://x\"\")\",@cmd,0,4,"),
        "{}",
        raw.stdout
    );
    let json = ntm_with(
        &["score", "-", "-c", &mini, "-f", "ndjson"],
        Some(csv),
        None,
    );
    assert!(
        json.stdout.starts_with("{\"commune_id\":\"=1+2\""),
        "{}",
        json.stdout
    );
}

/// Headers as offices write them mean what the canonical names mean everywhere: `Mã ĐVHC` is the
/// commune id, `Huyện` the district that `progress` groups by, and an id typed with a
/// zero-width space is the same commune as the one typed without.
#[test]
fn office_spellings_of_the_id_and_district_work_everywhere() {
    let mini = data("mini-set.yaml");
    let csv = "Mã ĐVHC,Tên xã,Huyện,TC1,TC2\nX1,A,Hòa An,Đạt,Đạt\nX2,B,Hà Quảng,Đạt,\n";
    let run = ntm_with(
        &["progress", "-", "-c", &mini, "--format", "json"],
        Some(csv),
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["by"], "district");
    let districts: Vec<&str> = report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["group"].as_str().unwrap())
        .collect();
    assert_eq!(districts, ["Hòa An", "Hà Quảng"]);

    let repeated = "Mã số xã,TC1\nX1,Đạt\nX\u{200b}1,Đạt\n\u{feff}X1\u{2069},Đạt\n";
    let run = ntm_with(&["score", "-", "-c", &mini], Some(repeated), None);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr
            .lines()
            .filter(|l| l.contains("duplicate commune_id; first seen on line 2"))
            .count(),
        2,
        "{}",
        run.stderr
    );
}

/// Cells of a workbook are read as Excel shows them: a percentage formatted as one (stored
/// 0.934, shown 93,4 %) is 93.4 %, and a date where a number belongs is an error showing the
/// date, never its serial number read as a number.
#[test]
fn workbook_percentages_and_dates_are_read_as_shown() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bieu.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let percent = rust_xlsxwriter::Format::new().set_num_format("0.0%");
    let date = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
    for (c, h) in (0..).zip(["Mã xã", "Vùng", "2.1", "TC3"]) {
        sheet.write_string(0, c, h).unwrap();
    }
    sheet.write_string(1, 0, "A").unwrap();
    sheet.write_string(1, 1, "NORTH").unwrap();
    sheet
        .write_number_with_format(1, 2, 0.934, &percent)
        .unwrap();
    sheet.write_string(1, 3, "Đạt").unwrap();
    sheet.write_string(2, 0, "B").unwrap();
    sheet.write_string(2, 1, "NORTH").unwrap();
    sheet.write_number_with_format(2, 2, 0.5, &percent).unwrap();
    sheet.write_string(2, 3, "Đạt").unwrap();
    book.save(&path).unwrap();

    let mini = data("mini-set.yaml");
    let run = ntm(&["score", path.to_str().unwrap(), "-c", &mini, "-f", "csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows: Vec<&str> = run.stdout.lines().skip(1).collect();
    // 93.4 % meets the 70 % of criterion 2; 50 % does not
    assert!(rows[0].starts_with("A,,,2,4,"), "{}", run.stdout);
    assert!(rows[1].starts_with("B,,,1,4,"), "{}", run.stdout);

    sheet_with_a_date(&path, &date);
    let run = ntm(&["score", path.to_str().unwrap(), "-c", &mini, "-f", "csv"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr
            .contains("bieu.xlsx: Sheet1!C2: column \"2.1\": value \"08/03/2022\""),
        "{}",
        run.stderr
    );
}

/// Writes a workbook at `path` whose indicator 2.1 holds a date (44628, 8 March 2022).
fn sheet_with_a_date(path: &std::path::Path, date: &rust_xlsxwriter::Format) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in (0..).zip(["Mã xã", "Vùng", "2.1"]) {
        sheet.write_string(0, c, h).unwrap();
    }
    sheet.write_string(1, 0, "A").unwrap();
    sheet.write_string(1, 1, "NORTH").unwrap();
    sheet
        .write_number_with_format(1, 2, 44_628.0, date)
        .unwrap();
    book.save(path).unwrap();
}

/// A sheet laid out as an office keeps it: a title block, Vietnamese headers, a row of column
/// numbers, district headings, a totals row and a signature block. Every commune is scored,
/// nothing else becomes one, and what was skipped is said once, with its lines.
const OFFICE: &str = "UBND TỈNH MẪU,,,,,
BIỂU TỔNG HỢP KẾT QUẢ THỰC HIỆN TIÊU CHÍ NÔNG THÔN MỚI,,,,,
(Kèm theo báo cáo số 12/BC-UBND),,,,,
,,,,,
STT,Mã xã,Tên xã,Huyện,TC1,TC2
(1),(2),(3),(4),(5),(6)
I,,Huyện Hòa An,,,
1,X01,Xã Một,Hòa An,Đạt,Đạt
2,X02,Xã Hai,Hòa An,Đạt,Không đạt
II,,Huyện Hà Quảng,,,
3,X03,Xã Ba,Hà Quảng,Đạt,
,,Tổng cộng,,3,1
,,,,,
,,Người lập biểu,,,Thủ trưởng đơn vị
,,Nguyễn Văn A,,,Trần Thị B
";

#[test]
fn an_office_sheet_scores_every_commune_and_skips_the_rest() {
    let run = score_bytes("bieu-01.csv", OFFICE.as_bytes(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ids: Vec<String> = run
        .stdout
        .lines()
        .skip(1)
        .map(|l| l.split(',').take(4).collect::<Vec<_>>().join(","))
        .collect();
    assert_eq!(
        ids,
        [
            "X01,Xã Một,Hòa An,2",
            "X02,Xã Hai,Hòa An,1",
            "X03,Xã Ba,Hà Quảng,1"
        ]
    );
    assert!(
        run.stderr.contains(
            "skipped 1 row of column numbers (line 6), 2 group headings (lines 7, 10), 1 totals row (line 12), 1 blank row (line 13) and 2 rows under the table (lines 14–15), which are not communes"
        ),
        "{}",
        run.stderr
    );

    // the same sheet as a workbook
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bieu-01.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, line) in (0..).zip(OFFICE.lines()) {
        for (c, cell) in (0..).zip(line.split(',')) {
            if !cell.is_empty() {
                sheet.write_string(r, c, cell).unwrap();
            }
        }
    }
    book.save(&path).unwrap();
    let mini = data("mini-set.yaml");
    let book = ntm(&["score", path.to_str().unwrap(), "-c", &mini, "-f", "csv"]);
    assert_eq!(book.code, 0, "{}", book.stderr);
    assert_eq!(book.stdout, run.stdout);
    assert!(
        book.stderr
            .contains("2 group headings (lines 7, 10), 1 totals row (line 12)"),
        "{}",
        book.stderr
    );
}

/// Without a district column, a group heading naming a district (`Huyện Hòa An`) gives the
/// communes under it their district, which `progress` groups by and district targets match
/// (`Hòa An` in the targets is `Huyện Hòa An`). A district column wins over headings.
#[test]
fn district_headings_fill_the_district_when_there_is_no_column() {
    let without: String = OFFICE
        .lines()
        .map(|line| {
            if line.starts_with("(1)") {
                return "(1),(2),(3),(4),(5)\n".to_owned();
            }
            let mut cells: Vec<&str> = line.split(',').collect();
            cells.remove(3);
            cells.join(",") + "\n"
        })
        .collect();
    let run = score_bytes("bieu-01.csv", without.as_bytes(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows: Vec<String> = run
        .stdout
        .lines()
        .skip(1)
        .map(|l| l.split(',').take(3).collect::<Vec<_>>().join(","))
        .collect();
    assert_eq!(
        rows,
        [
            "X01,Xã Một,Hòa An",
            "X02,Xã Hai,Hòa An",
            "X03,Xã Ba,Hà Quảng"
        ]
    );

    let dir = tempfile::tempdir().unwrap();
    let survey = dir.path().join("bieu-01.csv");
    std::fs::write(&survey, &without).unwrap();
    let targets = dir.path().join("muc-tieu.yaml");
    std::fs::write(
        &targets,
        "criteria: mini-set\nyear: 2024\ntargets:\n  standard_communes: 1\ndistricts:\n  Hòa An: { standard_communes: 1 }\n  Hà Quảng: { standard_communes: 1 }\n",
    )
    .unwrap();
    let mini = data("mini-set.yaml");
    let run = ntm(&[
        "progress",
        survey.to_str().unwrap(),
        "-c",
        &mini,
        "--targets",
        targets.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        !run.stderr.contains("no communes in the data"),
        "{}",
        run.stderr
    );
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let districts: Vec<(&str, usize)> = report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["group"].as_str().unwrap(),
                d["targets"].as_array().unwrap().len(),
            )
        })
        .collect();
    assert_eq!(districts, [("Hòa An", 1), ("Hà Quảng", 1)]);

    // with the column, the column says
    let run = score_bytes("bieu-01.csv", OFFICE.as_bytes(), &[]);
    assert!(run.stdout.contains("X01,Xã Một,Hòa An,"), "{}", run.stdout);
}

/// A commune whose id is missing is never taken for a heading or a signature: with its data it
/// is an error, after a blank row when communes follow, and as the last row of the table.
#[test]
fn a_commune_without_its_id_is_an_error_wherever_it_stands() {
    let mid = OFFICE.replace(
        ",,,,,\n,,Người lập biểu",
        ",,,,,\n4,,Xã Bốn,Hà Quảng,Đạt,Đạt\n5,X05,Xã Năm,Hà Quảng,Đạt,Đạt\n,,Người lập biểu",
    );
    let run = score_bytes("bieu-01.csv", mid.as_bytes(), &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("bieu-01.csv:14: column \"Mã xã\": value \"\": commune_id is required"),
        "{}",
        run.stderr
    );
    let last = OFFICE.replace(",,Tổng cộng,,3,1\n", "4,,Xã Bốn,Hà Quảng,Đạt,Đạt\n");
    let run = score_bytes("bieu-01.csv", last.as_bytes(), &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("bieu-01.csv:12: column \"Mã xã\": value \"\": commune_id is required"),
        "{}",
        run.stderr
    );
}

/// `-o scores.xlsx` writes a real workbook (ids as text, counts as numbers), and an extension
/// the command does not write is refused before anything is read, naming what it writes.
#[test]
fn the_output_extension_chooses_a_format_the_command_writes() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("in.csv"),
        "Mã xã,Tên xã,TC1,TC2\n01229,Xã Một,Đạt,Đạt\n",
    )
    .unwrap();
    let mini = data("mini-set.yaml");
    let run = ntm_with(
        &["score", "in.csv", "-c", &mini, "-o", "scores.xlsx"],
        None,
        Some(dir.path()),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut book: Xlsx<_> = open_workbook(dir.path().join("scores.xlsx")).unwrap();
    let sheet = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&sheet).unwrap();
    assert_eq!(range.get((0, 0)), Some(&Data::String("commune_id".into())));
    assert_eq!(range.get((1, 0)), Some(&Data::String("01229".into())));
    assert_eq!(range.get((1, 1)), Some(&Data::String("Xã Một".into())));
    assert_eq!(range.get((1, 3)), Some(&Data::Float(2.0)));

    for (args, says) in [
        (
            vec!["score", "in.csv", "-c", &mini, "-o", "scores.pdf"],
            "ntm score does not write .pdf files",
        ),
        (
            vec!["gaps", "in.csv", "-c", &mini, "-o", "gaps.docx"],
            "ntm gaps does not write .docx files",
        ),
        (
            vec!["progress", "in.csv", "-c", &mini, "-o", "p.pdf"],
            "ntm progress does not write .pdf files",
        ),
        (
            vec!["report", "in.csv", "-c", &mini, "-o", "r.docx"],
            "ntm report does not write .docx files",
        ),
        (
            vec![
                "report", "in.csv", "-c", &mini, "--format", "html", "-o", "r.pdf",
            ],
            "--format html does not match the extension of r.pdf",
        ),
        (
            vec![
                "progress", "in.csv", "-c", &mini, "--format", "json", "-o", "p.xlsx",
            ],
            "--format json does not match the extension of p.xlsx",
        ),
        (
            vec!["score", "in.csv", "-c", &mini, "--format", "xlsx"],
            "a workbook cannot go to standard output",
        ),
    ] {
        let run = ntm_with(&args, None, Some(dir.path()));
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(says), "{args:?}: {}", run.stderr);
        assert_eq!(run.stdout, "", "{args:?}");
    }
    let files: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|f| f != "in.csv" && f != "scores.xlsx")
        .collect();
    assert!(files.is_empty(), "{files:?}");
}

/// `--header-row N` names the header's line when a legend above it looks like one.
#[test]
fn the_header_row_can_be_named() {
    let csv = "Mã xã,là mã đơn vị hành chính\nGhi chú,\nMã xã,TC1\nX1,Đạt\n";
    let run = score_bytes("h.csv", csv.as_bytes(), &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let run = score_bytes("h.csv", csv.as_bytes(), &["--header-row", "3"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("\nX1,,,1,4,"), "{}", run.stdout);
    let run = score_bytes("h.csv", csv.as_bytes(), &["--header-row", "9"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("--header-row 9: the file has 4 line(s)"),
        "{}",
        run.stderr
    );
}

/// A totals row is said to be one: with its label in the id column it is skipped; without a
/// label, its counts where verdicts belong make the missing id's message say what the row
/// looks like. A row with the same problem in many cells is one message listing them.
#[test]
fn totals_like_rows_and_many_bad_cells_are_said_plainly() {
    let csv = "STT,Mã xã,Tên xã,TC1,TC2,TC3\n\
               1,01234,Xã A,Đạt,Đạt,Không đạt\n\
               2,01235,Xã B,Đạt,Không đạt,Đạt\n\
               ,,Số xã đạt,2,1,1\n\
               Tổng cộng,Tổng cộng,,2,1,1\n";
    let run = score_bytes("bieu.csv", csv.as_bytes(), &["-q"]);
    assert_eq!(run.code, 2);
    let errors: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(errors.len(), 2, "{}", run.stderr);
    assert!(
        errors[0].ends_with(
            "bieu.csv:4: column \"Mã xã\": value \"\": commune_id is required; this row has counts where verdicts belong, like a totals row: if it is one, write Tổng cộng in its first cell (or delete it), else fill in the commune's code"
        ),
        "{}",
        run.stderr
    );

    let csv = "Mã xã,TC1,TC2,TC3,TC4\nA,Đạt 1 phần,chưa,??,Đạt\n";
    let run = score_bytes("bieu.csv", csv.as_bytes(), &["-q"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.ends_with(
            "bieu.csv:2: 3 cells: column \"TC1\" value \"Đạt 1 phần\", column \"TC2\" value \"chưa\", column \"TC3\" value \"??\": expected Đạt, Không đạt, Chưa đạt, Cơ bản đạt (or yes/no, Có/Không, true/false, 1/0, x)\n"
        ),
        "{}",
        run.stderr
    );
}

/// A signature block whose lines run across the sheet — `NGƯỜI LẬP BIỂU` under the id column,
/// `KT. CHỦ TỊCH` under a criterion — lies under the table: it is skipped as such, and every
/// commune above it is scored. A commune after it still makes the line an error.
#[test]
fn a_signature_block_across_the_columns_is_not_a_commune() {
    let sheet = "STT,Mã xã,Tên xã,TC1,TC2\n\
                 1,X01,Xã Một,Đạt,Đạt\n\
                 2,X02,Xã Hai,Đạt,Không đạt\n\
                 ,,Tổng cộng,2,1\n\
                 ,,,,\n\
                 ,NGƯỜI LẬP BIỂU,,,KT. CHỦ TỊCH\n\
                 ,,,,PHÓ CHỦ TỊCH\n";
    let run = score_bytes("bieu.csv", sheet.as_bytes(), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ids: Vec<&str> = run
        .stdout
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(ids, ["X01", "X02"]);
    assert!(
        run.stderr.contains("2 rows under the table (lines 6–7)"),
        "{}",
        run.stderr
    );

    let more = format!("{sheet}3,X03,Xã Ba,Đạt,Đạt\n");
    let run = score_bytes("bieu.csv", more.as_bytes(), &[]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr
            .contains(":6: column \"TC2\": value \"KT. CHỦ TỊCH\""),
        "{}",
        run.stderr
    );
}
