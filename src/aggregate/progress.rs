//! Progress against targets: counts of communes by tier and band, average criteria, hamlet
//! share, for the province and per unit (the district, or a column the user names); each
//! target with what is still needed; the criteria that hold communes back; and the communes
//! closest to the next tier. Tallies are summed as rows stream, so memory grows with units and
//! candidates kept, not with communes.

use std::collections::{BTreeMap, BinaryHeap, HashMap};

use serde::Serialize;

use crate::aggregate::targets::{Goals, Targets};
use crate::criteria::CriteriaSet;
use crate::criteria::Verdict;
use crate::lang::Text;
use crate::score::CommuneScore;
use crate::score::gaps::gaps;
use crate::survey::district_key;
use crate::survey::input::header_meaning;
use crate::text::fold;

/// What the per-unit tables of `progress`, `report` and `trend` group communes by.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum By {
    /// Not said: by district when the survey names districts (a district column, or group
    /// headings that name them), unless it is of a year after districts were abolished.
    #[default]
    Default,
    /// The province as a whole: no per-unit table.
    Province,
    /// The district: its column, or the group headings that name districts.
    District,
    /// Another column of the survey: as asked on the command line until the file's header is
    /// matched, then as the file writes its header (`Vùng`).
    Column(String),
}

impl By {
    /// What `--by NAME` (or `by` in `ntm.toml`) asks for: the district or the province under
    /// any of their names (`district`, `Huyện`, `province`, `Tỉnh` …), else a column of that
    /// name.
    #[must_use]
    pub fn named(name: &str) -> By {
        match header_meaning(name, &[]).as_deref() {
            Some(DISTRICT) => By::District,
            Some("province") => By::Province,
            _ => By::Column(name.trim().to_owned()),
        }
    }

    /// What the per-unit tables are headed by: [`DISTRICT`], or the column's header; `None`
    /// for the province as a whole (or not said).
    #[must_use]
    pub fn heading(&self) -> Option<&str> {
        match self {
            By::Default | By::Province => None,
            By::District => Some(DISTRICT),
            By::Column(header) => Some(header),
        }
    }
}

/// The heading of per-unit tables grouped by district (see [`ProgressReport::by`]).
pub const DISTRICT: &str = "district";

/// The counts of one scope (the province or a unit).
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    /// Communes.
    pub communes: u32,
    /// Communes at each exact tier: index 0 for none, `k + 1` for tier `k`.
    pub tiers: Vec<u32>,
    /// Communes that could reach at least tier `k` once their criteria not assessed are met.
    pub potential: Vec<u32>,
    /// Communes per band, in the set's band order.
    pub bands: Vec<u32>,
    /// Sum of base criteria met.
    pub met: u64,
    /// Sum of base criteria not assessed.
    pub not_assessed: u64,
    /// Communes by (criteria met, criteria not assessed). (A few hundred keys at most, which
    /// a B-tree finds with a few comparisons instead of hashing the pair for every commune.)
    pub met_and_open: BTreeMap<(u32, u32), u32>,
    /// Hamlets, over the communes that give them.
    pub hamlets: u64,
    /// Hamlets recognised standard.
    pub hamlets_standard: u64,
    /// Communes without a hamlet count.
    pub without_hamlets: u32,
}

impl Tally {
    fn new(set: &CriteriaSet) -> Tally {
        Tally {
            communes: 0,
            tiers: vec![0; set.tiers.len() + 1],
            potential: vec![0; set.tiers.len()],
            bands: vec![0; set.bands.len()],
            met: 0,
            not_assessed: 0,
            met_and_open: BTreeMap::new(),
            hamlets: 0,
            hamlets_standard: 0,
            without_hamlets: 0,
        }
    }

