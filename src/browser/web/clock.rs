//! Today's date and the current time, from the browser's clock.

use wasm_bindgen_futures::js_sys::Date;

/// Today's date on this device, as `2026-12-07` (the reader's own time zone).
pub fn today_iso() -> Option<String> {
    let now = Date::new_0();
    let year = now.get_full_year();
    (year > 0).then(|| format!("{year:04}-{:02}-{:02}", now.get_month() + 1, now.get_date()))
}

/// The current time in UTC, as `2026-12-07T09:30:05.123Z`.
pub fn now_utc_iso() -> Option<String> {
    Date::new_0().to_iso_string().as_string()
}
