//! One expandable section: the WAI-ARIA accordion item. A native button inside a
//! real heading controls a panel that is `hidden` while closed; arrow keys, Home and
//! End move between the section headers.

use std::sync::Arc;

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

use super::MyQuestions;
use super::blocks::{BlockView, ParagraphView};
use super::companion::CompanionSheet;
use super::comparison::ComparisonView;
use super::decision_box::DecisionBoxView;
use super::deliberation::DeliberationView;
use super::emergency_box::EmergencyBoxView;
use super::glossary_term::SectionTerms;
use super::lists::{ChangeList, ClaimList, GlossaryList, ReferenceList};
use super::my_questions::SharedQuestions;
use super::planner::VisitPlanner;
use super::reader::{PanelOpen, Reader};
use super::steps::list_in_steps;
use crate::browser;
use crate::content::{Guide, Section, SectionKind};
use crate::state::accordion::HeaderKey;
use crate::state::comparison::{OPTIONS, ROUTES};

/// "More detail" blocks built per task while the section is closed (see `steps`).
const DETAIL_BLOCKS_PER_TASK: usize = 6;

#[component]
pub fn SectionView(section: Section, guide: Arc<Guide>) -> impl IntoView {
    let reader = expect_context::<Reader>();
    let id = section.id.clone();
    let button_id = format!("{id}-button");
    let panel_id = format!("{id}-panel");
    let is_open = {
        let id = id.clone();
        Memo::new(move |_| reader.is_open(&id) || reader.printing.get())
    };

    let on_keydown = {
        let id = id.clone();
        move |ev: KeyboardEvent| {
            let Some(key) = HeaderKey::from_key(&ev.key()) else {
                return;
            };
            ev.prevent_default();
            let ids = reader.section_ids();
            let current = ids.iter().position(|s| *s == id).unwrap_or(0);
            if let Some(target) = ids.get(key.target(current, ids.len())) {
                browser::focus_element(&format!("{target}-button"));
            }
        }
    };

    if cfg!(target_arch = "wasm32") {
        // The panel's content is built when the section first opens, or in a quiet moment
        // soon after the app starts (see `Reader::build_later`), whichever comes first: so
        // starting costs only the headers, and a section opens as fast as if its content
        // had always been there.
        let built = RwSignal::new(false);
        reader.build_later(built);
        // A component has no owner of its own: a context provided here would be the
        // whole guide's, and the last section's would win. The panel's content gets a
        // scope that knows whether this panel is open.
        let panel_scope = Owner::new();
        panel_scope.with(|| provide_context(PanelOpen(is_open)));
        Effect::new(move |_| {
            if is_open.get() && !built.get_untracked() {
                built.set(true);
            }
        });
        let title = section.title.clone();
        let section_id = section.id.clone();
        let body = move || {
            built
                .get()
                .then(|| panel_scope.with(|| section_body(&section, &guide, reader)))
        };
        view! {
            <section class="guide-section" id=section_id>
                <h2 class="section-heading">
                    <button
                        type="button"
                        class="section-toggle"
                        id=button_id.clone()
                        aria-expanded=move || is_open.get().to_string()
                        aria-controls=panel_id.clone()
                        on:click=move |_| reader.toggle(&id)
                        on:keydown=on_keydown
                    >
                        <span class="section-title">{title}</span>
                        <span class="chevron" aria-hidden="true"></span>
                    </button>
                </h2>
                <div
                    class="section-panel"
                    id=panel_id
                    role="region"
                    aria-labelledby=button_id
                    hidden=move || !is_open.get()
                >
                    {body}
                </div>
            </section>
        }
        .into_any()
    } else {
        // Prerendered for a page that may never run a script: a native disclosure opens
        // without one. The fragment id sits inside it, so following a link to the
        // section (or to anything in it) opens it too. The app replaces this with the
        // accordion above, which looks the same.
        let body = section_body(&section, &guide, reader);
        view! {
            <section class="guide-section">
                <details class="section-disclosure">
                    <summary class="section-toggle" id=button_id>
                        <h2 class="section-heading">
                            <span class="section-title">{section.title}</span>
                        </h2>
                        <span class="chevron" aria-hidden="true"></span>
                    </summary>
                    <div class="section-panel" id=section.id>
                        {body}
                    </div>
                </details>
            </section>
        }
        .into_any()
    }
}

/// "Add to my list" beside a suggested question; once it is on the list, the button
/// says so ("On my list") and adding it again does nothing.
fn add_button(shared: SharedQuestions, question: String, status: RwSignal<String>) -> AnyView {
    let on_list = {
        let question = question.clone();
        move || shared.contains(&question)
    };
    let label = {
        let on_list = on_list.clone();
        move || {
            if on_list() {
                "✓ On my list"
            } else {
                "Add to my list"
            }
        }
    };
    view! {
        <button
            type="button"
            class="button-quiet add-question"
            aria-disabled={
                let on_list = on_list.clone();
                move || on_list().to_string()
            }
            on:click=move |_| status.set(shared.add(&question))
        >
            {label}
        </button>
    }
    .into_any()
}

