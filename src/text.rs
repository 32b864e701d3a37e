//! Text normalisation shared by every matcher: Unicode NFC for what is shown, and a folded key
//! (no diacritics, no case, single spaces) for what is matched loosely, such as region names;
//! text from the data as tables and messages show it; and the one test of a file name's
//! extension.

use std::borrow::Cow;
use std::fmt::Write as _;

use unicode_normalization::{IsNormalized, UnicodeNormalization};

/// Trims `s`, drops the characters that cannot be seen (see [`is_invisible`]) and puts it in
/// Unicode NFC, the form every header, id and name is compared in. Files saved on a Mac arrive
/// decomposed (NFD); this makes `Việt` equal `Việt`, and `X001` typed after a zero-width space
/// equal `X001`.
#[must_use]
pub fn nfc(s: &str) -> String {
    // (Latin text, Vietnamese in precomposed letters as spreadsheets save it included, has
    // nothing to drop or compose: every letter below U+0300 and of the Latin Extended
    // Additional block is in NFC on its own, as a test checks)
    if s.chars().all(is_latin_nfc) {
        return trim(s).to_owned();
    }
    let visible: std::borrow::Cow<'_, str> = if s.chars().any(is_invisible) {
        s.chars()
            .filter(|&c| !is_invisible(c))
            .collect::<String>()
            .into()
    } else {
        s.into()
    };
    let s = trim(&visible);
    if unicode_normalization::is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s.to_owned()
    } else {
        s.nfc().collect()
    }
}

/// `s` without white space at either end, as [`str::trim`] gives it (Unicode's spaces
/// included), searched for only when an end is white space: most cells start and end with a
/// letter or a digit, and need no search (nor, when that is ASCII, decoding).
#[must_use]
// (every cell of a survey is trimmed, a million in a national file: a call costs as much as
// the test it makes)
#[allow(clippy::inline_always)]
#[inline(always)]
pub fn trim(s: &str) -> &str {
    // The first and last bytes tell most cells apart without decoding: a white space
    // character is ASCII, or its UTF-8 starts with one of four bytes and ends with one of a
    // few (U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
    // (a letter, digit or mark, as most cells start and end with, is tested for first)
    let may_start = |b: Option<&u8>| match b {
        Some(b'!'..=b'~') | None => false,
        Some(b) => matches!(b, b'\t'..=b'\r' | b' ' | 0xC2 | 0xE1..=0xE3),
    };
    let may_end = |b: Option<&u8>| match b {
        Some(b'!'..=b'~') | None => false,
        Some(b) => matches!(
            b,
            b'\t'..=b'\r' | b' ' | 0x80..=0x8A | 0x9F | 0xA0 | 0xA8 | 0xA9 | 0xAF
        ),
    };
    let space = |c: Option<char>| c.is_some_and(char::is_whitespace);
    let s = if may_start(s.as_bytes().first()) && space(s.chars().next()) {
        s.trim_start()
    } else {
        s
    };
    if may_end(s.as_bytes().last()) && space(s.chars().next_back()) {
        s.trim_end()
    } else {
        s
    }
}

/// Whether `c` is a letter (or other character) that is in NFC on its own and cannot be seen
/// missing: below U+0300 (Latin-1 and Latin Extended, where every precomposed Vietnamese
/// vowel without a tone mark lies) but for the soft hyphen, or in the Latin Extended
/// Additional block (U+1E00–U+1EFF, the vowels with tone marks).
fn is_latin_nfc(c: char) -> bool {
    (c < '\u{300}' && c != '\u{ad}') || ('\u{1e00}'..='\u{1eff}').contains(&c)
}

/// Whether `c` takes no room when shown, so that two texts differing by it look the same: the
/// zero-width space, joiners and no-break space, a byte-order mark left inside a cell, the soft
/// hyphen, and the marks that set the direction of text.
#[must_use]
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
    )
}

