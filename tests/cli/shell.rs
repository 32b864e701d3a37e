//! The command line as a tool: version, help, man page, colour, verbosity and the
//! `ntm.toml` defaults file.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command as Process;

use crate::util::{external, ntm, ntm_env, ntm_with, repo};

#[test]
fn version_names_every_built_in_set() {
    let run = ntm(&["--version"]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout
            .starts_with(&format!("ntm {}\n", env!("CARGO_PKG_VERSION")))
    );
    for set in ntm::criteria::BUILTIN_SETS {
        assert!(
            run.stdout.contains(set.id),
            "{} missing:\n{}",
            set.id,
            run.stdout
        );
    }
    let listed = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("  vn-"))
        .count();
    assert_eq!(listed, ntm::criteria::BUILTIN_SETS.len(), "{}", run.stdout);
}

#[test]
fn every_subcommand_help_has_examples() {
    for args in [
        &["score"][..],
        &["gaps"],
        &["progress"],
        &["diff"],
        &["validate"],
        &["template"],
        &["report"],
        &["criteria"],
        &["criteria", "list"],
        &["criteria", "show"],
        &["criteria", "check"],
        &["criteria", "diff"],
        &["completions"],
        &["man"],
    ] {
        let mut with_help = args.to_vec();
        with_help.push("--help");
        // the default language: no NTM_LANG
        let run = crate::util::ntm_env(&with_help, &[], None, None);
        assert_eq!(run.code, 0, "{args:?}");
        assert!(
            run.stdout.contains("Ví dụ:") || run.stdout.contains("Cài đặt"),
            "{args:?}:\n{}",
            run.stdout
        );
        with_help.insert(0, "--lang=en");
        let run = ntm(&with_help);
        assert!(
            run.stdout.contains("Examples:") || run.stdout.contains("Install"),
            "{args:?}:\n{}",
            run.stdout
        );
    }
}

/// Whether `help` is the Vietnamese help, or else the English one.
fn is_vietnamese(help: &str) -> bool {
    let vi = help.contains("Cách dùng: ntm") && help.contains("Tùy chọn:");
    let en = help.contains("Usage: ntm") && help.contains("Options:");
    assert!(vi != en, "one language:\n{help}");
    vi
}

#[test]
fn help_speaks_the_chosen_language_vietnamese_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let help = |args: &[&str], vars: &[(&str, &str)]| {
        let run = ntm_env(args, vars, None, Some(dir.path()));
        assert_eq!(run.code, 0, "{args:?} {vars:?}: {}", run.stderr);
        is_vietnamese(&run.stdout)
    };
    let top = ntm_env(&["--help"], &[], None, Some(dir.path())).stdout;
    assert!(top.contains("Lệnh:\n  score "), "{top}");
    assert!(top.contains("Chấm điểm các xã"), "{top}");
    assert!(top.contains("[mặc định: auto]"), "{top}");
    assert!(top.contains("Ví dụ:\n  ntm score communes.csv"), "{top}");
    let score = ntm_env(&["score", "-h"], &[], None, Some(dir.path())).stdout;
    assert!(score.contains("Đối số:\n  <FILE>"), "{score}");
    assert!(score.contains("Đọc tệp khảo sát:"), "{score}");
    assert!(score.contains("[giá trị: table, csv, json,"), "{score}");

    assert!(help(&["--help"], &[]));
    assert!(help(&["-h"], &[]));
    assert!(help(&["help", "score"], &[]));
    assert!(!help(&["--help"], &[("NTM_LANG", "en")]));
    assert!(
        help(&["--help"], &[("NTM_LANG", "fr")]),
        "an unknown value is passed over"
    );
    assert!(!help(&["--lang", "en", "score", "--help"], &[]));
    assert!(!help(&["score", "--lang=en", "-h"], &[]));
    assert!(help(
        &["--lang", "vi", "score", "--help"],
        &[("NTM_LANG", "en")]
    ));

    std::fs::write(dir.path().join("ntm.toml"), "lang = \"en\"\n").unwrap();
    assert!(!help(&["--help"], &[]));
    assert!(!help(&["criteria", "show", "--help"], &[]));
    assert!(help(&["--help"], &[("NTM_LANG", "vi")]));
    std::fs::write(dir.path().join("other.toml"), "lang = \"vi\"\n").unwrap();
    assert!(help(&["--config", "other.toml", "--help"], &[]));

    // a broken defaults file does not stop the help: the run reports it
    std::fs::write(dir.path().join("ntm.toml"), "lang = \"fr\"\n").unwrap();
    assert!(help(&["--help"], &[]));
    let run = ntm_env(&["criteria", "list"], &[], None, Some(dir.path()));
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: ntm.toml, dòng 1: giá trị `fr` không hợp lệ; phải là `vi` hoặc `en`\n"
    );
}

