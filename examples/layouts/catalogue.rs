//! The catalogue of office layouts: one small made-up province, written out the ways provincial
//! offices lay out their "Biểu 01" — title blocks, Vietnamese headers in every spelling, rows of
//! column numbers, district headings, totals, signature blocks, encodings and delimiters,
//! workbook cells of every kind — and, beside each file, what `ntm score` must make of it,
//! computed here from the model and never from a run of `ntm`.
//!
//! `examples/layouts.rs` writes the files; `tests/cli/layouts.rs` scores each one and checks
//! that the files in `tests/data/layouts` are what [`files`] gives.

use std::fmt::Write as _;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Formula, Workbook, XlsxError};
use unicode_normalization::UnicodeNormalization;

/// The criteria set every layout is made for.
pub const SET: &str = "vn-commune-2021-2025";

/// What the model says of one criterion of one commune.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Đạt.
    Met,
    /// Không đạt.
    NotMet,
    /// Cơ bản đạt.
    Basic,
    /// Left blank: not assessed.
    Blank,
}

/// One commune of the model.
#[derive(Debug, Clone)]
pub struct Commune {
    /// Its five-digit code, leading zero and all.
    pub id: &'static str,
    /// Its name.
    pub name: &'static str,
    /// Its district.
    pub district: &'static str,
    /// Its verdict on each of the 19 criteria, criterion 1 first.
    pub verdicts: [Verdict; 19],
}

/// The made-up province: ten communes in three districts, their verdicts written one letter a
/// criterion (`D` Đạt, `K` Không đạt, `C` Cơ bản đạt, `_` blank). Three meet all 19 criteria;
/// the others fall in every band below, and criteria 3 and 10 (the ones some layouts give by
/// their indicators) take every verdict.
#[rustfmt::skip]
const MODEL: [(&str, &str, &str, &str); 10] = [
    ("01234", "Xã Yên Lạc",     "Hòa An",      "DDDDDDDDDDDDDDDDDDD"),
    ("01237", "Xã Phúc Thịnh",  "Hòa An",      "DDDDDDDDDDDDDDKDCDK"),
    ("01240", "Xã Trung Phong", "Hòa An",      "DKDKDDCDKKDDDKDDDD_"),
    ("01243", "Xã Đức Long",    "Hòa An",      "DDCDDDDDDCDDDDDDDDD"),
    ("01306", "Xã Tổng Cọt",    "Hà Quảng",    "DDDDDDDDDDDDDDDDDDD"),
    ("01309", "Xã Nội Thôn",    "Hà Quảng",    "DDKDKKDKKKKDDKDKDDK"),
    ("01312", "Xã Lũng Nặm",    "Hà Quảng",    "DK_KKK_KKKKDKK_KKDD"),
    ("01345", "Xã Thể Dục",     "Nguyên Bình", "DDKDDDDDDDDDDDDDDDD"),
    ("01348", "Xã Vũ Nông",     "Nguyên Bình", "DDDD_DDKD_DD_DDDKDD"),
    ("01351", "Xã Quang Thành", "Nguyên Bình", "DDDDDDDDDDDDDDDDDDD"),
];

/// The names of the 19 criteria as the set gives them, for headers such as `TC1 - Quy hoạch`.
const CRITERIA: [&str; 19] = [
    "Quy hoạch",
    "Giao thông",
    "Thủy lợi và phòng, chống thiên tai",
    "Điện",
    "Trường học",
    "Cơ sở vật chất văn hóa",
    "Cơ sở hạ tầng thương mại nông thôn",
    "Thông tin và Truyền thông",
    "Nhà ở dân cư",
    "Thu nhập",
    "Nghèo đa chiều",
    "Lao động",
    "Tổ chức sản xuất và phát triển kinh tế nông thôn",
    "Giáo dục và Đào tạo",
    "Y tế",
    "Văn hóa",
    "Môi trường và an toàn thực phẩm",
    "Hệ thống chính trị và tiếp cận pháp luật",
    "Quốc phòng và An ninh",
];

/// The communes of the model, in the order every layout lists them.
#[must_use]
pub fn province() -> Vec<Commune> {
    MODEL
        .iter()
        .map(|&(id, name, district, letters)| {
            let mut verdicts = [Verdict::Blank; 19];
            for (v, letter) in verdicts.iter_mut().zip(letters.chars()) {
                *v = match letter {
                    'D' => Verdict::Met,
                    'K' => Verdict::NotMet,
                    'C' => Verdict::Basic,
                    _ => Verdict::Blank,
                };
            }
            Commune {
                id,
                name,
                district,
                verdicts,
            }
        })
        .collect()
}

/// The columns of `ntm score --format csv` an `.expected.csv` file gives, in its order.
pub const EXPECTED_COLUMNS: [&str; 13] = [
    "commune_id",
    "commune",
    "district",
    "criteria_met",
    "criteria_total",
    "criteria_not_assessed",
    "criteria_basically_met",
    "tier",
    "next_tier",
    "band",
    "unmet",
    "basically_met",
    "not_assessed",
];

/// What scoring `commune` against the set must give, column by column of
/// [`EXPECTED_COLUMNS`]: a commune is standard when it meets all 19 criteria, and its band is
/// that of the number it meets.
fn expected_row(commune: &Commune) -> Vec<String> {
    let numbers = |wanted: Verdict| -> Vec<u32> {
        (1..)
            .zip(commune.verdicts)
            .filter(|&(_, v)| v == wanted)
            .map(|(n, _)| n)
            .collect()
    };
    let list = |numbers: &[u32]| {
        numbers
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(";")
    };
    let met = numbers(Verdict::Met).len();
    let (tier, next) = if met == 19 {
        ("standard", "advanced")
    } else {
        ("none", "standard")
    };
    let band = match met {
        19 => "19",
        15..=18 => "15-18",
        10..=14 => "10-14",
        5..=9 => "5-9",
        _ => "<5",
    };
    vec![
        commune.id.to_owned(),
        commune.name.to_owned(),
        commune.district.to_owned(),
        met.to_string(),
        "19".to_owned(),
        numbers(Verdict::Blank).len().to_string(),
        numbers(Verdict::Basic).len().to_string(),
        tier.to_owned(),
        next.to_owned(),
        band.to_owned(),
        list(&numbers(Verdict::NotMet)),
        list(&numbers(Verdict::Basic)),
        list(&numbers(Verdict::Blank)),
    ]
}

