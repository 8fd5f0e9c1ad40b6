//! The browser calls "My questions" needs that `crate::browser` does not offer: listing
//! the stored keys (to erase them all), printing only the summary, and the clipboard.
//! The clipboard and text selection are declared here with wasm-bindgen, so no extra
//! web-sys feature is needed.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{JsFuture, js_sys};

#[wasm_bindgen]
extern "C" {
    /// `navigator.clipboard.writeText(text)`; throws where there is no Clipboard API.
    #[wasm_bindgen(catch, js_namespace = ["navigator", "clipboard"], js_name = writeText)]
    fn clipboard_write_text(text: &str) -> Result<js_sys::Promise, JsValue>;

    /// `document.execCommand(command)`: the old way to copy a selection.
    #[wasm_bindgen(catch, js_namespace = document, js_name = execCommand)]
    fn exec_command(command: &str) -> Result<bool, JsValue>;

    /// A text field: anything with a `select()` method.
    type Selectable;

    #[wasm_bindgen(method)]
    fn select(this: &Selectable);
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Every key in localStorage (of any site code); empty when storage is blocked.
pub fn storage_keys() -> Vec<String> {
    let Some(storage) = local_storage() else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|index| storage.key(index).ok().flatten())
        .collect()
}

fn root_element() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// Adds or removes a class on `<html>`.
pub fn set_root_class(class: &str, on: bool) {
    let Some(root) = root_element() else { return };
    let current = root.class_name();
    let mut classes: Vec<&str> = current.split_whitespace().filter(|c| *c != class).collect();
    if on {
        classes.push(class);
    }
    root.set_class_name(&classes.join(" "));
}

/// Marks the page so only the summary prints (see `my-questions.css`), then opens the
/// print dialog. The mark is removed on `afterprint` by the caller. `Err` when the
/// browser cannot print here (the mark is removed again).
pub fn print_with_class(class: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    set_root_class(class, true);
    window.print().map_err(|_| {
        set_root_class(class, false);
        "printing is not available".to_string()
    })
}

/// Copies text with the Clipboard API. `Err` if the API is missing or refuses.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let promise = clipboard_write_text(text).map_err(|_| "no clipboard".to_string())?;
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| "the browser refused".to_string())
}

/// Focuses and selects the text of a field, then asks the browser to copy it the old
/// way. Returns whether the browser says it copied.
pub fn select_and_copy(id: &str) -> bool {
    let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    else {
        return false;
    };
    if let Some(html) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = html.focus();
    }
    element.unchecked_ref::<Selectable>().select();
    exec_command("copy").unwrap_or(false)
}

/// Tells the rest of the page (e.g. the comparison) that the reader erased their data,
/// as a `ketamine-guide:erased` event on `window`.
pub fn announce_erased() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(event) = web_sys::Event::new("ketamine-guide:erased") {
        let _ = window.dispatch_event(&event);
    }
}
