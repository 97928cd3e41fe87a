//! Texts that must not break inside a name on a phone: each piece of
//! [`cc_core::i18n::line_tokens`] in a `cc-nowrap` span, lines breaking only between them.

use cc_core::i18n::line_tokens;
use leptos::either::Either;
use leptos::prelude::*;

/// `text` as `cc-nowrap` pieces, with its spaces, and `<wbr>` after a list separator.
pub fn keep_together(text: &str) -> impl IntoView {
    line_tokens(text)
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            let gap = match (i, t.space_before) {
                (0, _) => None,
                (_, true) => Some(Either::Left(" ")),
                (_, false) => Some(Either::Right(view! { <wbr /> })),
            };
            view! { {gap}<span class="cc-nowrap">{t.text.to_string()}</span> }
        })
        .collect_view()
}
