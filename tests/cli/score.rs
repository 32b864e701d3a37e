//! `ntm score`: every format on one fixture, compared whole; JSON checked by its schema.

use std::fmt::Write as _;

use serde::Deserialize;

use crate::util::{data, expected, ntm, ntm_with};

/// The JSON contract of one scored commune: exactly these keys.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct Row {
    commune_id: String,
    commune: String,
    district: String,
    criteria_met: u32,
    criteria_total: u32,
    criteria_not_assessed: u32,
    criteria_basically_met: u32,
    tier: String,
    next_tier: Option<String>,
    band: String,
    unmet: Vec<String>,
    basically_met: Vec<String>,
    not_assessed: Vec<String>,
    hamlets: Option<u32>,
    hamlets_standard: Option<u32>,
    hamlets_model: Option<u32>,
}

fn score(format: &str) -> crate::util::Run {
    ntm(&[
        "score",
        &data("communes.csv"),
        "--criteria",
        &data("mini-set.yaml"),
        "--format",
        format,
    ])
}

#[test]
fn every_format_matches_its_golden_file() {
    for format in ["csv", "json", "ndjson", "table"] {
        // the goldens' labels are Vietnamese
        let run = ntm(&[
            "score",
            "--lang",
            "vi",
            &data("communes.csv"),
            "--criteria",
            &data("mini-set.yaml"),
            "--format",
            format,
        ]);
        assert_eq!(run.code, 0, "{format}: {}", run.stderr);
        assert_eq!(
            run.stdout,
            expected(&format!("communes.{format}")),
            "{format}"
        );
    }
}

#[test]
fn warnings_go_to_stderr_naming_line_and_column() {
    let run = score("csv");
    let stderr = run.stderr.replace(&data("communes.csv"), "communes.csv");
    assert_eq!(
        stderr,
        "warning[verdict-disagrees]: communes.csv:2: column \"NC1\": says \"Đạt\" but the indicators give \"Không đạt\"; the indicators are used\n\
         warning[verdict-disagrees]: communes.csv:5: column \"TC4\": says \"Đạt\" but the indicators give \"Không đạt\"; the indicators are used\n\
         warning[unverified-threshold]: thresholds of indicator(s) 4.1 are not verified against the legal text; see `ntm criteria show mini-set`\n"
    );
}

#[test]
fn json_and_ndjson_carry_the_same_rows_with_exactly_the_documented_keys() {
    let array: Vec<Row> = serde_json::from_str(&score("json").stdout).unwrap();
    let lines: Vec<Row> = score("ndjson")
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(array, lines);
    let tiers: Vec<_> = array.iter().map(|r| r.tier.as_str()).collect();
    assert_eq!(tiers, ["standard", "advanced", "none", "none", "none"]);
    let next: Vec<_> = array.iter().map(|r| r.next_tier.as_deref()).collect();
    assert_eq!(
        next,
        [
            Some("advanced"),
            Some("model"),
            Some("standard"),
            Some("standard"),
            Some("standard")
        ]
    );
    assert_eq!(array[2].unmet, ["1"]);
    assert_eq!(array[2].basically_met, ["3"]);
    assert_eq!(array[2].not_assessed, ["4"]);
    assert_eq!(array[4].criteria_not_assessed, 4);
    assert!(array.iter().all(|r| r.criteria_total == 4));
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let csv = std::fs::read_to_string(data("communes.csv")).unwrap();
    let run = ntm_with(
        &["score", "-", "-c", &data("mini-set.yaml"), "-f", "csv"],
        Some(&csv),
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, expected("communes.csv"));
    assert!(
        run.stderr.contains("<stdin>:2: column \"NC1\""),
        "{}",
        run.stderr
    );
}

#[test]
fn output_file_is_written_whole_and_its_format_follows_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    let run = ntm_with(
        &[
            "score",
            &data("communes.csv"),
            "-c",
            &data("mini-set.yaml"),
            "-o",
            "scores.json",
        ],
        None,
        Some(dir.path()),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    let written = std::fs::read_to_string(dir.path().join("scores.json")).unwrap();
    assert_eq!(written, expected("communes.json"));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers, ["scores.json"]);
}