    fn add(&mut self, set: &CriteriaSet, score: &CommuneScore) {
        let met = score.count(Verdict::Met);
        let open = score.count(Verdict::NotAssessed);
        self.communes += 1;
        self.tiers[score.tier.map_or(0, |t| t + 1)] += 1;
        let potential = score
            .tiers
            .iter()
            .take_while(|criteria| {
                criteria
                    .iter()
                    .all(|c| matches!(c.verdict, Verdict::Met | Verdict::NotAssessed))
            })
            .count();
        for p in &mut self.potential[..potential] {
            *p += 1;
        }
        let band = set.band(met);
        let index = set
            .bands
            .iter()
            .position(|b| b == band)
            .expect("a band of the set");
        self.bands[index] += 1;
        self.met += u64::from(met);
        self.not_assessed += u64::from(open);
        *self.met_and_open.entry((met, open)).or_default() += 1;
        match (score.commune.hamlets, score.commune.hamlets_standard) {
            (Some(h), standard) => {
                self.hamlets += u64::from(h);
                self.hamlets_standard += u64::from(standard.unwrap_or(0));
            }
            (None, _) => self.without_hamlets += 1,
        }
    }

    /// Communes at tier `k` or above.
    #[must_use]
    pub fn at_least(&self, k: usize) -> u32 {
        self.tiers[k + 1..].iter().sum()
    }
}

/// A number in a report: whole counts stay whole.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Figure {
    /// A count.
    Count(u64),
    /// A measure such as an average or a share.
    Measure(f64),
}

impl Figure {
    fn measure(x: f64) -> Figure {
        Figure::Measure((x * 10_000.0).round() / 10_000.0)
    }
}

/// One target judged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetResult {
    /// The target's key in the targets file.
    pub name: String,
    /// What the target requires.
    pub required: Figure,
    /// What the data shows (for `min_criteria_per_commune`, the lowest count found); `null`
    /// when there is nothing to count.
    pub actual: Option<Figure>,
    /// What is still needed, in the unit people plan with (0 when met): communes; communes
    /// still below the minimum; hamlets still to be recognised; criteria still to be gained.
    pub gap: Figure,
    /// Whether the target is met; `null` when data not assessed leaves it open.
    pub met: Option<bool>,
    /// Why it cannot be judged.
    pub note: Option<Note>,
}

/// Why a target is left open. Written in English in JSON; `text` gives it in either language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// This many more communes could reach the tier once assessed.
    CouldReachTier {
        /// Communes.
        communes: u32,
        /// The tier id.
        tier: String,
    },
    /// This many communes below the minimum have criteria not assessed.
    BelowWithOpenCriteria {
        /// Communes.
        communes: u32,
        /// The minimum.
        min: u32,
    },
    /// No hamlet counts at all.
    NoHamletCounts,
    /// This many communes have no hamlet count.
    MissingHamletCounts {
        /// Communes.
        communes: u32,
    },
    /// This many criteria are not assessed and could close the gap.
    OpenCriteria {
        /// Criteria.
        criteria: u64,
    },
    /// No communes to count.
    NoCommunes,
}

impl Note {
    /// The note in `lang`, naming a tier through `tier` (its id to its name).
    #[must_use]
    pub fn text(&self, lang: crate::lang::Lang, tier: &dyn Fn(&str) -> String) -> String {
        use crate::lang::Lang::{En, Vi};
        match (self, lang) {
            (Note::CouldReachTier { communes, tier: id }, En) => format!(
                "{communes} more commune(s) could reach {} once their criteria not assessed are assessed",
                tier(id)
            ),
            (Note::CouldReachTier { communes, tier: id }, Vi) => format!(
                "thêm {communes} xã có thể đạt mức {} khi các tiêu chí chưa đánh giá được đánh giá",
                tier(id)
            ),
            (Note::BelowWithOpenCriteria { communes, min }, En) => format!(
                "{communes} commune(s) below {min} have criteria not assessed that could lift them"
            ),
            (Note::BelowWithOpenCriteria { communes, min }, Vi) => {
                format!("{communes} xã dưới {min} tiêu chí còn tiêu chí chưa đánh giá")
            }
            (Note::NoHamletCounts, En) => {
                "no hamlet counts in the data: the hamlets column is blank or missing".to_owned()
            }
            (Note::NoHamletCounts, Vi) => "số liệu không có số thôn (cột hamlets trống)".to_owned(),
            (Note::MissingHamletCounts { communes }, En) => {
                format!("{communes} commune(s) have no hamlet count; the share covers the others")
            }
            (Note::MissingHamletCounts { communes }, Vi) => {
                format!("{communes} xã chưa có số thôn; tỷ lệ chỉ tính các xã còn lại")
            }
            (Note::OpenCriteria { criteria }, En) => {
                format!("{criteria} criteria are not assessed; they could close the gap")
            }
            (Note::OpenCriteria { criteria }, Vi) => {
                format!("còn {criteria} tiêu chí chưa đánh giá, có thể bù phần thiếu")
            }
            (Note::NoCommunes, En) => "no communes".to_owned(),
            (Note::NoCommunes, Vi) => "không có xã nào".to_owned(),
        }
    }
}

