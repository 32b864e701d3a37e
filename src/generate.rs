//! Synthetic survey data for benchmarks: `n` communes with realistic values across every class
//! (region or commune group), deterministic from a seed. Values fall around the set's
//! thresholds, so scoring takes every path.

use std::io::{self, Write};

use crate::criteria::{ClassId, CriteriaSet, Indicator, Measure, QuantityKind, Threshold};

/// A small, fast, deterministic random number generator (SplitMix64).
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    /// A number in `[0, 1)`.
    #[allow(clippy::cast_precision_loss)]
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The years the set's thresholds name, or its last year.
fn years(set: &CriteriaSet) -> Vec<u16> {
    let mut years: Vec<u16> = set
        .indicators()
        .filter_map(|(_, _, i)| match &i.measure {
            Measure::Quantity(q) => match &q.threshold {
                Threshold::ByYear(y) => Some(y.iter().map(|(year, _)| *year).collect::<Vec<_>>()),
                _ => None,
            },
            Measure::YesNo => None,
        })
        .flatten()
        .collect();
    years.sort_unstable();
    years.dedup();
    if years.is_empty() {
        years.push(set.period.to);
    }
    years
}

/// Writes `n` synthetic communes for `set` as CSV.
pub fn generate(set: &CriteriaSet, n: u64, seed: u64, out: &mut dyn Write) -> io::Result<()> {
    let mut rng = Random(seed);
    let years = years(set);
    let mut w = csv::Writer::from_writer(out);
    let mut header: Vec<String> = ["commune_id", "commune", "district", "province"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    header.push(set.classification.column.clone());
    header.extend(
        set.classification
            .overrides
            .iter()
            .map(|o| o.column.clone()),
    );
    header.extend(["year", "hamlets", "hamlets_standard"].map(str::to_owned));
    header.extend(set.columns.iter().cloned());
    let verdict_columns: Vec<String> = set
        .tiers
        .iter()
        .flat_map(|t| t.criteria.iter().map(move |c| t.verdict_column(c.number)))
        .collect();
    header.extend(verdict_columns.iter().cloned());
    w.write_record(&header)?;
    // the indicator behind each of `set.columns` (an indicator shared by tiers is one column)
    let mut by_column: Vec<Option<&Indicator>> = vec![None; set.columns.len()];
    for (_, _, indicator) in set.indicators() {
        by_column[indicator.column].get_or_insert(indicator);
    }
    let by_column: Vec<&Indicator> = by_column
        .into_iter()
        .map(|i| i.expect("every column is an indicator"))
        .collect();
    let mut row: Vec<String> = Vec::with_capacity(header.len());
    for i in 0..n {
        row.clear();
        let class = rng.below(set.classification.classes.len() as u64);
        #[allow(clippy::cast_possible_truncation)]
        let class_index = class as usize;
        let year = years[rng.below(years.len() as u64) as usize];
        row.push(format!("C{i:07}"));
        row.push(format!("Xã Số {}", i + 1));
        row.push(format!("Huyện {}", i % 97 + 1));
        row.push(format!("Tỉnh {}", i % 34 + 1));
        row.push(set.classification.classes[class_index].code.clone());
        for _ in &set.classification.overrides {
            row.push(if rng.below(10) == 0 {
                "x".into()
            } else {
                String::new()
            });
        }
        row.push(year.to_string());
        let hamlets = 5 + rng.below(30);
        row.push(hamlets.to_string());
        row.push(rng.below(hamlets + 1).to_string());
        for indicator in &by_column {
            row.push(match &indicator.measure {
                Measure::YesNo => if rng.below(10) < 7 {
                    "Đạt"
                } else {
                    "Không đạt"
                }
                .to_owned(),
                Measure::Quantity(q) => {
                    let level = q
                        .threshold
                        .level(Some(ClassId(class_index)), Some(year))
                        .ok();
                    let around = level.and_then(|l| l.amount).unwrap_or(50.0);
                    let mut value = around * (0.8 + 0.4 * rng.unit());
                    if q.kind == QuantityKind::Percent {
                        value = value.clamp(0.0, 100.0);
                    }
                    let text = format!("{:.1}", value);
                    if rng.below(2) == 0 {
                        text.replace('.', ",")
                    } else {
                        text
                    }
                }
            });
        }
        for _ in &verdict_columns {
            let r = rng.below(100);
            row.push(
                match r {
                    0..70 => "Đạt",
                    70..90 => "Không đạt",
                    90..97 => "Cơ bản đạt",
                    _ => "",
                }
                .to_owned(),
            );
        }
        w.write_record(&row)?;
    }
    w.flush()
}

/// The floor a scorer is measured against: reads every record of a CSV file with the csv crate
/// and touches every field; returns (records, bytes in fields).
pub fn floor(path: &str) -> io::Result<(u64, u64)> {
    let mut reader = csv::Reader::from_path(path).map_err(io::Error::other)?;
    let mut record = csv::ByteRecord::new();
    let (mut records, mut bytes) = (0u64, 0u64);
    while reader
        .read_byte_record(&mut record)
        .map_err(io::Error::other)?
    {
        records += 1;
        for field in &record {
            bytes += field.len() as u64 + u64::from(field.first().copied().unwrap_or(0) & 1);
        }
    }
    Ok((records, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_data_and_it_scores() {
        let set = crate::criteria::CriteriaSet::from_yaml(
            include_str!("../criteria/vn-commune-2021-2025.yaml"),
            "s",
        )
        .unwrap();
        let mut a = Vec::new();
        let mut b = Vec::new();
        generate(&set, 50, 7, &mut a).unwrap();
        generate(&set, 50, 7, &mut b).unwrap();
        assert_eq!(a, b);
        let mut c = Vec::new();
        generate(&set, 50, 8, &mut c).unwrap();
        assert_ne!(a, c);
        let mut reader = crate::survey::SurveyReader::from_reader(
            Box::new(std::io::Cursor::new(a)),
            "g.csv",
            &set,
            None,
        )
        .unwrap();
        let mut rows = 0;
        while let Some(row) = reader.next_commune() {
            let commune = row.unwrap();
            crate::score::score(&set, commune).unwrap();
            rows += 1;
        }
        assert_eq!(rows, 50);
    }
}
