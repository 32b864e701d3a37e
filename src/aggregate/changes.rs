//! What changed between two surveys of the same province (last month's and this month's):
//! communes that moved up or down a tier, gained or lost criteria, appeared or went missing,
//! and the province's totals. Losing a criterion already recognised comes first: keeping the
//! standard (duy trì) is what the programme watches. Pure.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};
use smallvec::SmallVec;

use crate::criteria::CriteriaSet;
use crate::criteria::Verdict;
use crate::msg::Msg;
use crate::score::CommuneScore;
use crate::survey::code_without_leading_zeros;
use crate::text::fold;

/// What a commune looked like in one survey, kept small — `diff` holds two surveys of perhaps a
/// million communes each, and `report` one: its id, name and district in one piece of text, its
/// tier, and its verdict on each base criterion in two bits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// `commune_id`, the name, the district and the `--by` column's cell, one after the other.
    text: Box<str>,
    /// Where the name, the district and the `--by` cell start in `text`.
    starts: [u32; 3],
    /// Tier reached, as an index into the set's tiers.
    tier: Option<u16>,
    /// How many base criteria there are.
    criteria: u16,
    /// The verdict on each base criterion, in the set's order, two bits each.
    verdicts: SmallVec<[u64; 1]>,
    /// The tier it was recognised at by decision, when the survey says.
    recognised: Option<u16>,
}

/// Verdicts in two bits.
const VERDICTS: [Verdict; 4] = [
    Verdict::NotAssessed,
    Verdict::Met,
    Verdict::NotMet,
    Verdict::BasicallyMet,
];

impl Snapshot {
    /// A commune with `id`, `name` and `district` at `tier` (an index into the set's tiers),
    /// with these verdicts on the base criteria, in the set's order.
    #[must_use]
    pub fn new(
        [id, name, district]: [&str; 3],
        tier: Option<usize>,
        verdicts: impl IntoIterator<Item = Verdict>,
    ) -> Snapshot {
        let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let mut packed: SmallVec<[u64; 1]> = SmallVec::new();
        let mut criteria = 0u16;
        for (i, verdict) in verdicts.into_iter().enumerate() {
            if i % 32 == 0 {
                packed.push(0);
            }
            let code = VERDICTS.iter().position(|v| *v == verdict).unwrap_or(0) as u64;
            if let Some(word) = packed.last_mut() {
                *word |= code << (2 * (i % 32));
            }
            criteria = criteria.saturating_add(1);
        }
        Snapshot {
            text: [id, name, district].concat().into_boxed_str(),
            starts: [
                at(id.len()),
                at(id.len() + name.len()),
                at(id.len() + name.len() + district.len()),
            ],
            tier: tier.and_then(|t| u16::try_from(t).ok()),
            criteria,
            verdicts: packed,
            recognised: None,
        }
    }

    /// The same commune in `group`, the cell of the column a report groups communes by
    /// (`--by Vùng`).
    #[must_use]
    pub fn in_group(mut self, group: &str) -> Snapshot {
        if !group.is_empty() {
            self.text = [&self.text, group].concat().into_boxed_str();
        }
        self
    }

    /// The same commune, recognised at tier `tier` by decision (an index into the set's tiers).
    #[must_use]
    pub fn recognised_at(mut self, tier: Option<usize>) -> Snapshot {
        self.recognised = tier.and_then(|t| u16::try_from(t).ok());
        self
    }

    /// This commune taken together with `other`, a part of the same commune (after a merger):
    /// the lower tier, and a criterion met only where both meet it; named as this one.
    #[must_use]
    pub fn together_with(&self, other: &Snapshot) -> Snapshot {
        Snapshot::new(
            [self.id(), self.name(), self.district()],
            self.tier().min(other.tier()),
            self.verdicts()
                .zip(other.verdicts())
                .map(|(a, b)| together(a, b))
                .collect::<Vec<_>>(),
        )
    }

