//! The progress report as sections — a title and a table each — that every document format
//! renders: tables on a terminal, Markdown, HTML, a workbook.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

use super::figures::{Status, TargetFigures, Unit, percent, quantity};
use super::labels::not_shown;
use super::table::TABLE_ROWS;
use super::{TableLabels, new_table};
use crate::aggregate::progress::{Figure, ProgressReport, TargetResult};
use crate::lang::Lang;
use crate::render::labels::{Label, by_unit, label, unit_heading, unit_name};
use crate::text::escape_controls;

/// A table cell: text, or a number that a workbook stores as a number.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
    /// A number with its unit, shown with it (`33 xã`, `0,9 %`); a share is held as a
    /// fraction.
    Quantity(f64, Unit),
    /// Whether a target is met, shown with a mark that reads without colour (`✘ chưa đạt`).
    Status(Status),
}

impl Cell {
    /// The cell as people read it in `lang` (decimal comma in Vietnamese).
    #[must_use]
    pub fn show(&self, lang: Lang) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Number(x) => {
                let s = super::number(*x);
                match lang {
                    Lang::Vi => s.replace('.', ","),
                    Lang::En => s,
                }
            }
            Cell::Quantity(x, unit) => quantity(*x, *unit, lang),
            Cell::Status(status) => status.show(lang),
        }
    }

    /// The number a workbook stores, for a cell that holds one.
    #[must_use]
    pub fn number(&self) -> Option<f64> {
        match self {
            Cell::Number(x) | Cell::Quantity(x, _) => Some(*x),
            Cell::Text(_) | Cell::Status(_) => None,
        }
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_owned())
    }
}

impl From<u16> for Cell {
    fn from(n: u16) -> Cell {
        Cell::Number(f64::from(n))
    }
}

impl From<u32> for Cell {
    fn from(n: u32) -> Cell {
        Cell::Number(f64::from(n))
    }
}

impl From<&Figure> for Cell {
    fn from(f: &Figure) -> Cell {
        match f {
            #[allow(clippy::cast_precision_loss)]
            Figure::Count(n) => Cell::Number(*n as f64),
            Figure::Measure(x) => Cell::Number(*x),
        }
    }
}

/// The rows of a section: cells held, or made one at a time from what the report holds, so that
/// a report of a million communes is not a million rows of cells in memory.
pub enum Rows<'a> {
    /// Rows of cells.
    Cells(Vec<Vec<Cell>>),
    /// `len` rows, the `i`-th made by `row(i)`.
    Made {
        /// How many rows.
        len: usize,
        /// Makes a row.
        row: Box<dyn Fn(usize) -> Vec<Cell> + 'a>,
    },
}

impl Rows<'_> {
    /// How many rows.
    #[must_use]
    pub fn len(&self) -> usize {
        match self {
            Rows::Cells(rows) => rows.len(),
            Rows::Made { len, .. } => *len,
        }
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The rows in order, each held or made as it comes.
    #[must_use]
    pub fn iter(&self) -> RowIter<'_> {
        self.into_iter()
    }
}

/// The rows of a section in order, each held or made as it comes.
pub type RowIter<'r> = Box<dyn Iterator<Item = Cow<'r, [Cell]>> + 'r>;

impl<'r> IntoIterator for &'r Rows<'_> {
    type Item = Cow<'r, [Cell]>;
    type IntoIter = RowIter<'r>;

    fn into_iter(self) -> RowIter<'r> {
        match self {
            Rows::Cells(rows) => Box::new(rows.iter().map(|r| Cow::Borrowed(r.as_slice()))),
            Rows::Made { len, row } => Box::new((0..*len).map(|i| Cow::Owned(row(i)))),
        }
    }
}

impl From<Vec<Vec<Cell>>> for Rows<'_> {
    fn from(rows: Vec<Vec<Cell>>) -> Self {
        Rows::Cells(rows)
    }
}

impl std::fmt::Debug for Rows<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Rows({})", self.len())
    }
}

