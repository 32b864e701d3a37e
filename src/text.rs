//! Text normalisation shared by every matcher: Unicode NFC for what is shown, and a folded key
//! (no diacritics, no case, single spaces) for what is matched loosely, such as region names.

use unicode_normalization::{IsNormalized, UnicodeNormalization};

/// Trims `s` and puts it in Unicode NFC, the form every header and name is compared in.
/// Files saved on a Mac arrive decomposed (NFD); this makes `Việt` equal `Việt`.
#[must_use]
pub fn nfc(s: &str) -> String {
    let s = trim(s);
    // Most cells are already NFC (always so when ASCII); the quick check avoids re-composing.
    if is_nfc(s) {
        return s.to_owned();
    }
    s.nfc().collect()
}

/// [`nfc`], written into `out` in place of what it held, so that its room serves again.
pub fn nfc_into(s: &str, out: &mut String) {
    out.clear();
    let s = trim(s);
    if is_nfc(s) {
        out.push_str(s);
    } else {
        out.extend(s.nfc());
    }
}

/// Whether `s` is NFC already, by a glance at its bytes or else the quick check.
fn is_nfc(s: &str) -> bool {
    plainly_nfc(s) || unicode_normalization::is_nfc_quick(s.chars()) == IsNormalized::Yes
}

/// `s` without white space at either end, as `str::trim` gives it. Most cells have none, and
/// their end bytes tell at a glance: a visible ASCII character at both ends needs no trim.
#[must_use]
pub fn trim(s: &str) -> &str {
    let plain = |b: Option<&u8>| b.is_none_or(u8::is_ascii_graphic);
    if plain(s.as_bytes().first()) && plain(s.as_bytes().last()) {
        s
    } else {
        s.trim()
    }
}

/// Whether `s` is NFC by a glance at its bytes: every character is below U+0300 (ASCII and the
/// Latin letters with diacritics in one piece) or in Latin Extended Additional (U+1E00–U+1EFF,
/// where Vietnamese `ạ`, `ố`, `ữ`… live). Each of those is a starter that NFC leaves alone
/// (a test checks every one of them), so a name written in them needs no table lookups.
fn plainly_nfc(s: &str) -> bool {
    let bytes = s.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            0x00..=0x7f => at += 1,
            // two-byte characters up to U+02FF
            0xc2..=0xcb => at += 2,
            // U+1E00–U+1EFF
            0xe1 if matches!(bytes.get(at + 1), Some(0xb8..=0xbb)) => at += 3,
            _ => return false,
        }
    }
    true
}

/// A loose matching key: diacritics removed (`đ` becomes `d`), lower case, runs of spaces,
/// hyphens, dashes and underscores folded to one space. `Đồng bằng sông Hồng`,
/// `dong bang song hong` and `ĐỒNG-BẰNG SÔNG HỒNG` share one key.
#[must_use]
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return fold_ascii(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.nfd() {
        if ('\u{0300}'..='\u{036f}').contains(&c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c,
        };
        if c.is_whitespace() || matches!(c, '-' | '–' | '—' | '_') {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// [`fold`] for ASCII text, which needs no decomposition.
fn fold_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for b in s.bytes() {
        if b.is_ascii_whitespace() || matches!(b, b'-' | b'_' | b'\x0b') {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(char::from(b.to_ascii_lowercase()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_taken_as_nfc_at_a_glance_are_nfc_starters() {
        use unicode_normalization::char::canonical_combining_class;
        let glance = ('\0'..'\u{300}').chain('\u{1e00}'..='\u{1eff}');
        for c in glance {
            let text = c.to_string();
            assert!(plainly_nfc(&text), "{c:?}");
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(
                unicode_normalization::is_nfc_quick(text.chars()),
                IsNormalized::Yes,
                "{c:?}"
            );
        }
        // combining marks and other blocks go the full way
        for text in ["a\u{301}", "\u{300}", "Ω", "\u{1f71}", "Việt\u{323}"] {
            assert!(!plainly_nfc(text), "{text:?}");
        }
        assert!(plainly_nfc("Xã Quảng Phú Cầu, huyện Ứng Hòa"));
    }

    #[test]
    fn nfc_composes_decomposed_text() {
        let decomposed = "Vie\u{0302}\u{0323}t";
        assert_eq!(nfc(decomposed), "Việt");
        // written into a string that held something longer, in either form
        let mut out = String::from("an earlier, longer cell");
        nfc_into(decomposed, &mut out);
        assert_eq!(out, "Việt");
        nfc_into(" Xã ", &mut out);
        assert_eq!(out, "Xã");
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
    fn ascii_fold_agrees_with_the_general_fold() {
        for s in [
            "",
            " ",
            "BTB",
            " Not  met ",
            "a-b_c\td",
            "\x0bX\x0c",
            "TC-19",
            "--x--",
            "Yes",
        ] {
            let general: String = {
                // the general path, forced by a non-ASCII character that folds away
                let mut t = fold(&format!("{s}\u{0301}"));
                if t.ends_with(' ') {
                    t.pop();
                }
                t
            };
            assert_eq!(fold(s), general, "{s:?}");
        }
    }

    #[test]
    fn nfc_fast_path_keeps_trimming() {
        assert_eq!(nfc("  Xã Đông  "), "Xã Đông");
        assert_eq!(nfc(" abc "), "abc");
        assert_eq!(nfc("\u{b}abc\u{b}"), "abc");
        assert_eq!(nfc("\u{a0}Đạt\u{3000}"), "Đạt");
    }
}
