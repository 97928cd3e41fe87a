//! The report form's machinery in the browser: IndexedDB storage of drafts, photos and the
//! outbox ([`idb`], [`store`]), the one outbox runner that sends ([`outbox`]), the Open311
//! transport ([`transport`]), photo downscaling ([`photos`]), per-install settings
//! ([`settings`]), the app-shell service worker's registration ([`sw`]) and the hint that lets
//! other pages have waiting reports sent ([`waiting`]).
//!
//! What a report is, how it is validated and encoded, and how an outbox item moves between
//! states are `cc_core::report`'s; nothing here decides any of that.

pub(crate) mod idb;
pub(crate) mod outbox;
pub mod photos;
pub(crate) mod settings;
pub(crate) mod store;
pub(crate) mod sw;
pub(crate) mod transport;
pub(crate) mod waiting;
