//! Component behaviour in headless Chromium (wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use ketamine_guide::app::{GuideView, LoadFailed};
use ketamine_guide::browser::show_crash_notice;
use ketamine_guide::content::{SectionKind, parse_guide};
use ketamine_guide::loader::LoadError;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::{
    GUIDE_JSON, document, fresh_root, next_task, settle, storage, until_every_section_is_built,
};

fn click(root: &web_sys::Element, selector: &str) {
    let element: web_sys::HtmlElement = root
        .query_selector(selector)
        .unwrap()
        .unwrap()
        .unchecked_into();
    element.click();
}

#[wasm_bindgen_test]
async fn sections_start_closed_and_toggle_with_their_button() {
    let guide = Arc::new(parse_guide(GUIDE_JSON).expect("shipped content is valid"));
    let first = guide.sections[0].id.clone();
    let root = fresh_root();
    let _handle = leptos::mount::mount_to(root.clone(), move || view! { <GuideView guide/> });

    let button = root
        .query_selector(&format!("#{first}-button"))
        .unwrap()
        .unwrap();
    let panel = root
        .query_selector(&format!("#{first}-panel"))
        .unwrap()
        .unwrap();
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(
        button.get_attribute("aria-controls"),
        Some(format!("{first}-panel"))
    );
    assert!(panel.has_attribute("hidden"));
    assert_eq!(button.parent_element().unwrap().tag_name(), "H2");

    click(&root, &format!("#{first}-button"));
    settle().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert!(!panel.has_attribute("hidden"));

    click(&root, &format!("#{first}-button"));
    settle().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(panel.has_attribute("hidden"));
}

#[wasm_bindgen_test]
async fn every_citation_links_to_a_reference_entry_on_the_page() {
    let guide = Arc::new(parse_guide(GUIDE_JSON).unwrap());
    let root = fresh_root();
    let _handle = leptos::mount::mount_to(root.clone(), move || view! { <GuideView guide/> });
    until_every_section_is_built(&root).await;
    let links = document().query_selector_all("#app a.cite").unwrap();
    assert!(links.length() > 0);
    for i in 0..links.length() {
        let link: web_sys::Element = links.item(i).unwrap().unchecked_into();
        let target = link.get_attribute("href").unwrap();
        let id = target.trim_start_matches('#');
        assert!(
            document().get_element_by_id(id).is_some(),
            "{target} has no entry"
        );
    }
}

#[wasm_bindgen_test]
fn failure_shows_the_plain_message_and_retry_calls_back() {
    let root = fresh_root();
    let retries = RwSignal::new(0);
    let error = LoadError::NotFound {
        url: "content/guide.json".into(),
    };
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <LoadFailed error=error.clone() on_retry=move || retries.update(|n| *n += 1)/> }
    });
    let alert = root.query_selector("[role=alert]").unwrap().unwrap();
    let text = alert.text_content().unwrap();
    assert!(
        text.contains("The guide's content could not be found."),
        "{text}"
    );
    assert!(
        text.contains("HTTP 404 Not Found for content/guide.json"),
        "{text}"
    );
    click(&root, "button");
    click(&root, "button");
    assert_eq!(retries.get_untracked(), 2);
}

#[wasm_bindgen_test]
fn crash_notice_replaces_the_app_and_keeps_the_detail() {
    let root = fresh_root();
    root.set_inner_html("<p>half-rendered page</p>");
    show_crash_notice("panicked at src/x.rs:1:1");
    let text = root.text_content().unwrap();
    assert!(!text.contains("half-rendered"), "{text}");
    assert!(
        text.contains("Something went wrong in this page."),
        "{text}"
    );
    assert!(text.contains("panicked at src/x.rs:1:1"), "{text}");
    let reload = root.query_selector("a.button").unwrap().unwrap();
    assert_eq!(reload.get_attribute("href").as_deref(), Some(""));
}

#[wasm_bindgen_test]
async fn content_text_is_rendered_as_text_not_markup() {
    let mut guide = parse_guide(GUIDE_JSON).unwrap();
    guide.sections[0].summary[0].text =
        "<img src=x onerror=alert(1)> <script>alert(2)</script>".into();
    let guide = Arc::new(guide);
    let root = fresh_root();
    let _handle = leptos::mount::mount_to(root.clone(), move || view! { <GuideView guide/> });
    until_every_section_is_built(&root).await;
    assert!(root.query_selector("img").unwrap().is_none());
    assert!(root.query_selector(".summary script").unwrap().is_none());
    assert!(
        root.text_content()
            .unwrap()
            .contains("<img src=x onerror=alert(1)>")
    );
}

