//! `ntm validate` and `ntm template`.

use std::fmt::Write as _;

use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::Value;

use crate::util::{data, ntm, ntm_with, repo};

/// The JSON report of `ntm validate ARGS` (its exit status first), checked against the report's
/// JSON Schema in `docs/`.
fn report(args: &[&str], stdin: Option<&str>) -> (i32, Value) {
    let mut with_json = args.to_vec();
    with_json.extend(["--format", "json"]);
    let run = ntm_with(&with_json, stdin, None);
    assert!(run.code == 0 || run.code == 2, "{args:?}: {}", run.stderr);
    let report: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: {e}\n{}", run.stdout));
    conforms(&report);
    // the exit status follows `valid`
    assert_eq!(
        run.code == 0,
        report["valid"] == true,
        "{args:?}: {}",
        run.stdout
    );
    (run.code, report)
}

/// Fails unless `report` is valid under `docs/validate.schema.json`, naming every violation.
fn conforms(report: &Value) {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(repo("docs/validate.schema.json")).unwrap())
            .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema is a JSON Schema");
    let violations: Vec<String> = validator
        .iter_errors(report)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(violations.is_empty(), "{violations:#?}\n{report:#}");
}

/// The problems of a report as (code, line, column, message).
fn problems(report: &Value) -> Vec<(String, Option<u64>, String, String)> {
    report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["code"].as_str().unwrap().to_owned(),
                p["line"].as_u64(),
                p["column"].as_str().unwrap_or_default().to_owned(),
                p["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn validate_lists_every_problem_with_its_code_and_suggestions() {
    let csv = "commune_id,comune,region,year,1.1,TC33,Ghi chú\nA,X,Mars,2024,4x5,Đạt,\nA,Y,NORTH,,45,,\nB,Z,NORTH,,45,,\n";
    let mini = data("mini-set.yaml");
    let (code, report) = report(&["validate", "-", "-c", &mini], Some(csv));
    assert_eq!(code, 2);
    let summary = problems(&report);
    let has = |code: &str, line: u64, column: &str, message: &str| {
        summary.iter().any(|(c, l, col, m)| {
            c == code && *l == Some(line) && col == column && m.contains(message)
        })
    };
    assert!(
        has("unknown-region", 2, "region", "unknown region"),
        "{summary:?}"
    );
    assert!(has("not-a-number", 2, "1.1", "not a number"), "{summary:?}");
    assert!(
        has("duplicate-id", 3, "commune_id", "duplicate commune_id"),
        "{summary:?}"
    );
    // the same problem as `score` names it
    assert!(
        has(
            "missing-year",
            4,
            "year",
            "indicator 1.1: thresholds differ by year, and this row has none"
        ),
        "{summary:?}"
    );
    assert!(
        has("unknown-column", 1, "comune", "did you mean \"commune\"?"),
        "{summary:?}"
    );
    assert!(
        has(
            "unknown-column",
            1,
            "TC33",
            "the set has no standard criterion 33: its standard criteria are 1–4"
        ),
        "{summary:?}"
    );
    assert!(
        has("unknown-column", 1, "Ghi chú", "ignored"),
        "{summary:?}"
    );
    // errors come first
    let severities: Vec<&str> = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["severity"].as_str().unwrap())
        .collect();
    assert_eq!(severities[0], "error");
    assert!(
        severities.is_sorted_by_key(|s| *s == "warning"),
        "{severities:?}"
    );
    // the figures
    let stats = &report["stats"];
    assert_eq!(
        (stats["rows"].clone(), stats["communes"].clone()),
        (3.into(), 0.into())
    );
    assert_eq!(stats["errors"], 4);
    assert_eq!(stats["by_code"]["unknown-column"], 3);
    assert_eq!(stats["unlisted"], 0);
    assert_eq!(report["valid"], false);
}

