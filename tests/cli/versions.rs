//! Criteria sets as versions: each built-in set scores a commune, the default is the set in
//! force, a file meant for another set is named as such, and sets can be checked, shown as
//! YAML or Markdown, and compared.

use std::fmt::Write as _;

use serde_json::Value;

use crate::util::{data, ntm, ntm_with, repo};

fn score(csv: &str, criteria: &[&str]) -> crate::util::Run {
    let mut args = vec!["score", "-", "-f", "json"];
    args.extend_from_slice(criteria);
    ntm_with(&args, Some(csv), None)
}

/// A survey of one commune, X1, with "Đạt" under each of `headers`.
fn one_commune_meeting_all(headers: &[String]) -> String {
    let verdicts = vec!["Đạt"; headers.len()];
    format!("Mã xã,{}\nX1,{}\n", headers.join(","), verdicts.join(","))
}

fn rows(run: &crate::util::Run) -> Vec<Value> {
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

#[test]
fn a_commune_scored_under_each_set() {
    // 2016–2020: income 2020 in DBSCL must be at least 50 million đồng; health insurance 85 %
    let csv = "commune_id,region,year,10,15.1,15.2,15.3\nA,ĐBSCL,2020,50,85%,Đạt,20.5\nB,DBSCL,2020,49.9,84,Đạt,20\n";
    let r = rows(&score(csv, &["--criteria", "vn-commune-2016-2020"]));
    assert_eq!(r[0]["not_assessed"].as_array().unwrap().len(), 17);
    assert_eq!(r[0]["criteria_met"], 2);
    assert_eq!(r[1]["unmet"], serde_json::json!(["10", "15"]));

    // 2016–2020 irrigation: 3.1 at least 80 % and 3.2 met make criterion 3 met by its indicators
    let csv = "commune_id,region,year,3.1,3.2\nA,BTB,2019,80%,Đạt\nB,BTB,2019,80%,Không đạt\nC,BTB,2019,79.9,Đạt\nD,BTB,2019,95,\n";
    let r = rows(&score(csv, &["--criteria", "vn-commune-2016-2020"]));
    assert_eq!(r[0]["criteria_met"], 1);
    assert_eq!(r[1]["unmet"], serde_json::json!(["3"]));
    assert_eq!(r[2]["unmet"], serde_json::json!(["3"]));
    // 3.2 blank: not assessed, never met
    assert_eq!(r[3]["criteria_met"], 0);
    assert!(
        r[3]["not_assessed"]
            .as_array()
            .unwrap()
            .contains(&"3".into())
    );

    // 2021–2025: stunting in DBSH at most 16.5 %, partial list: verdict needed for met
    let csv = "commune_id,region,15.3,TC15\nA,DBSH,16.5,Đạt\nB,DBSH,16.6,Đạt\n";
    let run = score(csv, &["--criteria", "vn-commune-2021-2025"]);
    let r = rows(&run);
    assert_eq!(
        (r[0]["criteria_met"].clone(), r[1]["criteria_met"].clone()),
        (1.into(), 0.into())
    );
    assert!(
        run.stderr
            .contains("column \"TC15\": says \"Đạt\" but the indicators give \"Không đạt\"")
    );

    // 2026–2030 (the default): ten criteria by verdict, by commune group
    let mut csv = String::from("commune_id,group");
    for n in 1..=10 {
        let _ = write!(csv, ",TC{n}");
    }
    csv.push_str(",HD1\nA,Nhóm 3");
    csv.push_str(&",Đạt".repeat(10));
    csv.push_str(",Đạt\n");
    let r = rows(&score(&csv, &[]));
    assert_eq!(r[0]["criteria_total"], 10);
    assert_eq!(r[0]["band"], "10");
    assert_eq!(r[0]["tier"], "modern");
    assert_eq!(r[0]["next_tier"], Value::Null);
}

#[test]
fn a_file_for_another_set_names_the_criteria_to_pass() {
    let run = ntm(&[
        "score",
        &repo("examples/tinh-mau-2022.csv"),
        "--criteria",
        "vn-commune-2026-2030",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("are not in criteria set vn-commune-2026-2030 (2026–2030), but they fit built-in set vn-commune-2021-2025 (2021–2025); pass --criteria vn-commune-2021-2025"), "{}", run.stderr);
    assert_eq!(run.stdout, "");

    let run = score(
        "commune_id,region,NC1,TC19\nA,TDMNPB,Đạt,Đạt\n",
        &["--criteria", "vn-commune-2016-2020"],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("columns NC1 are not in criteria set vn-commune-2016-2020"),
        "{}",
        run.stderr
    );

    // columns no built-in set knows are only warned about
    let run = score("commune_id,group,TC1,Ghi chú\nA,1,Đạt,x\n", &[]);
    assert_eq!(run.code, 0);
    assert!(
        run.stderr
            .contains("column \"Ghi chú\": not used by criteria set vn-commune-2026-2030")
    );
}

/// Without `--criteria`, the year the rows name chooses the set, and standard error says
/// which; a row of another period is an error naming the set for it.
#[test]
fn the_rows_year_chooses_the_set() {
    let run = ntm(&[
        "score",
        &repo("examples/tinh-mau-2022.csv"),
        "--format",
        "csv",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.starts_with(
            "note: using criteria set vn-commune-2021-2025 (2021–2025), the set for the survey's year 2022; --criteria chooses another\n"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains(",19,"), "{}", run.stdout);
    let quiet = ntm(&[
        "-q",
        "score",
        &repo("examples/tinh-mau-2022.csv"),
        "--format",
        "csv",
    ]);
    assert!(!quiet.stderr.contains("note:"), "{}", quiet.stderr);

    // --year chooses as a year column does
    let run = score("commune_id,TC1,TC19\nA,Đạt,Đạt\n", &["--year", "2024"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("vn-commune-2021-2025"),
        "{}",
        run.stderr
    );

    // a year outside the set named is an error on its row
    let run = score(
        "commune_id,group,year,TC1\nA,1,2026,Đạt\nB,1,2024,Đạt\n",
        &["--criteria", "vn-commune-2026-2030"],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.ends_with("\nerror[year-outside-set]: <stdin>:3: column \"year\": value \"2024\": year 2024 is outside the period of criteria set vn-commune-2026-2030 (2026–2030); pass --criteria vn-commune-2021-2025 for a 2024 survey\n"),
        "{}",
        run.stderr
    );
    let run = score(
        "commune_id,group,TC1\nA,1,Đạt\n",
        &["--criteria", "vn-commune-2026-2030", "--year", "2024"],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("--year: year 2024 is outside"),
        "{}",
        run.stderr
    );
}

/// A 2021–2025 file is never scored by the 2026–2030 criteria, whatever its headers' spelling:
/// its criteria 11–19 are 2021–2025's, under `Tiêu chí 11` as under `TC11`.
#[test]
fn a_file_for_another_set_is_refused_under_any_spelling_of_its_headers() {
    for spell in [
        |n: u32| format!("TC{n}"),
        |n: u32| format!("Tiêu chí {n}"),
        |n: u32| format!("Tiêu chí số {n:02}"),
        |n: u32| format!("TC{n:02} - x"),
    ] {
        let headers: Vec<String> = (1..=19).map(spell).collect();
        let csv = one_commune_meeting_all(&headers);
        let run = score(&csv, &[]);
        assert_eq!(run.code, 2, "{}: {}", headers[0], run.stderr);
        assert!(
            run.stderr.contains("fit built-in set vn-commune-2021-2025")
                && run.stderr.contains("pass --criteria vn-commune-2021-2025"),
            "{}: {}",
            headers[0],
            run.stderr
        );
        assert_eq!(run.stdout, "");
        // validate says so too
        let run = ntm_with(&["validate", "-", "--format", "json"], Some(&csv), None);
        assert_eq!(run.code, 2, "{}: {}", headers[0], run.stdout);
        assert!(
            run.stdout.contains("pass --criteria"),
            "{}: {}",
            headers[0],
            run.stdout
        );
    }
}

/// A file in which not one column of the set's criteria is found is an error, not a file of
/// communes with 0 criteria; one with some of them says which criteria are not assessed.
#[test]
fn a_file_without_criterion_columns_is_refused_and_missing_ones_are_named() {
    let run = score(
        "Mã xã,Tên xã,Ghi chú\nX1,Xã Một,x\n",
        &["--criteria", "vn-commune-2021-2025"],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("not one column of criteria set vn-commune-2021-2025 (2021–2025) is found"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "");

    let headers: Vec<String> = (1..=12).map(|n| format!("TC{n}")).collect();
    let csv = one_commune_meeting_all(&headers);
    let run = score(&csv, &["--criteria", "vn-commune-2021-2025"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("12 of 19 criterion columns found; criteria 13–19 are not assessed"),
        "{}",
        run.stderr
    );
}

/// A verdict column named after another criterion than its number's is an error that says the
/// columns may have shifted.
#[test]
fn a_criterion_column_named_after_another_criterion_is_an_error() {
    let run = score(
        "Mã xã,TC1 - Quy hoạch,TC2 - Quy hoạch\nX1,Đạt,Đạt\n",
        &["--criteria", "vn-commune-2021-2025"],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("column \"TC2 - Quy hoạch\"")
            && run
                .stderr
                .contains("the name of criterion 1 (\"Quy hoạch\")"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_default_set_is_the_one_in_force_and_list_marks_it() {
    let run = ntm(&["criteria", "list", "--format", "json"]);
    let sets: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    let ids: Vec<_> = sets.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "vn-commune-2016-2020",
            "vn-commune-2021-2025",
            "vn-commune-2026-2030"
        ]
    );
    let defaults: Vec<_> = sets.iter().map(|s| s["default"] == true).collect();
    assert_eq!(defaults, [false, false, true]);
    let in_force: Vec<_> = sets.iter().map(|s| s["in_force"] == true).collect();
    assert_eq!(in_force, [false, false, true]);
}

#[test]
fn check_accepts_a_good_file_and_lists_every_problem_of_a_bad_one() {
    let run = ntm(&["criteria", "check", &data("mini-set.yaml")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains(": ok — mini-set (2023–2024), 3 tier(s)"),
        "{}",
        run.stdout
    );

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.yaml");
    let text = std::fs::read_to_string(data("mini-set.yaml")).unwrap();
    std::fs::write(
        &bad,
        text.replace("NORTH: 70", "NORTH: 170")
            .replace("verdict_prefix: NC", "verdict_prefix: TC"),
    )
    .unwrap();
    let run = ntm(&["criteria", "check", bad.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr.lines().count(), 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("percentage threshold 170 is outside 0–100")
    );
    assert!(
        run.stderr
            .contains("verdict_prefix \"TC\" is used by another tier")
    );
}

#[test]
fn show_writes_a_criteria_file_that_loads_again() {
    for id in [
        "vn-commune-2016-2020",
        "vn-commune-2021-2025",
        "vn-commune-2026-2030",
    ] {
        let yaml = ntm(&["criteria", "show", id, "--format", "yaml"]);
        assert_eq!(yaml.code, 0, "{}", yaml.stderr);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("copy.yaml");
        std::fs::write(&path, &yaml.stdout).unwrap();
        let original = ntm(&["criteria", "show", id, "--format", "json"]);
        let copy = ntm(&[
            "criteria",
            "show",
            path.to_str().unwrap(),
            "--format",
            "json",
        ]);
        assert_eq!(copy.code, 0, "{}", copy.stderr);
        assert_eq!(original.stdout, copy.stdout, "{id}");
    }
}

#[test]
fn show_as_markdown() {
    let run = ntm(&[
        "--lang",
        "en",
        "criteria",
        "show",
        "vn-commune-2021-2025",
        "--format",
        "markdown",
    ]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.starts_with(
        "# National criteria for new rural communes, 2021–2025 (`vn-commune-2021-2025`)"
    ));
    assert!(
        run.stdout
            .contains("\n## Advanced new rural commune (`advanced`)\n")
    );
    assert!(
        run.stdout
            .contains("| 15.3 | Share of children under 5 stunted (height for age) \\* |")
    );
    assert!(
        run.stdout
            .contains("\n## Values not verified against the legal text\n")
    );
}

#[test]
fn diff_names_what_changed_between_sets() {
    let run = ntm(&[
        "criteria",
        "diff",
        "vn-commune-2016-2020",
        "vn-commune-2021-2025",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let changes: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    let renamed: Vec<_> = changes
        .iter()
        .filter(|c| c["change"] == "criterion_renamed")
        .map(|c| {
            (
                c["criterion"].as_u64().unwrap(),
                c["from"].as_str().unwrap(),
                c["to"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        renamed,
        [
            (3, "Thủy lợi", "Thủy lợi và phòng, chống thiên tai"),
            (11, "Hộ nghèo", "Nghèo đa chiều"),
            (12, "Lao động có việc làm", "Lao động"),
            (
                13,
                "Tổ chức sản xuất",
                "Tổ chức sản xuất và phát triển kinh tế nông thôn"
            ),
        ]
    );
    let md = ntm(&[
        "criteria",
        "diff",
        "vn-commune-2021-2025",
        "vn-commune-2026-2030",
        "--format",
        "markdown",
    ]);
    assert_eq!(md.code, 0);
    assert!(
        md.stdout.contains(
            "| criterion\\_renamed | \\[standard\\] 2 | Giao thông | Hạ tầng kinh tế - xã hội |"
        ),
        "{}",
        md.stdout
    );
    assert!(
        md.stdout
            .contains("| tier\\_removed | \\[model\\] | Xã nông thôn mới kiểu mẫu |  |")
    );
}

#[test]
fn the_column_of_an_amended_indicator_reads_each_year_by_its_own_version() {
    // 15.4 was a percentage until 2023 and is a yes/no from 2024 (QĐ 211/QĐ-TTg): one column
    // takes both, each row judged by its year's version
    let csv = "commune_id,commune,region,year,15.4\n\
               A,Xã A,DBSH,2024,72\n\
               B,Xã B,DBSH,2024,Có\n\
               C,Xã C,DBSH,2023,72\n\
               D,Xã D,DBSH,2023,1\n";
    let run = score(csv, &["--criteria", "vn-commune-2021-2025"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // a 2024 number is the old measure: not judged, and said so on its row
    assert!(
        run.stderr.contains(":2: column \"15.4\": value \"72\": a number, but indicator 15.4 (surveys 2024–) is a yes/no (QĐ 211/QĐ-TTg (01/03/2024), amending QĐ 318/QĐ-TTg Phụ lục I, tiêu chí 15); left not assessed: write Có or Không (Đạt / Không đạt)"),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains(":3: column \"15.4\""),
        "{}",
        run.stderr
    );
    assert_eq!(rows(&run).len(), 4);

    // the verdicts behind the rows, through gaps: B's "Không" is the 2024 yes/no, not met;
    // C's 72 % meets DBSH's 70 %; D's "1" is 1 %, not a yes
    let gaps = ntm_with(
        &[
            "gaps",
            "-",
            "--criteria",
            "vn-commune-2021-2025",
            "--format",
            "csv",
        ],
        Some(&csv.replace("2024,Có", "2024,Không")),
        None,
    );
    assert_eq!(gaps.code, 0, "{}", gaps.stderr);
    let of_15_4: Vec<&str> = gaps
        .stdout
        .lines()
        .filter(|l| l.contains(",15.4,"))
        .collect();
    assert_eq!(
        of_15_4,
        [
            "B,Xã B,,none,standard,15,15.4,not_met,,,,",
            "D,Xã D,,none,standard,15,15.4,not_met,1,70,>=,69"
        ]
    );
}

#[test]
fn a_value_for_a_year_no_version_covers_is_not_judged_and_said_so() {
    // 18.4 is known in its wording of QĐ 211 only (2024 on): a 2022 "Không" is not a criterion
    // 18 failure, and the warning names the verdict column to use
    let csv = "commune_id,commune,region,year,18.4,TC18\n\
               A,Xã A,DBSH,2022,Không,\n\
               B,Xã B,DBSH,2024,Không,\n";
    let run = score(csv, &["--criteria", "vn-commune-2021-2025"]);
    let rows = rows(&run);
    assert_eq!(rows[0]["unmet"], serde_json::json!([]));
    assert_eq!(rows[1]["unmet"], serde_json::json!(["18"]));
    assert!(
        run.stderr.contains(
            "warning[no-version-for-year]: indicator 18.4: the standard set vn-commune-2021-2025 knows it only for surveys 2024–, not the value(s) given for 2022; those values were left not assessed (record the verdict in column TC18 instead)"
        ),
        "{}",
        run.stderr
    );
}
