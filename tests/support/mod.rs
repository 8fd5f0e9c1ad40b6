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
