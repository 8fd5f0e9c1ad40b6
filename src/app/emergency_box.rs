//! "Get emergency help now if…": the warning signs that need an ambulance and what to
//! do, in the summary layer of every section about side effects or doses taken outside
//! a clinic, so a reader never has to open "More detail" to find them.

use leptos::prelude::*;

use super::blocks::Citations;
use crate::content::{EmergencyBox, EmergencyKind, Paragraph, emergency_box_id};

fn sourced_items(items: Vec<Paragraph>) -> impl IntoView {
    items
        .into_iter()
        .map(|item| view! { <li>{item.text} <Citations keys=item.cite/></li> })
        .collect_view()
}

#[component]
pub fn EmergencyBoxView(
    emergency: EmergencyBox,
    kind: EmergencyKind,
    section_id: String,
) -> impl IntoView {
    let id = emergency_box_id(&section_id);
    let heading_id = format!("{id}-heading");
    let labelled_by = heading_id.clone();
    let at_home = (kind == EmergencyKind::AtHome).then(|| {
        view! {
            <h4 class="emergency-subheading">{emergency.at_home_heading}</h4>
            <ul class="emergency-rules">{sourced_items(emergency.at_home)}</ul>
        }
    });
    view! {
        <div class="emergency" id=id tabindex="-1" role="group" aria-labelledby=labelled_by>
            <h3 class="emergency-heading" id=heading_id>
                <span class="emergency-icon" aria-hidden="true">"!"</span>
                {emergency.heading}
            </h3>
            <p>{emergency.intro}</p>
            <ul class="emergency-signs">{sourced_items(emergency.signs)}</ul>
            <p class="emergency-action">
                <strong>{emergency.action}</strong>
            </p>
            {at_home}
            <p class="emergency-note">
                {emergency.note.text}
                <Citations keys=emergency.note.cite/>
            </p>
        </div>
    }
}
