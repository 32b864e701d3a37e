//! Panels: one file holding the communes of several periods, keyed by commune and period;
//! `progress` and `report` speak of the latest period unless `--period` names one.

use std::fmt::Write as _;

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
    // each record ends with its period, the other half of its key
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines[0].ends_with(",hamlets_model,period"), "{}", lines[0]);
    assert!(lines[9].starts_with("C,Xã Châu,"), "{}", lines[9]);
    assert!(lines[9].ends_with(",2024-03"), "{}", lines[9]);
    let run = ntm_with(
        &["gaps", "-", "-c", &mini, "-f", "json", "-q"],
        Some(PANEL),
        None,
    );
    let gaps: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(gaps[0]["period"], "2024-01");
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

/// A year of a small province, month by month: A is standard all year, B from April, C from
/// September; D is standard until June and loses criterion 3 in July.
fn year_panel() -> String {
    let mut csv = String::from("Mã xã,Tên xã,Kỳ,TC1,TC2,TC3,TC4\n");
    for month in 1..=12u8 {
        for (id, name, standard) in [
            ("A", "Xã An", true),
            ("B", "Xã Bình", month >= 4),
            ("C", "Xã Châu", month >= 9),
            ("D", "Xã Đông", month <= 6),
        ] {
            let tc3 = if standard { "Đạt" } else { "Không đạt" };
            let _ = writeln!(csv, "{id},{name},2024-{month:02},Đạt,Đạt,{tc3},Đạt");
        }
    }
    csv
}

const TARGETS: &str = "criteria: mini-set\nyear: 2025\ntargets:\n  standard_communes: 4\n";

