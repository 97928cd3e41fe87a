//! Status messages: loading, errors, the sample-data label, the stale-data notice and the
//! offline notice.
//!
//! Each is announced politely or assertively through a live region (WCAG 4.1.3), and none
//! relies on colour alone: every one starts with a word that says what it is.

use crate::prefs::use_lang;
use crate::text::ui;
use cc_core::i18n::Lang;
use cc_core::offline::OfflineCopy;
use cc_core::time::Hour;
use leptos::prelude::*;

/// "Loading…", announced politely.
#[component]
pub fn Loading() -> impl IntoView {
    let lang = use_lang();
    view! {
        <p class="cc-notice cc-notice--loading" role="status">
            {move || ui(lang.get()).loading}
        </p>
    }
}

/// "Loading the configuration…", while config.json is on its way.
#[component]
pub fn LoadingConfig() -> impl IntoView {
    let lang = use_lang();
    view! { <p>{move || ui(lang.get()).loading_config}</p> }
}

/// A data feed that could not be loaded: what happened, in words, with the file and position.
#[component]
pub fn FeedError(
    /// The message, already in the reader's language.
    #[prop(into)]
    message: Signal<String>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="cc-notice cc-notice--error" role="alert" data-testid="feed-error">
            <p class="cc-notice__title">{move || ui(lang.get()).feed_error_title}</p>
            <p class="cc-notice__detail">{message}</p>
        </div>
    }
}

/// The configuration could not be used: a clear bilingual message naming the problem.
#[component]
pub fn ConfigError(
    /// The message, already in the reader's language.
    #[prop(into)]
    message: Signal<String>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="cc-notice cc-notice--error" role="alert" data-testid="config-error">
            <p class="cc-notice__title">{move || ui(lang.get()).config_error_title}</p>
            <p>{move || ui(lang.get()).config_error_hint}</p>
            <p class="cc-notice__detail"><code>{message}</code></p>
        </div>
    }
}

/// The 示例数据 label carried by every view of sample data.
#[component]
pub fn SampleLabel() -> impl IntoView {
    let lang = use_lang();
    view! {
        <p class="cc-sample" data-testid="sample">
            <strong class="cc-sample__tag">{move || ui(lang.get()).sample_data}</strong>
            " "
            <span>{move || ui(lang.get()).sample_data_note}</span>
        </p>
    }
}

/// Shown when the newest data is older than the source's freshness limit.
#[component]
pub fn StaleNotice(
    /// The newest hour in the data.
    newest: Hour,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <p class="cc-notice cc-notice--stale" role="status" data-testid="stale">
            {move || ui(lang.get()).stale_notice}
            " "
            {newest.to_string()}
            " "
            {move || crate::text::shared(lang.get()).beijing_time}
        </p>
    }
}

/// Shown when parts of the data's files could not be read and were skipped: how many, and
/// where (file, line, column; the first five, then a count). The rest of the data is shown.
#[component]
pub fn SkippedNote(
    /// The skipped places, per file.
    skipped: Vec<cc_core::SkippedInFile>,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        let lang = lang.get();
        cc_core::skipped_note(lang, &skipped).map(|text| {
            view! {
                <div class="cc-notice cc-notice--skipped" role="status" data-testid="skipped-cells">
                    <p class="cc-notice__title">{ui(lang).skipped_title}</p>
                    <p class="cc-notice__detail">{text}</p>
                </div>
            }
        })
    }
}

/// Shown when the data came from the service worker's offline copy: the page shows the last
/// data received, with its data time and when it was received.
#[component]
pub fn OfflineNotice(
    copy: OfflineCopy,
    /// The data's own time, as the page shows it (e.g. "2021-12-31 23:00 北京时间").
    data_time: Option<String>,
    lang: Lang,
) -> impl IntoView {
    let t = ui(lang);
    let received = match copy.received {
        Some(m) => view! {
            {t.offline_received}" "
            <time datetime=m.to_iso()>{format!("{m} {}", crate::text::shared(lang).beijing_time)}</time>
        }
        .into_any(),
        None => t.offline_received_unknown.into_any(),
    };
    view! {
        <div class="cc-notice cc-notice--offline" role="status" data-testid="offline">
            <p class="cc-notice__title">{t.offline_notice}</p>
            <p class="cc-notice__detail">
                {data_time.map(|d| view! {
                    {t.offline_data_time}": "<span data-testid="offline-data-time">{d}</span>{t.list_separator}
                })}
                <span data-testid="offline-received">{received}</span>
            </p>
        </div>
    }
}

/// Why a data source could not be shown: the configuration's own message when config.json is
/// at fault, else the feed's.
#[component]
pub fn SourceErrorView(error: crate::feeds::SourceError) -> impl IntoView {
    let lang = use_lang();
    let is_config = matches!(error, crate::feeds::SourceError::Config(_));
    let message = Signal::derive(move || error.message(lang.get()));
    if is_config {
        view! { <ConfigError message=message /> }.into_any()
    } else {
        view! { <FeedError message=message /> }.into_any()
    }
}
