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

/// The 100 people as SVG markup: numbers, fixed class names and the shapes' ids (made
/// of the array's validated id), never content text, so it is safe to set as markup.
/// One string is much lighter to build than 100 views, for the wasm and on a slow phone.
fn marks_markup(halves: u16, shape: &str, half: &str) -> String {
    let mut out = String::with_capacity(100 * 48);
    for person in people(halves) {
        let (x, y) = (person.x, person.y);
        if person.mark == Mark::Half {
            out.push_str(&format!(
                "<g transform=\"translate({x} {y})\"><use href=\"#{shape}\" class=\"{}\"/>\
                 <use href=\"#{half}\" class=\"{}\"/></g>",
                Mark::Empty.class(),
                Mark::Full.class()
            ));
        } else {
            out.push_str(&format!(
                "<use href=\"#{shape}\" x=\"{x}\" y=\"{y}\" class=\"{}\"/>",
                person.mark.class()
            ));
        }
    }
    out
}

/// One group's picture. `key` makes the shapes' ids unique on the page.
fn picture(key: String, halves: u16, label: String) -> impl IntoView {
    let shape = format!("{key}-p");
    let half = format!("{key}-h");
    // The half-filled figure is the left half of the same person, drawn as its own
    // shape (a clip's rectangle gets wrapped in a group, which SVG does not allow).
    let markup = format!(
        "<defs><g id=\"{shape}\"><circle cx=\"5\" cy=\"2.6\" r=\"2.2\"/>\
         <path d=\"M1.6 11.4V8.8a3.4 3.4 0 0 1 6.8 0v2.6z\"/></g>\
         <g id=\"{half}\"><path d=\"M5 0.4A2.2 2.2 0 0 0 5 4.8z\"/>\
         <path d=\"M1.6 11.4V8.8A3.4 3.4 0 0 1 5 5.4V11.4z\"/></g></defs>{}",
        marks_markup(halves, &shape, &half)
    );
    view! {
        <svg class="ia-svg" viewBox="0 0 100 120" role="img" aria-label=label inner_html=markup></svg>
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