fn trend_json(args: &[&str], stdin: Option<&str>) -> Value {
    let mini = data("mini-set.yaml");
    let mut all = vec!["trend", "-c", &mini, "--format", "json", "-q"];
    all.extend_from_slice(args);
    let run = ntm_with(&all, stdin, None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

#[test]
fn trend_counts_every_month_judges_the_pace_and_flags_losses() {
    let dir = tempfile::tempdir().unwrap();
    let targets = dir.path().join("muc-tieu.yaml");
    std::fs::write(&targets, TARGETS).unwrap();
    let targets = targets.to_string_lossy().into_owned();
    let trend = trend_json(&["-", "--targets", &targets], Some(&year_panel()));
    let standard: Vec<u64> = trend["periods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p["tiers"]
                .as_array()
                .unwrap()
                .iter()
                .find(|t| t["tier"] == "standard")
                .unwrap()["communes"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert_eq!(standard, [2, 2, 2, 3, 3, 3, 2, 2, 3, 3, 3, 3]);
    // by hand: 2 communes still needed in January, 1 in December; 12 months to December 2025:
    // 1 / 12 = 0.08 needed a month, (2 - 1) / 11 = 0.09 gained a month: on track
    assert_eq!(
        trend["pace"],
        serde_json::json!([{
            "target": "standard_communes",
            "gap": 1.0,
            "periods_left": 12,
            "needed_per_period": 0.08,
            "so_far_per_period": 0.09,
            "on_track": true
        }])
    );
    assert_eq!(
        trend["losses"],
        serde_json::json!([{
            "commune_id": "D",
            "commune": "Xã Đông",
            "district": "",
            "from": "2024-06",
            "to": "2024-07",
            "tier_before": "standard",
            "tier_after": "none",
            "lost": [3]
        }])
    );

    // the same year as twelve files, one a month, in any order, gives the same trend
    let mut files = Vec::new();
    let mut periods = Vec::new();
    for month in (1..=12u8).rev() {
        let path = dir.path().join(format!("thang-{month:02}.csv"));
        let mut csv = String::from("Mã xã,Tên xã,TC1,TC2,TC3,TC4\n");
        for line in year_panel().lines().skip(1) {
            let cells: Vec<&str> = line.split(',').collect();
            if cells[2] == format!("2024-{month:02}") {
                let mut kept = cells.clone();
                kept.remove(2);
                csv.push_str(&kept.join(","));
                csv.push('\n');
            }
        }
        std::fs::write(&path, csv).unwrap();
        files.push(path.to_string_lossy().into_owned());
        periods.push(format!("2024-{month:02}"));
    }
    let mut args: Vec<&str> = files.iter().map(String::as_str).collect();
    for period in &periods {
        args.push("--period");
        args.push(period);
    }
    args.push("--targets");
    args.push(&targets);
    assert_eq!(trend_json(&args, None), trend);

    // a file without a period column needs one: from --period, or from its name
    let mini = data("mini-set.yaml");
    let run = ntm_with(&["trend", &files[0], "-c", &mini], None, None);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "thang-12.csv has no period column (Kỳ, or Năm and Tháng), and its name gives none (thang-11-2025.xlsx, 2025-11.csv, or thang-11.xlsx with --year 2025)"
        ),
        "{}",
        run.stderr
    );
    let run = ntm_with(
        &[
            "trend", &files[0], &files[1], "-c", &mini, "--period", "2024-12",
        ],
        None,
        None,
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "thang-11.csv has no period column (Kỳ, or Năm and Tháng): name its period with --period, one for each such file in order"
        ),
        "{}",
        run.stderr
    );
    // the same twelve files, their month from their names and the year from --year; a file
    // named twice is read once
    let mut args: Vec<&str> = files.iter().map(String::as_str).collect();
    args.extend([files[3].as_str(), "--year", "2024", "--targets", &targets]);
    assert_eq!(trend_json(&args, None), trend);
    // two files of one period are an error
    let run = ntm_with(
        &[
            "trend", &files[0], &files[1], "-c", &mini, "--period", "2024-05", "--period",
            "2024-05",
        ],
        None,
        None,
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("error: period 2024-05 is in both ")
            && run
                .stderr
                .contains("thang-11.csv: each period must come from one file"),
        "{}",
        run.stderr
    );
}

#[test]
fn trend_as_csv_is_one_row_a_period() {
    let mini = data("mini-set.yaml");
    let run = ntm_with(
        &["trend", "-", "-c", &mini, "--format", "csv", "-q"],
        Some(PANEL),
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "period,communes,tier_none,tier_standard,tier_advanced,tier_model,band_4,band_2-3,band_<2,average_criteria,hamlet_standard_share\n\
         2024-01,3,2,1,0,0,1,2,0,3.33,\n\
         2024-02,3,2,1,0,0,1,2,0,3,\n\
         2024-03,3,1,2,0,0,2,1,0,3.33,\n"
    );
}

/// Communes recognised by decision are counted beside those meeting the criteria now, and a
/// recognised commune that no longer meets its tier is on the watch list, with the criteria
/// it does not meet; `diff --check` fails on it.
#[test]
fn recognised_communes_that_no_longer_meet_their_tier_are_watched() {
    let csv = "Mã xã,Tên xã,Đã công nhận,Năm công nhận,TC1,TC2,TC3,TC4\n\
               A,Xã An,Đạt chuẩn,2022,Đạt,Đạt,Đạt,Đạt\n\
               B,Xã Bình,standard,2023,Đạt,Không đạt,Đạt,Cơ bản đạt\n\
               C,Xã Châu,Không,,Đạt,Đạt,Đạt,Đạt\n\
               D,Xã Đông,,,Đạt,Đạt,Không đạt,Đạt\n";
    let run = progress(csv, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        report["recognition"]["tiers"][0],
        serde_json::json!({"tier": "standard", "recognised": 2, "meeting_now": 1})
    );
    assert_eq!(
        report["recognition"]["watch"],
        serde_json::json!([{
            "commune_id": "B",
            "commune": "Xã Bình",
            "district": "",
            "recognised": "standard",
            "recognised_year": 2023,
            "tier": "none",
            "criteria_not_met": ["TC2", "TC4"]
        }])
    );
    // in the report, the recognition sections follow the tiers, and the appendix ends it
    let mini = data("mini-set.yaml");
    let run = ntm_with(
        &["report", "-", "-c", &mini, "--format", "markdown", "-q"],
        Some(csv),
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let headings: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("## "))
        .collect();
    let at = |heading: &str| {
        headings
            .iter()
            .position(|h| h.contains(heading))
            .unwrap_or_else(|| panic!("no {heading}: {headings:?}"))
    };
    assert!(at("recognised by decision") > at("## Tier"), "{headings:?}");
    assert!(
        at("no longer meeting") > at("recognised by decision"),
        "{headings:?}"
    );
    assert_eq!(at("Appendix"), headings.len() - 1, "{headings:?}");

    // a file that says nothing of recognition has no such section
    let run = progress("Mã xã,TC1\nA,Đạt\n", &[]);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(report.get("recognition").is_none());
    // a tier nobody knows is an error naming the cell
    let run = progress("Mã xã,Đã công nhận,TC1\nA,Xuất sắc,Đạt\n", &[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("column \"Đã công nhận\": value \"Xuất sắc\": expected the tier recognised"),
        "{}",
        run.stderr
    );

    // diff --check fails while a recognised commune is below its tier
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("cu.csv");
    let new = dir.path().join("moi.csv");
    std::fs::write(&old, csv).unwrap();
    std::fs::write(&new, csv).unwrap();
    let mini = data("mini-set.yaml");
    let run = ntm_with(
        &[
            "diff",
            old.to_str().unwrap(),
            new.to_str().unwrap(),
            "-c",
            &mini,
            "--check",
            "-f",
            "csv",
        ],
        None,
        None,
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("warning: 1 commune(s) recognised at a tier no longer meet it: B"),
        "{}",
        run.stderr
    );
}

/// Five old communes merged into two new ones: `diff --map` says each old one was merged into
/// its new one, not missing; compares the new ones with what their parts were together; counts
/// the totals before on the new units. `trend --map` follows them the same way.
#[test]
fn a_merger_map_follows_communes_across_a_reorganisation() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path.to_string_lossy().into_owned()
    };
    let old = write(
        "thang-06.csv",
        "Mã xã,Tên xã,TC1,TC2,TC3,TC4\n\
         A1,Xã Một,Đạt,Đạt,Đạt,Đạt\n\
         A2,Xã Hai,Đạt,Đạt,Đạt,Đạt\n\
         A3,Xã Ba,Đạt,Không đạt,Đạt,Đạt\n\
         A4,Xã Bốn,Đạt,Đạt,Đạt,Đạt\n\
         A5,Xã Năm,Đạt,Đạt,Đạt,Đạt\n\
         B,Xã Bê,Đạt,Đạt,Đạt,Đạt\n",
    );
    let new = write(
        "thang-07.csv",
        "Mã xã,Tên xã,TC1,TC2,TC3,TC4\n\
         X1,Xã Mới Một,Đạt,Đạt,Đạt,Đạt\n\
         X2,Xã Mới Hai,Đạt,Đạt,Đạt,Không đạt\n\
         B,Xã Bê,Đạt,Đạt,Đạt,Đạt\n",
    );
    let map = write(
        "sap-nhap.csv",
        "old_id,new_id\nA1,X1\nA2,X1\nA3,X1\nA4,X2\nA5,X2\n",
    );
    let mini = data("mini-set.yaml");
    let run = ntm_with(
        &[
            "diff", &old, &new, "--map", &map, "-c", &mini, "-f", "csv", "-q",
        ],
        None,
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "commune_id,commune,district,change,tier_before,tier_after,criteria_before,criteria_after,gained,lost,merged_into\n\
         X2,Xã Mới Hai,,lost,standard,none,4,3,,4,\n\
         A1,Xã Một,,merged,standard,,4,,,,X1\n\
         A2,Xã Hai,,merged,standard,,4,,,,X1\n\
         A3,Xã Ba,,merged,none,,3,,,,X1\n\
         A4,Xã Bốn,,merged,standard,,4,,,,X2\n\
         A5,Xã Năm,,merged,standard,,4,,,,X2\n\
         X1,Xã Mới Một,,tier_up,none,standard,3,4,2,,\n"
    );
    let run = ntm_with(
        &[
            "diff", &old, &new, "--map", &map, "-c", &mini, "-f", "json", "-q",
        ],
        None,
        None,
    );
    let changes: Value = serde_json::from_str(&run.stdout).unwrap();
    let total = |name: &str| {
        changes["totals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["name"] == name)
            .map(|t| (t["before"].as_f64().unwrap(), t["after"].as_f64().unwrap()))
            .unwrap()
    };
    assert_eq!(total("communes"), (3.0, 3.0));
    assert_eq!(total("standard_communes"), (2.0, 2.0));

    // the same through trend: X2 lost criterion 4 and the standard in July
    let trend = trend_json(
        &[
            &old, &new, "--period", "2024-06", "--period", "2024-07", "--map", &map,
        ],
        None,
    );
    assert_eq!(
        trend["losses"],
        serde_json::json!([{
            "commune_id": "X2",
            "commune": "Xã Mới Hai",
            "district": "",
            "from": "2024-06",
            "to": "2024-07",
            "tier_before": "standard",
            "tier_after": "none",
            "lost": [4]
        }])
    );

    // a map that sends one commune two ways is refused with its line
    let bad = write("sai.csv", "old_id,new_id\nA1,X1\nA1,X2\n");
    let run = ntm_with(
        &["diff", &old, &new, "--map", &bad, "-c", &mini],
        None,
        None,
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("sai.csv:3: old commune A1 is mapped twice, into X1 and into X2"),
        "{}",
        run.stderr
    );
}

/// The report of a panel speaks of its latest period and adds the trend over every period: a
/// chart of the communes at each tier, period after period, and the communes that lost ground.
#[test]
fn the_report_of_a_panel_has_its_trend() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bao-cao.md");
    let mini = data("mini-set.yaml");
    let run = ntm_with(
        &[
            "report",
            "--lang",
            "vi",
            "-",
            "-c",
            &mini,
            "-o",
            out.to_str().unwrap(),
            "-q",
        ],
        Some(PANEL),
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(md.contains("Kỳ: 2024-03"), "{md}");
    assert!(
        md.contains("## Diễn biến xây dựng nông thôn mới qua các kỳ"),
        "{md}"
    );
    assert!(md.contains("| 2024-02 | 3 | 2 | 1 |"), "{md}");
    assert!(md.contains("## Xã bị mất tiêu chí hoặc mức đạt"), "{md}");
    assert!(md.contains("| C | Xã Châu | 2024-01 | 2024-02 |"), "{md}");
    let html = dir.path().join("bao-cao.html");
    let run = ntm_with(
        &[
            "report",
            "--lang",
            "vi",
            "-",
            "-c",
            &mini,
            "-o",
            html.to_str().unwrap(),
            "-q",
        ],
        Some(PANEL),
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(
        page.contains("<figcaption>Diễn biến xây dựng nông thôn mới qua các kỳ</figcaption>"),
        "{page}"
    );
}

/// Districts were abolished on 1/7/2025: a survey of 2026 is reported for the province unless
/// `--by district` asks for the district column.
#[test]
fn a_survey_after_the_districts_were_abolished_is_reported_for_the_province() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2026.csv");
    std::fs::write(
        &path,
        "Mã xã,Huyện,Nhóm xã,Năm,TC1\nA,Hòa An,1,2026,Đạt\nB,Hà Quảng,2,2026,Đạt\n",
    )
    .unwrap();
    let file = path.to_str().unwrap();
    let run = ntm_with(&["progress", file, "--format", "json"], None, None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["groups"], serde_json::json!([]));
    assert!(
        run.stderr
            .contains("note: districts were abolished on 1/7/2025"),
        "{}",
        run.stderr
    );
    let run = ntm_with(
        &["progress", file, "--format", "json", "--by", "district"],
        None,
        None,
    );
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["by"], "district");
    assert_eq!(report["groups"].as_array().unwrap().len(), 2);
}

