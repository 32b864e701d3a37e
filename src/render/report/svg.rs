//! Small inline SVG charts for the HTML report: no script, no network, printable.

use std::fmt::Write as _;

use super::escape;

/// Colours of the tiers, lowest first, and of bars.
const COLOURS: [&str; 6] = [
    "#c0c7d0", "#2e86c1", "#28b463", "#d4ac0d", "#af601a", "#7d3c98",
];

/// A horizontal bar chart of `bars` (label, value).
#[must_use]
pub fn bars(title: &str, bars: &[(String, u32)]) -> String {
    let max = bars.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1);
    let row = 26;
    let height = 30 + row * bars.len();
    let mut svg = format!(
        r#"<svg class="chart" role="img" aria-label="{}" viewBox="0 0 640 {height}"><title>{}</title>"#,
        escape(title),
        escape(title)
    );
    for (i, (label, value)) in bars.iter().enumerate() {
        let y = 20 + i * row;
        let width = 460 * value / max;
        let _ = write!(
            svg,
            r#"<text x="110" y="{}" text-anchor="end" font-size="13">{}</text><rect x="120" y="{}" width="{width}" height="18" fill="{}"/><text x="{}" y="{}" font-size="13">{value}</text>"#,
            y + 14,
            escape(label),
            y,
            COLOURS[1],
            124 + width,
            y + 14
        );
    }
    svg.push_str("</svg>");
    svg
}

/// A stacked horizontal bar per group (label, counts per series), with a legend of `series`.
#[must_use]
pub fn stacked(title: &str, series: &[String], groups: &[(String, Vec<u32>)]) -> String {
    let max = groups
        .iter()
        .map(|(_, v)| v.iter().sum::<u32>())
        .max()
        .unwrap_or(0)
        .max(1);
    let row = 26;
    // the legend wraps onto as many lines as it needs
    let mut legend = String::new();
    let (mut x, mut y) = (10, 4);
    for (i, name) in series.iter().enumerate() {
        let width = 24 + 7 * name.chars().count();
        if x > 10 && x + width > 630 {
            x = 10;
            y += 18;
        }
        let _ = write!(
            legend,
            r#"<rect x="{x}" y="{y}" width="12" height="12" fill="{}"/><text x="{}" y="{}" font-size="12">{}</text>"#,
            COLOURS[i % COLOURS.len()],
            x + 16,
            y + 11,
            escape(name)
        );
        x += width;
    }
    let legend_height = y + 20;
    let height = 10 + legend_height + row * groups.len();
    let mut svg = format!(
        r#"<svg class="chart" role="img" aria-label="{}" viewBox="0 0 640 {height}"><title>{}</title>{legend}"#,
        escape(title),
        escape(title)
    );
    for (i, (label, counts)) in groups.iter().enumerate() {
        let y = legend_height + 4 + i * row;
        let _ = write!(
            svg,
            r#"<text x="110" y="{}" text-anchor="end" font-size="13">{}</text>"#,
            y + 14,
            escape(label)
        );
        let mut x = 120;
        for (s, count) in counts.iter().enumerate() {
            let width = 460 * count / max;
            if width > 0 {
                let _ = write!(
                    svg,
                    r#"<rect x="{x}" y="{y}" width="{width}" height="18" fill="{}"><title>{}: {count}</title></rect>"#,
                    COLOURS[s % COLOURS.len()],
                    escape(&series[s])
                );
            }
            x += width;
        }
        let total: u32 = counts.iter().sum();
        let _ = write!(
            svg,
            r#"<text x="{}" y="{}" font-size="13">{total}</text>"#,
            x + 4,
            y + 14
        );
    }
    svg.push_str("</svg>");
    svg
}
