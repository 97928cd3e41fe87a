//! Per-install settings kept in `localStorage`: the device id and the retry timings.
//!
//! `localStorage['cc.retry']` may hold a JSON object overriding any of
//! [`RetryPolicy`]'s fields (`base_delay_ms`, `max_delay_ms`, `retry_after_cap_ms`,
//! `request_timeout_ms`); the e2e tests set it so retries take milliseconds, not minutes.

use cc_core::report::RetryPolicy;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// The retry policy: the domain defaults, overridden by `localStorage['cc.retry']`.
pub fn retry_policy() -> RetryPolicy {
    storage()
        .and_then(|s| s.get_item("cc.retry").ok().flatten())
        .and_then(|t| serde_json::from_str::<RetryPolicy>(&t).ok())
        .unwrap_or_default()
}

/// This install's random device id (the receiver rate-limits per device), made on first use.
pub fn device_id() -> String {
    let Some(s) = storage() else {
        return super::store::random_id();
    };
    if let Some(id) = s
        .get_item("cc.device")
        .ok()
        .flatten()
        .filter(|i| !i.is_empty())
    {
        return id;
    }
    let id = super::store::random_id();
    let _ = s.set_item("cc.device", &id);
    id
}
