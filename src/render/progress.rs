//! The progress report for people: a table per section on a terminal, or Markdown.

use std::io::{self, Write};

use super::{TableLabels, new_table};
use crate::labels::{Label, label};
use crate::lang::Lang;
use crate::progress::{Figure, ProgressReport, TargetResult};

/// A section: a title and rows under a header.
struct Section {
    title: String,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

fn figure(f: &Figure, lang: Lang) -> String {
    let s = match f {
        Figure::Count(n) => n.to_string(),
        Figure::Measure(x) => super::number(*x),
    };
    match lang {
        Lang::Vi => s.replace('.', ","),
        Lang::En => s,
    }
}

fn target_name(name: &str, lang: Lang) -> &str {
    let l = match name {
        "standard_communes" => Label::TargetStandard,
        "advanced_communes" => Label::TargetAdvanced,
        "model_communes" => Label::TargetModel,
        "modern_communes" => Label::TargetModern,
        "min_criteria_per_commune" => Label::TargetMinCriteria,
        "hamlet_standard_share" => Label::TargetHamletShare,
        "average_criteria" => Label::TargetAverage,
        _ => return name,
    };
    label(l, lang)
}

fn verdict(met: Option<bool>, lang: Lang) -> &'static str {
    match met {
        Some(true) => label(Label::Yes, lang),
        Some(false) => label(Label::No, lang),
        None => label(Label::Undetermined, lang),
    }
}

fn target_rows(targets: &[TargetResult], lang: Lang) -> Vec<Vec<String>> {
    targets
        .iter()
        .map(|t| {
            vec![
                target_name(&t.name, lang).to_owned(),
                figure(&t.required, lang),
                t.actual
                    .as_ref()
                    .map_or_else(String::new, |a| figure(a, lang)),
                figure(&t.gap, lang),
                verdict(t.met, lang).to_owned(),
                t.note.clone().unwrap_or_default(),
            ]
        })
        .collect()
}

