//! `ntm report`: the monthly document in Markdown (compared whole), HTML (structure, no
//! network, rendered in a real browser) and XLSX (read back).

use std::path::Path;

use crate::util::{data, expected, external, ntm, repo};

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
    assert_eq!(html.matches("<svg ").count(), 3);
    assert!(html.contains("Report date: 15/12/2024"));
    assert!(html.contains("Xã Đồng Tâm"));
    assert!(html.contains("@media print"));
    for external in ["http://", "https://", "src=", "<script", "@import", "url("] {
        assert!(!html.contains(external), "{external}");
    }
}

#[test]
fn html_renders_in_a_headless_browser() {
    let Some(browser) = external(
        &["chromium", "chromium-browser", "google-chrome"],
        "chromium",
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let run = ntm(&[
        "report",
        &repo("examples/tinh-mau-2022.csv"),
        "-c",
        "vn-commune-2021-2025",
        "--targets",
        &repo("examples/muc-tieu-2025.yaml"),
        "--date",
        "2022-12-15",
        "-o",
        page.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let shot = dir.path().join("report.png");
    let profile = dir.path().join("profile");
    let flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];
    let url = format!("file://{}", page.display());
    let status = std::process::Command::new(&browser)
        .args(flags)
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--window-size=1000,2000")
        .arg(format!("--screenshot={}", shot.display()))
        .arg(&url)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let png = std::fs::read(&shot).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    assert!(
        png.len() > 20_000,
        "a screenshot of a real page: {} bytes",
        png.len()
    );
    // the browser built the page: its DOM holds both charts and the appendix rows
    let dom = std::process::Command::new(&browser)
        .args(flags)
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert_eq!(dom.matches("<svg").count(), 3, "{dom}");
    assert!(dom.contains("Xã Yên Lạc"));
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
        "Nhóm",
        "Mức",
        "Theo huyện",
        "Tiêu chí còn nhiều xã chưa",
        "Phụ lục  kết quả từng xã",
    ] {
        assert!(
            names.iter().any(|n| n.starts_with(sheet)),
            "{sheet} in {names:?}"
        );
    }
    let targets = book.worksheet_range("Mục tiêu").unwrap();
    assert_eq!(targets.get((0, 0)), Some(&Data::String("Mục tiêu".into())));
    assert_eq!(targets.get((1, 1)), Some(&Data::Float(4.0)));
    let appendix = book
        .worksheet_range(names.iter().find(|n| n.starts_with("Phụ lục")).unwrap())
        .unwrap();
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
