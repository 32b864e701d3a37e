//! Vietnamese is the default: with neither `--lang` nor `NTM_LANG`, every error, warning and
//! note is said in Vietnamese — of periods and trends, of the changes between two surveys, of
//! the command line, of `validate`'s table, of criteria and targets files, of provincial
//! overlays and of `criteria check`'s summary — and none carries the English of the cases it
//! replaced.

use std::path::Path;

use crate::util::{Run, data, ntm_env};

/// Runs `ntm` with neither `--lang` nor `NTM_LANG`, in `dir` when given.
fn vi(args: &[&str], stdin: Option<&str>, dir: Option<&Path>) -> Run {
    ntm_env(args, &[], stdin, dir)
}

/// Fragments of the English messages the Vietnamese ones replaced; none may appear in what is
/// said by default.
const ENGLISH: &[&str] = &[
    " has no ",
    " is in both ",
    "each period must",
    "later period",
    "the trend ends",
    "holds ",
    "this is the latest",
    "leading zeros",
    "could not be read",
    "nothing to profile",
    "the map needs",
    "mapped twice",
    "needs at least",
    "expected ",
    "did you mean",
    "no column",
    "its columns are",
    "is not ",
    "must be",
    "must not",
    "line(s)",
    "error(s)",
    " errors",
    " warnings",
    " rows read",
    "problem",
    "duplicate mapping",
    "invalid",
    "indicator ",
    "criterion ",
    " tier ",
    "is outside",
    "is looser",
    "loosens: true, with",
    "a province",
    "needs ",
    "not a date",
    "e.g.",
    "lower-case",
];

/// `text` has none of the English fragments, and says something.
#[track_caller]
fn no_english(text: &str) {
    assert!(!text.trim().is_empty());
    for fragment in ENGLISH {
        assert!(!text.contains(fragment), "{fragment:?} in:\n{text}");
    }
}

/// Writes `files` in a new folder.
fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    dir
}

const MONTH: &str =
    "Mã xã,Tên xã,TC1,TC2,TC3,TC4\nA,Xã An,Đạt,Đạt,Đạt,Đạt\nB,Xã Bình,Đạt,Không đạt,Đạt,Đạt\n";

/// The periods of trends and reports: a file without a period column, a period in two files,
/// a period the file lacks, the latest of several, and the trend cut at the period reported.
#[test]
fn periods_and_trends_are_said_in_vietnamese() {
    let mini = data("mini-set.yaml");
    let dir = folder(&[
        ("bao-cao.csv", MONTH),
        ("thang-11-2024.csv", MONTH),
        ("thang-12-2024.csv", MONTH),
        ("bieu-2024-11.csv", MONTH),
        (
            "panel.csv",
            "Mã xã,Kỳ,TC1,TC2,TC3,TC4\nA,2024-11,Đạt,Đạt,Đạt,Đạt\nA,2024-12,Đạt,Đạt,Đạt,Đạt\n",
        ),
    ]);
    let run = |args: &[&str]| {
        let run = vi(args, None, Some(dir.path()));
        no_english(&run.stderr);
        run
    };
    let nameless = run(&["trend", "bao-cao.csv", "-c", &mini]);
    assert_eq!(nameless.code, 2);
    assert_eq!(
        nameless.stderr,
        "error: tệp bao-cao.csv không có cột kỳ báo cáo (Kỳ, hoặc Năm và Tháng), và tên tệp cũng không cho biết kỳ (thang-11-2025.xlsx, 2025-11.csv, hoặc thang-11.xlsx kèm --year 2025): hãy thêm cột Kỳ, đặt tên tệp theo tháng, hoặc ghi kỳ của từng tệp như vậy bằng --period, theo thứ tự\n"
    );
    let twice = run(&[
        "trend",
        "thang-11-2024.csv",
        "bieu-2024-11.csv",
        "-c",
        &mini,
    ]);
    assert_eq!(twice.code, 2);
    assert_eq!(
        twice.stderr,
        "error: kỳ 2024-11 có trong cả hai tệp thang-11-2024.csv và bieu-2024-11.csv: mỗi kỳ chỉ được lấy từ một tệp\n"
    );
    let too_many = run(&[
        "trend",
        "bao-cao.csv",
        "-c",
        &mini,
        "--period",
        "2024-10",
        "--period",
        "2024-11",
    ]);
    assert_eq!(
        too_many.stderr,
        "error: số giá trị --period nhiều hơn số tệp không có cột kỳ báo cáo\n"
    );
    let missing = run(&["progress", "panel.csv", "-c", &mini, "--period", "2024-10"]);
    assert_eq!(
        missing.stderr,
        "error: --period 2024-10: tệp panel.csv không có dòng nào của kỳ này; các kỳ có trong tệp: 2024-11, 2024-12\n"
    );
    let latest = run(&["progress", "panel.csv", "-c", &mini]);
    assert_eq!(latest.code, 0, "{}", latest.stderr);
    assert!(
        latest.stderr.contains(
            "note: tệp panel.csv có 2 kỳ báo cáo, từ 2024-11 đến 2024-12: báo cáo kỳ mới nhất; muốn chọn kỳ khác hãy dùng --period"
        ),
        "{}",
        latest.stderr
    );
    let cut = run(&[
        "report",
        "thang-11-2024.csv",
        "--history",
        "thang-12-2024.csv",
        "-c",
        &mini,
        "--date",
        "2024-11-30",
        "--format",
        "markdown",
    ]);
    assert_eq!(cut.code, 0, "{}", cut.stderr);
    assert!(
        cut.stderr.contains(
            "note: diễn biến chỉ tính đến kỳ 2024-11, kỳ được báo cáo; 1 kỳ sau đó không được đưa vào (2024-12)"
        ),
        "{}",
        cut.stderr
    );
    let nameless = run(&[
        "report",
        "bao-cao.csv",
        "--history",
        "thang-11-2024.csv",
        "-c",
        &mini,
        "--format",
        "markdown",
    ]);
    assert!(
        nameless
            .stderr
            .starts_with("error: tệp bao-cao.csv không có cột kỳ báo cáo"),
        "{}",
        nameless.stderr
    );
    let to_screen = run(&[
        "report",
        "thang-11-2024.csv",
        "-c",
        &mini,
        "--format",
        "xlsx",
    ]);
    assert_eq!(
        to_screen.stderr,
        "error: không thể ghi tệp Excel ra màn hình (đầu ra chuẩn); hãy đặt tên tệp bằng -o bao-cao.xlsx\n"
    );
    let districts = run(&[
        "progress",
        "thang-11-2024.csv",
        "-c",
        &mini,
        "--by",
        "district",
    ]);
    assert!(
        districts
            .stderr
            .starts_with("error: --by district: tệp thang-11-2024.csv không có cột huyện (Huyện)"),
        "{}",
        districts.stderr
    );
}

