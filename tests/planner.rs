//! The visit planner and the handout in headless Chromium (wasm-bindgen-test): their
//! inputs round-trip through localStorage, corrupt stored data gives empty fields, and
//! "Erase everything" empties them.
#![cfg(target_arch = "wasm32")]

use ketamine_guide::app::{CompanionSheet, VisitPlanner};
use ketamine_guide::content::{Guide, parse_guide};
use ketamine_guide::state::planner::{HANDOUT_KEY, HandoutFields, PLANNER_KEY, PlannerInputs};
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::{GUIDE_JSON, Mounted, mount_with, settle, storage};

fn guide() -> Guide {
    parse_guide(GUIDE_JSON).expect("shipped content is valid")
}

/// Mounts the planner and the handout, with localStorage as given.
async fn open(stored: &[(&str, &str)]) -> Mounted {
    let guide = guide();
    let planner = guide.planner.clone().unwrap();
    let companion = guide.companion.clone().unwrap();
    let emergency = guide.emergency.clone();
    mount_with(stored, move || {
        view! {
            <VisitPlanner planner/>
            <CompanionSheet companion emergency title="For the person who comes with you".to_owned()/>
        }
        .into_any()
    })
    .await
}

fn stored_planner() -> PlannerInputs {
    PlannerInputs::from_storage(storage().get_item(PLANNER_KEY).unwrap().as_deref())
}

#[wasm_bindgen_test]
async fn planner_inputs_round_trip_through_storage() {
    let page = open(&[]).await;
    assert!(page.all(".plan-list > li").is_empty());
    page.type_into("#plan-start", "2026-12-07").await;
    assert_eq!(page.all(".plan-list > li").len(), 12, "the label schedule");
    page.type_into("#cost-price", "$850").await;
    let stored = stored_planner();
    assert_eq!(stored.start, "2026-12-07");
    assert_eq!(stored.price, "$850");

    // What was stored comes back after a reload, bad input included.
    let mut inputs = stored.clone();
    inputs.schedule = "own".into();
    inputs.per_week = "50".into();
    inputs.weeks = "4".into();
    let page = open(&[(PLANNER_KEY, &inputs.to_storage())]).await;
    assert_eq!(page.input("#plan-start").value(), "2026-12-07");
    assert_eq!(page.input("#plan-per-week").value(), "50");
    assert_eq!(page.input("#cost-price").value(), "$850");
    assert_eq!(
        page.input("#plan-per-week")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    assert!(page.all(".plan-list > li").is_empty(), "no broken list");
    page.type_into("#plan-per-week", "2").await;
    assert_eq!(page.all(".plan-list > li").len(), 8);
    assert_eq!(stored_planner().per_week, "2");
}

#[wasm_bindgen_test]
async fn corrupt_stored_data_gives_empty_fields() {
    let page = open(&[(PLANNER_KEY, "{not json"), (HANDOUT_KEY, "[1,2]")]).await;
    assert_eq!(page.input("#plan-start").value(), "");
    assert_eq!(page.input("#companion-phone").value(), "");
    assert!(page.all(".plan-list > li").is_empty());
}

#[wasm_bindgen_test]
async fn handout_fields_round_trip_and_erase_empties_everything() {
    let fields = HandoutFields {
        clinic_phone: "555 0100".into(),
        next_session: "Thursday".into(),
    };
    let inputs = PlannerInputs {
        start: "2026-12-07".into(),
        ..Default::default()
    };
    let page = open(&[
        (HANDOUT_KEY, &fields.to_storage()),
        (PLANNER_KEY, &inputs.to_storage()),
    ])
    .await;
    assert_eq!(page.input("#companion-phone").value(), "555 0100");
    assert_eq!(page.input("#companion-next").value(), "Thursday");
    page.type_into("#companion-phone", "555 0199").await;
    let stored = HandoutFields::from_storage(storage().get_item(HANDOUT_KEY).unwrap().as_deref());
    assert_eq!(stored.clinic_phone, "555 0199");

    // "Erase everything" (My questions) removes the keys, then announces it.
    storage().clear().unwrap();
    let erased = web_sys::Event::new("ketamine-guide:erased").unwrap();
    web_sys::window().unwrap().dispatch_event(&erased).unwrap();
    settle().await;
    assert_eq!(page.input("#companion-phone").value(), "");
    assert_eq!(page.input("#plan-start").value(), "");
    assert!(page.all(".plan-list > li").is_empty());
    assert_eq!(
        storage().get_item(PLANNER_KEY).unwrap(),
        None,
        "nothing saved again"
    );
    assert_eq!(storage().get_item(HANDOUT_KEY).unwrap(), None);
}
