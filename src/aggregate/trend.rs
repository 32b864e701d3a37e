//! Progress over time: the figures of every period of a panel, whether the province is on
//! track for its targets, and the communes that ever lost a criterion or a tier.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::aggregate::changes::{Mergers, Snapshot};
use crate::aggregate::progress::{
    BandCount, By, Figure, Progress, ProgressReport, TargetResult, TierCount,
};
use crate::aggregate::targets::Targets;
use crate::criteria::{CriteriaSet, Verdict};
use crate::score::CommuneScore;
use crate::survey::period::Period;

/// Everything `ntm trend` reports.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trend {
    /// The criteria set.
    pub criteria: String,
    /// The year the targets are for, when targets were given.
    pub target_year: Option<u16>,
    /// What each period's units are, when grouped (`--by`): `district`, or the header of the
    /// column grouped by.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// The figures of each period, oldest first.
    pub periods: Vec<PeriodFigures>,
    /// For each target, the pace so far against the pace still needed.
    pub pace: Vec<Pace>,
    /// Every time a commune lost a criterion or a tier from one period to the next, in period
    /// order.
    pub losses: Vec<Loss>,
}

/// The figures of one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodFigures {
    /// The period.
    pub period: String,
    /// The province's figures.
    #[serde(flatten)]
    pub figures: Figures,
    /// The figures of each unit, when grouped (`--by`), in the order the units first appear.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<GroupFigures>>,
}

/// The figures of one unit (a district, or a cell of the column grouped by) in one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupFigures {
    /// The unit; empty for the communes whose cell is blank.
    pub group: String,
    /// Its figures; its targets are a district's, from the targets file.
    #[serde(flatten)]
    pub figures: Figures,
}

/// What a trend follows of the province, or of a unit, in one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    /// Communes.
    pub communes: u32,
    /// Communes at each tier.
    pub tiers: Vec<TierCount>,
    /// Communes in each band.
    pub bands: Vec<BandCount>,
    /// Average criteria met per commune.
    pub average_criteria: Option<f64>,
    /// Share of hamlets recognised standard.
    pub hamlet_standard_share: Option<f64>,
    /// Each target's actual figure and what is still needed.
    pub targets: Vec<TargetActual>,
}

/// A target's standing in one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetActual {
    /// The target's key.
    pub name: String,
    /// What it requires (for the name people read: "no commune under 15 criteria"; the JSON of
    /// a trend does not repeat it every period).
    #[serde(skip)]
    pub required: Figure,
    /// What the data shows.
    pub actual: Option<Figure>,
    /// What is still needed, in the unit people plan with.
    pub gap: Figure,
    /// Whether it is met; `null` when data not assessed leaves it open.
    pub met: Option<bool>,
}

/// Whether a target will be met at the pace so far.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pace {
    /// The target's key.
    pub target: String,
    /// What is still needed in the latest period.
    pub gap: f64,
    /// Periods left until the end of the target year, after the latest.
    pub periods_left: u32,
    /// What must be gained per period from now on to close the gap in time; `null` when no
    /// period is left.
    pub needed_per_period: Option<f64>,
    /// What was gained per period from the first period to the latest; `null` with a single
    /// period.
    pub so_far_per_period: Option<f64>,
    /// Whether the pace so far closes the gap in time: met already, or gaining at least what
    /// is needed per period; `null` when it cannot be judged.
    pub on_track: Option<bool>,
}

/// A commune that lost a criterion or a tier between two periods.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Loss {
    /// `commune_id`.
    pub commune_id: String,
    /// Commune name.
    pub commune: String,
    /// District.
    pub district: String,
    /// The period before.
    pub from: String,
    /// The period the loss shows in.
    pub to: String,
    /// The tier before.
    pub tier_before: String,
    /// The tier after.
    pub tier_after: String,
    /// Criteria met before and not after.
    pub lost: Vec<u32>,
}

/// Folds scored communes of several periods into a [`Trend`].
pub struct TrendBuilder<'s> {
    set: &'s CriteriaSet,
    targets: Option<&'s Targets>,
    periods: BTreeMap<Period, Progress<'s>>,
    /// Every commune's snapshot, by commune then period.
    history: BTreeMap<String, BTreeMap<Period, Snapshot>>,
    /// Mergers, to follow communes across a reorganisation.
    mergers: Option<&'s Mergers>,
    /// What each period's units are.
    by: By,
}

impl<'s> TrendBuilder<'s> {
    /// An empty trend for `set`, judged against `targets`.
    #[must_use]
    pub fn new(set: &'s CriteriaSet, targets: Option<&'s Targets>) -> Self {
        TrendBuilder {
            set,
            targets,
            periods: BTreeMap::new(),
            history: BTreeMap::new(),
            mergers: None,
            by: By::Province,
        }
    }

