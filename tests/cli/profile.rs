//! `ntm profile`: what each column of a survey holds.

use crate::util::{data, expected, ntm, ntm_with, repo};

/// The profile of the example province, as CSV, is a golden file.
#[test]
fn the_example_province_profiled() {
    let run = ntm(&["profile", &repo("examples/tinh-mau-2022.csv"), "-q"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, expected("profile.csv"));
}

/// Verdicts are counted by kind, blanks apart; measured values give their range and mean; a
/// row that cannot be read is counted apart, with a warning, and left out.
#[test]
fn columns_are_counted_by_what_their_cells_say() {
    let csv = "commune_id,region,year,1.1,TC1,TC2\n\
               A,NORTH,2024,40,Đạt,\n\
               B,NORTH,2024,50,Cơ bản đạt,Không đạt\n\
               C,NORTH,2024,,Không đạt,Đạt\n\
               D,NORTH,2024,4x,Đạt,Đạt\n";
    let run = ntm_with(
        &[
            "profile",
            "-",
            "-c",
            &data("mini-set.yaml"),
            "--format",
            "json",
        ],
        Some(csv),
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let profile: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(profile["communes"], 3);
    assert_eq!(profile["rows_with_problems"], 1);
    assert_eq!(
        profile["columns"][0],
        serde_json::json!({"column": "1.1", "kind": "measure", "met": 0, "basically_met": 0, "not_met": 0, "blank": 1, "values": 2, "min": 40.0, "max": 50.0, "mean": 45.0})
    );
    assert_eq!(
        profile["columns"][1],
        serde_json::json!({"column": "TC1", "kind": "verdict", "met": 1, "basically_met": 1, "not_met": 1, "blank": 0, "values": 0, "min": null, "max": null, "mean": null})
    );
    assert!(
        run.stderr.contains(
            "1 row(s) could not be read and are not counted; `ntm validate` lists their problems"
        ),
        "{}",
        run.stderr
    );
}
