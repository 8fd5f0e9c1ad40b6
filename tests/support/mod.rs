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
    next_task().await;
    next_task().await;
}

/// Lets one task pass: the app's background work moves on by one step.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits until every section's content has been built: the app builds closed sections
/// in the background, one per task, after the first frame (see `Reader::build_later`).
pub async fn until_every_section_is_built(root: &web_sys::HtmlElement) {
    let mut every_panel_built = false;
    for _ in 0..200 {
        let panels = root.query_selector_all(".section-panel").unwrap();
        let empty = (0..panels.length())
            .filter(|&i| {
                let panel: web_sys::Element = panels.item(i).unwrap().unchecked_into();
                panel.child_element_count() == 0
            })
            .count();
        if panels.length() > 0 && empty == 0 {
            every_panel_built = true;
            break;
        }
        settle().await;
    }
    assert!(every_panel_built, "the sections' content was never built");
    // Long lists grow a few items per task while their section is closed: wait until
    // the page stops growing.
    let size = || root.get_elements_by_tag_name("*").length();
    let mut last = size();
    let mut unchanged = 0;
    for _ in 0..400 {
        settle().await;
        let now = size();
        unchanged = if now == last { unchanged + 1 } else { 0 };
        last = now;
        if unchanged == 3 {
            return;
        }
    }
    panic!("the sections' lists never stopped growing");
}

/// A component mounted on its own into a fresh `#app`, as a test's page.
pub struct Mounted {
    pub root: web_sys::HtmlElement,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

/// Empties localStorage, then stores `stored` (key, value): what the reader's device
/// holds before the page opens.
pub fn seed_storage(stored: &[(&str, &str)]) {
    storage().clear().unwrap();
    for (key, value) in stored {
        storage().set_item(key, value).unwrap();
    }
}

/// Seeds localStorage with `stored`, mounts `view` into a fresh `#app` and lets its
/// effects run.
pub async fn mount_with(
    stored: &[(&str, &str)],
    view: impl FnOnce() -> leptos::prelude::AnyView + 'static,
) -> Mounted {
    seed_storage(stored);
    let root = fresh_root();
    let handle = leptos::mount::mount_to(root.clone(), view);
    settle().await;
    Mounted {
        root,
        _handle: handle,
    }
}

impl Mounted {
    pub fn find(&self, selector: &str) -> Option<web_sys::Element> {
        self.root.query_selector(selector).unwrap()
    }

    pub fn one(&self, selector: &str) -> web_sys::Element {
        self.find(selector)
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
    }

    pub fn all(&self, selector: &str) -> Vec<web_sys::Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(|n| n.unchecked_into())
            .collect()
    }

    pub fn input(&self, selector: &str) -> web_sys::HtmlInputElement {
        self.one(selector).unchecked_into()
    }

    /// The text of the first match, or "" when nothing matches.
    pub fn text(&self, selector: &str) -> String {
        self.find(selector)
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    }

    pub async fn click(&self, selector: &str) {
        self.one(selector)
            .unchecked_into::<web_sys::HtmlElement>()
            .click();
        settle().await;
    }

    /// Types into a text field as a reader would: sets the value, fires `input`.
    pub async fn type_into(&self, selector: &str, value: &str) {
        let input = self.input(selector);
        input.set_value(value);
        let init = js_sys::Object::new();
        js_sys::Reflect::set(&init, &"bubbles".into(), &wasm_bindgen::JsValue::TRUE).unwrap();
        let ctor: js_sys::Function =
            js_sys::Reflect::get(&web_sys::window().unwrap(), &"Event".into())
                .unwrap()
                .unchecked_into();
        let event =
            js_sys::Reflect::construct(&ctor, &js_sys::Array::of2(&"input".into(), &init)).unwrap();
        input.dispatch_event(event.unchecked_ref()).unwrap();
        settle().await;
    }
}
