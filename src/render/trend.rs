//! `ntm trend` as sections (tables, Markdown, a workbook) and as CSV: one row per period.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::TableLabels;
use super::figures::{Unit, target_name, target_units, value};
use super::labels::{Label, by_unit_per_period, label, unit_heading, unit_name};
use super::sections::{Cell, Rows, Section};
use crate::aggregate::trend::{Figures, TargetActual, Trend};

/// The title and the sections: the figures of every period, the pace against the targets (with
/// targets), and the communes that lost a criterion or a tier.
#[must_use]
pub fn sections(trend: &Trend, labels: &TableLabels) -> (String, Vec<Section<'static>>) {
    let lang = labels.lang;
    let l = |x| label(x, lang).to_owned();
    let mut title = l(Label::TrendTitle);
    if let Some(year) = trend.target_year {
        let _ = write!(title, " — {} {year}", l(Label::TargetYear));
    }
    let _ = write!(title, "\n{}: {}", l(Label::CriteriaSet), trend.criteria);
    let first = trend.periods.first();
    let mut header = vec![l(Label::ReportPeriod), l(Label::Communes)];
    header.extend(
        first
            .into_iter()
            .flat_map(|p| &p.figures.tiers)
            .map(|t| labels.tier(Some(&t.tier))),
    );
    header.extend(
        first
            .into_iter()
            .flat_map(|p| &p.figures.bands)
            .map(|b| b.band.clone()),
    );
    header.push(l(Label::AverageCriteria));
    header.push(l(Label::HamletsStandard));
    header.extend(
        first
            .into_iter()
            .flat_map(|p| &p.figures.targets)
            .map(|t| target_name(&t.name, Some(&t.required), lang)),
    );
    let rows = trend
        .periods
        .iter()
        .map(|p| {
            let mut row: Vec<Cell> = vec![p.period.clone().into()];
            row.extend(figures(&p.figures, &p.figures.targets, true));
            row
        })
        .collect();
    let mut out = vec![Section {
        kind: "periods",
        sheet: l(Label::ReportPeriod),
        title: l(Label::TrendTitle),
        header: header.clone(),
        rows: Rows::Cells(rows),
    }];
    if let Some(by) = &trend.by {
        let mut header = header.clone();
        header.insert(1, unit_heading(by, lang));
        let rows = trend
            .periods
            .iter()
            .flat_map(|p| p.groups.iter().flatten().map(move |g| (p, g)))
            .map(|(p, g)| {
                let mut row: Vec<Cell> =
                    vec![p.period.clone().into(), unit_name(&g.group, lang).into()];
                row.extend(figures(&g.figures, &p.figures.targets, true));
                row
            })
            .collect();
        let title = by_unit_per_period(by, lang);
        out.push(Section {
            kind: "period_groups",
            sheet: title.clone(),
            title,
            header,
            rows: Rows::Cells(rows),
        });
    }
    if !trend.pace.is_empty() {
        let yes_no = |b: Option<bool>| {
            Cell::from(match b {
                Some(true) => label(Label::Yes, lang),
                Some(false) => label(Label::No, lang),
                None => label(Label::Undetermined, lang),
            })
        };
        out.push(Section {
            kind: "pace",
            sheet: l(Label::Pace),
            title: l(Label::Pace),
            header: vec![
                l(Label::Target),
                l(Label::Gap),
                l(Label::PeriodsLeft),
                l(Label::NeededPerPeriod),
                l(Label::SoFarPerPeriod),
                l(Label::OnTrack),
            ],
            rows: Rows::Cells(
                trend
                    .pace
                    .iter()
                    .map(|p| {
                        vec![
                            target_name(
                                &p.target,
                                first
                                    .into_iter()
                                    .flat_map(|f| &f.figures.targets)
                                    .find(|t| t.name == p.target)
                                    .map(|t| &t.required),
                                lang,
                            )
                            .into(),
                            Cell::Quantity(p.gap, target_units(&p.target).1),
                            p.periods_left.into(),
                            p.needed_per_period.map_or(Cell::from(""), |x| {
                                Cell::Quantity(x, target_units(&p.target).1)
                            }),
                            p.so_far_per_period.map_or(Cell::from(""), |x| {
                                Cell::Quantity(x, target_units(&p.target).1)
                            }),
                            yes_no(p.on_track),
                        ]
                    })
                    .collect(),
            ),
        });
    }
    out.push(Section {
        kind: "losses",
        sheet: l(Label::Losses),
        title: l(Label::Losses),
        header: vec![
            l(Label::CommuneId),
            l(Label::Commune),
            l(Label::District),
            l(Label::FromPeriod),
            l(Label::ToPeriod),
            l(Label::TierBefore),
            l(Label::TierAfter),
            l(Label::CriteriaLost),
        ],
        rows: Rows::Cells(
            trend
                .losses
                .iter()
                .map(|loss| {
                    let lost: Vec<String> = loss.lost.iter().map(ToString::to_string).collect();
                    let lost = labels.criteria(None, &lost);
                    vec![
                        loss.commune_id.clone().into(),
                        loss.commune.clone().into(),
                        loss.district.clone().into(),
                        loss.from.clone().into(),
                        loss.to.clone().into(),
                        labels.tier(Some(&loss.tier_before)).into(),
                        labels.tier(Some(&loss.tier_after)).into(),
                        lost.into(),
                    ]
                })
                .collect(),
        ),
    });
    (
        title,
        crate::render::sections::without_blank_districts(out, lang),
    )
}

