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
    /// Title of the progress report.
    ProgressTitle,
    /// "target year".
    TargetYear,
    /// "criteria set".
    CriteriaSet,
    /// "communes".
    Communes,
    /// Average criteria per commune.
    AverageCriteria,
    /// Hamlets recognised standard.
    HamletsStandard,
    /// Section of bands.
    BandTitle,
    /// Target column.
    Target,
    /// Required column.
    Required,
    /// Actual column.
    Actual,
    /// Gap column.
    Gap,
    /// Met column of targets.
    TargetMet,
    /// Note column.
    Note,
    /// Section of targets.
    Targets,
    /// Section of districts.
    Districts,
    /// Targets met column.
    TargetsMet,
    /// Section of bottlenecks.
    Bottlenecks,
    /// Criterion number column.
    CriterionShort,
    /// Criterion name column.
    CriterionName,
    /// Section of candidates.
    Candidates,
    /// The tier a candidate is for.
    ForTier,
    /// A target that cannot be judged.
    Undetermined,
    /// Target `standard_communes`.
    TargetStandard,
    /// Target `advanced_communes`.
    TargetAdvanced,
    /// Target `model_communes`.
    TargetModel,
    /// Target `modern_communes`.
    TargetModern,
    /// Target `min_criteria_per_commune`.
    TargetMinCriteria,
    /// Target `hamlet_standard_share`.
    TargetHamletShare,
    /// Target `average_criteria`.
    TargetAverage,
    /// A province figure.
    Figure,
    /// Report date.
    ReportDate,
    /// The first sheet of a workbook.
    Overview,
    /// Section of changes since the previous report.
    Changes,
    /// Section listing every commune.
    Appendix,
    /// Section of charts.
    Charts,
    /// Chart of tiers per district.
    TiersByDistrict,
    /// Chart of bands per district.
    BandsByDistrict,
    /// Before column.
    Before,
    /// After column.
    After,
    /// A commune lost a tier or criterion.
    MovedLost,
    /// A commune went missing.
    MovedMissing,
    /// A commune moved up a tier.
    MovedUp,
    /// A commune gained criteria.
    MovedGained,
    /// A commune is new.
    MovedAdded,
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
        ProgressTitle => (
            "Tiến độ xây dựng nông thôn mới",
            "New rural development progress",
        ),
        TargetYear => ("mục tiêu năm", "targets for"),
        CriteriaSet => ("Bộ tiêu chí", "Criteria set"),
        Communes => ("Số xã", "Communes"),
        AverageCriteria => ("Bình quân tiêu chí/xã", "Average criteria"),
        HamletsStandard => ("Thôn đạt chuẩn", "Hamlets standard"),
        BandTitle => ("Số xã theo số tiêu chí đạt", "Communes by criteria met"),
        Target => ("Mục tiêu", "Target"),
        Required => ("Yêu cầu", "Required"),
        Actual => ("Thực tế", "Actual"),
        Gap => ("Còn thiếu", "Gap"),
        TargetMet => ("Đạt", "Met"),
        Note => ("Ghi chú", "Note"),
        Targets => ("Mục tiêu", "Targets"),
        Districts => ("Theo huyện", "By district"),
        TargetsMet => ("Mục tiêu đạt", "Targets met"),
        Bottlenecks => (
            "Tiêu chí còn nhiều xã chưa đạt",
            "Criteria holding communes back",
        ),
        CriterionShort => ("TC", "No."),
        CriterionName => ("Tiêu chí", "Criterion"),
        Candidates => (
            "Xã gần đạt mức tiếp theo nhất",
            "Communes closest to the next tier",
        ),
        ForTier => ("Cho mức", "For tier"),
        Undetermined => ("chưa xác định", "open"),
        TargetStandard => ("Số xã đạt chuẩn trở lên", "Communes at standard or above"),
        TargetAdvanced => (
            "Số xã đạt nâng cao trở lên",
            "Communes at advanced or above",
        ),
        TargetModel => ("Số xã đạt kiểu mẫu", "Model communes"),
        TargetModern => ("Số xã đạt nông thôn mới hiện đại", "Modern communes"),
        TargetMinCriteria => (
            "Không còn xã dưới N tiêu chí",
            "No commune under N criteria",
        ),
        TargetHamletShare => ("Tỷ lệ thôn đạt chuẩn", "Share of hamlets standard"),
        TargetAverage => ("Bình quân tiêu chí/xã", "Average criteria per commune"),
        Figure => ("Chỉ số", "Figure"),
        ReportDate => ("Ngày báo cáo", "Report date"),
        Overview => ("Tổng quan", "Overview"),
        Changes => ("Thay đổi so với kỳ trước", "Changes since the last report"),
        Appendix => ("Phụ lục: kết quả từng xã", "Appendix: every commune"),
        Charts => ("Biểu đồ", "Charts"),
        TiersByDistrict => ("Mức đạt chuẩn theo huyện", "Tiers by district"),
        BandsByDistrict => (
            "Số xã theo số tiêu chí đạt, từng huyện",
            "Communes by criteria met, per district",
        ),
        Before => ("Trước", "Before"),
        After => ("Sau", "After"),
        MovedLost => ("mất tiêu chí/mức", "lost"),
        MovedMissing => ("không còn trong số liệu", "missing"),
        MovedUp => ("lên mức", "up a tier"),
        MovedGained => ("thêm tiêu chí", "gained"),
        MovedAdded => ("mới", "added"),
    };
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}
