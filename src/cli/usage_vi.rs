//! clap's usage errors in Vietnamese: the same facts clap gives (the argument, the value, the
//! values allowed, the "did you mean", the usage line), in Vietnamese words.

use std::fmt::Write as _;

use clap::builder::StyledStr;
use clap::builder::styling::Styles;
use clap::error::{ContextKind, ContextValue, ErrorFormatter, ErrorKind};

/// Formats clap's errors in Vietnamese (`error.apply::<Vietnamese>()`).
#[derive(Debug, Clone, Copy)]
pub struct Vietnamese;

const TAB: &str = "  ";

impl ErrorFormatter for Vietnamese {
    fn format_error(error: &clap::error::Error<Self>) -> StyledStr {
        let styles = Styles::default();
        let (valid, invalid, literal, bad) = (
            styles.get_valid(),
            styles.get_invalid(),
            styles.get_literal(),
            styles.get_error(),
        );
        let text = |kind| match error.get(kind) {
            Some(ContextValue::String(s)) => Some(s.as_str()),
            _ => None,
        };
        let list = |kind| match error.get(kind) {
            Some(ContextValue::Strings(v)) => Some(v.as_slice()),
            _ => None,
        };
        let number = |kind| match error.get(kind) {
            Some(ContextValue::Number(n)) => Some(*n),
            _ => None,
        };
        let mut out = StyledStr::new();
        let _ = write!(out, "{bad}error:{bad:#} ");
        let arg = text(ContextKind::InvalidArg);
        let value = text(ContextKind::InvalidValue);
        let allowed = |out: &mut StyledStr, name: &str, kind| {
            if let Some(values) = list(kind).filter(|v| !v.is_empty()) {
                let values: Vec<String> = values
                    .iter()
                    .map(|v| format!("{valid}{v}{valid:#}"))
                    .collect();
                let _ = write!(out, "\n{TAB}[{name}: {}]", values.join(", "));
            }
        };
        match error.kind() {
            ErrorKind::InvalidValue if value == Some("") => {
                let _ = write!(
                    out,
                    "'{invalid}{}{invalid:#}' cần một giá trị nhưng chưa được cho giá trị nào",
                    arg.unwrap_or_default()
                );
                allowed(&mut out, "giá trị", ContextKind::ValidValue);
            }
            ErrorKind::InvalidValue => {
                let _ = write!(
                    out,
                    "giá trị '{invalid}{}{invalid:#}' không hợp lệ cho '{literal}{}{literal:#}'",
                    value.unwrap_or_default(),
                    arg.unwrap_or_default()
                );
                allowed(&mut out, "giá trị", ContextKind::ValidValue);
            }
            ErrorKind::ValueValidation => {
                let _ = write!(
                    out,
                    "giá trị '{invalid}{}{invalid:#}' không hợp lệ cho '{literal}{}{literal:#}'",
                    value.unwrap_or_default(),
                    arg.unwrap_or_default()
                );
                if let Some(source) = std::error::Error::source(error) {
                    let said = match source.downcast_ref::<crate::msg::Msg>() {
                        Some(message) => message.text(crate::lang::Lang::Vi),
                        None => parser_words(&source.to_string()),
                    };
                    let _ = write!(out, ": {said}");
                }
            }
            ErrorKind::UnknownArgument => {
                let _ = write!(
                    out,
                    "không nhận ra đối số '{invalid}{}{invalid:#}'",
                    arg.unwrap_or_default()
                );
            }
            ErrorKind::InvalidSubcommand => {
                let _ = write!(
                    out,
                    "không có lệnh con '{invalid}{}{invalid:#}'",
                    text(ContextKind::InvalidSubcommand).unwrap_or_default()
                );
            }
            ErrorKind::MissingRequiredArgument => {
                out.push_str("còn thiếu các đối số bắt buộc sau:");
                for v in list(ContextKind::InvalidArg).unwrap_or_default() {
                    let _ = write!(out, "\n{TAB}{valid}{v}{valid:#}");
                }
            }
            ErrorKind::MissingSubcommand => {
                let _ = write!(
                    out,
                    "'{invalid}{}{invalid:#}' cần một lệnh con nhưng chưa có",
                    text(ContextKind::InvalidSubcommand).unwrap_or_default()
                );
                allowed(&mut out, "lệnh con", ContextKind::ValidSubcommand);
            }
            ErrorKind::ArgumentConflict => {
                let prior = error.get(ContextKind::PriorArg);
                let arg = arg.unwrap_or_default();
                if prior == Some(&ContextValue::String(arg.to_owned())) {
                    let _ = write!(
                        out,
                        "đối số '{invalid}{arg}{invalid:#}' không được dùng nhiều lần"
                    );
                } else {
                    let _ = write!(
                        out,
                        "đối số '{invalid}{arg}{invalid:#}' không dùng được cùng với"
                    );
                    match prior {
                        Some(ContextValue::Strings(others)) => {
                            out.push_str(":");
                            for v in others {
                                let _ = write!(out, "\n{TAB}{invalid}{v}{invalid:#}");
                            }
                        }
                        Some(ContextValue::String(other)) => {
                            let _ = write!(out, " '{invalid}{other}{invalid:#}'");
                        }
                        _ => out.push_str(" một hoặc nhiều đối số khác đã nêu"),
                    }
                }
            }
            ErrorKind::NoEquals => {
                let _ = write!(
                    out,
                    "cần dấu bằng khi gán giá trị cho '{invalid}{}{invalid:#}'",
                    arg.unwrap_or_default()
                );
            }
            ErrorKind::TooManyValues => {
                let _ = write!(
                    out,
                    "thừa giá trị '{invalid}{}{invalid:#}' cho '{literal}{}{literal:#}'; không cần thêm giá trị nào",
                    value.unwrap_or_default(),
                    arg.unwrap_or_default()
                );
            }
            ErrorKind::TooFewValues => {
                let _ = write!(
                    out,
                    "'{literal}{}{literal:#}' cần {valid}{}{valid:#} giá trị; mới có {invalid}{}{invalid:#}",
                    arg.unwrap_or_default(),
                    number(ContextKind::MinValues).unwrap_or_default(),
                    number(ContextKind::ActualNumValues).unwrap_or_default()
                );
            }
            ErrorKind::WrongNumberOfValues => {
                let _ = write!(
                    out,
                    "'{literal}{}{literal:#}' cần {valid}{}{valid:#} giá trị nhưng có {invalid}{}{invalid:#}",
                    arg.unwrap_or_default(),
                    number(ContextKind::ExpectedNumValues).unwrap_or_default(),
                    number(ContextKind::ActualNumValues).unwrap_or_default()
                );
            }
            ErrorKind::InvalidUtf8 => out.push_str("đối số không phải là UTF-8 hợp lệ"),
            kind => out.push_str(kind.as_str().unwrap_or("lỗi không rõ nguyên nhân")),
        }
        let mut tipped = false;
        for (kind, what) in [
            (ContextKind::SuggestedSubcommand, "lệnh con"),
            (ContextKind::SuggestedArg, "đối số"),
            (ContextKind::SuggestedValue, "giá trị"),
        ] {
            let similar: Vec<String> = match error.get(kind) {
                Some(ContextValue::String(s)) => vec![s.clone()],
                Some(ContextValue::Strings(v)) => v.clone(),
                _ => continue,
            };
            out.push_str(if tipped { "\n" } else { "\n\n" });
            tipped = true;
            let similar: Vec<String> = similar
                .iter()
                .map(|s| format!("'{valid}{s}{valid:#}'"))
                .collect();
            let _ = write!(
                out,
                "{TAB}{valid}gợi ý:{valid:#} có {what} gần giống: {}",
                similar.join(", ")
            );
        }
        if let Some(ContextValue::StyledStrs(tips)) = error.get(ContextKind::Suggested) {
            if !tipped {
                out.push_str("\n");
            }
            for tip in tips {
                let _ = write!(
                    out,
                    "\n{TAB}{valid}gợi ý:{valid:#} {}",
                    tip_in_vietnamese(tip)
                );
            }
        }
        if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
            let usage = usage.ansi().to_string().replacen("Usage:", "Cách dùng:", 1);
            let _ = write!(out, "\n\n{usage}");
        }
        let _ = write!(
            out,
            "\n\nĐể biết thêm, hãy thử '{literal}--help{literal:#}'.\n"
        );
        out
    }
}

