//! What the report pages say about a report in the outbox, so that they say what is true: that
//! it is on its way while the first attempt is; that it is saved and waiting only once an attempt
//! has failed (or there is no connection to try), and why — no connection, no answer in time,
//! the system cannot take it now (5xx), asked to wait (429); our own sentence for a refusal, with
//! the system's own text labelled as the system's; and which report an entry is.

use super::categories::{find_category, Category};
use super::draft::ReportDraft;
use super::outbox::{OutboxItem, OutboxState};
use crate::i18n::Lang;
use crate::json::Value;
use crate::time::Minute;
use serde::Serialize;

/// Which report an outbox item is: what, where, when (from the draft, kept after it is deleted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct ReportAbout {
    /// Category codes, the first the service code.
    pub categories: Vec<String>,
    /// District and address.
    pub place: String,
    /// When it happened, minutes since the epoch in Beijing time ([`Minute`]).
    pub occurred: Option<i64>,
}

impl ReportAbout {
    /// A stored one. Absent members take their defaults; one of another type makes it
    /// unreadable (`None`), so a changed format never shows a wrong report.
    pub fn from_stored(value: &Value) -> Option<Self> {
        let about = value.as_object()?;
        Some(Self {
            categories: match about.get("categories") {
                None => Vec::new(),
                Some(v) => super::json::strings_of(v)?,
            },
            place: match about.get("place") {
                None => String::new(),
                Some(v) => v.as_str()?.to_string(),
            },
            occurred: match about.get("occurred") {
                None | Some(Value::Null) => None,
                Some(v) => Some(v.as_i64()?),
            },
        })
    }

    /// Of `draft`.
    pub fn of(draft: &ReportDraft) -> Self {
        Self {
            categories: draft.categories.clone(),
            place: super::open311::address_string(&draft.district, &draft.address),
            occurred: draft.occurred_at().map(|m| m.0),
        }
    }
}

/// Why the last attempt did not get the report through, from [`OutboxItem::last_error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitReason {
    /// No answer at all: offline, or the system cannot be reached.
    Unreachable,
    /// No answer within the time limit.
    NoAnswer,
    /// 429: asked to wait.
    AskedToWait,
    /// 5xx: the system cannot take it now.
    Unavailable(u16),
}

/// The page's heading and sentence for a report not yet sent or refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub heading: &'static str,
    pub text: String,
    /// Whether it is saved and waiting (otherwise it is on its way).
    pub waiting: bool,
}

impl OutboxItem {
    /// Why the last attempt failed; `None` before any attempt failed.
    pub fn wait_reason(&self) -> Option<WaitReason> {
        let error = self.last_error.as_deref()?;
        Some(match error {
            "network" => WaitReason::Unreachable,
            "timeout" => WaitReason::NoAnswer,
            _ => match self.last_status()? {
                429 => WaitReason::AskedToWait,
                status => WaitReason::Unavailable(status),
            },
        })
    }

    /// The HTTP status of the last failed attempt (`last_error` is `HTTP <status>` then).
    pub fn last_status(&self) -> Option<u16> {
        self.last_error
            .as_deref()?
            .strip_prefix("HTTP ")?
            .parse()
            .ok()
    }