/// "Back to contents": a link that also moves focus there.
fn back_to_contents() -> impl IntoView {
    view! {
        <p class="back-to-contents">
            <a
                href="#contents"
                on:click=move |ev| {
                    ev.prevent_default();
                    browser::focus_element("contents");
                }
            >
                "Back to contents"
            </a>
        </p>
    }
}

/// What a section's panel holds: its summary, the "More detail" disclosure, its own
/// questions, and the list or tool its kind adds.
fn section_body(section: &Section, guide: &Arc<Guide>, reader: Reader) -> AnyView {
    let terms = SectionTerms::new(&section.id);
    let summary = section
        .summary
        .iter()
        .cloned()
        .map(|paragraph| view! { <ParagraphView paragraph terms=terms.clone()/> })
        .collect_view();
    let decision = section.decision.clone().map(|decision| {
        view! { <DecisionBoxView decision section_id=section.id.clone() terms=terms.clone()/> }
    });
    let emergency = section
        .emergency
        .zip(guide.emergency.clone())
        .map(|(kind, emergency)| {
            view! { <EmergencyBoxView emergency kind section_id=section.id.clone()/> }
        });
    let detail = (!section.detail.is_empty()).then(|| {
        // Not Send (it keeps which terms this section has marked): kept in the arena.
        let terms = StoredValue::new_local(terms.clone());
        let blocks = list_in_steps(
            section.detail.clone(),
            DETAIL_BLOCKS_PER_TASK,
            move |block| {
                view! { <BlockView block terms=terms.get_value()/> }
            },
        );
        // The reader's own choice, so printing (which opens everything) can restore it.
        let chosen_open = RwSignal::new(false);
        // "Expand all" opens every "More detail" too; "Collapse all" closes them.
        Effect::new(move |_| {
            if let Some(open) = reader.all_detail.get() {
                chosen_open.set(open);
            }
        });
        view! {
            <details
                class="more"
                prop:open=move || chosen_open.get() || reader.printing.get()
                on:toggle=move |ev| {
                    if !reader.printing.get_untracked() {
                        chosen_open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open());
                    }
                }
            >
                <summary>"More detail"</summary>
                <div class="more-body">{blocks}</div>
            </details>
        }
    });
    let extra = match section.kind {
        SectionKind::Article | SectionKind::Site => None,
        SectionKind::Claims => Some(
            view! {
                <ClaimList claims=guide.claims.clone() meanings=guide.verdict_meanings.clone()/>
            }
            .into_any(),
        ),
        SectionKind::Comparison => guide
            .comparison
            .clone()
            .map(|comparison| view! { <ComparisonView comparison wording=&ROUTES/> }.into_any()),
        SectionKind::OptionsComparison => guide.options_comparison.clone().map(|comparison| {
            let deliberation = guide.deliberation.clone().map(|content| {
                let summary_link = guide
                    .section_id_of_kind(SectionKind::Questions)
                    .map(|id| format!("#{id}"));
                view! { <DeliberationView content summary_link/> }
            });
            view! { <ComparisonView comparison wording=&OPTIONS/> {deliberation} }.into_any()
        }),
        SectionKind::Questions => Some(view! { <MyQuestions guide=guide.clone()/> }.into_any()),
        SectionKind::Glossary => {
            Some(view! { <GlossaryList entries=guide.glossary.clone()/> }.into_any())
        }
        SectionKind::About => Some(
            view! {
                {(!guide.changes.is_empty()).then(|| view! { <ChangeList changes=guide.changes.clone()/> })}
                <ReferenceList references=guide.references.clone()/>
            }
            .into_any(),
        ),
        SectionKind::Planner => guide
            .planner
            .clone()
            .map(|planner| view! { <VisitPlanner planner/> }.into_any()),
        SectionKind::Companion => guide.companion.clone().map(|companion| {
            let emergency = guide.emergency.clone();
            let title = section.title.clone();
            view! { <CompanionSheet companion emergency title/> }.into_any()
        }),
    };
    let own_questions = (!section.questions.is_empty() && section.kind != SectionKind::Questions)
        .then(|| {
            let shared = use_context::<SharedQuestions>();
            let status = RwSignal::new(String::new());
            let items = section
                .questions
                .iter()
                .cloned()
                .map(|question| {
                    let add = shared.map(|shared| add_button(shared, question.clone(), status));
                    view! { <li><span class="ask-text">{question}</span> {add}</li> }
                })
                .collect_view();
            view! {
                <div class="ask">
                    <h3>"Questions you could ask"</h3>
                    <ul>{items}</ul>
                    <p class="visually-hidden" role="status">{move || status.get()}</p>
                </div>
            }
        });

    view! {
        <div class="summary">{decision} {summary} {emergency}</div>
        {detail}
        {own_questions}
        {extra}
        {back_to_contents()}
    }
    .into_any()
}