/// The changes between two surveys: codes that differ in their leading zeros, and a map of
/// mergers that sends a commune two ways; and a profile of rows that could not be read.
#[test]
fn changes_and_profiles_are_said_in_vietnamese() {
    let mini = data("mini-set.yaml");
    let dir = folder(&[
        (
            "cu.csv",
            "Mã xã,Tên xã,TC1\n01229,Xã Yên Lạc,Đạt\n01230,Xã Phúc Thịnh,Đạt\n",
        ),
        (
            "moi.csv",
            "Mã xã,Tên xã,TC1\n1229,Xã Yên Lạc,Đạt\n1230,Xã Trung Phong,Đạt\n",
        ),
        ("sai.csv", "old_id,new_id\nA1,X1\nA1,X2\n"),
        ("hong.csv", "Mã xã,TC1\nA,Đạt\nB,Xong\n"),
    ]);
    let diff = vi(
        &["diff", "cu.csv", "moi.csv", "-c", &mini, "-f", "csv"],
        None,
        Some(dir.path()),
    );
    assert_eq!(diff.code, 0, "{}", diff.stderr);
    no_english(&diff.stderr);
    for said in [
        "warning: xã 01229 (Xã Yên Lạc) trong tệp mới là 1229: hai mã chỉ khác nhau ở số 0 đầu và trùng tên, nên được coi là một xã",
        "warning: mã 01230 (Xã Phúc Thịnh) và 1230 (Xã Trung Phong) chỉ khác nhau ở số 0 đầu, nhưng tên không trùng: được coi là hai xã",
    ] {
        assert!(diff.stderr.contains(said), "{said}\n{}", diff.stderr);
    }
    let map = vi(
        &["diff", "cu.csv", "moi.csv", "--map", "sai.csv", "-c", &mini],
        None,
        Some(dir.path()),
    );
    assert_eq!(map.code, 2);
    assert_eq!(
        map.stderr,
        "error: sai.csv, dòng 3: xã cũ A1 được ghi hai lần, vào X1 và vào X2\n"
    );
    let profile = vi(
        &["profile", "hong.csv", "-c", &mini, "-f", "json"],
        None,
        Some(dir.path()),
    );
    assert_eq!(profile.code, 0, "{}", profile.stderr);
    assert!(
        profile.stderr.contains(
            "warning: hong.csv: 1 dòng không đọc được nên không được tính; `ntm validate` liệt kê các lỗi của những dòng này"
        ),
        "{}",
        profile.stderr
    );
}

