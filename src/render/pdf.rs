//! The report as a PDF: its HTML printed by a Chromium-family browser (Chromium, Google
//! Chrome or Microsoft Edge) run headless, which honours the page's A4 `@page` rules and page
//! numbers. No Rust crate lays out HTML and CSS for print as a browser does, and every office
//! computer has one of these browsers; without one, `ntm` says what to run instead and writes
//! nothing.
//!
//! The browser is the one `NTM_BROWSER` (or `browser` under `[report]` in `ntm.toml`) names,
//! else the first of [`NAMES`] on `PATH`, else (on Windows and macOS) one installed in its usual
//! place. It prints a temporary copy of the page into a temporary folder; the PDF is checked to
//! be one before it is written whole to the output.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};
use crate::msg::Msg;

/// The environment variable naming the browser that prints PDFs.
pub const ENV_VAR: &str = "NTM_BROWSER";

/// The browsers looked for on `PATH`, in this order.
pub const NAMES: [&str; 7] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "msedge",
    "microsoft-edge",
];

/// Where the browsers are installed when `PATH` does not name them.
#[cfg(windows)]
const INSTALLED: [&str; 4] = [
    r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
    r"C:\Program Files\Microsoft\Edge\Application\msedge.exe",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
];
#[cfg(target_os = "macos")]
const INSTALLED: [&str; 3] = [
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
];
#[cfg(not(any(windows, target_os = "macos")))]
const INSTALLED: [&str; 0] = [];

/// How long the browser may take to print before it is stopped: a national report of 10,600
/// communes (about a thousand pages) takes two minutes here, and an office laptop may be
/// slower.
const TIME_LIMIT: Duration = Duration::from_secs(900);

/// What a run knows of where to find a browser: read from the process once, at the top.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BrowserChoice {
    /// The browser named by `NTM_BROWSER` or the configuration, if any.
    pub named: Option<PathBuf>,
    /// The `PATH` to search.
    pub search_path: Option<OsString>,
}

impl BrowserChoice {
    /// The browser to print with.
    ///
    /// # Errors
    /// A usage error when the named browser does not exist, or when none is found: it says
    /// how to make the PDF without `ntm` printing it.
    pub fn find(&self) -> Result<PathBuf> {
        if let Some(named) = &self.named {
            let found = if named.components().count() > 1 {
                named.is_file().then(|| named.clone())
            } else {
                which::which_in(named, self.search_path.as_ref(), ".").ok()
            };
            return found.ok_or_else(|| {
                Error::usage(Msg::BrowserNotFound {
                    browser: named.display().to_string(),
                })
            });
        }
        NAMES
            .iter()
            .find_map(|name| which::which_in(name, self.search_path.as_ref(), ".").ok())
            .or_else(|| {
                INSTALLED
                    .iter()
                    .map(PathBuf::from)
                    .find(|path| path.is_file())
            })
            .ok_or_else(|| Error::usage(Msg::NoBrowserForPdf))
    }
}

/// Prints `html`, a whole self-contained page, to PDF with `browser`, and returns the PDF.
///
/// # Errors
/// When the temporary folder cannot be made, the browser cannot be started, fails, takes more
/// than two minutes, or writes something that is not a PDF.
pub fn print(browser: &Path, html: &[u8]) -> Result<Vec<u8>> {
    let dir = tempfile::Builder::new()
        .prefix("ntm-pdf-")
        .tempdir()
        .map_err(|source| Error::Io {
            path: std::env::temp_dir().display().to_string(),
            source,
        })?;
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| Error::Io { path, source }
    };
    let page = dir.path().join("report.html");
    std::fs::write(&page, html).map_err(io(&page))?;
    let pdf = dir.path().join("report.pdf");
    let log = dir.path().join("browser.log");
    let log_file = std::fs::File::create(&log).map_err(io(&log))?;
    let name = browser.display().to_string();
    let mut child = Command::new(browser)
        .args([
            "--headless",
            // the page is ntm's own, self-contained, and fetches nothing; a sandbox cannot start
            // for root (in containers and CI), where Chromium refuses to run without this
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(flag("--user-data-dir=", &dir.path().join("profile")))
        .arg(flag("--print-to-pdf=", &pdf))
        .arg(&page)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log_file)
        .spawn()
        .map_err(|e| {
            Error::usage(Msg::PdfBrowserNotStarted {
                browser: name.clone(),
                error: e.to_string(),
            })
        })?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait().map_err(io(browser))? {
            Some(status) => break status,
            None if started.elapsed() > TIME_LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(Error::usage(Msg::PdfTimedOut {
                    browser: name,
                    seconds: TIME_LIMIT.as_secs(),
                }));
            }
            None => std::thread::sleep(Duration::from_millis(50)),
        }
    };
    // the last lines the browser wrote, which say why it failed
    let said = {
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        lines[lines.len().saturating_sub(3)..].join(" / ")
    };
    if !status.success() {
        return Err(Error::usage(Msg::PdfFailed {
            browser: name,
            code: status.code(),
            said,
        }));
    }
    let bytes = std::fs::read(&pdf).unwrap_or_default();
    if !bytes.starts_with(b"%PDF-") {
        return Err(Error::usage(Msg::PdfNotWritten {
            browser: name,
            said,
        }));
    }
    Ok(bytes)
}

/// `--name=PATH`, for a path that need not be UTF-8.
fn flag(name: &str, path: &Path) -> OsString {
    let mut flag = OsString::from(name);
    flag.push(path);
    flag
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_named_browser_that_does_not_exist_is_an_error_naming_it() {
        let choice = BrowserChoice {
            named: Some(PathBuf::from("/no/such/chromium")),
            search_path: None,
        };
        let err = choice.find().unwrap_err().to_string();
        assert!(err.contains("/no/such/chromium"), "{err}");
    }

    #[test]
    fn browsers_are_found_on_the_path_given() {
        let dir = tempfile::tempdir().unwrap();
        let empty = BrowserChoice {
            named: None,
            search_path: Some(dir.path().as_os_str().to_owned()),
        };
        if INSTALLED.is_empty() {
            assert!(empty.find().is_err());
        }
        let browser = dir.path().join(if cfg!(windows) {
            "msedge.exe"
        } else {
            "msedge"
        });
        std::fs::write(&browser, "").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        assert_eq!(empty.find().unwrap(), browser);
        let by_name = BrowserChoice {
            named: Some(PathBuf::from("msedge")),
            ..empty
        };
        assert_eq!(by_name.find().unwrap(), browser);
    }
}
