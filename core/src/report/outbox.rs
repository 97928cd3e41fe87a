//! The outbox: reports waiting to be sent, being sent, sent or failed, as a pure state machine
//! (FixMyStreet's offline pattern: drafts with their photos in IndexedDB, sent on reconnect).
//!
//! Guarantees:
//! - a `Sent` item is never sent again ([`OutboxItem::begin_send`] refuses it, and no outcome
//!   moves it back);
//! - every attempt reuses the item's idempotency key, so the receiver deduplicates retries;
//! - transient failures (network, timeout, 5xx, 429) go back to `Queued` with exponential
//!   backoff and jitter, honouring `Retry-After` up to [`RetryPolicy::retry_after_cap_ms`];
//! - 4xx answers (except 408 and 429) stop: the report is kept, marked `Failed`, with the
//!   server's description. It is `editable` unless the refusal is about the client's
//!   credentials (401/403), which no edit can fix;
//! - a batch endpoint's receipt token is looked up (`GET tokens/{token}.json`) until the
//!   endpoint has assigned the service request id, with the same backoff as failed sends: a
//!   batch may be processed minutes or hours after the POST.
//!
//! All times are milliseconds since the Unix epoch (`Date.now()`); randomness is passed in.

use serde::Serialize;

use super::json::Stored;
use crate::i18n::Lang;
use crate::json::Value;
use crate::time::Minute;
use crate::FeedError;

/// Retry timing. The defaults are for production; tests pass small values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RetryPolicy {
    /// Delay after the first failed attempt before jitter: 5 s.
    pub base_delay_ms: u64,
    /// Ceiling of the exponential backoff: 10 min, so a phone back online soon retries.
    pub max_delay_ms: u64,
    /// Ceiling of a server's `Retry-After`: 1 h, so a bad header cannot park a report for days.
    pub retry_after_cap_ms: u64,
    /// The app aborts a POST after this long and records a timeout: 30 s (photos on 3G).
    pub request_timeout_ms: u64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            base_delay_ms: 5_000,
            max_delay_ms: 600_000,
            retry_after_cap_ms: 3_600_000,
            request_timeout_ms: 30_000,
        }
    }
}

impl RetryPolicy {
    /// Backoff after `attempts` failed attempts (≥ 1): `min(max, base·2^(attempts−1))`, scaled
    /// by "equal jitter" into [½, 1] of that by `jitter` ∈ [0, 1] (clamped; NaN counts as 0).
    /// For a fixed jitter it never decreases with `attempts` and never exceeds `max_delay_ms`.
    pub fn backoff_ms(&self, attempts: u32, jitter: f64) -> u64 {
        let exp = attempts.saturating_sub(1).min(63);
        let full = self
            .base_delay_ms
            .saturating_mul(1u64 << exp)
            .min(self.max_delay_ms);
        let j = if jitter.is_nan() {
            0.0
        } else {
            jitter.clamp(0.0, 1.0)
        };
        let half = full / 2;
        half + ((full - half) as f64 * j) as u64
    }

    /// The wait after a failure: the backoff, or a longer `Retry-After` (capped).
    pub fn delay_ms(&self, attempts: u32, jitter: f64, retry_after_seconds: Option<u32>) -> u64 {
        let backoff = self.backoff_ms(attempts, jitter);
        match retry_after_seconds {
            Some(s) => backoff.max((u64::from(s) * 1000).min(self.retry_after_cap_ms)),
            None => backoff,
        }
    }
}

/// What one attempt to send produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// 2xx with a `service_request_id`.
    Created {
        reference: String,
        notice: Option<String>,
    },
    /// 2xx with a `token` (batch service): accepted, id to be looked up.
    Token(String),
    /// 4xx other than 408/429, with the server's description.
    ClientError { status: u16, description: String },
    /// 429.
    RateLimited { retry_after_seconds: Option<u32> },
    /// 5xx (or an unreadable 2xx).
    ServerError(u16),
    /// The fetch failed (offline, DNS, CORS).
    Network,
    /// No answer within [`RetryPolicy::request_timeout_ms`], or 408.
    Timeout,
}

/// Where an outbox item stands. Stored as an object tagged by `kind` (`{"kind":"sent",
/// "reference":…}`); decoded by hand ([`OutboxState::from_stored`]) in the same format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum OutboxState {
    /// Waiting for its next attempt.
    #[default]
    Queued,
    /// An attempt is in flight.
    Sending,
    /// Accepted. `reference` is the service request id, or the token while `is_token`.
    Sent {
        reference: String,
        #[serde(default)]
        is_token: bool,
        #[serde(default)]
        notice: Option<String>,
        at: i64,
    },
    /// Stopped; the report is kept.
    Failed { message: String, editable: bool },
}