/// A loose matching key: diacritics removed (`đ` becomes `d`), lower case, runs of spaces,
/// hyphens, dashes and underscores folded to one space. `Đồng bằng sông Hồng`,
/// `dong bang song hong` and `ĐỒNG-BẰNG SÔNG HỒNG` share one key.
#[must_use]
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let mut push = |c: char| {
        // (combining marks are what decomposition leaves of diacritics)
        if ('\u{0300}'..='\u{036f}').contains(&c) {
            return;
        }
        if c.is_whitespace() || matches!(c, '-' | '–' | '—' | '_') {
            pending_space = !out.is_empty();
            return;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        match c {
            'đ' | 'Đ' => out.push('d'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    };
    // Each character is decomposed on its own (ASCII needs nothing): the marks are dropped, so
    // the order a decomposition of the whole string would sort them into does not matter.
    for c in s.chars() {
        if c.is_ascii() {
            push(c);
        } else {
            unicode_normalization::char::decompose_canonical(c, &mut push);
        }
    }
    out
}

/// At most this many characters of one value from the data are shown in a table or a message.
pub const SHOWN_CHARS: usize = 80;

/// A value from the data as a table or a message shows it: its first [`SHOWN_CHARS`]
/// characters, and when it is longer, `…` and its length (`xxxx…(1048576 characters)`), so that
/// a megabyte in one cell neither floods a message nor stalls the layout of a table; and its
/// control characters escaped ([`escape_controls`]), line breaks included, so that the value
/// stays on its line and cannot drive the terminal. Data formats (CSV, JSON, workbooks) write
/// the value whole and as it is.
#[must_use]
pub fn shown(s: &str) -> Cow<'_, str> {
    match clip(s, SHOWN_CHARS) {
        Cow::Borrowed(s) => escape_controls(s, false),
        Cow::Owned(cut) => Cow::Owned(escape_controls(&cut, false).into_owned()),
    }
}

/// `s` cut after `limit` characters, with `…` and its length in characters when it is longer.
#[must_use]
pub fn clip(s: &str, limit: usize) -> Cow<'_, str> {
    let Some((cut, _)) = s.char_indices().nth(limit) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(cut + 24);
    out.push_str(&s[..cut]);
    let _ = write!(out, "…({} characters)", s.chars().count());
    Cow::Owned(out)
}

