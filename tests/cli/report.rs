//! `ntm report`: the monthly document in Markdown (compared whole), HTML (structure, no
//! network, rendered in a real browser) and XLSX (read back).

use std::path::Path;

use crate::util::{data, expected, ntm, repo};

fn report(format: &str, out: &Path, lang: &str) -> crate::util::Run {
    ntm(&[
        "--lang",
        lang,
        "report",
        &data("month-2.csv"),
        "-c",
        &data("mini-set.yaml"),
        "--targets",
        &data("targets-mini.yaml"),
        "--previous",
        &data("month-1.csv"),
        "--date",
        "2024-12-15",
        "--format",
        format,
        "-o",
        out.to_str().unwrap(),
    ])
}

#[test]
fn markdown_matches_its_golden_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bao-cao.md");
    let run = report("markdown", &out, "vi");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        expected("report.md")
    );
}

#[test]
fn html_has_every_section_and_chart_and_no_network() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    let run = report("html", &out, "en");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    for id in [
        "targets",
        "group_targets",
        "charts",
        "bands",
        "tiers",
        "groups",
        "bottlenecks",
        "candidates",
        "changes",
        "appendix",
    ] {
        assert!(
            html.contains(&format!("<section id=\"{id}\">")),
            "section {id}"
        );
    }
    // bands, bands by district, tiers by district, and the bottlenecks
    assert_eq!(html.matches("<div class=\"chart\"").count(), 4);
    // printed on A4 with page numbers, headers repeated, rows whole; on a phone, chart labels
    // in CSS pixels (no viewBox to shrink them) and wide tables that scroll
    for rule in [
        "@page{size:A4;",
        "@bottom-center{content:'Page ' counter(page) ' / ' counter(pages)",
        "thead{display:table-header-group}",
        "tr{break-inside:avoid;",
        ".chart text{font-size:13px}",
        ".scroll{overflow-x:auto;",
        "table.wide{min-width:40rem}",
    ] {
        assert!(html.contains(rule), "{rule}");
    }
    assert!(!html.contains("viewBox"));
    assert!(html.contains("<p class=\"dateline\">15 December 2024</p>"));
    assert!(html.contains("Xã Đồng Tâm"));
    assert!(html.contains("@media print"));
    for external in ["http://", "https://", "src=", "<script", "@import", "url("] {
        assert!(!html.contains(external), "{external}");
    }
}

