//! "My questions and summary" in headless Chromium (wasm-bindgen-test): the list is
//! built with clicks, kept in localStorage, survives corrupt stored data and is erased.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use ketamine_guide::app::MyQuestions;
use ketamine_guide::content::{Guide, SectionKind, parse_guide};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::{GUIDE_JSON, Mounted, mount_with, settle, storage};

const QUESTIONS_KEY: &str = "ketamine-guide.my-questions";
const CHECKLIST_KEY: &str = "ketamine-guide.checklist";

fn guide() -> Arc<Guide> {
    Arc::new(parse_guide(GUIDE_JSON).expect("shipped content is valid"))
}

fn general_questions(guide: &Guide) -> Vec<String> {
    guide
        .sections
        .iter()
        .find(|s| s.kind == SectionKind::Questions)
        .expect("a questions section")
        .questions
        .clone()
}

/// Mounts `MyQuestions` on its own, with localStorage as given.
async fn open(stored: &[(&str, &str)]) -> Mounted {
    let guide = guide();
    mount_with(stored, move || view! { <MyQuestions guide/> }.into_any()).await
}

// What a reader of My questions does and sees, beyond the shared helpers.
impl Mounted {
    /// The button whose accessible label (aria-label or text) is exactly `label`.
    fn button(&self, label: &str) -> web_sys::HtmlElement {
        self.all("button")
            .into_iter()
            .find(|b| {
                b.get_attribute("aria-label").as_deref() == Some(label)
                    || b.text_content().unwrap_or_default().trim() == label
            })
            .unwrap_or_else(|| panic!("no button {label:?}"))
            .unchecked_into()
    }

    async fn press(&self, label: &str) {
        self.button(label).click();
        settle().await;
    }

    /// The texts of the reader's list, in order.
    fn list(&self) -> Vec<String> {
        self.all(".myq-list .myq-item-text")
            .iter()
            .map(|e| e.text_content().unwrap_or_default())
            .collect()
    }
}

fn stored_questions() -> Vec<String> {
    let stored = storage().get_item(QUESTIONS_KEY).unwrap();
    let Some(stored) = stored else {
        return Vec::new();
    };
    let value: serde_json::Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(value["version"], 1);
    value["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q.as_str().unwrap().to_owned())
        .collect()
}

#[wasm_bindgen_test]
async fn suggested_questions_are_grouped_by_section_and_route() {
    let guide = guide();
    let page = open(&[]).await;
    let groups = page.all("details.myq-group");
    let sections = guide
        .sections
        .iter()
        .filter(|s| !s.questions.is_empty())
        .count();
    let routes = guide.comparison.as_ref().unwrap().routes.len();
    assert_eq!(groups.len(), sections + routes);
    let total: usize = guide
        .sections
        .iter()
        .map(|s| s.questions.len())
        .sum::<usize>()
        + guide
            .comparison
            .as_ref()
            .unwrap()
            .routes
            .iter()
            .map(|r| r.questions.len())
            .sum::<usize>();
    assert_eq!(page.all(".myq-suggestion").len(), total);
    assert_eq!(page.all("button.myq-toggle").len(), total);
    let route = &guide.comparison.as_ref().unwrap().routes[0];
    assert!(
        page.find(&format!("#myq-group-route-{}", route.id))
            .unwrap()
            .text_content()
            .unwrap()
            .contains(&route.questions[0])
    );
    assert!(page.find(".myq-list").is_none(), "the list starts empty");
    assert!(page.text(".myq-summary").contains("Your list is empty"));
}

#[wasm_bindgen_test]
async fn adding_and_removing_a_suggested_question_toggles() {
    let guide = guide();
    let first = general_questions(&guide)[0].clone();
    let page = open(&[]).await;

    page.press(&format!("Add to my list: {first}")).await;
    assert_eq!(page.list(), vec![first.clone()]);
    assert_eq!(stored_questions(), vec![first.clone()]);
    let toggle = page.button(&format!("Remove from my list: {first}"));
    assert_eq!(toggle.text_content().unwrap().trim(), "Remove");
    assert!(
        page.text(".myq-summary [role=status]")
            .contains("1 question")
    );

    page.press(&format!("Remove from my list: {first}")).await;
    assert!(page.list().is_empty());
    assert_eq!(
        storage().get_item(QUESTIONS_KEY).unwrap(),
        None,
        "an empty list is not kept"
    );
}

#[wasm_bindgen_test]
async fn own_questions_are_added_trimmed_and_blank_ones_refused() {
    let page = open(&[]).await;
    page.type_into("#myq-own", "   ").await;
    page.press("Add").await;
    assert!(page.list().is_empty());
    assert_eq!(
        page.text("#myq-own-message"),
        "Please type a question first."
    );
    let input = page.find("#myq-own").unwrap();
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));

    page.type_into("#myq-own", "  Can my partner   come with me?  ")
        .await;
    page.press("Add").await;
    assert_eq!(page.list(), vec!["Can my partner come with me?"]);
    assert_eq!(page.text("#myq-own-message"), "");
    let input: web_sys::HtmlInputElement = page.find("#myq-own").unwrap().unchecked_into();
    assert_eq!(input.value(), "", "the field is emptied for the next one");

    page.type_into("#myq-own", "can my partner come with me?")
        .await;
    page.press("Add").await;
    assert_eq!(page.list().len(), 1);
    assert_eq!(
        page.text("#myq-own-message"),
        "That question is already in your list."
    );
}