#[wasm_bindgen_test]
async fn expand_all_opens_every_section_and_collapse_all_closes_them() {
    let guide = Arc::new(parse_guide(GUIDE_JSON).unwrap());
    let count = guide.sections.len() as u32;
    let root = fresh_root();
    let _handle = leptos::mount::mount_to(root.clone(), move || view! { <GuideView guide/> });
    let expanded = |root: &web_sys::HtmlElement| {
        root.query_selector_all(".section-toggle[aria-expanded=true]")
            .unwrap()
            .length()
    };
    click(&root, ".expand-controls button:first-child");
    settle().await;
    assert_eq!(expanded(&root), count);
    click(&root, ".expand-controls button:last-child");
    settle().await;
    assert_eq!(expanded(&root), 0);
}

#[wasm_bindgen_test]
fn search_ranks_the_section_about_a_topic_first() {
    use ketamine_guide::state::search::SearchIndex;
    let guide = parse_guide(GUIDE_JSON).unwrap();
    let index = SearchIndex::new(&guide);
    let hits = index.search("cost insurance", 5);
    assert_eq!(hits[0].target.section, "cost");
    assert!(index.search("zzzqx", 5).is_empty());
}

#[wasm_bindgen_test]
fn accordion_state_survives_a_storage_round_trip_in_the_browser() {
    use ketamine_guide::state::accordion::OpenSections;
    let known = ["cost", "routes"].into_iter().collect();
    let mut open = OpenSections::default();
    open.toggle("cost");
    let restored = OpenSections::from_storage(Some(&open.to_storage()), &known);
    assert!(restored.is_open("cost") && !restored.is_open("routes"));
}

#[wasm_bindgen_test]
async fn closed_sections_are_built_when_opened_or_soon_after_start() {
    let guide = Arc::new(parse_guide(GUIDE_JSON).unwrap());
    let last = guide.sections.last().unwrap().clone();
    let first = guide.sections[0].clone();
    storage()
        .remove_item(ketamine_guide::state::accordion::OPEN_SECTIONS_KEY)
        .unwrap();
    let root = fresh_root();
    let _handle = leptos::mount::mount_to(root.clone(), move || view! { <GuideView guide/> });
    let panel = |id: &str| {
        root.query_selector(&format!("#{id}-panel"))
            .unwrap()
            .unwrap()
    };
    // Starting builds the headers only.
    assert_eq!(panel(&last.id).child_element_count(), 0);
    // Opening a section builds its content at once, ahead of the background queue.
    click(&root, &format!("#{}-button", last.id));
    settle().await;
    let text = panel(&last.id).text_content().unwrap();
    assert!(text.contains(&last.summary[0].text[..30]), "{text}");
    // The rest follow in the background.
    until_every_section_is_built(&root).await;
    let text = panel(&first.id).text_content().unwrap();
    assert!(text.contains(&first.summary[0].text[..30]), "{text}");
}

