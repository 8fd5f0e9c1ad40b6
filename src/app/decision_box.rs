//! "The decision you face": what the decision is, who makes it, that there is time,
//! and that every option has benefits and harms. A box at the top of a section's
//! summary, from the content.

use leptos::prelude::*;

use super::blocks::SourcedText;
use super::glossary_term::SectionTerms;
use crate::content::DecisionBox;

#[component]
pub fn DecisionBoxView(
    decision: DecisionBox,
    section_id: String,
    terms: SectionTerms,
) -> impl IntoView {
    let heading_id = format!("{section_id}-decision");
    let points = decision
        .points
        .into_iter()
        .map(|p| view! { <li><SourcedText text=p.text cite=p.cite terms=terms.clone()/></li> })
        .collect_view();
    let labelled_by = heading_id.clone();
    view! {
        <div class="decision" role="group" aria-labelledby=labelled_by>
            <h3 class="decision-heading" id=heading_id>{decision.heading}</h3>
            <ul class="decision-points">{points}</ul>
        </div>
    }
}
