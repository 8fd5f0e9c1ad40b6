//! Helpers shared by the browser test crates (components, comparison, my_questions).
// Each test crate compiles this module and uses a different subset of it.
#![allow(dead_code)]

use wasm_bindgen::JsCast;

/// The content the app ships, so component tests run on the real guide.
pub const GUIDE_JSON: &str = include_str!("../../public/content/guide.json");

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

pub fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// A fresh `#app` element for one test, so tests do not see each other's output.
pub fn fresh_root() -> web_sys::HtmlElement {
    if let Some(old) = document().get_element_by_id("app") {
        old.remove();
    }
    let root: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    root.set_id("app");
    document().body().unwrap().append_child(&root).unwrap();
    root
}

/// Lets Leptos run the effects a change scheduled (they run asynchronously, and an
/// effect may schedule another, hence two turns of the event loop).
pub async fn settle() {
    for _ in 0..2 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
}

/// Waits until every section's content has been built: the app builds closed sections
/// in the background, one per task, after the first frame (see `Reader::build_later`).
pub async fn until_every_section_is_built(root: &web_sys::HtmlElement) {
    for _ in 0..200 {
        let panels = root.query_selector_all(".section-panel").unwrap();
        let empty = (0..panels.length())
            .filter(|&i| {
                let panel: web_sys::Element = panels.item(i).unwrap().unchecked_into();
                panel.child_element_count() == 0
            })
            .count();
        if panels.length() > 0 && empty == 0 {
            return;
        }
        settle().await;
    }
    panic!("the sections' content was never built");
}