/// `-o` naming a device or a named pipe (`-o /dev/null` when timing a run) writes to it: a
/// file renamed over it would put a plain file in its place.
#[cfg(unix)]
#[test]
fn output_to_a_named_pipe_writes_to_the_pipe() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("scores.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let run = ntm(&[
        "score",
        &data("communes.csv"),
        "-c",
        &data("mini-set.yaml"),
        "-o",
        fifo.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // (checked first: were the pipe replaced, the reader would wait for ever)
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(reader.join().unwrap(), expected("communes.csv"));
    let entries = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(entries, 1, "no temporary file is left");
}

#[test]
fn english_labels() {
    let run = ntm(&[
        "--lang",
        "en",
        "score",
        &data("communes.csv"),
        "-c",
        &data("mini-set.yaml"),
        "-f",
        "table",
    ]);
    assert!(run.stdout.contains("Commune id"), "{}", run.stdout);
    assert!(run.stdout.contains("Advanced"));
    assert!(run.stdout.contains("Xã Đồng Tâm"));
}

#[test]
fn the_year_can_come_from_the_command_line() {
    let csv = "commune_id,region,1.1,1.2\nA,NORTH,41,Đạt\n";
    let mini = data("mini-set.yaml");
    let with_year = |year: &str| {
        ntm_with(
            &["score", "-", "-c", &mini, "-f", "csv", "--year", year],
            Some(csv),
            None,
        )
    };
    // 41 meets the 2023 level (40) but not the 2024 level (42)
    assert!(
        with_year("2023")
            .stdout
            .contains("A,,,1,4,3,0,none,standard,<2")
    );
    assert!(
        with_year("2024")
            .stdout
            .contains("A,,,0,4,3,0,none,standard,<2")
    );
}

#[test]
fn a_closed_pipe_ends_quietly() {
    for (format, first) in [
        ("ndjson", "{\"commune_id\":\"C0\""),
        ("csv", "commune_id,commune,"),
        ("json", "["),
    ] {
        closed_pipe(format, first);
    }
}

/// Reads the first line of `ntm score -f format` and closes the pipe.
fn closed_pipe(format: &str, first_line: &str) {
    use std::io::{BufRead, BufReader, Write};
    use std::process::{Command, Stdio};

    let mut csv = String::from("commune_id,TC1,TC2,TC3,TC4\n");
    for i in 0..200_000 {
        let _ = writeln!(csv, "C{i},Đạt,Đạt,Không đạt,");
    }
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("ntm"))
        .args(["score", "-", "-c", &data("mini-set.yaml"), "-f", format])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(csv.as_bytes());
    });
    let mut first = String::new();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    reader.read_line(&mut first).unwrap();
    assert!(first.starts_with(first_line), "{format}: {first}");
    drop(reader);
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(0), "{format}");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{format}");
}

