//! Any bytes as a workbook: read its first sheet and score every row.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ntm::criteria::CriteriaSet;
use ntm::survey::input::{InputOptions, workbook_rows};
use ntm::score::score;
use ntm::survey::SurveyReader;

static SET: std::sync::LazyLock<CriteriaSet> = std::sync::LazyLock::new(|| {
    CriteriaSet::from_yaml(include_str!("../../tests/data/mini-set.yaml"), "mini")
        .expect("the test set loads")
});

fuzz_target!(|data: &[u8]| {
    let set = &*SET;
    let Ok(rows) = workbook_rows(data.to_vec(), "fuzz.xlsx", &InputOptions::default()) else {
        return;
    };
    if let Ok(mut reader) = SurveyReader::from_rows(rows, "fuzz.xlsx", set, Some(2024)) {
        while let Some(row) = reader.next_commune() {
            if let Ok(commune) = row {
                let _ = score(set, commune);
            }
        }
    }
});
