//! The one catalogue of human-facing labels in Vietnamese and English. Names of criteria,
//! tiers and regions come from the criteria set; everything else a person reads is here.

use crate::aggregate::progress::DISTRICT;
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
    /// "from" before a survey year.
    FromYear,
    /// What the tiers counted mean without the recognition condition columns, before them.
    ConditionsNotJudged,
    /// The recognition conditions of a tier, before their list.
    RecognitionConditions,
    /// What a tier means without the recognition condition columns.
    ConditionsOptional,
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
    /// The period of a panel a report is on.
    ReportPeriod,
    /// The title of `ntm trend`.
    TrendTitle,
    /// Its pace section.
    Pace,
    /// Periods left to the deadline.
    PeriodsLeft,
    /// Needed per period.
    NeededPerPeriod,
    /// Gained per period so far.
    SoFarPerPeriod,
    /// On track.
    OnTrack,
    /// Its losses section.
    Losses,
    /// The period before.
    FromPeriod,
    /// The period after.
    ToPeriod,
    /// The tier before.
    TierBefore,
    /// The tier after.
    TierAfter,
    /// Criteria lost.
    CriteriaLost,
    /// Communes recognised by decision.
    Recognised,
    /// How many were recognised.
    RecognisedCount,
    /// Of them, how many meet their tier now.
    MeetingNow,
    /// The maintain-the-standard watch.
    Watch,
    /// The year of recognition.
    RecognisedYear,
    /// The tier met now.
    TierNow,
    /// Criteria not met now.
    CriteriaNotMet,
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
    /// A unit whose cell is blank.
    Blank,
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
    /// Target `hamlet_standard_share`.
    TargetHamletShare,
    /// Target `average_criteria`.
    TargetAverage,
    /// A province figure.
    Figure,
    /// The first sheet of a workbook.
    Overview,
    /// Section of changes since the previous report.
    Changes,
    /// Section listing every commune.
    Appendix,
    /// Section of charts.
    Charts,
    /// Chart of the province's tiers.
    TiersInProvince,
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
    /// A commune merged into another.
    MovedMerged,
    /// A target met.
    StatusMet,
    /// A target not met.
    StatusNotMet,
    /// The communes of target `standard_communes`, in a sentence.
    HeadStandard,
    /// The communes of target `advanced_communes`, in a sentence.
    HeadAdvanced,
    /// The communes of target `model_communes`, in a sentence.
    HeadModel,
    /// The communes of target `modern_communes`, in a sentence.
    HeadModern,
    /// The headline block of a report.
    Headline,
    /// The nation's name, at the head of an issued document.
    Nation,
    /// The nation's motto, under its name.
    Motto,
    /// Before a document's number.
    DocumentNumber,
    /// What the document is, over its title.
    ReportKind,
    /// The unit a figure's gap is counted in, a column of the overview sheet.
    Unit,
    /// A criterion met, in the matrix of communes and criteria.
    VerdictMet,
    /// A criterion basically met, in the matrix.
    VerdictBasicallyMet,
    /// A criterion not met, in the matrix.
    VerdictNotMet,
    /// Sheet of the tiers.
    SheetTiers,
    /// Sheet of the bands.
    SheetBands,
    /// Sheet of the communes recognised by decision.
    SheetRecognised,
    /// Sheet of the recognised communes no longer meeting their tier.
    SheetWatch,
    /// Sheet of the districts' own targets.
    SheetGroupTargets,
    /// Sheet of the bottlenecks.
    SheetBottlenecks,
    /// Sheet of the candidates.
    SheetCandidates,
    /// Sheet of the changes since the last report.
    SheetChanges,
    /// Sheet of the periods of a trend.
    SheetPeriods,
    /// Sheet of the pace against the targets.
    SheetPace,
    /// Sheet of the losses between periods.
    SheetLosses,
    /// Sheet of every commune.
    SheetAppendix,
    /// Sheet of every commune against every criterion.
    SheetMatrix,
    /// The count of criteria met, in the matrix beside the verdicts.
    CriteriaMetCount,
    /// The line column of `validate`'s table.
    Line,
    /// The column column of `validate`'s table.
    Column,
    /// The value column of `validate`'s table.
    Value,
    /// The problem column of `validate`'s table.
    Problem,
    /// A problem that stops scoring.
    SeverityError,
    /// A problem that does not.
    SeverityWarning,
}

