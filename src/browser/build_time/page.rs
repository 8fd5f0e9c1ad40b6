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

pub fn announce_erased() {}

pub fn embedded_content(_id: &str) -> Option<String> {
    None
}

pub fn page_address() -> Option<String> {
    None
}
