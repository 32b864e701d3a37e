//! What changed between two criteria sets: criteria and indicators added, removed, renumbered
//! or reworded, and thresholds changed — what an analyst needs when a new set is issued. Pure.

use std::fmt::Write as _;

use serde::Serialize;

use crate::criteria::{CriteriaSet, Criterion, Indicator, Measure, Tier};
use crate::text::fold;

/// One change from set A to set B.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// What kind of change.
    pub change: ChangeKind,
    /// The tier id it concerns, when it concerns one.
    pub tier: Option<String>,
    /// The criterion number (in B when it exists there, else in A).
    pub criterion: Option<u32>,
    /// The indicator id (in B when it exists there, else in A).
    pub indicator: Option<String>,
    /// Where within a threshold (year, class), for threshold changes.
    pub at: Option<String>,
    /// The old value.
    pub from: Option<String>,
    /// The new value.
    pub to: Option<String>,
}

/// The kinds of change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A set-level field (title, period, classification) differs.
    Set,
    /// A tier only B has.
    TierAdded,
    /// A tier only A has.
    TierRemoved,
    /// A criterion only B has.
    CriterionAdded,
    /// A criterion only A has.
    CriterionRemoved,
    /// The same criterion under another number.
    CriterionRenumbered,
    /// The same number, another name.
    CriterionRenamed,
    /// An indicator only B has.
    IndicatorAdded,
    /// An indicator only A has.
    IndicatorRemoved,
    /// The same indicator (same wording) under another id.
    IndicatorRenumbered,
    /// The same id, other wording.
    IndicatorReworded,
    /// The same id, another kind, unit or comparison.
    IndicatorMeasure,
    /// A threshold value differs, appears or disappears.
    Threshold,
    /// The department responsible (or the years it changes in) differs.
    Owner,
    /// The recognition conditions of a tier differ.
    Conditions,
}