/// Whether a terminal would act on `c` rather than show it: the C0 and C1 control characters
/// (ESC starts the sequences that move the cursor, set the window title or a link) and DEL,
/// and the marks that reorder text (`U+202A`–`U+202E`, `U+2066`–`U+2069`).
#[must_use]
pub fn is_control(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` with its control characters ([`is_control`]) written out, as Rust writes them: `\t`,
/// `\r`, `\n` and `\u{1b}`; line breaks are kept when `keep_newlines`.
#[must_use]
pub fn escape_controls(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    let escaped = |c: char| is_control(c) && !(keep_newlines && c == '\n');
    if !s.chars().any(escaped) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            c if !escaped(c) => out.push(c),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            c => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
        }
    }
    Cow::Owned(out)
}

#[must_use]
/// Numbers in ascending order as a short list: consecutive runs become ranges (`2022–2025`,
/// `2021, 2023`, `4, 6, 8–10`).
pub fn ranges(ascending: impl IntoIterator<Item = u32>) -> String {
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for y in ascending {
        match runs.last_mut() {
            Some((_, end)) if *end + 1 == y => *end = y,
            _ => runs.push((y, y)),
        }
    }
    runs.iter()
        .map(|&(a, b)| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether the file `path` names has the extension `ext` (given without the dot), in any case:
/// `report.MD` and `report.md` both have `md`. A name that only starts with a dot, such as
/// `.md`, has no extension.
#[must_use]
pub fn extension_is(path: &str, ext: &str) -> bool {
    std::path::Path::new(path)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_values_are_cut_and_their_length_told() {
        assert_eq!(shown("Xã Đồng Tâm"), "Xã Đồng Tâm");
        let exact = "đ".repeat(SHOWN_CHARS);
        assert_eq!(shown(&exact), exact);
        let long = format!("{exact}x");
        assert_eq!(shown(&long), format!("{exact}…(81 characters)"));
        assert_eq!(clip("abcdef", 3), "abc…(6 characters)");
    }

    #[test]
    fn control_characters_are_written_out() {
        assert_eq!(
            shown("a\u{1b}]0;pwned\u{7}b\nc\td\r\u{9b}\u{202e}é"),
            "a\\u{1b}]0;pwned\\u{7}b\\nc\\td\\r\\u{9b}\\u{202e}é"
        );
        assert_eq!(escape_controls("a\nb\u{1b}", true), "a\nb\\u{1b}");
        assert!(matches!(
            escape_controls("Xã Đồng Tâm", false),
            Cow::Borrowed(_)
        ));
        // cut first, then escaped: 80 characters of the value are shown
        let long = "\u{1b}".repeat(100);
        assert_eq!(
            shown(&long),
            format!("{}…(100 characters)", "\\u{1b}".repeat(80))
        );
    }

    #[test]
    fn extensions_match_in_any_case() {
        assert!(extension_is("out/report.md", "md"));
        assert!(extension_is("REPORT.Md", "md"));
        assert!(extension_is("rows.JSONL", "jsonl"));
        assert!(extension_is("Tổng hợp.XLSX", "xlsx"));
        assert!(!extension_is("rows.ndjson", "json"));
        assert!(!extension_is("rows.json.gz", "json"));
        assert!(!extension_is("md", "md"));
        assert!(!extension_is("-", "csv"));
    }

    #[test]
    fn invisible_characters_are_dropped_from_ids_names_and_headers() {
        assert_eq!(nfc("X\u{200b}001"), "X001");
        assert_eq!(nfc("\u{feff}Mã xã"), "Mã xã");
        assert_eq!(nfc("Xã Yên\u{00ad}Lạc\u{200e}"), "Xã YênLạc");
        assert_eq!(nfc("\u{2066}X001\u{2069} "), "X001");
        assert_eq!(nfc("Xã\u{a0}Một"), "Xã\u{a0}Một");
    }

    #[test]
    fn nfc_composes_decomposed_text() {
        let decomposed = "Vie\u{0302}\u{0323}t";
        assert_eq!(nfc(decomposed), "Việt");
        assert_eq!(nfc("  Đạt \t"), "Đạt");
    }

    #[test]
    fn fold_removes_diacritics_case_and_separators() {
        assert_eq!(fold("Đồng bằng sông Hồng"), "dong bang song hong");
        assert_eq!(fold("ĐỒNG-BẰNG  SÔNG_HỒNG"), "dong bang song hong");
        assert_eq!(fold("ĐBSH"), "dbsh");
        assert_eq!(fold(" Không đạt "), "khong dat");
        assert_eq!(fold("Cơ bản đạt"), "co ban dat");
    }

    #[test]
    fn fold_treats_ascii_white_space_as_a_separator() {
        assert_eq!(fold(" Not  met "), "not met");
        assert_eq!(fold("a-b_c\td"), "a b c d");
        assert_eq!(fold("\x0bX\x0c"), "x");
        assert_eq!(fold("--x--"), "x");
    }

    #[test]
    fn trim_is_str_trim() {
        for s in [
            "",
            " ",
            "a",
            " a ",
            "\u{a0}Đạt\u{3000}",
            "Đạt",
            "Không đạt\t",
            "\u{b}x\u{b}",
            "\u{85}x",
            "x\u{2028}",
            "\u{1f}x\u{7f}",
            "Xã Một",
            " 45,5 ",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn every_white_space_character_starts_and_ends_as_trim_looks_for() {
        // (the bytes only say where to look: what is not white space is never trimmed)
        for c in (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
        {
            assert_eq!(trim(&format!("{c}x{c}")), "x", "{c:?}");
        }
    }

    #[test]
    fn latin_letters_taken_as_they_are_are_in_nfc_and_visible() {
        for c in (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|&c| is_latin_nfc(c))
        {
            let text = c.to_string();
            assert_eq!(text.nfc().collect::<String>(), text, "{c:?}");
            assert!(!is_invisible(c), "{c:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn trim_is_str_trim_on_any_text(s in "\\PC*|[ \\t\\x0b\\u{a0}\\u{3000}a-zĐạ]{0,6}") {
            proptest::prop_assert_eq!(trim(&s), s.trim());
        }
    }

    #[test]
    fn nfc_trims_every_kind_of_space() {
        assert_eq!(nfc("  Xã Đông  "), "Xã Đông");
        assert_eq!(nfc(" abc "), "abc");
        assert_eq!(nfc("\u{b}abc\u{b}"), "abc");
        assert_eq!(nfc("\u{a0}Đạt\u{3000}"), "Đạt");
    }
}