    /// The same commune under another id (the commune it became part of).
    #[must_use]
    pub fn renamed(&self, id: &str) -> Snapshot {
        Snapshot::new(
            [id, self.name(), self.district()],
            self.tier(),
            self.verdicts().collect::<Vec<_>>(),
        )
    }

    /// Whether it was recognised at a tier it no longer meets.
    #[must_use]
    pub fn below_recognition(&self) -> bool {
        self.recognised
            .is_some_and(|r| self.tier.is_none_or(|t| t < r))
    }

    /// The snapshot of a scored commune.
    #[must_use]
    pub fn of(set: &CriteriaSet, score: &CommuneScore) -> Snapshot {
        let c = &score.commune;
        Snapshot::new(
            [&c.id, &c.name, &c.district],
            score.tier,
            set.base()
                .criteria
                .iter()
                .zip(&score.tiers[0])
                .map(|(_, r)| r.verdict),
        )
        .recognised_at(c.recognised)
        .in_group(&c.group)
    }

    /// `commune_id`.
    #[must_use]
    pub fn id(&self) -> &str {
        &self.text[..self.starts[0] as usize]
    }

    /// The commune's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.text[self.starts[0] as usize..self.starts[1] as usize]
    }

    /// The commune's district.
    #[must_use]
    pub fn district(&self) -> &str {
        &self.text[self.starts[1] as usize..self.starts[2] as usize]
    }

    /// The cell of the column a report groups communes by (`--by Vùng`); empty when blank or
    /// not asked.
    #[must_use]
    pub fn group(&self) -> &str {
        &self.text[self.starts[2] as usize..]
    }

    /// The tier reached, as an index into the set's tiers.
    #[must_use]
    pub fn tier(&self) -> Option<usize> {
        self.tier.map(usize::from)
    }

    /// The verdict on each base criterion, in the set's order.
    pub fn verdicts(&self) -> impl Iterator<Item = Verdict> + '_ {
        (0..usize::from(self.criteria)).map(|i| {
            let code = (self.verdicts[i / 32] >> (2 * (i % 32))) & 0b11;
            VERDICTS[usize::try_from(code).unwrap_or(0)]
        })
    }

    /// How many base criteria are met.
    #[must_use]
    pub fn met(&self) -> u32 {
        let n = self.verdicts().filter(|v| *v == Verdict::Met).count();
        u32::try_from(n).unwrap_or(u32::MAX)
    }

    /// The numbers of the base criteria of `set` with `verdict`.
    #[must_use]
    pub fn numbers(&self, set: &CriteriaSet, verdict: Verdict) -> Vec<u32> {
        set.base()
            .criteria
            .iter()
            .zip(self.verdicts())
            .filter(|(_, v)| *v == verdict)
            .map(|(c, _)| c.number)
            .collect()
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
    /// Merged into another commune (a reorganisation, with `--map`).
    Merged,
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
    /// For a commune merged into another, the commune it became part of.
    pub merged_into: Option<String>,
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

/// One commune that changed: what happened, and where it is in the old and new surveys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    change: Movement,
    old: Option<u32>,
    new: Option<u32>,
}

/// Every change between two surveys: the province totals, and the communes that changed, alarms
/// first, each group in file order. A changed commune is kept as two indexes into the surveys,
/// and made into a [`CommuneChange`] only when it is written. JSON: `{totals, communes}`.
#[derive(Debug)]
pub struct Changes<'a> {
    /// Province totals.
    pub totals: Vec<Total>,
    set: &'a CriteriaSet,
    old: Vec<Snapshot>,
    new: &'a [Snapshot],
    entries: Vec<Entry>,
    /// The old communes merged into another, each with the id of the commune it became part
    /// of; a [`Movement::Merged`] entry's `old` is an index here.
    merged: Vec<(Snapshot, String)>,
    /// What the reader should know of how communes were matched (codes that differ only in
    /// their leading zeros), for standard error.
    pub warnings: Vec<crate::msg::Msg>,
    /// Communes of the new survey recognised at a tier they no longer meet, by id.
    pub below_recognition: Vec<String>,
}

