//! What changed between two surveys of the same province (last month's and this month's):
//! communes that moved up or down a tier, gained or lost criteria, appeared or went missing,
//! and the province's totals. Losing a criterion already recognised comes first: keeping the
//! standard (duy trì) is what the programme watches. Pure.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::criteria::CriteriaSet;
use crate::criteria::Verdict;
use crate::score::CommuneScore;
use crate::survey::code_without_leading_zeros;
use crate::text::fold;

/// What a commune looked like in one survey.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// `commune_id`.
    pub id: String,
    /// Commune name.
    pub name: String,
    /// District.
    pub district: String,
    /// Tier reached, as an index into the set's tiers.
    pub tier: Option<usize>,
    /// Numbers of the base criteria met.
    pub met: Vec<u32>,
    /// The tier it was recognised at by decision, when the survey says.
    pub recognised: Option<usize>,
}

impl Snapshot {
    /// The snapshot of a scored commune.
    #[must_use]
    pub fn of(set: &CriteriaSet, score: &CommuneScore) -> Snapshot {
        Snapshot {
            id: score.commune.id.clone(),
            name: score.commune.name.clone(),
            district: score.commune.district.clone(),
            tier: score.tier,
            met: score.numbers(set, Verdict::Met).collect(),
            recognised: score.commune.recognised,
        }
    }
}

/// The kind of change of one commune, most alarming first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Movement {
    /// Lost a tier or a criterion it had.
    Lost,
    /// Went missing from the new survey.
    Missing,
    /// Moved up a tier.
    TierUp,
    /// Gained criteria without changing tier.
    Gained,
    /// New in this survey.
    Added,
}

/// One commune's change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommuneChange {
    /// `commune_id`.
    pub commune_id: String,
    /// Commune name.
    pub commune: String,
    /// District.
    pub district: String,
    /// What happened.
    pub change: Movement,
    /// Tier before (`null` for an added commune).
    pub tier_before: Option<String>,
    /// Tier after (`null` for a missing commune).
    pub tier_after: Option<String>,
    /// Criteria met before.
    pub criteria_before: Option<u32>,
    /// Criteria met after.
    pub criteria_after: Option<u32>,
    /// Criteria met now and not before.
    pub gained: Vec<String>,
    /// Criteria met before and not now.
    pub lost: Vec<String>,
}

/// A province figure before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Total {
    /// What is counted: `communes`, `<tier>_communes` (at that tier or above), `average_criteria`.
    pub name: String,
    /// Before.
    pub before: f64,
    /// After.
    pub after: f64,
    /// `after - before`.
    pub change: f64,
}

/// Every change between two surveys.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Changes {
    /// Province totals.
    pub totals: Vec<Total>,
    /// Communes that changed, alarms first, each group in file order.
    pub communes: Vec<CommuneChange>,
    /// What the reader should know of how communes were matched (codes that differ only in
    /// their leading zeros), for standard error.
    #[serde(skip)]
    pub warnings: Vec<String>,
    /// Communes of the new survey recognised at a tier they no longer meet, by id.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub below_recognition: Vec<String>,
}

impl Changes {
    /// Whether any commune lost a tier or a criterion, or no longer meets the tier it was
    /// recognised at.
    #[must_use]
    pub fn any_lost(&self) -> bool {
        self.communes.iter().any(|c| c.change == Movement::Lost)
            || !self.below_recognition.is_empty()
    }
}

