//! Any bytes as a survey CSV: read and score every row; nothing may panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ntm::criteria::CriteriaSet;
use ntm::score::score;
use ntm::survey::SurveyReader;

static SET: std::sync::LazyLock<CriteriaSet> = std::sync::LazyLock::new(|| {
    CriteriaSet::from_yaml(include_str!("../../tests/data/mini-set.yaml"), "mini")
        .expect("the test set loads")
});

fuzz_target!(|data: &[u8]| {
    let set = &*SET;
    let input = Box::new(std::io::Cursor::new(data.to_vec()));
    if let Ok(mut reader) = SurveyReader::from_reader(input, "fuzz.csv", set, Some(2024)) {
        while let Some(row) = reader.next_commune() {
            if let Ok(commune) = row {
                let _ = score(set, commune);
            }
        }
    }
});