/// The emergency box sits in the summary layer (outside "More detail") of every section
/// that asks for it, with its warning signs and the emergency numbers; the at-home
/// version adds the rules for doses outside a clinic, and the general one does not.
#[wasm_bindgen_test]
async fn emergency_box_is_in_the_summary_of_the_sections_that_need_it() {
    let guide = Arc::new(parse_guide(GUIDE_JSON).unwrap());
    let expected: Vec<(String, bool)> = guide
        .sections
        .iter()
        .filter_map(|s| {
            s.emergency.map(|kind| {
                (
                    s.id.clone(),
                    kind == ketamine_guide::content::EmergencyKind::AtHome,
                )
            })
        })
        .collect();
    assert!(expected.len() >= 4, "{expected:?}");
    let root = fresh_root();
    let _handle = leptos::mount::mount_to(root.clone(), move || view! { <GuideView guide/> });
    until_every_section_is_built(&root).await;
    for (section, at_home) in &expected {
        let selector = format!("#{section}-panel .summary #{section}-emergency");
        let emergency = root
            .query_selector(&selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no emergency box in the summary of {section}"));
        let heading = emergency.query_selector("h3").unwrap().unwrap();
        assert_eq!(
            emergency.get_attribute("aria-labelledby"),
            Some(heading.id()),
            "{section}: the box is named by its heading"
        );
        let text = emergency.text_content().unwrap_or_default();
        for needed in ["911", "999", "112", "breath"] {
            assert!(
                text.contains(needed),
                "{section}: the box lacks \"{needed}\""
            );
        }
        assert_eq!(
            emergency
                .query_selector(".emergency-rules")
                .unwrap()
                .is_some(),
            *at_home,
            "{section}: at-home rules shown = {at_home}"
        );
        assert!(
            emergency.closest("details").unwrap().is_none(),
            "{section}: the box must not hide inside \"More detail\""
        );
    }
}

fn count(root: &web_sys::HtmlElement, selector: &str) -> usize {
    root.query_selector_all(selector).unwrap().length() as usize
}

fn dispatch(name: &str) {
    let event = web_sys::Event::new(name).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn a_comparison_builds_its_table_when_printing_starts_and_drops_it_after() {
    storage().clear().unwrap();
    let guide = Arc::new(parse_guide(GUIDE_JSON).unwrap());
    let rows = guide.options_comparison.as_ref().unwrap().rows.len();
    let root = fresh_root();
    let _handle = leptos::mount::mount_to(root.clone(), move || view! { <GuideView guide/> });
    until_every_section_is_built(&root).await;
    // Seven options do not fit a test page's width: the cards are the reader's layout.
    assert_eq!(
        count(&root, "#options-panel .cmp-by-question .cmp-card"),
        rows
    );
    assert_eq!(count(&root, "#options-panel table.cmp-table"), 0);

    dispatch("beforeprint");
    settle().await;
    assert_eq!(
        count(&root, "#options-panel table.cmp-table tbody tr"),
        rows
    );
    dispatch("afterprint");
    settle().await;
    assert_eq!(count(&root, "#options-panel table.cmp-table"), 0);
    assert_eq!(
        count(&root, "#options-panel .cmp-by-question .cmp-card"),
        rows
    );
}

/// Waits task by task until `part_built()` holds, and fails if `whole()` holds first: the
/// moment a closed section's content is caught part-built in the background.
async fn catch_part_built(what: &str, part_built: impl Fn() -> bool, whole: impl Fn() -> bool) {
    for _ in 0..2000 {
        next_task().await;
        if part_built() {
            return;
        }
        assert!(!whole(), "{what} was built whole before it could be caught");
    }
    panic!("{what} was never seen part-built");
}

#[wasm_bindgen_test]
async fn a_list_still_being_built_is_whole_as_soon_as_its_section_opens() {
    storage().clear().unwrap();
    let guide = Arc::new(parse_guide(GUIDE_JSON).unwrap());
    // The claims: a section in the middle of the guide, with a list of its own.
    let claims = guide
        .section_id_of_kind(SectionKind::Claims)
        .unwrap()
        .to_owned();
    let total = guide.claims.len();
    // An earlier test may have left a section's address in the URL; it would open it.
    web_sys::window().unwrap().location().set_hash("").unwrap();
    let root = fresh_root();
    let _handle = leptos::mount::mount_to(root.clone(), move || view! { <GuideView guide/> });
    let items = format!("#{claims}-panel ul.claims > li");
    // Catch the claims (4 per task) while at least three more steps are to come.
    let built = || count(&root, &items);
    catch_part_built(
        "the claims list",
        || built() > 0 && built() + 8 < total,
        || built() >= total,
    )
    .await;

    click(&root, &format!("#{claims}-button"));
    // One task: at most one more step of its own, so only opening can have built them all.
    next_task().await;
    assert_eq!(count(&root, &items), total);
}

#[wasm_bindgen_test]
async fn a_comparison_in_a_closed_section_comes_in_parts_and_is_whole_once_opened() {
    storage().clear().unwrap();
    let guide = Arc::new(parse_guide(GUIDE_JSON).unwrap());
    let compare = guide
        .section_id_of_kind(SectionKind::Comparison)
        .unwrap()
        .to_owned();
    let comparison = guide.comparison.as_ref().unwrap();
    let rows = comparison.rows.len();
    assert!(!comparison.timelines.is_empty());
    web_sys::window().unwrap().location().set_hash("").unwrap();
    let root = fresh_root();
    let _handle = leptos::mount::mount_to(root.clone(), move || view! { <GuideView guide/> });
    let panel = format!("#{compare}-panel");
    let has = |selector: &str| count(&root, &format!("{panel} {selector}")) > 0;
    // Catch it with its introduction built and its timelines, the last part, still to come.
    catch_part_built(
        "the comparison",
        || has(".comparison-intro") && !has(".cmp-timelines"),
        || has(".cmp-timelines"),
    )
    .await;
    assert!(
        !has(".cmp-status"),
        "its results came with its introduction"
    );

    click(&root, &format!("#{compare}-button"));
    // One task: at most one more part of its own, so only opening can have built them all.
    next_task().await;
    assert!(has(".cmp-controls"));
    assert!(has(".cmp-status"));
    assert!(has(".cmp-timelines"));
    let shown = count(&root, &format!("{panel} table.cmp-table tbody tr"))
        + count(&root, &format!("{panel} .cmp-by-question .cmp-card"));
    assert_eq!(shown, rows, "every row, in the table or as cards");
}
