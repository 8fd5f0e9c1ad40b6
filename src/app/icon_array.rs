//! A result drawn as 100 people, one picture per group, side by side. One person shape
//! is drawn once per picture and reused with `<use>`; filled, half-filled and outlined
//! people differ in shape, not in colour alone. Each picture is an image named by its
//! numbers in both framings, which are also written beside it.

use leptos::prelude::*;

use super::blocks::SourcedText;
use super::glossary_term::SectionTerms;
use crate::content::IconArray;
use crate::content::icons::halves;
use crate::state::icon_array::{Mark, framing, people};

/// One group's picture. `key` makes the shape's id unique on the page.
fn picture(key: String, halves: u16, label: String) -> impl IntoView {
    let shape = format!("{key}-p");
    let half = format!("{key}-h");
    let href = format!("#{shape}");
    let half_href = format!("#{half}");
    let marks = people(halves)
        .into_iter()
        .map(|person| {
            let (x, y) = (person.x.to_string(), person.y.to_string());
            match person.mark {
                Mark::Half => view! {
                    <g transform=format!("translate({x} {y})")>
                        <use href=href.clone() class=Mark::Empty.class()></use>
                        <use href=half_href.clone() class=Mark::Full.class()></use>
                    </g>
                }
                .into_any(),
                mark => {
                    view! { <use href=href.clone() x=x y=y class=mark.class()></use> }.into_any()
                }
            }
        })
        .collect_view();
    view! {
        <svg class="ia-svg" viewBox="0 0 100 120" role="img" aria-label=label>
            <defs>
                <g id=shape>
                    <circle cx="5" cy="2.6" r="2.2"></circle>
                    <path d="M1.6 11.4V8.8a3.4 3.4 0 0 1 6.8 0v2.6z"></path>
                </g>
                // The left half of the same person, for a half-filled figure (a path,
                // not a clip: Leptos would wrap a clip's child in a group, which SVG
                // does not allow there).
                <g id=half>
                    <path d="M5 0.4A2.2 2.2 0 0 0 5 4.8z"></path>
                    <path d="M1.6 11.4V8.8A3.4 3.4 0 0 1 5 5.4V11.4z"></path>
                </g>
            </defs>
            {marks}
        </svg>
    }
}

#[component]
pub fn IconArrayView(array: IconArray, terms: SectionTerms) -> impl IntoView {
    let has_half = array
        .groups
        .iter()
        .any(|g| halves(g.value).is_some_and(|h| h % 2 == 1));
    let groups = array
        .groups
        .iter()
        .enumerate()
        .filter_map(|(i, group)| {
            let marked = halves(group.value)?;
            let words = framing(group)?;
            let key = format!("{}-{i}", array.id);
            Some(view! {
                <div class="ia-group">
                    <p class="ia-label">{group.label.clone()}</p>
                    {picture(key, marked, words.clone())}
                    <p class="ia-framing" aria-hidden="true">{words}</p>
                </div>
            })
        })
        .collect_view();
    view! {
        <figure class="ia" id=array.id.clone()>
            <figcaption class="ia-title">{array.title.clone()}</figcaption>
            <p class="ia-key">
                "Each figure is one person out of 100. A filled figure had the result; an outlined figure did not."
                {has_half.then_some(" A half-filled figure is half a person.")}
            </p>
            <div class="ia-groups">{groups}</div>
            <p class="ia-text"><SourcedText text=array.text cite=array.cite terms/></p>
        </figure>
    }
}
