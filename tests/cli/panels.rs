//! Panels: one file holding the communes of several periods, keyed by commune and period;
//! `progress` and `report` speak of the latest period unless `--period` names one.

use serde_json::Value;

use crate::util::{data, ntm_with};

/// Three communes over three months of 2024: A keeps the standard, B gains it in March, C
/// loses criterion 2 in February.
pub const PANEL: &str = "Mã xã,Tên xã,Kỳ,TC1,TC2,TC3,TC4
A,Xã An,2024-01,Đạt,Đạt,Đạt,Đạt
B,Xã Bình,2024-01,Đạt,Không đạt,Đạt,Đạt
C,Xã Châu,2024-01,Đạt,Đạt,Không đạt,Đạt
A,Xã An,2024-02,Đạt,Đạt,Đạt,Đạt
B,Xã Bình,2024-02,Đạt,Không đạt,Đạt,Đạt
C,Xã Châu,2024-02,Đạt,Không đạt,Không đạt,Đạt
A,Xã An,03/2024,Đạt,Đạt,Đạt,Đạt
B,Xã Bình,03/2024,Đạt,Đạt,Đạt,Đạt
C,Xã Châu,03/2024,Đạt,Không đạt,Không đạt,Đạt
";

fn progress(csv: &str, extra: &[&str]) -> crate::util::Run {
    let mini = data("mini-set.yaml");
    let mut args = vec!["progress", "-", "-c", &mini, "--format", "json"];
    args.extend_from_slice(extra);
    ntm_with(&args, Some(csv), None)
}

#[test]
fn a_panel_is_keyed_by_commune_and_period() {
    let mini = data("mini-set.yaml");
    let run = ntm_with(
        &["score", "-", "-c", &mini, "-f", "csv", "-q"],
        Some(PANEL),
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 10);
    // the same commune twice in one period is a repeat, named with its period
    let twice = format!("{PANEL}A,Xã An,2024-02,Đạt,Đạt,Đạt,Đạt\n");
    let run = ntm_with(&["score", "-", "-c", &mini, "-q"], Some(&twice), None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "<stdin>:11: column \"Mã xã\": value \"A\": duplicate commune_id for period 2024-02; first seen on line 5"
        ),
        "{}",
        run.stderr
    );
    // a year column must agree with the period
    let run = ntm_with(
        &["score", "-", "-c", &mini, "-q"],
        Some("Mã xã,Năm,Kỳ,TC1\nA,2023,2024-01,Đạt\n"),
        None,
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("column \"Năm\": value \"2023\": the year and the period (2024-01) disagree"),
        "{}",
        run.stderr
    );
    // year and month columns make a period too
    let run = ntm_with(
        &["score", "-", "-c", &mini, "-q"],
        Some("Mã xã,Năm,Tháng,TC1\nA,2024,1,Đạt\nA,2024,2,Đạt\n"),
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn progress_speaks_of_the_latest_period_unless_named() {
    let run = progress(PANEL, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["period"], "2024-03");
    assert_eq!(report["communes"], 3);
    assert!(
        run.stderr.contains(
            "note: <stdin> holds 3 periods, 2024-01 to 2024-03: this is the latest; --period names another"
        ),
        "{}",
        run.stderr
    );
    let standard = |report: &Value| {
        report["tiers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["tier"] == "standard")
            .map(|t| t["communes"].clone())
            .unwrap()
    };
    assert_eq!(standard(&report), 2);

    let run = progress(PANEL, &["--period", "2024-02"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["period"], "2024-02");
    assert_eq!(standard(&report), 1);
    assert!(!run.stderr.contains("note:"), "{}", run.stderr);

    let run = progress(PANEL, &["--period", "2024-04"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "--period 2024-04: <stdin> has no rows for it; its periods are 2024-01, 2024-02, 2024-03"
        ),
        "{}",
        run.stderr
    );
    // a file without periods has no period in its report
    let run = progress("Mã xã,TC1\nA,Đạt\n", &[]);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(report.get("period").is_none());
}
