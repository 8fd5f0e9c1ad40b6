//! `browser_calls` for the build-time prerender: no window, so no media query matches.

pub fn matches_media(_query: &str) -> Option<bool> {
    None
}