impl Serialize for Note {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text(crate::lang::Lang::En, &|id| id.to_owned()))
    }
}

/// Communes at a tier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierCount {
    /// Tier id (`none` for none).
    pub tier: String,
    /// Communes at exactly this tier.
    pub communes: u32,
}

/// Communes in a band.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BandCount {
    /// Band label.
    pub band: String,
    /// Communes in the band.
    pub communes: u32,
}

/// The hamlet figures of a scope.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HamletShare {
    /// Hamlets.
    pub hamlets: u64,
    /// Hamlets recognised standard.
    pub standard: u64,
    /// `standard / hamlets`.
    pub share: f64,
    /// Communes without a hamlet count.
    pub communes_without_data: u32,
}

/// One unit's progress: a district, or a value of the column the report groups by.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupReport {
    /// The unit: the district's name, or the column's cell, as first written; empty for the
    /// communes whose cell is blank, which are a unit of their own.
    pub group: String,
    /// Communes.
    pub communes: u32,
    /// Communes by tier.
    pub tiers: Vec<TierCount>,
    /// Communes by band.
    pub bands: Vec<BandCount>,
    /// Average criteria met per commune.
    pub average_criteria: Option<f64>,
    /// Hamlet share.
    pub hamlet_standard_share: Option<HamletShare>,
    /// The unit's targets: a district's, from the targets file; none for other units.
    pub targets: Vec<TargetResult>,
}

/// A criterion that holds communes back.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bottleneck {
    /// Criterion number.
    pub criterion: u32,
    /// Its name.
    pub name: Text,
    /// The department responsible.
    pub owner: Text,
    /// Communes not meeting it.
    pub not_met: u32,
    /// Communes basically meeting it.
    pub basically_met: u32,
    /// Communes not assessed on it.
    pub not_assessed: u32,
}

/// A commune close to the tier a target needs more of.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// The tier it is a candidate for.
    pub for_tier: String,
    /// The scope whose target it serves: `province` or a district name.
    pub scope: String,
    /// `commune_id`.
    pub commune_id: String,
    /// Commune name.
    pub commune: String,
    /// Its district.
    pub district: String,
    /// Its tier now.
    pub tier: String,
    /// Criteria of the next tier it lacks.
    pub lacking: u32,
    /// Sum of the relative shortfalls of its measured gaps (0.1 is 10 % short of a threshold).
    pub shortfall: f64,
    /// The criteria it lacks.
    pub criteria: Vec<String>,
}

/// The whole progress report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgressReport {
    /// The province, from the targets file.
    pub province: Option<String>,
    /// The period reported on, for a panel (`2025-10`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// What is said of the criteria the survey has no column for, when some are missing:
    /// they are not assessed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criteria_missing: Option<String>,
    /// The recognition conditions of the set the survey has no column for: the tiers counted
    /// mean meeting the criteria, not recognition.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub conditions_not_judged: Vec<Text>,
    /// The criteria set.
    pub criteria: String,
    /// The target year, from the targets file.
    pub year: Option<u16>,
    /// Communes.
    pub communes: u32,
    /// Communes by tier.
    pub tiers: Vec<TierCount>,
    /// Communes by band.
    pub bands: Vec<BandCount>,
    /// Average criteria met per commune.
    pub average_criteria: Option<f64>,
    /// Hamlet share.
    pub hamlet_standard_share: Option<HamletShare>,
    /// The province's targets.
    pub targets: Vec<TargetResult>,
    /// What the per-unit tables group communes by: `district`, or the header of the column
    /// named with `--by` as the file writes it; `null` for the province as a whole.
    pub by: Option<String>,
    /// Per unit of `by`, in the order they first appear (districts of the targets without
    /// communes last).
    pub groups: Vec<GroupReport>,
    /// Criteria by communes not meeting them, most first.
    pub bottlenecks: Vec<Bottleneck>,
    /// Communes closest to the tiers whose targets have a gap, best first.
    pub candidates: Vec<Candidate>,
    /// The communes recognised by decision, when the survey says which (a `recognised`
    /// column): how many at each tier, and those that no longer meet their tier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recognition: Option<Recognition>,
}