/// One cell of a sheet.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Empty,
    Text(String),
    /// A number, in a workbook stored as one.
    Number(f64),
    /// A number shown through an Excel number format (`0.0%`, `00000`, `0.0`).
    Formatted(f64, &'static str),
    /// A date, shown dd/mm/yyyy.
    Date(u16, u8, u8),
    /// A formula and the value Excel saved with it (an error such as `#DIV/0!` included).
    Formula(String, String),
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

/// One row of a sheet: its cells from column A, or a line with nothing at all on it (in a CSV
/// file no delimiters either).
#[derive(Debug, Clone)]
enum Row {
    Cells(Vec<Cell>),
    Empty,
}

/// A merged range of a workbook: first row, first column, last row, last column (from 0). Its
/// text is the cell at its top left.
type Merge = (u32, u16, u32, u16);

/// How a file is written.
#[derive(Debug, Clone, Copy)]
enum Form {
    Csv {
        delimiter: char,
        crlf: bool,
        encoding: Encoding,
    },
    Xlsx {
        sheet: &'static str,
        /// A guide sheet comes first, so that the data is on the second.
        guide_first: bool,
    },
}

#[derive(Debug, Clone, Copy)]
enum Encoding {
    Utf8,
    /// With the byte-order mark Excel's "CSV UTF-8" writes.
    Utf8Bom,
    /// Excel's "Unicode text": UTF-16LE with a byte-order mark.
    Utf16Le,
    /// The legacy Vietnamese code page, tone marks as combining characters.
    Windows1258,
}

/// What must be said of a place in an error message.
#[derive(Debug, Clone)]
enum Needle {
    Text(String),
    /// A data cell: `FILE:LINE: column "HEADER"` in CSV, the line the sheet's row `row` (from
    /// 0) starts on; `FILE: SHEET!J15: column "HEADER"` in a workbook, the cell of column
    /// `col` (from 0) as Excel names it.
    Cell {
        row: usize,
        col: usize,
        header: String,
    },
    /// A header cell: `FILE:LINE: column "HEADER"`, the header's line or row.
    Header {
        row: usize,
        header: String,
    },
}

#[derive(Debug, Clone)]
enum Expect {
    /// Every commune of the model, in order, and nothing else.
    Communes,
    /// The same, with each id as Excel shows a code stored as a number: without its leading
    /// zeros.
    CommunesByNumber,
    /// Exit status 2, with these on standard error.
    Error(Vec<Needle>),
}

/// One layout of the catalogue.
#[derive(Debug, Clone)]
struct Layout {
    /// The file name.
    name: &'static str,
    /// What it exercises, for the catalogue's README.
    about: &'static str,
    rows: Vec<Row>,
    merges: Vec<Merge>,
    form: Form,
    /// Arguments after `score FILE` instead of `--criteria vn-commune-2021-2025`.
    args: Option<Vec<&'static str>>,
    expect: Expect,
}

/// A column of an office's sheet.
#[derive(Debug, Clone)]
enum Col {
    /// `STT`: the running number.
    Stt(&'static str),
    Id(&'static str),
    Name(&'static str),
    District(&'static str),
    Region(&'static str),
    Year(&'static str),
    /// The verdict column of a criterion, with its header.
    Criterion(u32, String),
    /// Indicator 3.1, irrigated farmland (a percentage, at least 80 %).
    Irrigation(String),
    /// Indicator 3.2, disaster readiness (a verdict).
    Disaster(String),
    /// Indicator 10, income (million đồng a person a year, at least 39 in 2022).
    Income(String),
    /// A column the set does not use (`Ghi chú`).
    Other(&'static str),
}

/// How the verdicts of criterion columns are spelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Spelling {
    /// Đạt, Không đạt, Cơ bản đạt.
    Plain,
    /// ĐẠT, KHÔNG ĐẠT, CƠ BẢN ĐẠT.
    Upper,
    /// Every spelling offices use, varied from cell to cell: x, dat, Chưa đạt, co ban dat …
    Mixed,
}

/// How commune ids are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ids {
    Text,
    /// Stored as numbers in a workbook: the leading zero is gone.
    Numbers,
    /// Stored as numbers and shown through the number format `00000`.
    Padded,
    /// With characters that cannot be seen: a zero-width space, a byte-order mark, a word
    /// joiner.
    Invisible,
}

/// How measured values (indicators 3.1 and 10) are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Values {
    /// As text with a decimal comma: `93,4%`, `61,5 %`, `45,5`.
    Comma,
    /// Workbook numbers: 3.1 stored 0.934 in a cell formatted `0.0%`, income 45.5 as `0.0`.
    Cells,
    /// Workbook numbers, 3.1 stored 93.4 and shown `93.4%` through the format `0.0"%"`, whose
    /// percent sign is text.
    LiteralPercent,
}

/// How district headings between the communes are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Headings {
    None,
    /// `I` in the STT column, `Huyện Hòa An` in the name column.
    Roman,
    /// `I. HUYỆN HÒA AN` in the name column alone.
    Upper,
}

/// A sheet as a provincial office lays it out, made from the model.
#[derive(Debug, Clone)]
struct Office {
    cols: Vec<Col>,
    spelling: Spelling,
    ids: Ids,
    values: Values,
    title: bool,
    /// The row of column numbers under the header: `(1) (2) …` when true, `1 2 …` when false.
    column_numbers: Option<bool>,
    headings: Headings,
    /// `Cộng huyện …` under each district.
    subtotals: bool,
    /// What stands between two districts.
    gap: Gap,
    /// The totals row's label.
    totals: Option<&'static str>,
    signature: bool,
    names: Names,
}

/// How names (of communes, of districts) are encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Names {
    Composed,
    /// Decomposed, as a Mac saves them.
    Decomposed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    None,
    /// A line with nothing on it.
    Empty,
    /// A row of empty cells (`,,,,` in CSV).
    Blank,
}

/// What building an office's sheet gives: the rows, the merges of the title block and header,
/// and where each commune's row and the header ended up.
struct Sheet {
    rows: Vec<Row>,
    merges: Vec<Merge>,
    header: usize,
    communes: Vec<usize>,
}

const ROMAN: [&str; 3] = ["I", "II", "III"];

/// The columns most sheets have: `STT`, `Mã xã`, `Tên xã`, `Huyện`, criteria 1–19 headed by
/// `header(n)`, `Ghi chú`.
fn standard_cols(header: impl Fn(u32) -> String) -> Vec<Col> {
    let mut cols = vec![
        Col::Stt("STT"),
        Col::Id("Mã xã"),
        Col::Name("Tên xã"),
        Col::District("Huyện"),
    ];
    cols.extend((1..=19).map(|n| Col::Criterion(n, header(n))));
    cols.push(Col::Other("Ghi chú"));
    cols
}

fn criterion_name(n: u32) -> &'static str {
    CRITERIA[usize::try_from(n - 1).expect("criterion 1–19")]
}

impl Office {
    /// The common office sheet: title block, `Tiêu chí n` headers, `(1) (2) …`, district
    /// headings, `Tổng cộng`, signature block.
    fn new() -> Office {
        Office {
            cols: standard_cols(|n| format!("Tiêu chí {n}")),
            spelling: Spelling::Plain,
            ids: Ids::Text,
            values: Values::Comma,
            title: true,
            column_numbers: Some(true),
            headings: Headings::Roman,
            subtotals: false,
            gap: Gap::None,
            totals: Some("Tổng cộng"),
            signature: true,
            names: Names::Composed,
        }
    }

    /// The same sheet, bare: no title, column numbers, headings, totals or signature.
    fn bare(cols: Vec<Col>) -> Office {
        Office {
            cols,
            title: false,
            column_numbers: None,
            headings: Headings::None,
            totals: None,
            signature: false,
            ..Office::new()
        }
    }

    fn width(&self) -> usize {
        self.cols.len()
    }

    /// The column names and headings are written in: the name column, or the first column
    /// that holds text.
    fn name_col(&self) -> usize {
        self.cols
            .iter()
            .position(|c| matches!(c, Col::Name(_)))
            .unwrap_or(1)
    }

    fn stt_col(&self) -> Option<usize> {
        self.cols.iter().position(|c| matches!(c, Col::Stt(_)))
    }

    fn right_col(&self) -> usize {
        (self.width() * 2 / 3).max(self.name_col() + 3)
    }

    fn shown(&self, s: &str) -> String {
        if self.names == Names::Decomposed {
            s.nfd().collect()
        } else {
            s.to_owned()
        }
    }

    /// A row with `cells` placed at their columns.
    fn row_at(&self, cells: &[(usize, Cell)]) -> Row {
        let width = cells
            .iter()
            .map(|(c, _)| c + 1)
            .max()
            .unwrap_or(0)
            .max(self.width());
        let mut row = vec![Cell::Empty; width];
        for (c, cell) in cells {
            row[*c] = cell.clone();
        }
        Row::Cells(row)
    }

    fn header_row(&self) -> Row {
        Row::Cells(
            self.cols
                .iter()
                .map(|c| {
                    text(match c {
                        Col::Stt(h)
                        | Col::Id(h)
                        | Col::Name(h)
                        | Col::District(h)
                        | Col::Region(h)
                        | Col::Year(h)
                        | Col::Other(h) => (*h).to_owned(),
                        Col::Criterion(_, h)
                        | Col::Irrigation(h)
                        | Col::Disaster(h)
                        | Col::Income(h) => h.clone(),
                    })
                })
                .collect(),
        )
    }

    fn verdict(&self, v: Verdict, variant: usize) -> Cell {
        let words: &[&str] = match (self.spelling, v) {
            (_, Verdict::Blank) => &[""],
            (Spelling::Plain, Verdict::Met) => &["Đạt"],
            (Spelling::Plain, Verdict::NotMet) => &["Không đạt"],
            (Spelling::Plain, Verdict::Basic) => &["Cơ bản đạt"],
            (Spelling::Upper, Verdict::Met) => &["ĐẠT"],
            (Spelling::Upper, Verdict::NotMet) => &["KHÔNG ĐẠT"],
            (Spelling::Upper, Verdict::Basic) => &["CƠ BẢN ĐẠT"],
            (Spelling::Mixed, Verdict::Met) => {
                &["x", "Đạt", "đạt", "X", "Dat", "ĐẠT", " Đạt\u{a0}"]
            }
            (Spelling::Mixed, Verdict::NotMet) => {
                &["Chưa đạt", "Không đạt", "khong dat", "KHÔNG ĐẠT"]
            }
            (Spelling::Mixed, Verdict::Basic) => &["Cơ bản đạt", "co ban dat", "CƠ BẢN ĐẠT"],
        };
        let word = words[variant % words.len()];
        if word.is_empty() {
            Cell::Empty
        } else {
            text(word)
        }
    }

    fn id(&self, commune: &Commune, i: usize) -> Cell {
        let number = || commune.id.parse::<f64>().expect("ids are digits");
        match self.ids {
            Ids::Text => text(commune.id),
            Ids::Numbers => Cell::Number(number()),
            Ids::Padded => Cell::Formatted(number(), "00000"),
            Ids::Invisible => text(match i % 4 {
                0 => format!("{}\u{200b}", commune.id),
                1 => format!("\u{feff}{}", commune.id),
                2 => format!("{}\u{2060}", commune.id),
                _ => commune.id.to_owned(),
            }),
        }
    }

    /// A measured value: as `typed` with a decimal comma, or a workbook number `stored` and
    /// shown through `format`.
    fn value(&self, typed: &str, stored: f64, format: &'static str) -> Cell {
        match self.values {
            Values::Comma => text(typed),
            Values::LiteralPercent if format.contains('%') => {
                Cell::Formatted((stored * 1000.0).round() / 10.0, "0.0\"%\"")
            }
            Values::Cells | Values::LiteralPercent => Cell::Formatted(stored, format),
        }
    }

    fn commune_row(&self, commune: &Commune, i: usize, stt: usize) -> Row {
        let cells = self
            .cols
            .iter()
            .map(|col| match col {
                Col::Stt(_) => Cell::Number(f64::from(u32::try_from(stt).expect("few rows"))),
                Col::Id(_) => self.id(commune, i),
                Col::Name(_) => text(self.shown(commune.name)),
                Col::District(_) => text(self.shown(commune.district)),
                Col::Region(_) => text("Trung du và miền núi phía Bắc"),
                Col::Year(_) => Cell::Number(2022.0),
                Col::Criterion(n, _) => {
                    let at = usize::try_from(*n - 1).expect("criterion 1–19");
                    self.verdict(commune.verdicts[at], i + at)
                }
                Col::Irrigation(_) => match commune.verdicts[2] {
                    Verdict::Met => self.value("93,4%", 0.934, "0.0%"),
                    Verdict::NotMet => self.value("61,5 %", 0.615, "0.0%"),
                    Verdict::Basic => self.value("85", 0.85, "0.0%"),
                    Verdict::Blank => Cell::Empty,
                },
                Col::Disaster(_) => match commune.verdicts[2] {
                    Verdict::Met | Verdict::NotMet => text("Đạt"),
                    Verdict::Basic => text("Cơ bản đạt"),
                    Verdict::Blank => Cell::Empty,
                },
                Col::Income(_) => match commune.verdicts[9] {
                    Verdict::Met => self.value("45,5", 45.5, "0.0"),
                    Verdict::NotMet => self.value("32,8", 32.8, "0.0"),
                    Verdict::Basic => text("Cơ bản đạt"),
                    Verdict::Blank => Cell::Empty,
                },
                Col::Other(_) => Cell::Empty,
            })
            .collect();
        Row::Cells(cells)
    }

    /// A totals row: `label` in the name column, and in each criterion column the number of
    /// `communes` that meet it.
    fn totals_row(&self, label: &str, communes: &[&Commune]) -> Row {
        let mut cells: Vec<(usize, Cell)> = vec![(self.name_col(), text(label))];
        for (c, col) in self.cols.iter().enumerate() {
            if let Col::Criterion(n, _) = col {
                let at = usize::try_from(*n - 1).expect("criterion 1–19");
                let met = communes
                    .iter()
                    .filter(|k| k.verdicts[at] == Verdict::Met)
                    .count();
                cells.push((
                    c,
                    Cell::Number(f64::from(u32::try_from(met).expect("few communes"))),
                ));
            }
        }
        self.row_at(&cells)
    }

    fn title_rows(&self) -> (Vec<Row>, Vec<Merge>) {
        let right = self.right_col();
        let last = u16::try_from(self.width() - 1).expect("narrow sheet");
        let rows = vec![
            self.row_at(&[
                (0, text("UBND TỈNH MẪU")),
                (right, text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")),
            ]),
            self.row_at(&[
                (0, text("SỞ NÔNG NGHIỆP VÀ PTNT")),
                (right, text("Độc lập - Tự do - Hạnh phúc")),
            ]),
            self.row_at(&[]),
            self.row_at(&[(
                0,
                text(
                    "BIỂU 01: KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ QUỐC GIA VỀ XÃ NÔNG THÔN MỚI NĂM 2022",
                ),
            )]),
            self.row_at(&[(
                0,
                text("(Kèm theo Báo cáo số 215/BC-UBND ngày 30/12/2022 của Ủy ban nhân dân tỉnh)"),
            )]),
            self.row_at(&[]),
        ];
        let right = u16::try_from(right).expect("narrow sheet");
        let merges = vec![
            (0, 0, 0, 3),
            (0, right, 0, last),
            (1, 0, 1, 3),
            (1, right, 1, last),
            (3, 0, 3, last),
            (4, 0, 4, last),
        ];
        (rows, merges)
    }

    fn signature_rows(&self) -> Vec<Row> {
        let (left, right) = (self.name_col(), self.right_col());
        vec![
            self.row_at(&[]),
            self.row_at(&[(right, text("Hòa An, ngày 30 tháng 12 năm 2022"))]),
            self.row_at(&[
                (left, text("NGƯỜI LẬP BIỂU")),
                (right, text("KT. CHỦ TỊCH")),
            ]),
            self.row_at(&[(right, text("PHÓ CHỦ TỊCH"))]),
            self.row_at(&[
                (left, text("(Ký, ghi rõ họ tên)")),
                (right, text("(Ký tên, đóng dấu)")),
            ]),
            self.row_at(&[]),
            self.row_at(&[
                (left, text("Nguyễn Văn An")),
                (right, text("Hoàng Thị Bình")),
            ]),
        ]
    }

    fn sheet(&self, model: &[Commune]) -> Sheet {
        let mut rows = Vec::new();
        let mut merges = Vec::new();
        if self.title {
            let (title, title_merges) = self.title_rows();
            rows.extend(title);
            merges.extend(title_merges);
        }
        let header = rows.len();
        rows.push(self.header_row());
        if let Some(parens) = self.column_numbers {
            rows.push(Row::Cells(
                (1..=self.width())
                    .map(|n| {
                        if parens {
                            text(format!("({n})"))
                        } else {
                            text(n.to_string())
                        }
                    })
                    .collect(),
            ));
        }
        let mut communes = Vec::new();
        let mut stt = 0;
        let mut districts: Vec<&str> = Vec::new();
        for c in model {
            if !districts.contains(&c.district) {
                districts.push(c.district);
            }
        }
        for (d, district) in districts.iter().enumerate() {
            if d > 0 {
                match self.gap {
                    Gap::None => {}
                    Gap::Empty => rows.push(Row::Empty),
                    Gap::Blank => rows.push(self.row_at(&[])),
                }
            }
            let heading = format!("Huyện {district}");
            match self.headings {
                Headings::None => {}
                Headings::Roman => {
                    let mut cells = vec![(self.name_col(), text(self.shown(&heading)))];
                    if let Some(s) = self.stt_col() {
                        cells.push((s, text(ROMAN[d])));
                    }
                    rows.push(self.row_at(&cells));
                }
                Headings::Upper => {
                    let upper = format!("{}. {}", ROMAN[d], heading.to_uppercase());
                    rows.push(self.row_at(&[(self.name_col(), text(self.shown(&upper)))]));
                }
            }
            let members: Vec<&Commune> = model.iter().filter(|c| c.district == *district).collect();
            for c in &members {
                let i = model
                    .iter()
                    .position(|m| m.id == c.id)
                    .expect("a commune of the model");
                stt += 1;
                communes.push(rows.len());
                rows.push(self.commune_row(c, i, stt));
            }
            if self.subtotals {
                rows.push(self.totals_row(&format!("Cộng huyện {district}"), &members));
            }
        }
        if let Some(label) = self.totals {
            let all: Vec<&Commune> = model.iter().collect();
            rows.push(self.totals_row(label, &all));
        }
        if self.signature {
            rows.extend(self.signature_rows());
        }
        Sheet {
            rows,
            merges,
            header,
            communes,
        }
    }
}

impl Sheet {
    /// The cell of `row` (from 0) in column `col`.
    fn cell_mut(&mut self, row: usize, col: usize) -> &mut Cell {
        match &mut self.rows[row] {
            Row::Cells(cells) => &mut cells[col],
            Row::Empty => panic!("row {row} has no cells"),
        }
    }

    /// The header of column `col`.
    fn header_of(&self, col: usize) -> String {
        match &self.rows[self.header] {
            Row::Cells(cells) => match &cells[col] {
                Cell::Text(h) => h.clone(),
                other => panic!("header cell {other:?}"),
            },
            Row::Empty => panic!("no header"),
        }
    }
}

fn csv(delimiter: char) -> Form {
    Form::Csv {
        delimiter,
        crlf: false,
        encoding: Encoding::Utf8,
    }
}

fn xlsx(sheet: &'static str) -> Form {
    Form::Xlsx {
        sheet,
        guide_first: false,
    }
}

fn layout(name: &'static str, about: &'static str, sheet: Sheet, form: Form) -> Layout {
    Layout {
        name,
        about,
        rows: sheet.rows,
        merges: sheet.merges,
        form,
        args: None,
        expect: Expect::Communes,
    }
}

/// The column of `office` holding `wanted`.
fn col_of(office: &Office, wanted: impl Fn(&Col) -> bool) -> usize {
    office
        .cols
        .iter()
        .position(wanted)
        .expect("the layout has the column")
}

/// Every layout whose expected results hold today.
fn layouts(model: &[Commune]) -> Vec<Layout> {
    let mut all = Vec::new();

    let office = Office::new();
    all.push(layout(
        "bieu-01.csv",
        "an office's Biểu 01 saved as CSV: title block (UBND TỈNH…, BIỂU 01…, (Kèm theo…)), STT, Mã xã, Tên xã, Huyện, Tiêu chí 1 … 19, the row (1) (2) …, district headings I / Huyện Hòa An, Tổng cộng with counts, the signature block",
        office.sheet(model),
        csv(','),
    ));

    all.push(layout(
        "bieu-01.xlsx",
        "the same Biểu 01 as a workbook: sheet \"Biểu 01\", merged title cells, signature block with its date line in criterion columns",
        office.sheet(model),
        xlsx("Biểu 01"),
    ));

    let mut office = Office::new();
    office.cols = standard_cols(|n| format!("TC{n:02}"));
    office.cols[1] = Col::Id("Mã ĐVHC");
    office.column_numbers = Some(false);
    office.totals = Some("Cộng");
    all.push(layout(
        "tc01-ma-dvhc.csv",
        "headers TC01 … TC19 and Mã ĐVHC; column numbers 1 2 3 … without brackets; totals row Cộng",
        office.sheet(model),
        csv(','),
    ));

    let mut office = Office::new();
    office.cols = standard_cols(|n| format!("TC {n}"));
    office.cols[1] = Col::Id("Mã số xã");
    office.cols[2] = Col::Name("Xã");
    office.headings = Headings::None;
    office.gap = Gap::Empty;
    office.totals = None;
    office.column_numbers = None;
    let mut sheet = office.sheet(model);
    // a row of empty cells between the first two communes as well
    sheet.rows.insert(sheet.communes[1], office.row_at(&[]));
    all.push(layout(
        "tc-cach-dong-trong.csv",
        "headers TC 1 … TC 19, Mã số xã and Xã; truly empty lines between districts and a ,,,, line between two communes; no title, no totals",
        sheet,
        csv(','),
    ));

    let mut office = Office::new();
    office.cols = standard_cols(|n| format!("Tiêu chí số {n}"));
    office.cols[1] = Col::Id("Mã đơn vị hành chính");
    office.cols[3] = Col::District("Tên huyện");
    office.totals = Some("Toàn tỉnh");
    office.spelling = Spelling::Upper;
    office.gap = Gap::Blank;
    all.push(layout(
        "tieu-chi-so.csv",
        "headers Tiêu chí số 1 …, Mã đơn vị hành chính, Tên huyện; verdicts in capitals (ĐẠT, KHÔNG ĐẠT, CƠ BẢN ĐẠT); a ,,,, row between districts; totals row Toàn tỉnh",
        office.sheet(model),
        csv(','),
    ));

    let mut office = Office::new();
    office.cols = standard_cols(|n| {
        // as offices spell them: the old tone placement, a shortened name
        let name = match n {
            3 => "Thuỷ lợi và phòng, chống thiên tai",
            13 => "Tổ chức SX",
            16 => "Văn hoá",
            _ => criterion_name(n),
        };
        format!("TC{n} - {name}")
    });
    all.push(layout(
        "tc-ten.csv",
        "headers TC1 - Quy hoạch … with the criterion's name (quoted where it holds a comma; Thuỷ lợi, Văn hoá in the old spelling; Tổ chức SX shortened)",
        office.sheet(model),
        csv(','),
    ));

    let mut office = Office::new();
    office.cols = standard_cols(|n| format!("Tiêu chí {n}: {}", criterion_name(n)));
    let mut sheet = office.sheet(model);
    // the office typed the title on two lines of one cell
    *sheet.cell_mut(3, 0) =
        text("BIỂU 01\nKẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ QUỐC GIA VỀ XÃ NÔNG THÔN MỚI NĂM 2022");
    all.push(layout(
        "tieu-chi-ten-crlf.csv",
        "CRLF line ends; headers Tiêu chí 1: Quy hoạch …; a title cell with a line break inside its quotes",
        sheet,
        Form::Csv {
            delimiter: ',',
            crlf: true,
            encoding: Encoding::Utf8,
        },
    ));

    let mut office = Office::new();
    office.cols = standard_cols(|n| format!("Tiêu chí {n}: {}", criterion_name(n)));
    all.push(layout(
        "tieu-chi-ten.xlsx",
        "a workbook with headers Tiêu chí 1: Quy hoạch …",
        office.sheet(model),
        xlsx("Biểu 01"),
    ));

    let mut office = Office::new();
    office.cols = indicator_cols("TC");
    office.values = Values::Comma;
    all.push(layout(
        "cham-phay-thap-phan.csv",
        "semicolon-delimited, decimal commas: Chỉ tiêu 3.1 as 93,4% or 61,5 %, Chỉ tiêu 3.2 a verdict, Chỉ tiêu 10 income 45,5 or Cơ bản đạt; Vùng and Năm columns; criteria 3 and 10 judged from indicators alone",
        office.sheet(model),
        csv(';'),
    ));

    let mut office = Office::new();
    office.cols = indicator_cols("TC");
    office.values = Values::Cells;
    all.push(layout(
        "phan-tram.xlsx",
        "indicator 3.1 in cells formatted as percentages (stored 0.934, shown 93,4 %), income as a number formatted 0.0, the year as a number",
        office.sheet(model),
        xlsx("Biểu 01"),
    ));

    let office = Office::bare(standard_cols(|n| format!("TC{n}")));
    all.push(layout(
        "bom-utf8.csv",
        "Excel's CSV UTF-8: a byte-order mark before the first header, CRLF line ends, no title block",
        office.sheet(model),
        Form::Csv {
            delimiter: ',',
            crlf: true,
            encoding: Encoding::Utf8Bom,
        },
    ));

    let mut office = Office::new();
    office.ids = Ids::Invisible;
    office.names = Names::Decomposed;
    office.cols = standard_cols(|n| {
        if n % 5 == 0 {
            format!("Tiêu\u{ad}chí {n}")
        } else {
            format!("Tiêu chí {n}\u{200b}")
        }
    });
    office.cols[1] = Col::Id("\u{feff}Mã\u{200b} xã");
    all.push(layout(
        "ky-tu-an.csv",
        "characters that cannot be seen: zero-width spaces, byte-order marks and word joiners in ids, a soft hyphen and zero-width spaces in headers; names decomposed as a Mac saves them",
        office.sheet(model),
        csv(','),
    ));

    let mut office = Office::new();
    office.spelling = Spelling::Mixed;
    office.cols = standard_cols(|n| format!("TC{n}"));
    all.push(layout(
        "cach-viet-ket-qua.csv",
        "verdicts spelled every way: x, X, Đạt, đạt, Dat, ĐẠT, Đạt between non-breaking spaces, Chưa đạt, khong dat, KHÔNG ĐẠT, co ban dat; blank for not assessed",
        office.sheet(model),
        csv(','),
    ));

    let mut office = Office::new();
    office.subtotals = true;
    office.headings = Headings::Upper;
    office.totals = Some("Toàn tỉnh");
    all.push(layout(
        "cong-huyen.csv",
        "district headings I. HUYỆN HÒA AN, a Cộng huyện … subtotal row with counts under each district, then Toàn tỉnh",
        office.sheet(model),
        csv(','),
    ));

    let office = Office::new();
    all.push(Layout {
        args: Some(vec!["--criteria", SET, "--encoding", "windows-1258"]),
        ..layout(
            "windows-1258.csv",
            "a legacy Vietnamese Windows-1258 file (tone marks as combining characters), read with --encoding windows-1258",
            office.sheet(model),
            Form::Csv {
                delimiter: ',',
                crlf: true,
                encoding: Encoding::Windows1258,
            },
        )
    });

    let office = Office::new();
    all.push(layout(
        "van-ban-unicode.txt",
        "Excel's Unicode text: UTF-16LE with a byte-order mark, tab-delimited, CRLF",
        office.sheet(model),
        Form::Csv {
            delimiter: '\t',
            crlf: true,
            encoding: Encoding::Utf16Le,
        },
    ));

    all.push(formulas(model));

    let office = Office::new();
    all.push(Layout {
        args: Some(vec!["--criteria", SET, "--sheet", "Biểu 01"]),
        ..layout(
            "sheet-thu-hai.xlsx",
            "the data on the second sheet \"Biểu 01\", after a guide sheet, chosen with --sheet",
            office.sheet(model),
            Form::Xlsx {
                sheet: "Biểu 01",
                guide_first: true,
            },
        )
    });

    let mut office = Office::new();
    office.cols = standard_cols(|n| format!("Tiêu chí {n}\n({})", criterion_name(n)));
    office.cols[0] = Col::Stt("Số\nTT");
    office.cols[1] = Col::Id("Mã\nxã");
    office.cols[2] = Col::Name("Tên\nxã");
    let mut sheet = office.sheet(model);
    // the totals row's label in the STT column, merged across the four name columns
    let totals = *sheet.communes.last().expect("communes") + 1;
    *sheet.cell_mut(totals, office.name_col()) = Cell::Empty;
    *sheet.cell_mut(totals, 0) = text("TỔNG CỘNG");
    let row = u32::try_from(totals).expect("few rows");
    sheet.merges.push((row, 0, row, 3));
    all.push(layout(
        "xuong-dong-tieu-de.xlsx",
        "headers typed on two lines of one cell (Mã⏎xã, Tiêu chí 1⏎(Quy hoạch)); TỔNG CỘNG in the STT column, merged across the name columns",
        sheet,
        xlsx("Biểu 01"),
    ));

    all.extend(errors(model));
    all.extend(pending(model));
    all
}

/// Makes the sheet's header two rows: `upper` over the criterion columns, merged, and each
/// criterion's `lower` cell under it; the other headers merged down both rows.
fn two_row_header(sheet: &mut Sheet, office: &Office, upper: &str, lower: impl Fn(u32) -> Cell) {
    let h = sheet.header;
    let row = u32::try_from(h).expect("few rows");
    let mut under = vec![Cell::Empty; office.width()];
    let mut criteria: Vec<u16> = Vec::new();
    for (c, col) in (0u16..).zip(&office.cols) {
        if let Col::Criterion(n, _) = col {
            under[usize::from(c)] = lower(*n);
            criteria.push(c);
        } else {
            sheet.merges.push((row, c, row + 1, c));
        }
    }
    let (first, last) = (criteria[0], criteria[criteria.len() - 1]);
    *sheet.cell_mut(h, usize::from(first)) = text(upper);
    for &c in &criteria[1..] {
        *sheet.cell_mut(h, usize::from(c)) = Cell::Empty;
    }
    sheet.merges.push((row, first, row, last));
    sheet.rows.insert(h + 1, Row::Cells(under));
    for r in &mut sheet.communes {
        *r += 1;
    }
}

/// The layouts whose expected results wait for what `ntm` does not do yet.
fn pending(model: &[Commune]) -> Vec<Layout> {
    let mut all = Vec::new();

    // two-row headers
    let office = Office::new();
    let mut sheet = office.sheet(model);
    two_row_header(&mut sheet, &office, "Tiêu chí", |n| {
        Cell::Number(f64::from(n))
    });
    all.push(layout(
        "tieu-de-hai-dong.xlsx",
        "a two-row header: Tiêu chí merged across the criterion columns over sub-headers 1 … 19 (numbers), STT, Mã xã, Tên xã, Huyện merged down both rows; then (1) (2) …",
        sheet,
        xlsx("Biểu 01"),
    ));

    let office = Office::new();
    let mut sheet = office.sheet(model);
    two_row_header(&mut sheet, &office, "Tiêu chí", |n| {
        text(format!("{n}. {}", criterion_name(n)))
    });
    all.push(layout(
        "tieu-de-hai-dong-ten.csv",
        "a two-row header saved as CSV: Tiêu chí over sub-headers 1. Quy hoạch … 19. Quốc phòng và An ninh",
        sheet,
        csv(','),
    ));

    let office = Office::new();
    let mut sheet = office.sheet(model);
    two_row_header(
        &mut sheet,
        &office,
        "Kết quả thực hiện các tiêu chí",
        |n| text(format!("Tiêu chí {n}")),
    );
    all.push(layout(
        "tieu-de-hai-dong-tieu-chi.xlsx",
        "a two-row header: Kết quả thực hiện các tiêu chí merged over sub-headers Tiêu chí 1 … 19",
        sheet,
        xlsx("Biểu 01"),
    ));

    // district headings filling the district of the rows under them
    let mut office = Office::new();
    office.cols.remove(3);
    all.push(layout(
        "nhom-huyen-khong-cot.csv",
        "no district column: the headings I / Huyện Hòa An give the district of the communes under them",
        office.sheet(model),
        csv(','),
    ));

    let mut office = Office::new();
    office.cols.remove(3);
    office.cols = office
        .cols
        .into_iter()
        .map(|c| match c {
            Col::Criterion(n, _) => Col::Criterion(n, format!("TC{n}")),
            c => c,
        })
        .collect();
    all.push(layout(
        "nhom-huyen-khong-cot.xlsx",
        "a workbook without a district column: the headings I / Huyện Hòa An give the district of the communes under them",
        office.sheet(model),
        xlsx("Biểu 01"),
    ));

    // the set chosen by the rows' year
    let mut office = Office::new();
    office.cols.insert(4, Col::Year("Năm"));
    all.push(Layout {
        args: Some(Vec::new()),
        ..layout(
            "nam-2022.csv",
            "Tiêu chí 1 … 19 and a Năm column of 2022, scored without --criteria: the rows' year chooses vn-commune-2021-2025",
            office.sheet(model),
            csv(','),
        )
    });

    // ids that lost their leading zero
    let mut office = Office::new();
    office.ids = Ids::Numbers;
    all.push(Layout {
        expect: Expect::CommunesByNumber,
        ..layout(
            "ma-so.xlsx",
            "ids stored as numbers in the workbook, so that 01234 became 1234: read as Excel shows them",
            office.sheet(model),
            xlsx("Biểu 01"),
        )
    });

    let mut office = Office::new();
    office.ids = Ids::Padded;
    all.push(layout(
        "ma-so-dinh-dang.xlsx",
        "ids stored as numbers (1234) and shown 01234 through the number format 00000",
        office.sheet(model),
        xlsx("Biểu 01"),
    ));

    // none of the four: what the catalogue found
    let mut office = Office::new();
    office.headings = Headings::None;
    let mut sheet = office.sheet(model);
    let district = col_of(&office, |c| matches!(c, Col::District(_)));
    let mut start = 0;
    while start < sheet.communes.len() {
        let name = &model[start].district;
        let end = (start..sheet.communes.len())
            .take_while(|&i| model[i].district == *name)
            .last()
            .expect("a district has communes");
        let (first, last) = (sheet.communes[start], sheet.communes[end]);
        let below: Vec<usize> = sheet.communes[start + 1..=end].to_vec();
        for r in below {
            *sheet.cell_mut(r, district) = Cell::Empty;
        }
        let c = u16::try_from(district).expect("narrow sheet");
        let (first, last) = (
            u32::try_from(first).expect("few rows"),
            u32::try_from(last).expect("few rows"),
        );
        sheet.merges.push((first, c, last, c));
        start = end + 1;
    }
    all.push(layout(
        "huyen-gop-o.xlsx",
        "the district typed once per district, its cell merged down over the district's communes",
        sheet,
        xlsx("Biểu 01"),
    ));

    let office = Office::new();
    let mut sheet = office.sheet(model);
    let numbers = sheet.header + 1;
    sheet.rows[numbers] = Row::Cells(
        ["A", "B", "C", "D"]
            .into_iter()
            .map(text)
            .chain((1..=office.width() - 4).map(|n| text(n.to_string())))
            .collect(),
    );
    all.push(layout(
        "cot-chu-so.csv",
        "the row under the header numbers the columns as government forms do: A, B, C, D for the name columns, then 1, 2, 3 …",
        sheet,
        csv(','),
    ));

    let mut office = Office::new();
    office.cols = indicator_cols("TC");
    office.values = Values::LiteralPercent;
    all.push(layout(
        "phan-tram-chu.xlsx",
        "indicator 3.1 typed as 93.4 and shown 93.4% through the format 0.0\"%\", whose percent sign is text",
        office.sheet(model),
        xlsx("Biểu 01"),
    ));

    let mut office = Office::new();
    office.cols[3] = Col::District("Huyện, thị xã, thành phố");
    all.push(layout(
        "huyen-thi-xa.csv",
        "the district column headed Huyện, thị xã, thành phố",
        office.sheet(model),
        csv(','),
    ));

    let mut office = Office::new();
    office.cols = standard_cols(|n| {
        format!(
            "Tiêu chí {n}: {}",
            criterion_name(if n == 3 { 1 } else { n })
        )
    });
    let sheet = office.sheet(model);
    let col = col_of(&office, |c| matches!(c, Col::Criterion(3, _)));
    let needles = vec![
        Needle::Header {
            row: sheet.header,
            header: sheet.header_of(col),
        },
        Needle::Text("criterion 1".to_owned()),
    ];
    all.push(Layout {
        expect: Expect::Error(needles),
        ..layout(
            "loi-ten-lech-tieu-de.xlsx",
            "ERROR: the header Tiêu chí 3: Quy hoạch on row 7, under a title block: exit 2 naming the header's row",
            sheet,
            xlsx("Biểu 01"),
        )
    });

    all
}

/// Columns with indicators: criterion 3 by 3.1 and 3.2, criterion 10 by income, the rest by
/// verdict columns headed `PREFIXn`; region and year for income's threshold.
fn indicator_cols(prefix: &str) -> Vec<Col> {
    let mut cols = vec![
        Col::Stt("STT"),
        Col::Id("Mã xã"),
        Col::Name("Tên xã"),
        Col::District("Huyện"),
        Col::Region("Vùng"),
        Col::Year("Năm"),
    ];
    for n in 1..=19 {
        match n {
            3 => {
                cols.push(Col::Irrigation("Chỉ tiêu 3.1".to_owned()));
                cols.push(Col::Disaster("Chỉ tiêu 3.2".to_owned()));
            }
            10 => cols.push(Col::Income("Chỉ tiêu 10".to_owned())),
            n => cols.push(Col::Criterion(n, format!("{prefix}{n}"))),
        }
    }
    cols
}

/// A workbook whose criterion 10 verdicts are formulas over an income column the set does not
/// use, and whose totals are COUNTIF formulas: each read by the value Excel saved with it.
fn formulas(model: &[Commune]) -> Layout {
    let mut office = Office::new();
    office.cols = standard_cols(|n| format!("TC{n}"));
    office
        .cols
        .insert(4, Col::Other("Thu nhập (triệu đồng/người/năm)"));
    let income = 4;
    let mut sheet = office.sheet(model);
    let tc10 = col_of(&office, |c| matches!(c, Col::Criterion(10, _)));
    let letter = |c: usize| char::from(b'A' + u8::try_from(c).expect("column A–Z"));
    for (i, &row) in sheet.communes.clone().iter().enumerate() {
        let excel_row = row + 1;
        let (value, result) = match model[i].verdicts[9] {
            Verdict::Met => (Cell::Number(45.5), "Đạt"),
            Verdict::NotMet => (Cell::Number(32.8), "Không đạt"),
            // what the formula cannot judge is typed over it, or the formula left out (an
            // empty text result cannot be saved here: rust_xlsxwriter writes it as 0)
            Verdict::Basic => (Cell::Number(38.6), ""),
            Verdict::Blank => (Cell::Empty, ""),
        };
        *sheet.cell_mut(row, income) = value;
        if matches!(model[i].verdicts[9], Verdict::Met | Verdict::NotMet) {
            *sheet.cell_mut(row, tc10) = Cell::Formula(
                format!(
                    "=IF({c}{excel_row}=\"\",\"\",IF({c}{excel_row}>=39,\"Đạt\",\"Không đạt\"))",
                    c = letter(income)
                ),
                result.to_owned(),
            );
        }
    }
    let first = sheet.communes[0] + 1;
    let last = sheet.communes[sheet.communes.len() - 1] + 1;
    let totals = *sheet.communes.last().expect("communes") + 1;
    if let Row::Cells(cells) = &mut sheet.rows[totals] {
        for (c, cell) in cells.iter_mut().enumerate() {
            if let Cell::Number(count) = cell {
                let l = letter(c);
                *cell = Cell::Formula(
                    format!("=COUNTIF({l}{first}:{l}{last},\"Đạt\")"),
                    count.to_string(),
                );
            }
        }
    }
    layout(
        "cong-thuc.xlsx",
        "formulas: TC10 computed by =IF(…) from an income column the set does not use (Cơ bản đạt typed over it, left out where income is blank), totals by =COUNTIF(…); each read by the value Excel saved",
        sheet,
        xlsx("Biểu 01"),
    )
}

/// The layouts `ntm` must refuse, saying where.
fn errors(model: &[Commune]) -> Vec<Layout> {
    let mut all = Vec::new();

    let office = Office::new();
    let mut sheet = office.sheet(model);
    let row = sheet.communes[5];
    *sheet.cell_mut(row, 1) = Cell::Empty;
    let needle = Needle::Cell {
        row,
        col: 1,
        header: sheet.header_of(1),
    };
    all.push(Layout {
        expect: Expect::Error(vec![needle]),
        ..layout(
            "loi-thieu-ma.csv",
            "ERROR: a commune's row with its criteria but no id, among the others: exit 2 naming its line and the Mã xã column",
            sheet,
            csv(','),
        )
    });

    let mut office = Office::new();
    office.cols = standard_cols(|n| format!("TC{n}"));
    let mut sheet = office.sheet(model);
    // the last commune of the table, just above the totals row
    let row = *sheet.communes.last().expect("communes");
    *sheet.cell_mut(row, 1) = Cell::Empty;
    let needle = Needle::Cell {
        row,
        col: 1,
        header: sheet.header_of(1),
    };
    all.push(Layout {
        expect: Expect::Error(vec![needle]),
        ..layout(
            "loi-thieu-ma.xlsx",
            "ERROR: the last commune of a workbook's table, above the totals, has no id: exit 2 naming its row and the Mã xã column",
            sheet,
            xlsx("Biểu 01"),
        )
    });

    let mut office = Office::new();
    office.cols = indicator_cols("TC");
    office.values = Values::Cells;
    let mut sheet = office.sheet(model);
    let tc5 = col_of(&office, |c| matches!(c, Col::Criterion(5, _)));
    let irrigation = col_of(&office, |c| matches!(c, Col::Irrigation(_)));
    let (first, second) = (sheet.communes[2], sheet.communes[7]);
    *sheet.cell_mut(first, tc5) = Cell::Date(2022, 3, 8);
    *sheet.cell_mut(second, irrigation) = Cell::Date(2022, 9, 30);
    let needles = vec![
        Needle::Cell {
            row: first,
            col: tc5,
            header: sheet.header_of(tc5),
        },
        Needle::Text("08/03/2022".to_owned()),
        Needle::Cell {
            row: second,
            col: irrigation,
            header: sheet.header_of(irrigation),
        },
        Needle::Text("30/09/2022".to_owned()),
    ];
    all.push(Layout {
        expect: Expect::Error(needles),
        ..layout(
            "loi-ngay.xlsx",
            "ERROR: dates where Excel turned what was typed into one, in a criterion cell (TC5) and an indicator cell (3.1): exit 2 naming both cells and the dates as shown",
            sheet,
            xlsx("Biểu 01"),
        )
    });

    let mut office = Office::new();
    office.cols = indicator_cols("TC");
    office.values = Values::Cells;
    let mut sheet = office.sheet(model);
    let tc7 = col_of(&office, |c| matches!(c, Col::Criterion(7, _)));
    let irrigation = col_of(&office, |c| matches!(c, Col::Irrigation(_)));
    let (first, second) = (sheet.communes[1], sheet.communes[8]);
    *sheet.cell_mut(first, irrigation) = Cell::Formula("=Z9/AA9".to_owned(), "#DIV/0!".to_owned());
    *sheet.cell_mut(second, tc7) = Cell::Formula(
        "=VLOOKUP(B16,'Sở Công Thương'!A:C,3,FALSE)".to_owned(),
        "#N/A".to_owned(),
    );
    let needles = vec![
        Needle::Cell {
            row: first,
            col: irrigation,
            header: sheet.header_of(irrigation),
        },
        Needle::Text("#DIV/0!".to_owned()),
        Needle::Cell {
            row: second,
            col: tc7,
            header: sheet.header_of(tc7),
        },
        Needle::Text("#N/A".to_owned()),
    ];
    all.push(Layout {
        expect: Expect::Error(needles),
        ..layout(
            "loi-div0.xlsx",
            "ERROR: Excel error cells, #DIV/0! in indicator 3.1 and #N/A in TC7: exit 2 naming both cells",
            sheet,
            xlsx("Biểu 01"),
        )
    });

    let office = Office::new();
    all.push(Layout {
        args: Some(Vec::new()),
        expect: Expect::Error(vec![
            Needle::Text("loi-khong-criteria.csv".to_owned()),
            Needle::Text("Tiêu chí 11".to_owned()),
            Needle::Text(format!("--criteria {SET}")),
        ]),
        ..layout(
            "loi-khong-criteria.csv",
            "ERROR: Tiêu chí 1 … 19 scored without --criteria (the default set is 2026–2030, of ten criteria): exit 2 naming the set that fits",
            office.sheet(model),
            csv(','),
        )
    });

    let mut office = Office::bare(standard_cols(|n| {
        format!("TC{n} - {}", criterion_name(if n == 3 { 1 } else { n }))
    }));
    office.cols.remove(0);
    let sheet = office.sheet(model);
    let col = col_of(&office, |c| matches!(c, Col::Criterion(3, _)));
    let needles = vec![
        Needle::Header {
            row: sheet.header,
            header: sheet.header_of(col),
        },
        Needle::Text("criterion 1".to_owned()),
    ];
    all.push(Layout {
        expect: Expect::Error(needles),
        ..layout(
            "loi-ten-lech.csv",
            "ERROR: the header TC3 - Quy hoạch names criterion 1 over criterion 3's column (the columns may have shifted): exit 2 naming the header",
            sheet,
            csv(','),
        )
    });

    all
}

/// A file of the catalogue: its name in the folder and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    /// The name in `tests/data/layouts`.
    pub name: String,
    /// Its content.
    pub bytes: Vec<u8>,
}

/// Every file of the catalogue: each layout, its `.expected.csv` or `.expected-error.txt`, its
/// `.args` when it needs other arguments than `--criteria vn-commune-2021-2025`, and a
/// README listing them.
///
/// # Errors
/// What writing a workbook gives.
pub fn files() -> Result<Vec<File>, String> {
    let model = province();
    let mut files = Vec::new();
    let mut readme = String::from(
        "# Office layouts\n\nWritten by `cargo run --example layouts -- tests/data/layouts` from one made-up\nprovince of ten communes in three districts (`examples/layouts/catalogue.rs`), and scored\nby `tests/cli/layouts.rs`. Beside each layout: `NAME.expected.csv`, the columns of\n`ntm score --format csv` every commune must get, or `NAME.expected-error.txt`, what the\nexit-2 message must contain (one piece a line); `NAME.args`, when there is one, holds the\narguments after `ntm score NAME` (one a line) instead of `--criteria vn-commune-2021-2025`.\n\n| layout | what it exercises |\n|---|---|\n",
    );
    for layout in layouts(&model) {
        let (bytes, lines) = render(&layout)?;
        let _ = writeln!(readme, "| `{}` | {} |", layout.name, layout.about);
        files.push(File {
            name: layout.name.to_owned(),
            bytes,
        });
        if let Some(args) = &layout.args {
            let mut text = String::new();
            for arg in args {
                let _ = writeln!(text, "{arg}");
            }
            files.push(File {
                name: format!("{}.args", layout.name),
                bytes: text.into_bytes(),
            });
        }
        match &layout.expect {
            Expect::Communes | Expect::CommunesByNumber => {
                let by_number = matches!(layout.expect, Expect::CommunesByNumber);
                let mut text = EXPECTED_COLUMNS.join(",");
                text.push('\n');
                for commune in &model {
                    let mut row = expected_row(commune);
                    if by_number {
                        let shown = row[0].trim_start_matches('0').to_owned();
                        row[0] = shown;
                    }
                    let row: Vec<String> = row.iter().map(|f| quoted(f, ',')).collect();
                    text.push_str(&row.join(","));
                    text.push('\n');
                }
                files.push(File {
                    name: format!("{}.expected.csv", layout.name),
                    bytes: text.into_bytes(),
                });
            }
            Expect::Error(needles) => {
                let mut text = String::new();
                for needle in needles {
                    let _ = match needle {
                        Needle::Text(t) => writeln!(text, "{t}"),
                        Needle::Cell { row, col, header } => match layout.form {
                            Form::Xlsx { sheet, .. } => writeln!(
                                text,
                                "{}: {sheet}!{}{}: column \"{}\"",
                                layout.name,
                                column_letters(*col),
                                lines[*row],
                                visible(header)
                            ),
                            Form::Csv { .. } => writeln!(
                                text,
                                "{}:{}: column \"{}\"",
                                layout.name,
                                lines[*row],
                                visible(header)
                            ),
                        },
                        Needle::Header { row, header } => writeln!(
                            text,
                            "{}:{}: column \"{}\"",
                            layout.name,
                            lines[*row],
                            visible(header)
                        ),
                    };
                }
                files.push(File {
                    name: format!("{}.expected-error.txt", layout.name),
                    bytes: text.into_bytes(),
                });
            }
        }
    }
    files.push(File {
        name: "README.md".to_owned(),
        bytes: readme.into_bytes(),
    });
    Ok(files)
}

/// A column's letters as Excel writes them: `A` for 0, `AA` for 26.
fn column_letters(col: usize) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        letters.push(char::from(b'A' + u8::try_from((n - 1) % 26).unwrap_or(0)));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// A header as `ntm` names it: without the characters that cannot be seen.
fn visible(header: &str) -> String {
    header
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}'
            )
        })
        .collect()
}

