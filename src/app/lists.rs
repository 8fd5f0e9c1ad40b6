//! Lists that some sections show below their text: claim checks, the glossary
//! the references and what changed.

use std::sync::Arc;

use leptos::prelude::*;

use super::steps::list_in_steps;

use super::blocks::Citations;
use super::reader::Reader;
use crate::browser;
use crate::content::citations::{CitationIndex, reference_anchor};
use crate::content::text::human_date;
use crate::content::{
    Change, Claim, GlossaryEntry, Reference, Verdict, VerdictMeaning, WHAT_CHANGED_ID,
};

/// A verdict told by its icon, its word and its colour together (never colour alone).
fn verdict_badge(verdict: Verdict) -> impl IntoView {
    let class = match verdict {
        Verdict::Accurate => "verdict verdict-accurate",
        Verdict::PartlyAccurate => "verdict verdict-partlyaccurate",
        Verdict::Misleading => "verdict verdict-misleading",
        Verdict::Inaccurate => "verdict verdict-inaccurate",
        Verdict::Unproven => "verdict verdict-unproven",
    };
    view! {
        <span class=class>
            <span class="verdict-icon" aria-hidden="true">{verdict.icon()}</span>
            " "
            {verdict.label()}
        </span>
    }
}

#[component]
pub fn ClaimList(claims: Vec<Claim>, meanings: Vec<VerdictMeaning>) -> impl IntoView {
    let items = list_in_steps(claims, 4, |claim: Claim| {
        view! {
            <li class="claim" id=claim.id tabindex="-1">
                <p class="claim-text">
                    <span class="visually-hidden">"Claim: "</span>
                    "“" {claim.claim} "”"
                </p>
                <p class="claim-bottom-line">
                    {verdict_badge(claim.verdict)}
                    " "
                    <strong>{claim.bottom_line}</strong>
                </p>
                <p>{claim.explanation} <Citations keys=claim.cite/></p>
            </li>
        }
    });
    // Each verdict beside what it means, in the content's words and order (the content
    // checks give every verdict one meaning).
    let key = meanings
        .into_iter()
        .map(|entry| {
            view! {
                <li>
                    {verdict_badge(entry.verdict)}
                    " "
                    <span class="verdict-meaning">{entry.meaning}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="verdict-key">
            <p class="verdict-key-heading" id="verdict-key-heading">"Key to the verdicts"</p>
            <ul aria-labelledby="verdict-key-heading">{key}</ul>
        </div>
        <ul class="claims">{items}</ul>
    }
}

#[component]
pub fn GlossaryList(entries: Vec<GlossaryEntry>) -> impl IntoView {
    let items = list_in_steps(entries, 16, |entry: GlossaryEntry| {
        view! {
            <div class="glossary-entry" id=entry.id tabindex="-1">
                <dt>{entry.term}</dt>
                <dd>{entry.definition} <Citations keys=entry.cite/></dd>
            </div>
        }
    });
    view! { <dl class="glossary">{items}</dl> }
}

#[component]
pub fn ReferenceList(references: Vec<Reference>) -> impl IntoView {
    let index = use_context::<Arc<CitationIndex>>().unwrap_or_default();
    let reader = use_context::<Reader>();
    let ordered: Vec<(Option<usize>, Reference)> = index
        .in_order(&references)
        .into_iter()
        .map(|(number, reference)| (number, reference.clone()))
        .collect();
    let items = list_in_steps(ordered, 24, move |(number, reference)| {
        let link = reference.link();
        let key = reference.key.clone();
        // After following a citation here, a link back to exactly where the reader was.
        let back = move || {
            let (_, origin) = reader?
                .came_from
                .get()
                .filter(|(followed, _)| *followed == key)?;
            let href = format!("#{origin}");
            Some(view! {
                " "
                <a
                    class="back-link"
                    href=href
                    on:click=move |ev| {
                        ev.prevent_default();
                        browser::focus_element(&origin);
                    }
                >
                    "Back to the text"
                </a>
            })
        };
        view! {
            <li id=reference_anchor(&reference.key) tabindex="-1" value=number.map(|n| n.to_string())>
                {reference.authors.clone()} ". " <cite>{reference.title.clone()}</cite> ". "
                {reference.source.clone()} ", " {reference.year} "."
                {link.map(|href| {
                    let text = href.clone();
                    view! { " " <a href=href rel="noopener noreferrer" class="ref-link">{text}</a> }
                })}
                {reference.note.clone().map(|note| view! { " " <span class="ref-note">"(" {note} ")"</span> })}
                {back}
            </li>
        }
    });
    view! {
        <h3 id="references">"References"</h3>
        <ol class="references">{items}</ol>
    }
}

/// "What changed": each change with its date and why, newest first.
#[component]
pub fn ChangeList(changes: Vec<Change>) -> impl IntoView {
    let items = changes
        .into_iter()
        .map(|change| {
            let when = human_date(&change.date).unwrap_or_else(|| change.date.clone());
            view! {
                <li class="change">
                    <p>
                        <time class="change-date" datetime=change.date>{when}</time>
                        " "
                        {change.what}
                        <Citations keys=change.cite/>
                    </p>
                    <p class="change-why"><strong>"Why: "</strong>{change.why}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="changes">
            <h3 id=WHAT_CHANGED_ID tabindex="-1">"What changed"</h3>
            <ul class="change-list">{items}</ul>
        </div>
    }
}
