//! A catalogue of malformed inputs: each one exits with status 2 and a message naming where the
//! problem is, and none makes `ntm` panic or hang. Plus the inputs that look hostile but are
//! fine, and pathological criteria files.

use std::fmt::Write as _;

use crate::util::{data, ntm, ntm_with};

const HEAD: &str = "commune_id,commune,region,year,dbkk,hamlets,hamlets_standard,hamlets_model,1.1,1.2,2.1,4.1,TC3,NC2,smart_hamlets\n";

/// (name, one data row after HEAD, what the message must say)
const BAD_ROWS: &[(&str, &str, &str)] = &[
    (
        "blank id",
        ",X,NORTH,2024,,,,,,,,,,,",
        "t.csv:2: column \"commune_id\": value \"\": commune_id is required",
    ),
    (
        "letters in a number",
        "A,X,NORTH,2024,,,,,4x5,,,,,,",
        "column \"1.1\": value \"4x5\": not a number",
    ),
    (
        "two decimal commas",
        "A,X,NORTH,2024,,,,,\"4,5,6\",,,,,,",
        "column \"1.1\": value \"4,5,6\": not a number: its . and , follow no pattern",
    ),
    (
        "ambiguous thousands",
        "A,X,NORTH,2024,,,,,\"45,000\",,,,,,",
        "column \"1.1\": value \"45,000\": ambiguous number",
    ),
    (
        "ambiguous point thousands",
        "A,X,NORTH,2024,,,,,1.234,,,,,,",
        "value \"1.234\": ambiguous number",
    ),
    (
        "mixed marks",
        "A,X,NORTH,2024,,,,,\"1,2.3\",,,,,,",
        "value \"1,2.3\": not a number: its . and , follow no pattern",
    ),
    (
        "exponent",
        "A,X,NORTH,2024,,,,,1e3,,,,,,",
        "value \"1e3\": not a number",
    ),
    (
        "NaN",
        "A,X,NORTH,2024,,,,,NaN,,,,,,",
        "value \"NaN\": not a number",
    ),
    (
        "infinity",
        "A,X,NORTH,2024,,,,,inf,,,,,,",
        "value \"inf\": not a number",
    ),
    (
        "lone comma",
        "A,X,NORTH,2024,,,,,\",\",,,,,,",
        "value \",\": not a number",
    ),
    (
        "trailing mark",
        "A,X,NORTH,2024,,,,,5.,,,,,,",
        "value \"5.\": not a number",
    ),
    (
        "percent sign on a number",
        "A,X,NORTH,2024,,,,,45%,,,,,,",
        "value \"45%\": this indicator is not a percentage",
    ),
    (
        "foreign unit",
        "A,X,NORTH,2024,,,,,45 kg,,,,,,",
        "value \"45 kg\": text after the number is not the indicator's unit",
    ),
    (
        "percentage over 100",
        "A,X,NORTH,2024,,,,,,,120,,,,",
        "column \"2.1\": value \"120\": a percentage must lie between 0 and 100",
    ),
    (
        "negative percentage",
        "A,X,NORTH,2024,,,,,,,-5,,,,",
        "value \"-5\": a percentage must lie between 0 and 100",
    ),
    (
        "percentage 100.5",
        "A,X,NORTH,2024,,,,,,,\"100,5%\",,,,",
        "value \"100,5%\": a percentage must lie between 0 and 100",
    ),
    (
        "yes/no word",
        "A,X,NORTH,2024,,,,,,maybe,,,,,",
        "column \"1.2\": value \"maybe\": expected Đạt",
    ),
    (
        "number in a yes/no",
        "A,X,NORTH,2024,,,,,,2,,,,,",
        "column \"1.2\": value \"2\": expected Đạt",
    ),
    (
        "verdict typo",
        "A,X,NORTH,2024,,,,,,,,,Datt,,",
        "column \"TC3\": value \"Datt\": expected Đạt",
    ),
    (
        "verdict in another tier",
        "A,X,NORTH,2024,,,,,,,,,,Có lẽ,",
        "column \"NC2\": value \"Có lẽ\": expected Đạt",
    ),
    (
        "unknown region",
        "A,X,Mars,2024,,,,,,,,,,,",
        "column \"region\": value \"Mars\": unknown region",
    ),
    (
        "region typo",
        "A,X,NORHT,2024,,,,,,,,,,,",
        "value \"NORHT\": unknown region",
    ),
    (
        "year with letters",
        "A,X,NORTH,20x4,,,,,,,,,,,",
        "column \"year\": value \"20x4\": expected a year",
    ),
    (
        "year too early",
        "A,X,NORTH,1066,,,,,,,,,,,",
        "value \"1066\": expected a year",
    ),
    (
        "year decimal",
        "A,X,NORTH,2024.5,,,,,,,,,,,",
        "value \"2024.5\": expected a year",
    ),
    (
        "flag not yes/no",
        "A,X,NORTH,2024,perhaps,,,,,,,,,,",
        "column \"dbkk\": value \"perhaps\": expected yes or no",
    ),
    (
        "flag basically",
        "A,X,NORTH,2024,Cơ bản đạt,,,,,,,,,,",
        "column \"dbkk\": value \"Cơ bản đạt\": expected yes or no",
    ),
    (
        "negative hamlets",
        "A,X,NORTH,2024,,-1,,,,,,,,,",
        "column \"hamlets\": value \"-1\": expected a whole number",
    ),
    (
        "fractional hamlets",
        "A,X,NORTH,2024,,2.5,,,,,,,,,",
        "value \"2.5\": expected a whole number",
    ),
    (
        "hamlets standard over total",
        "A,X,NORTH,2024,,3,4,,,,,,,,",
        "column \"hamlets_standard\": value \"4\": more than the commune's 3 hamlets",
    ),
    (
        "hamlets model over total",
        "A,X,NORTH,2024,,3,,5,,,,,,,",
        "column \"hamlets_model\": value \"5\": more than the commune's 3 hamlets",
    ),
    (
        "hamlets words",
        "A,X,NORTH,2024,,ba,,,,,,,,,",
        "column \"hamlets\": value \"ba\": expected a whole number",
    ),
    (
        "huge hamlets",
        "A,X,NORTH,2024,,99999999999999,,,,,,,,,",
        "value \"99999999999999\": expected a whole number",
    ),
    (
        "smart hamlets words",
        "A,X,NORTH,2024,,,,,,,,,,,một",
        "column \"smart_hamlets\": value \"một\": not a number",
    ),
    (
        "value needs a year",
        "A,X,NORTH,,,,,,45,,,,,,",
        "column \"year\": value \"\": indicator 1.1: thresholds differ by year",
    ),
    (
        "value needs a region",
        "A,X,,2024,,,,,45,,,,,,",
        "column \"region\": value \"\": indicator 1.1: thresholds differ by region",
    ),
    (
        "year outside the set",
        "A,X,NORTH,2031,,,,,45,,,,,,",
        "column \"year\": value \"2031\": year 2031 is outside the period of criteria set mini-set (2023–2024) and no built-in set is for that year",
    ),
    (
        "ragged short row",
        "A,X,NORTH",
        "t.csv:2: row has 3 fields but the header has 15",
    ),
    (
        "ragged long row",
        "A,X,NORTH,2024,,,,,,,,,,,,,,",
        "t.csv:2: row has 18 fields but the header has 15",
    ),
    (
        "NUL in a number",
        "A,X,NORTH,2024,,,,,4\u{0}5,,,,,,",
        "column \"1.1\": value \"4\\u{0}5\": not a number",
    ),
    (
        "unclosed quote",
        "A,\"X,NORTH,2024,,,,,,,,,,,",
        "t.csv:2: row has 2 fields but the header has 15",
    ),
    (
        "percent on yes/no",
        "A,X,NORTH,2024,,,,,,50%,,,,,",
        "column \"1.2\": value \"50%\": expected Đạt",
    ),
];

