//! What a run of `ntm` takes from the process it runs in besides its arguments: today's date,
//! whether standard output and standard error are terminals, the table width, how chatty to
//! be, and where a browser to print PDFs may be. Read once at the top ([`Env::detect`]) and handed down, so that nothing below asks the
//! clock or the terminal itself, and tests can give any of them.

use std::io::{self, IsTerminal};
use std::path::PathBuf;

use crate::criteria::Date;
use crate::lang::Lang;
use crate::render::pdf::{self, BrowserChoice};

/// How much `ntm` says on standard error besides errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verbosity {
    /// `-q`: errors only; no warnings, no progress ticker.
    Quiet,
    /// Warnings, with repeated row warnings capped.
    Normal,
    /// `-v`: every row warning, uncapped.
    Verbose,
}

/// The facts of the process a run depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Env {
    /// Today's date in Vietnam (UTC+7): it picks the criteria set in force and dates a report.
    pub today: Date,
    /// Whether standard output is a terminal: tables are the default format there.
    pub stdout_is_terminal: bool,
    /// Whether the process was started with its standard output closed (`>&-`): what would be
    /// written there would be lost without a word, so a command that writes there fails.
    pub stdout_closed: bool,
    /// Whether standard error is a terminal: the progress ticker shows only there.
    pub stderr_is_terminal: bool,
    /// The width tables are fitted to: the terminal's, or 80 columns off a terminal.
    pub table_width: u16,
    /// `-q`, `-v` or neither.
    pub verbosity: Verbosity,
    /// The language of messages, help and labels ([`Lang::chosen`]).
    pub lang: Lang,
    /// Where to find a browser to print a PDF: `NTM_BROWSER` and `PATH`.
    pub browser: BrowserChoice,
}

impl Env {
    /// The facts of this process, with the verbosity the command line chose.
    #[must_use]
    pub fn detect(verbosity: Verbosity) -> Env {
        let stdout_is_terminal = io::stdout().is_terminal();
        let table_width = if stdout_is_terminal {
            comfy_table::Table::new().width().unwrap_or(80)
        } else {
            80
        };
        Env {
            today: today(),
            stdout_is_terminal,
            stdout_closed: stdout_closed(),
            stderr_is_terminal: io::stderr().is_terminal(),
            table_width,
            verbosity,
            lang: Lang::default(),
            browser: BrowserChoice {
                named: std::env::var_os(pdf::ENV_VAR)
                    .filter(|v| !v.is_empty())
                    .map(PathBuf::from),
                search_path: std::env::var_os("PATH"),
            },
        }
    }

    /// How many row warnings of one kind are shown: all of them with `-v`.
    #[must_use]
    pub fn max_row_warnings(&self) -> usize {
        if self.verbosity == Verbosity::Verbose {
            usize::MAX
        } else {
            MAX_ROW_WARNINGS
        }
    }
}

/// At most this many per-row warnings of one kind are listed, unless `-v`; the rest are counted.
const MAX_ROW_WARNINGS: usize = 20;

impl Default for Env {
    /// A run off any terminal, on 15/02/2026 (when the 2026–2030 set came into force): what tests
    /// start from.
    fn default() -> Env {
        Env {
            today: Date {
                year: 2026,
                month: 2,
                day: 15,
            },
            stdout_is_terminal: false,
            stdout_closed: false,
            stderr_is_terminal: false,
            table_width: 80,
            verbosity: Verbosity::Normal,
            lang: Lang::Vi,
            browser: BrowserChoice::default(),
        }
    }
}

/// Whether the process was started with standard output closed. The runtime opens
/// `/dev/null` for reading and writing in the place of a closed standard descriptor before
/// `main`, and a write there is lost without a word; so a standard output that is `/dev/null`
/// opened for reading and writing is taken as closed (a shell's `> /dev/null` opens it for
/// writing only).
#[cfg(unix)]
#[must_use]
pub fn stdout_closed() -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::MetadataExt;
    let stdout = io::stdout();
    let fd = stdout.as_fd();
    let Ok(flags) = rustix::fs::fcntl_getfl(fd) else {
        return true;
    };
    if !flags.contains(rustix::fs::OFlags::RDWR) {
        return false;
    }
    let (Ok(stat), Ok(null)) = (rustix::fs::fstat(fd), std::fs::metadata("/dev/null")) else {
        return false;
    };
    rustix::fs::FileType::from_raw_mode(stat.st_mode) == rustix::fs::FileType::CharacterDevice
        && stat.st_rdev == null.rdev()
}

/// Whether the process was started with standard output closed: not known off Unix, so never.
#[cfg(not(unix))]
#[must_use]
pub fn stdout_closed() -> bool {
    false
}

/// Today's date in Vietnam (UTC+7), from the system clock.
fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_date((secs + 7 * 3600) / 86_400)
}

/// The calendar date `days` days after 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_date(days: u64) -> Date {
    let z = i64::try_from(days).unwrap_or(0) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date {
        year: u16::try_from(year).unwrap_or(u16::MAX),
        month: u8::try_from(month).unwrap_or(1),
        day: u8::try_from(day).unwrap_or(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0).to_string(), "01/01/1970");
        assert_eq!(civil_date(19_059).to_string(), "08/03/2022");
        assert_eq!(civil_date(20_499).to_string(), "15/02/2026");
    }

    #[test]
    fn row_warnings_are_capped_unless_verbose() {
        let env = Env::default();
        assert_eq!(env.max_row_warnings(), MAX_ROW_WARNINGS);
        let verbose = Env {
            verbosity: Verbosity::Verbose,
            ..env
        };
        assert_eq!(verbose.max_row_warnings(), usize::MAX);
    }
}