impl Changes<'_> {
    /// Whether any commune lost a tier or a criterion, or no longer meets the tier it was
    /// recognised at.
    #[must_use]
    pub fn any_lost(&self) -> bool {
        self.entries.iter().any(|e| e.change == Movement::Lost)
            || !self.below_recognition.is_empty()
    }

    /// How many communes changed.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no commune changed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The communes that changed, alarms first, each group in file order.
    #[must_use]
    pub fn communes(&self) -> impl ExactSizeIterator<Item = CommuneChange> + '_ {
        self.entries.iter().map(|e| self.change(*e))
    }

    /// The `i`-th commune that changed.
    #[must_use]
    pub fn commune(&self, i: usize) -> CommuneChange {
        self.change(self.entries[i])
    }

    fn change(&self, entry: Entry) -> CommuneChange {
        let tier_name = |t: Option<usize>| {
            t.map_or_else(|| "none".to_owned(), |t| self.set.tiers[t].id.clone())
        };
        if entry.change == Movement::Merged {
            let (part, into) = &self.merged[entry.old.unwrap_or_default() as usize];
            return CommuneChange {
                commune_id: part.id().to_owned(),
                commune: part.name().to_owned(),
                district: part.district().to_owned(),
                change: Movement::Merged,
                tier_before: Some(tier_name(part.tier())),
                tier_after: None,
                criteria_before: Some(part.met()),
                criteria_after: None,
                gained: Vec::new(),
                lost: Vec::new(),
                merged_into: Some(into.clone()),
            };
        }
        let old = entry.old.map(|i| &self.old[i as usize]);
        let new = entry.new.map(|i| &self.new[i as usize]);
        let tier_id = |s: &Snapshot| {
            s.tier()
                .map_or_else(|| "none".to_owned(), |t| self.set.tiers[t].id.clone())
        };
        let (mut gained, mut lost) = (Vec::new(), Vec::new());
        if let (Some(o), Some(n)) = (old, new) {
            for ((criterion, before), after) in self
                .set
                .base()
                .criteria
                .iter()
                .zip(o.verdicts())
                .zip(n.verdicts())
            {
                match (before == Verdict::Met, after == Verdict::Met) {
                    (true, false) => lost.push(criterion.number.to_string()),
                    (false, true) => gained.push(criterion.number.to_string()),
                    _ => {}
                }
            }
        }
        let named = new.or(old).expect("a change has a commune before or after");
        CommuneChange {
            commune_id: named.id().to_owned(),
            commune: named.name().to_owned(),
            district: named.district().to_owned(),
            change: entry.change,
            tier_before: old.map(tier_id),
            tier_after: new.map(tier_id),
            criteria_before: old.map(Snapshot::met),
            criteria_after: new.map(Snapshot::met),
            gained,
            lost,
            merged_into: None,
        }
    }
}

impl Serialize for Changes<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// The communes, made one at a time as they are written.
        struct Communes<'c, 'a>(&'c Changes<'a>);
        impl Serialize for Communes<'_, '_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(self.0.communes())
            }
        }
        let below = !self.below_recognition.is_empty();
        let mut out = serializer.serialize_struct("Changes", 2 + usize::from(below))?;
        out.serialize_field("totals", &self.totals)?;
        out.serialize_field("communes", &Communes(self))?;
        if below {
            out.serialize_field("below_recognition", &self.below_recognition)?;
        }
        out.end()
    }
}

/// How a commune present in both surveys changed from `o` to `n`, if it did.
fn movement(o: &Snapshot, n: &Snapshot) -> Option<Movement> {
    let (mut lost, mut gained) = (false, false);
    for (before, after) in o.verdicts().zip(n.verdicts()) {
        match (before == Verdict::Met, after == Verdict::Met) {
            (true, false) => lost = true,
            (false, true) => gained = true,
            _ => {}
        }
    }
    if n.tier < o.tier || lost {
        Some(Movement::Lost)
    } else if n.tier > o.tier {
        Some(Movement::TierUp)
    } else if gained {
        Some(Movement::Gained)
    } else {
        None
    }
}

