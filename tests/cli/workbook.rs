//! The report's workbook read back: values through calamine, and what calamine does not read —
//! number formats, conditional formats, frozen panes, filters, print setup, charts — from the
//! XML parts of the file.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use ntm::lang::Lang;
use ntm::render::labels::{Label, by_unit, label};
use ntm::render::workbook::{SHEET_NAME_MAX, sheet_label};

use crate::util::{ntm, repo};

/// The example province's report as a workbook in `lang`, written into `dir`.
fn example(lang: &str, dir: &Path) -> std::path::PathBuf {
    let out = dir.join(format!("bao-cao-{lang}.xlsx"));
    crate::report::example_report(lang, &out);
    out
}

/// (also for the label check of tests/cli/report.rs)
/// Every XML part of the workbook, by its path in the zip.
pub fn parts(path: &Path) -> HashMap<String, String> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut out = HashMap::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let name = file.name().unwrap().to_string();
        let mut text = String::new();
        if file.read_to_string(&mut text).is_ok() {
            out.insert(name, text);
        }
    }
    out
}

/// The text after `key="` up to the next quote, in `xml` from `from` on.
fn attribute<'a>(xml: &'a str, key: &str) -> &'a str {
    let at = xml.find(&format!("{key}=\"")).unwrap() + key.len() + 2;
    &xml[at..at + xml[at..].find('"').unwrap()]
}

/// The number format of cell `cell` (`C11`) of sheet `n` (from 1).
fn format_of(parts: &HashMap<String, String>, n: usize, cell: &str) -> String {
    let sheet = &parts[&format!("xl/worksheets/sheet{n}.xml")];
    let at = sheet
        .find(&format!("<c r=\"{cell}\""))
        .unwrap_or_else(|| panic!("no cell {cell}"));
    let tag = &sheet[at..at + sheet[at..].find('>').unwrap()];
    let style: usize = if tag.contains(" s=\"") {
        attribute(tag, "s").parse().unwrap()
    } else {
        0
    };
    let styles = &parts["xl/styles.xml"];
    let xfs = &styles[styles.find("<cellXfs").unwrap()..];
    let xf = xfs.split("<xf ").nth(style + 1).unwrap();
    let id = attribute(xf, "numFmtId");
    match id {
        "0" => "General".to_owned(),
        "1" => "0".to_owned(),
        "2" => "0.00".to_owned(),
        "10" => "0.00%".to_owned(),
        _ => {
            let at = styles.find(&format!("<numFmt numFmtId=\"{id}\"")).unwrap();
            attribute(&styles[at..], "formatCode").to_owned()
        }
    }
}

fn text(range: &calamine::Range<Data>, at: (usize, usize)) -> String {
    range.get(at).map(ToString::to_string).unwrap_or_default()
}