/// Compares the `old` and `new` snapshots of the same province, matched by `commune_id`.
#[must_use]
pub fn compare(set: &CriteriaSet, old: &[Snapshot], new: &[Snapshot]) -> Changes {
    let tier_id =
        |t: Option<usize>| t.map_or_else(|| "none".to_owned(), |t| set.tiers[t].id.clone());
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let (pairs, warnings) = pair(old, new);
    let mut communes = Vec::new();
    for (n, paired) in new.iter().zip(&pairs) {
        let change = match paired {
            None => Some(CommuneChange {
                commune_id: n.id.clone(),
                commune: n.name.clone(),
                district: n.district.clone(),
                change: Movement::Added,
                tier_before: None,
                tier_after: Some(tier_id(n.tier)),
                criteria_before: None,
                criteria_after: Some(count(n.met.len())),
                gained: Vec::new(),
                lost: Vec::new(),
            }),
            Some(o) => {
                let lost: Vec<String> = o
                    .met
                    .iter()
                    .filter(|c| !n.met.contains(c))
                    .map(ToString::to_string)
                    .collect();
                let gained: Vec<String> = n
                    .met
                    .iter()
                    .filter(|c| !o.met.contains(c))
                    .map(ToString::to_string)
                    .collect();
                let movement = if n.tier < o.tier || !lost.is_empty() {
                    Some(Movement::Lost)
                } else if n.tier > o.tier {
                    Some(Movement::TierUp)
                } else if !gained.is_empty() {
                    Some(Movement::Gained)
                } else {
                    None
                };
                movement.map(|change| CommuneChange {
                    commune_id: n.id.clone(),
                    commune: n.name.clone(),
                    district: n.district.clone(),
                    change,
                    tier_before: Some(tier_id(o.tier)),
                    tier_after: Some(tier_id(n.tier)),
                    criteria_before: Some(count(o.met.len())),
                    criteria_after: Some(count(n.met.len())),
                    gained,
                    lost,
                })
            }
        };
        communes.extend(change);
    }
    let present: std::collections::HashSet<&str> =
        pairs.iter().flatten().map(|o| o.id.as_str()).collect();
    for o in old.iter().filter(|o| !present.contains(o.id.as_str())) {
        communes.push(CommuneChange {
            commune_id: o.id.clone(),
            commune: o.name.clone(),
            district: o.district.clone(),
            change: Movement::Missing,
            tier_before: Some(tier_id(o.tier)),
            tier_after: None,
            criteria_before: Some(count(o.met.len())),
            criteria_after: None,
            gained: Vec::new(),
            lost: Vec::new(),
        });
    }
    communes.sort_by_key(|c| c.change);

    #[allow(clippy::cast_precision_loss)]
    let average = |s: &[Snapshot]| {
        if s.is_empty() {
            0.0
        } else {
            s.iter().map(|x| x.met.len()).sum::<usize>() as f64 / s.len() as f64
        }
    };
    #[allow(clippy::cast_precision_loss)]
    let at_least = |s: &[Snapshot], k: usize| {
        s.iter().filter(|x| x.tier.is_some_and(|t| t >= k)).count() as f64
    };
    let round = |x: f64| (x * 100.0).round() / 100.0;
    let total = |name: String, before: f64, after: f64| Total {
        name,
        before: round(before),
        after: round(after),
        change: round(after - before) + 0.0,
    };
    #[allow(clippy::cast_precision_loss)]
    let mut totals = vec![total("communes".into(), old.len() as f64, new.len() as f64)];
    for (k, tier) in set.tiers.iter().enumerate() {
        totals.push(total(
            format!("{}_communes", tier.id),
            at_least(old, k),
            at_least(new, k),
        ));
    }
    totals.push(total("average_criteria".into(), average(old), average(new)));
    let below_recognition = new
        .iter()
        .filter(|n| n.recognised.is_some_and(|r| n.tier.is_none_or(|t| t < r)))
        .map(|n| n.id.clone())
        .collect();
    Changes {
        totals,
        communes,
        warnings,
        below_recognition,
    }
}

