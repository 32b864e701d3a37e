//! The four states a criterion or indicator can be in (Đạt, Cơ bản đạt, Không đạt, blank),
//! kept apart everywhere.

use std::fmt;

use serde::Serialize;

/// The state of a criterion or indicator. Four states, kept apart: only `Met` counts as met,
/// and `NotAssessed` is never counted as met or as not met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Đạt.
    Met,
    /// Cơ bản đạt: recorded by provinces, reported apart and never counted as met.
    BasicallyMet,
    /// Không đạt / Chưa đạt.
    NotMet,
    /// Blank: no data.
    NotAssessed,
}

impl Verdict {
    /// The verdict of a whole made of parts (a criterion of its indicators): any part not met
    /// makes it not met; otherwise any part not assessed leaves it not assessed; otherwise any
    /// part basically met makes it basically met; otherwise it is met.
    #[must_use]
    pub fn combine(parts: impl IntoIterator<Item = Verdict>) -> Verdict {
        let mut any_not_assessed = false;
        let mut any_basically = false;
        let mut any = false;
        for part in parts {
            any = true;
            match part {
                Verdict::NotMet => return Verdict::NotMet,
                Verdict::NotAssessed => any_not_assessed = true,
                Verdict::BasicallyMet => any_basically = true,
                Verdict::Met => {}
            }
        }
        if !any || any_not_assessed {
            Verdict::NotAssessed
        } else if any_basically {
            Verdict::BasicallyMet
        } else {
            Verdict::Met
        }
    }

    /// Whether this verdict settles the question (met, basically met or not met).
    #[must_use]
    pub fn is_decisive(self) -> bool {
        self != Verdict::NotAssessed
    }

    /// The Vietnamese word a province records.
    #[must_use]
    pub fn vi(self) -> &'static str {
        match self {
            Verdict::Met => "Đạt",
            Verdict::BasicallyMet => "Cơ bản đạt",
            Verdict::NotMet => "Không đạt",
            Verdict::NotAssessed => "Chưa đánh giá",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.vi())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combining_verdicts() {
        use Verdict::*;
        assert_eq!(Verdict::combine([Met, Met]), Met);
        assert_eq!(Verdict::combine([Met, NotMet, NotAssessed]), NotMet);
        assert_eq!(Verdict::combine([Met, NotAssessed]), NotAssessed);
        assert_eq!(Verdict::combine([Met, BasicallyMet]), BasicallyMet);
        assert_eq!(Verdict::combine([BasicallyMet, NotAssessed]), NotAssessed);
        assert_eq!(Verdict::combine([]), NotAssessed);
    }
}
