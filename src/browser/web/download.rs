//! Saving a file the page made (such as a calendar file) to the reader's device: a
//! Blob, an object URL and a temporary `<a download>`. Nothing is sent anywhere.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::js_sys::{Array, Object, Reflect};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = Blob)]
    type JsBlob;

    #[wasm_bindgen(catch, constructor, js_class = "Blob")]
    fn new_blob(parts: &Array, options: &Object) -> Result<JsBlob, JsValue>;

    #[wasm_bindgen(catch, js_namespace = URL, js_name = createObjectURL)]
    fn create_object_url(blob: &JsBlob) -> Result<String, JsValue>;

    #[wasm_bindgen(js_namespace = URL, js_name = revokeObjectURL)]
    fn revoke_object_url(url: &str);
}

/// Offers `text` to the reader as a file named `file_name`. `Err` when the browser
/// cannot make or save it here.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |_| "this browser could not save the file".to_string();
    let options = Object::new();
    Reflect::set(&options, &"type".into(), &mime.into()).map_err(fail)?;
    let blob = JsBlob::new_blob(&Array::of1(&text.into()), &options).map_err(fail)?;
    let url = create_object_url(&blob).map_err(fail)?;
    let document = super::page::document().ok_or("no document")?;
    let body = document.body().ok_or("no body")?;
    let link = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into::<web_sys::HtmlElement>()
        .map_err(|_| "no link".to_string())?;
    link.set_attribute("href", &url).map_err(fail)?;
    link.set_attribute("download", file_name).map_err(fail)?;
    link.set_hidden(true);
    body.append_child(&link).map_err(fail)?;
    link.click();
    link.remove();
    // Let the download start before the URL is released.
    let release = Closure::once_into_js(move || revoke_object_url(&url));
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(release.unchecked_ref(), 10_000);
    }
    Ok(())
}
