//! What is said of a criteria file or a provincial overlay that does not hold together: one
//! enum per kind of problem, each giving its words in Vietnamese and in English. The names a
//! file uses (its keys, ids, codes, values) stay as written in both, so an author finds them.

/// `, năm 2024` and `, year 2024` after an indicator, when a level is a year's.
fn at_year(year: Option<u16>) -> (String, String) {
    year.map_or_else(Default::default, |y| {
        (format!(", năm {y}"), format!(", year {y}"))
    })
}

/// A field that must not be empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    /// The number of a decision of the legal basis.
    Decision,
    /// `classification.column`.
    ClassificationColumn,
    /// A class code.
    ClassCode,
    /// The source of a classification override.
    OverrideSource,
    /// The source of a tier.
    TierSource,
    /// The source of a change of a criterion's owner.
    OwnerChangeSource,
    /// The source of a recognition condition.
    ConditionSource,
    /// The source of an indicator's threshold.
    ThresholdSource(String),
    /// An indicator's id.
    IndicatorId,
}

impl Field {
    /// `… must not be empty`, in both languages.
    #[must_use]
    pub fn texts(&self) -> (String, String) {
        let (vi, en) = match self {
            Field::Decision => ("số hiệu quyết định (decision)".into(), "decision".into()),
            Field::ClassificationColumn => (
                "cột phân loại (classification.column)".into(),
                "classification.column".into(),
            ),
            Field::ClassCode => ("mã phân loại (code)".into(), "class code".into()),
            Field::OverrideSource => (
                "căn cứ (source) của phân loại riêng (override)".into(),
                "override source".into(),
            ),
            Field::TierSource => ("căn cứ (source) của mức".into(), "tier source".into()),
            Field::OwnerChangeSource => (
                "căn cứ (source) của lần đổi sở phụ trách".into(),
                "owner change source".into(),
            ),
            Field::ConditionSource => (
                "căn cứ (source) của điều kiện công nhận".into(),
                "condition source".into(),
            ),
            Field::ThresholdSource(id) => (
                format!("căn cứ (source) của ngưỡng chỉ tiêu {id}"),
                format!("threshold source of indicator {id}"),
            ),
            Field::IndicatorId => ("mã chỉ tiêu (id)".into(), "indicator id".into()),
        };
        (
            format!("{vi} không được để trống"),
            format!("{en} must not be empty"),
        )
    }
}

/// A list that must not be empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Listing {
    /// `legal_basis`.
    LegalBasis,
    /// The classes of the classification.
    Classes,
    /// `tiers`.
    Tiers,
    /// The criteria of a tier.
    Criteria(String),
    /// The years of an indicator's `by_year`.
    Years(String),
}

impl Listing {
    /// What is missing, in both languages.
    #[must_use]
    pub fn texts(&self) -> (String, String) {
        match self {
            Listing::LegalBasis => (
                "căn cứ pháp lý (legal_basis) phải ghi ít nhất một quyết định".into(),
                "legal_basis must name at least one decision".into(),
            ),
            Listing::Classes => (
                "phân loại (classification) phải có ít nhất một mã phân loại".into(),
                "classification must list at least one class".into(),
            ),
            Listing::Tiers => (
                "danh sách mức (tiers) phải có ít nhất mức đạt chuẩn (standard)".into(),
                "tiers must list at least the standard tier".into(),
            ),
            Listing::Criteria(tier) => (
                format!("mức «{tier}» không có tiêu chí nào"),
                format!("tier \"{tier}\" has no criteria"),
            ),
            Listing::Years(id) => (
                format!("chỉ tiêu {id}: by_year không ghi năm nào"),
                format!("indicator {id}: by_year lists no year"),
            ),
        }
    }
}

/// Something whose end comes before its start, or whose order is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backwards {
    /// The set's period.
    Period {
        /// The first year.
        from: u16,
        /// The last year.
        to: u16,
    },
    /// The dates the set is in force.
    InForce {
        /// `in_force.from`, as shown.
        from: String,
        /// `in_force.until`, as shown.
        until: String,
    },
    /// The years of a version of an indicator.
    IndicatorYears {
        /// The indicator.
        id: String,
        /// The first year.
        from: u16,
        /// The last year.
        to: u16,
    },
    /// A band whose least count is above its greatest.
    Band {
        /// The band's label.
        label: String,
        /// Its `min`.
        min: u32,
        /// Its `max`.
        max: u32,
    },
    /// A criterion's `owner_changes` out of order.
    OwnerChanges(u32),
}