/// The commune of `old` each commune of `new` is, and what to say of how they were paired.
/// Communes pair by `commune_id`; a code typed as a number in one file and as text in the
/// other (`1229`, `01229`) pairs by the code without leading zeros when the two names agree,
/// with a warning, and not when they differ or are missing, with a warning too.
fn pair<'o>(old: &'o [Snapshot], new: &[Snapshot]) -> (Vec<Option<&'o Snapshot>>, Vec<String>) {
    let exact: HashMap<&str, &Snapshot> = old.iter().map(|s| (s.id.as_str(), s)).collect();
    let in_new: HashSet<&str> = new.iter().map(|s| s.id.as_str()).collect();
    // old communes no new row names exactly, by their code without leading zeros
    let mut by_digits: HashMap<&str, &Snapshot> = old
        .iter()
        .filter(|o| !in_new.contains(o.id.as_str()))
        .filter_map(|o| code_without_leading_zeros(&o.id).map(|key| (key, o)))
        .collect();
    let mut warnings = Vec::new();
    let pairs = new
        .iter()
        .map(|n| {
            if let Some(o) = exact.get(n.id.as_str()) {
                return Some(*o);
            }
            let key = code_without_leading_zeros(&n.id)?;
            let o = *by_digits.get(key)?;
            if !n.name.is_empty() && fold(&n.name) == fold(&o.name) {
                by_digits.remove(key);
                warnings.push(format!(
                    "commune {} ({}) is {} in the new file: the codes differ only in leading zeros and the names agree, so they are taken as one commune",
                    o.id, o.name, n.id
                ));
                Some(o)
            } else {
                warnings.push(format!(
                    "codes {} ({}) and {} ({}) differ only in leading zeros, but the names do not agree: they are taken as two communes",
                    o.id, o.name, n.id, n.name
                ));
                None
            }
        })
        .collect();
    (pairs, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set() -> CriteriaSet {
        CriteriaSet::from_yaml(include_str!("../../tests/data/mini-set.yaml"), "mini").unwrap()
    }

    fn snap(id: &str, tier: Option<usize>, met: &[u32]) -> Snapshot {
        Snapshot {
            id: id.into(),
            name: format!("Xã {id}"),
            district: "D".into(),
            tier,
            met: met.to_vec(),
            recognised: None,
        }
    }

    #[test]
    fn upgrade_downgrade_lost_criterion_added_and_missing() {
        let set = set();
        let old = [
            snap("UP", None, &[1, 2, 3]),
            snap("DOWN", Some(1), &[1, 2, 3, 4]),
            snap("LOST", None, &[1, 2]),
            snap("SWAP", None, &[1]),
            snap("SAME", None, &[1]),
            snap("GONE", Some(0), &[1, 2, 3, 4]),
        ];
        let new = [
            snap("NEW", None, &[2]),
            snap("UP", Some(0), &[1, 2, 3, 4]),
            snap("DOWN", Some(0), &[1, 2, 3, 4]),
            snap("LOST", None, &[1]),
            snap("SWAP", None, &[2]),
            snap("SAME", None, &[1]),
        ];
        let changes = compare(&set, &old, &new);
        let got: Vec<_> = changes
            .communes
            .iter()
            .map(|c| {
                (
                    c.commune_id.as_str(),
                    c.change,
                    c.gained.join(";"),
                    c.lost.join(";"),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("DOWN", Movement::Lost, String::new(), String::new()),
                ("LOST", Movement::Lost, String::new(), "2".into()),
                ("SWAP", Movement::Lost, "2".into(), "1".into()),
                ("GONE", Movement::Missing, String::new(), String::new()),
                ("UP", Movement::TierUp, "4".into(), String::new()),
                ("NEW", Movement::Added, String::new(), String::new()),
            ]
        );
        assert!(changes.any_lost());
        let standard = changes
            .totals
            .iter()
            .find(|t| t.name == "standard_communes")
            .unwrap();
        assert_eq!(
            (standard.before, standard.after, standard.change),
            (2.0, 2.0, 0.0)
        );
        let average = changes
            .totals
            .iter()
            .find(|t| t.name == "average_criteria")
            .unwrap();
        assert_eq!(
            (average.before, average.after, average.change),
            (2.5, 2.0, -0.5)
        );
    }
}
