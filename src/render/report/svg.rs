//! Small inline SVG charts for the HTML report: no script, no network, printable.
//!
//! A chart has no `viewBox`: it is as wide as the page, its bars are placed in percentages of
//! that width and its text is in CSS pixels, so that on a 390-pixel phone the labels keep their
//! size instead of shrinking with the drawing. Each row is a label on a line of its own over its
//! bar, which leaves the whole width to long names.
//!
//! One colour scale means one thing in every chart: tiers go from grey (not yet standard) through
//! ever darker blues to the highest tier; bands of criteria met go from red (fewest) through
//! orange and yellow to green (all); in the bottleneck chart red is not met, orange basically met,
//! and a dashed outline not assessed.

use std::fmt::Write as _;

use super::escape;

/// A colour and the colour of text written on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour {
    /// The fill.
    pub fill: &'static str,
    /// Text on the fill.
    pub ink: &'static str,
    /// Whether it is drawn as a dashed outline on white instead (what is not known).
    pub outline: bool,
}

const DARK: &str = "#1b2631";
const LIGHT: &str = "#ffffff";

/// Tiers, from not yet standard (grey) to the strongest blue.
const TIERS: [Colour; 5] = [
    Colour {
        fill: "#c8ccd1",
        ink: DARK,
        outline: false,
    },
    Colour {
        fill: "#9ecae1",
        ink: DARK,
        outline: false,
    },
    Colour {
        fill: "#4a90c8",
        ink: LIGHT,
        outline: false,
    },
    Colour {
        fill: "#1f5f9e",
        ink: LIGHT,
        outline: false,
    },
    Colour {
        fill: "#0b2e59",
        ink: LIGHT,
        outline: false,
    },
];

/// Bands, from the fewest criteria met (red) to all of them (green).
const BANDS: [Colour; 5] = [
    Colour {
        fill: "#c0392b",
        ink: LIGHT,
        outline: false,
    },
    Colour {
        fill: "#e67e22",
        ink: DARK,
        outline: false,
    },
    Colour {
        fill: "#f4d03f",
        ink: DARK,
        outline: false,
    },
    Colour {
        fill: "#82c26e",
        ink: DARK,
        outline: false,
    },
    Colour {
        fill: "#1e8449",
        ink: LIGHT,
        outline: false,
    },
];

/// A criterion not met, in the bottleneck chart.
pub const NOT_MET: Colour = Colour {
    fill: "#c0392b",
    ink: LIGHT,
    outline: false,
};

/// A criterion basically met.
pub const BASICALLY_MET: Colour = Colour {
    fill: "#e67e22",
    ink: DARK,
    outline: false,
};

/// A criterion not assessed: a dashed outline, which no scale uses.
pub const NOT_ASSESSED: Colour = Colour {
    fill: "#ffffff",
    ink: DARK,
    outline: true,
};

/// The colour of tier `k` of `tiers` (0 is no tier, the highest is `tiers - 1`).
#[must_use]
pub fn tier_colour(k: usize, tiers: usize) -> Colour {
    TIERS[spread(k, tiers, TIERS.len())]
}

/// The colour of band `k` of `bands`, counted from the weakest (0).
#[must_use]
pub fn band_colour(k: usize, bands: usize) -> Colour {
    BANDS[spread(k, bands, BANDS.len())]
}

/// Index `k` of `n` spread over a palette of `p`: the first to the first, the last to the last.
fn spread(k: usize, n: usize, p: usize) -> usize {
    if n <= 1 {
        return p - 1;
    }
    if n <= p {
        // few enough to take neighbours from the strong end, keeping the first as the first
        return if k == 0 { 0 } else { p - n + k };
    }
    (k * (p - 1) + (n - 1) / 2) / (n - 1)
}

/// One row of a chart: a label, a second line under it when given, and a bar of segments.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The label over the bar.
    pub label: String,
    /// A second, lighter line, when given (a criterion's department).
    pub detail: Option<String>,
    /// The segments: count, colour and what the count is of.
    pub segments: Vec<(u32, Colour, String)>,
}

/// The legend of a chart, as HTML: a swatch and a name for each series.
#[must_use]
pub fn legend(series: &[(String, Colour)]) -> String {
    let mut html = String::from("<ul class=\"legend\">");
    for (name, colour) in series {
        let swatch = if colour.outline {
            "swatch outline"
        } else {
            "swatch"
        };
        let _ = write!(
            html,
            "<li><span class=\"{swatch}\" style=\"background:{}\"></span>{}</li>",
            colour.fill,
            escape(name)
        );
    }
    html.push_str("</ul>");
    html
}