/// A file with only some criterion columns says which are missing in the progress report and
/// in the monthly report, not only on standard error.
#[test]
fn the_reports_say_which_criteria_have_no_column() {
    let csv = "Mã xã,TC1,TC2\nA,Đạt,Đạt\n";
    let run = ntm_with(
        &[
            "progress",
            "-",
            "-c",
            "vn-commune-2021-2025",
            "--format",
            "json",
            "-q",
        ],
        Some(csv),
        None,
    );
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        report["criteria_missing"],
        "2 of 19 criterion columns found; criteria 3–19 are not assessed"
    );
    let run = ntm_with(
        &[
            "report",
            "-",
            "-c",
            "vn-commune-2021-2025",
            "--format",
            "markdown",
            "-q",
            "-o",
            "-",
        ],
        Some(csv),
        None,
    );
    assert!(
        run.stdout
            .contains("- 2 of 19 criterion columns found; criteria 3–19 are not assessed"),
        "{}",
        run.stdout
    );
}

/// `report --history`: earlier months' files, one period each (taken here from their names),
/// give the monthly report the trend a panel gives it — the same document, to the byte. The
/// report's own file may be among them; periods after the one reported on are left out; a
/// period in two files is an error.
#[test]
fn the_report_given_earlier_months_draws_their_trend() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    let panel = year_panel();
    write("panel.csv", &panel);
    write("muc-tieu.yaml", TARGETS);
    // one file a month, without a period column, and the months to November as one panel
    let mut months = Vec::new();
    let mut to_november = String::from("Mã xã,Tên xã,Kỳ,TC1,TC2,TC3,TC4\n");
    for month in 1..=12u8 {
        let period = format!("2024-{month:02}");
        let mut csv = String::from("Mã xã,Tên xã,TC1,TC2,TC3,TC4\n");
        for line in panel.lines().skip(1) {
            let mut cells: Vec<&str> = line.split(',').collect();
            if cells[2] == period {
                if month < 12 {
                    to_november.push_str(line);
                    to_november.push('\n');
                }
                cells.remove(2);
                csv.push_str(&cells.join(","));
                csv.push('\n');
            }
        }
        let name = format!("thang-{month:02}-2024.csv");
        write(&name, &csv);
        months.push(name);
    }
    write("den-thang-11.csv", &to_november);
    let mini = data("mini-set.yaml");
    let report = |args: &[&str]| {
        let mut all = vec!["report", "--lang", "vi"];
        all.extend_from_slice(args);
        all.extend([
            "-c",
            &mini,
            "--targets",
            "muc-tieu.yaml",
            "--date",
            "2024-12-31",
            "-f",
            "markdown",
            "-o",
            "-",
        ]);
        ntm_with(&all, None, Some(dir.path()))
    };
    let of_panel = report(&["panel.csv", "-q"]);
    assert_eq!(of_panel.code, 0, "{}", of_panel.stderr);
    let history: Vec<&str> = months.iter().map(String::as_str).collect();
    // the report's own file is in the history too: it is read once
    let of_files = report(&[&["thang-12-2024.csv", "-q", "--history"], &history[..]].concat());
    assert_eq!(of_files.code, 0, "{}", of_files.stderr);
    assert_eq!(of_files.stdout, of_panel.stdout);
    let md = &of_files.stdout;
    // by hand: 2 standard communes in January (A, D), 3 in April (B joins), 2 in July (D
    // falls), 3 from September (C joins); the others meet 3 criteria of 4
    for row in [
        "- Kỳ: 2024-12 · Số xã: 4",
        "| 2024-01 | 4 | 2 | 2 | 0 | 0 | 2 | 2 | 0 | 3,5 |  | 2 xã |",
        "| 2024-04 | 4 | 1 | 3 | 0 | 0 | 3 | 1 | 0 | 3,75 |  | 3 xã |",
        "| 2024-07 | 4 | 2 | 2 | 0 | 0 | 2 | 2 | 0 | 3,5 |  | 2 xã |",
        "| 2024-12 | 4 | 1 | 3 | 0 | 0 | 3 | 1 | 0 | 3,75 |  | 3 xã |",
        // 1 commune still needed, 12 months to December 2025: 0.08 a month; 1 gained in 11
        // months: 0.09 a month; on track
        "| Số xã đạt chuẩn trở lên | 1 xã | 12 | 0,08 xã | 0,09 xã | có |",
        "| D | Xã Đông | 2024-06 | 2024-07 | Đạt chuẩn | Chưa đạt chuẩn | 3 – Văn hóa |",
    ] {
        assert!(md.contains(row), "{row}\n{md}");
    }
    assert_eq!(md.matches("\n| 2024-").count(), 12, "{md}");
    // the months to November as one panel give the same
    let of_both = report(&["thang-12-2024.csv", "-q", "--history", "den-thang-11.csv"]);
    assert_eq!(of_both.code, 0, "{}", of_both.stderr);
    assert_eq!(of_both.stdout, of_panel.stdout);
    // a file whose name gives no period takes --period
    std::fs::copy(
        dir.path().join("thang-12-2024.csv"),
        dir.path().join("bao-cao.csv"),
    )
    .unwrap();
    let nameless = report(&["bao-cao.csv", "--history", "den-thang-11.csv"]);
    assert_eq!(nameless.code, 2);
    assert!(
        nameless.stderr.contains(
            "error: tệp bao-cao.csv không có cột kỳ báo cáo (Kỳ, hoặc Năm và Tháng), và tên tệp cũng không cho biết kỳ (thang-12-2025.xlsx; thang-12.xlsx kèm --year 2025): diễn biến theo --history cần biết kỳ của tệp; hãy ghi kỳ bằng --period"
        ),
        "{}",
        nameless.stderr
    );
    let named = report(&[
        "bao-cao.csv",
        "--period",
        "2024-12",
        "-q",
        "--history",
        "den-thang-11.csv",
    ]);
    assert_eq!(named.stdout, of_panel.stdout);
    // and a history file whose name gives none is an error
    let nameless = report(&["thang-12-2024.csv", "--history", "bao-cao.csv"]);
    assert_eq!(nameless.code, 2);
    assert!(
        nameless.stderr.contains(
            "error: tệp bao-cao.csv không có cột kỳ báo cáo (Kỳ, hoặc Năm và Tháng), và tên tệp cũng không cho biết kỳ (thang-11-2025.xlsx, 2025-11.csv, hoặc thang-11.xlsx kèm --year 2025): hãy thêm cột Kỳ hoặc đặt tên tệp theo tháng\n"
        ),
        "{}",
        nameless.stderr
    );

    // a June report: the trend ends in June, with a note
    let june = report(&[&["thang-06-2024.csv", "--history"], &history[..]].concat());
    assert_eq!(june.code, 0, "{}", june.stderr);
    assert_eq!(
        june.stdout.matches("\n| 2024-").count(),
        6,
        "{}",
        june.stdout
    );
    assert!(
        june.stderr.contains(
            "note: diễn biến chỉ tính đến kỳ 2024-06, kỳ được báo cáo; 6 kỳ sau đó không được đưa vào (2024-07 đến 2024-12)"
        ),
        "{}",
        june.stderr
    );

    // a period in two files is an error naming both
    std::fs::copy(
        dir.path().join("thang-05-2024.csv"),
        dir.path().join("bieu-2024-05.csv"),
    )
    .unwrap();
    let twice = report(
        &[
            &["thang-12-2024.csv", "--history"],
            &history[..],
            &["bieu-2024-05.csv"],
        ]
        .concat(),
    );
    assert_eq!(twice.code, 2);
    assert!(
        twice.stderr.contains(
            "error: kỳ 2024-05 có trong cả hai tệp thang-05-2024.csv và bieu-2024-05.csv: mỗi kỳ chỉ được lấy từ một tệp"
        ),
        "{}",
        twice.stderr
    );
    assert!(twice.stdout.is_empty());
    let twice = report(&["panel.csv", "--history", "thang-03-2024.csv"]);
    assert_eq!(twice.code, 2);
    assert!(
        twice.stderr.contains(
            "error: kỳ 2024-03 có trong cả hai tệp panel.csv và thang-03-2024.csv: mỗi kỳ chỉ được lấy từ một tệp"
        ),
        "{}",
        twice.stderr
    );
}
