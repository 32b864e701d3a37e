//! `ntm criteria list|show` and the loading of criteria files: every problem with its line.

use std::fmt::Write as _;

use serde_json::Value;

use crate::util::{data, ntm, repo};

#[test]
fn list_names_every_built_in_set() {
    let run = ntm(&["criteria", "list", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let sets: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    let set = sets
        .iter()
        .find(|s| s["id"] == "vn-commune-2021-2025")
        .unwrap();
    assert_eq!(set["id"], "vn-commune-2021-2025");
    assert_eq!(set["legal_basis"][0], "318/QĐ-TTg");
    assert_eq!(set["legal_basis"][1], "319/QĐ-TTg");
    assert_eq!(set["legal_basis"][2], "211/QĐ-TTg");
    assert_eq!(set["period"]["from"], 2021);
    assert_eq!(set["in_force_from"], "2022-03-08");
    assert_eq!(set["in_force_until"], "2026-02-14");

    let table = ntm(&["criteria", "list"]);
    assert!(table.stdout.contains("318/QĐ-TTg"), "{}", table.stdout);
}

#[test]
fn show_lists_criteria_thresholds_and_unverified_values() {
    let run = ntm(&[
        "criteria",
        "--lang",
        "vi",
        "show",
        "vn-commune-2021-2025",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let set: Value = serde_json::from_str(&run.stdout).unwrap();
    let criteria = set["tiers"][0]["criteria"].as_array().unwrap();
    assert_eq!(criteria.len(), 19);
    assert_eq!(criteria[10]["name"]["vi"], "Nghèo đa chiều");
    let stunting = &criteria[14]["indicators"][0];
    assert_eq!(stunting["id"], "15.3");
    assert_eq!(stunting["comparison"], "<=");
    assert_eq!(stunting["thresholds"][1]["class"], "DBSH");
    assert_eq!(stunting["thresholds"][1]["value"], 16.5);

    let table = ntm(&["criteria", "--lang", "vi", "show", "vn-commune-2021-2025"]);
    assert!(
        table
            .stdout
            .contains("Giá trị chưa được kiểm chứng với văn bản pháp lý"),
        "{}",
        table.stdout
    );
    assert!(table.stdout.contains("[standard] 10 2022 (TDMNPB): 39"));
}

#[test]
fn a_criteria_file_is_checked_whole_with_lines() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.yaml");
    let good = std::fs::read_to_string(data("mini-set.yaml")).unwrap();
    let bad = good
        .replace("NORTH: 70\n", "NORTH: 170\n")
        .replacen("      - number: 3\n", "      - number: 2\n", 1)
        // the last band goes, one line above the others
        .replace("  - { label: \"<2\", min: 0, max: 1 }\n", "");
    std::fs::write(&path, bad).unwrap();
    let run = ntm(&["criteria", "show", path.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    let stderr = run.stderr.replace(path.to_str().unwrap(), "bad.yaml");
    assert_eq!(
        stderr,
        "error: bad.yaml:69: indicator 2.1: percentage threshold 170 is outside 0–100\n\
         error: bad.yaml:71: criterion 2 is defined twice in tier \"standard\"\n\
         error: bad.yaml:29: no band holds communes meeting 0 of 4 criteria; bands must cover 0 to 4\n\
         error: bad.yaml:29: no band holds communes meeting 1 of 4 criteria; bands must cover 0 to 4\n"
    );
}

#[test]
fn yaml_syntax_and_unknown_keys_show_a_snippet() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typo.yaml");
    let good = std::fs::read_to_string(data("mini-set.yaml")).unwrap();
    std::fs::write(
        &path,
        good.replace("    verdict_prefix: NC", "    verdict_prefx: NC"),
    )
    .unwrap();
    let run = ntm(&["criteria", "show", path.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("typo.yaml:92: invalid criteria set"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("unknown field `verdict_prefx`"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_provincial_overlay_is_checked_against_its_base() {
    let run = ntm(&[
        "criteria",
        "check",
        &repo("examples/nam-dinh-2021-2025.yaml"),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let show = ntm(&[
        "criteria",
        "show",
        &repo("examples/nam-dinh-2021-2025.yaml"),
        "--lang",
        "en",
        "--format",
        "markdown",
    ]);
    assert!(
        show.stdout
            .contains("A provincial overlay on `vn-commune-2021-2025`")
    );
    assert!(
        show.stdout
            .contains("2024: ≥ 93 triệu đồng/người/năm \\[province\\]")
    );

    // Lowering the national 100 % of indicator 2.1 without saying so is refused at its line.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("loose.yaml");
    std::fs::write(
        &path,
        "extends: vn-commune-2021-2025\n\
         id: tinh-thu\n\
         title: { vi: Tỉnh thử, en: Test province }\n\
         tiers:\n  - id: standard\n    criteria:\n      - number: 2\n        indicators:\n\
         \x20         - id: \"2.1\"\n            threshold:\n              source: QĐ 1/QĐ-UBND\n\
         \x20             value: 90\n",
    )
    .unwrap();
    let run = ntm(&["criteria", "check", path.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    let stderr = run.stderr.replace(path.to_str().unwrap(), "loose.yaml");
    assert!(
        stderr.starts_with("error: loose.yaml:11: indicator 2.1: >= 90 is looser than the level of vn-commune-2021-2025 (>= 100,"),
        "{stderr}"
    );
}

#[test]
fn the_todo_skeleton_round_trips_and_fills_in() {
    for set in [
        "vn-commune-2016-2020",
        "vn-commune-2021-2025",
        "vn-commune-2026-2030",
    ] {
        let todo = ntm(&["criteria", "todo", set]);
        assert_eq!(todo.code, 0, "{}", todo.stderr);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("todo.yaml");
        std::fs::write(&path, &todo.stdout).unwrap();
        let check = ntm(&["criteria", "check", path.to_str().unwrap()]);
        assert_eq!(check.code, 0, "{set}: {}\n{}", check.stderr, todo.stdout);
        if set != "vn-commune-2021-2025" {
            continue;
        }
        // every unknown value is listed, with where to read it
        assert!(todo.stdout.contains(
            "          - id: \"2.2\"   # Tỷ lệ đường thôn, bản và đường liên thôn, bản ít nhất được cứng hóa, đảm bảo ô tô đi lại thuận tiện quanh năm (>= %)\n            threshold:\n"
        ));
        assert!(
            todo.stdout.contains(
                "                \"DBSH\": ~   # QĐ 318/QĐ-TTg, Phụ lục I, chỉ tiêu 2.2\n"
            )
        );
        // one number filled in is the province's
        let filled = todo.stdout.replacen(
            "\"DBSH\": ~   # QĐ 318/QĐ-TTg, Phụ lục I, chỉ tiêu 2.2",
            "\"DBSH\": 85",
            1,
        );
        std::fs::write(&path, filled).unwrap();
        let show = ntm(&[
            "criteria",
            "show",
            path.to_str().unwrap(),
            "--format",
            "json",
        ]);
        assert_eq!(show.code, 0, "{}", show.stderr);
        let json: Value = serde_json::from_str(&show.stdout).unwrap();
        let levels = &json["tiers"][0]["criteria"][1]["indicators"][1]["thresholds"];
        let dbsh = levels
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["class"] == "DBSH")
            .unwrap();
        assert_eq!(dbsh["value"], 85.0);
        assert_eq!(dbsh["provincial"], true);
    }
}

/// A province's overlay giving the advanced income per region (which the national set cannot
/// give: Appendix II of QĐ 318 is not public) and the standard income of 2023.
const REGIONAL_INCOME: &str = "extends: vn-commune-2021-2025
id: tinh-thu
title: { vi: Tỉnh thử, en: Test province }
tiers:
  - id: standard
    criteria:
      - number: 10
        indicators:
          - id: \"10\"
            threshold:
              source: QĐ 1/QĐ-UBND tỉnh Thử, Phụ lục I
              by_year:
                2023:
                  by_region: { TDMNPB: 40, DBSCL: 50 }
  - id: advanced
    criteria:
      - number: 10
        indicators:
          - id: \"10\"
            threshold:
              source: QĐ 1/QĐ-UBND tỉnh Thử, Phụ lục II
              by_year:
                2023:
                  by_region: { TDMNPB: 45, DBSCL: 60 }
";

#[test]
fn advanced_income_is_regional_with_the_dbkk_rule_and_the_model_level_follows_per_region() {
    let dir = tempfile::tempdir().unwrap();
    let set = dir.path().join("tinh-thu.yaml");
    std::fs::write(&set, REGIONAL_INCOME).unwrap();
    // Five Mekong-delta communes meeting every other criterion of every tier by verdict; two
    // are specially difficult (ĐBKK) communes, which QĐ 318 Điều 1 makes read the Northern
    // Midlands column "for the standard or the advanced level".
    let mut csv = String::from("commune_id,commune_name,region,dbkk_atk,year,10");
    let verdicts: Vec<String> = (1..=19)
        .filter(|n| *n != 10)
        .map(|n| format!("TC{n}"))
        .chain((1..=19).filter(|n| *n != 10).map(|n| format!("NC{n}")))
        .chain(["KM3".to_owned(), "KM4".to_owned()])
        .collect();
    for v in &verdicts {
        csv.push(',');
        csv.push_str(v);
    }
    csv.push('\n');
    for (id, flag, income) in [
        ("A", "Có", "50"),    // advanced ≥ 45 (TDMNPB), model ≥ 49.5
        ("B", "Không", "50"), // standard ≥ 50 (ĐBSCL), advanced ≥ 60 not met
        ("C", "Không", "66"), // model ≥ 66 = 1.1 × 60
        ("D", "Có", "49"),    // advanced ≥ 45, model ≥ 49.5 not met
        ("E", "Không", "65"), // advanced ≥ 60, model ≥ 66 not met
    ] {
        write!(csv, "{id},Xã {id},DBSCL,{flag},2023,{income}").unwrap();
        for _ in &verdicts {
            csv.push_str(",Đạt");
        }
        csv.push('\n');
    }
    let survey = dir.path().join("khao-sat.csv");
    std::fs::write(&survey, csv).unwrap();
    let run = ntm(&[
        "score",
        survey.to_str().unwrap(),
        "--criteria",
        set.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows: Vec<Value> = serde_json::from_str(&run.stdout).unwrap();
    let tiers: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r["commune_id"].as_str().unwrap(),
                r["tier"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        tiers,
        [
            ("A", "model"),
            ("B", "standard"),
            ("C", "model"),
            ("D", "advanced"),
            ("E", "advanced"),
        ]
    );

    // the model level is derived per region and year, and shown as such
    let show = ntm(&[
        "criteria",
        "show",
        set.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(show.code, 0, "{}", show.stderr);
    let json: Value = serde_json::from_str(&show.stdout).unwrap();
    let model = json["tiers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "model")
        .unwrap();
    let levels: Vec<(&str, Value)> = model["criteria"][0]["indicators"][0]["thresholds"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["year"] == 2023)
        .map(|l| (l["class"].as_str().unwrap(), l["value"].clone()))
        .collect();
    assert_eq!(levels.len(), 7, "{levels:?}");
    assert!(
        levels.contains(&("TDMNPB", serde_json::json!(49.5))),
        "{levels:?}"
    );
    assert!(
        levels.contains(&("DBSCL", serde_json::json!(66.0))),
        "{levels:?}"
    );
    assert!(levels.contains(&("DBSH", Value::Null)), "{levels:?}");
}
