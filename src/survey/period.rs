//! The period a row reports on: a month (`2025-10`) or a year (`2025`). A panel file holds the
//! same commune in several periods; the key of a row is then its commune and its period.

use std::fmt;
use std::path::Path;

use crate::text::fold;

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

impl Period {
    /// The month a file's name says it is of, for a file without a period column: a year and
    /// a month side by side (`2025-11`, `11-2025`, `2025_11`, `11.2025`), or a month after
    /// `thang` / `tháng` / `t` (`thang-11`, `T11`) with the one year the name holds, else
    /// `year` (`--year`). Only the name counts, not its folder or extension; a name that reads
    /// two ways (`bieu-01-2025-11`: January or November?) or not at all gives `None`.
    #[must_use]
    pub fn in_file_name(path: &str, year: Option<u16>) -> Option<Period> {
        let stem = Path::new(path).file_stem()?.to_str()?;
        let text = fold(stem);
        // runs of digits, of letters, and single other characters
        let class = |c: char| {
            if c.is_ascii_digit() {
                0
            } else if c.is_alphabetic() {
                1
            } else {
                2
            }
        };
        let mut tokens: Vec<&str> = Vec::new();
        let mut rest = text.as_str();
        while let Some(c) = rest.chars().next() {
            let len = match class(c) {
                2 => c.len_utf8(),
                kind => rest.find(|n| class(n) != kind).unwrap_or(rest.len()),
            };
            tokens.push(&rest[..len]);
            rest = &rest[len..];
        }
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        let as_year = |t: &str| {
            (t.len() == 4 && digits(t))
                .then(|| t.parse::<u16>().ok())
                .flatten()
                .filter(|y| (1990..=2100).contains(y))
        };
        let as_month = |t: &str| {
            (t.len() <= 2 && digits(t))
                .then(|| t.parse::<u8>().ok())
                .flatten()
                .filter(|m| (1..=12).contains(m))
        };
        let mut years: Vec<u16> = tokens.iter().filter_map(|t| as_year(t)).collect();
        years.sort_unstable();
        years.dedup();
        let named_year = match years.as_slice() {
            [one] => Some(*one),
            [] => year,
            _ => None,
        };
        let mut readings: Vec<Period> = Vec::new();
        let mut read = |year: u16, month: u8| {
            let period = Period {
                year,
                month: Some(month),
            };
            if !readings.contains(&period) {
                readings.push(period);
            }
        };
        for (i, token) in tokens.iter().enumerate() {
            let after = |k: usize| tokens.get(i + k).copied().unwrap_or_default();
            let separator = |t: &str| matches!(t, " " | ".");
            // a year and a month side by side
            if separator(after(1)) {
                match (
                    as_year(token),
                    as_month(after(2)),
                    as_month(token),
                    as_year(after(2)),
                ) {
                    (Some(y), Some(m), _, _) | (_, _, Some(m), Some(y)) => read(y, m),
                    _ => {}
                }
            }
            // a month after its word
            if matches!(*token, "thang" | "t") {
                let month = if separator(after(1)) {
                    after(2)
                } else {
                    after(1)
                };
                if let (Some(m), Some(y)) = (as_month(month), named_year) {
                    read(y, m);
                }
            }
        }
        match readings.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
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

    #[test]
    fn the_month_a_file_name_says() {
        let month = |year, month| {
            Some(Period {
                year,
                month: Some(month),
            })
        };
        let named = |name| Period::in_file_name(name, None);
        assert_eq!(named("thang-11-2025.xlsx"), month(2025, 11));
        assert_eq!(named("so-lieu/Tháng 3 2025.csv"), month(2025, 3));
        assert_eq!(named("2025-11.csv"), month(2025, 11));
        assert_eq!(named("bieu_2025_01.xlsx"), month(2025, 1));
        assert_eq!(named("11.2025.csv"), month(2025, 11));
        assert_eq!(named("T11-2025.xlsx"), month(2025, 11));
        assert_eq!(named("tinh-mau-2022-thang-11.csv"), month(2022, 11));
        assert_eq!(named("bao-cao-t12.2024.md"), month(2024, 12));
        // a month alone takes --year
        assert_eq!(named("thang-11.xlsx"), None);
        assert_eq!(
            Period::in_file_name("thang-11.xlsx", Some(2025)),
            month(2025, 11)
        );
        assert_eq!(
            Period::in_file_name("thang11.csv", Some(2025)),
            month(2025, 11)
        );
        // a name that reads two ways, or not at all, says nothing
        for name in [
            "bieu-01-2025-11.xlsx",
            "tinh-mau-2022.csv",
            "bieu-01.csv",
            "thang-13-2025.csv",
            "2025-2026-thang-3.csv",
            "2025-11/bieu.csv",
            "-",
        ] {
            assert_eq!(Period::in_file_name(name, Some(2025)), None, "{name}");
        }
    }
}