/// A section: a title and rows under a header.
#[derive(Debug)]
pub struct Section<'a> {
    /// What the section holds: `tiers`, `bands`, `recognised`, `watch`, `targets`, `groups`
    /// (per unit), `group_targets` (a district's targets), `bottlenecks`, `candidates`,
    /// `changes`, `periods`, `period_groups`, `pace`, `losses` or `appendix`.
    pub kind: &'static str,
    /// A short name, for a workbook sheet.
    pub sheet: String,
    /// The title.
    pub title: String,
    /// Column headers.
    pub header: Vec<String>,
    /// Rows of cells.
    pub rows: Rows<'a>,
}

/// The sections of one row per commune, which name each commune's district.
const COMMUNE_SECTIONS: [&str; 5] = ["appendix", "watch", "candidates", "changes", "losses"];

impl<'a> Section<'a> {
    /// The section without its column headed `header` when no row says anything in it.
    #[must_use]
    pub fn without_blank_column(self, header: &str) -> Section<'a> {
        let Some(i) = self.header.iter().position(|h| h == header) else {
            return self;
        };
        let blank = |row: &[Cell]| matches!(row.get(i), Some(Cell::Text(t)) if t.is_empty());
        let rows = match self.rows {
            Rows::Cells(rows) if rows.iter().all(|r| blank(r)) => Rows::Cells(
                rows.into_iter()
                    .map(|mut r| {
                        r.remove(i);
                        r
                    })
                    .collect(),
            ),
            Rows::Made { len, row } if (0..len).all(|j| blank(&row(j))) => Rows::Made {
                len,
                row: Box::new(move |j| {
                    let mut r = row(j);
                    r.remove(i);
                    r
                }),
            },
            rows => {
                return Section { rows, ..self };
            }
        };
        let mut header = self.header;
        header.remove(i);
        Section {
            header,
            rows,
            ..self
        }
    }
}