impl Backwards {
    /// What is out of order, in both languages.
    #[must_use]
    pub fn texts(&self) -> (String, String) {
        match self {
            Backwards::Period { from, to } => (
                format!("giai đoạn kết thúc ({to}) trước khi bắt đầu ({from})"),
                format!("period ends ({to}) before it starts ({from})"),
            ),
            Backwards::InForce { from, until } => (
                format!(
                    "ngày hết hiệu lực in_force.until ({until}) trước ngày có hiệu lực in_force.from ({from})"
                ),
                format!("in_force.until ({until}) is before in_force.from ({from})"),
            ),
            Backwards::IndicatorYears { id, from, to } => (
                format!("chỉ tiêu {id}: năm kết thúc ({to}) trước năm bắt đầu ({from})"),
                format!("indicator {id}: years end ({to}) before they start ({from})"),
            ),
            Backwards::Band { label, min, max } => (
                format!("nhóm {label}: min {min} lớn hơn max {max}"),
                format!("band {label}: min {min} is above max {max}"),
            ),
            Backwards::OwnerChanges(number) => (
                format!(
                    "tiêu chí {number}: owner_changes phải xếp theo năm tăng dần, mỗi năm một lần"
                ),
                format!("criterion {number}: owner_changes must be in ascending years, each once"),
            ),
        }
    }
}

/// A name (an id or a prefix) not written as it must be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Naming {
    /// The set's id.
    SetId(String),
    /// A tier's `verdict_prefix`.
    VerdictPrefix(String),
    /// A tier's id (`none`, or empty).
    TierId(String),
}

impl Naming {
    /// What is wrong with the name, in both languages.
    #[must_use]
    pub fn texts(&self) -> (String, String) {
        match self {
            Naming::SetId(id) => (
                format!(
                    "mã bộ tiêu chí «{id}» chỉ được gồm chữ thường không dấu, chữ số và dấu gạch nối, ví dụ vn-commune-2021-2025"
                ),
                format!(
                    "set id \"{id}\" must be lower-case letters, digits and hyphens, e.g. vn-commune-2021-2025"
                ),
            ),
            Naming::VerdictPrefix(prefix) => (
                format!("verdict_prefix «{prefix}» phải gồm chữ in hoa không dấu, ví dụ TC"),
                format!("verdict_prefix \"{prefix}\" must be upper-case letters, e.g. TC"),
            ),
            Naming::TierId(id) => (
                format!("«{id}» không dùng được làm mã mức"),
                format!("\"{id}\" cannot be a tier id"),
            ),
        }
    }
}

/// Something named twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Twice {
    /// A class code.
    Class(String),
    /// A spelling naming two classes.
    Spelling {
        /// The class.
        class: String,
        /// The spelling, folded.
        spelling: String,
        /// The other class it names.
        other: String,
    },
    /// A tier of a set.
    Tier(String),
    /// A criterion of a set's tier.
    Criterion {
        /// The criterion's number.
        number: u32,
        /// The tier.
        tier: String,
    },
    /// An indicator of a set's tier, whose versions are not apart.
    Indicator {
        /// The indicator.
        id: String,
        /// The tier.
        tier: String,
    },
    /// A verdict prefix used by two tiers.
    VerdictPrefix(String),
    /// A tier an overlay gives twice.
    OverlayTier(String),
    /// A criterion an overlay gives twice in a tier.
    OverlayCriterion {
        /// The criterion's number.
        number: u32,
        /// The tier.
        tier: String,
    },
    /// An indicator an overlay adds twice.
    OverlayIndicator(String),
}

