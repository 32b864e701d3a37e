//! The headline of the report: the few figures that matter, each against its target, with the
//! gap in words and whether it is met.

use std::fmt::Write as _;

use crate::aggregate::changes::{Changes, Movement};
use crate::aggregate::progress::ProgressReport;
use crate::lang::Lang;
use crate::render::TableLabels;
use crate::render::figures::{Status, Totals, decimal, percent, target_sentence, tier_sentence};

/// One headline figure: a sentence, and whether the target it measures is met (`None` for a
/// figure without a target).
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    /// Met, not met or open, when the figure has a target.
    pub status: Option<Status>,
    /// The figure in words.
    pub text: String,
}

/// The headline figures of `report`: its province targets in words; without targets, the
/// communes at each tier, the average and the hamlets; then the districts' targets and what
/// changed since the last report.
#[must_use]
pub fn headline(
    report: &ProgressReport,
    changes: Option<&Changes<'_>>,
    labels: &TableLabels,
) -> Vec<Headline> {
    let lang = labels.lang;
    let tier = |id: &str| labels.tier(Some(id));
    let totals = Totals {
        communes: report.communes,
        hamlets: report
            .hamlet_standard_share
            .as_ref()
            .map(|h| (h.hamlets, h.standard)),
    };
    let mut out: Vec<Headline> = report
        .targets
        .iter()
        .map(|t| Headline {
            status: Some(Status::of(t.met)),
            text: target_sentence(t, totals, lang, &tier),
        })
        .collect();
    if out.is_empty() {
        out.extend(untargeted(report, totals, lang));
    }
    // units with targets of their own are districts: the targets file gives no other
    let judged: Vec<_> = report
        .groups
        .iter()
        .filter(|d| !d.targets.is_empty())
        .collect();
    if !judged.is_empty() {
        let met = judged
            .iter()
            .filter(|d| d.targets.iter().all(|t| t.met == Some(true)))
            .count();
        let behind: Vec<&str> = judged
            .iter()
            .filter(|d| d.targets.iter().any(|t| t.met == Some(false)))
            .map(|d| d.group.as_str())
            .collect();
        let status = if met == judged.len() {
            Status::Met
        } else if behind.is_empty() {
            Status::Open
        } else {
            Status::NotMet
        };
        let mut text = match lang {
            Lang::Vi => format!(
                "{met}/{} huyện có mục tiêu riêng đạt đủ mục tiêu",
                judged.len()
            ),
            Lang::En => format!(
                "{met} of {} districts with targets of their own meet them all",
                judged.len()
            ),
        };
        if !behind.is_empty() {
            let _ = match lang {
                Lang::Vi => write!(text, " (chưa đạt: {})", behind.join(", ")),
                Lang::En => write!(text, " (not yet: {})", behind.join(", ")),
            };
        }
        out.push(Headline {
            status: Some(status),
            text,
        });
    }
    if let Some(changes) = changes {
        out.push(Headline {
            status: None,
            text: changed(changes, lang),
        });
    }
    out
}

/// The figures of a report without targets.
fn untargeted(report: &ProgressReport, totals: Totals, lang: Lang) -> Vec<Headline> {
    let mut out = Vec::new();
    // communes at each tier or above, from the tier counts (the first is of no tier)
    let counts: Vec<u32> = report.tiers.iter().map(|t| t.communes).collect();
    for (k, t) in report.tiers.iter().enumerate().skip(1) {
        let key = format!("{}_communes", t.tier);
        let at_least: u32 = counts[k..].iter().sum();
        if let Some(text) = tier_sentence(&key, at_least, totals, lang) {
            out.push(Headline { status: None, text });
        }
    }
    if let Some(avg) = report.average_criteria {
        out.push(Headline {
            status: None,
            text: match lang {
                Lang::Vi => format!("Bình quân {} tiêu chí/xã", decimal(avg, 2, lang)),
                Lang::En => format!("On average {} criteria per commune", decimal(avg, 2, lang)),
            },
        });
    }
    if let Some(h) = &report.hamlet_standard_share {
        out.push(Headline {
            status: None,
            text: match lang {
                Lang::Vi => format!(
                    "{}/{} thôn đạt chuẩn ({})",
                    h.standard,
                    h.hamlets,
                    percent(h.share, lang)
                ),
                Lang::En => format!(
                    "{}/{} hamlets recognised standard ({})",
                    h.standard,
                    h.hamlets,
                    percent(h.share, lang)
                ),
            },
        });
    }
    out
}

/// What changed since the last report, counted: `So với kỳ trước: 3 xã mất tiêu chí hoặc mức, …`.
fn changed(changes: &Changes<'_>, lang: Lang) -> String {
    let mut counts = [0usize; 6];
    for c in changes.communes() {
        counts[match c.change {
            Movement::Lost => 0,
            Movement::Missing => 1,
            Movement::TierUp => 2,
            Movement::Gained => 3,
            Movement::Added => 4,
            Movement::Merged => 5,
        }] += 1;
    }
    let words: [(&str, &str); 6] = match lang {
        Lang::Vi => [
            ("xã mất tiêu chí hoặc xuống mức", ""),
            ("xã không còn trong số liệu", ""),
            ("xã lên mức", ""),
            ("xã đạt thêm tiêu chí", ""),
            ("xã mới", ""),
            ("xã sáp nhập", ""),
        ],
        Lang::En => [
            (
                "commune lost a criterion or a tier",
                "communes lost a criterion or a tier",
            ),
            ("commune missing", "communes missing"),
            ("commune moved up a tier", "communes moved up a tier"),
            ("commune gained criteria", "communes gained criteria"),
            ("new commune", "new communes"),
            ("commune merged", "communes merged"),
        ],
    };
    let parts: Vec<String> = counts
        .iter()
        .zip(words)
        .enumerate()
        // losses, gains and moves up are always said; the rest when they happened
        .filter(|(i, (n, _))| *i == 0 || *i == 2 || *i == 3 || **n > 0)
        .map(|(_, (n, (one, many)))| {
            let word = if *n == 1 || many.is_empty() {
                one
            } else {
                many
            };
            format!("{n} {word}")
        })
        .collect();
    match lang {
        Lang::Vi => format!("So với kỳ trước: {}", parts.join(", ")),
        Lang::En => format!("Since the last report: {}", parts.join(", ")),
    }
}