    /// Groups each period's figures per unit as `by` says (the province as a whole for
    /// [`By::Default`]), for the periods added from now on.
    pub fn group_by(&mut self, by: By) {
        self.by = match by {
            By::Default => By::Province,
            by => by,
        };
    }

    /// Whether some commune added has a unit with a name (see [`Progress::has_named_group`]).
    #[must_use]
    pub fn has_named_group(&self) -> bool {
        self.periods.values().any(Progress::has_named_group)
    }

    /// The criteria set communes are scored with.
    #[must_use]
    pub fn set(&self) -> &'s CriteriaSet {
        self.set
    }

    /// Leaves out the periods after `until`, and returns them.
    pub fn retain_until(&mut self, until: Period) -> Vec<Period> {
        let later: Vec<Period> = self
            .periods
            .range(until..)
            .skip(1)
            .map(|(p, _)| *p)
            .collect();
        if later.is_empty() {
            return later;
        }
        self.periods.retain(|p, _| *p <= until);
        for periods in self.history.values_mut() {
            periods.retain(|p, _| *p <= until);
        }
        self.history.retain(|_, periods| !periods.is_empty());
        later
    }

    /// The same, following communes through `mergers`: a commune's history before it became
    /// part of another is the other's, its parts taken together (see
    /// [`Snapshot::together_with`]).
    #[must_use]
    pub fn following(mut self, mergers: Option<&'s Mergers>) -> Self {
        self.mergers = mergers;
        self
    }

    /// Adds a scored commune of `period`.
    pub fn add(&mut self, period: Period, score: &CommuneScore) {
        let (set, targets, by) = (self.set, self.targets, &self.by);
        self.periods
            .entry(period)
            .or_insert_with(|| Progress::new(set, targets, by.clone()))
            .add(score);
        let id = &score.commune.id;
        let unit = self.mergers.map_or(id.as_str(), |m| m.unit(id));
        let mut snapshot = Snapshot::of(set, score);
        if unit != id {
            snapshot = snapshot.renamed(unit);
        }
        let periods = self.history.entry(unit.to_owned()).or_default();
        match periods.get(&period) {
            Some(other) => {
                let together = other.together_with(&snapshot);
                periods.insert(period, together);
            }
            None => {
                periods.insert(period, snapshot);
            }
        }
    }

    /// The trend.
    #[must_use]
    pub fn finish(self) -> Trend {
        let set = self.set;
        let tier_id = |t: Option<usize>| t.map_or("none", |t| set.tiers[t].id.as_str()).to_owned();
        let reports: Vec<(Period, ProgressReport)> = self
            .periods
            .into_iter()
            .map(|(period, progress)| (period, progress.finish()))
            .collect();
        let periods: Vec<PeriodFigures> = reports
            .iter()
            .map(|(period, r)| PeriodFigures {
                period: period.to_string(),
                figures: Figures {
                    communes: r.communes,
                    tiers: r.tiers.clone(),
                    bands: r.bands.clone(),
                    average_criteria: r.average_criteria,
                    hamlet_standard_share: r.hamlet_standard_share.as_ref().map(|h| h.share),
                    targets: actuals(&r.targets),
                },
                groups: r.by.is_some().then(|| {
                    r.groups
                        .iter()
                        .map(|g| GroupFigures {
                            group: g.group.clone(),
                            figures: Figures {
                                communes: g.communes,
                                tiers: g.tiers.clone(),
                                bands: g.bands.clone(),
                                average_criteria: g.average_criteria,
                                hamlet_standard_share: g
                                    .hamlet_standard_share
                                    .as_ref()
                                    .map(|h| h.share),
                                targets: actuals(&g.targets),
                            },
                        })
                        .collect()
                }),
            })
            .collect();
        let by = self.by.heading().map(str::to_owned);
        let target_year = self.targets.and_then(|t| t.year);
        let pace = match (reports.first(), reports.last(), target_year) {
            (Some((first, start)), Some((latest, now)), Some(year)) => now
                .targets
                .iter()
                .map(|t| {
                    let before = start
                        .targets
                        .iter()
                        .find(|s| s.name == t.name)
                        .map_or(value(t.gap), |s| value(s.gap));
                    pace(&t.name, before, value(t.gap), t.met, *first, *latest, year)
                })
                .collect(),
            _ => Vec::new(),
        };
        let mut losses = Vec::new();
        for snapshots in self.history.values() {
            let mut previous: Option<(&Period, &Snapshot)> = None;
            for (period, now) in snapshots {
                if let Some((before_period, before)) = previous {
                    let met_now = now.numbers(set, Verdict::Met);
                    let lost: Vec<u32> = before
                        .numbers(set, Verdict::Met)
                        .into_iter()
                        .filter(|c| !met_now.contains(c))
                        .collect();
                    if now.tier() < before.tier() || !lost.is_empty() {
                        losses.push(Loss {
                            commune_id: now.id().to_owned(),
                            commune: now.name().to_owned(),
                            district: now.district().to_owned(),
                            from: before_period.to_string(),
                            to: period.to_string(),
                            tier_before: tier_id(before.tier()),
                            tier_after: tier_id(now.tier()),
                            lost,
                        });
                    }
                }
                previous = Some((period, now));
            }
        }
        losses.sort_by(|a, b| (&a.to, &a.commune_id).cmp(&(&b.to, &b.commune_id)));
        Trend {
            criteria: set.id.clone(),
            target_year,
            by,
            periods,
            pace,
            losses,
        }
    }
}