#[test]
fn the_man_pages_render() {
    let Some(man) = external(&["man"], "man-db") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for (page, title) in [
        (None, "ntm(1)"),
        (Some("score"), "ntm-score(1)"),
        (Some("progress"), "ntm-progress(1)"),
    ] {
        let run = match page {
            None => ntm(&["man"]),
            Some(p) => ntm(&["man", p]),
        };
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(run.stdout.starts_with(".ie"), "roff: {}", &run.stdout[..80]);
        let file = dir.path().join("page.1");
        std::fs::write(&file, &run.stdout).unwrap();
        let rendered = Process::new(&man)
            .arg("-l")
            .arg(&file)
            .env("MANWIDTH", "100")
            .env("MANPAGER", "cat")
            .env("PAGER", "cat")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&rendered.stdout);
        assert!(
            rendered.status.success(),
            "{}",
            String::from_utf8_lossy(&rendered.stderr)
        );
        assert!(text.contains(title), "{text}");
        assert!(text.contains("SYNOPSIS"), "{text}");
        assert!(text.contains("--criteria") || page.is_none(), "{text}");
    }
    let run = ntm(&["man", "nonsense"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("no subcommand \"nonsense\""),
        "{}",
        run.stderr
    );
}

/// `rows` rows whose verdict column disagrees with their indicator: one warning each.
fn disagreeing(rows: usize) -> String {
    let mut csv = String::from("commune_id,region,year,10,TC10\n");
    for i in 0..rows {
        let _ = writeln!(csv, "X{i},TDMNPB,2020,99,Không đạt");
    }
    csv
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let bad = ["score", "-", "-c", "no-such-set"];
    let plain = ntm_with(&bad, Some(""), None);
    assert_eq!(plain.code, 2);
    assert!(plain.stderr.starts_with("error: "), "{}", plain.stderr);
    assert!(!plain.stderr.contains('\x1b'), "not a terminal: no colour");

    let mut always = vec!["--color", "always"];
    always.extend(bad);
    let coloured = ntm_with(&always, Some(""), None);
    assert!(
        coloured.stderr.starts_with("\x1b[1;31merror:\x1b[0m "),
        "{:?}",
        coloured.stderr
    );

    let mut never = vec!["--color", "never"];
    never.extend(bad);
    assert!(!ntm_with(&never, Some(""), None).stderr.contains('\x1b'));

    // NO_COLOR turns off the automatic choice; it is tested against a terminal in term.rs
    let mut cmd = assert_cmd::Command::cargo_bin("ntm").unwrap();
    let out = cmd
        .args(bad)
        .env("NO_COLOR", "1")
        .write_stdin("")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains('\x1b'));
}

#[test]
fn quiet_hides_warnings_and_verbose_lifts_the_cap() {
    let csv = disagreeing(30);
    let args = [
        "score",
        "-",
        "-c",
        "vn-commune-2016-2020",
        "--format",
        "csv",
    ];
    let normal = ntm_with(&args, Some(&csv), None);
    assert_eq!(normal.code, 0, "{}", normal.stderr);
    let says = |s: &str| {
        s.lines()
            .filter(|l| l.contains("says \"Không đạt\""))
            .count()
    };
    assert_eq!(says(&normal.stderr), 20, "{}", normal.stderr);
    assert!(normal.stderr.contains("… and 10 more disagreement(s)"));

    let mut v = vec!["-v"];
    v.extend(args);
    let verbose = ntm_with(&v, Some(&csv), None);
    assert_eq!(says(&verbose.stderr), 30, "{}", verbose.stderr);
    assert!(!verbose.stderr.contains("more disagreement"));

    let mut q = vec!["-q"];
    q.extend(args);
    let quiet = ntm_with(&q, Some(&csv), None);
    assert_eq!(quiet.code, 0);
    assert_eq!(quiet.stderr, "", "quiet");
    assert_eq!(quiet.stdout, normal.stdout, "data is the same");

    let failed = ntm_with(&["-q", "score", "-", "-c", "no-such-set"], Some(""), None);
    assert_eq!(failed.code, 2);
    assert!(failed.stderr.starts_with("error: "), "errors still shown");

    assert_eq!(
        ntm(&["-q", "-v", "criteria", "list"]).code,
        2,
        "-q and -v conflict"
    );
}

fn in_dir(dir: &Path, args: &[&str]) -> crate::util::Run {
    ntm_with(args, None, Some(dir))
}

fn shown_set(run: &crate::util::Run) -> String {
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    v["id"].as_str().unwrap().to_owned()
}

