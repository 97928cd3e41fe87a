//! The report form's machinery in the browser: IndexedDB storage of drafts, photos and the
//! outbox ([`idb`], [`store`]), the one outbox runner that sends ([`outbox`]), the Open311
//! transport ([`transport`]), photo downscaling ([`photos`]), per-install settings
//! ([`settings`]), the app-shell service worker's registration ([`sw`]) and the hint that lets
//! other pages have waiting reports sent ([`waiting`]).
//!
//! What a report is, how it is validated and encoded, and how an outbox item moves between
//! states are `cc_core::report`'s; nothing here decides any of that.

pub mod idb;
pub mod outbox;
pub mod photos;
pub mod settings;
pub mod store;
pub mod sw;
pub mod transport;
pub mod waiting;