fn score(csv: &str) -> crate::util::Run {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.csv");
    std::fs::write(&path, csv).unwrap();
    let mini = data("mini-set.yaml");
    let run = ntm_with(
        &["score", "t.csv", "-c", &mini, "-f", "csv"],
        None,
        Some(dir.path()),
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

#[test]
fn every_malformed_row_is_named() {
    assert!(BAD_ROWS.len() >= 40);
    for (name, row, message) in BAD_ROWS {
        let run = score(&format!("{HEAD}{row}\n"));
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        assert!(
            run.stderr.contains(message),
            "{name}: expected {message:?} in\n{}",
            run.stderr
        );
        assert!(run.stderr.contains("t.csv:2"), "{name}: {}", run.stderr);
    }
}

#[test]
fn malformed_files() {
    for (name, csv, message) in [
        ("empty file", "", "no commune_id column"),
        ("no header", "A,X,NORTH\n", "no commune_id column"),
        (
            "only comments",
            "# nothing\n# here\n",
            "no commune_id column",
        ),
        (
            "duplicate header",
            "commune_id,TC1,TC1\nA,Đạt,Đạt\n",
            "column \"TC1\": value \"TC1\": column appears twice",
        ),
        (
            "duplicate ids",
            "commune_id,TC1\nA,\nB,\nA,\n",
            "t.csv:4: column \"commune_id\": value \"A\": duplicate commune_id; first seen on line 2",
        ),
        (
            "binary",
            "\u{0}\u{1}\u{2}commune_id\n",
            "no commune_id column",
        ),
    ] {
        let run = score(csv);
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        assert!(
            run.stderr.contains(message),
            "{name}: expected {message:?} in\n{}",
            run.stderr
        );
    }
    let mut latin = b"commune_id,commune,TC1\nA,".to_vec();
    latin.extend_from_slice(b"X\xe3 M\xf4t,\n");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.csv"), latin).unwrap();
    let run = ntm_with(
        &["score", "t.csv", "-c", &data("mini-set.yaml")],
        None,
        Some(dir.path()),
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains(
        "t.csv:2: column \"commune\": value \"X\u{fffd} M\u{fffd}t\": text is not valid UTF-8"
    ));
}

#[test]
fn hostile_looking_files_that_are_fine() {
    // a header alone, no final newline, CRLF, a 10 MB name, 10 000 columns
    assert_eq!(score("commune_id,TC1").code, 0);
    let run = score("commune_id,TC1\r\nA,Đạt\r\nB,Không đạt");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 3);
    let big = "x".repeat(10 << 20);
    let run = score(&format!("commune_id,commune,TC1\nA,{big},Đạt\n"));
    assert_eq!(run.code, 0);
    assert!(run.stdout.len() > 10 << 20);
    let mut wide = String::from("commune_id,TC1");
    for i in 0..10_000 {
        let _ = write!(wide, ",col{i}");
    }
    wide.push_str("\nA,Đạt");
    wide.push_str(&",1".repeat(10_000));
    wide.push('\n');
    let run = score(&wide);
    assert_eq!(run.code, 0);
    // the first 20 unused columns are named and the rest counted, and the criteria without a
    // column are named
    assert_eq!(run.stderr.lines().count(), 22, "{}", run.stderr);
    // a 10 MB cell where a number belongs is an error, not a hang
    let run = score(&format!(
        "commune_id,region,year,1.1\nA,NORTH,2024,{}\n",
        "9".repeat(10 << 20)
    ));
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("t.csv:2: column \"1.1\""));
}

