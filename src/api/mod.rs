//! The network, behind one typed error.
//!
//! Every fetch of the site goes through [`fetch_text`]: a timeout, an abort when the page that
//! asked is left (its reactive owner is cleaned up), a size limit checked before parsing so a
//! huge feed cannot freeze the page, and one [`ApiError`] that maps to a message in either
//! language while keeping the technical detail (file, line, column) visible. An answer the
//! service worker gave from its offline copy of a data file comes back marked as such
//! ([`FetchedText::offline_copy`]), so the page can say it shows the last data received.

use crate::text::shared;
use cc_core::i18n::Lang;
use cc_core::offline::OfflineCopy;
use cc_core::FeedError;
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use std::cell::Cell;
use std::rc::Rc;

/// Why a fetch or its parse failed.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// No answer at all (offline, DNS, CORS, connection reset).
    Network { url: String },
    /// No answer within the time limit.
    Timeout { url: String },
    /// The page that asked was left.
    Aborted,
    /// An answer with a non-2xx status.
    Status { url: String, code: u16 },
    /// Larger than `limits.max_feed_bytes`.
    TooLarge { url: String, limit: u64 },
    /// The body could not be read as text.
    Decode { url: String, detail: String },
    /// The body is not a valid file of the configured format.
    Parse { url: String, error: FeedError },
}

/// The last path segment of a URL, which is how a person recognises a file.
pub fn file_name(url: &str) -> &str {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    path.rsplit('/').find(|s| !s.is_empty()).unwrap_or(path)
}

impl ApiError {
    /// A message for people, in `lang`, naming the file and position where there is one.
    pub fn message(&self, lang: Lang) -> String {
        let t = shared(lang);
        match self {
            ApiError::Network { .. } => t.err_network.to_string(),
            ApiError::Timeout { .. } => t.err_timeout.to_string(),
            ApiError::Aborted => t.err_aborted.to_string(),
            ApiError::Status { url, code } => {
                format!(
                    "{} (HTTP {code}) — {}: {}",
                    t.err_status,
                    t.err_file,
                    file_name(url)
                )
            }
            ApiError::TooLarge { url, limit } => {
                format!(
                    "{} ({}: {}, > {limit} B)",
                    t.err_too_large,
                    t.err_file,
                    file_name(url)
                )
            }
            ApiError::Decode { url, detail } => {
                format!(
                    "{} — {}: {} ({detail})",
                    t.err_decode,
                    t.err_file,
                    file_name(url)
                )
            }
            ApiError::Parse { url, error } => {
                let file = file_name(url);
                let place = match (lang, error.line, error.column) {
                    (_, 0, _) => String::new(),
                    (Lang::Zh, l, 0) => format!("第 {l} 行"),
                    (Lang::Zh, l, c) => format!("第 {l} 行第 {c} 列"),
                    (Lang::En, l, 0) => format!("line {l}"),
                    (Lang::En, l, c) => format!("line {l}, column {c}"),
                };
                let sep = if place.is_empty() { "" } else { ", " };
                format!(
                    "{} — {}: {file}{sep}{place}: {}",
                    t.err_parse, t.err_file, error.message
                )
            }
        }
    }
}

/// Limits of one fetch.
#[derive(Debug, Clone, Copy)]
pub struct FetchLimits {
    pub timeout_ms: u32,
    pub max_bytes: u64,
}

impl Default for FetchLimits {
    fn default() -> Self {
        Self {
            timeout_ms: 20_000,
            max_bytes: cc_core::config::DEFAULT_MAX_FEED_BYTES,
        }
    }
}

/// A body fetched as text.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchedText {
    pub text: String,
    /// Set when the service worker answered from its offline copy (the network failed).
    pub offline_copy: Option<OfflineCopy>,
}

/// GETs `url` as text within `limits`; aborts if the calling owner is cleaned up.
pub async fn fetch_text(url: &str, limits: FetchLimits) -> Result<FetchedText, ApiError> {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let on_leave = SendWrapper::new(controller.clone());
    on_cleanup(move || {
        if let Some(c) = on_leave.take() {
            c.abort();
        }
    });
    let timed_out = Rc::new(Cell::new(false));
    let _timer = {
        let timed_out = timed_out.clone();
        let controller = controller.clone();
        gloo_timers::callback::Timeout::new(limits.timeout_ms, move || {
            timed_out.set(true);
            if let Some(c) = controller {
                c.abort();
            }
        })
    };
    let owned = url.to_string();
    let response = gloo_net::http::Request::get(url)
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(|_| classify_failure(&timed_out, signal.as_ref(), &owned))?;
    if !response.ok() {
        return Err(ApiError::Status {
            url: owned,
            code: response.status(),
        });
    }
    let offline_copy = response
        .headers()
        .get(cc_core::offline::HEADER)
        .map(|v| OfflineCopy::from_header(&v));
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limits.max_bytes) {
        return Err(ApiError::TooLarge {
            url: owned,
            limit: limits.max_bytes,
        });
    }
    let text = response.text().await.map_err(|e| {
        if timed_out.get() || signal.as_ref().is_some_and(|s| s.aborted()) {
            classify_failure(&timed_out, signal.as_ref(), &owned)
        } else {
            ApiError::Decode {
                url: owned.clone(),
                detail: e.to_string(),
            }
        }
    })?;
    if text.len() as u64 > limits.max_bytes {
        return Err(ApiError::TooLarge {
            url: owned,
            limit: limits.max_bytes,
        });
    }
    Ok(FetchedText { text, offline_copy })
}

fn classify_failure(
    timed_out: &Cell<bool>,
    signal: Option<&web_sys::AbortSignal>,
    url: &str,
) -> ApiError {
    if timed_out.get() {
        ApiError::Timeout {
            url: url.to_string(),
        }
    } else if signal.is_some_and(|s| s.aborted()) {
        ApiError::Aborted
    } else {
        ApiError::Network {
            url: url.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_errors_name_file_line_and_column() {
        let e = ApiError::Parse {
            url: "http://h/data/air-latest.csv?v=2".into(),
            error: FeedError::at(3, 14, "expected a number"),
        };
        assert_eq!(
            e.message(Lang::Zh),
            "数据文件格式有误 — 文件: air-latest.csv, 第 3 行第 14 列: expected a number"
        );
        assert_eq!(
            e.message(Lang::En),
            "The data file has a format error — File: air-latest.csv, line 3, column 14: expected a number"
        );
    }

    #[test]
    fn status_errors_name_the_code() {
        let e = ApiError::Status {
            url: "http://h/x/".into(),
            code: 500,
        };
        assert!(e.message(Lang::En).contains("HTTP 500"));
        assert!(e.message(Lang::En).ends_with("x"));
    }
}
