//! "For the person who comes with you": a handout that prints on one page, with what
//! is normal after a session, when to get help, the driving rules, and two blank
//! lines the reader can fill in (kept on this device only).

use leptos::prelude::*;

use super::blocks::Citations;
use crate::browser;
use crate::content::{Companion, EmergencyBox, Paragraph};
use crate::state::planner::{HANDOUT_KEY, HandoutFields};

/// While `<html>` has this class, only the handout prints (see `guide.css`).
const PRINT_CLASS: &str = "companion-printing";

fn items(paragraphs: Vec<Paragraph>) -> impl IntoView {
    paragraphs
        .into_iter()
        .map(|p| view! { <li>{p.text} <Citations keys=p.cite/></li> })
        .collect_view()
}

/// One of the handout's blank lines, filled in on screen and kept on this device.
#[component]
fn HandoutField(
    id: &'static str,
    label: &'static str,
    /// The keyboard a phone shows: "tel" for a phone number.
    input_mode: &'static str,
    value: Signal<String>,
    on_change: impl Fn(String) + 'static,
) -> impl IntoView {
    view! {
        <div class="companion-field">
            <label for=id>{label}</label>
            <input
                type="text"
                id=id
                autocomplete="off"
                inputmode=input_mode
                prop:value=value
                on:input=move |ev| on_change(event_target_value(&ev))
            />
        </div>
    }
}

#[component]
pub fn CompanionSheet(
    companion: Companion,
    emergency: Option<EmergencyBox>,
    title: String,
) -> impl IntoView {
    let fields = RwSignal::new(HandoutFields::from_storage(
        browser::storage_get(HANDOUT_KEY).as_deref(),
    ));
    let status = RwSignal::new(String::new());
    let address = browser::page_address();

    let erased = window_event_listener(
        leptos::ev::Custom::new("ketamine-guide:erased"),
        move |_: web_sys::CustomEvent| {
            fields.set(HandoutFields::default());
            status.set(String::new());
        },
    );
    let after_print = window_event_listener(leptos::ev::afterprint, |_| {
        browser::set_root_class(PRINT_CLASS, false)
    });
    on_cleanup(move || {
        erased.remove();
        after_print.remove();
        browser::set_root_class(PRINT_CLASS, false);
    });

    let save = move |change: fn(&mut HandoutFields, String), value: String| {
        fields.update(|f| change(f, value));
        let saved = fields.with_untracked(|f| {
            if f.is_empty() {
                browser::storage_remove(HANDOUT_KEY)
            } else {
                browser::storage_set(HANDOUT_KEY, &f.to_storage())
            }
        });
        status.set(if saved.is_err() {
            "This could not be saved on this device, so it will be gone after a reload.".to_owned()
        } else {
            String::new()
        });
    };
    let print = move |_| match browser::print_with_class(PRINT_CLASS) {
        Ok(()) => status.set(String::new()),
        Err(_) => status.set("This browser could not open printing here.".to_owned()),
    };

    let help = emergency.map(|e| {
        view! {
            <h3>{e.heading}</h3>
            // The signs finish this sentence ("…you or the person you are with:").
            <p>{e.intro}</p>
            <ul class="companion-signs">{items(e.signs)}</ul>
            <p class="companion-action"><strong>{e.action}</strong></p>
        }
    });

    view! {
        <div class="companion-sheet" id="companion-sheet">
            <p class="companion-title">{title}</p>
            <p>{companion.intro.text} <Citations keys=companion.intro.cite/></p>
            <h3>{companion.normal_heading}</h3>
            <ul>{items(companion.normal)}</ul>
            {help}
            <ul class="companion-more">{items(companion.more_help)}</ul>
            <h3>{companion.driving_heading}</h3>
            <ul>{items(companion.driving)}</ul>
            <div class="companion-fields">
                <HandoutField
                    id="companion-phone"
                    label="The clinic’s phone number"
                    input_mode="tel"
                    value=Signal::derive(move || fields.with(|f| f.clinic_phone.clone()))
                    on_change=move |text| save(|f, v| f.clinic_phone = v, text)
                />
                <HandoutField
                    id="companion-next"
                    label="The next session"
                    input_mode="text"
                    value=Signal::derive(move || fields.with(|f| f.next_session.clone()))
                    on_change=move |text| save(|f, v| f.next_session = v, text)
                />
            </div>
            {address.map(|address| view! {
                <p class="companion-address">"This guide: " <span>{address}</span></p>
            })}
            <div class="companion-actions">
                <p class="companion-privacy">
                    "What you write on these lines stays in this browser on this device."
                </p>
                <button type="button" class="button" on:click=print>"Print this page"</button>
                <p class="plan-status" role="status">{move || status.get()}</p>
            </div>
        </div>
    }
}
