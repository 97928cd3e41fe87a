//! `/embed`: the widget builder. A webmaster picks the view, station, language, theme and size,
//! sees a live preview (an iframe of the view's page, [`View::page`]) and copies the snippet:
//! the iframe form (with embed.js for auto-height) or the custom element, with the CSP lines the
//! host needs and the `frame-ancestors` advice for whoever deploys the site.

use crate::components::page::PageTitle;
use crate::prefs::use_lang;
use crate::widget::frame_title;
use crate::widget::text::wt;
use crate::widget::text::WidgetText;
use cc_core::decimal::fixed;
use cc_core::i18n::Lang;
use cc_core::widget::message::{field, height_of};
use cc_core::widget::{to_query, Params, Size, Theme, View};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The fixed height (px) the snippet gives each view: enough for the content at 320 px wide,
/// used as is when the host does not load embed.js.
pub fn fixed_height(view: View) -> u32 {
    match view {
        View::Aqi => 360,
        View::Water => 520,
        View::Report => 240,
        View::Combo => 980,
    }
}

/// The site's folder URL (`https://host/sthjj/env/`), from the pinned `<base>`.
fn site_base() -> String {
    let origin = window().location().origin().unwrap_or_default();
    format!("{origin}{}/", crate::env::base_path())
}

fn escape_attr(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// The iframe snippet, with a plain link inside for hosts that block frames.
pub fn iframe_snippet(site: &str, p: &Params) -> String {
    let t = wt(p.lang);
    let title = frame_title(p.view, p.lang);
    let src = escape_attr(&format!("{site}{}?{}", p.view.page(), to_query(p)));
    let link = match p.view {
        View::Water => "water",
        View::Report => "report",
        _ => "air",
    };
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" loading=\"lazy\" width=\"100%\" height=\"{h}\" frameborder=\"0\">\n  <a href=\"{site}{link}\">{title} - {site_name}</a>\n</iframe>\n<script src=\"{site}embed.js\" defer></script>",
        h = fixed_height(p.view),
        site_name = t.site_name,
    )
}

/// The custom-element snippet.
pub fn element_snippet(site: &str, p: &Params) -> String {
    let mut attrs = format!("view=\"{}\"", p.view.as_str());
    if let Some(s) = &p.station {
        attrs.push_str(&format!(" station=\"{}\"", escape_attr(s)));
    }
    attrs.push_str(&format!(
        " lang=\"{}\" theme=\"{}\" size=\"{}\"",
        p.lang.as_str(),
        p.theme.as_str(),
        p.size.as_str()
    ));
    if let Some(id) = &p.id {
        attrs.push_str(&format!(" id=\"{}\"", escape_attr(id)));
    }
    format!("<script type=\"module\" src=\"{site}cc-env-widget.js\"></script>\n<cc-env-widget {attrs}></cc-env-widget>")
}

/// `https://host` of a site URL.
pub fn origin_of(site: &str) -> String {
    let after = site.find("://").map(|i| i + 3).unwrap_or(0);
    let end = site[after..]
        .find('/')
        .map(|i| after + i)
        .unwrap_or(site.len());
    site[..end].to_string()
}

/// The CSP a host page needs for each form.
pub fn host_csp(site: &str) -> (String, String) {
    let o = origin_of(site);
    (
        format!("frame-src {o}; script-src {o}"),
        format!("script-src {o} 'wasm-unsafe-eval'; connect-src {o}; style-src {o}"),
    )
}

/// What the site's deployer sends for the widget's pages and the custom element's files.
pub fn deployer_headers() -> [&'static str; 2] {
    [
        "widget.html widget-aqi.html: Content-Security-Policy: … frame-ancestors 'self' https://host-a.example https://host-b.example",
        "*.js *.wasm *.css config.json data/*: Access-Control-Allow-Origin: *",
    ]
}

/// The two forms of the snippet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SnippetForm {
    /// `<iframe>` of the view's page with embed.js, the recommended form.
    Iframe,
    /// The `<cc-env-widget>` custom element.
    Element,
}

