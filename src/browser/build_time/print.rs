pub fn set_root_class(_class: &str, _on: bool) {}

pub fn print_with_class(_class: &str) -> Result<(), String> {
    Err("no printing while prerendering".into())
}