#[test]
fn pathological_criteria_files() {
    let dir = tempfile::tempdir().unwrap();
    let check = |name: &str, yaml: String, message: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, yaml).unwrap();
        let run = ntm(&["criteria", "check", path.to_str().unwrap()]);
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        assert!(
            run.stderr.contains(message),
            "{name}: expected {message:?} in\n{}",
            run.stderr
        );
        assert!(!run.stderr.contains("panicked"));
    };
    // a billion laughs: nine levels of aliases, each nine times the one before
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (prev, c) in "abcdefgh".chars().zip("bcdefghi".chars()) {
        let _ = writeln!(
            bomb,
            "{c}: &{c} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]"
        );
    }
    check("bomb.yaml", bomb, "invalid criteria set");
    check(
        "deep.yaml",
        format!("id: {}{}", "[".repeat(10_000), "]".repeat(10_000)),
        "invalid criteria set",
    );
    let mini = std::fs::read_to_string(data("mini-set.yaml")).unwrap();
    check(
        "huge.yaml",
        mini.replace("value: 60", "value: 1e400"),
        "invalid criteria set",
    );
    check(
        "long.yaml",
        mini.replace(
            "period: { from: 2023, to: 2024 }",
            "period: { from: 2023, to: 99999999999 }",
        ),
        "invalid criteria set",
    );
    check("empty.yaml", String::new(), "invalid criteria set");
    check("list.yaml", "- 1\n- 2\n".into(), "invalid criteria set");
}
