//! What `scripts/bench.sh` relies on outside the binary: the benchmark rows of
//! `examples/generate.py bench`. The binary itself has no benchmark helpers.

use crate::util::{generated, ntm, ntm_with};

#[test]
fn generated_data_is_deterministic_and_scores_cleanly() {
    let Some(a) = generated(40, 11) else { return };
    let b = generated(40, 11).unwrap();
    assert_eq!(a, b, "same seed, same data");
    assert_ne!(a, generated(40, 12).unwrap(), "another seed, other data");
    assert_eq!(a.lines().count(), 41, "header and 40 rows");
    let set = "vn-commune-2021-2025";
    let scored = ntm_with(
        &["score", "-", "-c", set, "--format", "ndjson"],
        Some(&a),
        None,
    );
    assert_eq!(scored.code, 0, "{}", scored.stderr);
    assert_eq!(scored.stdout.lines().count(), 40);
    assert!(!scored.stderr.contains("error"), "{}", scored.stderr);
    // every column is one the set knows, and every cell reads as its column expects
    let checked = ntm_with(&["validate", "-", "-c", set], Some(&a), None);
    assert_eq!(checked.code, 0, "{}{}", checked.stdout, checked.stderr);
}

#[test]
fn the_binary_has_no_benchmark_commands() {
    for command in ["generate", "floor"] {
        let run = ntm(&["--lang", "vi", command, "10"]);
        assert_eq!(run.code, 2, "ntm {command}: {}", run.stdout);
        assert!(run.stderr.contains("không có lệnh con"), "{}", run.stderr);
    }
}
