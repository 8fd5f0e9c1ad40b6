pub fn download_text(_file_name: &str, _mime: &str, _text: &str) -> Result<(), String> {
    Err("no downloads while prerendering".into())
}
