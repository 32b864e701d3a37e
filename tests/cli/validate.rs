//! `ntm validate` and `ntm template`.

use std::fmt::Write as _;

use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::Value;

use crate::util::{data, ntm, ntm_with};

#[test]
fn validate_lists_every_problem_with_suggestions() {
    let csv = "commune_id,comune,region,year,1.1,TC33,Ghi chú\nA,X,Mars,2024,4x5,Đạt,\nA,Y,NORTH,,45,,\nB,Z,NORTH,,45,,\n";
    let mini = data("mini-set.yaml");
    let run = ntm_with(
        &["validate", "-", "-c", &mini, "--format", "json"],
        Some(csv),
        None,
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    let findings: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    let summary: Vec<(String, Option<u64>, String, String)> = findings
        .iter()
        .map(|f| {
            (
                f["severity"].as_str().unwrap().to_owned(),
                f["line"].as_u64(),
                f["column"].as_str().unwrap_or_default().to_owned(),
                f["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let has = |severity: &str, line: u64, column: &str, message: &str| {
        summary.iter().any(|(s, l, c, m)| {
            s == severity && *l == Some(line) && c == column && m.contains(message)
        })
    };
    assert!(has("error", 2, "region", "unknown region"), "{summary:?}");
    assert!(has("error", 2, "1.1", "not a number"), "{summary:?}");
    assert!(
        has("error", 3, "commune_id", "duplicate commune_id"),
        "{summary:?}"
    );
    assert!(
        has(
            "error",
            4,
            "",
            "indicator 1.1: its thresholds differ by year"
        ),
        "{summary:?}"
    );
    assert!(
        has("warning", 1, "comune", "did you mean \"commune\"?"),
        "{summary:?}"
    );
    assert!(
        has(
            "warning",
            1,
            "TC33",
            "the set has no standard criterion 33: its standard criteria are 1–4"
        ),
        "{summary:?}"
    );
    assert!(has("warning", 1, "Ghi chú", "ignored"), "{summary:?}");
    // errors come first
    assert_eq!(summary[0].0, "error");
    assert_eq!(summary.last().unwrap().0, "warning");
}

#[test]
fn validate_passes_good_data_and_warns_only() {
    let run = ntm(&[
        "validate",
        &data("communes.csv"),
        "-c",
        &data("mini-set.yaml"),
        "-f",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let findings: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(findings.len(), 2);
    assert_eq!(findings[0]["severity"], "warning");
    assert_eq!(findings[0]["column"], "NC1");
    assert_eq!(
        findings[0]["message"],
        "says \"Đạt\" but the indicators give \"Không đạt\""
    );
    let run = ntm(&[
        "validate",
        &data("month-1.csv"),
        "-c",
        &data("mini-set.yaml"),
    ]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.ends_with(": ok\n"), "{}", run.stdout);
}

#[test]
fn a_template_names_every_column_and_reads_back_clean() {
    let run = ntm(&["template", "-c", "vn-commune-2021-2025"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("# Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021–2025")
    );
    assert!(
        run.stdout
            .contains("# commune_id: Mã xã (bắt buộc, không trùng nhau)\n")
    );
    assert!(run.stdout.contains("# 10: Xã đạt chuẩn nông thôn mới — 10 Thu nhập: Thu nhập bình quân đầu người khu vực nông thôn — số (triệu đồng/người/năm)\n"));
    let header = run.stdout.lines().last().unwrap();
    assert!(header.starts_with("commune_id,commune,district,province,region,dbkk_atk,year,"));
    assert!(header.contains(",TC19,NC1,"));
    assert!(header.ends_with(",KM4"));
    // the template is a valid survey: no unknown columns, no rows
    let check = ntm_with(
        &["validate", "-", "-c", "vn-commune-2021-2025", "-f", "json"],
        Some(&run.stdout),
        None,
    );
    assert_eq!(check.code, 0);
    let findings: Vec<Value> = serde_json::from_str(&check.stdout).unwrap();
    assert_eq!(findings.len(), 1);
    assert_eq!(
        findings[0]["message"],
        "the file has a header but no communes"
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bieu.xlsx");
    let run = ntm(&["--lang", "en", "template", "-o", path.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(book.sheet_names(), ["Data", "Guide"]);
    let data = book.worksheet_range("Data").unwrap();
    assert_eq!(data.get((0, 0)), Some(&Data::String("commune_id".into())));
    assert_eq!(data.get((0, 4)), Some(&Data::String("group".into())));
    let guide = book.worksheet_range("Guide").unwrap();
    assert_eq!(
        guide.get((0, 1)),
        Some(&Data::String("Commune code (required, unique)".into()))
    );
}

/// Warnings never crowd out an error: a repeated id after more than a thousand warnings is
/// still listed, first, and still fails the file.
#[test]
fn an_error_after_a_thousand_warnings_is_still_listed() {
    let mut csv = String::from("commune_id,commune,region,year,1.1,TC1\n");
    for i in 0..1100 {
        // each row's verdict column contradicts its indicator: a warning
        let _ = writeln!(csv, "X{i},c,NORTH,2024,0,Đạt");
    }
    csv.push_str("X5,c,NORTH,2024,0,Đạt\n");
    let mini = data("mini-set.yaml");
    let run = ntm_with(
        &["validate", "-", "-c", &mini, "--format", "json"],
        Some(&csv),
        None,
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    let findings: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    // a thousand listed, and a last warning counts the others
    assert_eq!(findings.len(), 1001);
    assert_eq!(
        findings[1000]["message"],
        "… and 102 more findings not listed"
    );
    assert_eq!(findings[0]["severity"], "error");
    assert_eq!(findings[0]["line"], 1102);
    assert_eq!(
        findings[0]["message"],
        "duplicate commune_id; first seen on line 7"
    );
    assert!(findings[1..].iter().all(|f| f["severity"] == "warning"));
}