/// The communes recognised by decision — the figure provinces report officially — against
/// those meeting the criteria now, and the maintain-the-standard watch.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recognition {
    /// Per tier: communes recognised at it, and how many of them meet it now.
    pub tiers: Vec<RecognisedCount>,
    /// Recognised communes that no longer meet the tier they were recognised at, in file
    /// order.
    pub watch: Vec<Watched>,
}

/// Communes recognised at one tier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecognisedCount {
    /// Tier id.
    pub tier: String,
    /// Communes recognised at exactly this tier.
    pub recognised: u32,
    /// Of them, those meeting the tier's criteria now.
    pub meeting_now: u32,
}

/// A recognised commune that no longer meets its tier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Watched {
    /// `commune_id`.
    pub commune_id: String,
    /// Commune name.
    pub commune: String,
    /// District.
    pub district: String,
    /// The tier it was recognised at.
    pub recognised: String,
    /// The year of the recognition, when given.
    pub recognised_year: Option<u16>,
    /// The tier it meets now (`none` for none).
    pub tier: String,
    /// The criteria of its tier, and of the tiers below, that it does not meet now, by
    /// verdict column (`TC6`, `NC2`).
    pub criteria_not_met: Vec<String>,
}

#[derive(Debug, PartialEq)]
struct Ranked {
    key: (u32, u64, u64),
    candidate: Candidate,
}

impl Eq for Ranked {}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key.cmp(&other.key)
    }
}

/// The candidates kept for one (scope, tier): the `keep` best, in a bounded heap.
struct Pool {
    scope: Option<String>,
    tier: usize,
    keep: usize,
    heap: BinaryHeap<Ranked>,
}

/// Folds scored communes into a progress report.
pub struct Progress<'s> {
    set: &'s CriteriaSet,
    targets: Option<&'s Targets>,
    by: By,
    /// Whether the survey has a district column, which groups when not asked otherwise.
    district_column: bool,
    /// The latest year of the communes added.
    latest_year: Option<u16>,
    province: Tally,
    /// Tallies per unit (district, or the column's cell), in the order the units first
    /// appear, under the name they first appear with.
    groups: Vec<(String, Tally)>,
    /// Where each unit's tally is in `groups`, by [`Progress::key`].
    group_index: HashMap<String, usize>,
    criteria: Vec<[u32; 3]>,
    pools: Vec<Pool>,
    seen: u64,
    /// Per tier: communes recognised at it, and of them those meeting it now.
    recognised: Vec<(u32, u32)>,
    watch: Vec<Watched>,
}

impl<'s> Progress<'s> {
    /// An empty report for `set`, judged against `targets`, grouped as `by` says (for
    /// [`By::Default`], see [`Progress::grouping`]).
    #[must_use]
    pub fn new(set: &'s CriteriaSet, targets: Option<&'s Targets>, by: By) -> Self {
        Progress {
            set,
            targets,
            by,
            district_column: false,
            latest_year: None,
            province: Tally::new(set),
            groups: Vec::new(),
            group_index: HashMap::new(),
            criteria: vec![[0; 3]; set.base().criteria.len()],
            pools: Vec::new(),
            seen: 0,
            recognised: vec![(0, 0); set.tiers.len()],
            watch: Vec::new(),
        }
    }

    /// How a unit's name is compared: a district's without its kind and diacritics (see
    /// [`district_key`]), another column's cell without diacritics, case or spacing.
    fn key(&self, name: &str) -> String {
        match self.by {
            By::Column(_) => fold(name),
            _ => district_key(name),
        }
    }

    /// Whether a tally already exists for the unit `name` (used to warn about targets for
    /// districts the data does not have).
    #[must_use]
    pub fn has_group(&self, name: &str) -> bool {
        self.group_index.contains_key(&self.key(name))
    }

    /// Whether some commune added has a unit with a name: a district, or a cell in the
    /// column grouped by.
    #[must_use]
    pub fn has_named_group(&self) -> bool {
        self.groups.iter().any(|(name, _)| !name.is_empty())
    }

