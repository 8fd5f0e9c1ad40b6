pub fn location_hash() -> String {
    String::new()
}

pub fn replace_hash(_id: &str) {}

pub fn focus_in_place(_id: &str) {}

pub fn focus_element(_id: &str) -> bool {
    false
}

pub fn element_width(_selector: &str) -> Option<f64> {
    None
}

pub fn typing_in_field(_ev: &web_sys::KeyboardEvent) -> bool {
    false
}

pub fn bring_into_view(_id: &str) {}

pub fn reveal_in_section(_section_id: &str, _selector: &str, _index: usize, _text: &str) -> bool {
    false
}

pub fn current_position(_ids: &[String], _offset: f64) -> Option<usize> {
    None
}

pub fn announce_erased() {}

pub fn embedded_content(_id: &str) -> Option<String> {
    None
}

pub fn page_address() -> Option<String> {
    None
}
