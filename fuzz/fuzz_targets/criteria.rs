//! Any text as a criteria file: it loads or is refused; a set that loads writes out as YAML
//! that loads back to the same set.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ntm::criteria::{CriteriaSet, to_yaml};

fuzz_target!(|data: &str| {
    if let Ok(set) = CriteriaSet::from_yaml(data, "fuzz.yaml") {
        let again = CriteriaSet::from_yaml(&to_yaml(&set), "written").expect("written set loads");
        assert_eq!(set, again);
    }
});
