//! What goes to standard error besides data: `warning:` and `note:` lines dropped with `-q`,
//! the `error:`, `warning:` and `note:` prefixes — with the problem's code, when it has one
//! (`error[not-a-number]:`) — coloured or not (`--color`, `NO_COLOR`), and
//! any control character a message carries from the data written out, so that it reaches the
//! terminal as text.
//!
//! Data goes to standard output only; everything here concerns standard error.

use std::io::{self, Write};

use crate::text::escape_controls;

/// When to colour standard error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorChoice {
    /// Never.
    Never,
    /// On a terminal, unless `NO_COLOR` is set to a non-empty value.
    Auto,
    /// Always, even into a file or pipe.
    Always,
}

impl ColorChoice {
    /// Whether to colour a stream, given whether it is a terminal and the `NO_COLOR` variable.
    #[must_use]
    pub fn enabled(self, is_terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
        match self {
            ColorChoice::Never => false,
            ColorChoice::Always => true,
            ColorChoice::Auto => is_terminal && no_color.is_none_or(std::ffi::OsStr::is_empty),
        }
    }
}

/// Standard error as `ntm` writes to it: whole lines, `warning:` lines dropped when quiet,
/// `error:` and `warning:` prefixes coloured when asked, control characters written out
/// (`\u{1b}`).
pub struct Diagnostics<W: Write> {
    inner: W,
    color: bool,
    quiet: bool,
    line: Vec<u8>,
}

const RED_BOLD: &str = "\x1b[1;31m";
const YELLOW_BOLD: &str = "\x1b[1;33m";
const CYAN_BOLD: &str = "\x1b[1;36m";
const RESET: &str = "\x1b[0m";

impl<W: Write> Diagnostics<W> {
    /// Wraps `inner`; `color` colours the prefixes, `quiet` drops warnings.
    pub fn new(inner: W, color: bool, quiet: bool) -> Self {
        Diagnostics {
            inner,
            color,
            quiet,
            line: Vec::new(),
        }
    }

    fn emit_line(&mut self) -> io::Result<()> {
        let taken = std::mem::take(&mut self.line);
        let text = String::from_utf8_lossy(&taken);
        let (body, end) = match text.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (&*text, ""),
        };
        let line = format!("{}{end}", escape_controls(body, false)).into_bytes();
        if let Some((length, kind)) = prefix(&line) {
            if self.quiet && kind != "error" {
                return Ok(());
            }
            if self.color {
                let style = match kind {
                    "error" => RED_BOLD,
                    "warning" => YELLOW_BOLD,
                    _ => CYAN_BOLD,
                };
                self.inner.write_all(style.as_bytes())?;
                self.inner.write_all(&line[..length])?;
                self.inner.write_all(RESET.as_bytes())?;
                return self.inner.write_all(&line[length..]);
            }
        }
        self.inner.write_all(&line)
    }
}

/// The prefix `line` starts with, if any, and its kind: `error:`, `warning:` or `note:`, the
/// first two also with the code of the problem they tell of (`error[not-a-number]:`).
fn prefix(line: &[u8]) -> Option<(usize, &'static str)> {
    ["error", "warning", "note"].into_iter().find_map(|kind| {
        let rest = line.strip_prefix(kind.as_bytes())?;
        if rest.starts_with(b":") {
            return Some((kind.len() + 1, kind));
        }
        let code = rest.strip_prefix(b"[").filter(|_| kind != "note")?;
        let end = code.iter().position(|&b| b == b']')?;
        let is_code = end > 0
            && code[..end]
                .iter()
                .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        (is_code && code.get(end + 1) == Some(&b':')).then_some((kind.len() + end + 3, kind))
    })
}

impl<W: Write> Write for Diagnostics<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        for &b in buf {
            self.line.push(b);
            if b == b'\n' {
                self.emit_line()?;
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.line.is_empty() {
            self.emit_line()?;
        }
        self.inner.flush()
    }
}

impl<W: Write> Drop for Diagnostics<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    fn through(color: bool, quiet: bool, text: &str) -> String {
        let mut out = Vec::new();
        {
            let mut d = Diagnostics::new(&mut out, color, quiet);
            // written in pieces, as formatting code does
            for piece in text.split_inclusive(' ') {
                d.write_all(piece.as_bytes()).unwrap();
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn plain_lines_pass_unchanged() {
        let text = "warning: a\nerror: b\nother\nno newline";
        assert_eq!(through(false, false, text), text);
    }

    #[test]
    fn quiet_drops_warnings_only() {
        assert_eq!(
            through(false, true, "warning: a\nerror: b\nwarning: c\n"),
            "error: b\n"
        );
        assert_eq!(
            through(
                false,
                true,
                "warning[unknown-column]: a\nerror[duplicate-id]: b\n"
            ),
            "error[duplicate-id]: b\n"
        );
    }

    #[test]
    fn colour_wraps_the_prefix_only() {
        assert_eq!(
            through(true, false, "error: bad\nwarning: odd\nplain\n"),
            "\x1b[1;31merror:\x1b[0m bad\n\x1b[1;33mwarning:\x1b[0m odd\nplain\n"
        );
        // with the code of the problem
        assert_eq!(
            through(
                true,
                false,
                "error[not-a-number]: a.csv:2: bad\nwarning[unknown-column]: odd\n"
            ),
            "\x1b[1;31merror[not-a-number]:\x1b[0m a.csv:2: bad\n\x1b[1;33mwarning[unknown-column]:\x1b[0m odd\n"
        );
        // what only looks like one is plain text
        assert_eq!(
            through(true, false, "error[x y]: a\nnote[x]: b\nerrors: c\n"),
            "error[x y]: a\nnote[x]: b\nerrors: c\n"
        );
    }

    #[test]
    fn control_characters_are_written_out_but_colour_is_not() {
        assert_eq!(
            through(true, false, "error: a\u{1b}]8;;x\u{7}b\r\n"),
            "\x1b[1;31merror:\x1b[0m a\\u{1b}]8;;x\\u{7}b\\r\n"
        );
    }

    #[test]
    fn auto_colours_a_terminal_unless_no_color() {
        assert!(ColorChoice::Auto.enabled(true, None));
        assert!(!ColorChoice::Auto.enabled(false, None));
        assert!(!ColorChoice::Auto.enabled(true, Some(OsStr::new("1"))));
        assert!(ColorChoice::Auto.enabled(true, Some(OsStr::new(""))));
        assert!(ColorChoice::Always.enabled(false, Some(OsStr::new("1"))));
        assert!(!ColorChoice::Never.enabled(true, None));
    }
}