#[wasm_bindgen_test]
async fn questions_move_up_and_down_and_are_removed() {
    let guide = guide();
    let q = general_questions(&guide);
    let page = open(&[]).await;
    for question in &q[..3] {
        page.press(&format!("Add to my list: {question}")).await;
    }
    assert_eq!(page.list(), q[..3].to_vec());

    let up_first = page.button(&format!("Move up: {}", q[0]));
    assert_eq!(
        up_first.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    let down_last = page.button(&format!("Move down: {}", q[2]));
    assert_eq!(
        down_last.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );

    page.press(&format!("Move up: {}", q[2])).await;
    assert_eq!(page.list(), vec![q[0].clone(), q[2].clone(), q[1].clone()]);
    page.press(&format!("Move down: {}", q[0])).await;
    assert_eq!(page.list(), vec![q[2].clone(), q[0].clone(), q[1].clone()]);
    assert_eq!(stored_questions(), page.list());
    page.press(&format!("Move up: {}", q[2])).await;
    assert_eq!(page.list()[0], q[2], "first stays first");
    assert!(
        page.text(".myq-summary [role=status]")
            .contains("already first")
    );

    page.press(&format!("Remove: {}", q[0])).await;
    assert_eq!(page.list(), vec![q[2].clone(), q[1].clone()]);
    assert_eq!(stored_questions(), page.list());
    assert!(
        page.button(&format!("Add to my list: {}", q[0]))
            .text_content()
            .unwrap()
            .contains("Add to my list")
    );
}

#[wasm_bindgen_test]
async fn a_question_is_edited_in_place() {
    let page = open(&[(
        QUESTIONS_KEY,
        r#"{"version":1,"questions":["First?","Second?"]}"#,
    )])
    .await;
    assert_eq!(page.list(), vec!["First?", "Second?"]);

    page.press("Edit: First?").await;
    let input: web_sys::HtmlInputElement = page
        .find(".myq-edit input")
        .expect("an edit field")
        .unchecked_into();
    assert_eq!(input.value(), "First?");
    page.type_into(".myq-edit input", " ").await;
    page.press("Save").await;
    assert_eq!(
        page.text(".myq-edit .myq-error"),
        "Please type a question first."
    );
    page.type_into(".myq-edit input", "Is it the first?").await;
    page.press("Save").await;
    assert!(page.find(".myq-edit").is_none());
    assert_eq!(page.list(), vec!["Is it the first?", "Second?"]);
    assert_eq!(stored_questions(), page.list());

    page.press("Edit: Second?").await;
    page.type_into(".myq-edit input", "Changed my mind").await;
    page.press("Cancel").await;
    assert_eq!(page.list(), vec!["Is it the first?", "Second?"]);
}

#[wasm_bindgen_test]
async fn corrupt_or_old_stored_data_is_ignored() {
    for garbage in [
        "not json",
        "{\"version\":2,\"questions\":[\"Old?\"]}",
        "[1,2,3]",
        "{\"version\":1,\"questions\":\"oops\"}",
        "null",
    ] {
        let page = open(&[
            (QUESTIONS_KEY, garbage),
            (CHECKLIST_KEY, garbage),
            ("ketamine-guide.comparison.choices", garbage),
        ])
        .await;
        assert!(page.list().is_empty(), "{garbage}");
        assert!(page.all(".myq-checklist input").len() == 6);
        assert!(page.text(".myq-summary").contains("None chosen yet"));
    }
}

#[wasm_bindgen_test]
async fn the_checklist_and_priorities_are_shown_and_kept() {
    let guide = guide();
    let concern = guide.comparison.as_ref().unwrap().concerns[0].clone();
    let choices = format!(r#"{{"version":1,"priorities":["{}"]}}"#, concern.id);
    let page = open(&[("ketamine-guide.comparison.choices", &choices)]).await;
    assert_eq!(
        page.text(".myq-priorities").trim(),
        concern.label,
        "priorities come from the comparison's stored choices"
    );
    let boxes = page.all(".myq-checklist input[type=checkbox]");
    assert_eq!(boxes.len(), 6);
    boxes[1].unchecked_ref::<web_sys::HtmlElement>().click();
    settle().await;
    let stored = storage().get_item(CHECKLIST_KEY).unwrap().unwrap();
    let value: serde_json::Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(value["version"], 1);
    assert_eq!(value["checked"].as_array().unwrap().len(), 1);

    // A new visit shows the same ticks.
    let page = open(&[(CHECKLIST_KEY, &stored)]).await;
    let boxes = page.all(".myq-checklist input[type=checkbox]");
    let ticked: Vec<bool> = boxes
        .iter()
        .map(|b| b.unchecked_ref::<web_sys::HtmlInputElement>().checked())
        .collect();
    assert_eq!(ticked, vec![false, true, false, false, false, false]);
}

#[wasm_bindgen_test]
async fn erase_asks_first_then_removes_everything_of_this_guide() {
    let page = open(&[
        (QUESTIONS_KEY, r#"{"version":1,"questions":["Mine?"]}"#),
        (CHECKLIST_KEY, r#"{"version":1,"checked":[]}"#),
        ("ketamine-guide.open-sections", "[\"questions\"]"),
        (
            "ketamine-guide.comparison.choices",
            r#"{"version":1,"priorities":["cost"]}"#,
        ),
        ("another-site.setting", "keep me"),
    ])
    .await;
    assert_eq!(page.list(), vec!["Mine?"]);
    let confirm = page.find("#myq-erase-confirm").unwrap();
    assert!(confirm.has_attribute("hidden"));

    page.press("Erase everything I entered").await;
    assert!(!confirm.has_attribute("hidden"));
    page.press("Cancel").await;
    assert!(confirm.has_attribute("hidden"));
    assert_eq!(page.list(), vec!["Mine?"], "cancel erases nothing");
    assert!(storage().get_item(QUESTIONS_KEY).unwrap().is_some());

    page.press("Erase everything I entered").await;
    page.press("Yes, erase everything").await;
    assert!(page.list().is_empty());
    assert!(confirm.has_attribute("hidden"));
    let keys: Vec<String> = (0..storage().length().unwrap())
        .filter_map(|i| storage().key(i).unwrap())
        .collect();
    assert_eq!(keys, vec!["another-site.setting"]);
    assert!(
        page.text(".myq-erase [role=status]")
            .contains("Everything you entered has been erased from this device.")
    );
    assert!(page.text(".myq-summary").contains("None chosen yet"));
}
