//! A result drawn as 100 people, one picture per group, side by side. One person shape
//! is drawn once per picture and repeated by a pattern; filled, half-filled and outlined
//! people differ in shape, not in colour alone. Each picture is an image named by its
//! numbers in both framings, which are also written beside it.

use leptos::prelude::*;

use super::blocks::SourcedText;
use super::glossary_term::SectionTerms;
use crate::content::IconArray;
use crate::content::icons::halves;
use crate::state::icon_array::{Block, CELL_HEIGHT, CELL_WIDTH, Mark, blocks, framing};

/// The 100 people as SVG markup: numbers, fixed class names and the shapes' ids (made
/// of the array's validated id), never content text, so it is safe to set as markup.
/// Each block of alike people is one rectangle painted with a pattern of that figure:
/// a handful of elements instead of 100, for the wasm and for a slow phone's parser.
fn blocks_markup(halves: u16, key: &str) -> String {
    let mut out = String::with_capacity(5 * 80);
    for block in blocks(halves) {
        let Block {
            x,
            y,
            width,
            height,
            mark,
        } = block;
        if mark == Mark::Half {
            out.push_str(&format!(
                "<g transform=\"translate({x} {y})\"><use href=\"#{key}-p\" class=\"{}\"/>\
                 <use href=\"#{key}-h\" class=\"{}\"/></g>",
                Mark::Empty.class(),
                Mark::Full.class()
            ));
        } else {
            out.push_str(&format!(
                "<rect x=\"{x}\" y=\"{y}\" width=\"{width}\" height=\"{height}\" fill=\"url(#{key}-{})\"/>",
                mark.class()
            ));
        }
    }
    out
}

/// One group's picture. `key` makes the shapes' ids unique on the page.
fn picture(key: String, halves: u16, label: String) -> impl IntoView {
    // The half-filled figure is the left half of the same person, drawn as its own
    // shape (a clip's rectangle gets wrapped in a group, which SVG does not allow). A
    // pattern's figure takes its colour from the picture, as the figures did.
    let pattern = |mark: Mark| {
        format!(
            "<pattern id=\"{key}-{class}\" width=\"{CELL_WIDTH}\" height=\"{CELL_HEIGHT}\" \
             patternUnits=\"userSpaceOnUse\"><use href=\"#{key}-p\" class=\"{class}\"/></pattern>",
            class = mark.class()
        )
    };
    let markup = format!(
        "<defs><g id=\"{key}-p\"><circle cx=\"5\" cy=\"2.6\" r=\"2.2\"/>\
         <path d=\"M1.6 11.4V8.8a3.4 3.4 0 0 1 6.8 0v2.6z\"/></g>\
         <g id=\"{key}-h\"><path d=\"M5 0.4A2.2 2.2 0 0 0 5 4.8z\"/>\
         <path d=\"M1.6 11.4V8.8A3.4 3.4 0 0 1 5 5.4V11.4z\"/></g>{}{}</defs>{}",
        pattern(Mark::Full),
        pattern(Mark::Empty),
        blocks_markup(halves, &key)
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
