//! Province targets (mục tiêu): how many communes at each tier, no commune under N criteria, a
//! share of hamlets standard, an average number of criteria — for the province and, optionally,
//! per district. Read from YAML, validated with every problem's line.

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::criteria::CriteriaSet;
use crate::error::{Error, Location, Problem, Result};
use crate::msg::Msg;
use crate::survey::district_key;
use crate::text::nfc;
use crate::yaml::OrderedMap;

/// One scope's targets; every key optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Goals {
    /// Communes at a tier or above, at least: (key, tier index, required), e.g.
    /// (`advanced_communes`, 1, 10).
    pub tier_communes: Vec<(&'static str, usize, u32)>,
    /// No commune below this many criteria.
    pub min_criteria_per_commune: Option<u32>,
    /// Share of hamlets recognised standard, at least (0–1).
    pub hamlet_standard_share: Option<f64>,
    /// Average criteria met per commune, at least.
    pub average_criteria: Option<f64>,
}

impl Goals {
    /// The tier targets as (key, tier index, required).
    #[must_use]
    pub fn tier_targets(&self) -> Vec<(&'static str, usize, u32)> {
        self.tier_communes.clone()
    }
}

/// A targets file.
#[derive(Debug, Clone, PartialEq)]
pub struct Targets {
    /// The province.
    pub province: Option<String>,
    /// The criteria set the targets are written for.
    pub criteria: Option<String>,
    /// The year the targets are for.
    pub year: Option<u16>,
    /// Province-wide targets.
    pub province_goals: Goals,
    /// Per-district targets, in file order.
    pub districts: Vec<(String, Goals)>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTargets {
    #[serde(default)]
    province: Option<String>,
    #[serde(default)]
    criteria: Option<Spanned<String>>,
    #[serde(default)]
    year: Option<u16>,
    #[serde(default)]
    targets: Option<Spanned<RawGoals>>,
    #[serde(default)]
    districts: Option<RawDistricts>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGoals {
    #[serde(default)]
    standard_communes: Option<u32>,
    #[serde(default)]
    advanced_communes: Option<u32>,
    #[serde(default)]
    model_communes: Option<u32>,
    #[serde(default)]
    modern_communes: Option<u32>,
    #[serde(default)]
    min_criteria_per_commune: Option<u32>,
    #[serde(default)]
    hamlet_standard_share: Option<f64>,
    #[serde(default)]
    average_criteria: Option<f64>,
}

/// Districts in file order, each name with its line.
type RawDistricts = OrderedMap<Spanned<String>, Spanned<RawGoals>>;

impl Targets {
    /// Reads and validates a targets file for scoring with `set`.
    pub fn load(path: &str, set: &CriteriaSet) -> Result<Targets> {
        let yaml = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
        Targets::from_yaml(&yaml, path, set)
    }

    /// Parses and validates targets from YAML text; `origin` names it in messages.
    pub fn from_yaml(yaml: &str, origin: &str, set: &CriteriaSet) -> Result<Targets> {
        let raw: RawTargets = crate::yaml::parse(yaml, origin, crate::msg::YamlKind::Targets)?;
        let mut problems = Vec::new();
        let at = |line: u64| Location::file(origin).at_line(line);
        if let Some(criteria) = &raw.criteria
            && criteria.value.trim() != set.id
        {
            problems.push(Problem::new(
                at(criteria.referenced.line()),
                Msg::TargetsForOtherSet {
                    targets: criteria.value.trim().to_owned(),
                    set: set.id.clone(),
                },
            ));
        }
        let mut check = |goals: &RawGoals, line: u64, district: Option<&str>| -> Goals {
            let district = district.map(str::to_owned);
            let total = u32::try_from(set.base().criteria.len()).unwrap_or(u32::MAX);
            if let Some(min) = goals.min_criteria_per_commune
                && min > total
            {
                problems.push(Problem::new(
                    at(line),
                    Msg::TargetMinCriteria {
                        district: district.clone(),
                        min,
                        total,
                    },
                ));
            }
            if let Some(avg) = goals.average_criteria
                && !(0.0..=f64::from(total)).contains(&avg)
            {
                problems.push(Problem::new(
                    at(line),
                    Msg::TargetAverage {
                        district: district.clone(),
                        average: avg.to_string(),
                        total,
                    },
                ));
            }
            if let Some(share) = goals.hamlet_standard_share
                && !(0.0..=1.0).contains(&share)
            {
                problems.push(Problem::new(
                    at(line),
                    Msg::TargetShare {
                        district: district.clone(),
                        share: share.to_string(),
                    },
                ));
            }
            let mut tier_communes = Vec::new();
            for (key, tier_id, required) in [
                ("standard_communes", "standard", goals.standard_communes),
                ("advanced_communes", "advanced", goals.advanced_communes),
                ("model_communes", "model", goals.model_communes),
                ("modern_communes", "modern", goals.modern_communes),
            ] {
                let Some(required) = required else { continue };
                match set.tiers.iter().position(|t| t.id == tier_id) {
                    Some(tier) => tier_communes.push((key, tier, required)),
                    None => problems.push(Problem::new(
                        at(line),
                        Msg::TargetNoTier {
                            district: district.clone(),
                            key: key.to_owned(),
                            set: set.id.clone(),
                            tier: tier_id.to_owned(),
                            tiers: set.tiers.iter().map(|t| t.id.clone()).collect(),
                        },
                    )),
                }
            }
            Goals {
                tier_communes,
                min_criteria_per_commune: goals.min_criteria_per_commune,
                hamlet_standard_share: goals.hamlet_standard_share,
                average_criteria: goals.average_criteria,
            }
        };
        let province_goals = match &raw.targets {
            Some(t) => check(&t.value, t.referenced.line(), None),
            None => Goals::default(),
        };
        let mut districts: Vec<(String, Goals, u64)> = Vec::new();
        for (name, goals) in raw.districts.map(|d| d.0).unwrap_or_default() {
            let district = nfc(&name.value);
            let goals = check(&goals.value, goals.referenced.line(), Some(&district));
            districts.push((district, goals, name.referenced.line()));
        }
        let mut seen = std::collections::HashSet::new();
        for (district, _, line) in &districts {
            if !seen.insert(district.clone()) {
                problems.push(Problem::new(
                    at(*line),
                    Msg::TargetDistrictTwice {
                        district: district.clone(),
                    },
                ));
            }
        }
        if !problems.is_empty() {
            return Err(Error::Invalid {
                problems,
                omitted: 0,
            });
        }
        Ok(Targets {
            province: raw.province,
            criteria: raw.criteria.map(|c| c.value),
            year: raw.year,
            province_goals,
            districts: districts.into_iter().map(|(d, g, _)| (d, g)).collect(),
        })
    }

    /// The goals of `district`, if the file sets any.
    #[must_use]
    pub fn district(&self, district: &str) -> Option<&Goals> {
        let key = district_key(district);
        self.districts
            .iter()
            .find(|(d, _)| district_key(d) == key)
            .map(|(_, g)| g)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set() -> CriteriaSet {
        CriteriaSet::from_yaml(
            include_str!("../../tests/data/mini-set.yaml"),
            "mini-set.yaml",
        )
        .unwrap()
    }

    #[test]
    fn reads_province_and_district_targets() {
        let t = Targets::from_yaml(
            "province: Tỉnh mẫu\ncriteria: mini-set\nyear: 2025\ntargets:\n  standard_communes: 5\n  hamlet_standard_share: 0.3\ndistricts:\n  Hòa An: { standard_communes: 2 }\n",
            "t.yaml",
            &set(),
        )
        .unwrap();
        assert_eq!(t.province.as_deref(), Some("Tỉnh mẫu"));
        assert_eq!(
            t.province_goals.tier_communes,
            [("standard_communes", 0, 5)]
        );
        assert_eq!(t.province_goals.hamlet_standard_share, Some(0.3));
        assert_eq!(
            t.district("Hòa An").unwrap().tier_communes,
            [("standard_communes", 0, 2)]
        );
    }

    #[test]
    fn every_problem_with_its_line() {
        let err = Targets::from_yaml(
            "criteria: other-set\ntargets:\n  min_criteria_per_commune: 9\n  hamlet_standard_share: 30\n  modern_communes: 1\ndistricts:\n  A: { average_criteria: 7 }\n",
            "t.yaml",
            &set(),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("t.yaml:1: the targets are for criteria set other-set, but the data is scored with mini-set"), "{err}");
        assert!(
            err.contains("t.yaml:3: min_criteria_per_commune 9 is more than the set's 4 criteria"),
            "{err}"
        );
        assert!(
            err.contains("t.yaml:3: hamlet_standard_share 30 must be a share between 0 and 1"),
            "{err}"
        );
        assert!(
            err.contains("district A: average_criteria 7 is outside 0–4"),
            "{err}"
        );
        assert!(err.contains("modern_communes: criteria set mini-set has no tier \"modern\" (its tiers: standard, advanced, model)"), "{err}");
    }

    #[test]
    fn unknown_keys_are_errors_with_their_line() {
        let err = Targets::from_yaml("targets:\n  standard_commune: 5\n", "t.yaml", &set())
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("t.yaml:2: invalid targets file"), "{err}");
        assert!(err.contains("unknown field `standard_commune`"), "{err}");
    }
}
