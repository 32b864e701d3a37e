//! The criteria sets shipped in the binary. Each is a YAML file under `criteria/`, embedded at
//! build time and parsed only when used.

/// A criteria set embedded in the binary.
#[derive(Debug, Clone, Copy)]
pub struct BuiltinSet {
    /// Its id, which is also its file name under `criteria/` without `.yaml`.
    pub id: &'static str,
    /// Its YAML text.
    pub yaml: &'static str,
}

/// Every built-in set, oldest first.
pub const BUILTIN_SETS: &[BuiltinSet] = &[BuiltinSet {
    id: "vn-commune-2021-2025",
    yaml: include_str!("../../criteria/vn-commune-2021-2025.yaml"),
}];

/// The built-in set with `id`.
#[must_use]
pub fn builtin(id: &str) -> Option<&'static BuiltinSet> {
    BUILTIN_SETS.iter().find(|set| set.id == id)
}

/// The set used when none is named: the newest set in force.
#[must_use]
pub fn default_builtin() -> &'static BuiltinSet {
    BUILTIN_SETS.last().expect("at least one built-in set")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::criteria::CriteriaSet;

    #[test]
    fn every_builtin_set_loads_and_has_its_file_name_as_id() {
        for set in BUILTIN_SETS {
            let loaded = CriteriaSet::from_yaml(set.yaml, set.id)
                .unwrap_or_else(|e| panic!("{}: {e}", set.id));
            assert_eq!(loaded.id, set.id);
        }
    }

    #[test]
    fn every_file_under_criteria_is_built_in() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/criteria");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|name| name.ends_with(".yaml"))
            .collect();
        files.sort();
        let mut ids: Vec<String> = BUILTIN_SETS
            .iter()
            .map(|s| format!("{}.yaml", s.id))
            .collect();
        ids.sort();
        assert_eq!(files, ids);
    }
}