#[test]
fn report_workbook_for_the_analyst() {
    let dir = tempfile::tempdir().unwrap();
    let path = example("vi", dir.path());
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let names = book.sheet_names();
    assert_eq!(
        names,
        [
            "Tổng quan",
            "Biểu đồ",
            "Mục tiêu",
            "Mục tiêu theo huyện",
            "Số tiêu chí đạt",
            "Mức đạt",
            "Theo huyện",
            "Tiêu chí vướng mắc",
            "Xã gần đạt",
            "Thay đổi",
            "Ma trận",
            "Phụ lục",
        ]
    );
    let parts = parts(&path);

    // the overview's figures are cells, numbers with their formats
    let overview = book.worksheet_range("Tổng quan").unwrap();
    let row = (0..overview.height())
        .find(|&r| text(&overview, (r, 0)) == "Số xã đạt chuẩn trở lên")
        .unwrap();
    assert_eq!(
        overview.rows().nth(row).unwrap(),
        [
            Data::String("Số xã đạt chuẩn trở lên".into()),
            Data::Float(50.0),
            Data::Float(17.0),
            Data::Float(33.0),
            Data::String("xã".into()),
            Data::String("✘ chưa đạt".into()),
        ]
    );
    let header = row - 4;
    assert_eq!(
        overview.rows().nth(header).unwrap()[..4],
        [
            Data::String("Chỉ số".into()),
            Data::String("Yêu cầu".into()),
            Data::String("Thực tế".into()),
            Data::String("Còn thiếu".into()),
        ]
    );
    let cell = |r: usize, c: char| format!("{c}{}", r + 1);
    assert_eq!(format_of(&parts, 1, &cell(row, 'B')), "0");
    let share = (0..overview.height())
        .find(|&r| text(&overview, (r, 0)) == "Tỷ lệ thôn đạt chuẩn")
        .unwrap();
    assert_eq!(overview.get((share, 1)), Some(&Data::Float(0.3)));
    assert_eq!(format_of(&parts, 1, &cell(share, 'B')), "0.0%");
    assert_eq!(format_of(&parts, 1, &cell(share, 'C')), "0.0%");
    assert_eq!(overview.get((share, 4)), Some(&Data::String("thôn".into())));
    let average = (0..overview.height())
        .find(|&r| text(&overview, (r, 0)) == "Bình quân tiêu chí/xã")
        .unwrap();
    assert_eq!(overview.get((average, 2)), Some(&Data::Float(10.3)));
    assert_eq!(format_of(&parts, 1, &cell(average, 'C')), "0.00");
    assert!(parts["xl/worksheets/sheet1.xml"].contains("<autoFilter ref=\"A"));

    // the matrix: a row per commune, a column per criterion, four states, blank stays blank
    let matrix = book.worksheet_range("Ma trận").unwrap();
    assert_eq!(matrix.height(), 140);
    assert_eq!(
        (5..10).map(|c| text(&matrix, (0, c))).collect::<Vec<_>>(),
        [
            "1. Quy hoạch",
            "2. Giao thông",
            "3. Thủy lợi và phòng, chống thiên tai",
            "4. Điện",
            "5. Trường học"
        ]
    );
    assert_eq!(text(&matrix, (0, 10)), "6. Cơ sở vật chất văn hóa");
    assert_eq!(text(&matrix, (0, 23)), "19. Quốc phòng và An ninh");
    assert_eq!(
        (0..5).map(|c| text(&matrix, (0, c))).collect::<Vec<_>>(),
        ["Mã xã", "Xã", "Huyện", "Số tiêu chí đạt", "Mức"]
    );
    let mut seen: HashMap<String, usize> = HashMap::new();
    for r in 1..matrix.height() {
        for c in 5..24 {
            let word = match matrix.get((r, c)) {
                None | Some(Data::Empty) => String::new(),
                Some(Data::String(s)) => s.clone(),
                other => panic!("{other:?} at {r},{c}"),
            };
            *seen.entry(word).or_default() += 1;
        }
        // criteria met is a number, and counts the cells that say so
        let met = (5..24).filter(|&c| text(&matrix, (r, c)) == "Đạt").count();
        #[allow(clippy::cast_precision_loss)]
        let met = met as f64;
        assert_eq!(matrix.get((r, 3)), Some(&Data::Float(met)), "row {r}");
    }
    let mut states: Vec<&str> = seen.keys().map(String::as_str).collect();
    states.sort_unstable();
    assert_eq!(states, ["", "Cơ bản đạt", "Không đạt", "Đạt"]);
    // X002 has no verdict on criterion 4
    assert_eq!(text(&matrix, (2, 0)), "X002");
    assert_eq!(matrix.get((2, 8)), Some(&Data::Empty));
    let sheet = &parts["xl/worksheets/sheet11.xml"];
    assert!(sheet.contains(
        "<pane xSplit=\"2\" ySplit=\"1\" topLeftCell=\"C2\" activePane=\"bottomRight\" state=\"frozen\"/>"
    ));
    // one range, a rule per verdict, each with its colour
    let rules = &sheet[sheet
        .find("<conditionalFormatting sqref=\"F2:X140\">")
        .unwrap()..];
    let rules = &rules[..rules.find("</conditionalFormatting>").unwrap()];
    let styles = &parts["xl/styles.xml"];
    let dxfs: Vec<&str> = styles[styles.find("<dxfs").unwrap()..styles.find("</dxfs>").unwrap()]
        .split("<dxf>")
        .skip(1)
        .collect();
    let mut coloured = Vec::new();
    for rule in rules.split("<cfRule ").skip(1) {
        assert!(rule.contains("type=\"cellIs\""), "{rule}");
        assert!(rule.contains("operator=\"equal\""), "{rule}");
        let id: usize = attribute(rule, "dxfId").parse().unwrap();
        let formula = &rule[rule.find("<formula>").unwrap() + 9..rule.find("</formula>").unwrap()];
        coloured.push((
            formula.to_owned(),
            attribute(dxfs[id], "bgColor rgb").to_owned(),
        ));
    }
    assert_eq!(
        coloured,
        [
            ("\"Đạt\"".to_owned(), "FFC6EFCE".to_owned()),
            ("\"Cơ bản đạt\"".to_owned(), "FFFFEB9C".to_owned()),
            ("\"Không đạt\"".to_owned(), "FFFFC7CE".to_owned()),
        ]
    );
    // and the marks of the targets met and not met, in the overview and on the targets sheets
    for n in [1, 3, 4] {
        let sheet = &parts[&format!("xl/worksheets/sheet{n}.xml")];
        assert!(
            sheet.contains("<formula>LEFT(F") || sheet.contains("<formula>LEFT(G"),
            "{n}"
        );
        assert!(sheet.contains("text=\"✘\""), "{n}");
    }
    // coloured by the rules, not by fills of their own: the two every workbook has, and the
    // header's
    assert!(styles.contains("<fills count=\"3\">"));

    // every table sheet: header frozen and filtered, A4 landscape one page wide, header on every
    // page; the overview and the charts print on A4 too
    let workbook = &parts["xl/workbook.xml"];
    for (i, name) in names.iter().enumerate() {
        let sheet = &parts[&format!("xl/worksheets/sheet{}.xml", i + 1)];
        assert!(
            sheet
                .contains("<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"landscape\""),
            "{name}"
        );
        assert!(sheet.contains("<pageSetUpPr fitToPage=\"1\"/>"), "{name}");
        if i < 2 {
            continue;
        }
        assert!(sheet.contains("ySplit=\"1\""), "{name}");
        assert!(sheet.contains("<autoFilter ref=\"A1:"), "{name}");
        assert!(sheet.contains("<cols><col "), "{name}");
        assert!(
            workbook.contains(&format!(
                "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"{i}\">'{name}'!$1:$1</definedName>"
            )),
            "{name}"
        );
    }

    // the per-unit table: a row per unit, a column per tier and per band, numbers only
    let units = book.worksheet_range("Theo huyện").unwrap();
    let header: Vec<String> = (0..units.width()).map(|c| text(&units, (0, c))).collect();
    assert_eq!(
        header,
        [
            "Huyện",
            "Số xã",
            "Chưa đạt chuẩn",
            "Xã đạt chuẩn nông thôn mới",
            "Xã đạt chuẩn nông thôn mới nâng cao",
            "Xã nông thôn mới kiểu mẫu",
            "Nhóm 19",
            "Nhóm 15-18",
            "Nhóm 10-14",
            "Nhóm 5-9",
            "Nhóm <5",
            "Bình quân tiêu chí/xã",
            "Mục tiêu đạt",
        ]
    );
    assert_eq!(units.height(), 10);
    let mut communes = 0.0;
    for r in 1..units.height() {
        let number = |c: usize| match units.get((r, c)) {
            Some(Data::Float(x)) => *x,
            other => panic!("{other:?} at {r},{c}"),
        };
        communes += number(1);
        let tiers: f64 = (2..6).map(number).sum();
        let bands: f64 = (6..11).map(number).sum();
        assert_eq!((tiers, bands), (number(1), number(1)), "row {r}");
        assert!(number(11) > 0.0);
        assert_eq!(format_of(&parts, 7, &format!("L{}", r + 1)), "0.00");
        assert_eq!(format_of(&parts, 7, &format!("C{}", r + 1)), "0");
    }
    assert!(communes >= 139.0, "{communes}");
    // the districts' own targets, one row per district and target
    let targets = book.worksheet_range("Mục tiêu theo huyện").unwrap();
    assert_eq!(text(&targets, (0, 0)), "Huyện");
    assert!(targets.height() > 1);
    assert!(matches!(targets.get((1, 2)), Some(Data::Float(_))));

    // native charts: communes by band, tiers per district, bottlenecks by number and name
    let chart = |n: usize| &parts[&format!("xl/charts/chart{n}.xml")];
    assert!(chart(1).contains("<c:barDir val=\"col\"/>"));
    assert!(chart(1).contains("'Số tiêu chí đạt'!$A$2:$A$6"));
    assert!(chart(1).contains("'Số tiêu chí đạt'!$B$2:$B$6"));
    assert!(chart(2).contains("<c:barDir val=\"bar\"/>"));
    assert!(chart(2).contains("<c:grouping val=\"stacked\"/>"));
    assert!(chart(2).contains("'Theo huyện'!$C$1"));
    assert!(chart(2).contains("'Theo huyện'!$F$2:$F$10"));
    assert!(chart(3).contains("<c:barDir val=\"bar\"/>"));
    assert!(chart(3).contains("'Tiêu chí vướng mắc'!$B$2:$B$"));
    for (n, title) in [
        (1, "Số xã theo số tiêu chí đạt"),
        (2, "Mức đạt chuẩn theo huyện"),
        (3, "Tiêu chí còn nhiều xã chưa đạt"),
    ] {
        assert!(chart(n).contains(&format!("<a:t>{title}</a:t>")), "{title}");
    }
    let bottlenecks = book.worksheet_range("Tiêu chí vướng mắc").unwrap();
    assert_eq!(text(&bottlenecks, (1, 1)), "10 – Thu nhập");
    assert!(parts.contains_key("xl/drawings/drawing1.xml"));
    assert!(!parts.contains_key("xl/charts/chart4.xml"));
}