/// The bytes of a layout's file, and the line (CSV) or row (workbook) each of its rows starts
/// on.
fn render(layout: &Layout) -> Result<(Vec<u8>, Vec<u64>), String> {
    match layout.form {
        Form::Csv {
            delimiter,
            crlf,
            encoding,
        } => {
            let (text, lines) = csv_text(&layout.rows, delimiter, crlf);
            Ok((encode(&text, encoding, layout.name)?, lines))
        }
        Form::Xlsx { sheet, guide_first } => {
            let bytes = workbook(layout, sheet, guide_first)
                .map_err(|e| format!("{}: {e}", layout.name))?;
            let rows = (1..).take(layout.rows.len()).collect();
            Ok((bytes, rows))
        }
    }
}

/// A cell's text in a CSV file, as Excel saves what it shows.
fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(s) => s.clone(),
        Cell::Formatted(x, "00000") => format!("{x:05}"),
        Cell::Formatted(x, format) if format.contains('%') => {
            format!("{}%", (x * 1000.0).round() / 10.0)
        }
        Cell::Number(x) | Cell::Formatted(x, _) => format!("{x}"),
        Cell::Date(y, m, d) => format!("{d:02}/{m:02}/{y}"),
        Cell::Formula(_, result) => result.clone(),
    }
}