/// The text of `label` in `lang`.
// One arm per label, even where two read the same today (`CriteriaMet` and `TargetMet`): each
// is translated on its own.
#[allow(clippy::match_same_arms)]
#[must_use]
pub fn label(label: Label, lang: Lang) -> &'static str {
    let (vi, en) = match label {
        Label::CommuneId => ("Mã xã", "Commune id"),
        Label::Commune => ("Xã", "Commune"),
        Label::District => ("Huyện", "District"),
        Label::CriteriaMet => ("Đạt", "Met"),
        Label::Criteria => ("Tiêu chí còn lại", "Other criteria"),
        Label::Band => ("Nhóm", "Band"),
        Label::Tier => ("Mức", "Tier"),
        Label::Unmet => ("Chưa đạt", "Not met"),
        Label::BasicallyMet => ("Cơ bản đạt", "Basically met"),
        Label::NotAssessed => ("Chưa đánh giá", "Not assessed"),
        Label::NoTier => ("Chưa đạt chuẩn", "Not yet standard"),
        Label::Criterion => ("Tiêu chí / chỉ tiêu", "Criterion / indicator"),
        Label::Indicator => ("Số", "No."),
        Label::Owner => ("Sở phụ trách", "Department"),
        Label::Threshold => ("Ngưỡng", "Threshold"),
        Label::Source => ("Căn cứ", "Source"),
        Label::Id => ("Mã bộ tiêu chí", "Id"),
        Label::Title => ("Tên", "Title"),
        Label::LegalBasis => ("Căn cứ pháp lý", "Legal basis"),
        Label::Period => ("Giai đoạn", "Period"),
        Label::InForce => ("Hiệu lực", "In force"),
        Label::Yes => ("có", "yes"),
        Label::No => ("không", "no"),
        Label::Default => ("mặc định", "default"),
        Label::MustBeMet => ("Đạt", "met"),
        Label::NotKnown => ("chưa rõ", "not known"),
        Label::FromYear => ("từ năm", "from"),
        Label::ConditionsNotJudged => (
            "Mức đạt ở đây là đạt các tiêu chí, chưa phải được công nhận: tệp không có cột điều kiện công nhận",
            "A tier here means meeting the criteria, not recognition: the survey has no column for the recognition conditions",
        ),
        Label::RecognitionConditions => (
            "Điều kiện công nhận ngoài các tiêu chí",
            "Conditions of recognition beyond the criteria",
        ),
        Label::ConditionsOptional => (
            "mỗi điều kiện chỉ được xét khi tệp khảo sát có cột của nó; không có các cột này, mức đạt chỉ có nghĩa là đạt các tiêu chí, chưa phải được công nhận",
            "each is judged only when the survey has its column; without these columns a tier means meeting the criteria, not recognition",
        ),
        Label::UnverifiedHeading => (
            "Giá trị chưa được kiểm chứng với văn bản pháp lý",
            "Values not verified against the legal text",
        ),
        Label::PartialList => (
            "danh sách chỉ tiêu chưa đầy đủ: chỉ đánh giá được qua cột",
            "partial indicator list: met only through column",
        ),
        Label::VerdictOnly => ("chỉ đánh giá qua cột", "assessed by verdict column"),
        Label::NextTier => ("Mức tiếp theo", "Next tier"),
        Label::Lacking => ("Còn thiếu", "Lacking"),
        Label::Needs => ("cần", "needs"),
        Label::ShortBy => ("thiếu", "short by"),
        Label::Change => ("Thay đổi", "Change"),
        Label::Where => ("Ở đâu", "Where"),
        Label::ProgressTitle => (
            "Tiến độ xây dựng nông thôn mới",
            "New rural development progress",
        ),
        Label::TargetYear => ("mục tiêu năm", "targets for"),
        Label::ReportPeriod => ("Kỳ", "Reporting period"),
        Label::TrendTitle => (
            "Diễn biến xây dựng nông thôn mới qua các kỳ",
            "New rural development over time",
        ),
        Label::Pace => ("Tiến độ so với mục tiêu", "Pace against the targets"),
        Label::PeriodsLeft => ("Số kỳ còn lại", "Periods left"),
        Label::NeededPerPeriod => ("Cần mỗi kỳ", "Needed per period"),
        Label::SoFarPerPeriod => ("Đạt được mỗi kỳ", "Gained per period"),
        Label::OnTrack => ("Kịp tiến độ", "On track"),
        Label::Losses => (
            "Xã bị mất tiêu chí hoặc mức đạt",
            "Communes that lost a criterion or a tier",
        ),
        Label::FromPeriod => ("Từ kỳ", "From"),
        Label::ToPeriod => ("Đến kỳ", "To"),
        Label::TierBefore => ("Mức trước", "Tier before"),
        Label::TierAfter => ("Mức sau", "Tier after"),
        Label::CriteriaLost => ("Tiêu chí bị mất", "Criteria lost"),
        Label::Recognised => (
            "Xã đã được công nhận (theo quyết định)",
            "Communes recognised by decision",
        ),
        Label::RecognisedCount => ("Đã công nhận", "Recognised"),
        Label::MeetingNow => ("Còn đạt", "Meeting it now"),
        Label::Watch => (
            "Xã đã công nhận nhưng không còn đạt mức đã công nhận",
            "Recognised communes no longer meeting their tier",
        ),
        Label::RecognisedYear => ("Năm công nhận", "Year recognised"),
        Label::TierNow => ("Mức hiện nay", "Tier now"),
        Label::CriteriaNotMet => ("Tiêu chí chưa đạt", "Criteria not met"),
        Label::CriteriaSet => ("Bộ tiêu chí", "Criteria set"),
        Label::Communes => ("Số xã", "Communes"),
        Label::AverageCriteria => ("Bình quân tiêu chí/xã", "Average criteria"),
        Label::HamletsStandard => ("Thôn đạt chuẩn", "Hamlets standard"),
        Label::BandTitle => ("Số xã theo số tiêu chí đạt", "Communes by criteria met"),
        Label::Target => ("Mục tiêu", "Target"),
        Label::Required => ("Yêu cầu", "Required"),
        Label::Actual => ("Thực tế", "Actual"),
        Label::Gap => ("Còn thiếu", "Gap"),
        Label::TargetMet => ("Đạt", "Met"),
        Label::Note => ("Ghi chú", "Note"),
        Label::Targets => ("Mục tiêu", "Targets"),
        Label::Blank => ("(không ghi)", "(blank)"),
        Label::TargetsMet => ("Mục tiêu đạt", "Targets met"),
        Label::Bottlenecks => (
            "Tiêu chí còn nhiều xã chưa đạt",
            "Criteria holding communes back",
        ),
        Label::CriterionShort => ("TC", "No."),
        Label::CriterionName => ("Tiêu chí", "Criterion"),
        Label::Candidates => (
            "Xã gần đạt mức tiếp theo nhất",
            "Communes closest to the next tier",
        ),
        Label::ForTier => ("Cho mức", "For tier"),
        Label::Undetermined => ("chưa xác định", "open"),
        Label::TargetStandard => ("Số xã đạt chuẩn trở lên", "Communes at standard or above"),
        Label::TargetAdvanced => (
            "Số xã đạt nâng cao trở lên",
            "Communes at advanced or above",
        ),
        Label::TargetModel => ("Số xã đạt kiểu mẫu", "Model communes"),
        Label::TargetModern => ("Số xã đạt nông thôn mới hiện đại", "Modern communes"),
        Label::TargetHamletShare => ("Tỷ lệ thôn đạt chuẩn", "Share of hamlets standard"),
        Label::TargetAverage => ("Bình quân tiêu chí/xã", "Average criteria per commune"),
        Label::Figure => ("Chỉ số", "Figure"),
        Label::Overview => ("Tổng quan", "Overview"),
        Label::Changes => ("Thay đổi so với kỳ trước", "Changes since the last report"),
        Label::Appendix => ("Phụ lục: kết quả từng xã", "Appendix: every commune"),
        Label::Charts => ("Biểu đồ", "Charts"),
        Label::TiersInProvince => ("Mức đạt chuẩn toàn tỉnh", "Tiers in the province"),
        Label::Before => ("Trước", "Before"),
        Label::After => ("Sau", "After"),
        Label::MovedLost => ("mất tiêu chí/mức", "lost"),
        Label::MovedMissing => ("không còn trong số liệu", "missing"),
        Label::MovedUp => ("lên mức", "up a tier"),
        Label::MovedGained => ("thêm tiêu chí", "gained"),
        Label::MovedAdded => ("mới", "added"),
        Label::MovedMerged => ("sáp nhập vào", "merged into"),
        Label::StatusMet => ("đạt", "met"),
        Label::StatusNotMet => ("chưa đạt", "not met"),
        Label::HeadStandard => ("xã đạt chuẩn trở lên", "communes at standard or above"),
        Label::HeadAdvanced => ("xã đạt nâng cao trở lên", "communes at advanced or above"),
        Label::HeadModel => ("xã đạt kiểu mẫu", "model communes"),
        Label::HeadModern => ("xã đạt nông thôn mới hiện đại", "modern communes"),
        Label::Headline => ("Kết quả chính", "Key figures"),
        Label::Nation => (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "SOCIALIST REPUBLIC OF VIET NAM",
        ),
        Label::Motto => (
            "Độc lập - Tự do - Hạnh phúc",
            "Independence - Freedom - Happiness",
        ),
        Label::DocumentNumber => ("Số", "No."),
        Label::ReportKind => ("BÁO CÁO", "REPORT"),
        Label::Unit => ("Đơn vị", "Unit"),
        Label::VerdictMet => ("Đạt", "Met"),
        Label::VerdictBasicallyMet => ("Cơ bản đạt", "Basically met"),
        Label::VerdictNotMet => ("Không đạt", "Not met"),
        Label::SheetTiers => ("Mức đạt", "Tiers"),
        Label::SheetBands => ("Số tiêu chí đạt", "Criteria met"),
        Label::SheetRecognised => ("Đã công nhận", "Recognised"),
        Label::SheetWatch => ("Không còn đạt mức", "No longer at tier"),
        Label::SheetGroupTargets => ("Mục tiêu theo huyện", "Targets by district"),
        Label::SheetBottlenecks => ("Tiêu chí vướng mắc", "Bottlenecks"),
        Label::SheetCandidates => ("Xã gần đạt", "Near the next tier"),
        Label::SheetChanges => ("Thay đổi", "Changes"),
        Label::SheetPeriods => ("Các kỳ", "Periods"),
        Label::SheetPace => ("Tiến độ", "Pace"),
        Label::SheetLosses => ("Mất tiêu chí", "Losses"),
        Label::SheetAppendix => ("Phụ lục", "Appendix"),
        Label::SheetMatrix => ("Ma trận", "Matrix"),
        Label::CriteriaMetCount => ("Số tiêu chí đạt", "Criteria met"),
        Label::Line => ("dòng", "line"),
        Label::Column => ("cột", "column"),
        Label::Value => ("giá trị", "value"),
        Label::Problem => ("vấn đề", "problem"),
        Label::SeverityError => ("lỗi", "error"),
        Label::SeverityWarning => ("cảnh báo", "warning"),
    };
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

