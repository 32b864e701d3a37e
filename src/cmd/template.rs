//! `ntm template`: an empty survey file with the columns a criteria set needs, and what to put
//! in each — what data collectors fill in.

use std::io::Write;

use rust_xlsxwriter::{Format, Workbook};

use crate::criteria::{CriteriaSet, Measure, QuantityKind, SetChoice};
use crate::error::Result;
use crate::lang::Lang;
use crate::render::output::{check_extension, io_error, write_whole};
use crate::text::extension_is;

/// The columns of `set`'s survey file, each with what goes in it, in `lang`.
#[must_use]
pub fn columns(set: &CriteriaSet, lang: Lang) -> Vec<(String, String)> {
    let t = |vi: &str, en: &str| match lang {
        Lang::Vi => vi.to_owned(),
        Lang::En => en.to_owned(),
    };
    let verdicts = t(
        "Đạt / Không đạt / Cơ bản đạt; để trống nếu chưa đánh giá",
        "Đạt / Không đạt / Cơ bản đạt; blank when not assessed",
    );
    let mut out = vec![
        (
            "commune_id".to_owned(),
            t(
                "Mã xã (bắt buộc, không trùng nhau)",
                "Commune code (required, unique)",
            ),
        ),
        ("commune".to_owned(), t("Tên xã", "Commune name")),
        ("district".to_owned(), t("Huyện", "District")),
        ("province".to_owned(), t("Tỉnh", "Province")),
    ];
    let c = &set.classification;
    out.push((
        c.column.clone(),
        format!(
            "{}: {}",
            c.name.get(lang),
            c.classes
                .iter()
                .map(|k| format!("{} ({})", k.code, k.name.get(lang)))
                .collect::<Vec<_>>()
                .join("; ")
        ),
    ));
    for o in &c.overrides {
        out.push((
            o.column.clone(),
            format!(
                "{} — {}",
                o.name.get(lang),
                t("Có, hoặc để trống", "yes, or blank")
            ),
        ));
    }
    out.push((
        "year".to_owned(),
        t("Năm đánh giá, ví dụ 2024", "Year assessed, e.g. 2024"),
    ));
    out.push((
        "hamlets".to_owned(),
        t("Tổng số thôn, xóm, bản, buôn", "Number of hamlets"),
    ));
    out.push((
        "hamlets_standard".to_owned(),
        t(
            "Số thôn được công nhận đạt chuẩn nông thôn mới",
            "Hamlets recognised standard",
        ),
    ));
    if set.tiers.len() > 1 {
        out.push((
            "hamlets_model".to_owned(),
            t("Số khu dân cư kiểu mẫu", "Model residential areas"),
        ));
    }
    if set.columns.iter().any(|c| c == "outstanding_field_met") {
        out.push((
            "outstanding_field".to_owned(),
            t(
                "Lĩnh vực nổi trội (sản xuất, giáo dục, văn hóa, du lịch, …)",
                "Outstanding field (production, education, culture, tourism, …)",
            ),
        ));
    }
    let mut seen = Vec::new();
    for (tier, criterion, indicator) in set.indicators() {
        if seen.contains(&indicator.id) {
            continue;
        }
        seen.push(indicator.id.clone());
        let how = match &indicator.measure {
            Measure::YesNo => t("Có / Không (Đạt / Không đạt)", "yes / no (Đạt / Không đạt)"),
            Measure::Quantity(q) => match (q.kind, &q.unit) {
                (QuantityKind::Percent, _) => t(
                    "tỷ lệ %, ví dụ 85 hoặc 85,5",
                    "a percentage, e.g. 85 or 85.5",
                ),
                (_, Some(unit)) => format!("{} ({unit})", t("số", "a number")),
                _ => t("số", "a number"),
            },
        };
        out.push((
            indicator.id.clone(),
            format!(
                "{} — {} {}: {} — {how}",
                tier.name.get(lang),
                criterion.number,
                criterion.name.get(lang),
                indicator.name.get(lang)
            ),
        ));
    }
    for tier in &set.tiers {
        for criterion in &tier.criteria {
            out.push((
                tier.verdict_column(criterion.number),
                format!(
                    "{} — {} {}: {verdicts}",
                    tier.name.get(lang),
                    criterion.number,
                    criterion.name.get(lang)
                ),
            ));
        }
    }
    out
}

/// Writes the template: CSV with the explanations as `#` comment lines above the header (which
/// `ntm` skips when it reads the file back), or a workbook with a sheet of explanations.
pub fn run(criteria: &SetChoice, output: Option<&str>, lang: Lang) -> Result<()> {
    check_extension(output, "template", &["csv", "txt", "xlsx"], false)?;
    let set = criteria.load()?;
    let columns = columns(&set, lang);
    let workbook = output.is_some_and(|o| extension_is(o, "xlsx"));
    write_whole(output, |out, name| {
        if workbook {
            xlsx(&columns, lang).and_then(|bytes| out.write_all(&bytes))
        } else {
            csv(&set, &columns, out)
        }
        .map_err(io_error(name))
    })
}

fn csv(
    set: &CriteriaSet,
    columns: &[(String, String)],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    writeln!(out, "# {} ({})", set.title.vi, set.id)?;
    for (column, what) in columns {
        writeln!(out, "# {column}: {}", what.replace('\n', " "))?;
    }
    let mut w = csv::Writer::from_writer(out);
    w.write_record(columns.iter().map(|(c, _)| c.as_str()))?;
    w.flush()
}

fn xlsx(columns: &[(String, String)], lang: Lang) -> std::io::Result<Vec<u8>> {
    let build = || -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
        let mut book = Workbook::new();
        let bold = Format::new().set_bold();
        let (data, guide) = match lang {
            Lang::Vi => ("Số liệu", "Hướng dẫn"),
            Lang::En => ("Data", "Guide"),
        };
        let sheet = book.add_worksheet();
        sheet.set_name(data)?;
        for (c, (column, _)) in columns.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            sheet.write_string_with_format(0, c, column, &bold)?;
            sheet.set_column_width(c, 14)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        let sheet = book.add_worksheet();
        sheet.set_name(guide)?;
        for (r, (column, what)) in columns.iter().enumerate() {
            let r = u32::try_from(r).unwrap_or(u32::MAX);
            sheet.write_string_with_format(r, 0, column, &bold)?;
            sheet.write_string(r, 1, what)?;
        }
        sheet.set_column_width(0, 22)?;
        sheet.set_column_width(1, 110)?;
        book.save_to_buffer()
    };
    build().map_err(|e| std::io::Error::other(e.to_string()))
}
