//! Bad input: every problem named with file, line, column and value; exit status 2; no panic;
//! output stopped at the first bad row; no partial output file.

use std::fmt::Write as _;

use crate::util::{data, ntm, ntm_with};

fn score_stdin(csv: &str, extra: &[&str]) -> crate::util::Run {
    let mini = data("mini-set.yaml");
    let mut args = vec!["score", "-", "-c", mini.as_str(), "-f", "csv"];
    args.extend_from_slice(extra);
    ntm_with(&args, Some(csv), None)
}

#[test]
fn every_bad_cell_is_reported_and_output_stops_at_the_first_bad_row() {
    let run = score_stdin(
        "commune_id,region,year,1.1,TC3\n\
         A,NORTH,2024,45,Đạt\n\
         B,NORTH,2024,4x5,Đạt\n\
         C,NORTH,2024,50,Đạt\n\
         D,Mars,2024,50,kinda\n",
        &[],
    );
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stdout,
        "commune_id,commune,district,criteria_met,criteria_total,criteria_not_assessed,criteria_basically_met,tier,next_tier,band,unmet,basically_met,not_assessed,hamlets,hamlets_standard,hamlets_model\n\
         A,,,1,4,3,0,none,standard,<2,,,1;2;4,,,\n"
    );
    assert_eq!(
        run.stderr,
        "warning[missing-criteria]: <stdin>: 2 of 4 criterion columns found; criteria 2, 4 are not assessed\n\
         error[not-a-number]: <stdin>:3: column \"1.1\": value \"4x5\": not a number; expected a number such as 45.5 or 45,5 (or a verdict: Đạt, Không đạt, Chưa đạt or Cơ bản đạt)\n\
         error[unknown-region]: <stdin>:5: column \"region\": value \"Mars\": unknown region; expected one of NORTH, SOUTH (or the full name)\n\
         error[not-a-verdict]: <stdin>:5: column \"TC3\": value \"kinda\": expected Đạt, Không đạt, Chưa đạt, Cơ bản đạt (or yes/no, Có/Không, true/false, 1/0, x)\n"
    );
}

#[test]
fn rows_after_blank_lines_are_named_by_their_own_line() {
    // a row after blank lines, one spanning lines (a quoted line break), a ragged one after a
    // Windows blank line, and a last row without a line break
    let run = score_stdin(
        "commune_id,commune,region,year,1.1\n\
         A,\"Xã\nSố 1\",NORTH,2024,45\n\
         \n\
         \n\
         B,\"X\n\ny\",NORTH,20x4,45\r\n\
         \r\n\
         C,z,NORTH,2024\n\
         \n\
         D,w,NORTH,2024,4x5",
        &[],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "warning[missing-criteria]: <stdin>: 1 of 4 criterion columns found; criteria 2–4 are not assessed\n\
         error[not-a-year]: <stdin>:6: column \"year\": value \"20x4\": expected a year such as 2024\n\
         error[ragged-row]: <stdin>:10: row has 4 fields but the header has 5; every row needs one field per column\n\
         error[not-a-number]: <stdin>:12: column \"1.1\": value \"4x5\": not a number; expected a number such as 45.5 or 45,5 (or a verdict: Đạt, Không đạt, Chưa đạt or Cơ bản đạt)\n"
    );
}

#[test]
fn no_output_file_appears_when_the_input_is_bad() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("in.csv");
    std::fs::write(&csv, "commune_id,1.1\nA,45\nB,abc\n").unwrap();
    let run = ntm_with(
        &[
            "score",
            "in.csv",
            "-c",
            &data("mini-set.yaml"),
            "-o",
            "out.csv",
        ],
        None,
        Some(dir.path()),
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("in.csv:3: column \"1.1\": value \"abc\"")
    );
    let files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(files, ["in.csv"]);
}

/// `-o` naming an input file is refused before anything is read or written: the survey stays
/// as it was.
#[test]
fn the_output_may_not_replace_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let survey = "commune_id,TC1\nA,Đạt\n";
    std::fs::write(dir.path().join("in.csv"), survey).unwrap();
    let mini = data("mini-set.yaml");
    for args in [
        vec!["score", "in.csv", "-c", &mini, "-o", "in.csv"],
        vec!["score", "in.csv", "-c", &mini, "-o", "./in.csv"],
        vec!["gaps", "in.csv", "-c", &mini, "-o", "in.csv"],
        vec!["progress", "in.csv", "-c", &mini, "-o", "in.csv"],
        vec!["diff", "in.csv", "in.csv", "-c", &mini, "-o", "in.csv"],
        vec!["report", "in.csv", "-c", &mini, "-o", "in.csv"],
    ] {
        let run = ntm_with(&args, None, Some(dir.path()));
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("names the input file") && run.stderr.contains("in.csv"),
            "{args:?}: {}",
            run.stderr
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("in.csv")).unwrap(),
            survey,
            "{args:?}"
        );
    }
}

