//! Writing a set back out in the YAML format it is read from, so that `ntm criteria show
//! --format yaml` gives a file a province can start its own set from, and so that loading what
//! was written gives the same set again.

use serde::Serialize;

use super::{Comparison, CriteriaSet, Date, Level, Measure, QuantityKind, Threshold, YearLevels};
use crate::lang::Text;

#[derive(Serialize)]
struct Set<'a> {
    id: &'a str,
    title: &'a Text,
    legal_basis: Vec<Act<'a>>,
    period: Period,
    in_force: InForce,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    classification: Classification<'a>,
    bands: Vec<Band<'a>>,
    tiers: Vec<Tier<'a>>,
}

#[derive(Serialize)]
struct Act<'a> {
    decision: &'a str,
    date: String,
    title: &'a Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct Period {
    from: u16,
    to: u16,
}

#[derive(Serialize)]
struct InForce {
    from: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    until: Option<String>,
}

#[derive(Serialize)]
struct Classification<'a> {
    column: &'a str,
    name: &'a Text,
    classes: Vec<Class<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    overrides: Vec<Override<'a>>,
}

#[derive(Serialize)]
struct Class<'a> {
    code: &'a str,
    name: &'a Text,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    aliases: &'a [String],
}

#[derive(Serialize)]
struct Override<'a> {
    column: &'a str,
    name: &'a Text,
    #[serde(rename = "use")]
    use_class: &'a str,
    source: &'a str,
}

#[derive(Serialize)]
struct Band<'a> {
    label: &'a str,
    min: u32,
    max: u32,
}

#[derive(Serialize)]
struct Tier<'a> {
    id: &'a str,
    name: &'a Text,
    source: &'a str,
    verdict_prefix: &'a str,
    criteria: Vec<Criterion<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    conditions: Vec<Condition<'a>>,
}

#[derive(Serialize)]
struct Condition<'a> {
    column: &'a str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    headers: &'a [String],
    name: &'a Text,
    source: &'a str,
    verified: bool,
}

#[derive(Serialize)]
struct Criterion<'a> {
    number: u32,
    name: &'a Text,
    owner: &'a Text,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    owner_changes: &'a [super::OwnerChange],
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(skip_serializing_if = "is_true")]
    indicators_complete: bool,
    indicators: Vec<Indicator<'a>>,
}

#[derive(Serialize)]
struct Indicator<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    years: Option<YearsOut>,
    name: &'a Text,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "is_true")]
    verified: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    comparison: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    threshold: Option<ThresholdOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct YearsOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<u16>,
}

#[derive(Serialize)]
struct ThresholdOut<'a> {
    source: &'a str,
    verified: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<Value<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    by_region: Option<Map<&'a str, Value<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    by_year: Option<Map<u16, YearOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    relative_to: Option<RelativeOut<'a>>,
}

#[derive(Serialize)]
struct RelativeOut<'a> {
    tier: &'a str,
    indicator: &'a str,
    factor: f64,
}

#[derive(Serialize)]
struct YearOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<Value<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    by_region: Option<Map<&'a str, Value<'a>>>,
}

/// A value: bare when it shares the threshold's source, status and note, else in full.
#[derive(Serialize)]
#[serde(untagged)]
enum Value<'a> {
    Bare(Option<f64>),
    Full {
        value: Option<f64>,
        source: &'a str,
        verified: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<&'a str>,
    },
}

/// A map written in the order of its entries.
struct Map<K, V>(Vec<(K, V)>);

impl<K: Serialize, V: Serialize> Serialize for Map<K, V> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_true(b: &bool) -> bool {
    *b
}

fn iso(date: Date) -> String {
    format!("{:04}-{:02}-{:02}", date.year, date.month, date.day)
}

/// The set as YAML in the criteria-file format.
#[must_use]
pub fn to_yaml(set: &CriteriaSet) -> String {
    let c = &set.classification;
    let codes: Vec<&str> = c.classes.iter().map(|k| k.code.as_str()).collect();
    let out = Set {
        id: &set.id,
        title: &set.title,
        legal_basis: set
            .legal_basis
            .iter()
            .map(|a| Act {
                decision: &a.decision,
                date: iso(a.date),
                title: &a.title,
                note: a.note.as_deref(),
            })
            .collect(),
        period: Period {
            from: set.period.from,
            to: set.period.to,
        },
        in_force: InForce {
            from: iso(set.in_force.from),
            until: set.in_force.until.map(iso),
        },
        note: set.note.as_deref(),
        classification: Classification {
            column: &c.column,
            name: &c.name,
            classes: c
                .classes
                .iter()
                .map(|k| Class {
                    code: &k.code,
                    name: &k.name,
                    aliases: &k.aliases,
                })
                .collect(),
            overrides: c
                .overrides
                .iter()
                .map(|o| Override {
                    column: &o.column,
                    name: &o.name,
                    use_class: &c.class(o.class).code,
                    source: &o.source,
                })
                .collect(),
        },
        bands: set
            .bands
            .iter()
            .map(|b| Band {
                label: &b.label,
                min: b.min,
                max: b.max,
            })
            .collect(),
        tiers: set
            .tiers
            .iter()
            .map(|t| Tier {
                id: &t.id,
                name: &t.name,
                source: &t.source,
                verdict_prefix: &t.verdict_prefix,
                criteria: t
                    .criteria
                    .iter()
                    .map(|cr| Criterion {
                        number: cr.number,
                        name: &cr.name,
                        owner: &cr.owner,
                        owner_changes: &cr.owner_changes,
                        note: cr.note.as_deref(),
                        indicators_complete: cr.indicators_complete,
                        indicators: cr.indicators.iter().map(|i| indicator(i, &codes)).collect(),
                    })
                    .collect(),
                conditions: t
                    .conditions
                    .iter()
                    .map(|c| Condition {
                        column: &c.column,
                        headers: &c.headers,
                        name: &c.name,
                        source: &c.source,
                        verified: c.verified,
                    })
                    .collect(),
            })
            .collect(),
    };
    serde_saphyr::to_string(&out).expect("a criteria set always serialises")
}

