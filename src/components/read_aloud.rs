//! 朗读 / Read aloud: a button that speaks a card's summary with the browser's speech synthesis,
//! for readers who find the numbers hard to read. Shown only where the browser has a voice for
//! the page's language; it speaks only when pressed, and pressing it again stops it.

use crate::browser::{speak, stop_speaking, use_speech_voice};
use crate::text::ui;
use cc_core::i18n::Lang;
use leptos::prelude::*;

/// The button. `text` is what it says (built by the card from what the card shows).
#[component]
pub fn ReadAloud(text: String, lang: Lang) -> impl IntoView {
    let available = use_speech_voice(lang);
    let (speaking, set_speaking) = signal(false);
    // Leaving the card (another page, another language) stops what it started.
    on_cleanup(move || {
        if speaking.get_untracked() {
            stop_speaking();
        }
    });
    let toggle = move |_| {
        if speaking.get_untracked() {
            stop_speaking();
            set_speaking.set(false);
        } else if speak(&text, lang.tag(), move || {
            set_speaking.try_set(false);
        }) {
            set_speaking.set(true);
        }
    };
    // The row is there before the voice list has loaded (and without a voice), so the button
    // appearing never moves what follows (CLS).
    view! {
        <div class="cc-read-aloud">
            {move || available.get().then(|| {
                let t = ui(lang);
                view! {
                    <button type="button" class="cc-button cc-button--secondary" data-testid="read-aloud"
                        on:click=toggle.clone()>
                        {move || if speaking.get() { t.read_aloud_stop } else { t.read_aloud }}
                    </button>
                }
            })}
        </div>
    }
}
