//! The browser calls when there is no browser: the build-time prerender renders the
//! page a first-time visitor sees, so nothing is stored, there is no fragment, and
//! nothing can be focused or fetched.

use super::HttpAnswer;

pub async fn get_text(url: &str) -> Result<HttpAnswer, String> {
    Err(format!("no network while prerendering (asked for {url})"))
}

pub fn storage_get(_key: &str) -> Option<String> {
    None
}

pub fn storage_set(_key: &str, _value: &str) -> Result<(), String> {
    Err("no storage while prerendering".into())
}

pub fn storage_remove(_key: &str) -> Result<(), String> {
    Ok(())
}

pub fn location_hash() -> String {
    String::new()
}

pub fn replace_hash(_id: &str) {}

pub fn focus_in_place(_id: &str) {}

pub fn focus_element(_id: &str) -> bool {
    false
}

pub fn current_position(_ids: &[String], _offset: f64) -> Option<usize> {
    None
}