/// The place and date a document is issued at: `Thành phố Mẫu, ngày 05 tháng 02 năm 2025` (a
/// day under 10 and the months 1 and 2 with a leading zero, as administrative documents write
/// them), `Thành phố Mẫu, 5 February 2025`; without a place, the date alone.
#[must_use]
pub fn dateline(place: Option<&str>, date: crate::criteria::Date, lang: Lang) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let (day, month, year) = (date.day, date.month, date.year);
    match (lang, place) {
        (Lang::Vi, place) => {
            let month = if month <= 2 {
                format!("{month:02}")
            } else {
                month.to_string()
            };
            let date = format!("ngày {day:02} tháng {month} năm {year}");
            match place {
                Some(place) => format!("{place}, {date}"),
                None => format!("Ngày {}", &date["ngày ".len()..]),
            }
        }
        (Lang::En, place) => {
            let name = MONTHS[usize::from(month.clamp(1, 12)) - 1];
            let date = format!("{day} {name} {year}");
            match place {
                Some(place) => format!("{place}, {date}"),
                None => date,
            }
        }
    }
}

/// The unit per-unit tables group communes by (`by`, see [`ProgressReport::by`]) as a
/// column heading: `Huyện` (`District`) for the district, else the column's header as the
/// file writes it.
///
/// [`ProgressReport::by`]: crate::aggregate::progress::ProgressReport::by
#[must_use]
pub fn unit_heading(by: &str, lang: Lang) -> String {
    if by == DISTRICT {
        label(Label::District, lang).to_owned()
    } else {
        by.to_owned()
    }
}