    /// Counts a commune recognised at tier `k`, and watches it when it no longer meets it.
    fn recognise(&mut self, k: usize, score: &CommuneScore) {
        let set = self.set;
        let meets = score.tier.is_some_and(|t| t >= k);
        self.recognised[k].0 += 1;
        self.recognised[k].1 += u32::from(meets);
        if meets {
            return;
        }
        let criteria_not_met = set
            .tiers
            .iter()
            .zip(score.tiers.iter())
            .take(k + 1)
            .flat_map(|(tier, results)| {
                tier.criteria
                    .iter()
                    .zip(results)
                    .filter(|(_, r)| r.verdict != Verdict::Met)
                    .map(|(c, _)| tier.verdict_column(c.number))
            })
            .collect();
        let c = &score.commune;
        self.watch.push(Watched {
            commune_id: c.id.clone(),
            commune: c.name.clone(),
            district: c.district.clone(),
            recognised: set.tiers[k].id.clone(),
            recognised_year: c.recognised_year,
            tier: score
                .tier
                .map_or("none", |t| set.tiers[t].id.as_str())
                .to_owned(),
            criteria_not_met,
        });
    }

    /// The same, for a survey with a district column (`district`, `Huyện` …).
    #[must_use]
    pub fn with_district_column(mut self, present: bool) -> Self {
        self.district_column = present;
        self
    }

    /// Whether the communes added are of a year after districts were abolished (1/7/2025:
    /// 2026 or later).
    #[must_use]
    pub fn after_districts(&self) -> bool {
        self.latest_year.is_some_and(|year| year >= 2026)
    }

    /// The latest year of the communes added.
    #[must_use]
    pub fn latest_year(&self) -> Option<u16> {
        self.latest_year
    }

    /// What the report is grouped by: as asked; or when not asked ([`By::Default`]), by
    /// district when the survey has a district column or some commune so far has a
    /// district's name (from a heading), unless the survey is for a year after districts
    /// were abolished, and otherwise the province as a whole. Never [`By::Default`].
    #[must_use]
    pub fn grouping(&self) -> By {
        match &self.by {
            By::Default
                if !self.after_districts() && (self.district_column || self.has_named_group()) =>
            {
                By::District
            }
            By::Default => By::Province,
            by => by.clone(),
        }
    }

    /// Adds one scored commune.
    pub fn add(&mut self, score: &CommuneScore) {
        if let Some(k) = score.commune.recognised {
            self.recognise(k, score);
        }
        let set = self.set;
        self.latest_year = self.latest_year.max(score.commune.year);
        self.province.add(set, score);
        let unit = match self.by {
            By::Province => None,
            By::Column(_) => Some(&score.commune.group),
            By::Default | By::District => Some(&score.commune.district),
        };
        if let Some(unit) = unit {
            let key = self.key(unit);
            let groups = &mut self.groups;
            let index = *self.group_index.entry(key).or_insert_with(|| {
                groups.push((unit.clone(), Tally::new(set)));
                groups.len() - 1
            });
            self.groups[index].1.add(set, score);
        }
        for (counts, result) in self.criteria.iter_mut().zip(&score.tiers[0]) {
            match result.verdict {
                Verdict::NotMet => counts[0] += 1,
                Verdict::BasicallyMet => counts[1] += 1,
                Verdict::NotAssessed => counts[2] += 1,
                Verdict::Met => {}
            }
        }
        self.seen += 1;
        self.consider(score);
    }

