//! The Leptos components. `App` owns the loading state; everything below it
//! renders content it is given.

mod blocks;
mod companion;
mod comparison;
mod decision_box;
mod deliberation;
mod emergency_box;
mod glossary_term;
mod guide_view;
mod icon_array;
mod lists;
mod my_questions;
mod planner;
mod reader;
mod search;
mod section;
mod status;
mod steps;
mod toc;

use std::sync::Arc;
#[cfg(target_arch = "wasm32")]
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser;
use crate::content::Guide;
use crate::loader::{
    CONTENT_URL, EMBEDDED_CONTENT_ID, EMBEDDED_CONTENT_SOURCE, LoadError, interpret_response,
};
#[cfg(target_arch = "wasm32")]
use crate::loader::{check_content, decode_content};

pub use companion::CompanionSheet;
pub use comparison::ComparisonView;
pub use deliberation::DeliberationView;
pub use guide_view::GuideView;
pub use my_questions::MyQuestions;
pub use planner::VisitPlanner;
pub use status::{LoadFailed, Loading, StartFailed};

/// What the reader sees while the content is fetched, once it has arrived, or when it failed.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadState {
    Loading,
    Loaded(Arc<Guide>),
    Failed(LoadError),
}

/// Checks the guide's content: the page's own copy when it has a sound one, otherwise
/// the content file, fetched. A damaged copy in the page is not shown; the file may be
/// sound (a host that rewrites pages, say), and if it is not, the reader is told why.
pub async fn load_guide(url: &str) -> Result<Arc<Guide>, LoadError> {
    if let Some(text) = browser::embedded_content(EMBEDDED_CONTENT_ID)
        && let Ok(guide) = interpret_response(EMBEDDED_CONTENT_SOURCE, 200, &text)
    {
        return Ok(guide);
    }
    fetch_guide(url).await
}

/// Fetches the content file and checks it.
async fn fetch_guide(url: &str) -> Result<Arc<Guide>, LoadError> {
    match browser::get_text(url).await {
        Ok(answer) => interpret_response(url, answer.status, &answer.body),
        Err(detail) => Err(LoadError::Network {
            url: url.to_owned(),
            detail,
        }),
    }
}

/// The whole app: loads the content from `content_url` and shows it, or says why not.
#[component]
pub fn App(#[prop(default = CONTENT_URL)] content_url: &'static str) -> impl IntoView {
    let state = RwSignal::new(LoadState::Loading);
    let load = move || {
        state.set(LoadState::Loading);
        spawn_local(async move {
            let next = match load_guide(content_url).await {
                Ok(guide) => LoadState::Loaded(guide),
                Err(error) => LoadState::Failed(error),
            };
            state.set(next);
        });
    };
    load();

    move || match state.get() {
        LoadState::Loading => view! { <Loading/> }.into_any(),
        LoadState::Loaded(guide) => view! { <GuideView guide/> }.into_any(),
        LoadState::Failed(error) => view! { <LoadFailed error on_retry=load/> }.into_any(),
    }
}

/// Panics on purpose. The release build's end-to-end test calls it (trunk exposes the
/// exports as `window.wasmBindings`) to prove a panic shows the crash notice, not a blank page.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn simulate_crash() {
    panic!("simulated crash, requested by a test");
}

/// Marks an `#app` that already holds the guide, rendered at build time (see
/// `crate::prerender`): the app then takes the page over instead of building it.
pub const PRERENDERED_ATTRIBUTE: &str = "data-prerendered";

/// Installs the panic hook, then mounts the app into `#app`, or takes over the page
/// the build prerendered.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        browser::show_crash_notice(&info.to_string());
    }));
    let Some(root) = browser::app_root() else {
        leptos::mount::mount_to_body(|| view! { <App/> });
        return;
    };
    if root.has_attribute(PRERENDERED_ATTRIBUTE) {
        take_over(root);
    } else {
        browser::clear(&root);
        leptos::mount::mount_to(root, || view! { <App/> }).forget();
    }
}

/// Builds the live guide off-page and puts it in the prerendered guide's place, with
/// the sections the reader opened and the focus as they were.
#[cfg(target_arch = "wasm32")]
fn swap_in_live_guide(root: &web_sys::HtmlElement, guide: Arc<Guide>) {
    let before = browser::prerendered_state(root);
    let Some(live) = browser::new_app_root() else {
        return;
    };
    let opened = before.open_sections;
    leptos::mount::mount_to(live.clone(), move || {
        view! { <GuideView guide opened_before_start=opened/> }
    })
    .forget();
    if browser::replace_element(root, &live)
        && let Some(id) = before.focused
    {
        browser::focus_in_place(&id);
    }
}

/// Runs `work` in a task of its own, after the browser has had its turn: a slow phone
/// answers a tap in between.
#[cfg(target_arch = "wasm32")]
fn in_next_task(work: impl FnOnce() + 'static) {
    set_timeout(work, Duration::ZERO);
}

/// The prerendered page stays readable while the content loads. Then the live guide
/// is built off-page and swapped in whole, carrying over the sections the reader opened
/// and the focus: markup and layout match, so nothing on screen moves. If the content
/// cannot load, the reader keeps the prerendered guide and is told what does not work.
///
/// The page's copy of the content is decoded, checked and built in three tasks. A
/// damaged copy is not shown: the content file is fetched instead (it may be sound).
#[cfg(target_arch = "wasm32")]
fn take_over(root: web_sys::HtmlElement) {
    let Some(text) = browser::embedded_content(EMBEDDED_CONTENT_ID) else {
        return take_over_from_file(root);
    };
    in_next_task(move || {
        let decoded = decode_content(EMBEDDED_CONTENT_SOURCE, &text);
        // The text (some 380 KB) is not needed once decoded: free it before the next tasks.
        drop(text);
        in_next_task(move || {
            match decoded.and_then(|guide| check_content(EMBEDDED_CONTENT_SOURCE, guide)) {
                Ok(guide) => in_next_task(move || swap_in_live_guide(&root, guide)),
                Err(_) => take_over_from_file(root),
            }
        });
    });
}

/// [`take_over`] with the content file, fetched: for a page without a sound copy.
#[cfg(target_arch = "wasm32")]
fn take_over_from_file(root: web_sys::HtmlElement) {
    // Not Leptos' spawn_local: its executor is set up by the first mount, which comes later.
    wasm_bindgen_futures::spawn_local(async move {
        match fetch_guide(CONTENT_URL).await {
            Ok(guide) => in_next_task(move || swap_in_live_guide(&root, guide)),
            Err(error) => {
                let Some(host) = browser::prepend_container(&root) else {
                    return;
                };
                let retry_root = root.clone();
                let retry_host = host.clone();
                leptos::mount::mount_to(host, move || {
                    // Only reached without a sound copy in the page, which cannot have
                    // changed since: Retry goes straight back to the file.
                    let retry = move || {
                        retry_host.remove();
                        take_over_from_file(retry_root.clone());
                    };
                    view! { <StartFailed error on_retry=retry/> }
                })
                .forget();
            }
        }
    });
}