/// The unit as a word in a title: `huyện` (`district`), else the column's header.
fn unit_word(by: &str, lang: Lang) -> String {
    if by == DISTRICT {
        label(Label::District, lang).to_lowercase()
    } else {
        by.to_owned()
    }
}

/// The title of the per-unit table: `Theo huyện`, `By district`, `Theo Vùng`.
#[must_use]
pub fn by_unit(by: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Theo {}", unit_word(by, lang)),
        Lang::En => format!("By {}", unit_word(by, lang)),
    }
}

/// The title of the per-unit table of every period: `Theo huyện, từng kỳ`.
#[must_use]
pub fn by_unit_per_period(by: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Theo {}, từng kỳ", unit_word(by, lang)),
        Lang::En => format!("By {}, period by period", unit_word(by, lang)),
    }
}

/// The caption of the chart of tiers per unit, or of the province's when `by` is `None`.
#[must_use]
pub fn tiers_by(by: Option<&str>, lang: Lang) -> String {
    match (by, lang) {
        (None, _) => label(Label::TiersInProvince, lang).to_owned(),
        (Some(by), Lang::Vi) => format!("Mức đạt chuẩn theo {}", unit_word(by, lang)),
        (Some(by), Lang::En) => format!("Tiers by {}", unit_word(by, lang)),
    }
}

