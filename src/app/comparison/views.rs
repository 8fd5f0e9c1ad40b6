//! The three layouts of the comparison: a table, by question and by route. Each is a
//! plain function of what to show; the reactive choices live in `mod.rs`.

use leptos::prelude::*;

use super::super::blocks::SourcedText;
use super::super::glossary_term::SectionTerms;
use crate::content::{Cell, Certainty, ComparisonRow, Route};
use crate::state::comparison::Wording;

/// A row as the reader sees it: the row, its topic's label, and the labels of the
/// reader's concerns it bears on (empty when it is not marked).
#[derive(Debug, Clone, PartialEq)]
pub struct ShownRow {
    pub row: ComparisonRow,
    pub topic: String,
    pub marks: Vec<String>,
}

impl ShownRow {
    pub fn marked(&self) -> bool {
        !self.marks.is_empty()
    }

    fn class(&self, base: &str) -> String {
        if self.marked() {
            format!("{base} cmp-marked")
        } else {
            base.to_owned()
        }
    }
}

fn certainty_slug(certainty: Certainty) -> &'static str {
    match certainty {
        Certainty::WellStudied => "well-studied",
        Certainty::SomeEvidence => "some-evidence",
        Certainty::LittleEvidence => "little-evidence",
        Certainty::NotKnown => "not-known",
        Certainty::Official => "official",
        Certainty::Price => "price",
    }
}

/// One answer: the text with its glossary terms marked and its citations, then how
/// certain it is, in words.
///
/// Each answer explains its own terms (a reader reads one cell, not the whole row), so
/// every answer gets its own set of marked terms. Their ids name the comparison, the
/// `layout` ("t" table, "q" by question, "r" by route), the row and the column: while
/// the page prints, the table is built beside the card layout on screen, and both may
/// mark the same term in the same answer.
fn answer(
    cell: Option<&Cell>,
    w: &'static Wording,
    layout: &str,
    row: &str,
    route: &str,
) -> AnyView {
    match cell {
        Some(cell) => {
            let badge = format!("cmp-badge cmp-badge-{}", certainty_slug(cell.certainty));
            let terms = SectionTerms::new(&format!("{}-{layout}-{row}-{route}", w.terms_scope));
            // The same component as the sections' text, so it costs the wasm no new code
            // (and a rule that has ended is noted here as everywhere else).
            view! {
                <p class="cmp-answer">
                    <SourcedText text=cell.answer.clone() cite=cell.cite.clone() terms/>
                </p>
                <p class="cmp-certainty">
                    <span class="cmp-certainty-key">"Certainty: "</span>
                    <span class=badge>{cell.certainty_label()}</span>
                </p>
            }
            .into_any()
        }
        None => view! { <p class="cmp-answer">{w.no_answer}</p> }.into_any(),
    }
}

/// "Matters to you: Needles, At-home use", in words, not colour alone.
fn marker(marks: &[String]) -> Option<impl IntoView + use<>> {
    (!marks.is_empty()).then(|| {
        let which = marks.join(", ");
        view! {
            <span class="cmp-marker">
                <span class="cmp-marker-icon" aria-hidden="true">"★"</span>
                " Matters to you: "
                {which}
            </span>
        }
    })
}

fn topic(label: &str) -> impl IntoView + use<> {
    view! {
        <span class="cmp-topic">
            <span class="visually-hidden">"Topic: "</span>
            {label.to_owned()}
        </span>
    }
}

fn no_rows() -> impl IntoView {
    view! { <p class="cmp-empty">"No questions to show: choose at least one topic above."</p> }
}

/// What a row shows: the row, the reader's marks on it and the routes across. Keyed by
/// this, a filter rebuilds only the rows whose marks changed (or adds and removes rows),
/// instead of the whole comparison.
type RowKey = (String, Vec<String>, Vec<String>);

fn row_key(shown: &ShownRow, routes: &[Route]) -> RowKey {
    (
        shown.row.id.clone(),
        shown.marks.clone(),
        routes.iter().map(|route| route.id.clone()).collect(),
    )
}

/// Each shown row with the routes it is shown for, for a keyed `For`.
fn rows_with_routes(
    routes: Memo<Vec<Route>>,
    rows: Memo<Vec<ShownRow>>,
) -> impl Fn() -> Vec<(ShownRow, Vec<Route>)> + Copy {
    move || {
        let routes = routes.get();
        rows.get()
            .into_iter()
            .map(|shown| (shown, routes.clone()))
            .collect()
    }
}