/// The cells of a row after its period (and unit): communes, each tier, each band, the
/// average criteria, the hamlet share and the actual figure of each of the `province`'s
/// targets (the unit's target of the same name, where it has one). For a `table`, figures
/// carry their units as their tables give them (a share as a percentage, the minimum-criteria
/// target as the communes below it); otherwise they are plain numbers, a share a fraction.
fn figures(f: &Figures, province: &[TargetActual], table: bool) -> Vec<Cell> {
    let Figures {
        communes,
        tiers,
        bands,
        average_criteria: average,
        hamlet_standard_share: share,
        targets,
    } = f;
    let (communes, average, share) = (*communes, *average, *share);
    let mut row: Vec<Cell> = vec![communes.into()];
    row.extend(tiers.iter().map(|t| Cell::from(t.communes)));
    row.extend(bands.iter().map(|b| Cell::from(b.communes)));
    row.push(average.map_or(Cell::from(""), Cell::Number));
    row.push(share.map_or(Cell::from(""), |s| {
        if table {
            Cell::Quantity(s, Unit::Percent)
        } else {
            Cell::Number(s)
        }
    }));
    row.extend(province.iter().map(|t| {
        let Some(own) = targets.iter().find(|own| own.name == t.name) else {
            return Cell::from("");
        };
        match &own.actual {
            None => Cell::from(""),
            Some(_) if table && own.name == "min_criteria_per_commune" => {
                Cell::Quantity(value(&own.gap), Unit::Communes)
            }
            Some(a) if table => Cell::Quantity(value(a), target_units(&own.name).0),
            Some(a) => Cell::from(a),
        }
    }));
    row
}

/// The figures of every period as CSV, one row per period, with machine names for headers:
/// `period`, `communes`, `tier_<id>`, `band_<label>`, `average_criteria`,
/// `hamlet_standard_share`, then `target_<name>` with each target's actual figure. Grouped
/// (`--by`), one row per period and unit, the unit in a second column headed by what the
/// trend is grouped by (`district`, or the column's header).
pub fn csv(trend: &Trend, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    let first = trend.periods.first();
    let mut header = vec!["period".to_owned()];
    header.extend(trend.by.clone());
    header.push("communes".to_owned());
    header.extend(
        first
            .into_iter()
            .flat_map(|p| &p.figures.tiers)
            .map(|t| format!("tier_{}", t.tier)),
    );
    header.extend(
        first
            .into_iter()
            .flat_map(|p| &p.figures.bands)
            .map(|b| format!("band_{}", b.band)),
    );
    header.push("average_criteria".to_owned());
    header.push("hamlet_standard_share".to_owned());
    header.extend(
        first
            .into_iter()
            .flat_map(|p| &p.figures.targets)
            .map(|t| format!("target_{}", t.name)),
    );
    writer.write_record(&header).map_err(io::Error::other)?;
    let number = |x: f64| super::number(x);
    let text = |cell: Cell| match cell {
        Cell::Text(s) => s,
        Cell::Number(x) | Cell::Quantity(x, _) => number(x),
        Cell::Status(_) => String::new(),
    };
    for p in &trend.periods {
        let units: Vec<(Option<&str>, &Figures)> = match &p.groups {
            Some(groups) => groups
                .iter()
                .map(|g| (Some(g.group.as_str()), &g.figures))
                .collect(),
            None => vec![(None, &p.figures)],
        };
        for (group, unit) in units {
            let mut row = vec![p.period.clone()];
            row.extend(group.map(str::to_owned));
            // (the hamlet share as a fraction, as JSON gives it)
            row.extend(
                figures(unit, &p.figures.targets, false)
                    .into_iter()
                    .map(text),
            );
            writer.write_record(&row).map_err(io::Error::other)?;
        }
    }
    writer.flush()
}