/// The caption of the chart of bands per unit.
#[must_use]
pub fn bands_by(by: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Số xã theo số tiêu chí đạt, từng {}", unit_word(by, lang)),
        Lang::En => format!("Communes by criteria met, per {}", unit_word(by, lang)),
    }
}

/// A unit's name as people read it: the name, or `(không ghi)` (`(blank)`) for the
/// communes whose cell is blank.
#[must_use]
pub fn unit_name(name: &str, lang: Lang) -> String {
    if name.is_empty() {
        label(Label::Blank, lang).to_owned()
    } else {
        name.to_owned()
    }
}

/// The line under a table cut short: `hidden` more `communes` (or rows) not shown, the table
/// showing the first `shown`, and the `formats` that give every one.
#[must_use]
pub fn not_shown(hidden: usize, shown: usize, communes: bool, formats: &str, lang: Lang) -> String {
    match (lang, communes) {
        (Lang::Vi, true) => format!(
            "… và {hidden} xã nữa không hiện trong bảng (bảng chỉ hiện {shown} xã đầu); --format {formats} cho đủ mọi xã"
        ),
        (Lang::Vi, false) => format!(
            "… và {hidden} dòng nữa không hiện trong bảng (bảng chỉ hiện {shown} dòng đầu); --format {formats} cho đủ mọi dòng"
        ),
        (Lang::En, true) => format!(
            "… and {hidden} more communes not shown (a table shows the first {shown}); --format {formats} gives every one"
        ),
        (Lang::En, false) => format!(
            "… and {hidden} more rows not shown (a table shows the first {shown}); --format {formats} gives every one"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::criteria::Date;

    #[test]
    fn a_dateline_as_offices_write_it() {
        let date = Date {
            year: 2025,
            month: 2,
            day: 5,
        };
        assert_eq!(
            dateline(Some("Thành phố Mẫu"), date, Lang::Vi),
            "Thành phố Mẫu, ngày 05 tháng 02 năm 2025"
        );
        assert_eq!(dateline(None, date, Lang::Vi), "Ngày 05 tháng 02 năm 2025");
        let date = Date {
            year: 2022,
            month: 12,
            day: 15,
        };
        assert_eq!(dateline(None, date, Lang::Vi), "Ngày 15 tháng 12 năm 2022");
        assert_eq!(
            dateline(Some("Mẫu"), date, Lang::En),
            "Mẫu, 15 December 2022"
        );
    }
}