#[test]
fn problems_are_capped_and_the_rest_counted() {
    let mut csv = String::from("commune_id,TC1\n");
    for i in 0..80 {
        let _ = writeln!(csv, "C{i},maybe");
    }
    let run = score_stdin(&csv, &[]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr
            .lines()
            .filter(|l| l.starts_with("error[not-a-verdict]:") || l.starts_with("error:"))
            .count(),
        51
    );
    assert!(
        run.stderr
            .ends_with("error: … and 30 more problem(s) not shown\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn duplicate_ids_ragged_rows_and_hamlet_counts() {
    let run = score_stdin(
        "commune_id,TC1,hamlets,hamlets_standard\nA,Đạt,5,2\nA,Đạt,5,6\nB,Đạt,1\nC,Đạt,-1,0\n",
        &[],
    );
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "warning[missing-criteria]: <stdin>: 1 of 4 criterion columns found; criteria 2–4 are not assessed\n\
         error[duplicate-id]: <stdin>:3: column \"commune_id\": value \"A\": duplicate commune_id; first seen on line 2\n\
         error[count-over-total]: <stdin>:3: column \"hamlets_standard\": value \"6\": more than the commune's 5 hamlets\n\
         error[ragged-row]: <stdin>:4: row has 3 fields but the header has 4; every row needs one field per column\n\
         error[not-a-count]: <stdin>:5: column \"hamlets\": value \"-1\": expected a whole number of hamlets, 0 or more\n"
    );
}

#[test]
fn a_value_that_needs_the_year_or_region_says_so() {
    let run = score_stdin(
        "commune_id,region,year,1.1\nA,,2024,45\nB,NORTH,,45\nC,NORTH,2031,45\n",
        &[],
    );
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "warning[missing-criteria]: <stdin>: 1 of 4 criterion columns found; criteria 2–4 are not assessed\n\
         error[missing-region]: <stdin>:2: column \"region\": value \"\": indicator 1.1: thresholds differ by region, and this row has none; fill in column \"region\"\n\
         error[missing-year]: <stdin>:3: column \"year\": value \"\": indicator 1.1: thresholds differ by year, and this row has none; add a year column or pass --year\n\
         error[year-outside-set]: <stdin>:4: column \"year\": value \"2031\": year 2031 is outside the period of criteria set mini-set (2023–2024) and no built-in set is for that year\n"
    );
}

#[test]
fn header_problems() {
    let run = score_stdin("id,name\n1,a\n", &[]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error[no-id-column]: <stdin>:1: no commune_id column; the header must name one: commune_id, Mã xã, Mã số xã, Mã ĐVHC or Mã đơn vị hành chính (found: id, name)\n"
    );
    let run = score_stdin("", &[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("no commune_id column"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_header_alone_gives_an_empty_result() {
    let run = score_stdin("commune_id,TC1\n", &[]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout.lines().count(), 1);
    let mini = data("mini-set.yaml");
    let run = ntm_with(
        &["score", "-", "-c", &mini, "-f", "json"],
        Some("commune_id,TC1\n"),
        None,
    );
    assert_eq!(run.stdout, "[]\n");
}

#[test]
fn every_cell_that_is_not_utf8_is_named_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bytes.csv");
    std::fs::write(
        &path,
        b"commune_id,commune,region,year,1.1,notes\n\xff,X,NORTH,2024,4\xe9,\xe9\n",
    )
    .unwrap();
    let run = ntm(&[
        "score",
        path.to_str().unwrap(),
        "-c",
        &data("mini-set.yaml"),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let errors: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("not valid UTF-8"))
        .collect();
    assert_eq!(errors.len(), 2, "{}", run.stderr);
    assert!(errors[0].contains("bytes.csv:2: column \"commune_id\": value \"\u{fffd}\""));
    assert!(errors[1].contains("bytes.csv:2: column \"1.1\": value \"4\u{fffd}\""));
    // the blank id it reads as is not reported a second time; the unused column is not read
    assert!(
        !run.stderr.contains("commune_id is required"),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("column \"notes\": value"),
        "{}",
        run.stderr
    );
}

#[test]
fn text_that_is_not_utf8_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin.csv");
    std::fs::write(
        &path,
        b"commune_id,commune,TC1\nA,X\xe3 M\xf4t,\xc4\x90\xe1\xba\xa1t\n",
    )
    .unwrap();
    let run = ntm(&[
        "score",
        path.to_str().unwrap(),
        "-c",
        &data("mini-set.yaml"),
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("latin.csv:2: column \"commune\": value \"X\u{fffd} M\u{fffd}t\": text is not valid UTF-8"),
        "{}",
        run.stderr
    );
}

#[test]
fn missing_files_and_unknown_sets() {
    let run = ntm(&["score", "no-such-file.csv"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.starts_with("error: no-such-file.csv: "),
        "{}",
        run.stderr
    );

    let run = ntm(&["score", &data("communes.csv"), "-c", "vn-commune-1999"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "no built-in criteria set \"vn-commune-1999\" and no such file; built-in sets: vn-commune-2016-2020, vn-commune-2021-2025, vn-commune-2026-2030"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(ntm(&["score"]).code, 2);
    assert_eq!(ntm(&["score", "a.csv", "--format", "xml"]).code, 2);
    assert_eq!(ntm(&["score", "a.csv", "--year", "20"]).code, 2);
    assert_eq!(ntm(&["--help"]).code, 0);
}