/// A field, quoted when it holds the delimiter, a quote or a line break.
fn quoted(field: &str, delimiter: char) -> String {
    if field.contains([delimiter, '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// The rows as CSV text, and the line each starts on. Every row is as wide as the widest, as
/// Excel saves a sheet (`,,,,` for a row of empty cells); a [`Row::Empty`] is an empty line.
fn csv_text(rows: &[Row], delimiter: char, crlf: bool) -> (String, Vec<u64>) {
    let width = rows
        .iter()
        .map(|r| match r {
            Row::Cells(cells) => cells.len(),
            Row::Empty => 0,
        })
        .max()
        .unwrap_or(0);
    let end = if crlf { "\r\n" } else { "\n" };
    let mut text = String::new();
    let mut lines = Vec::new();
    let mut line = 1;
    for row in rows {
        lines.push(line);
        let fields: Vec<String> = match row {
            Row::Empty => Vec::new(),
            Row::Cells(cells) => {
                let mut fields: Vec<String> = cells
                    .iter()
                    .map(|c| quoted(&cell_text(c), delimiter))
                    .collect();
                fields.resize(width, String::new());
                fields
            }
        };
        let joined = fields.join(&delimiter.to_string());
        line += 1 + u64::try_from(joined.matches('\n').count()).expect("few lines");
        text.push_str(&joined);
        text.push_str(end);
    }
    (text, lines)
}

/// `text` in `encoding`.
fn encode(text: &str, encoding: Encoding, name: &str) -> Result<Vec<u8>, String> {
    Ok(match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => {
            let mut bytes = "\u{feff}".as_bytes().to_vec();
            bytes.extend_from_slice(text.as_bytes());
            bytes
        }
        Encoding::Utf16Le => {
            let mut bytes = vec![0xff, 0xfe];
            bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            bytes
        }
        Encoding::Windows1258 => {
            // the code page has the letters â ê ô ă ơ ư đ, and the five tone marks only as
            // combining characters
            let mut split = String::with_capacity(text.len());
            for c in text.chars() {
                let (mut base, mut tones) = (String::new(), String::new());
                for d in std::iter::once(c).nfd() {
                    if matches!(d, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}') {
                        tones.push(d);
                    } else {
                        base.push(d);
                    }
                }
                split.extend(base.nfc());
                split.push_str(&tones);
            }
            let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&split);
            if unmappable {
                return Err(format!("{name}: text Windows-1258 cannot hold"));
            }
            bytes.into_owned()
        }
    })
}

