//! Components mounted into a real DOM in headless Chromium (wasm-bindgen-test).
//! Run with `cargo test --target wasm32-unknown-unknown --test browser`.
#![cfg(target_arch = "wasm32")]

use cc_core::i18n::Lang;
use cc_core::time::Hour;
use leptos::prelude::*;
use lvse_changchun::components::notices::{FeedError, SampleLabel, StaleNotice};
use lvse_changchun::prefs::{Prefs, Theme};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_host() -> web_sys::HtmlElement {
    let doc = document();
    let host = doc
        .create_element("section")
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    doc.body().unwrap().append_child(&host).unwrap();
    host
}

fn prefs(lang: Lang) -> Prefs {
    Prefs {
        lang: RwSignal::new(lang),
        theme: RwSignal::new(Theme::Normal),
    }
}

#[wasm_bindgen_test]
async fn notices_render_in_the_chosen_language_and_follow_a_switch() {
    let host = fresh_host();
    let p = prefs(Lang::Zh);
    let hour = Hour::parse("2021-12-31T21:00").unwrap();
    let _handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(p);
        view! {
            <SampleLabel />
            <StaleNotice newest=hour />
            <FeedError message=Signal::derive(move || format!("detail {}", p.lang.get().as_str())) />
        }
    });
    leptos::task::tick().await;
    let text = host.text_content().unwrap();
    assert!(text.contains("示例数据"), "{text}");
    assert!(text.contains("2021-12-31 21:00 北京时间"), "{text}");
    assert!(text.contains("detail zh"), "{text}");
    let alert = host
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an alert region");
    assert_eq!(
        alert.get_attribute("data-testid").as_deref(),
        Some("feed-error")
    );

    p.lang.set(Lang::En);
    leptos::task::tick().await;
    let text = host.text_content().unwrap();
    assert!(text.contains("Sample data"), "{text}");
    assert!(text.contains("Beijing time"), "{text}");
    assert!(text.contains("detail en"), "{text}");
}

#[wasm_bindgen_test]
async fn the_app_shell_mounts_and_switches_language() {
    let host = fresh_host();
    let _handle = leptos::mount::mount_to(host.clone(), || {
        leptos::prelude::view! { <lvse_changchun::app::App site=lvse_changchun::app::MAIN /> }
    });
    leptos::task::tick().await;
    let nav = host
        .query_selector("nav.cc-nav")
        .unwrap()
        .expect("main navigation");
    assert!(nav.text_content().unwrap().contains("空气质量"));
    let switch = host
        .query_selector("button.cc-switch")
        .unwrap()
        .expect("language switch")
        .unchecked_into::<web_sys::HtmlElement>();
    switch.click();
    leptos::task::tick().await;
    assert!(nav.text_content().unwrap().contains("Air quality"));
    assert_eq!(
        document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("en")
    );
}