/// Errors of the command line and of the files beside it: `--header-row`, a `--by` column the
/// file lacks (with its "did you mean"), an overlay's base, `ntm.toml`, `NTM_LANG`, `ntm man`,
/// and a criteria or targets file that is not YAML of its kind.
#[test]
fn usage_errors_are_said_in_vietnamese() {
    let mini = data("mini-set.yaml");
    let dir = folder(&[
        ("bieu.csv", "Mã xã,Khu vực,TC1\nA,Bắc,Đạt\n"),
        (
            "phu.yaml",
            "extends: khong-co.yaml\nid: x\ntitle: { vi: X, en: X }\n",
        ),
        ("sai.yaml", "id: x\nfoo: 1\n"),
        (
            "muc-tieu.yaml",
            "province: Tỉnh\ntargets:\n  standard_communes: 1\nfoo: 1\n",
        ),
    ]);
    let at = Some(dir.path());
    let said = |args: &[&str]| {
        let run = vi(args, None, at);
        assert_eq!(run.code, 2, "{}", run.stderr);
        no_english(&run.stderr);
        run.stderr
    };
    assert_eq!(
        said(&["score", "bieu.csv", "-c", &mini, "--header-row", "9"]),
        "error: bieu.csv: --header-row 9: tệp chỉ có 2 dòng\n"
    );
    assert_eq!(
        said(&["progress", "bieu.csv", "-c", &mini, "--by", "khu vuc quy"])
            .lines()
            .last(),
        Some(
            "error: bieu.csv: không có cột «khu vuc quy» để nhóm theo (--by); có phải ý bạn là «Khu vực»?"
        )
    );
    assert_eq!(
        said(&[
            "progress",
            "bieu.csv",
            "-c",
            &mini,
            "--by",
            "Xã phường thị trấn"
        ])
        .lines()
        .last(),
        Some(
            "error: bieu.csv: không có cột «Xã phường thị trấn» để nhóm theo (--by); các cột của tệp: Mã xã, Khu vực, TC1"
        )
    );
    assert_eq!(
        said(&["criteria", "check", "phu.yaml"]),
        "error: phu.yaml, dòng 1: extends «khong-co.yaml», nhưng đó không phải bộ tiêu chí có sẵn, cũng không phải một tệp (không có tệp khong-co.yaml)\n"
    );
    let yaml = said(&["criteria", "check", "sai.yaml"]);
    assert!(
        yaml.starts_with("error: sai.yaml, dòng 2: tệp bộ tiêu chí không hợp lệ\ndòng 2, cột 1: không có khóa `foo`; các khóa dùng được: id, title,"),
        "{yaml}"
    );
    let targets = said(&[
        "progress",
        "bieu.csv",
        "-c",
        &mini,
        "--targets",
        "muc-tieu.yaml",
    ]);
    assert!(
        targets.contains("muc-tieu.yaml, dòng 4: tệp mục tiêu không hợp lệ\n"),
        "{targets}"
    );
    std::fs::write(dir.path().join("ntm.toml"), "foo = 1\n").unwrap();
    assert_eq!(
        said(&["criteria", "list"]),
        "error: ntm.toml, dòng 1: không có khóa `foo`; các khóa dùng được: `criteria`, `targets`, `lang`, `by`, `report`\n"
    );
    std::fs::remove_file(dir.path().join("ntm.toml")).unwrap();
    let run = ntm_env(&["criteria", "list"], &[("NTM_LANG", "fr")], None, at);
    assert_eq!(run.stderr, "error: NTM_LANG=fr: phải là vi hoặc en\n");
    assert!(
        said(&["man", "khong-co"])
            .starts_with("error: ntm không có lệnh con «khong-co»; phải là một trong score,"),
    );
}

/// `validate`'s table: its headers, each problem's severity and the line of figures under it.
#[test]
fn the_validate_table_is_in_vietnamese() {
    let run = vi(
        &["validate", "-", "-c", "vn-commune-2021-2025"],
        Some("Mã xã,Năm,TC1\nM1,2022,Đạt\nM1,2022,Dat\n"),
        None,
    );
    assert_eq!(run.code, 2);
    no_english(&run.stdout);
    for said in [
        "┆ dòng ┆ cột",
        "┆ giá trị ┆ vấn đề",
        "│ lỗi ",
        "│ cảnh báo ",
    ] {
        assert!(run.stdout.contains(said), "{said}\n{}", run.stdout);
    }
    assert!(
        run.stdout
            .ends_with("\n<stdin>: 1 lỗi, 1 cảnh báo; đã đọc 2 dòng, chấm điểm được 1 xã\n"),
        "{}",
        run.stdout
    );
    let clean = vi(
        &[
            "validate",
            "examples/tinh-mau-2022.csv",
            "-c",
            "vn-commune-2021-2025",
        ],
        None,
        Some(Path::new(env!("CARGO_MANIFEST_DIR"))),
    );
    assert_eq!(
        clean.stdout,
        "examples/tinh-mau-2022.csv: không có lỗi nào\n"
    );
}

