//! The report as one self-contained HTML file: no script, no network, inline SVG charts, CSS
//! that prints well and reads on a phone. It can be mailed or printed as it is.

use std::io::{self, Write};

use super::{Report, escape, svg};
use crate::lang::Lang;
use crate::render::labels::{Label, bands_by, label, tiers_by, unit_name};
use crate::render::sections::Section;

const STYLE: &str = "
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',Arial,sans-serif;margin:0 auto;max-width:1100px;padding:1rem;color:#1b2631;line-height:1.4}
h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.15rem;margin-top:1.8rem;border-bottom:2px solid #2e86c1;padding-bottom:.2rem}
ul.lead{list-style:none;padding:0;margin:.3rem 0;color:#34495e}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #d5d8dc;padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:#eaf2f8}td.num{text-align:right;font-variant-numeric:tabular-nums}
.chart{width:100%;max-width:640px;height:auto;display:block;margin:.3rem 0}
figure{margin:1rem 0}figcaption{font-weight:600}
@media print{body{max-width:none;padding:0;font-size:10pt}section{break-inside:avoid-page}h2{break-after:avoid}.scroll{overflow:visible}}
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
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n<ul class=\"lead\">\n",
        escape(&doc.title),
        escape(&doc.title)
    )?;
    for line in &doc.lead {
        writeln!(out, "<li>{}</li>", escape(line))?;
    }
    writeln!(out, "</ul>\n</header>")?;
    let mut charts_written = false;
    for section in &doc.sections {
        if !charts_written && !matches!(section.kind, "targets" | "group_targets") {
            charts(report, out)?;
            charts_written = true;
        }
        write_section(section, lang, out)?;
    }
    writeln!(out, "</body>\n</html>")?;
    out.flush()
}

fn charts(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let lang = report.labels.lang;
    let p = &report.progress;
    writeln!(
        out,
        "<section id=\"charts\">\n<h2>{}</h2>",
        escape(label(Label::Charts, lang))
    )?;
    let bands: Vec<(String, u32)> = p
        .bands
        .iter()
        .map(|b| (b.band.clone(), b.communes))
        .collect();
    writeln!(
        out,
        "<figure>\n<figcaption>{}</figcaption>\n{}\n</figure>",
        escape(label(Label::BandTitle, lang)),
        svg::bars(label(Label::BandTitle, lang), &bands)
    )?;
    let by = p.by.as_deref().filter(|_| !p.groups.is_empty());
    if let Some(by) = by {
        let series: Vec<String> = p.bands.iter().map(|b| b.band.clone()).collect();
        let groups: Vec<(String, Vec<u32>)> = p
            .groups
            .iter()
            .map(|d| {
                (
                    unit_name(&d.group, lang),
                    d.bands.iter().map(|b| b.communes).collect(),
                )
            })
            .collect();
        let caption = bands_by(by, lang);
        writeln!(
            out,
            "<figure>\n<figcaption>{}</figcaption>\n{}\n</figure>",
            escape(&caption),
            svg::stacked(&caption, &series, &groups)
        )?;
    }
    let series: Vec<String> = p
        .tiers
        .iter()
        .map(|t| report.labels.tier(Some(&t.tier)))
        .collect();
    let groups: Vec<(String, Vec<u32>)> = match by {
        None => vec![(
            p.province.clone().unwrap_or_default(),
            p.tiers.iter().map(|t| t.communes).collect(),
        )],
        Some(_) => p
            .groups
            .iter()
            .map(|d| {
                (
                    unit_name(&d.group, lang),
                    d.tiers.iter().map(|t| t.communes).collect(),
                )
            })
            .collect(),
    };
    let caption = tiers_by(by, lang);
    writeln!(
        out,
        "<figure>\n<figcaption>{}</figcaption>\n{}\n</figure>",
        escape(&caption),
        svg::stacked(&caption, &series, &groups)
    )?;
    if let Some(trend) = &report.trend {
        // the communes at each tier, period after period
        let groups: Vec<(String, Vec<u32>)> = trend
            .periods
            .iter()
            .map(|p| {
                (
                    p.period.clone(),
                    p.tiers.iter().map(|t| t.communes).collect(),
                )
            })
            .collect();
        writeln!(
            out,
            "<figure>\n<figcaption>{}</figcaption>\n{}\n</figure>",
            escape(label(Label::TrendTitle, lang)),
            svg::stacked(label(Label::TrendTitle, lang), &series, &groups)
        )?;
    }
    writeln!(out, "</section>")
}

fn write_section(section: &Section<'_>, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "<section id=\"{}\">\n<h2>{}</h2>\n<div class=\"scroll\"><table>\n<thead><tr>",
        section.kind,
        escape(&section.title)
    )?;
    for h in &section.header {
        write!(out, "<th>{}</th>", escape(h))?;
    }
    writeln!(out, "</tr></thead>\n<tbody>")?;
    for row in &section.rows {
        write!(out, "<tr>")?;
        for cell in row.iter() {
            let class = match cell {
                crate::render::sections::Cell::Number(_) => " class=\"num\"",
                crate::render::sections::Cell::Text(_) => "",
            };
            write!(
                out,
                "<td{class}>{}</td>",
                escape(&cell.show(lang)).replace('\n', "<br>")
            )?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody></table></div>\n</section>")
}