fn indicator<'a>(i: &'a super::Indicator, codes: &[&'a str]) -> Indicator<'a> {
    let (kind, unit, comparison, threshold) = match &i.measure {
        Measure::YesNo => ("yes_no", None, None, None),
        Measure::Quantity(q) => (
            match q.kind {
                QuantityKind::Percent => "percent",
                QuantityKind::Number => "number",
            },
            q.unit.as_deref(),
            Some(match q.comparison {
                Comparison::AtLeast => ">=",
                Comparison::AtMost => "<=",
                Comparison::Equal => "==",
            }),
            Some(match &q.derived {
                Some(rule) => ThresholdOut {
                    source: &rule.source,
                    verified: rule.verified,
                    note: None,
                    value: None,
                    by_region: None,
                    by_year: None,
                    relative_to: Some(RelativeOut {
                        tier: &rule.tier,
                        indicator: &rule.indicator,
                        factor: rule.factor,
                    }),
                },
                None => threshold(&q.threshold, codes),
            }),
        ),
    };
    Indicator {
        id: &i.id,
        years: i.years.map(|y| YearsOut {
            from: y.from,
            to: y.to,
        }),
        name: &i.name,
        kind,
        source: i.source.as_deref(),
        verified: i.verified,
        unit,
        comparison,
        threshold,
        note: i.note.as_deref(),
    }
}

fn threshold<'a>(t: &'a Threshold, codes: &[&'a str]) -> ThresholdOut<'a> {
    // The threshold's own source and status are those most of its values share; its note only
    // one that all of them share, since a value cannot drop a note it would inherit.
    let levels: Vec<&Level> = t.levels().into_iter().map(|(_, _, l)| l).collect();
    let most = |key: &dyn Fn(&Level) -> String| {
        let mut best = (0, levels[0]);
        for l in &levels {
            let n = levels.iter().filter(|m| key(m) == key(l)).count();
            if n > best.0 {
                best = (n, l);
            }
        }
        best.1
    };
    let source = &most(&|l: &Level| l.source.clone()).source;
    let verified = most(&|l: &Level| l.verified.to_string()).verified;
    let note = levels[0]
        .note
        .as_deref()
        .filter(|n| levels.iter().all(|l| l.note.as_deref() == Some(*n)));
    let value = |level: &'a Level| {
        if level.source == *source && level.verified == verified && level.note.as_deref() == note {
            Value::Bare(level.amount)
        } else {
            Value::Full {
                value: level.amount,
                source: &level.source,
                verified: level.verified,
                note: level.note.as_deref(),
            }
        }
    };
    let by_class = |levels: &'a [Level]| {
        codes
            .iter()
            .zip(levels)
            .map(|(code, level)| (*code, value(level)))
            .collect::<Vec<_>>()
    };
    let by_class = |levels: &'a [Level]| Map(by_class(levels));
    let mut out = ThresholdOut {
        source,
        verified,
        note,
        value: None,
        by_region: None,
        by_year: None,
        relative_to: None,
    };
    match t {
        Threshold::Single(level) => out.value = Some(value(level)),
        Threshold::ByClass(levels) => out.by_region = Some(by_class(levels)),
        Threshold::ByYear(years) => {
            out.by_year = Some(Map(years
                .iter()
                .map(|(year, levels)| {
                    let entry = match levels {
                        YearLevels::Single(level) => YearOut {
                            value: Some(value(level)),
                            by_region: None,
                        },
                        YearLevels::ByClass(levels) => YearOut {
                            value: None,
                            by_region: Some(by_class(levels)),
                        },
                    };
                    (*year, entry)
                })
                .collect()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::criteria::BUILTIN_SETS;

    #[test]
    fn every_set_round_trips_through_its_yaml() {
        let mini = include_str!("../../tests/data/mini-set.yaml");
        for (name, yaml) in BUILTIN_SETS
            .iter()
            .map(|b| (b.id, b.yaml))
            .chain([("mini-set", mini)])
        {
            let set = CriteriaSet::from_yaml(yaml, name).unwrap();
            let written = to_yaml(&set);
            let again = CriteriaSet::from_yaml(&written, "written")
                .unwrap_or_else(|e| panic!("{name}: {e}\n{written}"));
            assert_eq!(set, again, "{name}");
        }
    }
}