/// Each target's actual figure, gap and verdict.
fn actuals(targets: &[TargetResult]) -> Vec<TargetActual> {
    targets
        .iter()
        .map(|t| TargetActual {
            name: t.name.clone(),
            required: t.required,
            actual: t.actual,
            gap: t.gap,
            met: t.met,
        })
        .collect()
}

fn value(figure: Figure) -> f64 {
    match figure {
        #[allow(clippy::cast_precision_loss)]
        Figure::Count(n) => n as f64,
        Figure::Measure(x) => x,
    }
}

/// The pace of one target: `before` and `now` are what was still needed in the first and the
/// latest period; the deadline is the end of the target `year` (December for monthly
/// periods). Periods are counted in months for a monthly panel, in years for a yearly one.
fn pace(
    name: &str,
    before: f64,
    now: f64,
    met: Option<bool>,
    first: Period,
    latest: Period,
    year: u16,
) -> Pace {
    let index = |p: Period| match latest.month {
        Some(_) => i64::from(p.year) * 12 + i64::from(p.month.unwrap_or(12)) - 1,
        None => i64::from(p.year),
    };
    let deadline = Period {
        year,
        month: latest.month.map(|_| 12),
    };
    let left = u32::try_from((index(deadline) - index(latest)).max(0)).unwrap_or(0);
    let elapsed = index(latest) - index(first);
    let round = |x: f64| (x * 100.0).round() / 100.0;
    #[allow(clippy::cast_precision_loss)]
    let so_far = (elapsed > 0).then(|| round((before - now) / elapsed as f64));
    let needed = (left > 0).then(|| round(now / f64::from(left)));
    let on_track = if met == Some(true) || now <= 0.0 {
        Some(true)
    } else {
        match (needed, so_far) {
            (Some(needed), Some(so_far)) => Some(so_far >= needed),
            // the deadline has come with the gap still open
            (None, _) => Some(false),
            (Some(_), None) => None,
        }
    };
    Pace {
        target: name.to_owned(),
        gap: round(now),
        periods_left: left,
        needed_per_period: needed,
        so_far_per_period: so_far,
        on_track,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(year: u16, month: u8) -> Period {
        Period {
            year,
            month: Some(month),
        }
    }

    /// The arithmetic, by hand: 33 communes still needed in March 2025 (45 in January), 9
    /// months left to December: 3.67 a month needed; 6 a month gained so far: on track.
    #[test]
    fn pace_needed_against_pace_so_far() {
        let p = pace(
            "standard_communes",
            45.0,
            33.0,
            Some(false),
            month(2025, 1),
            month(2025, 3),
            2025,
        );
        assert_eq!(p.periods_left, 9);
        assert_eq!(p.needed_per_period, Some(3.67));
        assert_eq!(p.so_far_per_period, Some(6.0));
        assert_eq!(p.on_track, Some(true));
        // gaining 1 a month against 3.67 needed is not
        let p = pace(
            "x",
            35.0,
            33.0,
            Some(false),
            month(2025, 1),
            month(2025, 3),
            2025,
        );
        assert_eq!(p.so_far_per_period, Some(1.0));
        assert_eq!(p.on_track, Some(false));
        // the deadline passed with a gap
        let p = pace(
            "x",
            35.0,
            33.0,
            Some(false),
            month(2025, 1),
            month(2025, 12),
            2025,
        );
        assert_eq!((p.periods_left, p.on_track), (0, Some(false)));
        // met already
        let p = pace(
            "x",
            3.0,
            0.0,
            Some(true),
            month(2025, 1),
            month(2025, 3),
            2025,
        );
        assert_eq!(p.on_track, Some(true));
        // yearly periods count in years
        let year = |y| Period {
            year: y,
            month: None,
        };
        let p = pace("x", 40.0, 30.0, Some(false), year(2022), year(2023), 2025);
        assert_eq!(
            (p.periods_left, p.needed_per_period, p.so_far_per_period),
            (2, Some(15.0), Some(10.0))
        );
        assert_eq!(p.on_track, Some(false));
    }
}