impl Twice {
    /// What is named twice, in both languages.
    #[must_use]
    pub fn texts(&self) -> (String, String) {
        match self {
            Twice::Class(code) => (
                format!("mã phân loại {code} được ghi hai lần"),
                format!("class {code} is listed twice"),
            ),
            Twice::Spelling {
                class,
                spelling,
                other,
            } => (
                format!("mã phân loại {class}: cách viết «{spelling}» cũng là tên của mã {other}"),
                format!("class {class}: spelling \"{spelling}\" also names class {other}"),
            ),
            Twice::Tier(id) => (
                format!("mức «{id}» được khai báo hai lần"),
                format!("tier \"{id}\" is defined twice"),
            ),
            Twice::Criterion { number, tier } => (
                format!("tiêu chí {number} được khai báo hai lần trong mức «{tier}»"),
                format!("criterion {number} is defined twice in tier \"{tier}\""),
            ),
            Twice::Indicator { id, tier } => (
                format!(
                    "chỉ tiêu {id} được khai báo hai lần trong mức «{tier}» (mỗi phiên bản của một chỉ tiêu được sửa đổi phải ghi năm áp dụng, và các khoảng năm không được chồng lên nhau)"
                ),
                format!(
                    "indicator {id} is defined twice in tier \"{tier}\" (versions of an amended indicator each give years, and their years do not overlap)"
                ),
            ),
            Twice::VerdictPrefix(prefix) => (
                format!("verdict_prefix «{prefix}» đã được một mức khác dùng"),
                format!("verdict_prefix \"{prefix}\" is used by another tier"),
            ),
            Twice::OverlayTier(id) => (
                format!("mức «{id}» được ghi hai lần"),
                format!("tier \"{id}\" is given twice"),
            ),
            Twice::OverlayCriterion { number, tier } => (
                format!("tiêu chí {number} của mức «{tier}» được ghi hai lần"),
                format!("criterion {number} of tier \"{tier}\" is given twice"),
            ),
            Twice::OverlayIndicator(id) => (
                format!("chỉ tiêu {id} được ghi hai lần"),
                format!("indicator {id} is given twice"),
            ),
        }
    }
}

/// A name that refers to nothing the set (or an overlay's base) has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unknown {
    /// A classification override using a class the set lacks.
    OverrideClass(String),
    /// A level given for a class the set (or the base) lacks.
    Class {
        /// The indicator.
        indicator: String,
        /// The code given.
        code: String,
        /// The class codes there are.
        codes: Vec<String>,
        /// Whether the classes are an overlay's base's.
        base: bool,
    },
    /// `relative_to` naming no measured indicator of a lower tier.
    RelativeTo {
        /// The indicator whose threshold it is.
        indicator: String,
        /// The indicator named.
        named: String,
        /// The tier named.
        tier: String,
    },
    /// An overlay's tier the base lacks.
    Tier {
        /// The tier named.
        tier: String,
        /// The base.
        base: String,
        /// The base's tiers.
        tiers: Vec<String>,
    },
    /// An overlay's criterion the base's tier lacks, without `added: true`.
    Criterion {
        /// The criterion's number.
        number: u32,
        /// The tier.
        tier: String,
        /// The base.
        base: String,
    },
    /// An overlay's indicator the base's criterion lacks, without `added: true`.
    Indicator {
        /// The indicator.
        id: String,
        /// Its criterion.
        criterion: u32,
        /// The tier.
        tier: String,
        /// The base.
        base: String,
    },
}

impl Unknown {
    /// What is named and not there, in both languages.
    #[must_use]
    pub fn texts(&self) -> (String, String) {
        match self {
            Unknown::OverrideClass(class) => (
                format!(
                    "phân loại riêng (override) dùng mã phân loại «{class}», không có trong bộ tiêu chí này"
                ),
                format!("override uses class \"{class}\", which is not a class code of this set"),
            ),
            Unknown::Class {
                indicator,
                code,
                codes,
                base,
            } => {
                let codes = codes.join(", ");
                let (bv, be) = if *base {
                    (" của bộ gốc", " of the base")
                } else {
                    ("", "")
                };
                (
                    format!(
                        "chỉ tiêu {indicator}: «{code}» không phải là mã phân loại{bv}; phải là một trong {codes}"
                    ),
                    format!(
                        "indicator {indicator}: \"{code}\" is not a class code{be}; expected one of {codes}"
                    ),
                )
            }
            Unknown::RelativeTo {
                indicator,
                named,
                tier,
            } => (
                format!(
                    "chỉ tiêu {indicator}: relative_to trỏ tới chỉ tiêu {named} của mức «{tier}», nhưng đó không phải là chỉ tiêu đo bằng số của một mức thấp hơn"
                ),
                format!(
                    "indicator {indicator}: relative_to names indicator {named} of tier \"{tier}\", which is not a measured indicator of a lower tier"
                ),
            ),
            Unknown::Tier { tier, base, tiers } => {
                let tiers = tiers.join(", ");
                (
                    format!("{base} không có mức «{tier}»; các mức của bộ gốc là {tiers}"),
                    format!("tier \"{tier}\" is not in {base}; its tiers are {tiers}"),
                )
            }
            Unknown::Criterion { number, tier, base } => (
                format!(
                    "mức «{tier}» của {base} không có tiêu chí {number}; tiêu chí do tỉnh bổ sung cần ghi added: true, kèm tên (name), sở phụ trách (owner), căn cứ (source) và các chỉ tiêu (indicators)"
                ),
                format!(
                    "criterion {number} is not in tier \"{tier}\" of {base}; a criterion the province adds needs added: true, with its name, owner, source and indicators"
                ),
            ),
            Unknown::Indicator {
                id,
                criterion,
                tier,
                base,
            } => (
                format!(
                    "tiêu chí {criterion} của mức «{tier}» trong {base} không có chỉ tiêu {id}; chỉ tiêu do tỉnh bổ sung cần ghi added: true, kèm tên (name), loại (kind) và căn cứ (source)"
                ),
                format!(
                    "indicator {id} is not in criterion {criterion} of tier \"{tier}\" of {base}; an indicator the province adds needs added: true, with its name, kind and source"
                ),
            ),
        }
    }
}