#[test]
fn report_workbook_in_english_with_names_from_the_catalogue() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, code) in [(Lang::En, "en"), (Lang::Vi, "vi")] {
        let path = example(code, dir.path());
        let mut book: Xlsx<_> = open_workbook(&path).unwrap();
        let names = book.sheet_names();
        let kinds = [
            "tiers",
            "bands",
            "recognised",
            "watch",
            "targets",
            "group_targets",
            "bottlenecks",
            "candidates",
            "changes",
            "periods",
            "pace",
            "losses",
            "appendix",
            "matrix",
        ];
        let mut catalogue: Vec<String> = kinds
            .iter()
            .map(|k| label(sheet_label(k).unwrap(), lang).to_owned())
            .collect();
        catalogue.push(label(Label::Overview, lang).to_owned());
        catalogue.push(label(Label::Charts, lang).to_owned());
        catalogue.push(by_unit("district", lang));
        for name in &names {
            assert!(name.chars().count() <= SHEET_NAME_MAX, "{name}");
            assert!(catalogue.contains(name), "{name} not in {catalogue:?}");
        }
        if lang == Lang::Vi {
            continue;
        }
        assert_eq!(names[0], "Overview");
        assert!(names.contains(&"Matrix".to_owned()), "{names:?}");
        let matrix = book.worksheet_range("Matrix").unwrap();
        assert_eq!(
            (0..6).map(|c| text(&matrix, (0, c))).collect::<Vec<_>>(),
            [
                "Commune id",
                "Commune",
                "District",
                "Criteria met",
                "Tier",
                "1. Planning"
            ]
        );
        let mut words: Vec<String> = (1..matrix.height())
            .flat_map(|r| (5..24).map(move |c| (r, c)))
            .map(|at| text(&matrix, at))
            .collect();
        words.sort();
        words.dedup();
        assert_eq!(words, ["", "Basically met", "Met", "Not met"]);
        let overview = book.worksheet_range("Overview").unwrap();
        let header = (0..overview.height())
            .find(|&r| text(&overview, (r, 0)) == "Figure")
            .unwrap();
        assert_eq!(
            (0..6)
                .map(|c| text(&overview, (header, c)))
                .collect::<Vec<_>>(),
            ["Figure", "Required", "Actual", "Gap", "Unit", "Met"]
        );
        let parts = parts(&path);
        assert!(
            parts["xl/worksheets/sheet11.xml"].contains("<formula>\"Basically met\"</formula>")
        );
    }
}