    /// What the confirmation says while the report is queued or on its way (`online`: whether
    /// the browser has a connection, so a report queued offline is never said to be sending).
    pub fn progress(&self, online: bool, lang: Lang, now_ms: i64) -> Progress {
        let attempt = self.attempts.max(1);
        let sending = self.state == OutboxState::Sending;
        let reason = self.wait_reason();
        if reason.is_none() && (sending || online) {
            return Progress {
                heading: lang.pick("正在发送举报", "Sending your report"),
                text: match lang {
                    Lang::Zh => format!("举报已保存在本机，正在发送到受理系统（第 {attempt} 次）。"),
                    Lang::En => format!(
                        "Your report is saved on this device and is being sent to the reporting system (attempt {attempt})."
                    ),
                },
                waiting: false,
            };
        }
        let why = match (reason, lang) {
            (None, Lang::Zh) => "现在没有网络连接。".to_string(),
            (None, Lang::En) => "There is no connection right now.".to_string(),
            (Some(WaitReason::Unreachable), Lang::Zh) => "现在无法连接到受理系统。".to_string(),
            (Some(WaitReason::Unreachable), Lang::En) => {
                "The reporting system cannot be reached right now.".to_string()
            }
            (Some(WaitReason::NoAnswer), Lang::Zh) => "受理系统没有及时回应。".to_string(),
            (Some(WaitReason::NoAnswer), Lang::En) => {
                "The reporting system did not answer in time.".to_string()
            }
            (Some(WaitReason::AskedToWait), Lang::Zh) => "受理系统请求稍后再发送。".to_string(),
            (Some(WaitReason::AskedToWait), Lang::En) => {
                "The reporting system asked us to wait before sending.".to_string()
            }
            (Some(WaitReason::Unavailable(s)), Lang::Zh) => {
                format!("受理系统暂时无法处理（HTTP {s}）。")
            }
            (Some(WaitReason::Unavailable(s)), Lang::En) => {
                format!("The reporting system cannot take reports right now (HTTP {s}).")
            }
        };
        let when = Minute::from_unix_millis(self.next_attempt_at.max(now_ms));
        let then = match lang {
            Lang::Zh if sending => format!("正在重新发送（第 {attempt} 次）。"),
            Lang::En if sending => format!("Sending it again (attempt {attempt})."),
            Lang::Zh if !online || reason == Some(WaitReason::Unreachable) => {
                "举报已保存在本机，联网后会自动发送，您可以关闭此页。".to_string()
            }
            Lang::En if !online || reason == Some(WaitReason::Unreachable) => {
                "Your report is saved on this device and will be sent when you are online; you can close this page.".to_string()
            }
            Lang::Zh => format!("举报已保存在本机，将于 {when} 自动重试，您可以关闭此页。"),
            Lang::En => format!(
                "Your report is saved on this device and will be sent again at {when}; you can close this page."
            ),
        };
        Progress {
            heading: lang.pick(
                "举报已保存，等待发送",
                "Report saved and waiting to be sent",
            ),
            text: format!("{why}{}{then}", lang.pick("", " ")),
            waiting: true,
        }
    }

    /// Our own sentence for a refusal (a failed item), by the status the system answered with;
    /// the system's text (`Failed::message`) is shown apart, as the system's.
    pub fn refusal_text(&self, lang: Lang) -> String {
        let status = self.last_status();
        let (zh, en) = match status {
            Some(400 | 422) => (
                "受理系统认为举报的内容有误。请查看下面受理系统的说明，修改后重新提交。",
                "The reporting system found a problem with the report. See what it says below, change the report and send it again.",
            ),
            Some(401 | 403) => (
                "受理系统拒绝接收本站的举报。举报已保存在本机；请拨打 12369 环保举报热线，或联系网站管理员。",
                "The reporting system refuses reports from this site. Your report is kept on this device; please call the 12369 hotline or tell the site's webmaster.",
            ),
            Some(404 | 410) => (
                "找不到受理系统的举报入口。举报已保存在本机；请联系网站管理员，或拨打 12369 环保举报热线。",
                "The reporting system's address for reports was not found. Your report is kept on this device; please tell the site's webmaster or call the 12369 hotline.",
            ),
            Some(413) => (
                "举报连同照片太大，受理系统无法接收。请减少照片后重新提交。",
                "The report with its photos is too large for the reporting system. Remove some photos and send it again.",
            ),
            _ => (
                "受理系统没有接受这份举报。请查看下面受理系统的说明。",
                "The reporting system did not accept this report. See what it says below.",
            ),
        };
        let text = lang.pick(zh, en);
        match (status, lang) {
            (Some(s), Lang::Zh) => format!("{text}（HTTP {s}）"),
            (Some(s), Lang::En) => format!("{text} (HTTP {s})"),
            (None, _) => text.to_string(),
        }
    }

    /// Which report this is, for the list: "大气污染 · 朝阳区 人民大街 1 号 · 2026-12-05 14:30"
    /// (categories by their names in `categories`, else their codes; the time it happened, else
    /// when it was queued). `None` for an item stored before items carried this.
    pub fn about_text(&self, categories: &[Category], lang: Lang) -> Option<String> {
        let about = &self.about;
        if about.categories.is_empty() && about.place.is_empty() {
            return None;
        }
        let names: Vec<&str> = about
            .categories
            .iter()
            .map(|code| find_category(categories, code).map_or(code.as_str(), |c| c.name.get(lang)))
            .collect();
        let when = about
            .occurred
            .map(Minute)
            .unwrap_or_else(|| Minute::from_unix_millis(self.queued_at));
        let parts: Vec<String> = [
            names.join(lang.pick("、", ", ")),
            about.place.clone(),
            when.to_string(),
        ]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
        Some(parts.join(" · "))
    }
}

#[cfg(test)]
#[path = "progress_tests.rs"]
mod tests;