/// A data column claimed by two things.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clash {
    /// An indicator id that is a reserved column (`year`, the classification's column, …).
    Reserved(String),
    /// One indicator id of two kinds in one set.
    Kind {
        /// The indicator.
        id: String,
        /// The line of its first kind.
        line: u64,
    },
    /// An overlay's indicator of another kind than the base's of the same id.
    BaseKind(String),
    /// An indicator id that is a tier's verdict column.
    VerdictColumn {
        /// The id (`TC1`).
        column: String,
        /// The criterion whose verdict column it is.
        criterion: u32,
        /// The tier.
        tier: String,
    },
    /// A recognition condition's column that is not its own.
    Condition(String),
}

impl Clash {
    /// Whose the column is, in both languages.
    #[must_use]
    pub fn texts(&self) -> (String, String) {
        match self {
            Clash::Reserved(id) => (
                format!("mã chỉ tiêu «{id}» là tên dành cho một cột dữ liệu khác"),
                format!("indicator id \"{id}\" is reserved for another data column"),
            ),
            Clash::Kind { id, line } => (
                format!(
                    "chỉ tiêu {id} là một cột dữ liệu: loại (kind) của nó phải giống loại đã ghi ở dòng {line}"
                ),
                format!(
                    "indicator {id} is one data column: its kind must match the kind given at line {line}"
                ),
            ),
            Clash::BaseKind(id) => (
                format!(
                    "chỉ tiêu {id} là một cột dữ liệu: loại (kind) của nó phải giống loại trong bộ gốc"
                ),
                format!("indicator {id} is one data column: its kind must match the base's"),
            ),
            Clash::VerdictColumn {
                column,
                criterion,
                tier,
            } => (
                format!(
                    "mã chỉ tiêu {column} trùng với cột kết quả của tiêu chí {criterion} mức «{tier}»"
                ),
                format!(
                    "indicator id {column} collides with the verdict column of criterion {criterion} of tier \"{tier}\""
                ),
            ),
            Clash::Condition(column) => (
                format!(
                    "cột «{column}» của điều kiện công nhận phải là cột riêng (không để trống, không trùng với chỉ tiêu, với cột dành sẵn hay với cột của điều kiện khác)"
                ),
                format!(
                    "recognition condition column \"{column}\" must be a column of its own (not empty, not an indicator, not a reserved or another condition's column)"
                ),
            ),
        }
    }
}

/// An indicator or a threshold written in a shape that does not hold together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// A yes/no indicator with a comparison, threshold or unit.
    YesNoTakesNothing(String),
    /// A yes/no indicator of the base given a threshold by an overlay.
    YesNoNoThreshold(String),
    /// A measured indicator without a comparison.
    NeedsComparison(String),
    /// A measured indicator without a threshold.
    NeedsThreshold(String),
    /// An indicator an overlay adds, measured, without a comparison or a threshold.
    NeedsBoth(String),
    /// A threshold giving none or several of its forms; `relative` when `relative_to` is one.
    OneForm {
        /// The indicator.
        id: String,
        /// Whether `relative_to` is a form allowed (in a set, not an overlay).
        relative: bool,
    },
    /// A year of `by_year` giving none or both of `value` and `by_region`.
    YearOneForm {
        /// The indicator.
        id: String,
        /// The year.
        year: u16,
    },
    /// `relative_to` with a factor that is not a positive number.
    Factor(String),
    /// `by_region` lacking classes.
    NoValueFor {
        /// The indicator.
        id: String,
        /// The classes without a value.
        classes: Vec<String>,
    },
}

