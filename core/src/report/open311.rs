//! Encoding a draft as an Open311 GeoReport v2 `POST requests.json`, in the dialect of the
//! project's reference receiver (`receiver/README.md`, `receiver/services.js`).
//!
//! - `service_code` is the first category; every category goes in the multivaluelist
//!   `attribute[categories][]`, as the spec sends multivaluelists.
//! - `attribute[subtype]`, `[district]` (the Chinese key), `[occurred_at]` (ISO-8601 with
//!   `+08:00`), `[ongoing]` (`ongoing` | `intermittent` | `ended`), `[reported_party]`,
//!   `[client_request_id]` (the idempotency key, also sent as the `Idempotency-Key` header so a
//!   retried POST never opens a second case).
//! - `address_string` = district + address; `lat`/`long` only for a confirmed position.
//! - Contact fields only for named reports. The name goes whole into `first_name`: Chinese
//!   names cannot be split reliably (复姓 such as 欧阳), and the receiver shows both parts.
//! - Empty values are left out, since Open311 treats an empty optional parameter as absent.
//!
//! The body is `application/x-www-form-urlencoded; charset=utf-8` ([`urlencode_form`]) or, with
//! photos, multipart built by the browser's `FormData` from [`Open311Client::form_fields`].

use super::draft::ReportDraft;
use super::validate::normalize_phone;
use crate::config::ReportConfig;
use crate::time::Minute;

/// Where and as whom the app talks to the receiver.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Open311Client {
    /// The base URL, e.g. `https://example.gov.cn/open311/v2` (no trailing slash needed).
    pub endpoint: String,
    pub jurisdiction_id: Option<String>,
    /// An identifier from the public config, not a secret.
    pub api_key: String,
    /// A random per-install id (rate limits per device).
    pub device_id: String,
}

/// Percent-encodes `text` for a form body or URL: bytes outside `A-Z a-z 0-9 * - . _` as `%XX`
/// (UTF-8), and, for forms, space as `+` (the WHATWG urlencoded serializer).
fn percent_encode(text: &str, space_as_plus: bool, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in text.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(char::from(b))
            }
            b' ' if space_as_plus => out.push('+'),
            _ => {
                out.push('%');
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0x0f)]));
            }
        }
    }
}

/// `application/x-www-form-urlencoded` serialization of `pairs`, UTF-8, spaces as `+`.
pub fn urlencode_form(pairs: &[(String, String)]) -> String {
    let mut out = String::new();
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        percent_encode(k, true, &mut out);
        out.push('=');
        percent_encode(v, true, &mut out);
    }
    out
}

/// The Content-Type of an urlencoded POST body.
pub const FORM_CONTENT_TYPE: &str = "application/x-www-form-urlencoded; charset=utf-8";

/// A decimal degree with 6 decimals (~0.1 m), trailing zeros dropped; never an exponent,
/// which the receiver's number check would refuse.
fn degrees(v: f64) -> String {
    crate::decimal::trimmed(v, 6)
}

/// `address_string`: the district, a space, then the address, unless the address already
/// starts with the district's name.
pub fn address_string(district: &str, address: &str) -> String {
    let (d, a) = (district.trim(), address.trim());
    if d.is_empty() || a.starts_with(d) {
        a.to_string()
    } else if a.is_empty() {
        d.to_string()
    } else {
        format!("{d} {a}")
    }
}

impl Open311Client {
    /// From the site config and this install's device id.
    pub fn from_config(config: &ReportConfig, device_id: impl Into<String>) -> Self {
        Self {
            endpoint: config.endpoint.clone(),
            jurisdiction_id: config.jurisdiction_id.clone(),
            api_key: config.api_key.clone(),
            device_id: device_id.into(),
        }
    }

    fn url(&self, path: &str) -> String {
        let mut url = format!("{}/{path}", self.endpoint.trim_end_matches('/'));
        if let Some(j) = self.jurisdiction_id.as_deref().filter(|j| !j.is_empty()) {
            url.push_str("?jurisdiction_id=");
            percent_encode(j, false, &mut url);
        }
        url
    }