#[test]
fn xlsx_reads_back_with_numbers_as_numbers() {
    use calamine::{Data, Reader, Xlsx, open_workbook};

    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bao-cao.xlsx");
    let run = report("xlsx", &out, "vi");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    let names = book.sheet_names();
    assert_eq!(names[0], "Tổng quan");
    for sheet in [
        "Mục tiêu",
        "Số tiêu chí đạt",
        "Mức đạt",
        "Theo huyện",
        "Tiêu chí vướng mắc",
        "Ma trận",
        "Phụ lục",
    ] {
        assert!(names.iter().any(|n| n == sheet), "{sheet} in {names:?}");
    }
    let targets = book.worksheet_range("Mục tiêu").unwrap();
    assert_eq!(targets.get((0, 0)), Some(&Data::String("Mục tiêu".into())));
    assert_eq!(targets.get((1, 1)), Some(&Data::Float(4.0)));
    let appendix = book.worksheet_range("Phụ lục").unwrap();
    assert_eq!(appendix.get((1, 0)), Some(&Data::String("A1".into())));
    assert_eq!(appendix.get((1, 3)), Some(&Data::Float(4.0)));

    let run = ntm(&[
        "report",
        &data("month-2.csv"),
        "-c",
        &data("mini-set.yaml"),
        "--format",
        "xlsx",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("a workbook cannot go to standard output")
    );
}

/// The arguments of the example province's report, dated 15/12/2022, written to `out` (its
/// extension choosing the format).
pub fn example_report_args(out: &Path) -> Vec<String> {
    [
        "report",
        &repo("examples/tinh-mau-2022.csv"),
        "-c",
        "vn-commune-2021-2025",
        "--targets",
        &repo("examples/muc-tieu-2025.yaml"),
        "--previous",
        &repo("examples/tinh-mau-2022-thang-11.csv"),
        "--date",
        "2022-12-15",
        "-o",
        out.to_str().unwrap(),
    ]
    .map(str::to_owned)
    .to_vec()
}

/// The example province's report written to `out` in `lang`.
pub fn example_report(lang: &str, out: &Path) {
    let mut args = vec!["--lang".to_owned(), lang.to_owned()];
    args.extend(example_report_args(out));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = ntm(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// The example province's report, as HTML, in `lang`.
pub fn example_html(lang: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    example_report(lang, &page);
    std::fs::read_to_string(&page).unwrap()
}

#[test]
fn html_opens_on_the_headline_figures_against_their_targets() {
    let html = example_html("vi");
    let headline = html.find("<section id=\"headline\">").expect("a headline");
    assert!(headline < html.find("<section id=\"targets\">").unwrap());
    for said in [
        "<li class=\"unmet\"><span class=\"mark\">✘ chưa đạt</span> 17/139 xã đạt chuẩn trở lên (12,2\u{a0}%) — cần thêm 33 xã để đạt mục tiêu 50</li>",
        "119 xã còn dưới 15 tiêu chí (thấp nhất 4 tiêu chí) — mục tiêu: không còn xã nào",
        "16/1783 thôn đạt chuẩn (0,9\u{a0}%) — cần thêm 519 thôn để đạt mục tiêu 30\u{a0}%",
        "Bình quân 10,3 tiêu chí/xã — cần thêm 653 tiêu chí để đạt mục tiêu 15 tiêu chí/xã",
        "0/2 huyện có mục tiêu riêng đạt đủ mục tiêu (chưa đạt: Hòa An, Trùng Khánh)",
        "So với kỳ trước: 3 xã mất tiêu chí hoặc xuống mức, 0 xã lên mức, 12 xã đạt thêm tiêu chí",
    ] {
        assert!(html.contains(said), "{said}");
    }
    // the mark is a symbol and a word as well as a colour, for a page printed in grey
    assert!(html.contains("li.unmet .mark"));
    let html = example_html("en");
    assert!(html.contains(
        "<span class=\"mark\">✘ not met</span> 17/139 communes at standard or above (12.2%) — 33 more needed to reach the target of 50</li>"
    ));
    assert!(html.contains("16/1783 hamlets recognised standard (0.9%) — 519 more hamlets needed to reach the target of 30%"));
}

/// The text a person reads in an HTML page: no style sheet, no tags.
fn visible(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    if let (Some(start), Some(end)) = (rest.find("<style>"), rest.find("</style>")) {
        text.push_str(&rest[..start]);
        rest = &rest[end..];
    }
    text.push_str(rest);
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// Words of the other language, or keys of a file, in what a person reads.
fn untranslated(text: &str, lang: &str) -> Vec<String> {
    // (Markdown writes `_` as `\_`)
    let text = &text.replace("\\_", "_");
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    let mut found: Vec<String> = words
        .iter()
        .filter(|w| w.contains('_'))
        .map(|w| (*w).to_owned())
        .collect();
    if lang == "vi" {
        // tier ids, target keys, English verdicts
        for key in [
            "standard", "advanced", "model", "modern", "none", "open", "met", "yes", "no",
            "Communes", "Target", "Gap",
        ] {
            if words.contains(&key) {
                found.push(key.to_owned());
            }
        }
    } else {
        // labels of the Vietnamese catalogue (names of communes and districts are data)
        for label in [
            "tiêu chí",
            "chưa",
            "đạt",
            "Mục tiêu",
            "Số xã",
            "không",
            "Kỳ",
            "huyện",
        ] {
            if text.contains(label) {
                found.push(label.to_owned());
            }
        }
    }
    found
}

/// Every label of every output in the chosen language: the report (HTML, Markdown and the
/// workbook's cells and sheet names), progress, diff, trend, profile, score, gaps and validate —
/// and what each says on standard error — in Vietnamese and in English. (`criteria show` quotes
/// the set file's sources and notes, which are written in one language, as they are.)
#[test]
fn no_untranslated_label_or_key_in_either_language() {
    let root = std::path::PathBuf::from(repo(""));
    let dir = tempfile::tempdir().unwrap();
    for lang in ["vi", "en"] {
        let mut outputs = vec![("report.html".to_owned(), visible(&example_html(lang)))];
        let book = dir.path().join(format!("bao-cao-{lang}.xlsx"));
        let survey = "examples/tinh-mau-2022.csv";
        let targets = "examples/muc-tieu-2025.yaml";
        let previous = "examples/tinh-mau-2022-thang-11.csv";
        for (name, args) in [
            (
                "report.md",
                vec![
                    "report",
                    survey,
                    "--targets",
                    targets,
                    "--previous",
                    previous,
                    "--format",
                    "markdown",
                ],
            ),
            (
                "report.xlsx",
                vec![
                    "report",
                    survey,
                    "--targets",
                    targets,
                    "--previous",
                    previous,
                    "-o",
                    book.to_str().unwrap(),
                ],
            ),
            (
                "progress",
                vec![
                    "progress",
                    survey,
                    "--targets",
                    targets,
                    "--format",
                    "table",
                ],
            ),
            ("diff", vec!["diff", previous, survey, "--format", "table"]),
            (
                "trend",
                vec![
                    "trend", previous, survey, "--period", "2022-11", "--period", "2022-12",
                    "--format", "table",
                ],
            ),
            // (Markdown: a table would wrap the survey's own headers mid-word)
            ("profile", vec!["profile", survey, "--format", "markdown"]),
            ("score", vec!["score", survey, "--format", "table"]),
            ("gaps", vec!["gaps", survey, "--format", "table"]),
            ("validate", vec!["validate", survey]),
        ] {
            let mut all = vec!["--lang", lang];
            all.extend(args);
            let run = crate::util::ntm_with(&all, None, Some(&root));
            assert!(
                run.code == 0 || run.code == 1,
                "{lang} {name}: {}",
                run.stderr
            );
            outputs.push((name.to_owned(), run.stdout));
            outputs.push((format!("{name} (stderr)"), run.stderr));
        }
        outputs.push(("report.xlsx (cells)".to_owned(), workbook_text(&book)));
        // the survey's own headers are data, whatever their language
        let headers = std::fs::read_to_string(root.join(survey)).unwrap();
        let headers: Vec<&str> = headers.lines().next().unwrap().split(',').collect();
        for (name, text) in outputs {
            let found: Vec<String> = untranslated(&text, lang)
                .into_iter()
                .filter(|w| !headers.contains(&w.as_str()))
                .collect();
            assert_eq!(found, Vec::<String>::new(), "{lang} {name}:\n{text}");
        }
    }
}

/// Every string of a workbook a person reads: its shared strings, inline strings and sheet
/// names, without the XML around them.
fn workbook_text(path: &Path) -> String {
    let mut parts: Vec<(String, String)> = crate::workbook::parts(path).into_iter().collect();
    parts.sort();
    let mut text = String::new();
    for (name, xml) in parts {
        if name == "xl/sharedStrings.xml"
            || name == "xl/workbook.xml"
            || name.starts_with("xl/worksheets/")
            || name.starts_with("xl/charts/")
        {
            // sheet names are attributes; everything else is text between tags
            for sheet in xml.split("<sheet name=\"").skip(1) {
                text.push_str(sheet.split('"').next().unwrap_or_default());
                text.push('\n');
            }
            text.push_str(&visible(&xml));
            text.push('\n');
        }
    }
    text
}

/// One colour scale means one thing: tiers from grey (not yet standard) to the strongest blue,
/// bands from red (fewest criteria) to green (all); criteria by number and name everywhere, and
/// a chart of the bottlenecks with their departments.
#[test]
fn charts_share_one_scale_and_name_every_criterion() {
    let html = example_html("vi");
    let charts = &html[html.find("<section id=\"charts\">").unwrap()..];
    let tiers = &charts[charts.find("Mức đạt chuẩn theo huyện").unwrap()..];
    assert!(
        tiers.contains(
            "<li><span class=\"swatch\" style=\"background:#c8ccd1\"></span>Chưa đạt chuẩn</li>"
        ),
        "grey is not yet standard"
    );
    assert!(tiers.contains("style=\"background:#0b2e59\"></span>Xã nông thôn mới kiểu mẫu</li>"));
    let bands = &charts[charts
        .find("Số xã theo số tiêu chí đạt, từng huyện")
        .unwrap()..];
    assert!(bands.contains("<ul class=\"legend\"><li><span class=\"swatch\" style=\"background:#c0392b\"></span>&lt;5 tiêu chí</li>"));
    assert!(bands.contains("style=\"background:#1e8449\"></span>19 tiêu chí</li></ul>"));
    // grey is never a band, red never a tier
    assert!(!bands[..bands.find("</ul>").unwrap()].contains("#c8ccd1"));
    assert!(!tiers[..tiers.find("</ul>").unwrap()].contains("#c0392b"));

    let bottlenecks = &html[html.find("<section id=\"bottlenecks\">").unwrap()..];
    let chart = &bottlenecks[..bottlenecks.find("</svg>").unwrap()];
    assert!(chart.contains("10 tiêu chí có nhiều xã chưa đạt nhất, và sở phụ trách"));
    assert!(chart.contains(
        "<text x=\"0\" y=\"14\" class=\"label\">10 – Thu nhập</text><text x=\"0\" y=\"31\" class=\"detail\">Cục Thống kê tỉnh</text>"
    ));
    assert!(
        !chart.contains("viewBox"),
        "labels keep their size on a phone"
    );

    assert!(html.contains("mất tiêu chí 6 – Cơ sở vật chất văn hóa"));
    assert!(html.contains("đạt thêm tiêu chí 19 – Quốc phòng và An ninh"));
    assert!(html.contains("<td>2 tiêu chí: 11 – Nghèo đa chiều; 13 – Tổ chức sản xuất và phát triển kinh tế nông thôn</td>"));
    // the appendix too: no list of bare numbers such as "2, 10, 11"
    assert!(html.contains("<td>2 – Giao thông; 10 – Thu nhập; 11 – Nghèo đa chiều;"));
    let bare = regex_free_bare_lists(&html);
    assert!(bare.is_empty(), "{bare:?}");
}

/// Cells that are lists of bare numbers (`4, 6, 8`).
fn regex_free_bare_lists(html: &str) -> Vec<String> {
    html.split("<td>")
        .skip(1)
        .map(|cell| &cell[..cell.find("</td>").unwrap_or(cell.len())])
        .filter(|cell| {
            cell.contains(", ")
                && cell
                    .split(", ")
                    .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        })
        .map(str::to_owned)
        .collect()
}

/// The head an office issues: the issuing body, the number, the place and date and the signature
/// from `[report]` in `ntm.toml`; without it a neutral head — the date and the title — and no
/// name that nobody gave.
#[test]
fn the_head_is_the_issuing_office_s_or_neutral() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("ntm.toml"),
        "[report]\nissuer = [\"UBND TỈNH MẪU\", \"BAN CHỈ ĐẠO\"]\nplace = \"Thành phố Mẫu\"\nnumber = \"125/BC-BCĐ\"\nsigner = [\"TM. BAN CHỈ ĐẠO\", \"TRƯỞNG BAN\", \"Nguyễn Văn A\"]\n",
    )
    .unwrap();
    let run = |dir: &std::path::Path, format: &str| {
        let out = dir.join(format!("bao-cao.{format}"));
        let run = crate::util::ntm_with(
            &[
                "report",
                "--lang",
                "vi",
                &data("month-2.csv"),
                "-c",
                &data("mini-set.yaml"),
                "--date",
                "2025-02-05",
                "-o",
                out.to_str().unwrap(),
            ],
            None,
            Some(dir),
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        std::fs::read_to_string(out).unwrap()
    };
    let html = run(dir.path(), "html");
    for said in [
        "<div class=\"issuer\">UBND TỈNH MẪU<br><strong>BAN CHỈ ĐẠO</strong><br><span class=\"number\">Số: 125/BC-BCĐ</span></div>",
        "<div class=\"nation\"><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong><br><span class=\"motto\">Độc lập - Tự do - Hạnh phúc</span></div>",
        "<p class=\"dateline\">Thành phố Mẫu, ngày 05 tháng 02 năm 2025</p>",
        "<p class=\"kind\">BÁO CÁO</p>",
        "<footer class=\"signature\"><p><strong>TM. BAN CHỈ ĐẠO</strong><br><strong>TRƯỞNG BAN</strong><br></p><p class=\"name\"><strong>Nguyễn Văn A</strong></p></footer>",
    ] {
        assert!(html.contains(said), "{said}");
    }
    // the signature closes the body, before the appendix
    assert!(
        html.find("class=\"signature\"").unwrap() < html.find("<section id=\"appendix\">").unwrap()
    );
    let md = run(dir.path(), "md");
    assert!(md.starts_with(
        "| UBND TỈNH MẪU<br>BAN CHỈ ĐẠO<br>Số: 125/BC-BCĐ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc |\n|:---:|:---:|\n\n*Thành phố Mẫu, ngày 05 tháng 02 năm 2025*\n"
    ), "{md}");
    assert!(
        md.contains("\n**TM. BAN CHỈ ĐẠO**<br>**TRƯỞNG BAN**<br>**Nguyễn Văn A**\n\n## Phụ lục"),
        "{md}"
    );

    // no configuration: the date and the title, nothing invented
    let bare = tempfile::tempdir().unwrap();
    let html = run(bare.path(), "html");
    assert!(html.contains("<header>\n<p class=\"dateline\">Ngày 05 tháng 02 năm 2025</p>\n<p class=\"kind\">BÁO CÁO</p>\n<h1>"));
    for absent in ["class=\"issued\"", "CỘNG HÒA", "class=\"signature\"", "Số:"] {
        assert!(!html.contains(absent), "{absent}");
    }
}