impl Shape {
    /// What the indicator needs, in both languages.
    #[must_use]
    pub fn texts(&self) -> (String, String) {
        match self {
            Shape::YesNoTakesNothing(id) => (
                format!(
                    "chỉ tiêu {id} thuộc loại yes_no: đạt khi có, nên không ghi comparison, threshold hay unit"
                ),
                format!(
                    "indicator {id} is yes_no: it is met when yes, and takes no comparison, threshold or unit"
                ),
            ),
            Shape::YesNoNoThreshold(id) => (
                format!(
                    "chỉ tiêu {id} thuộc loại yes_no: đạt khi có, nên không có ngưỡng (threshold)"
                ),
                format!("indicator {id} is yes_no: it is met when yes and has no threshold"),
            ),
            Shape::NeedsComparison(id) => (
                format!(
                    "chỉ tiêu {id} cần ghi phép so sánh (comparison): \">=\", \"<=\" hoặc \"==\""
                ),
                format!("indicator {id} needs a comparison: \">=\", \"<=\" or \"==\""),
            ),
            Shape::NeedsThreshold(id) => (
                format!(
                    "chỉ tiêu {id} cần ghi ngưỡng (threshold); khi văn bản chưa cho biết giá trị, ghi value: ~ kèm verified: false"
                ),
                format!(
                    "indicator {id} needs a threshold (write value: ~ with verified: false where the legal value is not known)"
                ),
            ),
            Shape::NeedsBoth(id) => (
                format!("chỉ tiêu {id} cần ghi phép so sánh (comparison) và ngưỡng (threshold)"),
                format!("indicator {id} needs a comparison and a threshold"),
            ),
            Shape::OneForm { id, relative } => {
                let (forms_vi, forms_en) = if *relative {
                    (
                        "value, by_region (by_group), by_year hoặc relative_to",
                        "value, by_region (by_group), by_year or relative_to",
                    )
                } else {
                    (
                        "value, by_region (by_group) hoặc by_year",
                        "value, by_region (by_group) or by_year",
                    )
                };
                (
                    format!("ngưỡng của chỉ tiêu {id} phải ghi đúng một trong {forms_vi}"),
                    format!("threshold of indicator {id} needs exactly one of {forms_en}"),
                )
            }
            Shape::YearOneForm { id, year } => (
                format!(
                    "chỉ tiêu {id}, năm {year}: hãy ghi đúng một trong value hoặc by_region (by_group)"
                ),
                format!(
                    "indicator {id}, year {year}: give exactly one of value or by_region (by_group)"
                ),
            ),
            Shape::Factor(id) => (
                format!("chỉ tiêu {id}: factor phải là một số dương"),
                format!("indicator {id}: factor must be a positive number"),
            ),
            Shape::NoValueFor { id, classes } => {
                let classes = classes.join(", ");
                (
                    format!(
                        "chỉ tiêu {id}: chưa có giá trị cho {classes} (ghi ~ nếu văn bản chưa cho biết giá trị)"
                    ),
                    format!(
                        "indicator {id}: no value for {classes} (write ~ where the legal value is not known)"
                    ),
                )
            }
        }
    }
}

/// A threshold level (or its year) outside what it may be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutOfRange {
    /// A level marked verified whose value is `~`.
    VerifiedUnknown {
        /// The indicator.
        id: String,
        /// The year, for a year's level.
        year: Option<u16>,
    },
    /// A level that is not a finite number.
    NotFinite {
        /// The indicator.
        id: String,
        /// The year, for a year's level.
        year: Option<u16>,
    },
    /// A percentage level outside 0–100.
    Percent {
        /// The indicator.
        id: String,
        /// The year, for a year's level.
        year: Option<u16>,
        /// The level, as written.
        amount: String,
    },
    /// A year of `by_year` outside the set's period.
    Year {
        /// The indicator.
        id: String,
        /// The year.
        year: u16,
        /// The set's period (`2021–2025`).
        period: String,
    },
}