impl SnippetForm {
    const ALL: [SnippetForm; 2] = [SnippetForm::Iframe, SnippetForm::Element];

    fn snippet(self, site: &str, p: &Params) -> String {
        match self {
            SnippetForm::Iframe => iframe_snippet(site, p),
            SnippetForm::Element => element_snippet(site, p),
        }
    }

    fn heading(self, t: &WidgetText) -> &'static str {
        match self {
            SnippetForm::Iframe => t.embed_iframe_heading,
            SnippetForm::Element => t.embed_element_heading,
        }
    }

    fn text(self, t: &WidgetText) -> &'static str {
        match self {
            SnippetForm::Iframe => t.embed_iframe_text,
            SnippetForm::Element => t.embed_element_text,
        }
    }
}

fn view_name(v: View, t: &WidgetText) -> &'static str {
    match v {
        View::Aqi => t.view_aqi,
        View::Water => t.view_water,
        View::Report => t.view_report,
        View::Combo => t.view_combo,
    }
}

fn theme_name(theme: Theme, t: &WidgetText) -> &'static str {
    match theme {
        Theme::Light => t.theme_light,
        Theme::Dark => t.theme_dark,
        Theme::Contrast => t.theme_contrast,
    }
}

fn size_name(size: Size, t: &WidgetText) -> &'static str {
    match size {
        Size::S => t.size_s,
        Size::M => t.size_m,
    }
}

fn set_width_full(el: &web_sys::HtmlElement) {
    let _ = el.style().set_property("width", "100%");
    let _ = el.style().set_property("max-width", "40rem");
    let _ = el.style().set_property("display", "block");
}

#[component]
fn Choice<T: Clone + PartialEq + Send + Sync + 'static>(
    label: &'static str,
    name: &'static str,
    options: Vec<(T, String, String)>,
    value: RwSignal<T>,
) -> impl IntoView {
    let id = format!("embed-{name}");
    let opts = options.clone();
    let items = options
        .into_iter()
        .map(|(v, code, text)| view! { <option value=code selected=move || value.with(|x| *x == v)>{text}</option> })
        .collect_view();
    view! {
        <p>
            <label for=id.clone()>{label}</label><br />
            <select id=id name=name on:change:target=move |ev| {
                let code = ev.target().value();
                if let Some((v, _, _)) = opts.iter().find(|(_, c, _)| *c == code) {
                    value.set(v.clone());
                }
            }>{items}</select>
        </p>
    }
}

/// The preview's height follows the widget's height messages, as embed.js does on a host.
fn follow_preview_height(frame: NodeRef<leptos::html::Iframe>) {
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let Some(el) = frame.get() else { return false };
        set_width_full(&el);
        let _ = web_sys::HtmlElement::style(&el).set_property("border", "0");
        let target = el.clone();
        let handler =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let same = e.origin() == window().location().origin().unwrap_or_default();
                let from_frame = target
                    .content_window()
                    .map(|w| {
                        e.source()
                            .map(|s| JsValue::from(s) == JsValue::from(w))
                            .unwrap_or(false)
                    })
                    .unwrap_or(false);
                let data = e.data();
                let get = |name: &str| js_sys::Reflect::get(&data, &name.into()).ok();
                let kind = get(field::TYPE).and_then(|v| v.as_string());
                let height =
                    height_of(kind.as_deref(), get(field::HEIGHT).and_then(|v| v.as_f64()));
                if let (true, true, Some(h)) = (same, from_frame, height) {
                    let _ = web_sys::HtmlElement::style(&target)
                        .set_property("height", &format!("{}px", fixed(h.ceil(), 0)));
                }
            });
        let _ =
            window().add_event_listener_with_callback("message", handler.as_ref().unchecked_ref());
        // Removed when the page is left, so navigating back and forth does not pile up listeners.
        let handler = send_wrapper::SendWrapper::new(handler);
        on_cleanup(move || {
            let _ = window()
                .remove_event_listener_with_callback("message", handler.as_ref().unchecked_ref());
        });
        true
    });
}