/// `--bom` starts CSV with the byte-order mark Excel on Windows needs to read UTF-8, to
/// standard output or a file; it is refused for a format that is not CSV.
#[test]
fn a_byte_order_mark_for_excel_on_windows() {
    let mini = crate::util::data("mini-set.yaml");
    let survey = crate::util::data("communes.csv");
    let run = crate::util::ntm(&["score", &survey, "-c", &mini, "-f", "csv", "--bom"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("\u{feff}commune_id,"),
        "{:?}",
        &run.stdout[..20]
    );
    let plain = crate::util::ntm(&["score", &survey, "-c", &mini, "-f", "csv"]);
    assert_eq!(run.stdout.trim_start_matches('\u{feff}'), plain.stdout);

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ket-qua.csv");
    let run = crate::util::ntm(&[
        "gaps",
        &survey,
        "-c",
        &mini,
        "--bom",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        std::fs::read(&out)
            .unwrap()
            .starts_with(b"\xEF\xBB\xBFcommune_id,")
    );

    let run = crate::util::ntm(&["score", &survey, "-c", &mini, "-f", "json", "--bom"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: --bom starts CSV output with a byte-order mark; the output here is json: drop --bom, or pass --format csv\n"
    );
}

/// A 2021–2025 survey in which every commune meets all 19 criteria by verdict, with the
/// recognition conditions of QĐ 18/2022 Article 4 in `conditions` (header, then one cell per
/// commune A–E), or without them.
fn meeting_all_criteria(conditions: Option<(&str, [&str; 5])>) -> String {
    let mut csv = String::from("commune_id,commune,region,year");
    for n in 1..=19 {
        write!(csv, ",TC{n}").unwrap();
    }
    if let Some((header, _)) = conditions {
        csv.push(',');
        csv.push_str(header);
    }
    csv.push('\n');
    for (i, id) in ["A", "B", "C", "D", "E"].iter().enumerate() {
        write!(csv, "{id},Xã {id},DBSH,2024").unwrap();
        for n in 1..=19 {
            // E misses criterion 5: the conditions do not matter for it
            csv.push_str(if *id == "E" && n == 5 {
                ",Không đạt"
            } else {
                ",Đạt"
            });
        }
        if let Some((_, cells)) = conditions {
            csv.push(',');
            csv.push_str(cells[i]);
        }
        csv.push('\n');
    }
    csv
}

#[test]
fn recognition_conditions_count_only_where_the_survey_has_their_columns() {
    let dir = tempfile::tempdir().unwrap();
    let tiers = |csv: &str| {
        let path = dir.path().join("khao-sat.csv");
        std::fs::write(&path, csv).unwrap();
        let run = ntm(&[
            "score",
            path.to_str().unwrap(),
            "--criteria",
            "vn-commune-2021-2025",
            "--format",
            "csv",
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let tiers: Vec<String> = run
            .stdout
            .lines()
            .skip(1)
            .map(|l| l.split(',').nth(7).unwrap().to_owned())
            .collect();
        (
            tiers,
            run.stderr.replace(path.to_str().unwrap(), "khao-sat.csv"),
        )
    };

    // without the columns a tier means meeting the criteria
    let (without, _) = tiers(&meeting_all_criteria(None));
    assert_eq!(
        without,
        ["standard", "standard", "standard", "standard", "none"]
    );

    // with them, each is required: met (Có, Đạt), not met, blank (not assessed)
    let (with, stderr) = tiers(&meeting_all_criteria(Some((
        "no_construction_debt,satisfaction,security",
        [
            "Có,Đạt,Có",
            "Có,Đạt,Không",
            "Có,,Có",
            "Đạt,Đạt,Đạt",
            "Không,Không,Không",
        ],
    ))));
    assert_eq!(with, ["standard", "none", "none", "standard", "none"]);
    assert!(
        stderr.contains(
            "warning[condition-not-met]: khao-sat.csv:3: column \"security\": says \"Không đạt\": the commune meets the criteria of tier standard but recognition needs \"No complex security and order situation\" (QĐ 18/2022/QĐ-TTg, Điều 4, điều kiện 4), so the commune is not counted at that tier"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "warning[condition-not-met]: khao-sat.csv:4: column \"satisfaction\": is blank (not assessed): the commune meets the criteria of tier standard"
        ),
        "{stderr}"
    );
    // E fails on a criterion: its conditions are not what keeps it back
    assert!(!stderr.contains("khao-sat.csv:6:"), "{stderr}");

    // the headings offices write find the same columns; the warning names the heading
    let (office, stderr) = tiers(&meeting_all_criteria(Some((
        "Không nợ đọng XDCB,Người dân hài lòng,\"An ninh, trật tự\"",
        [
            "Có,Đạt,Có",
            "Có,Đạt,Không",
            "Có,,Có",
            "Đạt,Đạt,Đạt",
            "Không,Không,Không",
        ],
    ))));
    assert_eq!(office, with);
    assert!(
        stderr.contains("khao-sat.csv:3: column \"An ninh, trật tự\": says \"Không đạt\""),
        "{stderr}"
    );
    // a heading that reads the other way is none of them: it is left unread, and said so
    let (reversed, stderr) = tiers(&meeting_all_criteria(Some((
        "Nợ đọng XDCB",
        ["Không", "Có", "Không", "Không", "Không"],
    ))));
    assert_eq!(reversed, without);
    assert!(stderr.contains("Nợ đọng XDCB"), "{stderr}");

    // a condition cell that is not a verdict is an error at its cell
    let path = dir.path().join("sai.csv");
    std::fs::write(
        &path,
        meeting_all_criteria(Some(("security", ["Có", "chưa rõ", "Có", "Có", "Có"]))),
    )
    .unwrap();
    let run = ntm(&[
        "score",
        path.to_str().unwrap(),
        "--criteria",
        "vn-commune-2021-2025",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains(":3: column \"security\": value \"chưa rõ\": expected Đạt, Không đạt"),
        "{}",
        run.stderr
    );
}
