pub fn matches_media(_query: &str) -> Option<bool> {
    None
}
