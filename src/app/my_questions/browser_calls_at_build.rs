//! `browser_calls` for the build-time prerender: nothing is stored, printed or copied
//! while the page is rendered to HTML.

pub fn storage_keys() -> Vec<String> {
    Vec::new()
}

pub fn set_root_class(_class: &str, _on: bool) {}

pub fn print_with_class(_class: &str) -> Result<(), String> {
    Err("no printing while prerendering".into())
}

pub async fn copy_text(_text: &str) -> Result<(), String> {
    Err("no clipboard while prerendering".into())
}

pub fn select_and_copy(_id: &str) -> bool {
    false
}

pub fn announce_erased() {}