/// The values of options that clap checks: a period, a date, a delimiter, a year out of range
/// and a row number below 1.
#[test]
fn values_of_options_are_refused_in_vietnamese() {
    let said = |args: &[&str]| {
        let run = vi(args, None, None);
        assert_eq!(run.code, 2, "{}", run.stderr);
        no_english(&run.stderr);
        run.stderr.lines().next().unwrap_or_default().to_owned()
    };
    assert_eq!(
        said(&["progress", "x.csv", "--period", "13/2025"]),
        "error: giá trị '13/2025' không hợp lệ cho '--period <PERIOD>': «13/2025» không phải là kỳ báo cáo; cần một tháng như 2025-10 hoặc một năm như 2025"
    );
    assert_eq!(
        said(&["report", "x.csv", "--date", "2025-13-01"]),
        "error: giá trị '2025-13-01' không hợp lệ cho '--date <DATE>': «2025-13-01» không phải là ngày; cần dạng NĂM-THÁNG-NGÀY (YYYY-MM-DD)"
    );
    assert_eq!(
        said(&["score", "x.csv", "--delimiter", "ab"]),
        "error: giá trị 'ab' không hợp lệ cho '--delimiter <CHAR>': «ab» không phải là một ký tự; hãy dùng , ; | hoặc tab"
    );
    assert!(said(&["score", "x.csv", "--delimiter", "\""]).ends_with(
        "\"\\\"\" không dùng làm dấu phân cách được: ký tự này kết thúc dòng hoặc bao quanh một ô; hãy dùng , ; | hoặc tab"
    ));
    assert_eq!(
        said(&["score", "x.csv", "--year", "3000"]),
        "error: giá trị '3000' không hợp lệ cho '--year <YEAR>': 3000 nằm ngoài khoảng cho phép, từ 1990 đến 2100"
    );
    assert_eq!(
        said(&["score", "x.csv", "--year", "năm"]),
        "error: giá trị 'năm' không hợp lệ cho '--year <YEAR>': không phải là số nguyên"
    );
    assert_eq!(
        said(&["score", "x.csv", "--header-row", "0"]),
        "error: giá trị '0' không hợp lệ cho '--header-row <N>': 0 không hợp lệ: phải từ 1 trở lên"
    );
}

/// The problems of a targets file, each at its line.
#[test]
fn targets_problems_are_said_in_vietnamese() {
    let mini = data("mini-set.yaml");
    let dir = folder(&[
        ("bieu.csv", "Mã xã,TC1\nA,Đạt\n"),
        (
            "muc-tieu.yaml",
            "province: Tỉnh\ncriteria: vn-commune-2021-2025\ntargets:\n  hamlet_standard_share: 30\ndistricts:\n  Hòa An: { min_criteria_per_commune: 40 }\n",
        ),
    ]);
    let run = vi(
        &[
            "progress",
            "bieu.csv",
            "-c",
            &mini,
            "--targets",
            "muc-tieu.yaml",
        ],
        None,
        Some(dir.path()),
    );
    assert_eq!(run.code, 2);
    no_english(&run.stderr);
    for said in [
        "error: muc-tieu.yaml, dòng 2: mục tiêu được lập cho bộ tiêu chí vn-commune-2021-2025, nhưng dữ liệu được chấm theo mini-set; hãy thêm --criteria vn-commune-2021-2025 hoặc sửa tệp mục tiêu",
        "error: muc-tieu.yaml, dòng 4: hamlet_standard_share 30 phải là một tỷ lệ từ 0 đến 1 (0.30 nghĩa là 30%)",
        "error: muc-tieu.yaml, dòng 6: huyện Hòa An: min_criteria_per_commune 40 lớn hơn số tiêu chí của bộ",
    ] {
        assert!(run.stderr.contains(said), "{said}\n{}", run.stderr);
    }
}

