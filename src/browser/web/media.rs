//! Asking whether a CSS media query matches (to pick the first layout). Declared with
//! wasm-bindgen, so no extra web-sys feature is needed.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    type MediaQueryList;

    #[wasm_bindgen(catch, js_namespace = window, js_name = matchMedia)]
    fn match_media(query: &str) -> Result<Option<MediaQueryList>, JsValue>;

    #[wasm_bindgen(method, getter)]
    fn matches(this: &MediaQueryList) -> bool;
}

/// Whether a CSS media query matches now; `None` where the browser cannot say.
pub fn matches_media(query: &str) -> Option<bool> {
    match_media(query).ok().flatten().map(|list| list.matches())
}
