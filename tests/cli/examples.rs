//! The shipped example runs as the README says, and reproduces the band counts of the
//! provincial report it is modelled on (end of 2022: 17, 3, 50, 68 and 1 communes).

use std::collections::BTreeMap;

use crate::util::{ntm, repo};

#[test]
fn the_example_province_reproduces_its_report() {
    let run = ntm(&[
        "score",
        &repo("examples/tinh-mau-2022.csv"),
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(rows.len(), 139);
    let mut bands = BTreeMap::new();
    for row in &rows {
        *bands
            .entry(row["band"].as_str().unwrap().to_owned())
            .or_insert(0) += 1;
    }
    let bands: Vec<_> = bands.into_iter().collect();
    assert_eq!(
        bands,
        [
            ("10-14".to_owned(), 50),
            ("15-18".to_owned(), 3),
            ("19".to_owned(), 17),
            ("5-9".to_owned(), 68),
            ("<5".to_owned(), 1)
        ]
    );
    let standard = rows.iter().filter(|r| r["tier"] == "standard").count();
    assert_eq!(standard, 17);
    // the only warning is the one naming the unverified thresholds the example relies on
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(run.stderr.contains("not verified against the legal text"));
}
