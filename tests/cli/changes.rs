//! `ntm diff OLD NEW`: what changed since the last survey.

use serde_json::Value;

use crate::util::{data, ntm};

fn diff(extra: &[&str]) -> crate::util::Run {
    let mut args = vec![
        "diff".to_owned(),
        data("month-1.csv"),
        data("month-2.csv"),
        "-c".to_owned(),
        data("mini-set.yaml"),
    ];
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    ntm(&args)
}

#[test]
fn losses_come_first_then_missing_then_upgrades_then_new() {
    let run = diff(&["-f", "csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "commune_id,commune,district,change,tier_before,tier_after,criteria_before,criteria_after,gained,lost,merged_into\n\
         A2,Xã Bình Minh,Hòa An,lost,advanced,standard,4,4,,,\n\
         A4,Xã Hưng Đạo,Thạch An,lost,none,none,1,2,1;3,2,\n\
         A6,Xã Lê Lai,Thạch An,missing,none,,0,,,,\n\
         A1,Xã Đồng Tâm,Hòa An,tier_up,standard,advanced,4,4,,,\n\
         A3,Xã Quang Trung,Thạch An,tier_up,none,standard,3,4,4,,\n\
         A5,Xã Lê Lợi,Thạch An,added,,none,,0,,,\n"
    );
}

#[test]
fn totals_and_check() {
    let run = diff(&["-f", "json", "--check"]);
    assert_eq!(run.code, 1, "a commune lost a tier: {}", run.stderr);
    let changes: Value = serde_json::from_str(&run.stdout).unwrap();
    let total = |name: &str| {
        changes["totals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["name"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(total("standard_communes")["change"], 1.0);
    assert_eq!(total("average_criteria")["change"], 0.4);
    assert_eq!(changes["communes"][0]["change"], "lost");

    // a survey against itself: nothing changed, --check passes
    let run = ntm(&[
        "diff",
        &data("month-2.csv"),
        &data("month-2.csv"),
        "-c",
        &data("mini-set.yaml"),
        "-f",
        "ndjson",
        "--check",
    ]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, "");
}

/// A code typed as a number in one file and as text in the other (`1229`, `01229`) is one
/// commune when the names agree, with a warning; with names that differ, two communes. In one
/// file, the two spellings of one commune are a repeat.
#[test]
fn codes_that_lost_their_leading_zeros_match_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("thang-10.csv");
    let new = dir.path().join("thang-11.csv");
    std::fs::write(
        &old,
        "Mã xã,Tên xã,TC1,TC2\n01229,Xã Yên Lạc,Đạt,Đạt\n01230,Xã Phúc Thịnh,Đạt,\n",
    )
    .unwrap();
    std::fs::write(
        &new,
        "Mã xã,Tên xã,TC1,TC2\n1229,Xa Yen Lac,Đạt,Không đạt\n1230,Xã Trung Phong,Đạt,\n",
    )
    .unwrap();
    let mini = data("mini-set.yaml");
    let run = ntm(&[
        "diff",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "-c",
        &mini,
        "-f",
        "csv",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows: Vec<&str> = run.stdout.lines().skip(1).collect();
    assert_eq!(
        rows,
        [
            "1229,Xa Yen Lac,,lost,none,none,2,1,,2,",
            "01230,Xã Phúc Thịnh,,missing,none,,1,,,,",
            "1230,Xã Trung Phong,,added,,none,,1,,,",
        ]
    );
    assert!(
        run.stderr.contains("warning: commune 01229 (Xã Yên Lạc) is 1229 in the new file: the codes differ only in leading zeros and the names agree, so they are taken as one commune"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("warning: codes 01230 (Xã Phúc Thịnh) and 1230 (Xã Trung Phong) differ only in leading zeros, but the names do not agree: they are taken as two communes"),
        "{}",
        run.stderr
    );

    let both = "Mã xã,Tên xã,TC1\n01229,Xã Yên Lạc,Đạt\n1229,Xã Yên Lạc,Đạt\n1230,Xã Khác,Đạt\n01230,Xã Khác nữa,Đạt\n";
    let run = crate::util::ntm_with(
        &["-q", "score", "-", "-c", &mini, "-f", "csv"],
        Some(both),
        None,
    );
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error[duplicate-code]: <stdin>:3: column \"Mã xã\": value \"1229\": duplicate commune: 01229 on line 2 is the same code with other leading zeros, and the same name (Xã Yên Lạc); write each code once, the same way (as text, to keep its zeros)\n"
    );
}

/// The two surveys are read side by side, but what is said of them comes as if one were read
/// after the other: the old survey's warnings, then the new one's; and nothing of the new one
/// when the old one fails.
#[test]
fn messages_of_the_two_surveys_come_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, csv: &str| std::fs::write(dir.path().join(name), csv).unwrap();
    write("old.csv", "commune_id,TC1,old_note\nA,Đạt,x\n");
    write("new.csv", "commune_id,TC1,new_note\nA,Đạt,x\nA,Đạt,x\n");
    write("bad.csv", "commune_id,TC1,bad_note\nA,Datt,x\n");
    let mini = data("mini-set.yaml");
    let run = crate::util::ntm_with(
        &["diff", "old.csv", "new.csv", "-c", &mini, "-f", "csv"],
        None,
        Some(dir.path()),
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 5, "{}", run.stderr);
    assert!(lines[1].contains("\"old_note\""), "{}", run.stderr);
    assert!(lines[3].contains("\"new_note\""), "{}", run.stderr);
    assert!(
        lines[4].starts_with("error[duplicate-id]: new.csv:3: column \"commune_id\""),
        "{}",
        run.stderr
    );
    let run = crate::util::ntm_with(
        &["diff", "bad.csv", "new.csv", "-c", &mini, "-f", "csv"],
        None,
        Some(dir.path()),
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!run.stderr.contains("new"), "{}", run.stderr);
    assert!(
        run.stderr.contains("error[not-a-verdict]: bad.csv:2"),
        "{}",
        run.stderr
    );
}
