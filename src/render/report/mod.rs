//! The monthly report: one document people read, dated, naming the criteria set and its legal
//! basis — headline figures against targets, charts of bands and tiers, bottlenecks, candidates,
//! what changed since the last report, and every commune as an appendix — as HTML, Markdown or
//! an Excel workbook.

mod headline;
mod html;
mod markdown;
mod svg;
mod xlsx;

use crate::aggregate::changes::{Changes, Movement, Snapshot};
use crate::aggregate::progress::ProgressReport;
use crate::aggregate::trend::Trend;
use crate::config::ReportHead;
use crate::criteria::{CriteriaSet, Date, Verdict};
use crate::lang::Lang;
use crate::render::TableLabels;
use crate::render::figures::target_name;
use crate::render::labels::{Label, dateline, label};
use crate::render::sections::{Cell, Rows, Section, sections};

pub use headline::{Headline, headline};
pub use html::html;
pub use markdown::markdown;
pub use xlsx::xlsx;

/// Escapes text for HTML and SVG.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The order of a report's sections, by kind: headline figures first, then what the charts
/// show, then who acts, then the detail; the appendix last, whatever else a report holds.
const SECTION_ORDER: [&str; 15] = [
    "targets",
    "group_targets",
    "bands",
    "tiers",
    "recognised",
    "watch",
    "groups",
    "bottlenecks",
    "candidates",
    "changes",
    "periods",
    "period_groups",
    "pace",
    "losses",
    "appendix",
];

/// Everything a report shows.
pub struct Report<'a> {
    /// The criteria set.
    pub set: &'a CriteriaSet,
    /// The report's date.
    pub date: Date,
    /// Labels and language.
    pub labels: TableLabels,
    /// Progress against targets.
    pub progress: ProgressReport,
    /// Every commune as it was scored, for the appendix.
    pub rows: &'a [Snapshot],
    /// What changed since the previous survey, when one was given.
    pub changes: Option<Changes<'a>>,
    /// The periods of a panel, when the survey holds more than one.
    pub trend: Option<Trend>,
    /// What is said of the criteria the survey has no column for, when some are missing.
    pub criteria_missing: Option<String>,
    /// The issuing office's head and signature.
    pub head: &'a ReportHead,
}

/// The head and foot of the document, as an office issues it: the issuing body and the
/// document's number beside the nation's name and motto, the place and date, and the signature.
/// Without an issuing body the head is the date alone: nothing is made up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    /// The issuing body, one line each (none when not configured).
    pub issuer: Vec<String>,
    /// `Số: 125/BC-BCĐ`, when configured.
    pub number: Option<String>,
    /// The nation's name and motto, on a document with an issuing body.
    pub nation: Option<(String, String)>,
    /// `Thành phố Mẫu, ngày 15 tháng 12 năm 2022`.
    pub dateline: String,
    /// What the document is, over its title (`BÁO CÁO`).
    pub kind: String,
    /// The signature block, one line each.
    pub signer: Vec<String>,
}

/// The document's parts, in order: a title, lines under it, and its sections (whose long ones
/// make their rows as they are written, from the report).
pub struct Document<'r> {
    /// The head: issuing body, place and date.
    pub head: Head,
    /// The title.
    pub title: String,
    /// The lines under the title: date, criteria set, legal basis, headline figures.
    pub lead: Vec<String>,
    /// The figures that matter, each against its target.
    pub headline: Vec<Headline>,
    /// The sections.
    pub sections: Vec<Section<'r>>,
}

impl Report<'_> {
    /// The document in the report's language.
    #[must_use]
    pub fn document(&self) -> Document<'_> {
        let lang = self.labels.lang;
        let l = |x| label(x, lang).to_owned();
        let (title, mut sections) = sections(&self.progress, &self.labels);
        let mut lines = title.lines();
        let title = lines.next().unwrap_or_default().to_owned();
        let mut lead = vec![format!(
            "{}: {} ({})",
            l(Label::CriteriaSet),
            self.set.title.get(lang),
            self.set.id
        )];
        lead.push(format!(
            "{}: {}",
            l(Label::LegalBasis),
            self.set
                .legal_basis
                .iter()
                .map(|a| format!("{} ({})", a.decision, a.date))
                .collect::<Vec<_>>()
                .join("; ")
        ));
        // the figures under the title, without the set's id said again
        let set_again = format!("{}: {} · ", l(Label::CriteriaSet), self.set.id);
        lead.extend(lines.map(|line| line.strip_prefix(&set_again).unwrap_or(line).to_owned()));
        if let Some(missing) = &self.criteria_missing {
            lead.push(missing.clone());
        }
        if let Some(changes) = &self.changes {
            sections.push(changes_section(changes, &self.labels));
        }
        if let Some(trend) = &self.trend {
            sections.extend(crate::render::trend::sections(trend, &self.labels).1);
        }
        sections.push(appendix(self.rows, self.set, &self.labels));
        // (a kind not listed goes just before the appendix)
        let rank = |kind: &str| {
            SECTION_ORDER
                .iter()
                .position(|k| *k == kind)
                .map_or(2 * SECTION_ORDER.len() - 3, |i| 2 * i)
        };
        sections.sort_by_key(|s| rank(s.kind));
        let sections = crate::render::sections::without_blank_districts(sections, lang);
        let issued = !self.head.issuer.is_empty();
        let head = Head {
            issuer: self.head.issuer.clone(),
            number: self
                .head
                .number
                .as_ref()
                .map(|n| format!("{}: {n}", l(Label::DocumentNumber))),
            nation: issued.then(|| (l(Label::Nation), l(Label::Motto))),
            dateline: dateline(self.head.place.as_deref(), self.date, lang),
            kind: l(Label::ReportKind),
            signer: self.head.signer.clone(),
        };
        Document {
            head,
            title,
            lead,
            headline: headline(&self.progress, self.changes.as_ref(), &self.labels),
            sections,
        }
    }
}

