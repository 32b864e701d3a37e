//! The criteria sets shipped in the binary. Each is a YAML file under `criteria/`, embedded at
//! build time beside the JSON the build script reads it into (see `build.rs`), and read from
//! that JSON when used.

use super::{CriteriaSet, Date, Period};
use crate::error::Result;

/// A criteria set embedded in the binary.
#[derive(Debug, Clone, Copy)]
pub struct BuiltinSet {
    /// Its id, which is also its file name under `criteria/` without `.yaml`.
    pub id: &'static str,
    /// The day it came into force, as in its YAML (a test keeps the two equal), so that the
    /// default set is chosen without parsing every set.
    pub in_force_from: Date,
    /// The programme years it is for, as in its YAML (kept equal by a test).
    pub period: Period,
    /// Its YAML text.
    pub yaml: &'static str,
    /// Its YAML read at build time, as JSON of the same shape.
    json: &'static str,
}

impl BuiltinSet {
    /// The set, checked and made into the model as any set file is. It is read from the JSON
    /// made of its YAML at build time, ten times faster than the YAML; should that ever fail to
    /// read, from the YAML.
    ///
    /// # Errors
    /// What checking the set finds (a test keeps every built-in set free of problems).
    pub fn load(&self) -> Result<CriteriaSet> {
        match serde_json::from_str(self.json) {
            Ok(raw) => super::check::validate(raw, self.id),
            Err(_) => CriteriaSet::from_yaml(self.yaml, self.id),
        }
    }
}

/// Every built-in set, oldest first.
pub const BUILTIN_SETS: &[BuiltinSet] = &[
    BuiltinSet {
        id: "vn-commune-2016-2020",
        in_force_from: Date {
            year: 2016,
            month: 12,
            day: 1,
        },
        period: Period {
            from: 2016,
            to: 2020,
        },
        yaml: include_str!("../../criteria/vn-commune-2016-2020.yaml"),
        json: include_str!(concat!(env!("OUT_DIR"), "/vn-commune-2016-2020.json")),
    },
    BuiltinSet {
        id: "vn-commune-2021-2025",
        in_force_from: Date {
            year: 2022,
            month: 3,
            day: 8,
        },
        period: Period {
            from: 2021,
            to: 2025,
        },
        yaml: include_str!("../../criteria/vn-commune-2021-2025.yaml"),
        json: include_str!(concat!(env!("OUT_DIR"), "/vn-commune-2021-2025.json")),
    },
    BuiltinSet {
        id: "vn-commune-2026-2030",
        in_force_from: Date {
            year: 2026,
            month: 2,
            day: 15,
        },
        period: Period {
            from: 2026,
            to: 2030,
        },
        yaml: include_str!("../../criteria/vn-commune-2026-2030.yaml"),
        json: include_str!(concat!(env!("OUT_DIR"), "/vn-commune-2026-2030.json")),
    },
];

/// The built-in set with `id`.
#[must_use]
pub fn builtin(id: &str) -> Option<&'static BuiltinSet> {
    BUILTIN_SETS.iter().find(|set| set.id == id)
}

/// The set used when none is named: the newest set in force on `today` (a set is in force
/// until the next one starts).
#[must_use]
pub fn default_builtin(today: Date) -> &'static BuiltinSet {
    BUILTIN_SETS
        .iter()
        .rev()
        .find(|set| set.in_force_from <= today)
        .unwrap_or(&BUILTIN_SETS[0])
}

/// The built-in set for the programme year `year`: the one whose period holds it.
#[must_use]
pub fn for_year(year: u16) -> Option<&'static BuiltinSet> {
    BUILTIN_SETS
        .iter()
        .find(|set| (set.period.from..=set.period.to).contains(&year))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_set_loads_and_has_its_file_name_as_id() {
        for set in BUILTIN_SETS {
            let loaded = CriteriaSet::from_yaml(set.yaml, set.id)
                .unwrap_or_else(|e| panic!("{}: {e}", set.id));
            if let Err(err) = serde_json::from_str::<super::super::raw::RawSet>(set.json) {
                panic!(
                    "{}: the JSON made at build time does not read: {err}",
                    set.id
                );
            }
            assert_eq!(
                set.load().unwrap(),
                loaded,
                "{}: JSON and YAML agree",
                set.id
            );
            assert_eq!(loaded.id, set.id);
            assert_eq!(loaded.in_force.from, set.in_force_from, "{}", set.id);
            assert_eq!(loaded.period, set.period, "{}", set.id);
        }
    }

    #[test]
    fn a_set_uses_every_column_it_names_and_no_other() {
        for builtin in BUILTIN_SETS {
            let set = CriteriaSet::from_yaml(builtin.yaml, builtin.id).unwrap();
            let mut columns: Vec<String> = set.columns.clone();
            columns.push(set.classification.column.clone());
            columns.extend(
                set.classification
                    .overrides
                    .iter()
                    .map(|o| o.column.clone()),
            );
            for tier in &set.tiers {
                columns.extend(tier.criteria.iter().map(|c| tier.verdict_column(c.number)));
            }
            for column in &columns {
                assert!(set.uses_column(column), "{}: {column}", set.id);
            }
            // what analysts' files carry besides, and what no set uses
            for other in ["STT", "Ghi chú", "", "TC1a", "ghi_chu_2"] {
                assert!(!set.uses_column(other), "{other}");
            }
        }
    }

    #[test]
    fn every_file_under_criteria_is_built_in() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/criteria");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|name| crate::text::extension_is(name, "yaml"))
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

#[cfg(test)]
mod default_tests {
    use super::*;

    #[test]
    fn the_default_is_the_newest_set_in_force() {
        let day = |year, month, day| Date { year, month, day };
        assert_eq!(default_builtin(day(2026, 2, 14)).id, "vn-commune-2021-2025");
        assert_eq!(default_builtin(day(2026, 2, 15)).id, "vn-commune-2026-2030");
        assert_eq!(default_builtin(day(2030, 1, 1)).id, "vn-commune-2026-2030");
        assert_eq!(default_builtin(day(2017, 6, 1)).id, "vn-commune-2016-2020");
    }

    #[test]
    fn a_year_has_the_set_of_its_programme_period() {
        assert_eq!(for_year(2016).unwrap().id, "vn-commune-2016-2020");
        assert_eq!(for_year(2021).unwrap().id, "vn-commune-2021-2025");
        assert_eq!(for_year(2025).unwrap().id, "vn-commune-2021-2025");
        assert_eq!(for_year(2026).unwrap().id, "vn-commune-2026-2030");
        assert!(for_year(2015).is_none());
        assert!(for_year(2031).is_none());
    }
}
