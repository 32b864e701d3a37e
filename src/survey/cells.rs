//! Parsing data cells as analysts type them in Excel: verdicts in Vietnamese or English, yes/no
//! in every common spelling, and numbers with a decimal point or a decimal comma.

use crate::criteria::Verdict;
use crate::msg::NumberProblem;
use crate::text::{fold, trim};

/// Reads a verdict word: Đạt / Không đạt / Chưa đạt / Cơ bản đạt and the yes/no spellings
/// (Có/Không, yes/no, true/false, 1/0, x). `None` when the cell is not a verdict.
#[must_use]
pub fn parse_verdict(cell: &str) -> Option<Verdict> {
    let key = fold(cell);
    verdict_word(&key).or(match key.as_str() {
        "co" | "yes" | "y" | "true" | "1" | "x" => Some(Verdict::Met),
        "khong" | "no" | "n" | "false" | "0" => Some(Verdict::NotMet),
        _ => None,
    })
}

/// The verdict cells of one survey as read so far. A survey spells its verdicts a handful of
/// ways ("Đạt", "Không đạt", "x" …) in tens of thousands of cells; each spelling is read by
/// [`parse_verdict`] and [`parse_verdict_word`] once and found again after, which spares
/// folding every cell.
///
/// A spelling kept is found by its length: of the few a survey uses, nearly always only one has
/// a given length, so that finding it is one comparison. (A search through them, stopping at
/// a different place for each cell as "Đạt", "Không đạt", "Cơ bản đạt" and blanks follow each
/// other, made the processor guess wrong about once a cell: some 6 % of the time of scoring
/// a national file.)
#[derive(Debug)]
pub struct VerdictSpellings {
    kept: Vec<Spelling>,
    /// For each length up to [`LONGEST`] bytes, the place in `kept` (from 1) of the only
    /// spelling kept with that length; [`NONE`] or [`SEVERAL`].
    by_length: [u8; LONGEST + 1],
}

/// The longest spelling found by its length; longer ones are searched.
const LONGEST: usize = 32;
/// No spelling kept has that length.
const NONE: u8 = 0;
/// More than one spelling kept has that length: they are searched.
const SEVERAL: u8 = u8::MAX;

/// A spelling read, with what [`parse_verdict`] and [`parse_verdict_word`] make of it.
#[derive(Debug)]
struct Spelling {
    text: String,
    verdict: Option<Verdict>,
    word: Option<Verdict>,
}

impl Default for VerdictSpellings {
    fn default() -> Self {
        VerdictSpellings {
            kept: Vec::new(),
            by_length: [NONE; LONGEST + 1],
        }
    }
}

impl VerdictSpellings {
    /// Spellings kept at most; others are read each time.
    const MAX: usize = 16;

    /// [`parse_verdict`]`(cell)`.
    pub fn parse(&mut self, cell: &str) -> Option<Verdict> {
        match self.kept(cell.as_bytes()) {
            Some(spelling) => spelling.verdict,
            None => self.read(cell).0,
        }
    }

    /// The verdict of a cell whose bytes, as the file holds them, are a spelling kept: so
    /// spelt, it needs no check, trim or reading again. `None` when it is not one (it may still
    /// be a verdict: read it with [`VerdictSpellings::parse`]).
    #[must_use]
    #[inline]
    pub fn known(&self, cell: &[u8]) -> Option<Verdict> {
        self.kept(cell).and_then(|spelling| spelling.verdict)
    }

    /// [`parse_verdict_word`]`(cell)`, for a cell of a measured indicator: a number is told by
    /// its first byte and not kept.
    pub fn parse_word(&mut self, cell: &str) -> Option<Verdict> {
        if starts_as_number(trim(cell)) {
            return None;
        }
        match self.kept(cell.as_bytes()) {
            Some(spelling) => spelling.word,
            None => self.read(cell).1,
        }
    }

