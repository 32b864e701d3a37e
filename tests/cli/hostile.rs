//! Hostile input and process faults: a megabyte in one cell, terminal escapes, formulas and
//! markup in names, a full disk, a closed pipe or standard output, a signal mid-run. None of
//! them makes `ntm` abort, hang, leak a file, or say less than the truth with exit status 0.

use std::fmt::Write as _;
use std::path::Path;

use crate::util::{Run, data, ntm_with};

/// Runs `ntm` in `dir` with `args`, where `-c` names the mini set; no panic allowed.
fn run_in(dir: &Path, args: &[&str]) -> Run {
    let mini = data("mini-set.yaml");
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["-c", &mini]);
    let run = ntm_with(&all, None, Some(dir));
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

/// A folder with `t.csv` holding `csv`.
fn folder(csv: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.csv"), csv).unwrap();
    dir
}

const MEGABYTE: usize = 1 << 20;

#[test]
fn a_megabyte_in_one_cell_is_cut_in_tables_and_messages() {
    let long = "x".repeat(MEGABYTE);
    let told = format!("{}…({MEGABYTE} characters)", "x".repeat(80));
    // in a table: the first 80 characters and the length, whatever the format of the table
    let dir = folder(&format!(
        "commune_id,commune,region,year,TC1,TC2\nA,{long},NORTH,2024,Đạt,\n"
    ));
    for command in ["score", "gaps"] {
        let run = run_in(dir.path(), &[command, "t.csv", "-f", "table", "-q"]);
        assert_eq!(run.code, 0, "{command}: {}", run.stderr);
        assert!(run.stdout.len() < 10_000, "{command}: {}", run.stdout.len());
        // (the narrow column wraps the length)
        assert!(run.stdout.contains("x…(10"), "{command}: {}", run.stdout);
        assert!(
            run.stdout.contains("characters)"),
            "{command}: {}",
            run.stdout
        );
    }
    // CSV keeps the value whole
    let run = run_in(dir.path(), &["score", "t.csv", "-f", "csv", "-q"]);
    assert!(run.stdout.contains(&long));
    // in a message: one short line
    let dir = folder(&format!(
        "commune_id,region,year,1.1\nA,NORTH,2024,{long}\n"
    ));
    let run = run_in(dir.path(), &["score", "t.csv", "-f", "csv", "-q"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        format!(
            "error[not-a-number]: t.csv:2: column \"1.1\": value \"{told}\": not a number; expected a number such as 45.5 or 45,5 (or a verdict: Đạt, Không đạt, Chưa đạt or Cơ bản đạt)\n"
        )
    );
    // validate's table and its JSON (which keeps the value whole)
    let run = run_in(dir.path(), &["validate", "t.csv"]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.len() < 10_000, "{}", run.stdout.len());
    let run = run_in(dir.path(), &["validate", "t.csv", "-f", "json"]);
    assert!(run.stdout.contains(&long));
    // a megabyte header, and a megabyte where the header should name commune_id
    let dir = folder(&format!("commune_id,TC1,{long}\nA,Đạt,1\n"));
    let run = run_in(dir.path(), &["score", "t.csv", "-f", "csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.len() < 1000, "{}", run.stderr.len());
    let dir = folder(&format!("{long},TC1\nA,Đạt\n"));
    let run = run_in(dir.path(), &["score", "t.csv", "-f", "csv"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("no commune_id column"),
        "{}",
        run.stderr.len()
    );
    assert!(run.stderr.len() < 1000, "{}", run.stderr.len());
}

#[test]
fn terminal_escapes_from_the_data_are_written_out() {
    // an OSC that sets the window title, a CSI that clears the screen, a bell, C1 CSI, a
    // right-to-left override
    let evil = "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}";
    let written = "\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{9b}31m";
    let raw = |text: &str| text.contains(['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}']);
    let dir = folder(&format!(
        "commune_id,commune,district,region,year,TC1,TC2,note{evil}\n\
         A{evil},Xã {evil},Huyện {evil},NORTH,2024,Đạt,,x\n\
         B,Xã B,Huyện B,NORTH,2024,{evil},,x\n"
    ));
    for args in [
        &["score", "t.csv", "-f", "table"][..],
        &["gaps", "t.csv", "-f", "table"],
        &["progress", "t.csv", "-f", "table"],
        &["validate", "t.csv"],
        &["diff", "t.csv", "t.csv", "-f", "table"],
    ] {
        let run = run_in(dir.path(), args);
        assert!(!raw(&run.stdout), "{args:?}: {:?}", run.stdout);
        assert!(!raw(&run.stderr), "{args:?}: {:?}", run.stderr);
    }
    // the error names the value, written out, on one line
    let run = run_in(dir.path(), &["score", "t.csv", "-f", "csv", "-q"]);
    assert_eq!(run.code, 2);
    assert!(!raw(&run.stderr), "{:?}", run.stderr);
    assert!(
        run.stderr
            .contains(&format!("t.csv:3: column \"TC1\": value \"{written}")),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    let run = run_in(dir.path(), &["validate", "t.csv"]);
    assert!(run.stdout.contains("\\u{1b}]0;pwned"), "{}", run.stdout);
    // a line break in a value does not start a line of its own that could pass for a message
    let dir = folder("commune_id,region,year,1.1\nA,NORTH,2024,\"4\nerror: forged\"\n");
    let run = run_in(dir.path(), &["score", "t.csv", "-f", "csv", "-q"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("value \"4\\nerror: forged\""),
        "{}",
        run.stderr
    );
}

#[test]
fn many_warnings_of_one_kind_are_counted_on_one_line() {
    let mut csv = String::from("commune_id,TC1");
    for i in 0..10_000 {
        let _ = write!(csv, ",extra{i}");
    }
    csv.push_str("\nA,Đạt");
    csv.push_str(&",1".repeat(10_000));
    csv.push('\n');
    let dir = folder(&csv);
    let run = run_in(dir.path(), &["score", "t.csv", "-f", "csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let unused: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("not used by criteria set"))
        .collect();
    assert_eq!(unused.len(), 21, "{}", run.stderr);
    assert_eq!(
        unused[0],
        "warning[unknown-column]: t.csv:1: column \"extra0\": not used by criteria set mini-set and ignored"
    );
    assert_eq!(
        unused[20],
        "warning[unknown-column]: t.csv:1: … and 9980 more columns not used by criteria set mini-set, also ignored"
    );
    // validate: the same, as problems
    let run = run_in(dir.path(), &["validate", "t.csv", "-f", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let messages: Vec<&str> = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert!(
        messages
            .contains(&"… and 9980 more columns not used by criteria set mini-set, also ignored"),
        "{messages:?}"
    );
    assert!(messages.len() < 30, "{}", messages.len());
    assert_eq!(report["stats"]["by_code"]["unknown-column"], 21);
    // columns without a header: one warning
    let mut csv = String::from("commune_id,TC1");
    csv.push_str(&",".repeat(10_000));
    csv.push_str("\nA,Đạt");
    csv.push_str(&",1".repeat(10_000));
    csv.push('\n');
    let dir = folder(&csv);
    let run = run_in(dir.path(), &["score", "t.csv", "-f", "csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr.lines().next(),
        Some(
            "warning[blank-header]: t.csv: 10000 columns have no header and are ignored: columns 3–10002"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 2, "{}", run.stderr);
}

#[test]
fn validate_counts_the_problems_it_does_not_list() {
    // 1,200 bad rows: 1,000 errors are listed and the rest counted
    let mut csv = String::from("commune_id,region,year,1.1\n");
    for i in 0..1200 {
        let _ = writeln!(csv, "A{i},NORTH,2024,x");
    }
    let dir = folder(&csv);
    let run = run_in(dir.path(), &["validate", "t.csv", "-f", "json"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["problems"].as_array().unwrap().len(), 1000);
    assert!(
        report["problems"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["code"] == "not-a-number")
    );
    // every problem is counted, listed or not: 1,200 errors and the warning of the criteria
    // without a column
    assert_eq!(report["stats"]["errors"], 1200);
    assert_eq!(report["stats"]["warnings"], 1);
    assert_eq!(report["stats"]["by_code"]["not-a-number"], 1200);
    assert_eq!(report["stats"]["unlisted"], 201);
    assert_eq!(report["stats"]["rows"], 1200);
    assert_eq!(report["stats"]["communes"], 0);
    // and the table says so under the problems it lists
    let run = run_in(dir.path(), &["validate", "t.csv"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stdout.ends_with(
            "t.csv: 1200 errors, 1 warning (201 not listed); 1200 rows read, 0 scored\n"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn csv_neutralises_what_a_spreadsheet_would_evaluate() {
    let names = [
        "-inf",
        "+NaN",
        "+inf",
        "-infinity",
        "=1+1",
        "@SUM(A1)",
        "+84 912",
        "-1e9",
    ];
    let mut csv = String::from("commune_id,commune,district,region,year,1.1,TC2\n");
    for (i, name) in names.iter().enumerate() {
        let _ = writeln!(csv, "A{i},{name},{name},NORTH,2024,30,");
    }
    let dir = folder(&csv);
    let run = run_in(dir.path(), &["score", "t.csv", "-f", "csv", "-q"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for (line, name) in run.stdout.lines().skip(1).zip(names) {
        let fields: Vec<&str> = line.split(',').collect();
        assert_eq!(fields[1], format!("'{name}"), "{line}");
        assert_eq!(fields[2], format!("'{name}"), "{line}");
    }
    // numbers ntm writes stay numbers
    let run = run_in(dir.path(), &["gaps", "t.csv", "-f", "csv", "-q"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("'-inf,none,standard,1,1.1,not_met,30,42,>=,12"),
        "{}",
        run.stdout
    );
    // --raw writes text as it is
    let run = run_in(dir.path(), &["score", "t.csv", "-f", "csv", "-q", "--raw"]);
    assert!(run.stdout.contains("A0,-inf,-inf,"), "{}", run.stdout);
}

#[test]
fn markdown_shows_markup_in_names_as_text() {
    let names = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "a | b",
        "line\nbreak",
        "*bold* _it_ `code`",
    ];
    let mut csv = String::from("commune_id,commune,district,region,year,1.1,TC2\n");
    for (i, name) in names.iter().enumerate() {
        let _ = writeln!(csv, "A{i},\"{name}\",\"{name}\",NORTH,2024,30,");
    }
    let dir = folder(&csv);
    // what would be markup if it came through unescaped: a tag, a link, a cell boundary,
    // emphasis
    let unsafe_markup = |md: &str| {
        [
            "<script",
            "<img",
            "](javascript",
            "*bold*",
            "_it_",
            "`code`",
            "a | b",
            "line\nbreak",
        ]
        .into_iter()
        .find(|bad| {
            md.match_indices(bad)
                .any(|(at, _)| !md[..at].ends_with('\\'))
        })
    };
    let run = run_in(dir.path(), &["report", "t.csv", "-o", "r.md", "-q"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report = std::fs::read_to_string(dir.path().join("r.md")).unwrap();
    assert_eq!(unsafe_markup(&report), None, "{report}");
    assert!(
        report.contains("\\<script\\>alert(1)\\</script\\>"),
        "{report}"
    );
    assert!(report.contains("line<br>break"), "{report}");
    // every row of a table has as many cells as its header
    let mut header = None;
    for line in report.lines() {
        if !line.starts_with('|') {
            header = None;
            continue;
        }
        let cells = line.replace("\\|", "").matches('|').count();
        assert_eq!(cells, *header.get_or_insert(cells), "{line}");
    }
    let run = run_in(
        dir.path(),
        &[
            "progress", "t.csv", "-f", "markdown", "-q", "--by", "district",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(unsafe_markup(&run.stdout), None, "{}", run.stdout);
    assert!(
        run.stdout.contains("\\[x\\](javascript:alert(1))"),
        "{}",
        run.stdout
    );
}

/// `ntm` with `args`, run by `sh -c` with `redirect` appended (`>&-`, `> /dev/full`).
fn ntm_sh(args: &[&str], redirect: &str, dir: &Path) -> Run {
    let ntm = assert_cmd::cargo::cargo_bin("ntm");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("exec \"$0\" \"$@\" {redirect}"))
        .arg(ntm)
        .args(args)
        .current_dir(dir)
        .env("NTM_LANG", "en")
        .output()
        .expect("sh runs");
    let run = Run::from(out);
    assert!(!run.stderr.contains("panicked"), "{args:?}: {}", run.stderr);
    run
}

#[test]
fn a_failed_write_is_an_error_and_a_closed_pipe_is_not() {
    let dir = folder("commune_id,TC1\nA,Đạt\n");
    let mini = data("mini-set.yaml");
    let commands: [&[&str]; 8] = [
        &["completions", "bash"],
        &["man"],
        &["--help"],
        &["--version"],
        &["score", "t.csv", "-c", &mini, "-q"],
        &["validate", "t.csv", "-c", &mini],
        &["progress", "t.csv", "-c", &mini, "-q"],
        &["criteria", "list"],
    ];
    for args in commands {
        // a full disk
        let run = ntm_sh(args, "> /dev/full", dir.path());
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr
                .starts_with("error: <stdout>: No space left on device"),
            "{args:?}: {}",
            run.stderr
        );
        // standard output closed
        let run = ntm_sh(args, ">&-", dir.path());
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.starts_with("error: standard output is closed"),
            "{args:?}: {}",
            run.stderr
        );
        // a reader that is gone: quiet, status 0
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("ntm"))
            .args(args)
            .current_dir(dir.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let run = Run::from(out);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert_eq!(run.stderr, "", "{args:?}");
    }
    // standard output closed does not matter when the output goes to a file
    let run = ntm_sh(
        &["score", "t.csv", "-c", &mini, "-q", "-o", "out.csv"],
        ">&-",
        dir.path(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(dir.path().join("out.csv").exists());
    // nor is /dev/null as a shell opens it
    let run = ntm_sh(&["score", "t.csv", "-c", &mini], "> /dev/null", dir.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// The names of the files in `dir`, sorted.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_signal_mid_run_leaves_no_temporary_file() {
    use std::io::Write as _;
    let mini = data("mini-set.yaml");
    // (a signal this process was started ignoring, as a shell script's background job ignores
    // SIGINT, is ignored by ntm too: nothing to see then)
    let ignored = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let mask = s.lines().find_map(|l| l.strip_prefix("SigIgn:"))?;
            u64::from_str_radix(mask.trim(), 16).ok()
        })
        .unwrap_or(0);
    for (signal, number, status) in [("INT", 2, 130), ("TERM", 15, 143), ("HUP", 1, 129)] {
        if ignored & (1 << (number - 1)) != 0 {
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        // the survey comes on standard input, which stays open: the run waits mid-way, its
        // output half written
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("ntm"))
            .args(["score", "-", "-c", &mini, "-q", "-o", "out.csv"])
            .current_dir(dir.path())
            .stdin(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(b"commune_id,TC1\nA,\xc4\x90\xe1\xba\xa1t\n")
            .unwrap();
        stdin.flush().unwrap();
        let temporary = || {
            files_in(dir.path())
                .into_iter()
                .any(|f| f.starts_with(".ntm-"))
        };
        // (a bound, not a timing: the file appears as soon as the header is read)
        for _ in 0..3000 {
            if temporary() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert!(temporary(), "{signal}: no temporary file appeared");
        let killed = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        assert!(killed.success());
        let out = child.wait_with_output().unwrap();
        drop(stdin);
        assert_eq!(out.status.code(), Some(status), "{signal}");
        assert_eq!(files_in(dir.path()), Vec::<String>::new(), "{signal}");
    }
}

#[test]
fn a_table_lays_out_the_first_two_thousand_communes_and_counts_the_rest() {
    let mut csv = String::from("commune_id,commune,district,region,year,TC1,TC2\n");
    for i in 0..2100 {
        let _ = writeln!(csv, "A{i},Xã {i},Huyện {i},NORTH,2024,Đạt,");
    }
    let dir = folder(&csv);
    let cases: [(&[&str], &str); 3] = [
        (
            &["--lang", "en", "score", "t.csv", "-f", "table", "-q"],
            "… and 100 more communes not shown (a table shows the first 2000); --format csv, json, ndjson, xlsx gives every one",
        ),
        (
            &["--lang", "vi", "gaps", "t.csv", "-f", "table", "-q"],
            "… và 100 xã nữa không hiện trong bảng (bảng chỉ hiện 2000 xã đầu); --format csv, json, ndjson, xlsx cho đủ mọi xã",
        ),
        (
            &["--lang", "en", "progress", "t.csv", "-f", "table", "-q"],
            "… and 100 more rows not shown (a table shows the first 2000); --format json, markdown gives every one",
        ),
    ];
    for (args, last) in cases {
        let run = run_in(dir.path(), args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert!(run.stdout.lines().any(|l| l == last), "{args:?}");
        if args[2] != "progress" {
            assert!(run.stdout.contains("A1999"), "{args:?}");
            assert!(!run.stdout.contains("A2000"), "{args:?}");
        }
    }
}

/// The whole report — head, headline, targets of a district, candidates, changes, signature,
/// appendix — shows markup in names as text, in Markdown and in HTML: names of communes and
/// districts, the province and the issuing office alike.
#[test]
fn every_part_of_the_report_shows_markup_in_names_as_text() {
    let bad = "a | *b* _c_ <i>d</i> [e](javascript:f) #g";
    let rows = |tc4: &str| {
        format!(
            "commune_id,commune,district,region,year,1.1,1.2,2.1,TC3,TC4,NC1,NC2\n\
             A1,\"{bad}\",\"{bad}\",NORTH,2024,61,Đạt,Đạt,Đạt,Đạt,,Đạt\n\
             A2,\"Xã {bad}\",\"{bad}\",NORTH,2024,58,Đạt,Đạt,Đạt,{tc4},,\n"
        )
    };
    let dir = folder(&rows("Không đạt"));
    std::fs::write(dir.path().join("old.csv"), rows("Đạt")).unwrap();
    std::fs::write(
        dir.path().join("t.yaml"),
        format!(
            "province: \"{bad}\"\ntargets:\n  standard_communes: 2\ndistricts:\n  \"{bad}\": {{ standard_communes: 2 }}\n"
        ),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("ntm.toml"),
        format!("[report]\nissuer = [\"{bad}\"]\nplace = \"{bad}\"\nsigner = [\"{bad}\"]\n"),
    )
    .unwrap();
    let args = |out: &'static str| {
        [
            "report",
            "t.csv",
            "--targets",
            "t.yaml",
            "--previous",
            "old.csv",
            "-o",
            out,
            "-q",
        ]
    };
    let run = run_in(dir.path(), &args("r.md"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let md = std::fs::read_to_string(dir.path().join("r.md")).unwrap();
    let escaped = "a \\| \\*b\\* \\_c\\_ \\<i\\>d\\</i\\> \\[e\\](javascript:f) \\#g";
    // in the head, the headline, the district's targets, the candidates, the changes, the
    // signature and the appendix
    assert!(md.matches(escaped).count() >= 8, "{md}");
    for unescaped in ["*b*", "_c_", "<i>", "[e]", " | *"] {
        assert!(
            md.match_indices(unescaped)
                .all(|(at, _)| md[..at].ends_with('\\')),
            "{unescaped} in {md}"
        );
    }
    // every row of every table has as many cells as its header
    let mut header = None;
    for line in md.lines() {
        if !line.starts_with('|') {
            header = None;
            continue;
        }
        let cells = line.replace("\\|", "").matches('|').count();
        assert_eq!(cells, *header.get_or_insert(cells), "{line}");
    }
    let run = run_in(dir.path(), &args("r.html"));
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = std::fs::read_to_string(dir.path().join("r.html")).unwrap();
    assert!(!html.contains("<i>d</i>"), "{html}");
    assert!(
        html.matches("a | *b* _c_ &lt;i&gt;d&lt;/i&gt; [e](javascript:f) #g")
            .count()
            >= 8
    );
}
