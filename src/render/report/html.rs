//! The report as one self-contained HTML file: no script, no network, inline SVG charts, CSS
//! that prints well and reads on a phone. It can be mailed or printed as it is.

use std::io::{self, Write};

use super::{Report, escape, svg};
use crate::lang::Lang;
use crate::render::figures::Status;
use crate::render::labels::{Label, label};
use crate::render::sections::{Cell, Section};

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
ul.headline{list-style:none;padding:0;margin:.4rem 0}ul.headline li{padding:.35rem .6rem;margin:.25rem 0;border-left:6px solid #95a5a6;background:#f4f6f7}
ul.headline li.met{border-color:#1e8449;background:#e9f7ef}ul.headline li.unmet{border-color:#c0392b;background:#fdedec}ul.headline li.open{border-color:#b9770e;background:#fef5e7}
.mark{font-weight:700;white-space:nowrap}li.met .mark,td.met{color:#1e8449}li.unmet .mark,td.unmet{color:#c0392b}li.open .mark,td.open{color:#b9770e}
td.met,td.unmet,td.open{font-weight:600;white-space:nowrap}
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
                    escape(&h.text)
                )?,
                None => writeln!(
                    out,
                    "<li><span class=\"mark\">•</span> {}</li>",
                    escape(&h.text)
                )?,
            }
        }
        writeln!(out, "</ul>\n</section>")?;
    }
    let mut charts_written = false;
    for section in &doc.sections {
        if !charts_written && !matches!(section.kind, "targets" | "district_targets") {
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
    if !p.districts.is_empty() {
        let series: Vec<String> = p.bands.iter().map(|b| b.band.clone()).collect();
        let groups: Vec<(String, Vec<u32>)> = p
            .districts
            .iter()
            .map(|d| {
                (
                    d.district.clone(),
                    d.bands.iter().map(|b| b.communes).collect(),
                )
            })
            .collect();
        writeln!(
            out,
            "<figure>\n<figcaption>{}</figcaption>\n{}\n</figure>",
            escape(label(Label::BandsByDistrict, lang)),
            svg::stacked(label(Label::BandsByDistrict, lang), &series, &groups)
        )?;
    }
    let series: Vec<String> = p
        .tiers
        .iter()
        .map(|t| report.labels.tier(Some(&t.tier)))
        .collect();
    let groups: Vec<(String, Vec<u32>)> = if p.districts.is_empty() {
        vec![(
            p.province.clone().unwrap_or_default(),
            p.tiers.iter().map(|t| t.communes).collect(),
        )]
    } else {
        p.districts
            .iter()
            .map(|d| {
                (
                    d.district.clone(),
                    d.tiers.iter().map(|t| t.communes).collect(),
                )
            })
            .collect()
    };
    writeln!(
        out,
        "<figure>\n<figcaption>{}</figcaption>\n{}\n</figure>",
        escape(label(Label::TiersByDistrict, lang)),
        svg::stacked(label(Label::TiersByDistrict, lang), &series, &groups)
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
                escape(&cell.show(lang)).replace('\n', "<br>")
            )?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody></table></div>\n</section>")
}