    /// Keeps the commune as a candidate where a target of its scope needs its next tier.
    fn consider(&mut self, score: &CommuneScore) {
        let Some(targets) = self.targets else {
            return;
        };
        let Some((next, gaps)) = gaps(self.set, score) else {
            return;
        };
        let district = &score.commune.district;
        // (a district's targets are judged when the report may group by district)
        let districts = matches!(self.by, By::Default | By::District);
        let scopes = [
            (None, Some(&targets.province_goals)),
            (
                Some(district),
                targets.district(district).filter(|_| districts),
            ),
        ];
        for (scope, goals) in scopes {
            let Some(goals) = goals else { continue };
            let Some(&(_, _, required)) = goals.tier_targets().iter().find(|(_, t, _)| *t == next)
            else {
                continue;
            };
            let index = if let Some(i) = self
                .pools
                .iter()
                .position(|p| p.scope.as_ref() == scope && p.tier == next)
            {
                i
            } else {
                self.pools.push(Pool {
                    scope: scope.cloned(),
                    tier: next,
                    keep: usize::try_from(required).unwrap_or(usize::MAX),
                    heap: BinaryHeap::new(),
                });
                self.pools.len() - 1
            };
            let pool = &mut self.pools[index];
            if pool.keep == 0 {
                continue;
            }
            let lacking = u32::try_from(gaps.len()).unwrap_or(u32::MAX);
            let shortfall: f64 = gaps
                .iter()
                .filter_map(|g| match (g.shortfall, g.threshold) {
                    (Some(s), Some(t)) if t.abs() > f64::EPSILON => Some(s / t.abs()),
                    (Some(s), _) => Some(s),
                    _ => None,
                })
                .sum();
            // fewest lacking, then smallest shortfall, then earliest in the file
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let key = (lacking, (shortfall * 1e9).round() as u64, self.seen);
            if pool.heap.len() == pool.keep
                && pool.heap.peek().is_some_and(|worst| worst.key <= key)
            {
                continue;
            }
            let mut numbers: Vec<u32> = gaps.iter().map(|g| g.criterion).collect();
            numbers.sort_unstable();
            numbers.dedup();
            let criteria = numbers.iter().map(ToString::to_string).collect();
            pool.heap.push(Ranked {
                key,
                candidate: Candidate {
                    for_tier: self.set.tiers[next].id.clone(),
                    scope: scope.map_or_else(|| "province".to_owned(), Clone::clone),
                    commune_id: score.commune.id.clone(),
                    commune: score.commune.name.clone(),
                    district: district.clone(),
                    tier: tier_id(self.set, score.tier),
                    lacking,
                    shortfall: (shortfall * 10_000.0).round() / 10_000.0 + 0.0,
                    criteria,
                },
            });
            if pool.heap.len() > pool.keep {
                pool.heap.pop();
            }
        }
    }

    /// The finished report.
    #[must_use]
    pub fn finish(self) -> ProgressReport {
        let set = self.set;
        let grouping = self.grouping();
        let by_district = grouping == By::District;
        let goals = self.targets.map(|t| &t.province_goals);
        let targets = goals
            .map(|g| judge(set, &self.province, g))
            .unwrap_or_default();
        let district_goals = |name: &str| {
            self.targets
                .and_then(|t| t.district(name))
                .filter(|_| by_district)
        };
        let mut groups: Vec<GroupReport> = self
            .groups
            .iter()
            .filter(|_| grouping != By::Province)
            .map(|(name, tally)| group_report(set, name, tally, district_goals(name)))
            .collect();
        if let Some(t) = self.targets {
            for (name, goals) in &t.districts {
                if by_district && !self.has_group(name) {
                    groups.push(group_report(set, name, &Tally::new(set), Some(goals)));
                }
            }
        }
        let mut bottlenecks: Vec<Bottleneck> = set
            .base()
            .criteria
            .iter()
            .zip(&self.criteria)
            .map(|(c, counts)| Bottleneck {
                criterion: c.number,
                name: c.name.clone(),
                // the department of the latest year reported on
                owner: c.owner_in(self.latest_year).clone(),
                not_met: counts[0],
                basically_met: counts[1],
                not_assessed: counts[2],
            })
            .collect();
        bottlenecks.sort_by(|a, b| {
            b.not_met
                .cmp(&a.not_met)
                .then(b.basically_met.cmp(&a.basically_met))
                .then(b.not_assessed.cmp(&a.not_assessed))
                .then(a.criterion.cmp(&b.criterion))
        });
        // a pool keeps as many as the target asks; the report lists as many as its gap needs
        let gap_of = |scope: &Option<String>, tier: usize| -> usize {
            let (tally, goals) = match scope {
                None => (&self.province, goals),
                Some(d) => (
                    self.groups
                        .iter()
                        .find(|(name, _)| name == d)
                        .map_or(&self.province, |(_, t)| t),
                    self.targets.and_then(|t| t.district(d)),
                ),
            };
            goals
                .and_then(|g| g.tier_targets().into_iter().find(|(_, t, _)| *t == tier))
                .map_or(0, |(_, _, required)| {
                    usize::try_from(required.saturating_sub(tally.at_least(tier))).unwrap_or(0)
                })
        };
        let mut pools = self.pools;
        pools.sort_by(|a, b| {
            (a.scope.is_some(), &a.scope, a.tier).cmp(&(b.scope.is_some(), &b.scope, b.tier))
        });
        let mut candidates = Vec::new();
        // (a district's candidates are listed when the report is grouped by district)
        for pool in pools
            .into_iter()
            .filter(|p| p.scope.is_none() || by_district)
        {
            let gap = gap_of(&pool.scope, pool.tier);
            let mut ranked = pool.heap.into_sorted_vec();
            ranked.truncate(gap);
            candidates.extend(ranked.into_iter().map(|r| r.candidate));
        }
        ProgressReport {
            province: self.targets.and_then(|t| t.province.clone()),
            period: None,
            criteria_missing: None,
            conditions_not_judged: Vec::new(),
            criteria: set.id.clone(),
            year: self.targets.and_then(|t| t.year),
            communes: self.province.communes,
            tiers: tiers(set, &self.province),
            bands: bands(set, &self.province),
            average_criteria: average(&self.province),
            hamlet_standard_share: hamlet_share(&self.province),
            targets,
            by: grouping.heading().map(str::to_owned),
            groups,
            bottlenecks,
            candidates,
            recognition: recognition(set, self.recognised, self.watch),
        }
    }
}