/// Compares the `old` and `new` snapshots of the same province, matched by `commune_id`.
#[must_use]
pub fn compare<'a>(set: &'a CriteriaSet, old: Vec<Snapshot>, new: &'a [Snapshot]) -> Changes<'a> {
    compare_merged(set, old, new, None)
}

/// Compares as [`compare`] does, following communes across a reorganisation: `mergers` maps
/// old ids to new ones (many old to one new). An old commune merged into another is
/// "merged into X", not missing; the commune they became is compared with what its parts were
/// together — the lowest tier among them, and a criterion met only where every part met it —
/// and the totals before are counted on the new units. Never a sum of criteria.
#[must_use]
pub fn compare_merged<'a>(
    set: &'a CriteriaSet,
    old: Vec<Snapshot>,
    new: &'a [Snapshot],
    mergers: Option<&Mergers>,
) -> Changes<'a> {
    let (old, merged) = match mergers {
        Some(mergers) => mergers.units(old, new),
        None => (old, Vec::new()),
    };
    let index = |i: usize| u32::try_from(i).ok();
    let mut entries = Vec::new();
    entries.extend((0..merged.len()).map(|i| Entry {
        change: Movement::Merged,
        old: index(i),
        new: None,
    }));
    let mut seen = vec![false; old.len()];
    let (pairs, warnings) = pair(&old, new);
    {
        for (j, (n, paired)) in new.iter().zip(&pairs).enumerate() {
            let (change, i) = match paired {
                None => (Some(Movement::Added), None),
                Some(i) => {
                    let i = *i;
                    seen[i] = true;
                    (movement(&old[i], n), Some(i))
                }
            };
            if let Some(change) = change {
                entries.push(Entry {
                    change,
                    old: i.and_then(index),
                    new: index(j),
                });
            }
        }
    }
    for (i, _) in seen.iter().enumerate().filter(|(_, seen)| !**seen) {
        entries.push(Entry {
            change: Movement::Missing,
            old: index(i),
            new: None,
        });
    }
    entries.sort_by_key(|e| e.change);

    #[allow(clippy::cast_precision_loss)]
    let average = |s: &[Snapshot]| {
        if s.is_empty() {
            0.0
        } else {
            s.iter().map(|x| f64::from(x.met())).sum::<f64>() / s.len() as f64
        }
    };
    #[allow(clippy::cast_precision_loss)]
    let at_least = |s: &[Snapshot], k: usize| {
        s.iter()
            .filter(|x| x.tier().is_some_and(|t| t >= k))
            .count() as f64
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
            at_least(&old, k),
            at_least(new, k),
        ));
    }
    totals.push(total(
        "average_criteria".into(),
        average(&old),
        average(new),
    ));
    let below_recognition = new
        .iter()
        .filter(|n| n.below_recognition())
        .map(|n| n.id().to_owned())
        .collect();
    Changes {
        totals,
        set,
        old,
        new,
        entries,
        merged,
        warnings,
        below_recognition,
    }
}

/// A reorganisation: which old commune became part of which new one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mergers {
    into: HashMap<String, String>,
}

