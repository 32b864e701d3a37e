//! Micro-benchmarks of the per-cell and per-row work behind `ntm score`:
//! reading numbers and verdict words, judging one indicator, scoring whole communes, and
//! splitting rows into CSV records.
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

#[divan::bench]
fn class_lookup(bencher: Bencher) {
    let set = set("vn-commune-2021-2025");
    let values = ["TDMNPB", "dbscl", "Đồng bằng sông Hồng", "Tây Nguyên"];
    bencher.bench_local(|| {
        black_box(values)
            .iter()
            .filter_map(|v| set.classification.resolve(v))
            .count()
    });
}

#[divan::bench]
fn threshold_holds() -> usize {
    use ntm::criteria::Comparison;
    let mut met = 0;
    for (value, threshold) in black_box([(45.5, 45.0), (3.9, 4.0), (98.0, 100.0), (0.8, 1.0)]) {
        met += usize::from(Comparison::AtLeast.holds(value, threshold));
        met += usize::from(Comparison::AtMost.holds(value, threshold));
    }
    met
}

/// `n` generated communes of `set`, already read.
fn communes(set: &CriteriaSet, n: u64) -> Vec<Commune> {
    let mut csv = Vec::new();
    ntm::generate::generate(set, n, 42, &mut csv).expect("generated");
    let mut reader = SurveyReader::from_reader(Box::new(Cursor::new(csv)), "bench.csv", set, None)
        .expect("readable");
    let mut out = Vec::new();
    while let Some(row) = reader.next_commune() {
        out.push(row.expect("valid row"));
    }
    out
}

const SETS: &[&str] = &[
    "vn-commune-2016-2020",
    "vn-commune-2021-2025",
    "vn-commune-2026-2030",
];

/// Scoring one commune: every indicator judged, every tier and criterion decided.
#[divan::bench(args = SETS)]
fn score_commune(bencher: Bencher, id: &str) {
    let set = set(id);
    let communes = communes(&set, 256);
    let mut i = 0;
    bencher
        .with_inputs(|| {
            i = (i + 1) % communes.len();
            communes[i].clone()
        })
        .bench_local_values(|commune| ntm::score::score(&set, commune).is_ok());
}

/// Reading and scoring 1 000 rows from CSV text held in memory.
#[divan::bench(args = SETS, sample_count = 20)]
fn read_and_score_1000_rows(bencher: Bencher, id: &str) {
    let set = set(id);
    let mut csv = Vec::new();
    ntm::generate::generate(&set, 1000, 7, &mut csv).expect("generated");
    bencher
        .counter(divan::counter::BytesCount::new(csv.len()))
        .bench_local(|| {
            let mut reader =
                SurveyReader::from_reader(Box::new(Cursor::new(csv.clone())), "b.csv", &set, None)
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