fn tier_id(set: &CriteriaSet, tier: Option<usize>) -> String {
    tier.map_or_else(|| "none".to_owned(), |t| set.tiers[t].id.clone())
}

fn tiers(set: &CriteriaSet, tally: &Tally) -> Vec<TierCount> {
    tally
        .tiers
        .iter()
        .enumerate()
        .map(|(i, n)| TierCount {
            tier: tier_id(set, i.checked_sub(1)),
            communes: *n,
        })
        .collect()
}

fn bands(set: &CriteriaSet, tally: &Tally) -> Vec<BandCount> {
    set.bands
        .iter()
        .zip(&tally.bands)
        .map(|(b, n)| BandCount {
            band: b.label.clone(),
            communes: *n,
        })
        .collect()
}

#[allow(clippy::cast_precision_loss)]
fn average(tally: &Tally) -> Option<f64> {
    (tally.communes > 0)
        .then(|| (tally.met as f64 / f64::from(tally.communes) * 100.0).round() / 100.0)
}

#[allow(clippy::cast_precision_loss)]
fn hamlet_share(tally: &Tally) -> Option<HamletShare> {
    (tally.hamlets > 0).then(|| HamletShare {
        hamlets: tally.hamlets,
        standard: tally.hamlets_standard,
        share: (tally.hamlets_standard as f64 / tally.hamlets as f64 * 10_000.0).round() / 10_000.0,
        communes_without_data: tally.without_hamlets,
    })
}

/// The recognition figures, when any commune was recognised.
fn recognition(
    set: &CriteriaSet,
    counts: Vec<(u32, u32)>,
    watch: Vec<Watched>,
) -> Option<Recognition> {
    if counts.iter().all(|(recognised, _)| *recognised == 0) {
        return None;
    }
    Some(Recognition {
        tiers: set
            .tiers
            .iter()
            .zip(counts)
            .map(|(tier, (recognised, meeting_now))| RecognisedCount {
                tier: tier.id.clone(),
                recognised,
                meeting_now,
            })
            .collect(),
        watch,
    })
}

fn group_report(
    set: &CriteriaSet,
    name: &str,
    tally: &Tally,
    goals: Option<&Goals>,
) -> GroupReport {
    GroupReport {
        group: name.to_owned(),
        communes: tally.communes,
        tiers: tiers(set, tally),
        bands: bands(set, tally),
        average_criteria: average(tally),
        hamlet_standard_share: hamlet_share(tally),
        targets: goals.map(|g| judge(set, tally, g)).unwrap_or_default(),
    }
}

