//! The page itself: the app's mount point, the URL fragment, focus and scrolling,
//! and events other parts of the page listen for.

use wasm_bindgen::JsCast;

pub(super) fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Replaces the app's mount point with a plain notice, built without Leptos: after a
/// panic neither the reactive runtime nor any further call into wasm can be trusted,
/// so the notice needs no script (its reload control is a plain link).
pub fn show_crash_notice(technical_detail: &str) {
    let Some(document) = document() else { return };
    let Some(root) = document.get_element_by_id("app") else {
        return;
    };
    let element = |tag: &str, class: &str, text: &str| {
        let element = document.create_element(tag).ok()?;
        if !class.is_empty() {
            element.set_class_name(class);
        }
        if !text.is_empty() {
            element.set_text_content(Some(text));
        }
        Some(element)
    };
    let notice = (|| -> Option<web_sys::Element> {
        let notice = element("div", "notice notice-error", "")?;
        notice.set_attribute("role", "alert").ok()?;
        let heading = element("h2", "", "Something went wrong in this page.")?;
        let advice = element(
            "p",
            "",
            "Please reload the page. If this keeps happening, the guide may be broken. The help lines at the top of the page still work.",
        )?;
        // href="" reloads the page without the fragment and without running any script.
        let reload = element("a", "button", "Reload the page")?;
        reload.set_attribute("href", "").ok()?;
        let details = element("details", "technical", "")?;
        let summary = element("summary", "", "Technical details (for the site's host)")?;
        let detail = element("pre", "", technical_detail)?;
        details.append_child(&summary).ok()?;
        details.append_child(&detail).ok()?;
        for child in [&heading, &advice, &reload, &details] {
            notice.append_child(child).ok()?;
        }
        Some(notice)
    })();
    if let Some(notice) = notice {
        root.set_text_content(None);
        let _ = root.append_child(&notice);
    }
}

/// The text of the page's copy of the content (a JSON data block), if it has one.
pub fn embedded_content(id: &str) -> Option<String> {
    document()?.get_element_by_id(id)?.text_content()
}

/// The element the app renders into (`#app`).
pub fn app_root() -> Option<web_sys::HtmlElement> {
    document()?
        .get_element_by_id("app")?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// Empties an element (the static loading notice index.html shows before the script).
pub fn clear(element: &web_sys::HtmlElement) {
    element.set_text_content(None);
}

/// What the reader did on the prerendered page before the app took it over.
#[derive(Debug, Default)]
pub struct PrerenderedState {
    /// Sections the reader opened (the ids of their panels).
    pub open_sections: Vec<String>,
    /// The id of the element that had keyboard focus, if it had one.
    pub focused: Option<String>,
}

/// What the reader has done so far with the guide rendered at build time in `root`.
pub fn prerendered_state(root: &web_sys::HtmlElement) -> PrerenderedState {
    let mut state = PrerenderedState::default();
    if let Ok(panels) = root.query_selector_all("details.section-disclosure[open] > .section-panel")
    {
        for index in 0..panels.length() {
            if let Some(panel) = panels
                .item(index)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                state.open_sections.push(panel.id());
            }
        }
    }
    state.focused = document()
        .and_then(|d| d.active_element())
        .filter(|element| root.contains(Some(element)))
        .map(|element| element.id())
        .filter(|id| !id.is_empty());
    state
}

fn new_div() -> Option<web_sys::HtmlElement> {
    document()?
        .create_element("div")
        .ok()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// A new, empty `#app` element, not yet in the page.
pub fn new_app_root() -> Option<web_sys::HtmlElement> {
    let element = new_div()?;
    element.set_id("app");
    Some(element)
}

/// Puts `new` where `old` is, in one step, so the page is never painted without either.
pub fn replace_element(old: &web_sys::HtmlElement, new: &web_sys::HtmlElement) -> bool {
    old.replace_with_with_node_1(new).is_ok()
}

/// A new element at the start of `parent`, for a notice about the page below it.
pub fn prepend_container(parent: &web_sys::HtmlElement) -> Option<web_sys::HtmlElement> {
    let element = new_div()?;
    parent.prepend_with_node_1(&element).ok()?;
    Some(element)
}

/// The URL fragment, with its `#`, or "" when there is none.
pub fn location_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Points the URL at `#id` without adding a history entry.
pub fn replace_hash(id: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("#{id}")),
        );
    }
}

/// Gives keyboard focus to the element with this id where it stands (the browser
/// scrolls only if it is out of view).
pub fn focus_in_place(id: &str) {
    if let Some(element) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Moves keyboard focus to the element with this id (and scrolls it into view);
/// returns whether there was such an element.
pub fn focus_element(id: &str) -> bool {
    let Some(element) = document().and_then(|d| d.get_element_by_id(id)) else {
        return false;
    };
    match element.dyn_into::<web_sys::HtmlElement>() {
        Ok(element) => {
            let _ = element.focus();
            element.scroll_into_view();
            true
        }
        Err(_) => false,
    }
}

/// The width, in CSS pixels, of the first element matching `selector`.
pub fn element_width(selector: &str) -> Option<f64> {
    let element = document()?.query_selector(selector).ok()??;
    let width = element.get_bounding_client_rect().width();
    (width > 0.0).then_some(width)
}

/// Whether a key press happened in a text field (where Home moves the caret).
pub fn typing_in_field(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|e| {
            matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || e.is_content_editable()
        })
}