/// The layout as an .xlsx workbook, the same bytes every time: its creation time is fixed.
fn workbook(layout: &Layout, sheet_name: &str, guide_first: bool) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(2022, 12, 30)?.and_hms(8, 0, 0)?;
    book.set_properties(
        &DocProperties::new()
            .set_author("Sở Nông nghiệp và PTNT tỉnh Mẫu")
            .set_creation_datetime(&created),
    );
    if guide_first {
        let guide = book.add_worksheet();
        guide.set_name("Hướng dẫn")?;
        guide.write_string(0, 0, "Hướng dẫn điền biểu")?;
        guide.write_string(1, 0, "Mã xã: mã đơn vị hành chính 5 chữ số")?;
        guide.write_string(
            2,
            0,
            "Tiêu chí: Đạt, Không đạt hoặc Cơ bản đạt; để trống nếu chưa đánh giá",
        )?;
    }
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name)?;
    let bold = Format::new().set_bold();
    let header = Format::new().set_bold().set_text_wrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let merged = |r: u32, c: u16| {
        layout
            .merges
            .iter()
            .find(|&&(r1, c1, r2, c2)| (r1..=r2).contains(&r) && (c1..=c2).contains(&c))
    };
    for (r, row) in (0u32..).zip(&layout.rows) {
        let Row::Cells(cells) = row else { continue };
        for (c, cell) in (0u16..).zip(cells) {
            if let Some(&(r1, c1, r2, c2)) = merged(r, c) {
                if (r, c) == (r1, c1) {
                    sheet.merge_range(r1, c1, r2, c2, &cell_text(cell), &bold)?;
                }
                continue;
            }
            match cell {
                Cell::Empty => {}
                Cell::Text(s) if usize::try_from(r).ok() == header_row(layout) => {
                    sheet.write_string_with_format(r, c, s, &header)?;
                }
                Cell::Text(s) => {
                    sheet.write_string(r, c, s)?;
                }
                Cell::Number(x) => {
                    sheet.write_number(r, c, *x)?;
                }
                Cell::Formatted(x, format) => {
                    sheet.write_number_with_format(
                        r,
                        c,
                        *x,
                        &Format::new().set_num_format(*format),
                    )?;
                }
                Cell::Date(y, m, d) => {
                    let day = ExcelDateTime::from_ymd(*y, *m, *d)?;
                    sheet.write_datetime_with_format(r, c, &day, &date)?;
                }
                Cell::Formula(formula, result) => {
                    sheet.write_formula(r, c, Formula::new(formula).set_result(result))?;
                }
            }
        }
    }
    book.save_to_buffer()
}

/// The row of the layout's header: the first that names the commune id column.
fn header_row(layout: &Layout) -> Option<usize> {
    layout.rows.iter().position(|row| match row {
        Row::Cells(cells) => cells
            .iter()
            .any(|c| matches!(c, Cell::Text(t) if visible(t).starts_with("Mã"))),
        Row::Empty => false,
    })
}