impl OutOfRange {
    /// What the value should be, in both languages.
    #[must_use]
    pub fn texts(&self) -> (String, String) {
        match self {
            OutOfRange::VerifiedUnknown { id, year } => {
                let (av, ae) = at_year(*year);
                (
                    format!(
                        "chỉ tiêu {id}{av}: giá trị đã đánh dấu verified phải là một số, không được là ~"
                    ),
                    format!("indicator {id}{ae}: a value marked verified must be a number, not ~"),
                )
            }
            OutOfRange::NotFinite { id, year } => {
                let (av, ae) = at_year(*year);
                (
                    format!("chỉ tiêu {id}{av}: ngưỡng phải là một số hữu hạn"),
                    format!("indicator {id}{ae}: threshold must be a finite number"),
                )
            }
            OutOfRange::Percent { id, year, amount } => {
                let (av, ae) = at_year(*year);
                (
                    format!("chỉ tiêu {id}{av}: ngưỡng tỷ lệ {amount} nằm ngoài khoảng 0–100"),
                    format!("indicator {id}{ae}: percentage threshold {amount} is outside 0–100"),
                )
            }
            OutOfRange::Year { id, year, period } => (
                format!("chỉ tiêu {id}: năm {year} nằm ngoài giai đoạn {period} của bộ tiêu chí"),
                format!("indicator {id}: year {year} is outside the set's period {period}"),
            ),
        }
    }
}

/// A count of criteria met that the bands do not put in exactly one band.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BandGap {
    /// No band holds the count.
    Uncovered {
        /// Criteria met.
        count: u32,
        /// The base tier's criteria.
        total: u32,
    },
    /// Several bands hold the count.
    Several {
        /// Criteria met.
        count: u32,
        /// The bands holding it.
        bands: Vec<String>,
    },
}

impl BandGap {
    /// What is wrong with the bands, in both languages; `base` when they are an overlay's
    /// base's.
    #[must_use]
    pub fn texts(&self, base: bool) -> (String, String) {
        let (vi, en) = match self {
            BandGap::Uncovered { count, total } => (
                format!(
                    "không nhóm nào chứa các xã đạt {count}/{total} tiêu chí; các nhóm (bands) phải phủ từ 0 đến {total}"
                ),
                format!(
                    "no band holds communes meeting {count} of {total} criteria; bands must cover 0 to {total}"
                ),
            ),
            BandGap::Several { count, bands } => {
                let bands = bands.join(", ");
                (
                    format!("xã đạt {count} tiêu chí rơi vào nhiều nhóm: {bands}"),
                    format!("communes meeting {count} criteria fall in several bands: {bands}"),
                )
            }
        };
        if base {
            (
                format!(
                    "{vi} (đây là các nhóm của bộ gốc; hãy ghi bands: tính cả các tiêu chí tỉnh bổ sung)"
                ),
                format!("{en} (the base's bands; give bands: for the criteria the overlay adds)"),
            )
        } else {
            (vi, en)
        }
    }
}

/// What an overlay may and may not say of its base's criteria and indicators.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OverlayRule {
    /// `added: true` on a criterion the base has.
    CriterionAlready {
        /// The criterion's number.
        number: u32,
        /// The tier.
        tier: String,
        /// The base.
        base: String,
    },
    /// `added: true` on an indicator the base has.
    IndicatorAlready {
        /// The indicator.
        id: String,
        /// Its criterion.
        criterion: u32,
    },
    /// A new name for a criterion of the base.
    Rename {
        /// The criterion's number.
        number: u32,
        /// The base.
        base: String,
    },
    /// A provincial owner without its source.
    OwnerSource(u32),
    /// A source on a criterion of the base without a provincial owner.
    StraySource(u32),
    /// An added criterion without its name, owner or source.
    AddedCriterion(u32),
    /// An indicator of the base given more than its threshold and note.
    OnlyThreshold {
        /// The indicator.
        id: String,
        /// The base.
        base: String,
    },
    /// An added indicator without its name, kind or source.
    AddedIndicator(String),
}