/// Scrolls the element with this id into view only as far as needed (for a definition
/// that opens below the fold).
pub fn bring_into_view(id: &str) {
    if let Some(element) = document().and_then(|d| d.get_element_by_id(id)) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Shows what a search result points at inside a section's panel: the `index`-th
/// element matching `selector` there or, when `text` is not empty, the first of them
/// (preferring one on screen) whose text contains it. Opens any closed disclosure around
/// it ("More detail"), marks it (class `search-target`, taken off the one marked before),
/// moves focus to it and scrolls it into view. Returns whether it was found.
pub fn reveal_in_section(section_id: &str, selector: &str, index: usize, text: &str) -> bool {
    let Some(document) = document() else {
        return false;
    };
    let Some(panel) = document.get_element_by_id(&format!("{section_id}-panel")) else {
        return false;
    };
    let Ok(found) = panel.query_selector_all(selector) else {
        return false;
    };
    let elements = (0..found.length())
        .filter_map(|i| found.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok());
    let target = if text.is_empty() {
        elements.clone().nth(index)
    } else {
        let matching: Vec<web_sys::HtmlElement> = elements
            .filter(|e| e.text_content().is_some_and(|t| t.contains(text)))
            .collect();
        let shown = matching
            .iter()
            .find(|e| e.offset_parent().is_some())
            .cloned();
        shown.or_else(|| {
            matching
                .into_iter()
                .find(|e| e.closest("details:not([open])").ok().flatten().is_some())
        })
    };
    let Some(element) = target else {
        return false;
    };
    let mut parent = element.parent_element();
    while let Some(ancestor) = parent {
        if let Some(details) = ancestor.dyn_ref::<web_sys::HtmlDetailsElement>() {
            details.set_open(true);
        }
        if ancestor == panel {
            break;
        }
        parent = ancestor.parent_element();
    }
    if let Ok(marked) = document.query_selector_all(".search-target") {
        for i in 0..marked.length() {
            if let Some(old) = marked
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let _ = old.class_list().remove_1("search-target");
            }
        }
    }
    let _ = element.class_list().add_1("search-target");
    if !element.has_attribute("tabindex") && element.tab_index() < 0 {
        let _ = element.set_attribute("tabindex", "-1");
    }
    let _ = element.focus();
    show_whole(&element);
    true
}

/// Scrolls so the reader sees `element` clear of anything sticky: a short one (a table
/// row's question, a paragraph) in the middle of the window, where neither the phone's
/// Contents bar nor the table's sticky header row can cover it; a tall one from its top,
/// moved down below whatever sticky thing (the verdict key) would cover its first line.
fn show_whole(element: &web_sys::HtmlElement) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let window_height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let short = element.get_bounding_client_rect().height() < window_height / 2.0;
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(if short {
        web_sys::ScrollLogicalPosition::Center
    } else {
        web_sys::ScrollLogicalPosition::Start
    });
    element.scroll_into_view_with_scroll_into_view_options(&options);
    if short {
        return;
    }
    let top = element.get_bounding_client_rect();
    let covering = document()
        .and_then(|d| d.element_from_point((top.left() + 24.0) as f32, (top.top() + 4.0) as f32))
        .filter(|hit| !element.contains(Some(hit)));
    if let Some(cover) = covering {
        let overlap = cover.get_bounding_client_rect().bottom() - top.top();
        if overlap > 0.0 {
            window.scroll_by_with_x_and_y(0.0, -(overlap + 8.0));
        }
    }
}

/// Of the elements with these ids, the index of the last one whose top has scrolled
/// above `offset` pixels from the top of the window (the one the reader is in).
pub fn current_position(ids: &[String], offset: f64) -> Option<usize> {
    let document = document()?;
    let mut current = None;
    for (index, id) in ids.iter().enumerate() {
        let Some(element) = document.get_element_by_id(id) else {
            continue;
        };
        if element.get_bounding_client_rect().top() <= offset {
            current = Some(index);
        } else {
            break;
        }
    }
    current
}

/// Tells the rest of the page (e.g. the comparison) that the reader erased their data,
/// as a `ketamine-guide:erased` event on `window`.
pub fn announce_erased() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(event) = web_sys::Event::new("ketamine-guide:erased") {
        let _ = window.dispatch_event(&event);
    }
}

/// The guide's own address (without any fragment or query), for the printed handout.
pub fn page_address() -> Option<String> {
    let location = web_sys::window()?.location();
    Some(format!(
        "{}{}",
        location.origin().ok()?,
        location.pathname().ok()?
    ))
}