/// The changes from `a` to `b`, in the order of B's tiers and criteria.
#[must_use]
pub fn diff(a: &CriteriaSet, b: &CriteriaSet) -> Vec<Change> {
    let mut out = Vec::new();
    let set = |field: &str, from: String, to: String, out: &mut Vec<Change>| {
        if from != to {
            out.push(Change {
                change: ChangeKind::Set,
                tier: None,
                criterion: None,
                indicator: None,
                at: Some(field.to_owned()),
                from: Some(from),
                to: Some(to),
            });
        }
    };
    set("title", a.title.vi.clone(), b.title.vi.clone(), &mut out);
    set(
        "period",
        a.period.to_string(),
        b.period.to_string(),
        &mut out,
    );
    let classes = |s: &CriteriaSet| {
        let codes: Vec<_> = s
            .classification
            .classes
            .iter()
            .map(|c| c.code.as_str())
            .collect();
        format!("{} ({})", s.classification.column, codes.join(", "))
    };
    set("classification", classes(a), classes(b), &mut out);
    let bands = |s: &CriteriaSet| {
        s.bands
            .iter()
            .map(|b| b.label.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    set("bands", bands(a), bands(b), &mut out);

    for tb in &b.tiers {
        match a.tiers.iter().find(|t| t.id == tb.id) {
            Some(ta) => tier(a, b, ta, tb, &mut out),
            None => out.push(Change {
                change: ChangeKind::TierAdded,
                tier: Some(tb.id.clone()),
                criterion: None,
                indicator: None,
                at: None,
                from: None,
                to: Some(tb.name.vi.clone()),
            }),
        }
    }
    for ta in a
        .tiers
        .iter()
        .filter(|ta| !b.tiers.iter().any(|t| t.id == ta.id))
    {
        out.push(Change {
            change: ChangeKind::TierRemoved,
            tier: Some(ta.id.clone()),
            criterion: None,
            indicator: None,
            at: None,
            from: Some(ta.name.vi.clone()),
            to: None,
        });
    }
    out
}

fn tier(a: &CriteriaSet, b: &CriteriaSet, ta: &Tier, tb: &Tier, out: &mut Vec<Change>) {
    let change = |kind, criterion: u32, from: Option<String>, to: Option<String>| Change {
        change: kind,
        tier: Some(tb.id.clone()),
        criterion: Some(criterion),
        indicator: None,
        at: None,
        from,
        to,
    };
    let conditions = |t: &Tier| {
        t.conditions
            .iter()
            .map(|c| c.column.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if conditions(ta) != conditions(tb) {
        out.push(Change {
            change: ChangeKind::Conditions,
            tier: Some(tb.id.clone()),
            criterion: None,
            indicator: None,
            at: None,
            from: Some(conditions(ta)),
            to: Some(conditions(tb)),
        });
    }
    // Pair criteria: first by name wherever they stand, then by number.
    let mut pairs: Vec<(Option<&Criterion>, Option<&Criterion>)> = Vec::new();
    let mut a_used = vec![false; ta.criteria.len()];
    let mut b_used = vec![false; tb.criteria.len()];
    for (j, cb) in tb.criteria.iter().enumerate() {
        if let Some(i) = ta
            .criteria
            .iter()
            .enumerate()
            .position(|(i, ca)| !a_used[i] && fold(&ca.name.vi) == fold(&cb.name.vi))
        {
            a_used[i] = true;
            b_used[j] = true;
            pairs.push((Some(&ta.criteria[i]), Some(cb)));
        }
    }
    for (j, cb) in tb.criteria.iter().enumerate() {
        if b_used[j] {
            continue;
        }
        let i = ta
            .criteria
            .iter()
            .enumerate()
            .position(|(i, ca)| !a_used[i] && ca.number == cb.number);
        if let Some(i) = i {
            a_used[i] = true;
            pairs.push((Some(&ta.criteria[i]), Some(cb)));
        } else {
            pairs.push((None, Some(cb)));
        }
    }
    for (i, ca) in ta.criteria.iter().enumerate() {
        if !a_used[i] {
            pairs.push((Some(ca), None));
        }
    }
    pairs.sort_by_key(|(ca, cb)| cb.or(*ca).map(|c| c.number));

    for pair in pairs {
        match pair {
            (Some(ca), Some(cb)) => {
                if ca.number != cb.number {
                    out.push(change(
                        ChangeKind::CriterionRenumbered,
                        cb.number,
                        Some(format!("{} {}", ca.number, ca.name.vi)),
                        Some(format!("{} {}", cb.number, cb.name.vi)),
                    ));
                } else if ca.name.vi != cb.name.vi {
                    out.push(change(
                        ChangeKind::CriterionRenamed,
                        cb.number,
                        Some(ca.name.vi.clone()),
                        Some(cb.name.vi.clone()),
                    ));
                }
                if owner(ca) != owner(cb) {
                    out.push(change(
                        ChangeKind::Owner,
                        cb.number,
                        Some(owner(ca)),
                        Some(owner(cb)),
                    ));
                }
                indicators(a, b, tb, ca, cb, out);
            }
            (None, Some(cb)) => out.push(change(
                ChangeKind::CriterionAdded,
                cb.number,
                None,
                Some(cb.name.vi.clone()),
            )),
            (Some(ca), None) => out.push(change(
                ChangeKind::CriterionRemoved,
                ca.number,
                Some(ca.name.vi.clone()),
                None,
            )),
            (None, None) => {}
        }
    }
}

/// A criterion's department, and the ones it moves to with their first survey years.
fn owner(c: &Criterion) -> String {
    let mut out = c.owner.vi.clone();
    for change in &c.owner_changes {
        let _ = write!(out, "; {}–: {}", change.from, change.owner.vi);
    }
    out
}

fn indicators(
    a: &CriteriaSet,
    b: &CriteriaSet,
    tier: &Tier,
    ca: &Criterion,
    cb: &Criterion,
    out: &mut Vec<Change>,
) {
    let change =
        |kind, id: &str, at: Option<String>, from: Option<String>, to: Option<String>| Change {
            change: kind,
            tier: Some(tier.id.clone()),
            criterion: Some(cb.number),
            indicator: Some(id.to_owned()),
            at,
            from,
            to,
        };
    let same_name = |x: &Indicator, y: &Indicator| fold(&x.name.vi) == fold(&y.name.vi);
    // an amended indicator's versions are named with their survey years: 15.4 (–2023)
    let named = |i: &Indicator| match i.years {
        Some(years) => format!("{} ({years})", i.id),
        None => i.id.clone(),
    };
    for ib in &cb.indicators {
        let found = ca
            .indicators
            .iter()
            .find(|ia| ia.id == ib.id && ia.years == ib.years)
            .or_else(|| ca.indicators.iter().find(|ia| ia.id == ib.id));
        let label = named(ib);
        if let Some(ia) = found {
            if !same_name(ia, ib) {
                out.push(change(
                    ChangeKind::IndicatorReworded,
                    &label,
                    None,
                    Some(ia.name.vi.clone()),
                    Some(ib.name.vi.clone()),
                ));
            }
            compare_measures(a, b, ia, ib, &mut |at, from, to| {
                let kind = if at.is_some() {
                    ChangeKind::Threshold
                } else {
                    ChangeKind::IndicatorMeasure
                };
                out.push(change(kind, &label, at, from, to));
            });
        } else if let Some(ia) = ca
            .indicators
            .iter()
            .find(|ia| same_name(ia, ib) && !cb.indicators.iter().any(|x| x.id == ia.id))
        {
            out.push(change(
                ChangeKind::IndicatorRenumbered,
                &label,
                None,
                Some(ia.id.clone()),
                Some(ib.id.clone()),
            ));
        } else {
            out.push(change(
                ChangeKind::IndicatorAdded,
                &label,
                None,
                None,
                Some(ib.name.vi.clone()),
            ));
        }
    }
    for ia in &ca.indicators {
        let kept = cb
            .indicators
            .iter()
            .any(|ib| ib.id == ia.id || same_name(ia, ib));
        if !kept {
            out.push(change(
                ChangeKind::IndicatorRemoved,
                &named(ia),
                None,
                Some(ia.name.vi.clone()),
                None,
            ));
        }
    }
}

/// Calls `report(at, from, to)` for each difference in kind, unit, comparison (with `at`
/// `None`) and in threshold values (with `at` naming the year and class).
fn compare_measures(
    a: &CriteriaSet,
    b: &CriteriaSet,
    ia: &Indicator,
    ib: &Indicator,
    report: &mut dyn FnMut(Option<String>, Option<String>, Option<String>),
) {
    let describe = |m: &Measure| match m {
        Measure::YesNo => "yes_no".to_owned(),
        Measure::Quantity(q) => format!(
            "{:?} {}{}",
            q.kind,
            q.comparison.symbol(),
            q.unit.as_ref().map(|u| format!(" {u}")).unwrap_or_default()
        )
        .to_lowercase(),
    };
    if describe(&ia.measure) != describe(&ib.measure) {
        report(
            None,
            Some(describe(&ia.measure)),
            Some(describe(&ib.measure)),
        );
    }
    let (Measure::Quantity(qa), Measure::Quantity(qb)) = (&ia.measure, &ib.measure) else {
        return;
    };
    let keyed = |set: &CriteriaSet, t: &crate::criteria::Threshold| {
        t.levels()
            .into_iter()
            .map(|(year, class, level)| {
                let mut at = Vec::new();
                if let Some(year) = year {
                    at.push(year.to_string());
                }
                if let Some(class) = class {
                    at.push(set.classification.class(class).code.clone());
                }
                (at.join(" "), level.amount)
            })
            .collect::<Vec<_>>()
    };
    let la = keyed(a, &qa.threshold);
    let lb = keyed(b, &qb.threshold);
    let show = |x: Option<f64>| x.map_or_else(|| "~".to_owned(), crate::render::number);
    for (at, vb) in &lb {
        match la.iter().find(|(k, _)| k == at) {
            Some((_, va)) if va == vb => {}
            Some((_, va)) => report(Some(at.clone()), Some(show(*va)), Some(show(*vb))),
            None => report(Some(at.clone()), None, Some(show(*vb))),
        }
    }
    for (at, va) in &la {
        if !lb.iter().any(|(k, _)| k == at) {
            report(Some(at.clone()), Some(show(*va)), None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::criteria::builtin;

    fn load(id: &str) -> CriteriaSet {
        let b = builtin(id).unwrap();
        CriteriaSet::from_yaml(b.yaml, b.id).unwrap()
    }

    #[test]
    fn departments_and_recognition_conditions_are_changes() {
        let changes = diff(&load("vn-commune-2016-2020"), &load("vn-commune-2021-2025"));
        let transport = changes
            .iter()
            .find(|c| {
                c.change == ChangeKind::Owner
                    && c.tier.as_deref() == Some("standard")
                    && c.criterion == Some(2)
            })
            .unwrap();
        assert_eq!(transport.from.as_deref(), Some("Sở Giao thông vận tải"));
        assert_eq!(
            transport.to.as_deref(),
            Some("Sở Giao thông vận tải; 2025–: Sở Xây dựng")
        );
        let conditions = changes
            .iter()
            .find(|c| c.change == ChangeKind::Conditions)
            .unwrap();
        assert_eq!(conditions.tier.as_deref(), Some("standard"));
        assert_eq!(conditions.from.as_deref(), Some(""));
        assert_eq!(
            conditions.to.as_deref(),
            Some("no_construction_debt, satisfaction, security")
        );
    }

    #[test]
    fn the_2016_to_2021_changes_name_the_renamed_criteria() {
        let changes = diff(&load("vn-commune-2016-2020"), &load("vn-commune-2021-2025"));
        let renamed: Vec<_> = changes
            .iter()
            .filter(|c| c.change == ChangeKind::CriterionRenamed)
            .map(|c| {
                (
                    c.criterion.unwrap(),
                    c.from.clone().unwrap(),
                    c.to.clone().unwrap(),
                )
            })
            .collect();
        assert!(
            renamed.contains(&(11, "Hộ nghèo".into(), "Nghèo đa chiều".into())),
            "{renamed:?}"
        );
        assert!(renamed.contains(&(12, "Lao động có việc làm".into(), "Lao động".into())));
        assert!(renamed.contains(&(
            3,
            "Thủy lợi".into(),
            "Thủy lợi và phòng, chống thiên tai".into()
        )));
        assert!(renamed.contains(&(
            13,
            "Tổ chức sản xuất".into(),
            "Tổ chức sản xuất và phát triển kinh tế nông thôn".into()
        )));
        assert_eq!(renamed.len(), 4, "{renamed:?}");
        assert!(changes.iter().any(|c| c.change == ChangeKind::TierAdded && c.tier.as_deref() == Some("advanced")));
        assert!(
            changes
                .iter()
                .any(|c| c.change == ChangeKind::Set && c.at.as_deref() == Some("period"))
        );
    }

    #[test]
    fn a_set_has_no_changes_against_itself() {
        let set = load("vn-commune-2021-2025");
        assert_eq!(diff(&set, &set), []);
    }

    #[test]
    fn threshold_changes_name_year_and_class() {
        let a = load("vn-commune-2016-2020");
        let b = load("vn-commune-2021-2025");
        let income: Vec<_> = diff(&a, &b)
            .into_iter()
            .filter(|c| {
                c.indicator.as_deref() == Some("10") && c.tier.as_deref() == Some("standard")
            })
            .collect();
        assert!(income.iter().any(|c| c.at.as_deref() == Some("2022 TDMNPB")
            && c.from.is_none()
            && c.to.as_deref() == Some("39")));
        assert!(income.iter().any(|c| c.at.as_deref() == Some("2020 DNB")
            && c.from.as_deref() == Some("59")
            && c.to.is_none()));
    }
}