impl OverlayRule {
    /// What the overlay must write instead, in both languages.
    #[must_use]
    pub fn texts(&self) -> (String, String) {
        match self {
            OverlayRule::CriterionAlready { number, tier, base } => (
                format!(
                    "tiêu chí {number} đã có trong mức «{tier}» của {base}: bỏ added: true để sửa tiêu chí đó"
                ),
                format!(
                    "criterion {number} is already in tier \"{tier}\" of {base}: drop added: true to change it"
                ),
            ),
            OverlayRule::IndicatorAlready { id, criterion } => (
                format!(
                    "chỉ tiêu {id} đã có trong tiêu chí {criterion}: bỏ added: true để sửa ngưỡng của chỉ tiêu đó"
                ),
                format!(
                    "indicator {id} is already in criterion {criterion}: drop added: true to change its threshold"
                ),
            ),
            OverlayRule::Rename { number, base } => (
                format!(
                    "tiêu chí {number}: bộ tiêu chí của tỉnh không được đổi tên tiêu chí của {base}"
                ),
                format!("criterion {number}: an overlay cannot rename a criterion of {base}"),
            ),
            OverlayRule::OwnerSource(number) => (
                format!(
                    "tiêu chí {number}: sở phụ trách do tỉnh giao cần ghi căn cứ (source), tức quyết định giao nhiệm vụ"
                ),
                format!(
                    "criterion {number}: a provincial owner needs its source (the decision assigning it)"
                ),
            ),
            OverlayRule::StraySource(number) => (
                format!(
                    "tiêu chí {number}: source chỉ dùng cho tiêu chí do tỉnh bổ sung hoặc sở phụ trách do tỉnh giao; hãy ghi căn cứ riêng cho từng ngưỡng"
                ),
                format!(
                    "criterion {number}: source is for an added criterion or a provincial owner; give each threshold its own source"
                ),
            ),
            OverlayRule::AddedCriterion(number) => (
                format!(
                    "tiêu chí {number} do tỉnh bổ sung: cần ghi tên (name), sở phụ trách (owner) và căn cứ (source)"
                ),
                format!("criterion {number} is added: it needs a name, an owner and a source"),
            ),
            OverlayRule::OnlyThreshold { id, base } => (
                format!(
                    "chỉ tiêu {id}: bộ tiêu chí của tỉnh chỉ ghi ngưỡng (và ghi chú) cho chỉ tiêu của {base}; name, kind, unit, comparison và source giữ theo bộ gốc"
                ),
                format!(
                    "indicator {id}: an overlay gives only the threshold (and a note) of an indicator of {base}; name, kind, unit, comparison and source are the base's"
                ),
            ),
            OverlayRule::AddedIndicator(id) => (
                format!(
                    "chỉ tiêu {id} do tỉnh bổ sung: cần ghi tên (name), loại (kind) và căn cứ (source)"
                ),
                format!("indicator {id} is added: it needs a name, a kind and a source"),
            ),
        }
    }
}

/// A provincial level looser than the base's, without `loosens: true`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loosening {
    /// The indicator.
    pub id: String,
    /// The year of the overlay's value, when it is a year's.
    pub year: Option<u16>,
    /// The class of the overlay's value, when it is a class's.
    pub class: Option<String>,
    /// The comparison (`>=`).
    pub comparison: String,
    /// The overlay's level, as shown.
    pub new: String,
    /// The base.
    pub base: String,
    /// The base's level, as shown.
    pub old: String,
    /// The source of the base's level.
    pub source: String,
}

impl Loosening {
    /// What the province must say to lower the level, in both languages.
    #[must_use]
    pub fn texts(&self) -> (String, String) {
        let Loosening {
            id,
            year,
            class,
            comparison,
            new,
            base,
            old,
            source,
        } = self;
        let class = class.as_ref().map(|c| format!(", {c}")).unwrap_or_default();
        let (yv, ye) = year.map_or_else(Default::default, |y| {
            (format!(", năm {y}"), format!(", {y}"))
        });
        (
            format!(
                "chỉ tiêu {id}{yv}{class}: {comparison} {new} dễ đạt hơn mức của {base} ({comparison} {old}, {source}); tỉnh muốn hạ mức phải ghi rõ loosens: true, với căn cứ (source) là quyết định cho phép việc đó"
            ),
            format!(
                "indicator {id}{ye}{class}: {comparison} {new} is looser than the level of {base} ({comparison} {old}, {source}); a province that lowers a level says so: loosens: true, with the decision that allows it as the source"
            ),
        )
    }
}