impl Mergers {
    /// Reads a map of mergers and renames: CSV with the columns `old_id,new_id` (or `Mã xã cũ`,
    /// `Mã xã mới`), one row per old commune, many old to one new.
    pub fn load(path: &str) -> crate::error::Result<Mergers> {
        use crate::error::{Error, Location, Problem};
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let problem = |line: u64, message: Msg| {
            Error::one(Problem::new(Location::file(path).at_line(line), message))
        };
        let headers = reader
            .headers()
            .map_err(|e| problem(1, Msg::UnreadableRow(e.to_string())))?
            .clone();
        let column = |names: &[&str]| {
            headers
                .iter()
                .position(|h| names.contains(&fold(&crate::text::nfc(h)).as_str()))
        };
        let (Some(old), Some(new)) = (
            column(&["old id", "ma xa cu", "ma cu"]),
            column(&["new id", "ma xa moi", "ma moi"]),
        ) else {
            return Err(problem(1, Msg::MapColumns));
        };
        let mut into = HashMap::new();
        for record in reader.records() {
            let record = record.map_err(|e| {
                let line = e.position().map_or(0, csv::Position::line);
                problem(line, Msg::UnreadableRow(e.to_string()))
            })?;
            let line = record.position().map_or(0, csv::Position::line);
            let cell = |i: usize| crate::text::nfc(record.get(i).unwrap_or_default().trim());
            let (from, to) = (cell(old), cell(new));
            if from.is_empty() && to.is_empty() {
                continue;
            }
            if from.is_empty() || to.is_empty() {
                return Err(problem(line, Msg::MapRowNeedsBoth));
            }
            if let Some(before) = into.insert(from.clone(), to.clone())
                && before != to
            {
                return Err(problem(line, Msg::MapTwice { from, before, to }));
            }
        }
        Ok(Mergers { into })
    }

    /// The id of the commune `id` became part of, or `id` itself.
    #[must_use]
    pub fn unit<'i>(&'i self, id: &'i str) -> &'i str {
        self.into.get(id).map_or(id, String::as_str)
    }

    /// The old survey on the new units: communes the map leaves be as they were, and for each
    /// new commune made of old ones, one commune that is what its parts were together; and the
    /// parts, each with the new commune it became part of.
    fn units(
        &self,
        old: Vec<Snapshot>,
        new: &[Snapshot],
    ) -> (Vec<Snapshot>, Vec<(Snapshot, String)>) {
        let mut kept = Vec::new();
        let mut groups: Vec<(String, Vec<Snapshot>)> = Vec::new();
        for o in old {
            match self.into.get(o.id()).filter(|to| *to != o.id()) {
                None => kept.push(o),
                Some(to) => match groups.iter_mut().find(|(id, _)| id == to) {
                    Some((_, parts)) => parts.push(o),
                    None => groups.push((to.clone(), vec![o])),
                },
            }
        }
        let mut merged = Vec::new();
        for (id, parts) in groups {
            let named = new.iter().find(|n| n.id() == id);
            let name = named.map_or_else(|| parts[0].name().to_owned(), |n| n.name().to_owned());
            let district = named.map_or_else(
                || parts[0].district().to_owned(),
                |n| n.district().to_owned(),
            );
            let tier = parts.iter().map(Snapshot::tier).min().flatten();
            let mut verdicts: Vec<Verdict> = parts[0].verdicts().collect();
            for part in &parts[1..] {
                for (v, p) in verdicts.iter_mut().zip(part.verdicts()) {
                    *v = together(*v, p);
                }
            }
            // a commune already there under the new id is one of the parts
            match kept.iter().position(|k| k.id() == id) {
                Some(i) => {
                    let own = kept.remove(i);
                    let tier = tier.min(own.tier());
                    for (v, p) in verdicts.iter_mut().zip(own.verdicts()) {
                        *v = together(*v, p);
                    }
                    kept.push(Snapshot::new([&id, &name, &district], tier, verdicts));
                }
                None => kept.push(Snapshot::new([&id, &name, &district], tier, verdicts)),
            }
            merged.extend(parts.into_iter().map(|p| (p, id.clone())));
        }
        (kept, merged)
    }
}

/// What two parts of one commune say of a criterion together: met only when both meet it;
/// else not met when either does not, basically met when either is, otherwise not assessed.
fn together(a: Verdict, b: Verdict) -> Verdict {
    match (a, b) {
        (Verdict::Met, Verdict::Met) => Verdict::Met,
        (Verdict::NotMet, _) | (_, Verdict::NotMet) => Verdict::NotMet,
        (Verdict::BasicallyMet, _) | (_, Verdict::BasicallyMet) => Verdict::BasicallyMet,
        _ => Verdict::NotAssessed,
    }
}