    /// The spelling kept whose text is `cell`'s bytes.
    #[inline]
    fn kept(&self, cell: &[u8]) -> Option<&Spelling> {
        match self.by_length.get(cell.len()) {
            Some(&NONE) => None,
            Some(&SEVERAL) | None => self
                .kept
                .iter()
                .find(|spelling| spelling.text.as_bytes() == cell),
            Some(&at) => {
                let spelling = &self.kept[usize::from(at - 1)];
                (spelling.text.as_bytes() == cell).then_some(spelling)
            }
        }
    }

    /// Reads a spelling not kept, and keeps it if there is room (apart from
    /// [`VerdictSpellings::parse`], which is small enough to be inlined where every verdict
    /// cell is read).
    #[cold]
    fn read(&mut self, cell: &str) -> (Option<Verdict>, Option<Verdict>) {
        let (verdict, word) = (parse_verdict(cell), parse_verdict_word(cell));
        if self.kept.len() < Self::MAX {
            if let Some(slot) = self.by_length.get_mut(cell.len()) {
                *slot = match *slot {
                    NONE => u8::try_from(self.kept.len() + 1).unwrap_or(SEVERAL),
                    _ => SEVERAL,
                };
            }
            self.kept.push(Spelling {
                text: cell.to_owned(),
                verdict,
                word,
            });
        }
        (verdict, word)
    }
}

/// Whether `cell` (trimmed) starts as a number does: no folded key starting with a digit, `.`,
/// `,` or `+` is a verdict word (told by the first byte: ASCII characters are single bytes, and
/// no other starts with one).
fn starts_as_number(cell: &str) -> bool {
    cell.as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'+'))
}

/// Reads only the verdict words proper (Đạt, Không đạt, Chưa đạt, Cơ bản đạt, and English
/// met / not met / basically met), as accepted in a measured indicator's column in place of a
/// number, where `1` or `0` must stay numbers.
#[must_use]
pub fn parse_verdict_word(cell: &str) -> Option<Verdict> {
    let cell = trim(cell);
    if starts_as_number(cell) {
        return None;
    }
    verdict_word(&fold(cell))
}

/// The verdict a folded key (see [`fold`]) names, if it is a verdict word proper.
fn verdict_word(key: &str) -> Option<Verdict> {
    match key {
        "dat" | "met" => Some(Verdict::Met),
        "khong dat" | "chua dat" | "not met" => Some(Verdict::NotMet),
        "co ban dat" | "basically met" => Some(Verdict::BasicallyMet),
        _ => None,
    }
}

/// Parses a number as typed in a Vietnamese or English spreadsheet.
///
/// The rule, written for people in docs/survey-file.md:
/// - `.` or `,` is the decimal mark: `45.5` and `45,5` are both 45.5;
/// - thousands separators are read when they cannot be mistaken: a mark repeated between groups
///   of three digits (`45.000.000`, `1,234,567`), or both marks with the last one decimal
///   (`1.234,5`, `1,234.5`);
/// - one mark followed by exactly three digits after a non-zero whole part (`45,000`, `1.234`)
///   is ambiguous and rejected;
/// - with `percent`, a trailing `%` is allowed and the value must lie in 0–100;
/// - the indicator's `unit` may follow the number, whole or shortened (`45 triệu` for
///   `triệu đồng/người/năm`); spaces, including non-breaking ones, are ignored.
pub fn parse_number(cell: &str, percent: bool, unit: Option<&str>) -> Result<f64, NumberProblem> {
    // (`str::trim` also removes the non-breaking space that spreadsheets write)
    let mut s = trim(cell);
    // a unit written after the number (looked for only in a cell with a byte no number is
    // written with: most are digits and marks alone)
    if !s
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'-' | b'+' | b'%'))
    {
        s = without_unit(s, unit)?;
    }
    if let Some(rest) = s.strip_suffix('%') {
        if !percent {
            return Err(NumberProblem::UnexpectedPercent);
        }
        s = trim(rest);
    }
    let (sign, unsigned) = match s.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, s.strip_prefix('+').unwrap_or(s)),
    };
    let value = sign * plain_number(unsigned)?;
    if !value.is_finite() {
        return Err(NumberProblem::NotANumber);
    }
    if percent && !(0.0..=100.0).contains(&value) {
        return Err(NumberProblem::PercentOutOfRange);
    }
    Ok(value)
}

