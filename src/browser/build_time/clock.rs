pub fn today_iso() -> Option<String> {
    None
}

pub fn now_utc_iso() -> Option<String> {
    None
}