#[test]
fn validate_passes_good_data_and_warns_only() {
    let (code, report) = report(
        &[
            "validate",
            &data("communes.csv"),
            "-c",
            &data("mini-set.yaml"),
        ],
        None,
    );
    assert_eq!(code, 0);
    assert_eq!(report["valid"], true);
    let problems = report["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 2);
    assert_eq!(problems[0]["code"], "verdict-disagrees");
    assert_eq!(problems[0]["severity"], "warning");
    assert_eq!(problems[0]["column"], "NC1");
    assert_eq!(
        problems[0]["message"],
        "says \"Đạt\" but the indicators give \"Không đạt\"; the indicators are used"
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

/// Real reports — a clean file, one with errors and warnings, a workbook, a file the header
/// stops, a file with more problems than are listed — conform to the schema kept in `docs/`.
#[test]
fn reports_conform_to_the_schema_in_docs() {
    // a clean file: valid, no problem
    let (_, clean) = report(
        &[
            "validate",
            &repo("examples/tinh-mau-2022.csv"),
            "--criteria",
            "vn-commune-2021-2025",
        ],
        None,
    );
    assert_eq!(clean["valid"], true);
    assert_eq!(clean["problems"], Value::Array(Vec::new()));
    assert_eq!(clean["stats"]["rows"], 139);
    assert_eq!(clean["stats"]["communes"], 139);
    assert_eq!(clean["stats"]["by_code"], serde_json::json!({}));

    // a workbook: each cell named by its sheet and reference
    let (code, book) = report(
        &[
            "validate",
            &data("layouts/loi-ngay.xlsx"),
            "--criteria",
            "vn-commune-2021-2025",
        ],
        None,
    );
    assert_eq!(code, 2);
    let first = &book["problems"][0];
    assert_eq!(first["code"], "not-a-verdict");
    assert_eq!(first["sheet"], "Biểu 01");
    assert_eq!(first["cell"], "L12");
    assert_eq!(first["line"], 12);
    assert_eq!(first["column"], "TC5");
    assert_eq!(first["value"], "08/03/2022");
    let unused = book["problems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "unknown-column")
        .unwrap();
    assert_eq!(
        (unused["sheet"].as_str(), unused["cell"].as_str()),
        (Some("Biểu 01"), Some("A7"))
    );

    // a header that stops the file: its rows are not read
    let (code, stopped) = report(&["validate", &repo("examples/bieu-01.csv")], None);
    assert_eq!(code, 2);
    assert_eq!(problems(&stopped)[0].0, "wrong-set");
    assert_eq!(stopped["stats"]["rows"], 0);
    let (code, no_id) = report(&["validate", "-"], Some("id,TC1\nA,Đạt\n"));
    assert_eq!(code, 2);
    assert_eq!(problems(&no_id)[0].0, "no-id-column");

    // a file with a header and nothing under it
    let (code, empty) = report(
        &["validate", "-", "-c", "vn-commune-2021-2025"],
        Some("commune_id,TC1\n"),
    );
    assert_eq!(code, 0);
    assert!(problems(&empty).iter().any(|p| p.0 == "no-communes"));

    // the schema has teeth: a problem whose severity is not its code's, a missing field or a
    // valid report with errors is refused
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(repo("docs/validate.schema.json")).unwrap())
            .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let mut wrong = book.clone();
    wrong["problems"][0]["severity"] = "warning".into();
    assert!(!validator.is_valid(&wrong));
    let mut wrong = book.clone();
    wrong["problems"][0].as_object_mut().unwrap().remove("cell");
    assert!(!validator.is_valid(&wrong));
    let mut wrong = book.clone();
    wrong["valid"] = true.into();
    assert!(!validator.is_valid(&wrong));
    let mut wrong = book;
    wrong["problems"][0]["code"] = "not-a-code".into();
    assert!(!validator.is_valid(&wrong));
}

#[test]
fn pick_and_skip_choose_the_problems_reported() {
    let csv = "commune_id,region,year,1.1,Ghi chú\nA,Mars,2024,4x5,\nA,NORTH,2024,120%,\n";
    let mini = data("mini-set.yaml");
    let codes = |extra: &[&str]| -> (i32, Vec<String>, Value) {
        let mut args = vec!["validate", "-", "-c", mini.as_str()];
        args.extend(extra);
        let (code, report) = report(&args, Some(csv));
        let codes = problems(&report).into_iter().map(|p| p.0).collect();
        (code, codes, report["stats"].clone())
    };
    let (code, all, _) = codes(&[]);
    assert_eq!(code, 2);
    for expected in [
        "unknown-region",
        "not-a-number",
        "duplicate-id",
        "unknown-column",
    ] {
        assert!(all.iter().any(|c| c == expected), "{expected}: {all:?}");
    }
    // one kind, or several, repeated or comma-separated
    let (code, picked, stats) = codes(&["--pick", "unknown-column"]);
    assert_eq!((code, picked), (0, vec!["unknown-column".to_owned()]));
    assert_eq!(
        (stats["errors"].clone(), stats["warnings"].clone()),
        (0.into(), 1.into())
    );
    assert_eq!(stats["by_code"], serde_json::json!({"unknown-column": 1}));
    let (_, both, _) = codes(&["--pick", "duplicate-id,unknown-region"]);
    let (_, repeated, _) = codes(&["--pick", "duplicate-id", "--pick", "unknown-region"]);
    assert_eq!(both, ["unknown-region", "duplicate-id"]);
    assert_eq!(repeated, both);
    // what is skipped is neither listed nor counted, and does not fail the file
    let (code, kept, stats) = codes(&[
        "--skip",
        "unknown-region,not-a-number",
        "--skip",
        "duplicate-id",
    ]);
    assert!(
        kept.iter()
            .all(|c| !["unknown-region", "not-a-number", "duplicate-id"].contains(&c.as_str())),
        "{kept:?}"
    );
    assert_eq!(stats["errors"], 1, "unexpected-percent is left: {kept:?}");
    assert_eq!(code, 2);
    let (code, _, stats) = codes(&[
        "--skip",
        "unknown-region,not-a-number,duplicate-id,unexpected-percent",
    ]);
    assert_eq!((code, stats["errors"].clone()), (0, 0.into()));
    // the table says the same
    let run = ntm_with(
        &["validate", "-", "-c", &mini, "--pick", "duplicate-id"],
        Some(csv),
        None,
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stdout.contains("[duplicate-id] duplicate commune_id"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("[unknown-region]"), "{}", run.stdout);
    assert!(
        run.stdout
            .ends_with("<stdin>: 1 error, 0 warnings; 2 rows read, 0 scored\n"),
        "{}",
        run.stdout
    );
    // a code that does not exist is a usage error listing those that do
    for flag in ["--pick", "--skip"] {
        let run = ntm_with(
            &[
                "--lang",
                "vi",
                "validate",
                "-",
                "-c",
                &mini,
                flag,
                "duplicate-id,no-such-code",
            ],
            Some(csv),
            None,
        );
        assert_eq!(run.code, 2, "{flag}");
        assert!(run.stdout.is_empty(), "{flag}: {}", run.stdout);
        assert!(
            run.stderr.contains("giá trị 'no-such-code' không hợp lệ"),
            "{flag}: {}",
            run.stderr
        );
        for code in ntm::code::Code::ALL {
            assert!(
                run.stderr.contains(code.code()),
                "{flag}: {code} not listed"
            );
        }
    }
}

/// Every code `score` puts in its messages is one `validate` reports for the same file.
#[test]
fn score_names_the_codes_validate_reports() {
    let csv =
        "commune_id,region,year,1.1,TC3,Ghi chú\nA,Mars,2024,4x5,kinda,\nA,NORTH,2024,120%,,\n";
    let mini = data("mini-set.yaml");
    let run = ntm_with(&["score", "-", "-c", &mini, "-f", "csv"], Some(csv), None);
    assert_eq!(run.code, 2);
    let said: Vec<&str> = run
        .stderr
        .lines()
        .filter_map(|l| l.split_once("]: ").map(|(prefix, _)| prefix))
        .filter_map(|prefix| prefix.split_once('['))
        .map(|(_, code)| code)
        .collect();
    assert!(said.contains(&"not-a-number"), "{}", run.stderr);
    assert!(said.contains(&"unknown-column"), "{}", run.stderr);
    let (_, report) = report(&["validate", "-", "-c", &mini], Some(csv));
    let reported: Vec<String> = problems(&report).into_iter().map(|p| p.0).collect();
    for code in &said {
        assert!(reported.iter().any(|r| r == code), "{code}: {reported:?}");
    }
    for code in &reported {
        assert!(said.contains(&code.as_str()), "{code}: {}", run.stderr);
    }
}

#[test]
fn a_template_names_every_column_and_reads_back_clean() {
    let run = ntm(&["template", "--lang", "vi", "-c", "vn-commune-2021-2025"]);
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
    let (code, check) = report(
        &["validate", "-", "-c", "vn-commune-2021-2025"],
        Some(&run.stdout),
    );
    assert_eq!(code, 0);
    let found = problems(&check);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].0.as_str(), found[0].3.as_str()),
        ("no-communes", "the file has a header but no communes")
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
    let (code, report) = report(&["validate", "-", "-c", &mini], Some(&csv));
    assert_eq!(code, 2);
    let problems = report["problems"].as_array().unwrap();
    // a thousand listed, and the others counted
    assert_eq!(problems.len(), 1000);
    assert_eq!(report["stats"]["unlisted"], 102);
    assert_eq!(report["stats"]["by_code"]["verdict-disagrees"], 1100);
    assert_eq!(problems[0]["code"], "duplicate-id");
    assert_eq!(problems[0]["line"], 1102);
    assert_eq!(
        problems[0]["message"],
        "duplicate commune_id; first seen on line 7"
    );
    assert!(problems[1..].iter().all(|p| p["severity"] == "warning"));
}