    fn url_with_segment(&self, prefix: &str, segment: &str) -> String {
        let mut path = prefix.to_string();
        percent_encode(segment, false, &mut path);
        path.push_str(".json");
        self.url(&path)
    }

    /// `GET services.json`.
    pub fn services_url(&self) -> String {
        self.url("services.json")
    }

    /// `POST requests.json` (the body carries `jurisdiction_id`, so no query string).
    pub fn post_url(&self) -> String {
        format!("{}/requests.json", self.endpoint.trim_end_matches('/'))
    }

    /// `GET requests/{id}.json`, the id percent-encoded.
    pub fn request_url(&self, service_request_id: &str) -> String {
        self.url_with_segment("requests/", service_request_id)
    }

    /// `GET requests.json` for the requests submitted from `from` to `to` (`start_date`,
    /// `end_date`; the offset's `+` percent-encoded, or a server reads it as a space).
    pub fn listing_url(&self, from: Minute, to: Minute) -> String {
        let mut url = self.url("requests.json");
        for (key, at) in [("start_date", from), ("end_date", to)] {
            url.push(if url.contains('?') { '&' } else { '?' });
            url.push_str(key);
            url.push('=');
            percent_encode(&at.to_iso(), false, &mut url);
        }
        url
    }

    /// `GET tokens/{token}.json`.
    pub fn token_url(&self, token: &str) -> String {
        self.url_with_segment("tokens/", token)
    }

    /// The ordered form fields of `POST requests.json` for `draft`. Validate the draft first
    /// ([`super::validate_all`]); this never fails and never panics, whatever the draft holds.
    pub fn form_fields(&self, draft: &ReportDraft) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        let mut push = |k: &str, v: &str| {
            let v = v.trim();
            if !v.is_empty() {
                out.push((k.to_string(), v.to_string()));
            }
        };
        push("api_key", &self.api_key);
        push(
            "jurisdiction_id",
            self.jurisdiction_id.as_deref().unwrap_or(""),
        );
        push(
            "service_code",
            draft.categories.first().map_or("", String::as_str),
        );
        for c in &draft.categories {
            push("attribute[categories][]", c);
        }
        push("attribute[subtype]", &draft.subtype);
        push("attribute[district]", &draft.district);
        let occurred = draft.occurred_at().map(Minute::to_iso).unwrap_or_default();
        push("attribute[occurred_at]", &occurred);
        push(
            "attribute[ongoing]",
            draft.ongoing.map_or("", |o| o.open311_key()),
        );
        push("attribute[reported_party]", &draft.reported_party);
        push("attribute[client_request_id]", &draft.idempotency_key);
        push(
            "address_string",
            &address_string(&draft.district, &draft.address),
        );
        if let Some(c) = draft
            .coords
            .filter(|c| c.lat.is_finite() && c.lon.is_finite())
        {
            push("lat", &degrees(c.lat));
            push("long", &degrees(c.lon));
        }
        push("description", &draft.description);
        push("device_id", &self.device_id);
        if !draft.anonymous {
            push("first_name", &draft.name);
            let phone = normalize_phone(&draft.phone).unwrap_or_else(|| draft.phone.clone());
            push("phone", &phone);
            push("email", &draft.email);
        }
        out
    }

    /// The urlencoded body of `POST requests.json`.
    pub fn form_body(&self, draft: &ReportDraft) -> String {
        urlencode_form(&self.form_fields(draft))
    }
}

/// The headers of `POST requests.json`. `multipart`: the browser sets the multipart
/// Content-Type (with its boundary) itself, so it is left out.
pub fn post_headers(idempotency_key: &str, multipart: bool) -> Vec<(String, String)> {
    let mut h = vec![("Accept".to_string(), "application/json".to_string())];
    if !multipart {
        h.push(("Content-Type".to_string(), FORM_CONTENT_TYPE.to_string()));
    }
    // Visible ASCII only (the receiver's rule); a key that is not is left to the attribute.
    let key = idempotency_key.trim();
    if !key.is_empty() && key.len() <= 200 && key.bytes().all(|b| (0x21..=0x7e).contains(&b)) {
        h.push(("Idempotency-Key".to_string(), key.to_string()));
    }
    h
}
