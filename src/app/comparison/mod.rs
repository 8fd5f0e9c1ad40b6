//! The side-by-side comparison of routes.

use leptos::prelude::*;

use crate::content::Comparison;

#[component]
pub fn ComparisonView(comparison: Comparison) -> impl IntoView {
    view! { <p class="comparison-intro">{comparison.intro}</p> }
}
