//! Printing part of the page.

fn root_element() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// Adds or removes a class on `<html>`.
pub fn set_root_class(class: &str, on: bool) {
    let Some(root) = root_element() else { return };
    let current = root.class_name();
    let mut classes: Vec<&str> = current.split_whitespace().filter(|c| *c != class).collect();
    if on {
        classes.push(class);
    }
    root.set_class_name(&classes.join(" "));
}

/// Marks the page so only the summary prints (see `my-questions.css`), then opens the
/// print dialog. The mark is removed on `afterprint` by the caller. `Err` when the
/// browser cannot print here (the mark is removed again).
pub fn print_with_class(class: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    set_root_class(class, true);
    window.print().map_err(|_| {
        set_root_class(class, false);
        "printing is not available".to_string()
    })
}