/// The commune of `old` (its index) each commune of `new` is, and what to say of how they were
/// paired. Communes pair by `commune_id`; a code typed as a number in one file and as text in
/// the other (`1229`, `01229`) pairs by the code without leading zeros when the two names
/// agree, with a warning, and not when they differ or are missing, with a warning too.
fn pair(old: &[Snapshot], new: &[Snapshot]) -> (Vec<Option<usize>>, Vec<Msg>) {
    let exact: HashMap<&str, usize> = old.iter().enumerate().map(|(i, s)| (s.id(), i)).collect();
    let in_new: HashSet<&str> = new.iter().map(Snapshot::id).collect();
    // old communes no new row names exactly, by their code without leading zeros
    let mut by_digits: HashMap<&str, usize> = old
        .iter()
        .enumerate()
        .filter(|(_, o)| !in_new.contains(o.id()))
        .filter_map(|(i, o)| code_without_leading_zeros(o.id()).map(|key| (key, i)))
        .collect();
    let mut warnings = Vec::new();
    let pairs = new
        .iter()
        .map(|n| {
            if let Some(&i) = exact.get(n.id()) {
                return Some(i);
            }
            let key = code_without_leading_zeros(n.id())?;
            let i = *by_digits.get(key)?;
            let o = &old[i];
            if !n.name().is_empty() && fold(n.name()) == fold(o.name()) {
                by_digits.remove(key);
                warnings.push(Msg::SameCommuneOtherZeros {
                    old: o.id().to_owned(),
                    name: o.name().to_owned(),
                    new: n.id().to_owned(),
                });
                Some(i)
            } else {
                warnings.push(Msg::TwoCommunesOtherZeros {
                    old: o.id().to_owned(),
                    old_name: o.name().to_owned(),
                    new: n.id().to_owned(),
                    new_name: n.name().to_owned(),
                });
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

    /// A commune of the mini set (criteria 1 to 4) meeting the criteria `met`, the others not.
    fn snap(id: &str, tier: Option<usize>, met: &[u32]) -> Snapshot {
        let verdicts = (1..=4).map(|n| {
            if met.contains(&n) {
                Verdict::Met
            } else {
                Verdict::NotMet
            }
        });
        Snapshot::new([id, &format!("Xã {id}"), "D"], tier, verdicts)
    }

    #[test]
    fn a_snapshot_keeps_names_tier_and_every_verdict() {
        let verdicts = [
            Verdict::Met,
            Verdict::NotAssessed,
            Verdict::BasicallyMet,
            Verdict::NotMet,
        ];
        let many: Vec<Verdict> = verdicts.iter().copied().cycle().take(70).collect();
        let s = Snapshot::new(["X1", "Xã Đồng Tâm", "Hòa An"], Some(2), many.clone());
        assert_eq!(
            (s.id(), s.name(), s.district()),
            ("X1", "Xã Đồng Tâm", "Hòa An")
        );
        assert_eq!(s.tier(), Some(2));
        assert_eq!(s.verdicts().collect::<Vec<_>>(), many);
        assert_eq!(s.met(), 18);
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
        let changes = compare(&set, old.to_vec(), &new);
        let got: Vec<_> = changes
            .communes()
            .map(|c| (c.commune_id, c.change, c.gained.join(";"), c.lost.join(";")))
            .collect();
        assert_eq!(
            got,
            [
                ("DOWN".into(), Movement::Lost, String::new(), String::new()),
                ("LOST".into(), Movement::Lost, String::new(), "2".into()),
                ("SWAP".into(), Movement::Lost, "2".into(), "1".into()),
                (
                    "GONE".into(),
                    Movement::Missing,
                    String::new(),
                    String::new()
                ),
                ("UP".into(), Movement::TierUp, "4".into(), String::new()),
                ("NEW".into(), Movement::Added, String::new(), String::new()),
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