/// Questions down the side, routes across the top.
pub fn table(
    caption: String,
    routes: Memo<Vec<Route>>,
    rows: Memo<Vec<ShownRow>>,
    w: &'static Wording,
) -> impl IntoView {
    let heads = move || {
        routes
            .get()
            .into_iter()
            .map(|route| view! { <th scope="col">{route.name}</th> })
            .collect_view()
    };
    let table_row = move |(shown, routes): (ShownRow, Vec<Route>)| {
        let cells = routes
            .iter()
            .map(|route| {
                let cell = shown.row.cells.get(&route.id);
                view! { <td>{answer(cell, w, "t", &shown.row.id, &route.id)}</td> }
            })
            .collect_view();
        view! {
            <tr class=shown.class("cmp-row") data-row=shown.row.id.clone()>
                <th scope="row">
                    <span class="cmp-question">{shown.row.question.clone()}</span>
                    {topic(&shown.topic)}
                    {marker(&shown.marks)}
                </th>
                {cells}
            </tr>
        }
    };
    view! {
        <table class="cmp-table">
            <caption id=w.caption_id>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">"Question"</th>
                    {heads}
                </tr>
            </thead>
            <tbody>
                <For
                    each=rows_with_routes(routes, rows)
                    key=|(shown, routes)| row_key(shown, routes)
                    children=table_row
                />
            </tbody>
        </table>
        {move || rows.with(Vec::is_empty).then(no_rows)}
    }
}

/// One card per question, with a labelled answer for each route shown.
pub fn by_question(
    routes: Memo<Vec<Route>>,
    rows: Memo<Vec<ShownRow>>,
    w: &'static Wording,
) -> impl IntoView {
    let card = move |(shown, routes): (ShownRow, Vec<Route>)| {
        let answers = routes
            .iter()
            .map(|route| {
                view! {
                    <div class="cmp-labelled">
                        <dt>{route.short_name.clone()}</dt>
                        <dd>
                            {answer(
                                shown.row.cells.get(&route.id),
                                w,
                                "q",
                                &shown.row.id,
                                &route.id,
                            )}
                        </dd>
                    </div>
                }
            })
            .collect_view();
        view! {
            <li class=shown.class("cmp-card") data-row=shown.row.id.clone()>
                <h4 class="cmp-card-question">{shown.row.question.clone()}</h4>
                <p class="cmp-card-meta">{topic(&shown.topic)} {marker(&shown.marks)}</p>
                <dl class="cmp-answers">{answers}</dl>
            </li>
        }
    };
    view! {
        <ul class="cmp-cards" aria-label="Questions">
            <For
                each=rows_with_routes(routes, rows)
                key=|(shown, routes)| row_key(shown, routes)
                children=card
            />
        </ul>
        {move || rows.with(Vec::is_empty).then(no_rows)}
    }
}

/// One route with all its answers, and the questions a reader might ask about it.
pub fn by_route(route: Route, rows: Vec<ShownRow>, w: &'static Wording) -> impl IntoView {
    let answers = rows
        .iter()
        .map(|shown| {
            view! {
                <li class=shown.class("cmp-card") data-row=shown.row.id.clone()>
                    <h5 class="cmp-card-question">{shown.row.question.clone()}</h5>
                    <p class="cmp-card-meta">{topic(&shown.topic)} {marker(&shown.marks)}</p>
                    {answer(
                        shown.row.cells.get(&route.id),
                        w,
                        "r",
                        &shown.row.id,
                        &route.id,
                    )}
                </li>
            }
        })
        .collect_view();
    let questions = (!route.questions.is_empty()).then(|| {
        let items = route
            .questions
            .iter()
            .map(|question| view! { <li>{question.clone()}</li> })
            .collect_view();
        view! {
            <div class="cmp-route-questions">
                <h5>{w.column_questions}</h5>
                <ul>{items}</ul>
            </div>
        }
    });
    view! {
        <div class="cmp-route" data-route=route.id.clone()>
            <h4 class="cmp-route-name">{route.name.clone()}</h4>
            <p class="cmp-route-description">{route.description.clone()}</p>
            <ul class="cmp-cards" aria-label="Answers">{answers}</ul>
            {rows.is_empty().then(no_rows)}
            {questions}
        </div>
    }
}