/// `s` without the unit written after its number, when that is `unit`, whole or shortened:
/// the number is what comes before the first character that is neither a digit, a mark, a sign,
/// `%` nor white space, and must end in white space. Text that is not so is left for the
/// number's own check.
fn without_unit<'a>(s: &'a str, unit: Option<&str>) -> Result<&'a str, NumberProblem> {
    let end = s
        .find(|c: char| {
            !(c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+' | '%') || c.is_whitespace())
        })
        .unwrap_or(s.len());
    if end == s.len() || end == 0 || !s[..end].ends_with(char::is_whitespace) {
        return Ok(s);
    }
    let suffix = fold(&s[end..]);
    let allowed = unit.is_some_and(|u| {
        let u = fold(u);
        !suffix.is_empty()
            && (u.starts_with(&suffix) || u.replace(' ', "").starts_with(&suffix.replace(' ', "")))
    });
    if allowed {
        Ok(s[..end].trim())
    } else {
        Err(NumberProblem::UnexpectedUnit)
    }
}

/// Powers of ten to 10¹⁵, each exact as an `f64`.
const POWERS: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// The value of digits with `.` and `,` as a person wrote them, once the marks are told apart;
/// anything else than digits and marks, or a mark at either end, is not a number.
fn plain_number(s: &str) -> Result<f64, NumberProblem> {
    // One pass counts the marks, finds the last and reads the digits, marks left out, as an
    // integer (ASCII characters are single bytes, and no other has an ASCII byte): what the
    // marks are then only says where the decimal point goes.
    let (mut dots, mut commas, mut last) = (0usize, 0usize, 0);
    let (mut digits, mut integer) = (0usize, 0u64);
    for (i, b) in s.bytes().enumerate() {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                integer = integer.wrapping_mul(10).wrapping_add(u64::from(b - b'0'));
            }
            b'.' => (dots, last) = (dots + 1, i),
            b',' => (commas, last) = (commas + 1, i),
            _ => return Err(NumberProblem::NotANumber),
        }
    }
    if !s.as_bytes().first().is_some_and(u8::is_ascii_digit)
        || !s.as_bytes().last().is_some_and(u8::is_ascii_digit)
    {
        return Err(NumberProblem::NotANumber);
    }
    let groups = |parts: &[&str]| {
        parts[0].len() <= 3 && !parts[0].is_empty() && parts[1..].iter().all(|p| p.len() == 3)
    };
    let (whole, fraction) = (&s[..last], &s[last + 1..]);
    let decimal_mark = match (dots, commas) {
        (0, 0) => None,
        (1, 0) | (0, 1) => {
            if fraction.len() == 3 && whole != "0" && whole.len() <= 3 {
                return Err(NumberProblem::Ambiguous);
            }
            Some(last)
        }
        (_, 0) | (0, _) => {
            let mark = if dots > 0 { '.' } else { ',' };
            let parts: Vec<&str> = s.split(mark).collect();
            if !groups(&parts) {
                return Err(NumberProblem::Malformed);
            }
            None
        }
        _ => {
            // both marks: the last one is the decimal mark, the other separates thousands
            let mark = s.as_bytes()[last];
            if whole.as_bytes().contains(&mark) {
                return Err(NumberProblem::Malformed);
            }
            let separator = if mark == b'.' { ',' } else { '.' };
            let parts: Vec<&str> = whole.split(separator).collect();
            if parts.len() <= 1 || !groups(&parts) {
                return Err(NumberProblem::Malformed);
            }
            Some(last)
        }
    };
    // Up to fifteen digits (below 2⁵³) the integer is exact, and one division by an exact
    // power of ten rounds correctly (Clinger's fast path, which the standard library takes for
    // such text too); a longer number is written out plainly and read by the standard library.
    if digits > 15 {
        let plain: String = s
            .bytes()
            .enumerate()
            .filter_map(|(i, b)| match b {
                b'0'..=b'9' => Some(char::from(b)),
                _ if Some(i) == decimal_mark => Some('.'),
                _ => None,
            })
            .collect();
        return plain.parse().map_err(|_| NumberProblem::NotANumber);
    }
    let decimals = decimal_mark.map_or(0, |at| s.len() - at - 1);
    #[allow(clippy::cast_precision_loss)] // below 10¹⁵: exact
    Ok(integer as f64 / POWERS[decimals])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdict_words_in_every_spelling() {
        for met in [
            "Đạt", "đạt", "ĐẠT", " Dat ", "Có", "yes", "TRUE", "1", "x", "X",
        ] {
            assert_eq!(parse_verdict(met), Some(Verdict::Met), "{met}");
        }
        for not_met in [
            "Không đạt",
            "không đạt",
            "Chưa đạt",
            "Không",
            "no",
            "false",
            "0",
        ] {
            assert_eq!(parse_verdict(not_met), Some(Verdict::NotMet), "{not_met}");
        }
        assert_eq!(parse_verdict("Cơ bản đạt"), Some(Verdict::BasicallyMet));
        assert_eq!(parse_verdict("cơ bản  đạt"), Some(Verdict::BasicallyMet));
        // decomposed input, as saved on a Mac
        assert_eq!(
            parse_verdict("C\u{01a1} ba\u{0309}n \u{0111}a\u{0323}t"),
            Some(Verdict::BasicallyMet)
        );
        assert_eq!(parse_verdict("maybe"), None);
        assert_eq!(parse_verdict("2"), None);
    }

    #[test]
    fn spellings_read_once_give_what_parse_verdict_gives() {
        let mut spellings = VerdictSpellings::default();
        let cells: Vec<String> = [
            "Đạt",
            "x",
            "Không đạt",
            "maybe",
            "Đạt",
            "",
            "ĐẠT",
            "x",
            "1",
            "12,5",
            "+",
        ]
        .into_iter()
        .map(str::to_owned)
        .chain((0..40).map(|i| format!("ghi chú {i}")))
        .chain(["Cơ bản đạt".to_owned(), "không".to_owned()])
        .collect();
        for _ in 0..2 {
            for cell in &cells {
                assert_eq!(spellings.parse(cell), parse_verdict(cell), "{cell:?}");
                assert_eq!(
                    spellings.parse_word(cell),
                    parse_verdict_word(cell),
                    "{cell:?}"
                );
            }
        }
        assert_eq!(spellings.kept.len(), VerdictSpellings::MAX);
    }

    #[test]
    fn a_cell_is_known_by_its_bytes_only_as_a_verdict_read_before() {
        let mut spellings = VerdictSpellings::default();
        assert_eq!(spellings.known("Đạt".as_bytes()), None);
        assert_eq!(spellings.parse("Đạt"), Some(Verdict::Met));
        assert_eq!(spellings.parse("maybe"), None);
        assert_eq!(spellings.known("Đạt".as_bytes()), Some(Verdict::Met));
        // other bytes are read the long way: trimmed, checked, and reported if no verdict
        assert_eq!(spellings.known(" Đạt".as_bytes()), None);
        assert_eq!(spellings.known(b"maybe"), None);
        assert_eq!(spellings.known(b"\xc4"), None);
    }

    #[test]
    fn spellings_of_one_length_and_long_ones_are_each_known_as_themselves() {
        let mut spellings = VerdictSpellings::default();
        // "Đạt" and "Không" are both six bytes; the last is longer than the lengths looked up
        let long = format!("Cơ bản{}đạt", " ".repeat(30));
        assert_eq!(spellings.parse("Đạt"), Some(Verdict::Met));
        assert_eq!(spellings.known("Không".as_bytes()), None, "not kept yet");
        assert_eq!(spellings.known("Đạt".as_bytes()), Some(Verdict::Met));
        assert_eq!(spellings.parse("Không"), Some(Verdict::NotMet));
        assert_eq!(spellings.parse(&long), Some(Verdict::BasicallyMet));
        for _ in 0..2 {
            assert_eq!(spellings.known("Đạt".as_bytes()), Some(Verdict::Met));
            assert_eq!(spellings.known("Không".as_bytes()), Some(Verdict::NotMet));
            assert_eq!(
                spellings.known(long.as_bytes()),
                Some(Verdict::BasicallyMet)
            );
            assert_eq!(spellings.known("Đạx".as_bytes()), None);
            assert_eq!(spellings.known(&long.as_bytes()[1..]), None);
        }
        assert_eq!(spellings.kept.len(), 3);
    }

    #[test]
    fn indicator_columns_keep_digits_as_numbers() {
        assert_eq!(parse_verdict_word("Đạt"), Some(Verdict::Met));
        assert_eq!(parse_verdict_word("1"), None);
        assert_eq!(parse_verdict_word("x"), None);
    }

    #[test]
    fn verdict_words_read_in_any_case_and_normal_form() {
        use unicode_normalization::UnicodeNormalization;
        for (word, verdict) in [
            ("Đạt", Verdict::Met),
            ("đạt", Verdict::Met),
            ("ĐẠT", Verdict::Met),
            ("Không đạt", Verdict::NotMet),
            ("KHÔNG ĐẠT", Verdict::NotMet),
            ("Chưa đạt", Verdict::NotMet),
            ("Cơ bản đạt", Verdict::BasicallyMet),
            ("CƠ BẢN ĐẠT", Verdict::BasicallyMet),
        ] {
            assert_eq!(parse_verdict_word(word), Some(verdict), "{word}");
            let decomposed: String = word.nfd().collect();
            assert_eq!(parse_verdict_word(&decomposed), Some(verdict), "{word}");
        }
        assert_eq!(parse_verdict_word("12,5"), None);
        assert_eq!(parse_verdict_word("-dat"), Some(Verdict::Met));
    }

    fn parse_number(cell: &str, percent: bool) -> Result<f64, NumberProblem> {
        super::parse_number(cell, percent, None)
    }

    #[test]
    fn numbers_with_point_or_comma() {
        assert_eq!(parse_number("45.5", false), Ok(45.5));
        assert_eq!(parse_number("45,5", false), Ok(45.5));
        assert_eq!(parse_number(" 45 ", false), Ok(45.0));
        assert_eq!(parse_number("\u{a0}12,7\u{a0}", false), Ok(12.7));
        assert_eq!(parse_number("-1,5", false), Ok(-1.5));
        assert_eq!(parse_number("85%", true), Ok(85.0));
        assert_eq!(parse_number("85 %", true), Ok(85.0));
        assert_eq!(parse_number("85,5", true), Ok(85.5));
        assert_eq!(parse_number("100", true), Ok(100.0));
        assert_eq!(parse_number("0", true), Ok(0.0));
    }

    #[test]
    fn numbers_longer_than_the_stack_buffer_read_the_same() {
        let whole = "1".repeat(40);
        let grouped = format!("1{}", ".111".repeat(13));
        let canonical: f64 = format!("1{}.25", "1".repeat(39)).parse().unwrap();
        assert_eq!(parse_number(&format!("{whole},25"), false), Ok(canonical));
        assert_eq!(
            parse_number(&format!("{grouped},25"), false),
            Ok(format!("1{}.25", "111".repeat(13)).parse().unwrap())
        );
    }

    proptest::proptest! {
        /// Every spelling of a number (comma or point decimal mark, thousands grouped with the
        /// other mark) reads as Rust reads its plain form, to the last bit.
        #[test]
        fn every_spelling_reads_as_the_plain_form(whole in 0u64..10_000_000_000, fraction in "[0-9]{1,2}|[0-9]{4,9}") {
            let plain: f64 = format!("{whole}.{fraction}").parse().unwrap();
            let digits = whole.to_string();
            let mut grouped = Vec::new();
            let head = digits.len() % 3;
            if head > 0 {
                grouped.push(&digits[..head]);
            }
            grouped.extend(digits.as_bytes()[head..].chunks(3).map(|c| std::str::from_utf8(c).unwrap()));
            proptest::prop_assert_eq!(parse_number(&format!("{whole},{fraction}"), false), Ok(plain));
            proptest::prop_assert_eq!(parse_number(&format!("{whole}.{fraction}"), false), Ok(plain));
            if grouped.len() > 1 {
                let vi = format!("{},{fraction}", grouped.join("."));
                let en = format!("{}.{fraction}", grouped.join(","));
                proptest::prop_assert_eq!(parse_number(&vi, false), Ok(plain), "{}", vi);
                proptest::prop_assert_eq!(parse_number(&en, false), Ok(plain), "{}", en);
            }
        }
    }

    #[test]
    fn numbers_rejected_with_a_reason() {
        assert_eq!(parse_number("4x,5", false), Err(NumberProblem::NotANumber));
        assert_eq!(parse_number("", false), Err(NumberProblem::NotANumber));
        assert_eq!(parse_number(",5", false), Err(NumberProblem::NotANumber));
        assert_eq!(parse_number("5.", false), Err(NumberProblem::NotANumber));
        assert_eq!(parse_number("1e3", false), Err(NumberProblem::NotANumber));
        assert_eq!(parse_number("NaN", false), Err(NumberProblem::NotANumber));
        assert_eq!(parse_number("inf", false), Err(NumberProblem::NotANumber));
        assert_eq!(parse_number("45,000", false), Err(NumberProblem::Ambiguous));
        assert_eq!(parse_number("1.234", false), Err(NumberProblem::Ambiguous));
        assert_eq!(parse_number("1.23.4", false), Err(NumberProblem::Malformed));
        assert_eq!(parse_number("1,2.3", false), Err(NumberProblem::Malformed));
        assert_eq!(
            parse_number("1.2,3.4", false),
            Err(NumberProblem::Malformed)
        );
        assert_eq!(
            parse_number("85%", false),
            Err(NumberProblem::UnexpectedPercent)
        );
        assert_eq!(
            parse_number("120%", true),
            Err(NumberProblem::PercentOutOfRange)
        );
        assert_eq!(
            parse_number("-1", true),
            Err(NumberProblem::PercentOutOfRange)
        );
    }

    #[test]
    fn thousands_separators_where_they_cannot_be_mistaken() {
        assert_eq!(parse_number("45.000.000", false), Ok(45_000_000.0));
        assert_eq!(parse_number("1,234,567", false), Ok(1_234_567.0));
        assert_eq!(parse_number("1.234,5", false), Ok(1234.5));
        assert_eq!(parse_number("1,234.5", false), Ok(1234.5));
        assert_eq!(parse_number("0,125", false), Ok(0.125));
        assert_eq!(parse_number("12,75", false), Ok(12.75));
        assert_eq!(parse_number("1234,567", false), Ok(1234.567));
    }

    #[test]
    fn units_left_in_cells() {
        let unit = Some("triệu đồng/người/năm");
        assert_eq!(super::parse_number("45 triệu", false, unit), Ok(45.0));
        assert_eq!(
            super::parse_number("45,5 triệu đồng", false, unit),
            Ok(45.5)
        );
        assert_eq!(super::parse_number("45\u{a0}trieu", false, unit), Ok(45.0));
        assert_eq!(
            super::parse_number("45 người", false, unit),
            Err(NumberProblem::UnexpectedUnit)
        );
        assert_eq!(
            super::parse_number("45 triệu", false, None),
            Err(NumberProblem::UnexpectedUnit)
        );
    }
}
