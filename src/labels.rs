//! The one catalogue of human-facing labels in Vietnamese and English. Names of criteria,
//! tiers and regions come from the criteria set; everything else a person reads is here.

use crate::lang::Lang;

/// A label used in tables and reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// Commune id column.
    CommuneId,
    /// Commune name column.
    Commune,
    /// District column.
    District,
    /// Criteria met column.
    CriteriaMet,
    /// Band column.
    Band,
    /// Tier column.
    Tier,
    /// The column listing criteria not met, basically met and not assessed.
    Criteria,
    /// Criteria not met.
    Unmet,
    /// Criteria basically met column.
    BasicallyMet,
    /// Criteria not assessed column.
    NotAssessed,
    /// The tier of a commune that reaches none.
    NoTier,
    /// Criterion column.
    Criterion,
    /// Indicator column.
    Indicator,
    /// Responsible department column.
    Owner,
    /// Threshold column.
    Threshold,
    /// Legal source column.
    Source,
    /// Set id column.
    Id,
    /// Title column.
    Title,
    /// Legal basis column.
    LegalBasis,
    /// Period column.
    Period,
    /// In force column.
    InForce,
    /// Yes.
    Yes,
    /// No.
    No,
    /// Marks the default set.
    Default,
    /// A yes/no indicator's requirement.
    MustBeMet,
    /// A threshold value not known.
    NotKnown,
    /// Heading of the unverified list.
    UnverifiedHeading,
    /// The criterion's indicator list is partial.
    PartialList,
    /// Verdict-only criterion.
    VerdictOnly,
    /// Next tier column.
    NextTier,
    /// What a commune lacks.
    Lacking,
    /// "needs" before a threshold.
    Needs,
    /// "short by" before a shortfall.
    ShortBy,
    /// Change column of a diff.
    Change,
    /// Where column of a diff.
    Where,
}

/// The text of `label` in `lang`.
#[must_use]
pub fn label(label: Label, lang: Lang) -> &'static str {
    use Label::*;
    let (vi, en) = match label {
        CommuneId => ("Mã xã", "Commune id"),
        Commune => ("Xã", "Commune"),
        District => ("Huyện", "District"),
        CriteriaMet => ("Đạt", "Met"),
        Criteria => ("Tiêu chí còn lại", "Other criteria"),
        Band => ("Nhóm", "Band"),
        Tier => ("Mức", "Tier"),
        Unmet => ("Chưa đạt", "Not met"),
        BasicallyMet => ("Cơ bản đạt", "Basically met"),
        NotAssessed => ("Chưa đánh giá", "Not assessed"),
        NoTier => ("Chưa đạt chuẩn", "none"),
        Criterion => ("Tiêu chí / chỉ tiêu", "Criterion / indicator"),
        Indicator => ("Số", "No."),
        Owner => ("Sở phụ trách", "Department"),
        Threshold => ("Ngưỡng", "Threshold"),
        Source => ("Căn cứ", "Source"),
        Id => ("Mã bộ tiêu chí", "Id"),
        Title => ("Tên", "Title"),
        LegalBasis => ("Căn cứ pháp lý", "Legal basis"),
        Period => ("Giai đoạn", "Period"),
        InForce => ("Hiệu lực", "In force"),
        Yes => ("có", "yes"),
        No => ("không", "no"),
        Default => ("mặc định", "default"),
        MustBeMet => ("Đạt", "met"),
        NotKnown => ("chưa rõ", "not known"),
        UnverifiedHeading => (
            "Giá trị chưa được kiểm chứng với văn bản pháp lý",
            "Values not verified against the legal text",
        ),
        PartialList => (
            "danh sách chỉ tiêu chưa đầy đủ: chỉ đánh giá được qua cột",
            "partial indicator list: met only through column",
        ),
        VerdictOnly => ("chỉ đánh giá qua cột", "assessed by verdict column"),
        NextTier => ("Mức tiếp theo", "Next tier"),
        Lacking => ("Còn thiếu", "Lacking"),
        Needs => ("cần", "needs"),
        ShortBy => ("thiếu", "short by"),
        Change => ("Thay đổi", "Change"),
        Where => ("Ở đâu", "Where"),
    };
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}