/// `sections` without the district column of their tables of communes where no commune names
/// a district: a survey of 2026 or later, districts being no more.
#[must_use]
pub fn without_blank_districts(sections: Vec<Section<'_>>, lang: Lang) -> Vec<Section<'_>> {
    let district = label(Label::District, lang);
    sections
        .into_iter()
        .map(|s| {
            if COMMUNE_SECTIONS.contains(&s.kind) {
                s.without_blank_column(district)
            } else {
                s
            }
        })
        .collect()
}

fn figure(f: &Figure, lang: Lang) -> String {
    Cell::from(f).show(lang)
}

/// The rows of a target table: each target with its figures in their units, and whether it is
/// met.
pub(crate) fn target_rows(targets: &[TargetResult], labels: &TableLabels) -> Vec<Vec<Cell>> {
    let tier = |id: &str| labels.tier(Some(id));
    targets
        .iter()
        .map(|t| {
            let f = TargetFigures::of(t, labels.lang, &tier);
            vec![
                f.name.into(),
                Cell::Quantity(f.required.0, f.required.1),
                f.actual.map_or(Cell::Text(String::new()), |(x, unit)| {
                    Cell::Quantity(x, unit)
                }),
                Cell::Quantity(f.gap.0, f.gap.1),
                Cell::Status(f.status),
                f.note.into(),
            ]
        })
        .collect()
}

/// What the tiers counted mean when the survey has no column for the set's recognition
/// conditions: meeting the criteria, not recognition.
#[must_use]
pub fn conditions_note(report: &ProgressReport, lang: Lang) -> Option<String> {
    (!report.conditions_not_judged.is_empty()).then(|| {
        format!(
            "{} ({})",
            label(Label::ConditionsNotJudged, lang),
            report
                .conditions_not_judged
                .iter()
                .map(|name| name.get(lang))
                .collect::<Vec<_>>()
                .join("; ")
        )
    })
}

/// The report's title lines and its sections.
#[must_use]
pub fn sections(report: &ProgressReport, labels: &TableLabels) -> (String, Vec<Section<'static>>) {
    let lang = labels.lang;
    let l = |x| label(x, lang).to_owned();
    let mut title = l(Label::ProgressTitle);
    if let Some(p) = &report.province {
        let _ = write!(title, " — {p}");
    }
    if let Some(y) = report.year {
        let _ = write!(title, " — {} {y}", l(Label::TargetYear));
    }
    let _ = write!(title, "\n{}: {}", l(Label::CriteriaSet), report.criteria);
    if let Some(period) = &report.period {
        let _ = write!(title, " · {}: {period}", l(Label::ReportPeriod));
    }
    let _ = write!(title, " · {}: {}", l(Label::Communes), report.communes);
    if let Some(avg) = report.average_criteria {
        let _ = write!(
            title,
            " · {}: {}",
            l(Label::AverageCriteria),
            figure(&Figure::Measure(avg), lang)
        );
    }
    if let Some(h) = &report.hamlet_standard_share {
        let _ = write!(
            title,
            " · {}: {}/{} ({})",
            l(Label::HamletsStandard),
            h.standard,
            h.hamlets,
            percent(h.share, lang)
        );
    }
    if let Some(missing) = &report.criteria_missing {
        let _ = write!(title, "\n{missing}");
    }
    if let Some(note) = conditions_note(report, lang) {
        let _ = write!(title, "\n{note}");
    }
    let section = |key: Label, title: String, header: Vec<String>, rows: Vec<Vec<Cell>>| Section {
        kind: match key {
            Label::Tier => "tiers",
            Label::Band => "bands",
            Label::Targets => "targets",
            Label::Bottlenecks => "bottlenecks",
            _ => "candidates",
        },
        sheet: label(key, lang).to_owned(),
        title,
        header,
        rows: rows.into(),
    };
    let mut out = vec![
        section(
            Label::Tier,
            l(Label::Tier),
            vec![l(Label::Tier), l(Label::Communes)],
            report
                .tiers
                .iter()
                .map(|t| vec![labels.tier(Some(&t.tier)).into(), t.communes.into()])
                .collect(),
        ),
        section(
            Label::Band,
            l(Label::BandTitle),
            vec![l(Label::Band), l(Label::Communes)],
            report
                .bands
                .iter()
                .map(|b| vec![b.band.clone().into(), b.communes.into()])
                .collect(),
        ),
    ];
    if let Some(recognition) = &report.recognition {
        out.push(Section {
            kind: "recognised",
            sheet: l(Label::RecognisedCount),
            title: l(Label::Recognised),
            header: vec![
                l(Label::Tier),
                l(Label::RecognisedCount),
                l(Label::MeetingNow),
            ],
            rows: Rows::Cells(
                recognition
                    .tiers
                    .iter()
                    .map(|t| {
                        vec![
                            labels.tier(Some(&t.tier)).into(),
                            t.recognised.into(),
                            t.meeting_now.into(),
                        ]
                    })
                    .collect(),
            ),
        });
        out.push(Section {
            kind: "watch",
            sheet: l(Label::TierNow),
            title: l(Label::Watch),
            header: vec![
                l(Label::CommuneId),
                l(Label::Commune),
                l(Label::District),
                l(Label::RecognisedCount),
                l(Label::RecognisedYear),
                l(Label::TierNow),
                l(Label::CriteriaNotMet),
            ],
            rows: Rows::Cells(
                recognition
                    .watch
                    .iter()
                    .map(|w| {
                        vec![
                            w.commune_id.clone().into(),
                            w.commune.clone().into(),
                            w.district.clone().into(),
                            labels.tier(Some(&w.recognised)).into(),
                            w.recognised_year.map_or(Cell::from(""), Cell::from),
                            labels.tier(Some(&w.tier)).into(),
                            w.criteria_not_met
                                .iter()
                                .map(|c| labels.criterion_of_column(c))
                                .collect::<Vec<_>>()
                                .join("\n")
                                .into(),
                        ]
                    })
                    .collect(),
            ),
        });
    }
    let target_header = vec![
        l(Label::Target),
        l(Label::Required),
        l(Label::Actual),
        l(Label::Gap),
        l(Label::TargetMet),
        l(Label::Note),
    ];
    if !report.targets.is_empty() {
        out.push(section(
            Label::Targets,
            l(Label::Targets),
            target_header.clone(),
            target_rows(&report.targets, labels),
        ));
    }
    if let Some(by) = report.by.as_deref().filter(|_| !report.groups.is_empty()) {
        let rows = report
            .groups
            .iter()
            .map(|d| {
                let judged = d.targets.iter().filter(|t| t.met == Some(true)).count();
                vec![
                    unit_name(&d.group, lang).into(),
                    d.communes.into(),
                    d.tiers
                        .iter()
                        .filter(|t| t.communes > 0)
                        .map(|t| format!("{} {}", labels.tier(Some(&t.tier)), t.communes))
                        .collect::<Vec<_>>()
                        .join("\n")
                        .into(),
                    d.bands
                        .iter()
                        .filter(|b| b.communes > 0)
                        .map(|b| format!("{}: {}", b.band, b.communes))
                        .collect::<Vec<_>>()
                        .join("\n")
                        .into(),
                    d.average_criteria
                        .map_or(Cell::Text(String::new()), Cell::Number),
                    if d.targets.is_empty() {
                        Cell::Text(String::new())
                    } else {
                        format!("{judged}/{}", d.targets.len()).into()
                    },
                ]
            })
            .collect();
        let title = by_unit(by, lang);
        out.push(Section {
            kind: "groups",
            sheet: title.clone(),
            title,
            header: vec![
                unit_heading(by, lang),
                l(Label::Communes),
                l(Label::Tier),
                l(Label::Band),
                l(Label::AverageCriteria),
                l(Label::TargetsMet),
            ],
            rows: Rows::Cells(rows),
        });
        for d in report.groups.iter().filter(|d| !d.targets.is_empty()) {
            let mut s = section(
                Label::Targets,
                format!("{} — {}", l(Label::Targets), unit_name(&d.group, lang)),
                target_header.clone(),
                target_rows(&d.targets, labels),
            );
            s.kind = "group_targets";
            s.sheet = format!("{} {}", s.sheet, unit_name(&d.group, lang));
            out.push(s);
        }
    }
    out.push(section(
        Label::Bottlenecks,
        l(Label::Bottlenecks),
        vec![
            l(Label::CriterionShort),
            l(Label::CriterionName),
            l(Label::Owner),
            l(Label::Unmet),
            l(Label::BasicallyMet),
            l(Label::NotAssessed),
        ],
        report
            .bottlenecks
            .iter()
            .filter(|b| b.not_met + b.basically_met + b.not_assessed > 0)
            .map(|b| {
                vec![
                    b.criterion.into(),
                    b.name.get(lang).into(),
                    b.owner.get(lang).into(),
                    b.not_met.into(),
                    b.basically_met.into(),
                    b.not_assessed.into(),
                ]
            })
            .collect(),
    ));
    if !report.candidates.is_empty() {
        out.push(section(
            Label::Candidates,
            l(Label::Candidates),
            vec![
                l(Label::ForTier),
                l(Label::CommuneId),
                l(Label::Commune),
                l(Label::District),
                l(Label::Lacking),
            ],
            report
                .candidates
                .iter()
                .map(|c| {
                    let scope = if c.scope == "province" {
                        String::new()
                    } else {
                        format!(" ({})", c.scope)
                    };
                    vec![
                        format!("{}{scope}", labels.tier(Some(&c.for_tier))).into(),
                        c.commune_id.clone().into(),
                        c.commune.clone().into(),
                        c.district.clone().into(),
                        format!(
                            "{}: {}",
                            quantity(f64::from(c.lacking), Unit::Criteria, lang),
                            labels.criteria(Some(&c.for_tier), &c.criteria)
                        )
                        .into(),
                    ]
                })
                .collect(),
        ));
    }
    (title, without_blank_districts(out, lang))
}

/// Writes sections as tables.
pub fn write_tables(
    title: &str,
    sections: &[Section<'_>],
    labels: &TableLabels,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "{}", escape_controls(title, true))?;
    for section in sections {
        writeln!(out, "\n{}", escape_controls(&section.title, false))?;
        let mut table = new_table(labels.width);
        table.set_header(section.header.clone());
        for row in section.rows.iter().take(TABLE_ROWS) {
            table.add_row(row.iter().map(|c| c.show(labels.lang)));
        }
        writeln!(out, "{table}")?;
        if let Some(hidden) = section
            .rows
            .len()
            .checked_sub(TABLE_ROWS)
            .filter(|n| *n > 0)
        {
            let said = not_shown(hidden, TABLE_ROWS, false, "json, markdown", labels.lang);
            writeln!(out, "{said}")?;
        }
    }
    out.flush()
}

/// Text for Markdown: every character Markdown or the HTML it becomes would act on is escaped
/// with a backslash (the backslash, the backtick, `* _ [ ] < > & | ~ #`, and a `-`, `+`, `=`
/// or `1.` that starts it),
/// control characters are written out (`\\u{1b}`) and line breaks become `<br>`: a name such as
/// `<script>`, `[x](javascript:…)` or `a | b` is shown as it is, and never becomes markup, a
/// link or a new table cell.
#[must_use]
pub fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        let line = escape_controls(line, false);
        // what would start a list, a setext heading or a numbered list
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        let opener = match line.as_bytes().get(digits) {
            Some(b'-' | b'+' | b'=') if digits == 0 => Some(0),
            Some(b'.' | b')') if digits > 0 => Some(digits),
            _ => None,
        };
        for (at, c) in line.char_indices() {
            if Some(at) == opener
                || matches!(
                    c,
                    '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '#'
                )
            {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// Writes sections as Markdown under a `heading`, with the `lead` lines under it, each after
/// `bullet`. Every text is escaped ([`markdown_text`]).
pub fn write_markdown(
    heading: &str,
    lead: &[String],
    bullet: &str,
    sections: &[Section<'_>],
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "# {}\n", markdown_text(heading))?;
    for line in lead {
        writeln!(out, "{bullet}{}", markdown_text(line))?;
    }
    write_markdown_sections(sections, lang, out)
}

/// Writes sections as Markdown tables, each under its heading. Every text is escaped
/// ([`markdown_text`]).
pub fn write_markdown_sections(
    sections: &[Section<'_>],
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    for section in sections {
        writeln!(out, "\n## {}\n", markdown_text(&section.title))?;
        let header: Vec<String> = section.header.iter().map(|h| markdown_text(h)).collect();
        writeln!(out, "| {} |", header.join(" | "))?;
        writeln!(out, "|{}", "---|".repeat(section.header.len()))?;
        for row in &section.rows {
            let cells: Vec<_> = row.iter().map(|c| markdown_text(&c.show(lang))).collect();
            writeln!(out, "| {} |", cells.join(" | "))?;
        }
    }
    out.flush()
}

/// Writes the report as tables.
pub fn table(report: &ProgressReport, labels: &TableLabels, out: &mut dyn Write) -> io::Result<()> {
    let (title, sections) = sections(report, labels);
    write_tables(&title, &sections, labels, out)
}

/// Writes the report as Markdown.
pub fn markdown(
    report: &ProgressReport,
    labels: &TableLabels,
    out: &mut dyn Write,
) -> io::Result<()> {
    let (title, sections) = sections(report, labels);
    let mut lines = title.lines();
    let heading = lines.next().unwrap_or_default();
    let lead: Vec<String> = lines.map(str::to_owned).collect();
    write_markdown(heading, &lead, "", &sections, labels.lang, out)
}

#[cfg(test)]
mod tests {
    use super::markdown_text;

    #[test]
    fn markdown_text_is_never_markup() {
        assert_eq!(markdown_text("Xã Đồng Tâm"), "Xã Đồng Tâm");
        assert_eq!(
            markdown_text("<script>alert(1)</script>"),
            "\\<script\\>alert(1)\\</script\\>"
        );
        assert_eq!(
            markdown_text("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(markdown_text("a | b\nc"), "a \\| b<br>c");
        assert_eq!(
            markdown_text("*a* _b_ `c` ~d~ &amp; #1"),
            "\\*a\\* \\_b\\_ \\`c\\` \\~d\\~ \\&amp; \\#1"
        );
        assert_eq!(markdown_text("- x"), "\\- x");
        assert_eq!(markdown_text("12. x"), "12\\. x");
        assert_eq!(markdown_text("2-3"), "2-3");
        assert_eq!(markdown_text("a\\b\u{1b}"), "a\\\\b\\\\u{1b}");
    }
}