impl OutboxState {
    /// Decodes a stored state, as serde's derive for the tagged enum would: `None` for an
    /// unknown `kind`, a missing required field or a field of another type (`is_token` and
    /// `notice` may be absent). Written out because the derive buffers the whole object before it
    /// reads the tag, which costs the report bundle more wasm than this (README "Performance").
    pub fn from_stored(value: &Value) -> Option<Self> {
        let text = |key: &str| value.get(key)?.as_str().map(str::to_string);
        Some(match value.get("kind")?.as_str()? {
            "queued" => OutboxState::Queued,
            "sending" => OutboxState::Sending,
            "sent" => OutboxState::Sent {
                reference: text("reference")?,
                is_token: match value.get("is_token") {
                    None => false,
                    Some(flag) => flag.as_bool()?,
                },
                notice: match value.get("notice") {
                    None | Some(Value::Null) => None,
                    Some(_) => Some(text("notice")?),
                },
                at: value.get("at")?.as_i64()?,
            },
            "failed" => OutboxState::Failed {
                message: text("message")?,
                editable: value.get("editable")?.as_bool()?,
            },
            _ => return None,
        })
    }
}

/// One report in the outbox (stored in IndexedDB next to its draft).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct OutboxItem {
    pub draft_id: String,
    pub idempotency_key: String,
    pub state: OutboxState,
    /// Attempts started so far.
    pub attempts: u32,
    /// Not before this time (ms since epoch): the next send while queued, the next token
    /// lookup while sent with a receipt token.
    pub next_attempt_at: i64,
    /// Token lookups so far that found no service request id yet (for their backoff).
    pub token_lookups: u32,
    /// The last failure, for the detail line (technical, e.g. `HTTP 503`).
    pub last_error: Option<String>,
    /// When it was queued.
    pub queued_at: i64,
    /// Which report it is, for the list (the draft is deleted once sent).
    pub about: super::progress::ReportAbout,
}

/// The outcome of [`OutboxItem::queue_draft`].
#[derive(Debug, Clone, PartialEq)]
pub struct Queueing {
    /// The item to store (and show).
    pub item: OutboxItem,
    /// Whether the draft is stored with it; `false` when the report was already sent, so the
    /// draft and its photos are deleted instead.
    pub keep_draft: bool,
}

impl OutboxItem {
    /// A report queued at `now_ms`, due at once.
    pub fn new(
        draft_id: impl Into<String>,
        idempotency_key: impl Into<String>,
        now_ms: i64,
    ) -> Self {
        Self {
            draft_id: draft_id.into(),
            idempotency_key: idempotency_key.into(),
            state: OutboxState::Queued,
            attempts: 0,
            next_attempt_at: now_ms,
            last_error: None,
            queued_at: now_ms,
            token_lookups: 0,
            about: Default::default(),
        }
    }

    /// What sending a draft does to the outbox, given the item already stored for it: another
    /// tab may have queued, be sending or have sent the same draft. A stored item is kept (its
    /// state is the truth: a sent report is never queued again) unless it failed, when a fresh
    /// one replaces it. The draft is kept unless the report was already sent. The caller reads
    /// `existing` and writes the result in one storage transaction, so no tab acts on a state
    /// another has since replaced.
    pub fn queue_draft(
        existing: Option<OutboxItem>,
        draft_id: &str,
        idempotency_key: &str,
        now_ms: i64,
    ) -> Queueing {
        match existing {
            Some(item) if matches!(item.state, OutboxState::Sent { .. }) => Queueing {
                item,
                keep_draft: false,
            },
            Some(item) if !matches!(item.state, OutboxState::Failed { .. }) => Queueing {
                item,
                keep_draft: true,
            },
            _ => Queueing {
                item: OutboxItem::new(draft_id, idempotency_key, now_ms),
                keep_draft: true,
            },
        }
    }

    /// Decodes a stored item (forward-compatible like drafts).
    pub fn from_json(text: &str) -> Result<Self, FeedError> {
        let d = Stored::parse(text)?;
        Ok(Self {
            draft_id: d.string("draft_id"),
            idempotency_key: d.string("idempotency_key"),
            state: d
                .get("state")
                .and_then(OutboxState::from_stored)
                .unwrap_or_default(),
            attempts: d.count("attempts"),
            next_attempt_at: d.int("next_attempt_at"),
            token_lookups: d.count("token_lookups"),
            last_error: d.optional_string("last_error"),
            queued_at: d.int("queued_at"),
            about: d
                .get("about")
                .and_then(super::progress::ReportAbout::from_stored)
                .unwrap_or_default(),
        })
    }

