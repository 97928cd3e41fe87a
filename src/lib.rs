//! 绿色长春 · 环境信息: the Leptos 0.8 client-side site.
//!
//! Domain logic lives in the `cc_core` crate (no leptos, no web-sys); this crate only loads data,
//! routes and displays. Layout: `app` (bundles, routes and shell), `nav` (the address and links
//! followed in place), `pages/` (one module per route: routing state and data loading),
//! `components/` (display only), `api/` (the network behind one typed error), `prefs` (language
//! and 关怀版 theme), `text` (every UI string in zh-CN and en).

// tachys's `ssr` (host only, for src/prerender.rs) gives every type-erased view an async resolve
// whose layout the compiler computes through the whole page's view type.
#![cfg_attr(not(target_arch = "wasm32"), recursion_limit = "256")]

pub(crate) mod api;
pub mod app;
pub(crate) mod browser;
pub mod charts;
pub mod components;
pub(crate) mod env;
pub(crate) mod feeds;
pub(crate) mod lazy_module;
pub(crate) mod nav;
pub(crate) mod pages;
pub mod prefs;
pub mod prerender;
pub mod report_app;
pub(crate) mod routes;
pub(crate) mod text;
pub mod widget;
pub(crate) mod year_card;