fn sections(report: &ProgressReport, labels: &TableLabels) -> (String, Vec<Section>) {
    let lang = labels.lang;
    let l = |x| label(x, lang).to_owned();
    let mut title = l(Label::ProgressTitle);
    if let Some(p) = &report.province {
        title.push_str(&format!(" — {p}"));
    }
    if let Some(y) = report.year {
        title.push_str(&format!(" — {} {y}", l(Label::TargetYear)));
    }
    title.push_str(&format!(
        "\n{}: {} · {}: {}",
        l(Label::CriteriaSet),
        report.criteria,
        l(Label::Communes),
        report.communes
    ));
    if let Some(avg) = report.average_criteria {
        title.push_str(&format!(
            " · {}: {}",
            l(Label::AverageCriteria),
            figure(&Figure::Measure(avg), lang)
        ));
    }
    if let Some(h) = &report.hamlet_standard_share {
        title.push_str(&format!(
            " · {}: {}/{} ({} %)",
            l(Label::HamletsStandard),
            h.standard,
            h.hamlets,
            figure(&Figure::Measure(h.share * 100.0), lang)
        ));
    }
    let mut out = vec![
        Section {
            title: l(Label::Tier),
            header: vec![l(Label::Tier), l(Label::Communes)],
            rows: report
                .tiers
                .iter()
                .map(|t| vec![labels.tier(Some(&t.tier)), t.communes.to_string()])
                .collect(),
        },
        Section {
            title: l(Label::BandTitle),
            header: vec![l(Label::Band), l(Label::Communes)],
            rows: report
                .bands
                .iter()
                .map(|b| vec![b.band.clone(), b.communes.to_string()])
                .collect(),
        },
    ];
    let target_header = vec![
        l(Label::Target),
        l(Label::Required),
        l(Label::Actual),
        l(Label::Gap),
        l(Label::TargetMet),
        l(Label::Note),
    ];
    if !report.targets.is_empty() {
        out.push(Section {
            title: l(Label::Targets),
            header: target_header.clone(),
            rows: target_rows(&report.targets, lang),
        });
    }
    if !report.districts.is_empty() {
        out.push(Section {
            title: l(Label::Districts),
            header: vec![
                l(Label::District),
                l(Label::Communes),
                l(Label::Tier),
                l(Label::Band),
                l(Label::AverageCriteria),
                l(Label::TargetsMet),
            ],
            rows: report
                .districts
                .iter()
                .map(|d| {
                    let judged = d.targets.iter().filter(|t| t.met == Some(true)).count();
                    vec![
                        if d.district.is_empty() {
                            "—".to_owned()
                        } else {
                            d.district.clone()
                        },
                        d.communes.to_string(),
                        d.tiers
                            .iter()
                            .filter(|t| t.communes > 0)
                            .map(|t| format!("{} {}", labels.tier(Some(&t.tier)), t.communes))
                            .collect::<Vec<_>>()
                            .join("\n"),
                        d.bands
                            .iter()
                            .filter(|b| b.communes > 0)
                            .map(|b| format!("{}: {}", b.band, b.communes))
                            .collect::<Vec<_>>()
                            .join("\n"),
                        d.average_criteria
                            .map(|a| figure(&Figure::Measure(a), lang))
                            .unwrap_or_default(),
                        if d.targets.is_empty() {
                            String::new()
                        } else {
                            format!("{judged}/{}", d.targets.len())
                        },
                    ]
                })
                .collect(),
        });
        for d in report.districts.iter().filter(|d| !d.targets.is_empty()) {
            out.push(Section {
                title: format!("{} — {}", l(Label::Targets), d.district),
                header: target_header.clone(),
                rows: target_rows(&d.targets, lang),
            });
        }
    }
    out.push(Section {
        title: l(Label::Bottlenecks),
        header: vec![
            l(Label::CriterionShort),
            l(Label::CriterionName),
            l(Label::Owner),
            l(Label::Unmet),
            l(Label::BasicallyMet),
            l(Label::NotAssessed),
        ],
        rows: report
            .bottlenecks
            .iter()
            .filter(|b| b.not_met + b.basically_met + b.not_assessed > 0)
            .map(|b| {
                vec![
                    b.criterion.to_string(),
                    b.name.get(lang).to_owned(),
                    b.owner.get(lang).to_owned(),
                    b.not_met.to_string(),
                    b.basically_met.to_string(),
                    b.not_assessed.to_string(),
                ]
            })
            .collect(),
    });
    if !report.candidates.is_empty() {
        out.push(Section {
            title: l(Label::Candidates),
            header: vec![
                l(Label::ForTier),
                l(Label::CommuneId),
                l(Label::Commune),
                l(Label::District),
                l(Label::Lacking),
            ],
            rows: report
                .candidates
                .iter()
                .map(|c| {
                    let scope = if c.scope == "province" {
                        String::new()
                    } else {
                        format!(" ({})", c.scope)
                    };
                    vec![
                        format!("{}{scope}", labels.tier(Some(&c.for_tier))),
                        c.commune_id.clone(),
                        c.commune.clone(),
                        c.district.clone(),
                        format!("{}: {}", c.lacking, c.criteria.join(", ")),
                    ]
                })
                .collect(),
        });
    }
    (title, out)
}

/// Writes the report as tables.
pub fn table(report: &ProgressReport, labels: &TableLabels, out: &mut dyn Write) -> io::Result<()> {
    let (title, sections) = sections(report, labels);
    writeln!(out, "{title}")?;
    for section in sections {
        writeln!(out, "\n{}", section.title)?;
        let mut table = new_table(labels.width);
        table.set_header(section.header);
        for row in section.rows {
            table.add_row(row);
        }
        writeln!(out, "{table}")?;
    }
    out.flush()
}

/// Writes the report as Markdown.
pub fn markdown(
    report: &ProgressReport,
    labels: &TableLabels,
    out: &mut dyn Write,
) -> io::Result<()> {
    let (title, sections) = sections(report, labels);
    let mut lines = title.lines();
    writeln!(out, "# {}\n", lines.next().unwrap_or_default())?;
    for line in lines {
        writeln!(out, "{line}")?;
    }
    let cell = |s: &str| s.replace('|', "\\|").replace('\n', "<br>");
    for section in sections {
        writeln!(out, "\n## {}\n", section.title)?;
        writeln!(out, "| {} |", section.header.join(" | "))?;
        writeln!(out, "|{}", "---|".repeat(section.header.len()))?;
        for row in section.rows {
            let cells: Vec<_> = row.iter().map(|c| cell(c)).collect();
            writeln!(out, "| {} |", cells.join(" | "))?;
        }
    }
    out.flush()
}