/// The embed builder page.
#[component]
pub fn EmbedPage() -> impl IntoView {
    let lang = use_lang();
    let view_s = RwSignal::new(View::Aqi);
    let station = RwSignal::new(String::new());
    let wlang = RwSignal::new(lang.get_untracked());
    let theme = RwSignal::new(Theme::Light);
    let size = RwSignal::new(Size::M);
    let id = RwSignal::new("w1".to_string());
    let params = Memo::new(move |_| {
        let parsed = cc_core::widget::parse_params([("id", id.get())]);
        Params {
            view: view_s.get(),
            station: (view_s.get() != View::Report && view_s.get() != View::Water)
                .then(|| station.get())
                .filter(|s| !s.is_empty()),
            lang: wlang.get(),
            theme: theme.get(),
            size: size.get(),
            id: parsed.params.id,
        }
    });
    let site = site_base();
    let site2 = site.clone();
    let preview_src = move || {
        let p = params.get();
        format!("{}{}?{}", site2, p.view.page(), to_query(&p))
    };
    let (form, set_form) = signal(SnippetForm::Iframe);
    let site3 = site.clone();
    let snippet = Memo::new(move |_| form.get().snippet(&site3, &params.get()));
    let (copied, set_copied) = signal(None::<bool>);
    let copy = move |_| {
        let text = snippet.get_untracked();
        let promise = window().navigator().clipboard().write_text(&text);
        leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            set_copied.set(Some(ok));
        });
    };
    Effect::new(move |_| {
        snippet.track();
        set_copied.set(None);
    });

    let frame = NodeRef::<leptos::html::Iframe>::new();
    let code = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |_| {
        if let Some(el) = code.get() {
            set_width_full(&el);
        }
    });
    follow_preview_height(frame);

    let stations = cc_core::air::stations::changchun();
    let (csp_frame, csp_element) = host_csp(&site);
    view! {
        <article class="cc-page cc-embed">
            <PageTitle text=|l| wt(l).embed_title />
            {move || {
                let l = lang.get();
                let t = wt(l);
                let mut station_opts = vec![(String::new(), String::new(), t.embed_city.to_string())];
                for s in stations.iter() {
                    station_opts.push((s.code.clone(), s.code.clone(), format!("{} ({})", s.name, s.code)));
                }
                let view_opts = View::ALL.map(|v| (v, v.as_str().to_string(), view_name(v, t).to_string())).to_vec();
                let lang_opts = vec![(Lang::Zh, "zh".to_string(), t.lang_zh.to_string()), (Lang::En, "en".to_string(), t.lang_en.to_string())];
                let theme_opts = Theme::ALL.map(|v| (v, v.as_str().to_string(), theme_name(v, t).to_string())).to_vec();
                // Medium, the default, first.
                let size_opts = Size::ALL.into_iter().rev().map(|v| (v, v.as_str().to_string(), size_name(v, t).to_string())).collect();
                view! {
                    <p class="cc-lead">{t.embed_intro}</p>
                    <section class="cc-card" aria-labelledby="embed-options">
                        <h2 id="embed-options">{t.embed_options}</h2>
                        <Choice label=t.embed_view name="view" value=view_s options=view_opts />
                        <Choice label=t.embed_station name="station" value=station options=station_opts />
                        <Choice label=t.embed_lang name="lang" value=wlang options=lang_opts />
                        <Choice label=t.embed_theme name="theme" value=theme options=theme_opts />
                        <Choice label=t.embed_size name="size" value=size options=size_opts />
                        <p>
                            <label for="embed-id">{t.embed_id}</label><br />
                            <input id="embed-id" type="text" maxlength="64" prop:value=move || id.get()
                                on:input:target=move |ev| id.set(ev.target().value()) />
                        </p>
                    </section>
                }
            }}
            <section aria-labelledby="embed-preview">
                <h2 id="embed-preview">{move || wt(lang.get()).embed_preview}</h2>
                <iframe node_ref=frame src=preview_src data-testid="embed-preview"
                    title=move || frame_title(params.get().view, params.get().lang)
                    height=move || fixed_height(params.get().view).to_string()></iframe>
            </section>
            <section aria-labelledby="embed-code">
                <h2 id="embed-code">{move || wt(lang.get()).embed_code}</h2>
                <fieldset>
                    <legend class="cc-small">{move || wt(lang.get()).embed_code}</legend>
                    {SnippetForm::ALL.into_iter().enumerate().map(|(i, f)| view! {
                        {(i > 0).then(|| view! { <br /> })}
                        <label>
                            <input type="radio" name="embed-form" checked=move || form.get() == f on:change=move |_| set_form.set(f) />
                            {move || f.heading(wt(lang.get()))}
                        </label>
                    }).collect_view()}
                </fieldset>
                <p>{move || form.get().text(wt(lang.get()))}</p>
                <p>
                    <label for="embed-snippet" class="cc-small">{move || wt(lang.get()).embed_code}</label><br />
                    <textarea id="embed-snippet" node_ref=code readonly rows="7" data-testid="embed-snippet" prop:value=move || snippet.get()></textarea>
                </p>
                <p>
                    <button type="button" class="cc-button" on:click=copy>{move || wt(lang.get()).embed_copy}</button>
                </p>
                <p role="status" aria-live="polite" data-testid="embed-copied">
                    {move || copied.get().map(|ok| if ok { wt(lang.get()).embed_copied } else { wt(lang.get()).embed_copy_failed })}
                </p>
            </section>
            <section aria-labelledby="embed-csp">
                <h2 id="embed-csp">{move || wt(lang.get()).embed_csp_heading}</h2>
                <p>{move || wt(lang.get()).embed_csp_host}</p>
                <ul>
                    <li>{move || wt(lang.get()).embed_iframe_heading}": "<code data-testid="csp-iframe">{csp_frame.clone()}</code></li>
                    <li>{move || wt(lang.get()).embed_element_heading}": "<code data-testid="csp-element">{csp_element.clone()}</code></li>
                </ul>
                <p>{move || wt(lang.get()).embed_csp_deployer}</p>
                <ul>{deployer_headers().map(|h| view! { <li><code>{h}</code></li> }).collect_view()}</ul>
            </section>
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets() {
        let p = Params {
            id: Some("w1".into()),
            ..Params::default()
        };
        let s = iframe_snippet("https://x.cn/env/", &p);
        assert!(s.starts_with("<iframe src=\"https://x.cn/env/widget-aqi.html?view=aqi&amp;id=w1\" title=\"长春空气质量\" loading=\"lazy\""), "{s}");
        let water = Params {
            view: View::Water,
            ..p.clone()
        };
        assert!(iframe_snippet("https://x.cn/env/", &water)
            .starts_with("<iframe src=\"https://x.cn/env/widget.html?view=water&amp;id=w1\""));
        assert!(s.contains("<a href=\"https://x.cn/env/air\">"));
        assert!(s.contains("<script src=\"https://x.cn/env/embed.js\" defer></script>"));
        let e = element_snippet("https://x.cn/env/", &p);
        assert!(e.contains(
            "<cc-env-widget view=\"aqi\" lang=\"zh\" theme=\"light\" size=\"m\" id=\"w1\">"
        ));
        assert_eq!(origin_of("https://x.cn/env/"), "https://x.cn");
        let (f, el) = host_csp("http://127.0.0.1:4173/");
        assert_eq!(
            f,
            "frame-src http://127.0.0.1:4173; script-src http://127.0.0.1:4173"
        );
        assert!(el.contains("'wasm-unsafe-eval'"));
    }

    #[test]
    fn every_view_and_form_has_its_own_words() {
        for lang in [Lang::Zh, Lang::En] {
            let t = wt(lang);
            let names: std::collections::BTreeSet<_> =
                View::ALL.iter().map(|v| view_name(*v, t)).collect();
            assert_eq!(names.len(), View::ALL.len());
            assert_ne!(
                SnippetForm::Iframe.heading(t),
                SnippetForm::Element.heading(t)
            );
        }
        let p = Params::default();
        assert!(SnippetForm::Element
            .snippet("https://x.cn/", &p)
            .contains("<cc-env-widget view=\"aqi\""));
    }
}
