//! The citizen environmental report (环境举报): the pure domain of the complaint form.
//!
//! - [`categories`]: the 12369 taxonomy as Open311 services, sub-types, out-of-remit guidance
//!   (12345 / 12369), and the `services.json` reader with its built-in fallback;
//! - [`districts`]: Changchun's districts, county-level cities and development zones;
//! - [`draft`]: the forward-compatible draft stored in IndexedDB, the form's steps, the
//!   idempotency key;
//! - [`layout`]: one question per page on a phone, related questions grouped on wide screens;
//! - [`fields`] and [`validate`]: GOV.UK-style field errors, per field, step and whole draft;
//! - [`count`]: the description's character count (GOV.UK character count, WCAG 4.1.3);
//! - [`open311`] and [`response`]: Open311 GeoReport v2 encoding and response parsing, in the
//!   reference receiver's dialect (`receiver/README.md`);
//! - [`summary`]: the check-your-answers rows with their change steps;
//! - [`flow`]: the form as one state machine (next, back, change, submit), the page only shows it;
//! - [`outbox`]: the offline send queue as a pure state machine with backoff;
//! - [`Minute`] (from [`crate::time`]): minute-resolution Beijing date-times and ISO-8601 with
//!   offsets.
//!
//! Sources: the national 12369 complaint categories (the MEE's monthly 12369 bulletins), Open311
//! GeoReport v2 (the frozen spec at open311.org), the GOV.UK Design System's question pages,
//! error summary and character count, and WCAG 2.2 AA. Nothing here touches the browser; the app passes in the
//! clock (`now`), random bytes and jitter.

pub mod categories;
pub mod count;
pub mod districts;
pub mod draft;
pub mod fields;
pub mod flow;
mod json;
pub mod layout;
pub mod open311;
pub mod outbox;
pub mod progress;
pub mod response;
pub mod stats;
pub mod summary;
pub mod validate;

pub use crate::time::Minute;
pub use categories::{
    builtin_categories, find_category, parse_services, Category, CategoryList, CategorySource,
    Label, OUT_OF_REMIT, PHONE_ALTERNATIVE,
};
pub use count::CharCount;
pub use districts::{find_district, in_changchun, District, DistrictKind, DISTRICTS};
pub use draft::{idempotency_key_from_bytes, Coords, Ongoing, ReportDraft, Step};
pub use fields::{ErrorKind, Field, FieldError, ERROR_SUMMARY_TITLE, ERROR_TITLE_PREFIX};
pub use flow::{Focus, FormFlow, Submit};
pub use layout::Layout;
pub use open311::{post_headers, urlencode_form, Open311Client, FORM_CONTENT_TYPE};
pub use outbox::{OutboxItem, OutboxState, Outcome, Queueing, RetryPolicy};
pub use response::{
    classify_post, parse_created, parse_errors, parse_requests, parse_retry_after, parse_token,
    Created, Open311Error, RequestStatus, ServiceRequest,
};
pub use summary::{summary_rows, SummaryRow};
pub use validate::{
    first_invalid_step, validate_all, validate_field, validate_step, warnings, Checks,
};
