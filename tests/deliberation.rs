//! "Weighing your choice" in headless Chromium (wasm-bindgen-test): the leaning and the
//! SURE answers are chosen with clicks, kept in localStorage, read back on a new visit,
//! shown in "My summary", survive corrupt stored data and are forgotten on erase.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use ketamine_guide::app::{DeliberationView, MyQuestions};
use ketamine_guide::content::{Deliberation, Guide, parse_guide};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::{GUIDE_JSON, Mounted, mount_with, settle, storage};

const KEY: &str = "ketamine-guide.deliberation";

fn guide() -> Arc<Guide> {
    Arc::new(parse_guide(GUIDE_JSON).expect("shipped content is valid"))
}

fn content() -> Deliberation {
    guide()
        .deliberation
        .clone()
        .expect("the help to deliberate")
}

async fn open(stored: Option<&str>) -> Mounted {
    let stored: Vec<(&str, &str)> = stored.map(|value| (KEY, value)).into_iter().collect();
    mount_with(&stored, move || {
        view! { <DeliberationView content=content() summary_link=Some("#questions".to_owned())/> }
            .into_any()
    })
    .await
}

impl Mounted {
    /// The checked inputs, as `name=value`.
    fn checked(&self) -> Vec<String> {
        self.all("input:checked")
            .into_iter()
            .map(|input| {
                let input: web_sys::HtmlInputElement = input.unchecked_into();
                format!("{}={}", input.name(), input.value())
            })
            .collect()
    }
}

#[wasm_bindgen_test]
async fn leaning_and_sure_answers_are_kept_and_read_back() {
    let page = open(None).await;
    assert!(page.checked().is_empty());
    assert_eq!(page.text(".delib-result"), "");
    page.click("input[name=delib-leaning][value=iv-ketamine]")
        .await;
    page.click("input[name=delib-sure-sure][value=yes]").await;
    page.click("input[name=delib-sure-understand][value=no]")
        .await;
    page.click("input[name=delib-sure-risks][value=yes]").await;
    page.click("input[name=delib-sure-encouragement][value=yes]")
        .await;
    let result = page.text(".delib-result");
    assert!(result.contains("SURE: 3 of 4"), "{result}");
    assert!(
        result.contains("Go back over the table of options"),
        "{result}"
    );

    let stored = storage()
        .get_item(KEY)
        .unwrap()
        .expect("kept on the device");
    let value: serde_json::Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(value["version"], 1);
    assert_eq!(value["leaning"], "iv-ketamine");
    assert_eq!(value["sure"]["understand"], false);

    // A new visit reads the same answers back.
    let again = open(Some(&stored)).await;
    let mut checked = again.checked();
    checked.sort();
    assert_eq!(
        checked,
        [
            "delib-leaning=iv-ketamine",
            "delib-sure-encouragement=yes",
            "delib-sure-risks=yes",
            "delib-sure-sure=yes",
            "delib-sure-understand=no",
        ]
    );
    assert!(again.text(".delib-result").contains("SURE: 3 of 4"));

    // Changing an answer to "yes" makes all four.
    again
        .click("input[name=delib-sure-understand][value=yes]")
        .await;
    let result = again.text(".delib-result");
    assert!(
        result.contains("SURE: 4 of 4") && result.contains("all four"),
        "{result}"
    );
}

#[wasm_bindgen_test]
async fn corrupt_stored_answers_give_an_empty_form() {
    for garbage in [
        "{",
        "null",
        "[1,2]",
        r#"{"version":9,"leaning":"iv-ketamine"}"#,
        r#"{"version":1,"leaning":"nonsense","sure":{"sure":"maybe"}}"#,
    ] {
        let page = open(Some(garbage)).await;
        assert!(page.checked().is_empty(), "{garbage}");
        assert_eq!(page.text(".delib-result"), "", "{garbage}");
    }
}

#[wasm_bindgen_test]
async fn erasing_forgets_the_answers_on_screen() {
    let page = open(Some(
        r#"{"version":1,"leaning":"not-sure","sure":{"sure":false}}"#,
    ))
    .await;
    assert_eq!(page.checked().len(), 2);
    ketamine_guide::browser::announce_erased();
    settle().await;
    assert!(page.checked().is_empty());
}

#[wasm_bindgen_test]
async fn my_summary_shows_the_leaning_and_the_sure_score() {
    let guide = guide();
    let page = mount_with(
        &[(
            KEY,
            r#"{"version":1,"leaning":"keep-current","sure":{"sure":true,"understand":true,"risks":false,"encouragement":true}}"#,
        )],
        move || view! { <MyQuestions guide/> }.into_any(),
    )
    .await;
    let summary = page.text(".myq-summary");
    assert!(summary.contains("Where I am leaning"), "{summary}");
    assert!(summary.contains("Keep my current treatment"), "{summary}");
    assert!(summary.contains("SURE: 3 of 4"), "{summary}");
    assert!(
        summary
            .contains("Not yet: Are you clear about which benefits and risks matter most to you?"),
        "{summary}"
    );
}