/// The words of clap's own value parsers in Vietnamese where they are known: a number out of
/// its range, or not a whole number; any other as clap writes it.
fn parser_words(said: &str) -> String {
    if let Some((value, range)) = said.split_once(" is not in ") {
        return match range.split_once("..") {
            Some((low, high)) if high.len() >= 19 => {
                format!("{value} không hợp lệ: phải từ {low} trở lên")
            }
            Some((low, high)) => format!(
                "{value} nằm ngoài khoảng cho phép, từ {low} đến {}",
                high.trim_start_matches('=')
            ),
            None => format!("{value} nằm ngoài khoảng cho phép {range}"),
        };
    }
    match said {
        "invalid digit found in string" => "không phải là số nguyên".to_owned(),
        "cannot parse integer from empty string" => "để trống; cần một số nguyên".to_owned(),
        "number too large to fit in target type" => "số quá lớn".to_owned(),
        "number too small to fit in target type" => "số quá nhỏ".to_owned(),
        other => other.to_owned(),
    }
}

/// clap's tips in Vietnamese where their wording is known: passing a value that starts with `-`,
/// and a subcommand written after `--`; any other as clap writes it.
fn tip_in_vietnamese(tip: &StyledStr) -> String {
    let plain = tip.to_string();
    let quoted: Vec<&str> = plain.split('\'').skip(1).step_by(2).collect();
    if plain.starts_with("to pass '")
        && plain.contains("' as a value, use '")
        && let [value, usage, ..] = quoted[..]
    {
        return format!("để truyền '{value}' làm giá trị, hãy viết '{usage}'");
    }
    if plain.starts_with("subcommand '")
        && plain.contains("exists; to use it, remove the '--'")
        && let [name, ..] = quoted[..]
    {
        return format!("có lệnh con '{name}'; để dùng nó, hãy bỏ '--' đứng trước");
    }
    tip.ansi().to_string()
}
