//! The HTML report as people see it: rendered by headless Chromium at a desktop's and a phone's
//! width, and printed to PDF, which poppler's `pdfinfo` and `pdftotext` read back. The
//! screenshots and the PDF are kept under the target folder (`target/tmp/report/`) to look at.
//! Without Chromium or poppler the test is skipped with a note, and fails under CI. How
//! `report -o FILE.pdf` fails without a browser, or with one that fails, is tested with stand-ins.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::report::{example_html, example_report_args};
use crate::util::{external, ntm, ntm_env, repo};

/// Chromium's flags for a run that fetches nothing and keeps nothing.
const FLAGS: [&str; 8] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

fn chromium(browser: &Path, profile: &Path, args: &[String]) -> std::process::Output {
    let out = Command::new(browser)
        .args(FLAGS)
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The text of page `page` of `pdf`, laid out as printed.
fn page_text(pdftotext: &Path, pdf: &Path, page: usize) -> String {
    let out = Command::new(pdftotext)
        .args(["-layout", "-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// Where a run's pictures and PDF are kept.
fn artefacts() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("report");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_example_report_renders_at_two_widths_and_prints_on_a4() {
    let Some(browser) = external(
        &["chromium", "chromium-browser", "google-chrome"],
        "chromium",
    ) else {
        return;
    };
    let (Some(pdfinfo), Some(pdftotext)) = (
        external(&["pdfinfo"], "poppler-utils"),
        external(&["pdftotext"], "poppler-utils"),
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    std::fs::write(&page, example_html("vi")).unwrap();
    let profile = dir.path().join("profile");
    let url = format!("file://{}", page.display());
    let kept = artefacts();

    // a desktop and a phone: real pictures of a real page
    for width in [1280, 390] {
        let shot = kept.join(format!("report-{width}.png"));
        let _ = std::fs::remove_file(&shot);
        chromium(
            &browser,
            &profile,
            &[
                format!("--window-size={width},2400"),
                format!("--screenshot={}", shot.display()),
                url.clone(),
            ],
        );
        let png = std::fs::read(&shot).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(
            u32::from_be_bytes(png[16..20].try_into().unwrap()),
            width,
            "as wide as the window"
        );
        assert!(png.len() > 20_000, "a real page: {} bytes", png.len());
    }
    // the browser built the page: its DOM holds the charts and the appendix rows
    let dom = chromium(&browser, &profile, &["--dump-dom".to_owned(), url.clone()]);
    let dom = String::from_utf8_lossy(&dom.stdout);
    assert_eq!(dom.matches("<div class=\"chart\"").count(), 4, "{dom}");
    assert!(dom.contains("Xã Yên Lạc"));

    // printed by `ntm report -o report.pdf`, the same report: A4, every page numbered, the body
    // within eight pages, no row cut in two
    let pdf = kept.join("report.pdf");
    let _ = std::fs::remove_file(&pdf);
    let args = example_report_args(&pdf);
    let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
    args.push("-q");
    let run = ntm_env(
        &args,
        &[("NTM_BROWSER", browser.to_str().unwrap())],
        None,
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let info = Command::new(pdfinfo).arg(&pdf).output().unwrap();
    let info = String::from_utf8(info.stdout).unwrap();
    assert!(info.contains("(A4)"), "{info}");
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let texts: Vec<String> = (1..=pages)
        .map(|p| page_text(&pdftotext, &pdf, p))
        .collect();
    for (i, text) in texts.iter().enumerate() {
        assert!(
            text.contains(&format!("Trang {} / {pages}", i + 1)),
            "page {} has no number:\n{text}",
            i + 1
        );
    }
    let appendix = texts
        .iter()
        .position(|t| t.contains("Phụ lục: kết quả từng xã"))
        .expect("an appendix")
        + 1;
    assert!(appendix <= 8, "the body runs to page {appendix} of {pages}");
    // each page of the appendix after its first opens on the repeated header, then a row's
    // first line (its commune id): a row cut in two would leave its end at the top of the page
    let header = [
        "Mã", "xã", "Xã", "Huyện", "Đạt", "Nhóm", "Mức", "Chưa", "đạt", "Cơ", "bản", "đánh", "giá",
    ];
    for (i, text) in texts.iter().enumerate().skip(appendix) {
        let before_first_row: Vec<&str> = text
            .lines()
            .take_while(|l| !is_row_start(l))
            .flat_map(str::split_whitespace)
            .collect();
        assert!(
            before_first_row.iter().all(|w| header.contains(w)),
            "page {} opens on the rest of a row: {before_first_row:?}",
            i + 1
        );
        assert!(
            before_first_row.contains(&"Huyện"),
            "page {}: no header",
            i + 1
        );
    }
}

/// Whether a line of the appendix starts a row: its first word is a commune id (`X001`).
fn is_row_start(line: &str) -> bool {
    line.split_whitespace().next().is_some_and(|w| {
        w.len() == 4 && w.starts_with('X') && w[1..].bytes().all(|b| b.is_ascii_digit())
    })
}

/// `report -o FILE.pdf` in `dir` with `vars` (the language English unless they say).
fn report_pdf(dir: &Path, vars: &[(&str, &str)]) -> crate::util::Run {
    let mut vars = vars.to_vec();
    if !vars.iter().any(|(k, _)| *k == "NTM_LANG") {
        vars.push(("NTM_LANG", "en"));
    }
    ntm_env(
        &[
            "report",
            &repo("examples/tinh-mau-2022.csv"),
            "-o",
            dir.join("report.pdf").to_str().unwrap(),
            "-q",
        ],
        &vars,
        None,
        Some(dir),
    )
}

#[test]
fn without_a_browser_a_pdf_is_refused_with_what_to_run_instead() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("bin");
    std::fs::create_dir(&empty).unwrap();
    let path = empty.to_str().unwrap();
    let run = report_pdf(dir.path(), &[("PATH", path)]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("needs Chromium, Google Chrome or Microsoft Edge")
            && run.stderr.contains("-o report.html")
            && run.stderr.contains("--print-to-pdf=report.pdf report.html")
            && run.stderr.contains("NTM_BROWSER"),
        "{}",
        run.stderr
    );
    assert!(!dir.path().join("report.pdf").exists());
    // in Vietnamese, by default
    let run = report_pdf(dir.path(), &[("PATH", path), ("NTM_LANG", "vi")]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("để in báo cáo ra PDF cần Chromium"),
        "{}",
        run.stderr
    );
    // a browser named that is not there
    let run = report_pdf(dir.path(), &[("NTM_BROWSER", "/no/such/chrome")]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("the browser /no/such/chrome named by NTM_BROWSER"),
        "{}",
        run.stderr
    );
    // and never a PDF to standard output, nor HTML in a .pdf
    let run = ntm(&[
        "report",
        &repo("examples/tinh-mau-2022.csv"),
        "--format",
        "pdf",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty());
    let run = ntm(&[
        "report",
        &repo("examples/tinh-mau-2022.csv"),
        "--format",
        "html",
        "-o",
        dir.path().join("x.pdf").to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!dir.path().join("x.pdf").exists());
}

/// A stand-in browser: a shell script that does `body`.
#[cfg(unix)]
fn fake_browser(dir: &Path, body: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join("chromium");
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

#[cfg(unix)]
#[test]
fn a_browser_that_fails_or_prints_no_pdf_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    // found on PATH; it fails, saying why
    fake_browser(&bin, "echo 'cannot open display' >&2\nexit 3");
    let run = report_pdf(dir.path(), &[("PATH", bin.to_str().unwrap())]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("could not print the PDF (exit code 3)")
            && run.stderr.contains("cannot open display"),
        "{}",
        run.stderr
    );
    assert!(!dir.path().join("report.pdf").exists());
    // it succeeds, yet what it wrote is no PDF
    let browser = fake_browser(
        &bin,
        "for a; do case $a in --print-to-pdf=*) echo '<html>' > \"${a#--print-to-pdf=}\";; esac; done",
    );
    let run = report_pdf(dir.path(), &[("NTM_BROWSER", browser.to_str().unwrap())]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("ended without writing a PDF"),
        "{}",
        run.stderr
    );
    assert!(!dir.path().join("report.pdf").exists());
    // it prints: the PDF is written whole, from the page it was given
    let browser = fake_browser(
        &bin,
        "for a; do case $a in --print-to-pdf=*) out=\"${a#--print-to-pdf=}\";; --*) ;; *) page=\"$a\";; esac; done\n\
         { printf '%%PDF-1.7\\n'; cat \"$page\"; } > \"$out\"",
    );
    let run = report_pdf(dir.path(), &[("NTM_BROWSER", browser.to_str().unwrap())]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pdf = std::fs::read_to_string(dir.path().join("report.pdf")).unwrap();
    assert!(
        pdf.starts_with("%PDF-1.7\n<!DOCTYPE html>"),
        "{}",
        &pdf[..40]
    );
    // a note says it is printing, which can take minutes
    let run = ntm_env(
        &[
            "report",
            &repo("examples/tinh-mau-2022.csv"),
            "-c",
            "vn-commune-2021-2025",
            "-o",
            dir.path().join("bao-cao.pdf").to_str().unwrap(),
        ],
        &[("NTM_BROWSER", browser.to_str().unwrap())],
        None,
        None,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "note: đang in PDF bằng {} (139 xã trong phụ lục;",
            browser.display()
        )),
        "{}",
        run.stderr
    );
}
