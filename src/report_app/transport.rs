//! Open311 GeoReport v2 over `fetch`: the POST of a report (urlencoded, or multipart with
//! `media` parts), the token lookup of batch endpoints, a report's status and the service list.
//!
//! The request body, headers and the reading of answers all come from `cc_core::report`; this
//! module only moves bytes and turns what the network did into an [`Outcome`].

use crate::api::{fetch_text, ApiError, FetchLimits};
use cc_core::report::stats::{listing_windows, parse_listing, Listed, LISTING_MAX};
use cc_core::report::{
    classify_post, parse_requests, parse_services, parse_token, post_headers, CategoryList, Minute,
    Open311Client, Outcome, ReportDraft, ServiceRequest,
};
use cc_core::SkippedInFile;
use std::cell::Cell;
use std::rc::Rc;

/// The request body: urlencoded text, or a multipart form with the photos.
fn body(
    client: &Open311Client,
    draft: &ReportDraft,
    photos: &[web_sys::Blob],
    multipart: bool,
) -> Option<wasm_bindgen::JsValue> {
    if !multipart || photos.is_empty() {
        return Some(client.form_body(draft).into());
    }
    let form = web_sys::FormData::new().ok()?;
    for (k, v) in client.form_fields(draft) {
        form.append_with_str(&k, &v).ok()?;
    }
    for (i, blob) in photos.iter().enumerate() {
        form.append_with_blob_and_filename("media", blob, &format!("photo-{}.jpg", i + 1))
            .ok()?;
    }
    Some(form.into())
}

/// POSTs `requests.json` once, within `timeout_ms`. Never fails: every result is an outcome.
pub async fn post_report(
    client: &Open311Client,
    draft: &ReportDraft,
    photos: &[web_sys::Blob],
    multipart: bool,
    timeout_ms: u64,
) -> Outcome {
    let use_multipart = multipart && !photos.is_empty();
    let Some(body) = body(client, draft, photos, multipart) else {
        return Outcome::Network;
    };
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let timed_out = Rc::new(Cell::new(false));
    let _timer = {
        let (timed_out, controller) = (timed_out.clone(), controller.clone());
        let ms = u32::try_from(timeout_ms).unwrap_or(u32::MAX);
        gloo_timers::callback::Timeout::new(ms, move || {
            timed_out.set(true);
            if let Some(c) = controller {
                c.abort();
            }
        })
    };
    let mut builder =
        gloo_net::http::Request::post(&client.post_url()).abort_signal(signal.as_ref());
    for (k, v) in post_headers(&draft.idempotency_key, use_multipart) {
        builder = builder.header(&k, &v);
    }
    let Ok(request) = builder.body(body) else {
        return Outcome::Network;
    };
    let response = match request.send().await {
        Ok(r) => r,
        Err(_) if timed_out.get() => return Outcome::Timeout,
        Err(_) => return Outcome::Network,
    };
    let retry_after = response.headers().get("retry-after");
    let text = match response.text().await {
        Ok(t) => t,
        Err(_) if timed_out.get() => return Outcome::Timeout,
        Err(_) => String::new(),
    };
    classify_post(
        response.status(),
        &text,
        retry_after.as_deref(),
        super::store::now_ms(),
    )
}

fn limits() -> FetchLimits {
    FetchLimits {
        timeout_ms: 15_000,
        max_bytes: 2_000_000,
    }
}

/// Resolves a batch token to its case number, once the receiver has one.
pub async fn resolve_token(client: &Open311Client, token: &str) -> Option<String> {
    let text = fetch_text(&client.token_url(token), limits())
        .await
        .ok()?
        .text;
    parse_token(&text).ok().flatten()
}

/// `GET requests/{id}.json`.
pub async fn request_status(
    client: &Open311Client,
    id: &str,
) -> Result<Option<ServiceRequest>, ApiError> {
    let url = client.request_url(id);
    let text = fetch_text(&url, limits()).await?.text;
    let list = parse_requests(&text).map_err(|error| ApiError::Parse { url, error })?;
    Ok(list.into_iter().next())
}

/// A client of the site's configured endpoint for reading it (a status, the listing), without a
/// device id; `None` when no endpoint is configured or the configuration failed to load.
pub async fn reading_client(
    config: leptos::prelude::LocalResource<crate::feeds::ConfigResult>,
) -> Option<Open311Client> {
    let config = crate::feeds::config_once(config).await.ok()?;
    Some(Open311Client::from_config(config.report.as_ref()?, ""))
}

/// What a listing of the endpoint gave: every request read, and what could not be read, by answer.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    pub requests: Vec<Listed>,
    pub skipped: Vec<SkippedInFile>,
}

/// Every request submitted from `from` to `to` (`GET requests.json`), asked in windows of at
/// most 90 days, oldest first; an answer as full as an answer may be ([`LISTING_MAX`]) may have
/// left some out, so its window is halved and asked again, down to an hour.
pub async fn listing(
    client: &Open311Client,
    from: Minute,
    to: Minute,
) -> Result<Listing, ApiError> {
    let mut windows = listing_windows(from, to);
    windows.reverse();
    let mut out = Listing::default();
    while let Some((start, end)) = windows.pop() {
        let url = client.listing_url(start, end);
        let text = fetch_text(&url, limits()).await?.text;
        let (requests, skipped) = parse_listing(&text).map_err(|error| ApiError::Parse {
            url: url.clone(),
            error,
        })?;
        if requests.len() + skipped.len() >= LISTING_MAX && end.0 - start.0 > 60 {
            let middle = Minute(start.0 + (end.0 - start.0) / 2);
            windows.push((middle, end));
            windows.push((start, middle));
            continue;
        }
        out.requests.extend(requests);
        if !skipped.is_empty() {
            out.skipped.push(SkippedInFile { file: url, skipped });
        }
    }
    Ok(out)
}

/// The endpoint's `services.json`, or the built-in list when it cannot be read.
pub async fn services(client: &Open311Client) -> CategoryList {
    match fetch_text(&client.services_url(), limits()).await {
        Ok(fetched) => parse_services(&fetched.text),
        // An unreadable body falls back the same way a malformed one does.
        Err(_) => parse_services(""),
    }
}