/// `progress -o FILE.xlsx` writes the same workbook, less the matrix and the appendix, which
/// need every commune kept.
#[test]
fn progress_workbook_has_the_same_layout() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tien-do.xlsx");
    let run = ntm(&[
        "progress",
        &repo("examples/tinh-mau-2022.csv"),
        "--targets",
        &repo("examples/muc-tieu-2025.yaml"),
        "-o",
        path.to_str().unwrap(),
        "-q",
        "--lang",
        "vi",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let names = book.sheet_names();
    assert_eq!(
        names,
        [
            "Tổng quan",
            "Biểu đồ",
            "Mức đạt",
            "Số tiêu chí đạt",
            "Mục tiêu",
            "Theo huyện",
            "Mục tiêu theo huyện",
            "Tiêu chí vướng mắc",
            "Xã gần đạt",
        ]
    );
    let parts = parts(&path);
    // the targets: each gap with its unit, each figure a number in its format
    let targets = book.worksheet_range("Mục tiêu").unwrap();
    assert_eq!(
        (0..7).map(|c| text(&targets, (0, c))).collect::<Vec<_>>(),
        [
            "Mục tiêu",
            "Yêu cầu",
            "Thực tế",
            "Còn thiếu",
            "Đơn vị",
            "Đạt",
            "Ghi chú"
        ]
    );
    let row = (1..targets.height())
        .find(|&r| text(&targets, (r, 0)) == "Tỷ lệ thôn đạt chuẩn")
        .unwrap();
    assert_eq!(
        targets.rows().nth(row).unwrap()[1..5],
        [
            Data::Float(0.3),
            Data::Float(0.009),
            Data::Float(519.0),
            Data::String("thôn".into()),
        ]
    );
    let at = |c: char| format!("{c}{}", row + 1);
    assert_eq!(format_of(&parts, 5, &at('B')), "0.0%");
    assert_eq!(format_of(&parts, 5, &at('C')), "0.0%");
    assert_eq!(format_of(&parts, 5, &at('D')), "0");
    // every number on every sheet is stored as one (past the first column, of names and
    // labels such as the band `19`)
    for name in &names {
        let range = book.worksheet_range(name).unwrap();
        for (r, c, cell) in range.used_cells() {
            if let (Data::String(s), 1..) = (cell, c) {
                let s = s.replace(',', ".");
                assert!(s.trim().parse::<f64>().is_err(), "{name}!{r},{c}: {s}");
            }
        }
    }
    for n in 1..=3 {
        assert!(parts.contains_key(&format!("xl/charts/chart{n}.xml")));
    }
    assert!(!names.iter().any(|n| n == "Ma trận"));
}