fn changes_section<'r>(changes: &'r Changes<'_>, labels: &'r TableLabels) -> Section<'r> {
    let lang = labels.lang;
    let l = |x| label(x, lang).to_owned();
    let totals: Vec<Vec<Cell>> = changes
        .totals
        .iter()
        .map(|t| {
            vec![
                target_name(&t.name, None, lang).into(),
                // a number, which a workbook stores as one
                Cell::Number(t.change),
                Cell::Number(t.before),
                Cell::Number(t.after),
                String::new().into(),
                String::new().into(),
            ]
        })
        .collect();
    let commune = move |i: usize| {
        let c = changes.commune(i);
        let movement = match c.change {
            Movement::Lost => Label::MovedLost,
            Movement::Missing => Label::MovedMissing,
            Movement::TierUp => Label::MovedUp,
            Movement::Gained => Label::MovedGained,
            Movement::Added => Label::MovedAdded,
            Movement::Merged => Label::MovedMerged,
        };
        let tier = |t: &Option<String>| {
            t.as_deref()
                .map_or("—".to_owned(), |t| labels.tier(Some(t)))
        };
        let criteria = c.criteria_in_words(labels);
        vec![
            format!("{} {}", c.commune_id, c.commune).into(),
            match &c.merged_into {
                Some(into) => format!("{} {into}", label(movement, lang)).into(),
                None => label(movement, lang).into(),
            },
            c.criteria_before
                .map_or(Cell::Text(String::new()), Cell::from),
            c.criteria_after
                .map_or(Cell::Text(String::new()), Cell::from),
            if c.tier_before == c.tier_after {
                tier(&c.tier_after).into()
            } else {
                format!("{} → {}", tier(&c.tier_before), tier(&c.tier_after)).into()
            },
            criteria.join("\n").into(),
        ]
    };
    let len = totals.len() + changes.len();
    Section {
        kind: "changes",
        sheet: l(Label::Changes),
        title: l(Label::Changes),
        header: vec![
            l(Label::Figure),
            l(Label::Change),
            l(Label::Before),
            l(Label::After),
            l(Label::Tier),
            l(Label::CriterionName),
        ],
        rows: Rows::Made {
            len,
            row: Box::new(move |i| match totals.get(i) {
                Some(row) => row.clone(),
                None => commune(i - totals.len()),
            }),
        },
    }
}

fn appendix<'r>(
    rows: &'r [Snapshot],
    set: &'r CriteriaSet,
    labels: &'r TableLabels,
) -> Section<'r> {
    let lang = labels.lang;
    let l = |x| label(x, lang).to_owned();
    let numbers = move |r: &Snapshot, verdict| {
        let numbers: Vec<String> = r
            .numbers(set, verdict)
            .iter()
            .map(ToString::to_string)
            .collect();
        Cell::Text(labels.criteria(None, &numbers))
    };
    Section {
        kind: "appendix",
        sheet: l(Label::Appendix),
        title: l(Label::Appendix),
        header: vec![
            l(Label::CommuneId),
            l(Label::Commune),
            l(Label::District),
            l(Label::CriteriaMet),
            l(Label::Band),
            l(Label::Tier),
            l(Label::Unmet),
            l(Label::BasicallyMet),
            l(Label::NotAssessed),
        ],
        rows: Rows::Made {
            len: rows.len(),
            row: Box::new(move |i| {
                let r = &rows[i];
                let met = r.met();
                let tier = r.tier().map(|t| set.tiers[t].id.as_str());
                vec![
                    r.id().into(),
                    r.name().into(),
                    r.district().into(),
                    met.into(),
                    set.band(met).label.as_str().into(),
                    labels.tier(tier).into(),
                    numbers(r, Verdict::NotMet),
                    numbers(r, Verdict::BasicallyMet),
                    numbers(r, Verdict::NotAssessed),
                ]
            }),
        },
    }
}

/// The language a report is written in when none is asked for.
pub const DEFAULT_LANG: Lang = Lang::Vi;
