//! Copying text, with the Clipboard API or the older way. Declared with wasm-bindgen,
//! so no extra web-sys feature is needed.

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
