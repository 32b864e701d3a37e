//! The hidden helpers behind `scripts/bench.sh`: `ntm generate` and `ntm floor`.

use crate::util::{ntm, ntm_with};

#[test]
fn generated_data_is_deterministic_and_scores_cleanly() {
    for set in [
        "vn-commune-2016-2020",
        "vn-commune-2021-2025",
        "vn-commune-2026-2030",
    ] {
        let a = ntm(&["generate", "40", "--seed", "11", "-c", set]);
        assert_eq!(a.code, 0, "{set}: {}", a.stderr);
        let b = ntm(&["generate", "40", "--seed", "11", "-c", set]);
        assert_eq!(a.stdout, b.stdout, "{set}: same seed, same data");
        assert_eq!(a.stdout.lines().count(), 41, "{set}: header and 40 rows");
        let scored = ntm_with(
            &["score", "-", "-c", set, "--format", "ndjson"],
            Some(&a.stdout),
            None,
        );
        assert_eq!(scored.code, 0, "{set}: {}", scored.stderr);
        assert_eq!(scored.stdout.lines().count(), 40, "{set}");
        assert!(!scored.stderr.contains("error"), "{set}: {}", scored.stderr);
    }
}

#[test]
fn floor_counts_records_and_the_helpers_stay_out_of_help() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("g.csv");
    let data = ntm(&["generate", "25", "-c", "vn-commune-2026-2030"]);
    std::fs::write(&path, &data.stdout).unwrap();
    let floor = ntm(&["floor", path.to_str().unwrap()]);
    assert_eq!(floor.code, 0, "{}", floor.stderr);
    assert!(floor.stdout.starts_with("25 records, "), "{}", floor.stdout);
    let help = ntm(&["--help"]);
    assert!(!help.stdout.contains("generate"), "{}", help.stdout);
    assert!(!help.stdout.contains("floor"), "{}", help.stdout);
}