/// A chart of `rows`, each a label over a bar of stacked segments with the row's total at its
/// end; a segment wide enough shows its count inside it. Each row is a drawing of its own, in
/// one block that is the chart.
#[must_use]
#[allow(clippy::cast_precision_loss)]
pub fn chart(title: &str, rows: &[Row]) -> String {
    let max = rows
        .iter()
        .map(|r| r.segments.iter().map(|s| s.0).sum::<u32>())
        .max()
        .unwrap_or(0)
        .max(1);
    let mut html = format!(
        r#"<div class="chart" role="img" aria-label="{}">"#,
        escape(title)
    );
    for row in rows {
        let mut body = String::new();
        let mut y = 0;
        let _ = write!(
            body,
            r#"<text x="0" y="{}" class="label">{}</text>"#,
            y + 14,
            escape(&row.label)
        );
        y += 18;
        if let Some(detail) = &row.detail {
            let _ = write!(
                body,
                r#"<text x="0" y="{}" class="detail">{}</text>"#,
                y + 13,
                escape(detail)
            );
            y += 17;
        }
        let mut x = 0.0;
        let total: u32 = row.segments.iter().map(|s| s.0).sum();
        for (count, colour, of) in &row.segments {
            if *count == 0 {
                continue;
            }
            // 88 % of the width for the longest bar, the rest for its total
            let width = 88.0 * f64::from(*count) / f64::from(max);
            let outline = if colour.outline {
                r##" stroke="#566573" stroke-dasharray="3 2""##
            } else {
                ""
            };
            let _ = write!(
                body,
                r#"<rect x="{}%" y="{}" width="{}%" height="18" fill="{}"{outline}><title>{}: {count}</title></rect>"#,
                pc(x),
                y + 2,
                pc(width),
                colour.fill,
                escape(of)
            );
            if width >= 5.0 {
                let _ = write!(
                    body,
                    r#"<text x="{}%" y="{}" class="count" text-anchor="middle" fill="{}">{count}</text>"#,
                    pc(x + width / 2.0),
                    y + 16,
                    colour.ink
                );
            }
            x += width;
        }
        let _ = write!(
            body,
            r#"<text x="{}%" dx="5" y="{}" class="total">{total}</text>"#,
            pc(x),
            y + 16
        );
        y += 30;
        // one drawing a row, so that a long chart can run on to the next page between rows
        let _ = write!(html, r#"<svg width="100%" height="{y}">{body}</svg>"#);
    }
    html.push_str("</div>");
    html
}

/// A percentage for an attribute: at most two decimals, no needless zeros.
fn pc(x: f64) -> String {
    crate::render::figures::decimal(x, 2, crate::lang::Lang::En)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_keep_their_ends() {
        // no tier is grey, the highest tier the strongest blue, whatever their number
        assert_eq!(tier_colour(0, 4), TIERS[0]);
        assert_eq!(tier_colour(3, 4), TIERS[4]);
        assert_eq!(tier_colour(0, 5), TIERS[0]);
        assert_eq!(tier_colour(4, 5), TIERS[4]);
        assert_eq!(band_colour(0, 5), BANDS[0]);
        assert_eq!(band_colour(4, 5), BANDS[4]);
        assert_eq!(band_colour(0, 7), BANDS[0]);
        assert_eq!(band_colour(6, 7), BANDS[4]);
        assert_eq!(band_colour(0, 1), BANDS[4]);
        // in between, never darker for a lower tier
        let tiers: Vec<usize> = (0..7).map(|k| spread(k, 7, 5)).collect();
        assert!(tiers.windows(2).all(|w| w[0] <= w[1]), "{tiers:?}");
    }

    #[test]
    fn text_keeps_its_size_at_any_width() {
        let svg = chart(
            "x",
            &[Row {
                label: "6 – Cơ sở vật chất văn hóa".into(),
                detail: Some("Sở Văn hóa".into()),
                segments: vec![(3, NOT_MET, "a".into()), (1, NOT_ASSESSED, "b".into())],
            }],
        );
        assert!(!svg.contains("viewBox"), "{svg}");
        assert!(svg.contains("width=\"100%\""), "{svg}");
        assert!(svg.contains("stroke-dasharray"), "{svg}");
        assert!(svg.contains(r##"<rect x="0%" y="37" width="66%" height="18" fill="#c0392b">"##));
        assert!(
            svg.contains(r#"<text x="88%" dx="5" y="51" class="total">4</text>"#),
            "{svg}"
        );
    }
}