#[test]
fn config_precedence_is_flag_then_file_then_default() {
    let dir = tempfile::tempdir().unwrap();
    let show = ["criteria", "show", "--format", "json"];
    let default = shown_set(&in_dir(dir.path(), &show));
    assert_eq!(default, "vn-commune-2026-2030");

    std::fs::write(
        dir.path().join("ntm.toml"),
        "criteria = \"vn-commune-2021-2025\"\nlang = \"en\"\n",
    )
    .unwrap();
    assert_eq!(
        shown_set(&in_dir(dir.path(), &show)),
        "vn-commune-2021-2025"
    );
    let mut flag = show.to_vec();
    flag.insert(2, "vn-commune-2016-2020");
    assert_eq!(
        shown_set(&in_dir(dir.path(), &flag)),
        "vn-commune-2016-2020"
    );

    // lang: the file says en; a flag says vi
    let list = in_dir(dir.path(), &["criteria", "list"]);
    assert!(list.stdout.contains("Legal basis"), "{}", list.stdout);
    let list = in_dir(dir.path(), &["--lang", "vi", "criteria", "list"]);
    assert!(list.stdout.contains("Căn cứ pháp lý"), "{}", list.stdout);

    // --config names another file, whose relative paths follow it
    let other = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo("examples/muc-tieu-2025.yaml"),
        other.path().join("targets.yaml"),
    )
    .unwrap();
    let cfg = other.path().join("ntm.toml");
    std::fs::write(
        &cfg,
        "criteria = \"vn-commune-2021-2025\"\ntargets = \"targets.yaml\"\nby = \"province\"\n",
    )
    .unwrap();
    let example = repo("examples/tinh-mau-2022.csv");
    let progress = in_dir(
        dir.path(),
        &[
            "--config",
            cfg.to_str().unwrap(),
            "progress",
            &example,
            "--format",
            "json",
        ],
    );
    assert_eq!(progress.code, 0, "{}", progress.stderr);
    let v: serde_json::Value = serde_json::from_str(&progress.stdout).unwrap();
    assert!(
        v["targets"].as_array().is_some_and(|t| !t.is_empty()),
        "targets from the config: {}",
        progress.stdout
    );
    assert_eq!(v["criteria"], "vn-commune-2021-2025");
    assert_eq!(v["groups"], serde_json::json!([]), "by = province");

    // a broken file stops the run, naming file and line
    std::fs::write(
        dir.path().join("ntm.toml"),
        "criteria = \"x\"\nlangue = \"vi\"\n",
    )
    .unwrap();
    let broken = in_dir(dir.path(), &["criteria", "list"]);
    assert_eq!(broken.code, 2);
    assert!(broken.stderr.contains("ntm.toml:2:"), "{}", broken.stderr);
    let missing = in_dir(dir.path(), &["--config", "nope.toml", "criteria", "list"]);
    assert_eq!(missing.code, 2);
    assert!(missing.stderr.contains("nope.toml"), "{}", missing.stderr);
}

#[test]
fn usage_errors_speak_the_chosen_language() {
    // the default language: no NTM_LANG
    let ntm = |args: &[&str]| crate::util::ntm_env(args, &[], None, None);
    let vi = ntm(&["score", "a.csv", "--format", "xml"]);
    assert_eq!(vi.code, 2);
    assert!(
        vi.stderr
            .starts_with("error: giá trị 'xml' không hợp lệ cho '--format <FORMAT>'\n"),
        "{}",
        vi.stderr
    );
    assert!(
        vi.stderr
            .contains("[giá trị: table, csv, json, ndjson, xlsx]")
    );
    assert!(vi.stderr.contains("gợi ý: có giá trị gần giống: 'xlsx'"));
    assert!(vi.stderr.ends_with("Để biết thêm, hãy thử '--help'.\n"));

    let vi = ntm(&["scor"]);
    assert!(
        vi.stderr.contains("không có lệnh con 'scor'"),
        "{}",
        vi.stderr
    );
    assert!(vi.stderr.contains("có lệnh con gần giống: 'score'"));
    assert!(vi.stderr.contains("Cách dùng: ntm [OPTIONS] <COMMAND>"));
    let vi = ntm(&["score"]);
    assert!(
        vi.stderr
            .contains("còn thiếu các đối số bắt buộc sau:\n  <FILE>")
    );
    let vi = ntm(&["score", "a.csv", "--bogus"]);
    assert!(
        vi.stderr.contains("không nhận ra đối số '--bogus'"),
        "{}",
        vi.stderr
    );
    assert!(vi.stderr.contains("hãy viết '-- --bogus'"), "{}", vi.stderr);
    let vi = ntm(&["score", "a.csv", "--output"]);
    assert!(
        vi.stderr.contains("'--output <FILE>' cần một giá trị"),
        "{}",
        vi.stderr
    );
    let vi = ntm(&["-q", "-v", "criteria", "list"]);
    assert!(
        vi.stderr.contains("không dùng được cùng với"),
        "{}",
        vi.stderr
    );

    let en = ntm(&["--lang", "en", "score", "a.csv", "--format", "xml"]);
    assert_eq!(en.code, 2);
    assert!(
        en.stderr
            .starts_with("error: invalid value 'xml' for '--format <FORMAT>'\n"),
        "{}",
        en.stderr
    );
    assert!(en.stderr.contains("tip: a similar value exists: 'xlsx'"));
    let en = ntm_env(&["scor"], &[("NTM_LANG", "en")], None, None);
    assert!(
        en.stderr.contains("unrecognized subcommand 'scor'"),
        "{}",
        en.stderr
    );
    assert!(en.stderr.contains("Usage: ntm"));
}
