//! Micro-benchmarks of the per-cell and per-row work behind `ntm score`, through the library's
//! public parsing, reading and scoring functions: reading numbers and verdict words, scoring
//! one commune, and reading and scoring the shipped example provinces.
//!
//! Run with `cargo bench`; `scripts/bench.sh` measures whole runs of the binary.

use std::hint::black_box;
use std::io::Cursor;

use divan::Bencher;
use ntm::criteria::{CriteriaSet, builtin};
use ntm::survey::{Commune, SurveyReader};

fn main() {
    divan::main();
}

fn set(id: &str) -> CriteriaSet {
    CriteriaSet::from_yaml(builtin(id).expect("built-in set").yaml, id).expect("valid set")
}

/// Cells as they come out of Excel: decimal commas, thousands separators, units, percentages.
const NUMBERS: &[&str] = &[
    "45,5",
    "45.5",
    "100",
    "1.234,5",
    "45.000.000",
    " 72,3 % ",
    "50 triệu",
    "0,8",
    "98",
];

#[divan::bench]
fn parse_number() -> usize {
    let mut ok = 0;
    for cell in black_box(NUMBERS) {
        ok += usize::from(
            ntm::survey::cells::parse_number(cell, true, Some("triệu đồng/người/năm")).is_ok(),
        );
    }
    ok
}

/// Verdict words in the spellings provinces use, including the loose ones that need folding.
const VERDICTS: &[&str] = &[
    "Đạt",
    "Không đạt",
    "Cơ bản đạt",
    "Chưa đạt",
    "đạt",
    "KHONG DAT",
    "x",
    "Có",
    "yes",
    "",
];

#[divan::bench]
fn parse_verdict() -> usize {
    black_box(VERDICTS)
        .iter()
        .filter_map(|cell| ntm::survey::cells::parse_verdict(cell))
        .count()
}

/// The shipped example provinces, with their sets.
const SETS: &[&str] = &["vn-commune-2021-2025", "vn-commune-2026-2030"];

/// The example file of `set`, as bytes.
fn example(set: &str) -> &'static [u8] {
    match set {
        "vn-commune-2021-2025" => include_bytes!("../examples/tinh-mau-2022.csv"),
        _ => include_bytes!("../examples/tinh-mau-2026.csv"),
    }
}

/// The communes of the example file of `set`, already read.
fn communes(set: &CriteriaSet) -> Vec<Commune> {
    let csv = example(&set.id);
    let mut reader = SurveyReader::from_reader(Box::new(Cursor::new(csv)), "bench.csv", set, None)
        .expect("readable");
    let mut out = Vec::new();
    while let Some(row) = reader.next_commune() {
        out.push(row.expect("valid row"));
    }
    out
}

/// Scoring one commune: every indicator judged, every tier and criterion decided.
#[divan::bench(args = SETS)]
fn score_commune(bencher: Bencher, id: &str) {
    let set = set(id);
    let communes = communes(&set);
    let mut i = 0;
    bencher
        .with_inputs(|| {
            i = (i + 1) % communes.len();
            communes[i].clone()
        })
        .bench_local_values(|commune| ntm::score::score(&set, commune).is_ok());
}

/// Reading and scoring a whole example province from CSV text held in memory (139 communes of
/// 2022, 40 of 2026).
#[divan::bench(args = SETS, sample_count = 20)]
fn read_and_score_example(bencher: Bencher, id: &str) {
    let set = set(id);
    let csv = example(id);
    bencher
        .counter(divan::counter::BytesCount::new(csv.len()))
        .bench_local(|| {
            let mut reader =
                SurveyReader::from_reader(Box::new(Cursor::new(csv)), "b.csv", &set, None)
                    .expect("readable");
            let mut scored = 0;
            while let Some(row) = reader.next_commune() {
                if let Ok(commune) = row {
                    scored += usize::from(ntm::score::score(&set, commune).is_ok());
                }
            }
            scored
        });
}
