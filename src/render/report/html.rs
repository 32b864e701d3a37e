//! The report as one self-contained HTML file: no script, no network, inline SVG charts, CSS
//! that prints well and reads on a phone. It can be mailed or printed as it is.

use std::io::{self, Write};

use std::fmt::Write as _;

use super::{Head, Report, escape, svg};
use crate::lang::Lang;
use crate::render::figures::Status;
use crate::render::labels::{Label, bands_by, label, tiers_by, unit_name};
use crate::render::sections::{Cell, Section};

/// The style sheet, with `{PAGE}` for the word before the page number.
const STYLE: &str = "
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',Arial,sans-serif;margin:0 auto;max-width:1100px;padding:1rem;color:#1b2631;line-height:1.4}
h1{font-size:1.5rem;margin:.2rem 0;text-align:center}
.issued{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem 1rem;text-align:center;font-size:.95rem}.issued>div{flex:1 1 15rem}
.motto{font-weight:600;text-decoration:underline}.number{display:inline-block;margin-top:.3rem}
.dateline{text-align:right;font-style:italic;margin:.6rem 0 0}.kind{text-align:center;font-weight:700;letter-spacing:.05em;margin:.8rem 0 0}
footer.signature{margin:2rem 0 1rem auto;width:max-content;max-width:100%;text-align:center;break-inside:avoid}footer.signature .name{margin-top:4.5rem}h2{font-size:1.15rem;margin-top:1.8rem;border-bottom:2px solid #2e86c1;padding-bottom:.2rem}
ul.lead{list-style:none;padding:0;margin:.3rem 0;color:#34495e}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:.9rem}table.wide{min-width:40rem}
th,td{border:1px solid #d5d8dc;padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:#eaf2f8}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
thead{display:table-header-group}tr{break-inside:avoid;page-break-inside:avoid}
figure{margin:1rem 0}figure.short{break-inside:avoid;page-break-inside:avoid}figcaption,ul.legend{break-after:avoid;page-break-after:avoid}figcaption{font-weight:600;margin-bottom:.2rem}
.chart{margin:.3rem 0;max-width:760px}.chart svg{display:block;overflow:visible;break-inside:avoid;page-break-inside:avoid}
.chart text{font-size:13px}.chart text.label,.chart text.total{fill:#1b2631}.chart text.detail{font-size:12px;fill:#566573}.chart text.count{font-size:12px;font-weight:600}
ul.legend{list-style:none;padding:0;margin:.2rem 0 .4rem;display:flex;flex-wrap:wrap;gap:.2rem 1rem;font-size:13px}
.swatch{display:inline-block;width:12px;height:12px;margin-right:.35rem;vertical-align:-1px;border:1px solid #7f8c8d}
.swatch.outline{border:1px dashed #566573}
ul.headline{list-style:none;padding:0;margin:.4rem 0}ul.headline li{padding:.35rem .6rem;margin:.25rem 0;border-left:6px solid #95a5a6;background:#f4f6f7;break-inside:avoid}
ul.headline li.met{border-color:#1e8449;background:#e9f7ef}ul.headline li.unmet{border-color:#c0392b;background:#fdedec}ul.headline li.open{border-color:#b9770e;background:#fef5e7}
.mark{font-weight:700;white-space:nowrap}li.met .mark,td.met{color:#1e8449}li.unmet .mark,td.unmet{color:#c0392b}li.open .mark,td.open{color:#b9770e}
td.met,td.unmet,td.open{font-weight:600;white-space:nowrap}
@page{size:A4;margin:14mm 12mm 16mm;@bottom-center{content:'{PAGE} ' counter(page) ' / ' counter(pages);font-size:9pt;color:#566573}}
@media print{body{max-width:none;padding:0;font-size:10pt;line-height:1.3}h2{break-after:avoid;page-break-after:avoid;margin-top:1rem}figure{margin:.6rem 0}.scroll{overflow:visible}table{font-size:8pt}th,td{padding:.12rem .3rem}table.wide{min-width:0}.chart{max-width:none}ul.headline li{padding:.2rem .5rem}}
@media (max-width:600px){body{padding:.6rem}h1{font-size:1.25rem}table{font-size:.85rem}}
";

/// Writes `report` as HTML.
pub fn html(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let lang = report.labels.lang;
    let doc = report.document();
    let code = match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    };
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n<header>\n{}<h1>{}</h1>\n<ul class=\"lead\">\n",
        escape(&doc.title),
        STYLE.replace(
            "{PAGE}",
            match lang {
                Lang::Vi => "Trang",
                Lang::En => "Page",
            }
        ),
        head(&doc.head),
        escape(&doc.title)
    )?;
    for line in &doc.lead {
        writeln!(out, "<li>{}</li>", escape(line))?;
    }
    writeln!(out, "</ul>\n</header>")?;
    if !doc.headline.is_empty() {
        writeln!(
            out,
            "<section id=\"headline\">\n<h2>{}</h2>\n<ul class=\"headline\">",
            escape(label(Label::Headline, lang))
        )?;
        for h in &doc.headline {
            match h.status {
                Some(status) => writeln!(
                    out,
                    "<li class=\"{}\"><span class=\"mark\">{}</span> {}</li>",
                    status.class(),
                    escape(&status.show(lang)),
                    text(&h.text)
                )?,
                None => writeln!(
                    out,
                    "<li><span class=\"mark\">•</span> {}</li>",
                    text(&h.text)
                )?,
            }
        }
        writeln!(out, "</ul>\n</section>")?;
    }
    let mut charts_written = false;
    for section in &doc.sections {
        // the signature closes the body; the appendix comes after it
        if section.kind == "appendix" {
            signature(&doc.head, out)?;
        }
        if !charts_written && !matches!(section.kind, "targets" | "group_targets") {
            charts(report, out)?;
            charts_written = true;
        }
        let chart = if section.kind == "bottlenecks" {
            bottleneck_chart(report)
        } else {
            None
        };
        write_section(section, chart.as_deref(), lang, out)?;
    }
    writeln!(out, "</body>\n</html>")?;
    out.flush()
}

/// Text for HTML: escaped, and a percentage never parted from its number (`12,2 %`).
fn text(s: &str) -> String {
    escape(s).replace(" %", "\u{a0}%")
}

/// The head of the document: the issuing body and number beside the nation's name and motto
/// (when an issuing body is configured), the place and date, and what the document is.
fn head(head: &Head) -> String {
    let mut html = String::new();
    if !head.issuer.is_empty() || head.number.is_some() {
        html.push_str("<div class=\"issued\">\n<div class=\"issuer\">");
        let last = head.issuer.len().saturating_sub(1);
        for (i, line) in head.issuer.iter().enumerate() {
            if i == last {
                let _ = write!(html, "<strong>{}</strong><br>", escape(line));
            } else {
                let _ = write!(html, "{}<br>", escape(line));
            }
        }
        if let Some(number) = &head.number {
            let _ = write!(html, "<span class=\"number\">{}</span>", escape(number));
        }
        html.push_str("</div>\n");
        if let Some((nation, motto)) = &head.nation {
            let _ = writeln!(
                html,
                "<div class=\"nation\"><strong>{}</strong><br><span class=\"motto\">{}</span></div>",
                escape(nation),
                escape(motto)
            );
        }
        html.push_str("</div>\n");
    }
    let _ = write!(
        html,
        "<p class=\"dateline\">{}</p>\n<p class=\"kind\">{}</p>\n",
        escape(&head.dateline),
        escape(&head.kind)
    );
    html
}

/// The signature block, when one is configured.
fn signature(head: &Head, out: &mut dyn Write) -> io::Result<()> {
    let Some((name, capacity)) = head.signer.split_last() else {
        return Ok(());
    };
    write!(out, "<footer class=\"signature\"><p>")?;
    for line in capacity {
        write!(out, "<strong>{}</strong><br>", escape(line))?;
    }
    writeln!(
        out,
        "</p><p class=\"name\"><strong>{}</strong></p></footer>",
        escape(name)
    )
}

fn charts(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let lang = report.labels.lang;
    let p = &report.progress;
    writeln!(
        out,
        "<section id=\"charts\">\n<h2>{}</h2>",
        escape(label(Label::Charts, lang))
    )?;
    // the bands weakest first, each with its colour
    let bands = band_series(report);
    let rows: Vec<svg::Row> = p
        .bands
        .iter()
        .map(|b| {
            let colour = bands
                .iter()
                .find(|(label, _, _)| *label == b.band)
                .map_or(svg::band_colour(0, 1), |(_, _, c)| *c);
            let name = band_name(&b.band, lang);
            svg::Row {
                label: name.clone(),
                detail: None,
                segments: vec![(b.communes, colour, name)],
            }
        })
        .collect();
    let legend: Vec<(String, svg::Colour)> = bands
        .iter()
        .map(|(_, name, colour)| (name.clone(), *colour))
        .collect();
    figure(
        out,
        label(Label::BandTitle, lang),
        None,
        &svg::chart(label(Label::BandTitle, lang), &rows),
    )?;
    let by = p.by.as_deref().filter(|_| !p.groups.is_empty());
    if let Some(by) = by {
        let rows: Vec<svg::Row> = p
            .groups
            .iter()
            .map(|d| svg::Row {
                label: unit_name(&d.group, lang),
                detail: None,
                segments: bands
                    .iter()
                    .map(|(band, name, colour)| {
                        let n = d
                            .bands
                            .iter()
                            .find(|b| b.band == *band)
                            .map_or(0, |b| b.communes);
                        (n, *colour, name.clone())
                    })
                    .collect(),
            })
            .collect();
        let caption = bands_by(by, lang);
        figure(
            out,
            &caption,
            Some(&svg::legend(&legend)),
            &svg::chart(&caption, &rows),
        )?;
    }
    let tiers: Vec<(String, svg::Colour)> = p
        .tiers
        .iter()
        .enumerate()
        .map(|(k, t)| {
            (
                report.labels.tier(Some(&t.tier)),
                svg::tier_colour(k, p.tiers.len()),
            )
        })
        .collect();
    let tier_row = |name: String, counts: Vec<u32>| svg::Row {
        label: name,
        detail: None,
        segments: counts
            .into_iter()
            .zip(&tiers)
            .map(|(n, (tier, colour))| (n, *colour, tier.clone()))
            .collect(),
    };
    let rows: Vec<svg::Row> = match by {
        None => vec![tier_row(
            p.province.clone().unwrap_or_default(),
            p.tiers.iter().map(|t| t.communes).collect(),
        )],
        Some(_) => p
            .groups
            .iter()
            .map(|d| {
                tier_row(
                    unit_name(&d.group, lang),
                    d.tiers.iter().map(|t| t.communes).collect(),
                )
            })
            .collect(),
    };
    let caption = tiers_by(by, lang);
    figure(
        out,
        &caption,
        Some(&svg::legend(&tiers)),
        &svg::chart(&caption, &rows),
    )?;
    if let Some(trend) = &report.trend {
        // the communes at each tier, period after period
        let rows: Vec<svg::Row> = trend
            .periods
            .iter()
            .map(|p| {
                tier_row(
                    p.period.clone(),
                    p.figures.tiers.iter().map(|t| t.communes).collect(),
                )
            })
            .collect();
        figure(
            out,
            label(Label::TrendTitle, lang),
            Some(&svg::legend(&tiers)),
            &svg::chart(label(Label::TrendTitle, lang), &rows),
        )?;
    }
    writeln!(out, "</section>")
}

/// The chart of the criteria most communes lack, each with its department: the first ten of the
/// bottleneck table.
fn bottleneck_chart(report: &Report<'_>) -> Option<String> {
    let lang = report.labels.lang;
    let rows: Vec<svg::Row> = report
        .progress
        .bottlenecks
        .iter()
        .filter(|b| b.not_met + b.basically_met + b.not_assessed > 0)
        .take(BOTTLENECKS_CHARTED)
        .map(|b| svg::Row {
            label: report.labels.criterion(None, b.criterion),
            detail: Some(b.owner.get(lang).to_owned()),
            segments: vec![
                (
                    b.not_met,
                    svg::NOT_MET,
                    label(Label::Unmet, lang).to_owned(),
                ),
                (
                    b.basically_met,
                    svg::BASICALLY_MET,
                    label(Label::BasicallyMet, lang).to_owned(),
                ),
                (
                    b.not_assessed,
                    svg::NOT_ASSESSED,
                    label(Label::NotAssessed, lang).to_owned(),
                ),
            ],
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    let title = match lang {
        Lang::Vi => format!(
            "{} tiêu chí có nhiều xã chưa đạt nhất, và sở phụ trách",
            rows.len()
        ),
        Lang::En => format!(
            "The {} criteria most communes lack, and their departments",
            rows.len()
        ),
    };
    let legend = svg::legend(&[
        (label(Label::Unmet, lang).to_owned(), svg::NOT_MET),
        (
            label(Label::BasicallyMet, lang).to_owned(),
            svg::BASICALLY_MET,
        ),
        (
            label(Label::NotAssessed, lang).to_owned(),
            svg::NOT_ASSESSED,
        ),
    ]);
    let mut html = Vec::new();
    figure(&mut html, &title, Some(&legend), &svg::chart(&title, &rows)).ok()?;
    String::from_utf8(html).ok()
}

/// How many criteria the bottleneck chart shows.
const BOTTLENECKS_CHARTED: usize = 10;

/// Writes a figure: its caption, its legend and its chart. A chart of up to a dozen lines is
/// kept on one page; a longer one may run on to the next between two rows.
fn figure(out: &mut dyn Write, caption: &str, legend: Option<&str>, chart: &str) -> io::Result<()> {
    // a row with a second line counts for two
    let rows = chart.matches("<svg").count() + chart.matches("class=\"detail\"").count();
    writeln!(
        out,
        "<figure{}>\n<figcaption>{}</figcaption>\n{}{chart}\n</figure>",
        if rows <= 12 { " class=\"short\"" } else { "" },
        escape(caption),
        legend.unwrap_or_default()
    )
}

/// The set's bands, weakest first: label, name and colour.
fn band_series(report: &Report<'_>) -> Vec<(String, String, svg::Colour)> {
    let lang = report.labels.lang;
    let mut bands: Vec<_> = report.set.bands.iter().collect();
    bands.sort_by_key(|b| b.min);
    let n = bands.len();
    bands
        .iter()
        .enumerate()
        .map(|(k, b)| {
            (
                b.label.clone(),
                band_name(&b.label, lang),
                svg::band_colour(k, n),
            )
        })
        .collect()
}

/// A band as a chart names it: `15-18 tiêu chí`.
fn band_name(band: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{band} tiêu chí"),
        Lang::En => format!("{band} criteria"),
    }
}

fn write_section(
    section: &Section<'_>,
    figure: Option<&str>,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "<section id=\"{}\">\n<h2>{}</h2>\n{}<div class=\"scroll\"><table{}>\n<thead><tr>",
        section.kind,
        escape(&section.title),
        figure.unwrap_or_default(),
        // a table of many columns keeps its width on a phone, and scrolls
        if section.header.len() > 4 {
            " class=\"wide\""
        } else {
            ""
        }
    )?;
    for h in &section.header {
        write!(out, "<th>{}</th>", escape(h))?;
    }
    writeln!(out, "</tr></thead>\n<tbody>")?;
    for row in &section.rows {
        write!(out, "<tr>")?;
        for cell in row.iter() {
            let class = match cell {
                Cell::Number(_) | Cell::Quantity(..) => " class=\"num\"",
                Cell::Status(status) => match status {
                    Status::Met => " class=\"met\"",
                    Status::NotMet => " class=\"unmet\"",
                    Status::Open => " class=\"open\"",
                },
                Cell::Text(_) => "",
            };
            write!(
                out,
                "<td{class}>{}</td>",
                text(&cell.show(lang)).replace('\n', "<br>")
            )?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody></table></div>\n</section>")
}
