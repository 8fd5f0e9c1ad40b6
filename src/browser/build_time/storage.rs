pub fn storage_get(_key: &str) -> Option<String> {
    None
}

pub fn storage_set(_key: &str, _value: &str) -> Result<(), String> {
    Err("no storage while prerendering".into())
}

pub fn storage_remove(_key: &str) -> Result<(), String> {
    Ok(())
}

pub fn storage_keys() -> Vec<String> {
    Vec::new()
}
