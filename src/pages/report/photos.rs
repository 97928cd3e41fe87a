//! The photos question: the page's photo state ([`PhotoSlots`]) and its display
//! ([`PhotosStep`]). Each chosen file is processed by `report_app::photos` (downscaled JPEG, no
//! EXIF), stored in IndexedDB next to the draft, and listed with its own status and a remove
//! button; the limits are stated before choosing.

use super::text::rt;
use super::FormState;
use crate::report_app::{photos, store};
use cc_core::report::{validate::MAX_PHOTOS, Field};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Where one photo is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum PhotoStatus {
    Processing,
    Ready,
    Failed,
}

/// One photo row.
#[derive(Clone, PartialEq)]
pub struct PhotoSlot {
    /// The stored blob's key (also in `draft.photo_ids` once ready).
    pub id: String,
    /// The file name as chosen.
    pub name: String,
    pub status: PhotoStatus,
    /// An object URL of the processed photo, for the thumbnail.
    pub url: Option<String>,
}

/// The photo rows of the draft being written, and "正在处理 2/3".
#[derive(Clone, Copy)]
pub struct PhotoSlots {
    pub slots: RwSignal<Vec<PhotoSlot>>,
    pub progress: RwSignal<Option<(usize, usize)>>,
}

fn object_url(blob: &web_sys::Blob) -> Option<String> {
    web_sys::Url::create_object_url_with_blob(blob).ok()
}

impl Default for PhotoSlots {
    fn default() -> Self {
        Self::new()
    }
}

impl PhotoSlots {
    /// Empty.
    pub fn new() -> Self {
        Self {
            slots: RwSignal::new(Vec::new()),
            progress: RwSignal::new(None),
        }
    }

    /// Shows the stored photos of `ids` (a resumed draft).
    pub fn load(&self, ids: Vec<String>) {
        self.clear();
        let slots = self.slots;
        spawn_local(async move {
            for (n, id) in ids.into_iter().enumerate() {
                let url = store::load_photo(&id)
                    .await
                    .ok()
                    .flatten()
                    .and_then(|b| object_url(&b));
                let status = if url.is_some() {
                    PhotoStatus::Ready
                } else {
                    PhotoStatus::Failed
                };
                let name = format!("{} {}", rt(cc_core::i18n::Lang::Zh).photo, n + 1);
                slots.update(|s| {
                    s.push(PhotoSlot {
                        id,
                        name,
                        status,
                        url,
                    })
                });
            }
        });
    }

    /// Forgets the rows (the blobs stay with their draft).
    pub fn clear(&self) {
        for url in self.slots.get_untracked().into_iter().filter_map(|s| s.url) {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
        self.slots.set(Vec::new());
    }

    /// Processes and stores the chosen files, one at a time, up to the limit.
    pub fn add(&self, form: FormState, files: web_sys::FileList) {
        let room = MAX_PHOTOS.saturating_sub(self.slots.with_untracked(Vec::len));
        let files: Vec<web_sys::File> = (0..files.length())
            .filter_map(|i| files.get(i))
            .take(room)
            .collect();
        let (slots, progress) = (self.slots, self.progress);
        let new: Vec<PhotoSlot> = files
            .iter()
            .map(|f| PhotoSlot {
                id: store::random_id(),
                name: f.name(),
                status: PhotoStatus::Processing,
                url: None,
            })
            .collect();
        slots.update(|s| s.extend(new.iter().cloned()));
        spawn_local(async move {
            let total = files.len();
            for (n, (file, slot)) in files.iter().zip(new).enumerate() {
                progress.set(Some((n + 1, total)));
                let done = match photos::process(file).await {
                    Ok(blob) if store::save_photo(&slot.id, &blob).await.is_ok() => Some(blob),
                    _ => None,
                };
                if done.is_some() {
                    let id = slot.id.clone();
                    form.edit(|d| d.photo_ids.push(id));
                }
                slots.update(|s| {
                    if let Some(x) = s.iter_mut().find(|x| x.id == slot.id) {
                        x.url = done.as_ref().and_then(object_url);
                        x.status = if done.is_some() {
                            PhotoStatus::Ready
                        } else {
                            PhotoStatus::Failed
                        };
                    }
                });
            }
            progress.set(None);
        });
    }

    /// Removes a photo from the draft and from storage.
    pub fn remove(&self, form: FormState, id: String) {
        self.slots.update(|s| {
            if let Some(url) = s.iter().find(|x| x.id == id).and_then(|x| x.url.clone()) {
                let _ = web_sys::Url::revoke_object_url(&url);
            }
            s.retain(|x| x.id != id);
        });
        form.edit(|d| d.photo_ids.retain(|p| *p != id));
        spawn_local(async move {
            let _ = store::delete_photo(&id).await;
        });
    }
}

/// Step 4: the photos, with the limits said first.
#[component]
pub fn PhotosStep(form: FormState, photos: PhotoSlots) -> impl IntoView {
    let lang = form.lang;
    let full = move || photos.slots.with(Vec::len) >= MAX_PHOTOS;
    view! {
        <div class="cc-field">
            <p class="cc-field__hint" id="report-photos-hint">{move || rt(lang.get()).photos_limits}</p>
            <label class="cc-field__label" for=Field::Photos.html_id()>{move || rt(lang.get()).photos_choose}</label>
            <input class="cc-input" type="file" id=Field::Photos.html_id() accept="image/jpeg,image/png,image/*" multiple
                aria-describedby="report-photos-hint"
                prop:disabled=full
                on:change:target=move |ev| {
                    let input = ev.target();
                    if let Some(files) = input.files() {
                        photos.add(form, files);
                    }
                    input.set_value("");
                } />
        </div>
        <p role="status" class="cc-field__hint">
            {move || photos.progress.get().map(|(n, t)| format!("{} {n}/{t}", rt(lang.get()).photo_processing))}
        </p>
        <ul class="cc-photos">
            {move || photos.slots.get().into_iter().enumerate().map(|(n, slot)| {
                let t = rt(lang.get());
                let status = match slot.status {
                    PhotoStatus::Processing => t.photo_processing,
                    PhotoStatus::Ready => t.photo_ready,
                    PhotoStatus::Failed => t.photo_failed,
                };
                let label = format!("{} {}", t.photo, n + 1);
                let id = slot.id.clone();
                view! {
                    <li class="cc-photo" data-testid="photo-item">
                        {slot.url.map(|u| view! { <img class="cc-photo__thumb" src=u alt=label.clone() /> })}
                        <div>
                            <p class="cc-list__title">{label.clone()} " · " {slot.name}</p>
                            <p>{status}</p>
                            <button type="button" class="cc-button cc-button--warning"
                                on:click=move |_| photos.remove(form, id.clone())>
                                {t.photo_remove} <span class="cc-visually-hidden">" " {label}</span>
                            </button>
                        </div>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
