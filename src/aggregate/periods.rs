//! One period of a panel: `progress` and `report` speak of one period, the latest in the file
//! unless `--period` names another; what they fold is kept per period until the file ends.

use std::collections::{BTreeMap, BTreeSet};

use crate::error::{Error, Result};
use crate::msg::Msg;
use crate::survey::period::Period;

/// Values folded per period (`None` for rows of a file without periods), keeping only the
/// wanted period's when one is named.
#[derive(Debug)]
pub struct ByPeriod<T> {
    wanted: Option<Period>,
    values: BTreeMap<Option<Period>, T>,
    seen: BTreeSet<Option<Period>>,
}

/// The period a command reports on, its value, and what to tell the user about the choice.
#[derive(Debug)]
pub struct Chosen<T> {
    /// The period, `None` for a file without periods.
    pub period: Option<Period>,
    /// Its value; `None` when the file has no row.
    pub value: Option<T>,
    /// A note for standard error when the file holds several periods and the latest was
    /// taken.
    pub note: Option<Msg>,
}

impl<T> ByPeriod<T> {
    /// Keeps `wanted`'s values only, or every period's when `None`.
    #[must_use]
    pub fn new(wanted: Option<Period>) -> Self {
        ByPeriod {
            wanted,
            values: BTreeMap::new(),
            seen: BTreeSet::new(),
        }
    }

    /// The value of `period`, made by `make` the first time; `None` for a period other than
    /// the wanted one.
    pub fn value(&mut self, period: Option<Period>, make: impl FnOnce() -> T) -> Option<&mut T> {
        self.seen.insert(period);
        if self.wanted.is_some() && self.wanted != period {
            return None;
        }
        Some(self.values.entry(period).or_insert_with(make))
    }

    /// The wanted period's value, or the latest period's. Fails when the wanted period is not
    /// in `file`, naming those that are.
    pub fn choose(mut self, file: &str) -> Result<Chosen<T>> {
        if let Some(wanted) = self.wanted {
            let Some(value) = self.values.remove(&Some(wanted)) else {
                let periods: Vec<String> = self
                    .seen
                    .iter()
                    .flatten()
                    .map(ToString::to_string)
                    .collect();
                let (wanted, file) = (wanted.to_string(), file.to_owned());
                return Err(Error::usage(if periods.is_empty() {
                    Msg::PeriodWithoutColumn { wanted, file }
                } else {
                    Msg::PeriodNotInFile {
                        wanted,
                        file,
                        periods,
                    }
                }));
            };
            return Ok(Chosen {
                period: Some(wanted),
                value: Some(value),
                note: None,
            });
        }
        let periods = self.seen.iter().flatten().count();
        let Some((period, value)) = self.values.pop_last() else {
            return Ok(Chosen {
                period: None,
                value: None,
                note: None,
            });
        };
        let note = (periods > 1).then(|| {
            let first = self.seen.iter().flatten().next().map(ToString::to_string);
            Msg::LatestPeriod {
                file: file.to_owned(),
                count: periods,
                first: first.unwrap_or_default(),
                last: period.map(|p| p.to_string()).unwrap_or_default(),
            }
        });
        Ok(Chosen {
            period,
            value: Some(value),
            note,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[allow(clippy::unnecessary_wraps)]
    fn month(m: u8) -> Option<Period> {
        Some(Period {
            year: 2025,
            month: Some(m),
        })
    }

    #[test]
    fn the_latest_period_unless_one_is_named() {
        let mut all = ByPeriod::new(None);
        for (period, n) in [(month(3), 1), (month(1), 2), (month(3), 4)] {
            *all.value(period, || 0).unwrap() += n;
        }
        let chosen = all.choose("t.csv").unwrap();
        assert_eq!((chosen.period, chosen.value), (month(3), Some(5)));
        assert_eq!(
            chosen
                .note
                .map(|n| n.text(crate::lang::Lang::En))
                .as_deref(),
            Some(
                "t.csv holds 2 periods, 2025-01 to 2025-03: this is the latest; --period names another"
            )
        );

        let mut one = ByPeriod::new(month(1));
        assert!(one.value(month(3), || 0).is_none());
        *one.value(month(1), || 0).unwrap() += 2;
        let chosen = one.choose("t.csv").unwrap();
        assert_eq!(
            (chosen.period, chosen.value, chosen.note),
            (month(1), Some(2), None)
        );

        let mut missing = ByPeriod::<u32>::new(month(2));
        missing.value(month(1), || 0);
        assert_eq!(
            missing.choose("t.csv").unwrap_err().to_string(),
            "--period 2025-02: t.csv has no rows for it; its periods are 2025-01"
        );
    }
}