/// Judges one scope's goals against its tally.
#[allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss
)]
fn judge(set: &CriteriaSet, tally: &Tally, goals: &Goals) -> Vec<TargetResult> {
    let mut out = Vec::new();
    for (name, tier, required) in goals.tier_targets() {
        let actual = tally.at_least(tier);
        let potential = tally.potential.get(tier).copied().unwrap_or(0);
        let (met, note) = if actual >= required {
            (Some(true), None)
        } else if potential >= required {
            (
                None,
                Some(Note::CouldReachTier {
                    communes: potential - actual,
                    tier: set.tiers[tier].id.clone(),
                }),
            )
        } else {
            (Some(false), None)
        };
        out.push(TargetResult {
            name: name.to_owned(),
            required: Figure::Count(u64::from(required)),
            actual: Some(Figure::Count(u64::from(actual))),
            gap: Figure::Count(u64::from(required.saturating_sub(actual))),
            met,
            note,
        });
    }
    if let Some(min) = goals.min_criteria_per_commune {
        let lowest = tally.met_and_open.keys().map(|(met, _)| *met).min();
        let below: u32 = tally
            .met_and_open
            .iter()
            .filter(|((met, _), _)| *met < min)
            .map(|(_, n)| n)
            .sum();
        let surely_below: u32 = tally
            .met_and_open
            .iter()
            .filter(|((met, open), _)| met + open < min)
            .map(|(_, n)| n)
            .sum();
        let (met, note) = match (below, surely_below) {
            (0, _) => (Some(true), None),
            (_, 0) => (
                None,
                Some(Note::BelowWithOpenCriteria {
                    communes: below,
                    min,
                }),
            ),
            _ => (Some(false), None),
        };
        out.push(TargetResult {
            name: "min_criteria_per_commune".to_owned(),
            required: Figure::Count(u64::from(min)),
            actual: lowest.map(|l| Figure::Count(u64::from(l))),
            gap: Figure::Count(u64::from(below)),
            met,
            note,
        });
    }
    if let Some(share) = goals.hamlet_standard_share {
        let result = if tally.hamlets == 0 {
            TargetResult {
                name: "hamlet_standard_share".to_owned(),
                required: Figure::measure(share),
                actual: None,
                gap: Figure::Count(0),
                met: None,
                note: Some(Note::NoHamletCounts),
            }
        } else {
            let needed = (share * tally.hamlets as f64 - 1e-9).ceil().max(0.0) as u64;
            let gap = needed.saturating_sub(tally.hamlets_standard);
            let (met, note) = if tally.without_hamlets > 0 {
                (
                    None,
                    Some(Note::MissingHamletCounts {
                        communes: tally.without_hamlets,
                    }),
                )
            } else {
                (Some(gap == 0), None)
            };
            TargetResult {
                name: "hamlet_standard_share".to_owned(),
                required: Figure::measure(share),
                actual: Some(Figure::measure(
                    tally.hamlets_standard as f64 / tally.hamlets as f64,
                )),
                gap: Figure::Count(gap),
                met,
                note,
            }
        };
        out.push(result);
    }
    if let Some(target) = goals.average_criteria {
        let n = f64::from(tally.communes);
        let result = if tally.communes == 0 {
            TargetResult {
                name: "average_criteria".to_owned(),
                required: Figure::measure(target),
                actual: None,
                gap: Figure::Count(0),
                met: None,
                note: Some(Note::NoCommunes),
            }
        } else {
            let average = tally.met as f64 / n;
            let gap = (target * n - tally.met as f64 - 1e-9).ceil().max(0.0) as u64;
            let (met, note) = if gap == 0 {
                (Some(true), None)
            } else if (tally.met + tally.not_assessed) as f64 / n >= target {
                (
                    None,
                    Some(Note::OpenCriteria {
                        criteria: tally.not_assessed,
                    }),
                )
            } else {
                (Some(false), None)
            };
            TargetResult {
                name: "average_criteria".to_owned(),
                required: Figure::measure(target),
                actual: Some(Figure::Measure((average * 100.0).round() / 100.0)),
                gap: Figure::Count(gap),
                met,
                note,
            }
        };
        out.push(result);
    }
    out
}

impl ProgressReport {
    /// Whether every target, of the province and of each district, is met.
    #[must_use]
    pub fn all_met(&self) -> bool {
        self.targets
            .iter()
            .chain(self.groups.iter().flat_map(|d| &d.targets))
            .all(|t| t.met == Some(true))
    }
}
