//! The report as Markdown, for wikis and chat: the same content with tables.

use std::io::{self, Write};

use super::{Head, Report};
use crate::render::labels::{Label, label};
use crate::render::sections::{markdown_text, write_markdown, write_markdown_sections};

/// Writes `report` as Markdown: the head (the issuing body beside the nation's name, as a
/// table, when configured; the place and date), the title and its lead, the headline figures
/// as a list (each with its mark, ✔ or ✘), the sections, the signature, then the appendix.
pub fn markdown(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let lang = report.labels.lang;
    let doc = report.document();
    head(&doc.head, out)?;
    write_markdown(&doc.title, &doc.lead, "- ", &[], lang, out)?;
    if !doc.headline.is_empty() {
        writeln!(
            out,
            "\n## {}\n",
            markdown_text(label(Label::Headline, lang))
        )?;
        for h in &doc.headline {
            match h.status {
                Some(status) => writeln!(
                    out,
                    "- **{}**: {}",
                    markdown_text(&status.show(lang)),
                    markdown_text(&h.text)
                )?,
                None => writeln!(out, "- {}", markdown_text(&h.text))?,
            }
        }
    }
    let appendix = doc
        .sections
        .iter()
        .position(|s| s.kind == "appendix")
        .unwrap_or(doc.sections.len());
    write_markdown_sections(&doc.sections[..appendix], lang, out)?;
    if let Some((name, capacity)) = doc.head.signer.split_last() {
        let lines: Vec<String> = capacity
            .iter()
            .chain([name])
            .map(|l| format!("**{}**", markdown_text(l)))
            .collect();
        writeln!(out, "\n{}", lines.join("<br>"))?;
    }
    write_markdown_sections(&doc.sections[appendix..], lang, out)
}

/// The head, before the title.
fn head(head: &Head, out: &mut dyn Write) -> io::Result<()> {
    if !head.issuer.is_empty() || head.number.is_some() {
        let issuer: Vec<String> = head
            .issuer
            .iter()
            .chain(&head.number)
            .map(|l| markdown_text(l))
            .collect();
        let nation = head
            .nation
            .as_ref()
            .map(|(nation, motto)| format!("{}<br>{}", markdown_text(nation), markdown_text(motto)))
            .unwrap_or_default();
        writeln!(
            out,
            "| {} | {nation} |\n|:---:|:---:|\n",
            issuer.join("<br>")
        )?;
    }
    writeln!(
        out,
        "*{}*\n\n**{}**\n",
        markdown_text(&head.dateline),
        markdown_text(&head.kind)
    )
}
