//! `--by COLUMN`: `progress`, `report` and `trend` group their per-unit tables by any column of
//! the survey the user names — a planning area, the district — instead of the district, in
//! every format, with the column's name as the heading; communes whose cell is blank are a
//! unit of their own.

use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::{Value, json};

use crate::util::{Run, ntm_with};

/// Four communes of 2026, after districts were abolished, with their former district and a
/// planning area: A and C in the mountains (`vùng núi` is `Vùng núi`), B in the lowlands, D
/// without one. A and C meet all 10 criteria (standard), B 9, D 7.
const SURVEY: &str =
    "Mã xã,Tên xã,Huyện,Nhóm xã,Năm,Khu vực quy hoạch,TC1,TC2,TC3,TC4,TC5,TC6,TC7,TC8,TC9,TC10
A,Xã An,Hòa An,1,2026,Vùng núi,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt
B,Xã Bình,Hòa An,1,2026,Vùng thấp,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Không đạt
C,Xã Châu,Hà Quảng,2,2026,vùng núi,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt
D,Xã Đông,Hà Quảng,2,2026,,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Đạt,Không đạt,Không đạt,Không đạt
";

/// A folder holding `files`.
fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

/// Runs `ntm` in `dir`, with its labels in Vietnamese (which these tests read) unless the
/// arguments choose.
fn run(dir: &Path, args: &[&str]) -> Run {
    let args = if args.contains(&"--lang") {
        args.to_vec()
    } else {
        [&["--lang", "vi"], args].concat()
    };
    let run = ntm_with(&args, None, Some(dir));
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

fn json(run: &Run) -> Value {
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

/// Each unit as (name, communes, communes at standard, average criteria).
fn units(report: &Value) -> Vec<(String, u64, u64, f64)> {
    report["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            let standard = g["tiers"]
                .as_array()
                .unwrap()
                .iter()
                .find(|t| t["tier"] == "standard")
                .unwrap()["communes"]
                .as_u64()
                .unwrap();
            (
                g["group"].as_str().unwrap().to_owned(),
                g["communes"].as_u64().unwrap(),
                standard,
                g["average_criteria"].as_f64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn progress_groups_by_the_column_the_user_names() {
    let dir = folder(&[("t.csv", SURVEY)]);
    let dir = dir.path();
    // the header as the file writes it, without its diacritics, or in any case
    for asked in [
        "Khu vực quy hoạch",
        "khu vuc quy hoach",
        "KHU VỰC QUY HOẠCH",
    ] {
        let run = run(
            dir,
            &["progress", "t.csv", "--by", asked, "--format", "json"],
        );
        let report = json(&run);
        assert_eq!(report["by"], "Khu vực quy hoạch");
        // by hand: A and C (`vùng núi` folds to `Vùng núi`) are standard with 10 criteria,
        // B has 9, D — its cell blank, a unit of its own — 7
        assert_eq!(
            units(&report),
            [
                ("Vùng núi".to_owned(), 2, 2, 10.0),
                ("Vùng thấp".to_owned(), 1, 0, 9.0),
                (String::new(), 1, 0, 7.0),
            ]
        );
        assert_eq!(report["communes"], 4);
        // asked for, the column is used: no note on districts, no warning that it is ignored
        assert!(!run.stderr.contains("abolished"), "{}", run.stderr);
        assert!(!run.stderr.contains("is ignored"), "{}", run.stderr);
    }

    // tables, in Vietnamese: the column's name heads the table, a blank cell is "(không ghi)"
    let table = run(
        dir,
        &[
            "progress",
            "t.csv",
            "--by",
            "khu vuc quy hoach",
            "-f",
            "table",
            "-q",
        ],
    );
    assert_eq!(table.code, 0, "{}", table.stderr);
    assert!(
        table.stdout.contains("\nTheo Khu vực quy hoạch\n"),
        "{}",
        table.stdout
    );
    assert!(
        table.stdout.contains("│ Khu vực quy   ┆ Số xã"),
        "{}",
        table.stdout
    );
    assert!(table.stdout.contains("│ (không ghi)"), "{}", table.stdout);
    assert!(!table.stdout.contains("Theo huyện"), "{}", table.stdout);

    // Markdown, in English
    let md = run(
        dir,
        &[
            "--lang",
            "en",
            "progress",
            "t.csv",
            "--by",
            "khu vuc quy hoach",
            "-f",
            "markdown",
            "-q",
        ],
    );
    assert_eq!(md.code, 0, "{}", md.stderr);
    assert!(
        md.stdout.contains(
            "## By Khu vực quy hoạch\n\n\
             | Khu vực quy hoạch | Communes | Tier | Band | Average criteria | Targets met |\n\
             |---|---|---|---|---|---|\n\
             | Vùng núi | 2 | Standard new rural commune 2 | 10: 2 | 10 |  |\n\
             | Vùng thấp | 1 | Not yet standard 1 | 8-9: 1 | 9 |  |\n\
             | (blank) | 1 | Not yet standard 1 | 5-7: 1 | 7 |  |\n"
        ),
        "{}",
        md.stdout
    );

    // a workbook: the sheet and its header
    let out = dir.join("tien-do.xlsx");
    let xlsx = run(
        dir,
        &[
            "progress",
            "t.csv",
            "--by",
            "khu vuc quy hoach",
            "-o",
            "tien-do.xlsx",
            "-q",
        ],
    );
    assert_eq!(xlsx.code, 0, "{}", xlsx.stderr);
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    let sheet = book.worksheet_range("Theo Khu vực quy hoạch").unwrap();
    assert_eq!(
        sheet.get((0, 0)),
        Some(&Data::String("Khu vực quy hoạch".into()))
    );
    let column: Vec<String> = (1..sheet.height())
        .map(|r| sheet.get((r, 0)).unwrap().to_string())
        .collect();
    assert_eq!(column, ["Vùng núi", "Vùng thấp", "(không ghi)"]);
    assert_eq!(sheet.get((1, 1)), Some(&Data::Float(2.0)));
}

/// After 1/7/2025 a report is for the province unless asked; asked, `--by district` (under
/// any of its names) groups by the former districts, and `--by province` does not group.
#[test]
fn after_the_districts_were_abolished_grouping_is_asked_for() {
    let dir = folder(&[("t.csv", SURVEY)]);
    let dir = dir.path();
    let run_by = |by: &[&str]| run(dir, &[&["progress", "t.csv", "-f", "json"], by].concat());
    let default = run_by(&[]);
    let report = json(&default);
    assert_eq!(
        (&report["by"], &report["groups"]),
        (&Value::Null, &json!([]))
    );
    assert!(
        default.stderr.contains(
            "note: cấp huyện đã bỏ từ 1/7/2025, nên khảo sát năm 2026 được báo cáo cho toàn tỉnh; --by CỘT để nhóm theo một cột như khu vực quy hoạch, --by district để nhóm theo cột huyện"
        ),
        "{}",
        default.stderr
    );
    for district in ["district", "Huyện", "huyen"] {
        let asked = run_by(&["--by", district]);
        let report = json(&asked);
        assert_eq!(report["by"], "district");
        assert_eq!(
            units(&report),
            [
                ("Hòa An".to_owned(), 2, 1, 9.5),
                ("Hà Quảng".to_owned(), 2, 1, 8.5),
            ]
        );
        assert!(!asked.stderr.contains("abolished"), "{}", asked.stderr);
    }
    for province in ["province", "Tỉnh"] {
        let report = json(&run_by(&["--by", province]));
        assert_eq!(
            (&report["by"], &report["groups"]),
            (&Value::Null, &json!([]))
        );
    }
}

#[test]
fn a_column_that_is_not_there_is_an_error_naming_file_and_column() {
    let dir = folder(&[("t.csv", SURVEY), ("khong-huyen.csv", "Mã xã,TC1\nA,Đạt\n")]);
    let dir = dir.path();
    let misspelt = run(dir, &["progress", "t.csv", "--by", "khu vuc quy hoahc"]);
    assert_eq!(misspelt.code, 2);
    assert_eq!(
        misspelt.stderr.lines().last().unwrap(),
        "error: t.csv: không có cột «khu vuc quy hoahc» để nhóm theo (--by); có phải ý bạn là «Khu vực quy hoạch»?"
    );
    let unknown = run(
        dir,
        &["report", "t.csv", "--by", "xã phường", "-f", "markdown"],
    );
    assert_eq!(unknown.code, 2);
    assert_eq!(
        unknown.stderr.lines().last().unwrap(),
        "error: t.csv: không có cột «xã phường» để nhóm theo (--by); các cột của tệp: Mã xã, Tên xã, Huyện, Nhóm xã, Năm, Khu vực quy hoạch, TC1, TC2, TC3, TC4, TC5, TC6, …"
    );
    assert!(unknown.stdout.is_empty());
    // a district asked for where there is none
    let none = run(
        dir,
        &[
            "progress",
            "khong-huyen.csv",
            "-c",
            "vn-commune-2026-2030",
            "--by",
            "district",
            "-q",
        ],
    );
    assert_eq!(none.code, 2);
    assert_eq!(
        none.stderr,
        "error: --by district: tệp khong-huyen.csv không có cột huyện (Huyện) và không có dòng tiêu đề nhóm nào ghi tên huyện; hãy dùng --by với một cột khác, hoặc --by province để báo cáo cho toàn tỉnh\n"
    );
}

/// The targets of districts are judged when grouping by district; grouped by another column,
/// only the province's, and a note says so.
#[test]
fn grouped_by_another_column_only_the_province_targets_are_judged() {
    let targets =
        "targets:\n  standard_communes: 2\ndistricts:\n  Hòa An: { standard_communes: 2 }\n";
    let dir = folder(&[("t.csv", SURVEY), ("muc-tieu.yaml", targets)]);
    let dir = dir.path();
    let args = [
        "progress",
        "t.csv",
        "--targets",
        "muc-tieu.yaml",
        "-f",
        "json",
        "--check",
    ];
    let by_area = run(dir, &[&args[..], &["--by", "khu vuc quy hoach"]].concat());
    // the province has its 2 standard communes: met
    assert_eq!(by_area.code, 0, "{}", by_area.stderr);
    let report: Value = serde_json::from_str(&by_area.stdout).unwrap();
    assert!(
        report["groups"]
            .as_array()
            .unwrap()
            .iter()
            .all(|g| g["targets"] == json!([]))
    );
    assert!(
        by_area.stderr.contains(
            "note: mục tiêu của các huyện chỉ được xét khi nhóm theo huyện; khi nhóm theo Khu vực quy hoạch, chỉ xét mục tiêu của tỉnh"
        ),
        "{}",
        by_area.stderr
    );
    assert_eq!(report["candidates"], json!([]));
    // by district, Hòa An has 1 standard commune of the 2 its target asks: not met
    let by_district = run(dir, &[&args[..], &["--by", "district"]].concat());
    assert_eq!(by_district.code, 1, "{}", by_district.stderr);
    let report: Value = serde_json::from_str(&by_district.stdout).unwrap();
    assert_eq!(report["groups"][0]["targets"][0]["gap"], 1);
    assert_eq!(report["candidates"][0]["commune_id"], "B");
}

/// The monthly report groups its tables and its charts by the column too.
#[test]
fn the_report_groups_its_tables_and_charts_by_the_column() {
    let dir = folder(&[("t.csv", SURVEY)]);
    let dir = dir.path();
    let html = run(
        dir,
        &[
            "report",
            "t.csv",
            "--by",
            "khu vuc quy hoach",
            "-o",
            "bao-cao.html",
            "-q",
        ],
    );
    assert_eq!(html.code, 0, "{}", html.stderr);
    let page = std::fs::read_to_string(dir.join("bao-cao.html")).unwrap();
    for part in [
        "<section id=\"groups\">\n<h2>Theo Khu vực quy hoạch</h2>",
        "<th>Khu vực quy hoạch</th>",
        "<td>(không ghi)</td>",
        "<figcaption>Mức đạt chuẩn theo Khu vực quy hoạch</figcaption>",
        "<figcaption>Số xã theo số tiêu chí đạt, từng Khu vực quy hoạch</figcaption>",
    ] {
        assert!(page.contains(part), "{part}\n{page}");
    }
    assert!(!page.contains("huyện"), "{page}");
    // without grouping, the tiers chart is the province's
    let html = run(dir, &["report", "t.csv", "-o", "tinh.html", "-q"]);
    assert_eq!(html.code, 0, "{}", html.stderr);
    let page = std::fs::read_to_string(dir.join("tinh.html")).unwrap();
    assert!(
        page.contains("<figcaption>Mức đạt chuẩn toàn tỉnh</figcaption>"),
        "{page}"
    );
    assert!(!page.contains("<section id=\"groups\">"), "{page}");
    let md = run(
        dir,
        &[
            "--lang",
            "en",
            "report",
            "t.csv",
            "--by",
            "khu vuc quy hoach",
            "-f",
            "markdown",
            "-q",
        ],
    );
    assert_eq!(md.code, 0, "{}", md.stderr);
    assert!(
        md.stdout
            .contains("## By Khu vực quy hoạch\n\n| Khu vực quy hoạch | Communes |"),
        "{}",
        md.stdout
    );
    // the workbook's matrix names each commune's unit as the per-unit sheet does, to pivot on
    let xlsx = run(
        dir,
        &[
            "report",
            "t.csv",
            "--by",
            "khu vuc quy hoach",
            "-o",
            "bao-cao.xlsx",
            "-q",
        ],
    );
    assert_eq!(xlsx.code, 0, "{}", xlsx.stderr);
    let mut book: Xlsx<_> = open_workbook(dir.join("bao-cao.xlsx")).unwrap();
    let mut column = |sheet: &str, c: usize| -> Vec<String> {
        let range = book.worksheet_range(sheet).unwrap();
        (0..range.height())
            .map(|r| {
                range
                    .get((r, c))
                    .map(ToString::to_string)
                    .unwrap_or_default()
            })
            .collect()
    };
    assert_eq!(
        column("Ma trận", 2),
        [
            "Khu vực quy hoạch",
            "Vùng núi",
            "Vùng thấp",
            "Vùng núi",
            "(không ghi)"
        ]
    );
    assert_eq!(
        column("Theo Khu vực quy hoạch", 0),
        ["Khu vực quy hoạch", "Vùng núi", "Vùng thấp", "(không ghi)"]
    );
}

/// `trend --by`: each period's figures per unit, as tables and as CSV (one row per period and
/// unit, the column's name heading the second column).
#[test]
fn trend_gives_each_period_per_unit() {
    // in February B meets criterion 10 too, and the standard
    let february = SURVEY.replace(",Không đạt\nC,", ",Đạt\nC,");
    let dir = folder(&[
        ("thang-01-2026.csv", SURVEY),
        ("thang-02-2026.csv", &february),
    ]);
    let dir = dir.path();
    let files = [
        "thang-01-2026.csv",
        "thang-02-2026.csv",
        "--period",
        "2026-01",
        "--period",
        "2026-02",
    ];
    let csv = run(
        dir,
        &[
            &["trend"],
            &files[..],
            &["--by", "khu vuc quy hoach", "-f", "csv", "-q"],
        ]
        .concat(),
    );
    assert_eq!(csv.code, 0, "{}", csv.stderr);
    assert_eq!(
        csv.stdout,
        "period,Khu vực quy hoạch,communes,tier_none,tier_standard,tier_modern,band_10,band_8-9,band_5-7,band_<5,average_criteria,hamlet_standard_share\n\
         2026-01,Vùng núi,2,0,2,0,2,0,0,0,10,\n\
         2026-01,Vùng thấp,1,1,0,0,0,1,0,0,9,\n\
         2026-01,,1,1,0,0,0,0,1,0,7,\n\
         2026-02,Vùng núi,2,0,2,0,2,0,0,0,10,\n\
         2026-02,Vùng thấp,1,0,1,0,1,0,0,0,10,\n\
         2026-02,,1,1,0,0,0,0,1,0,7,\n"
    );
    let trend = json(&run(
        dir,
        &[
            &["trend"],
            &files[..],
            &["--by", "khu vuc quy hoach", "-f", "json", "-q"],
        ]
        .concat(),
    ));
    assert_eq!(trend["by"], "Khu vực quy hoạch");
    assert_eq!(trend["periods"][1]["groups"][1]["group"], "Vùng thấp");
    assert_eq!(trend["periods"][1]["groups"][1]["average_criteria"], 10.0);
    // the province's figures are as without --by, which adds no key
    let plain = json(&run(
        dir,
        &[&["trend"], &files[..], &["-f", "json", "-q"]].concat(),
    ));
    assert!(plain.get("by").is_none());
    assert!(plain["periods"][0].get("groups").is_none());
    assert_eq!(plain["periods"][1]["tiers"], trend["periods"][1]["tiers"]);
    let md = run(
        dir,
        &[
            &["--lang", "en", "trend"],
            &files[..],
            &["--by", "district", "-f", "markdown", "-q"],
        ]
        .concat(),
    );
    assert_eq!(md.code, 0, "{}", md.stderr);
    assert!(
        md.stdout.contains(
            "## By district, period by period\n\n| Reporting period | District | Communes |"
        ),
        "{}",
        md.stdout
    );
    assert!(
        md.stdout.contains("| 2026-02 | Hòa An | 2 | 0 | 2 |"),
        "{}",
        md.stdout
    );
}

/// `by` in `ntm.toml` names the column as `--by` does; the flag wins.
#[test]
fn ntm_toml_names_the_column_too() {
    let dir = folder(&[
        ("t.csv", SURVEY),
        ("ntm.toml", "by = \"khu vuc quy hoach\"\n"),
    ]);
    let dir = dir.path();
    let report = json(&run(dir, &["progress", "t.csv", "-f", "json", "-q"]));
    assert_eq!(report["by"], "Khu vực quy hoạch");
    let report = json(&run(
        dir,
        &["progress", "t.csv", "-f", "json", "-q", "--by", "district"],
    ));
    assert_eq!(report["by"], "district");
}
