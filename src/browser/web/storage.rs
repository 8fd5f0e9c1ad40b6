//! What the reader saves on this device (localStorage), and forgetting it.

fn local_storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("no window")?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err("localStorage is not available".into()),
        Err(_) => Err("localStorage is blocked".into()),
    }
}

/// Reads a value the reader saved on this device. `None` when storage is missing,
/// blocked or empty: callers fall back to defaults.
pub fn storage_get(key: &str) -> Option<String> {
    local_storage().ok()?.get_item(key).ok().flatten()
}

/// Saves a value on this device only. `Err` (storage full, blocked, private mode) is
/// for the caller to report quietly; nothing else depends on it.
pub fn storage_set(key: &str, value: &str) -> Result<(), String> {
    local_storage()?
        .set_item(key, value)
        .map_err(|_| "could not save: storage is full or blocked".to_string())
}

/// Forgets a saved value.
pub fn storage_remove(key: &str) -> Result<(), String> {
    local_storage()?
        .remove_item(key)
        .map_err(|_| "could not remove a saved value".to_string())
}

/// Every key in localStorage (of any site code); empty when storage is blocked.
pub fn storage_keys() -> Vec<String> {
    let Ok(storage) = local_storage() else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|index| storage.key(index).ok().flatten())
        .collect()
}
