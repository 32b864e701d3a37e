//! `ntm trend` as sections (tables, Markdown, a workbook) and as CSV: one row per period.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::TableLabels;
use super::figures::{Unit, target_name, target_units, value};
use super::labels::{Label, label};
use super::sections::{Cell, Rows, Section};
use crate::aggregate::progress::Figure;
use crate::aggregate::trend::Trend;

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
            .flat_map(|p| &p.tiers)
            .map(|t| labels.tier(Some(&t.tier))),
    );
    header.extend(
        first
            .into_iter()
            .flat_map(|p| &p.bands)
            .map(|b| b.band.clone()),
    );
    header.push(l(Label::AverageCriteria));
    header.push(l(Label::HamletsStandard));
    header.extend(
        first
            .into_iter()
            .flat_map(|p| &p.targets)
            .map(|t| target_name(&t.name, Some(&t.required), lang)),
    );
    let rows = trend
        .periods
        .iter()
        .map(|p| {
            let mut row: Vec<Cell> = vec![p.period.clone().into(), p.communes.into()];
            row.extend(p.tiers.iter().map(|t| Cell::from(t.communes)));
            row.extend(p.bands.iter().map(|b| Cell::from(b.communes)));
            row.push(p.average_criteria.map_or(Cell::from(""), Cell::Number));
            row.push(
                p.hamlet_standard_share
                    .map_or(Cell::from(""), |s| Cell::Quantity(s, Unit::Percent)),
            );
            // each target's figure as its table gives it: communes below a minimum, not the
            // lowest count
            row.extend(p.targets.iter().map(|t| match &t.actual {
                None => Cell::from(""),
                Some(_) if t.name == "min_criteria_per_commune" => {
                    Cell::Quantity(value(&t.gap), Unit::Communes)
                }
                Some(a) => Cell::Quantity(value(a), target_units(&t.name).0),
            }));
            row
        })
        .collect();
    let mut out = vec![Section {
        kind: "periods",
        sheet: l(Label::ReportPeriod),
        title: l(Label::TrendTitle),
        header,
        rows: Rows::Cells(rows),
    }];
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
                                    .flat_map(|f| &f.targets)
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
    (title, out)
}

/// The figures of every period as CSV, one row per period, with machine names for headers:
/// `period`, `communes`, `tier_<id>`, `band_<label>`, `average_criteria`,
/// `hamlet_standard_share`, then `target_<name>` with each target's actual figure.
pub fn csv(trend: &Trend, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    let first = trend.periods.first();
    let mut header = vec!["period".to_owned(), "communes".to_owned()];
    header.extend(
        first
            .into_iter()
            .flat_map(|p| &p.tiers)
            .map(|t| format!("tier_{}", t.tier)),
    );
    header.extend(
        first
            .into_iter()
            .flat_map(|p| &p.bands)
            .map(|b| format!("band_{}", b.band)),
    );
    header.push("average_criteria".to_owned());
    header.push("hamlet_standard_share".to_owned());
    header.extend(
        first
            .into_iter()
            .flat_map(|p| &p.targets)
            .map(|t| format!("target_{}", t.name)),
    );
    writer.write_record(&header).map_err(io::Error::other)?;
    let number = |x: f64| super::number(x);
    for p in &trend.periods {
        let mut row = vec![p.period.clone(), p.communes.to_string()];
        row.extend(p.tiers.iter().map(|t| t.communes.to_string()));
        row.extend(p.bands.iter().map(|b| b.communes.to_string()));
        row.push(p.average_criteria.map(number).unwrap_or_default());
        row.push(p.hamlet_standard_share.map(number).unwrap_or_default());
        row.extend(p.targets.iter().map(|t| match t.actual {
            Some(Figure::Count(n)) => n.to_string(),
            Some(Figure::Measure(x)) => number(x),
            None => String::new(),
        }));
        writer.write_record(&row).map_err(io::Error::other)?;
    }
    writer.flush()
}