    /// Encodes for storage.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{}".to_string())
    }

    /// Queued and its time has come.
    pub fn is_due(&self, now_ms: i64) -> bool {
        self.state == OutboxState::Queued && self.next_attempt_at <= now_ms
    }

    /// Queued → Sending, counting the attempt. Returns false (and changes nothing) in any other
    /// state: a sent report is never sent again, and one send runs at a time.
    pub fn begin_send(&mut self) -> bool {
        if self.state != OutboxState::Queued {
            return false;
        }
        self.state = OutboxState::Sending;
        self.attempts = self.attempts.saturating_add(1);
        true
    }

    /// After a restart, an item left `Sending` is queued again (the idempotency key makes the
    /// repeat safe: the receiver answers with the case the lost attempt may have created).
    pub fn recover(&mut self, now_ms: i64) {
        if self.state == OutboxState::Sending {
            self.state = OutboxState::Queued;
            self.next_attempt_at = now_ms;
        }
    }

    /// The user asks to send a failed (possibly edited) report again, or to retry now.
    pub fn retry_now(&mut self, now_ms: i64) {
        if matches!(self.state, OutboxState::Failed { .. } | OutboxState::Queued) {
            self.state = OutboxState::Queued;
            self.next_attempt_at = now_ms;
        }
    }

    /// What the retry button does to the item stored now: a queued or failed report becomes due
    /// at once; one another tab is sending or has sent is left as it is (`None`: nothing to
    /// write), so a retry never turns a sent report back into a queued one. The caller reads
    /// `stored` and writes the result in one storage transaction, as for [`Self::queue_draft`].
    pub fn retried(stored: Option<OutboxItem>, now_ms: i64) -> Option<OutboxItem> {
        let mut item = stored?;
        if !matches!(item.state, OutboxState::Failed { .. } | OutboxState::Queued) {
            return None;
        }
        item.retry_now(now_ms);
        Some(item)
    }

    /// The pure transition for the outcome of the attempt in flight. `jitter` ∈ [0, 1] comes
    /// from the caller's random source. A success is recorded from any unsent state (a late
    /// answer still counts); failures only apply to the attempt in flight.
    pub fn apply(&self, outcome: Outcome, now_ms: i64, jitter: f64, policy: &RetryPolicy) -> Self {
        let mut next = self.clone();
        if matches!(self.state, OutboxState::Sent { .. }) {
            return next;
        }
        let sent = |reference: String, is_token: bool, notice: Option<String>| OutboxState::Sent {
            reference,
            is_token,
            notice,
            at: now_ms,
        };
        let retry_after = match &outcome {
            Outcome::Created { reference, notice } => {
                next.state = sent(reference.clone(), false, notice.clone());
                next.last_error = None;
                return next;
            }
            Outcome::Token(token) => {
                next.state = sent(token.clone(), true, None);
                next.last_error = None;
                // The first lookup is due at once: many endpoints have the id by then.
                next.next_attempt_at = now_ms;
                next.token_lookups = 0;
                return next;
            }
            _ if self.state != OutboxState::Sending => return next,
            Outcome::ClientError {
                status,
                description,
            } => {
                next.state = OutboxState::Failed {
                    message: description.clone(),
                    editable: !matches!(status, 401 | 403),
                };
                next.last_error = Some(format!("HTTP {status}"));
                return next;
            }
            Outcome::RateLimited {
                retry_after_seconds,
            } => {
                next.last_error = Some("HTTP 429".to_string());
                *retry_after_seconds
            }
            Outcome::ServerError(status) => {
                next.last_error = Some(format!("HTTP {status}"));
                None
            }
            Outcome::Network => {
                next.last_error = Some("network".to_string());
                None
            }
            Outcome::Timeout => {
                next.last_error = Some("timeout".to_string());
                None
            }
        };
        let delay = policy.delay_ms(self.attempts.max(1), jitter, retry_after);
        next.state = OutboxState::Queued;
        next.next_attempt_at = now_ms.saturating_add(i64::try_from(delay).unwrap_or(i64::MAX));
        next
    }

    /// When the runner next has work with this item (milliseconds since the epoch): its next
    /// attempt or token lookup. An item caught `Sending` is looked at again once that send must
    /// have ended (its request timed out), in case the tab sending it died. `None`: nothing to
    /// do (sent and known, or failed) until the user acts.
    pub fn next_wake(&self, now_ms: i64, policy: &RetryPolicy) -> Option<i64> {
        match self.state {
            OutboxState::Queued | OutboxState::Sent { is_token: true, .. } => {
                Some(self.next_attempt_at)
            }
            OutboxState::Sending => Some(
                now_ms.saturating_add(i64::try_from(policy.request_timeout_ms).unwrap_or(i64::MAX)),
            ),
            OutboxState::Sent { .. } | OutboxState::Failed { .. } => None,
        }
    }

    /// Whether the outbox runner still has work with this item: sending it (queued, or caught
    /// mid-send) or looking its receipt token up. Sent and failed items wait for nothing.
    pub fn awaits_runner(&self) -> bool {
        matches!(
            self.state,
            OutboxState::Queued | OutboxState::Sending | OutboxState::Sent { is_token: true, .. }
        )
    }

    /// Sent with a receipt token whose service request id is still unknown, and the time for
    /// the next lookup has come.
    pub fn token_lookup_due(&self, now_ms: i64) -> bool {
        matches!(self.state, OutboxState::Sent { is_token: true, .. })
            && self.next_attempt_at <= now_ms
    }

    /// A token lookup found no service request id yet (not assigned, or the lookup failed):
    /// the next one waits the backoff of [`RetryPolicy::backoff_ms`] for the lookups so far.
    pub fn token_not_resolved(&mut self, now_ms: i64, jitter: f64, policy: &RetryPolicy) {
        if !matches!(self.state, OutboxState::Sent { is_token: true, .. }) {
            return;
        }
        self.token_lookups = self.token_lookups.saturating_add(1);
        let delay = policy.backoff_ms(self.token_lookups, jitter);
        self.next_attempt_at = now_ms.saturating_add(i64::try_from(delay).unwrap_or(i64::MAX));
    }

    /// A token was resolved to its service request id (`GET tokens/{token}.json`).
    pub fn resolve_token(&mut self, service_request_id: &str) {
        if let OutboxState::Sent {
            reference,
            is_token,
            ..
        } = &mut self.state
        {
            if *is_token && !service_request_id.trim().is_empty() {
                *reference = service_request_id.trim().to_string();
                *is_token = false;
            }
        }
    }

    /// `data-state` for CSS and tests: `queued`, `sending`, `sent` or `failed`.
    pub fn data_state(&self) -> &'static str {
        match self.state {
            OutboxState::Queued => "queued",
            OutboxState::Sending => "sending",
            OutboxState::Sent { .. } => "sent",
            OutboxState::Failed { .. } => "failed",
        }
    }

    /// The short status: 待发送 / 发送中 / 已提交 / 发送失败.
    pub fn status_label(&self, lang: Lang) -> &'static str {
        let (zh, en) = match self.state {
            OutboxState::Queued => ("待发送", "Waiting to send"),
            OutboxState::Sending => ("发送中", "Sending"),
            OutboxState::Sent { .. } => ("已提交", "Submitted"),
            OutboxState::Failed { .. } => ("发送失败", "Not sent"),
        };
        lang.pick(zh, en)
    }

    /// The status line with its time, for the outbox list and a polite live region.
    pub fn status_text(&self, lang: Lang, now_ms: i64) -> String {
        let label = self.status_label(lang);
        let time = |ms: i64| Minute::from_unix_millis(ms).to_string();
        match (&self.state, lang) {
            (OutboxState::Queued, _) if self.next_attempt_at <= now_ms || self.attempts == 0 => {
                match lang {
                    Lang::Zh => format!("{label}：联网后自动发送"),
                    Lang::En => format!("{label}: it will be sent when you are online"),
                }
            }
            (OutboxState::Queued, Lang::Zh) => {
                format!("{label}：将于 {} 自动重试", time(self.next_attempt_at))
            }
            (OutboxState::Queued, Lang::En) => {
                format!("{label}: trying again at {}", time(self.next_attempt_at))
            }
            (OutboxState::Sending, Lang::Zh) => format!("{label}（第 {} 次）", self.attempts),
            (OutboxState::Sending, Lang::En) => format!("{label} (attempt {})", self.attempts),
            (
                OutboxState::Sent {
                    reference,
                    is_token,
                    at,
                    ..
                },
                Lang::Zh,
            ) => {
                let what = if *is_token { "受理凭证" } else { "编号" };
                format!("{label}：{} · {what} {reference}", time(*at))
            }
            (
                OutboxState::Sent {
                    reference,
                    is_token,
                    at,
                    ..
                },
                Lang::En,
            ) => {
                let what = if *is_token { "receipt" } else { "reference" };
                format!("{label}: {} · {what} {reference}", time(*at))
            }
            (OutboxState::Failed { message, .. }, Lang::Zh) => format!("{label}：{message}"),
            (OutboxState::Failed { message, .. }, Lang::En) => format!("{label}: {message}"),
        }
    }
}
