//! The period a row reports on: a month (`2025-10`) or a year (`2025`). A panel file holds the
//! same commune in several periods; the key of a row is then its commune and its period.

use std::fmt;

/// A reporting period: a year, or a month of it. Periods order by time, a year before its
/// months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    /// The year.
    pub year: u16,
    /// The month, 1–12, for a monthly report.
    pub month: Option<u8>,
}

impl Period {
    /// Reads a period as offices write it: `2025-10`, `2025-1`, `10/2025`, `T10/2025`,
    /// `Tháng 10/2025`, `10.2025`, or a year alone, `2025`. Years 1990–2100 only.
    #[must_use]
    pub fn parse(cell: &str) -> Option<Period> {
        let lower = cell.trim().to_lowercase();
        let text = ["tháng", "thang", "t"]
            .iter()
            .find_map(|p| lower.strip_prefix(p))
            .unwrap_or(&lower)
            .trim();
        let year = |s: &str| {
            s.trim()
                .parse::<u16>()
                .ok()
                .filter(|y| (1990..=2100).contains(y))
        };
        let month = |s: &str| s.trim().parse::<u8>().ok().filter(|m| (1..=12).contains(m));
        if let Some(y) = year(text) {
            return Some(Period {
                year: y,
                month: None,
            });
        }
        let (a, b) = text.split_once(['-', '/', '.'])?;
        let (y, m) = if a.trim().len() == 4 { (a, b) } else { (b, a) };
        Some(Period {
            year: year(y)?,
            month: Some(month(m)?),
        })
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.month {
            Some(month) => write!(f, "{}-{month:02}", self.year),
            None => write!(f, "{}", self.year),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_as_offices_write_them() {
        let month = |year, month| {
            Some(Period {
                year,
                month: Some(month),
            })
        };
        assert_eq!(Period::parse("2025-10"), month(2025, 10));
        assert_eq!(Period::parse("2025-1"), month(2025, 1));
        assert_eq!(Period::parse("10/2025"), month(2025, 10));
        assert_eq!(Period::parse("T10/2025"), month(2025, 10));
        assert_eq!(Period::parse("Tháng 10/2025"), month(2025, 10));
        assert_eq!(Period::parse("03.2026"), month(2026, 3));
        assert_eq!(
            Period::parse("2025"),
            Some(Period {
                year: 2025,
                month: None
            })
        );
        for bad in ["", "13/2025", "2025-00", "10/25", "quý 3", "1890"] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
        assert_eq!(month(2025, 3).unwrap().to_string(), "2025-03");
        assert!(month(2025, 12) < month(2026, 1));
    }
}
