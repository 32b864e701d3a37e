//! The report as Markdown, for wikis and chat: the same content with tables.

use std::io::{self, Write};

use super::Report;
use crate::render::labels::{Label, label};
use crate::render::sections::{markdown_text, write_markdown, write_markdown_sections};

/// Writes `report` as Markdown: the title and its lead, the headline figures as a list (each
/// with its mark, ✔ or ✘), then the sections.
pub fn markdown(report: &Report<'_>, out: &mut dyn Write) -> io::Result<()> {
    let lang = report.labels.lang;
    let doc = report.document();
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
    write_markdown_sections(&doc.sections, lang, out)
}
