pub async fn copy_text(_text: &str) -> Result<(), String> {
    Err("no clipboard while prerendering".into())
}

pub fn select_and_copy(_id: &str) -> bool {
    false
}