/// A criteria file with typical mistakes: each problem at its line, in Vietnamese, the
/// file's names and values quoted as written.
#[test]
fn criteria_file_problems_are_said_in_vietnamese() {
    let mut set = std::fs::read_to_string(data("mini-set.yaml")).unwrap();
    for (from, to) in [
        ("id: mini-set", "id: Mini Set"),
        ("date: 2022-03-08", "date: 08/03/2022"),
        ("                2024:\n", "                2026:\n"),
        ("NORTH: 70\n", "NORTH: 120\n"),
        ("            comparison: \"<=\"\n", ""),
    ] {
        assert!(set.contains(from), "{from}");
        set = set.replacen(from, to, 1);
    }
    let dir = folder(&[("sai.yaml", &set)]);
    let run = vi(&["criteria", "check", "sai.yaml"], None, Some(dir.path()));
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    no_english(&run.stderr);
    assert_eq!(
        run.stderr,
        "error: sai.yaml, dòng 2: mã bộ tiêu chí «Mini Set» chỉ được gồm chữ thường không dấu, chữ số và dấu gạch nối, ví dụ vn-commune-2021-2025\n\
         error: sai.yaml, dòng 8: «08/03/2022» không phải là ngày; cần ghi theo dạng YYYY-MM-DD, ví dụ 2022-03-08\n\
         error: sai.yaml, dòng 54: chỉ tiêu 1.1: năm 2026 nằm ngoài giai đoạn 2023–2024 của bộ tiêu chí\n\
         error: sai.yaml, dòng 70: chỉ tiêu 2.1: ngưỡng tỷ lệ 120 nằm ngoài khoảng 0–100\n\
         error: sai.yaml, dòng 81: chỉ tiêu 4.1 cần ghi phép so sánh (comparison): \">=\", \"<=\" hoặc \"==\"\n"
    );
}

/// An overlay on the test set, in a folder beside a copy of it.
fn overlay(body: &str) -> tempfile::TempDir {
    let base = std::fs::read_to_string(data("mini-set.yaml")).unwrap();
    let overlay = format!(
        "extends: mini-set.yaml\nid: tinh-thu\ntitle: {{ vi: Tỉnh thử, en: Test province }}\ntiers:\n  - id: standard\n    criteria:\n      - number: 2\n        indicators:\n{body}"
    );
    folder(&[("mini-set.yaml", &base), ("tinh.yaml", &overlay)])
}

/// `criteria check` of the overlay in `dir`, by default: its standard error, refused.
fn refused(dir: &Path) -> String {
    let run = vi(&["criteria", "check", "tinh.yaml"], None, Some(dir));
    assert_eq!(run.code, 2, "{}", run.stdout);
    no_english(&run.stderr);
    run.stderr
}

/// An overlay lowering a national level without `loosens: true` is told how to say so.
#[test]
fn an_overlay_loosening_its_base_is_told_in_vietnamese() {
    let dir = overlay(
        "          - id: \"2.1\"\n            threshold:\n              source: QĐ 1/QĐ-UBND tỉnh thử\n              by_region:\n                NORTH: 60\n",
    );
    assert_eq!(
        refused(dir.path()),
        "error: tinh.yaml, dòng 13: chỉ tiêu 2.1, NORTH: >= 60 dễ đạt hơn mức của mini-set.yaml (>= 70, test 2.1); tỉnh muốn hạ mức phải ghi rõ loosens: true, với căn cứ (source) là quyết định cho phép việc đó\n"
    );
}

/// An overlay naming an indicator its base lacks, without `added: true`.
#[test]
fn an_overlay_naming_what_its_base_lacks_is_told_in_vietnamese() {
    let dir = overlay(
        "          - id: \"2.9\"\n            threshold: { source: QĐ 1/QĐ-UBND tỉnh thử, value: 1 }\n",
    );
    assert_eq!(
        refused(dir.path()),
        "error: tinh.yaml, dòng 9: tiêu chí 2 của mức «standard» trong mini-set.yaml không có chỉ tiêu 2.9; chỉ tiêu do tỉnh bổ sung cần ghi added: true, kèm tên (name), loại (kind) và căn cứ (source)\n"
    );
}

/// `criteria check`'s summary of a sound set.
#[test]
fn the_criteria_check_summary_is_in_vietnamese() {
    let run = vi(&["criteria", "check", &data("mini-set.yaml")], None, None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    no_english(&run.stdout);
    for english in ["ok —", "tier(s)", "criteria,", "indicators", "not verified"] {
        assert!(!run.stdout.contains(english), "{english}: {}", run.stdout);
    }
    assert!(
        run.stdout.ends_with(
            "mini-set.yaml: hợp lệ — mini-set (2023–2024), 3 mức, 9 tiêu chí, 8 chỉ tiêu, 2 mục chưa được đối chiếu với văn bản\n"
        ),
        "{}",
        run.stdout
    );
}
