//! One expandable section (the WAI-ARIA accordion item): a native button inside a
//! real heading controls a panel that is `hidden` while closed.

use std::sync::Arc;

use leptos::prelude::*;

use super::blocks::{BlockView, ParagraphView};
use super::comparison::ComparisonView;
use super::lists::{ClaimList, GlossaryList, QuestionList, ReferenceList};
use crate::content::{Guide, Section, SectionKind};

#[component]
pub fn SectionView(section: Section, guide: Arc<Guide>) -> impl IntoView {
    let open = RwSignal::new(false);
    let button_id = format!("{}-button", section.id);
    let panel_id = format!("{}-panel", section.id);

    let summary = section
        .summary
        .into_iter()
        .map(|paragraph| view! { <ParagraphView paragraph/> })
        .collect_view();
    let detail = (!section.detail.is_empty()).then(|| {
        let blocks = section
            .detail
            .into_iter()
            .map(|block| view! { <BlockView block/> })
            .collect_view();
        view! {
            <details class="more">
                <summary>"More detail"</summary>
                <div class="more-body">{blocks}</div>
            </details>
        }
    });
    let extra = match section.kind {
        SectionKind::Article => None,
        SectionKind::Claims => Some(view! { <ClaimList claims=guide.claims.clone()/> }.into_any()),
        SectionKind::Comparison => guide
            .comparison
            .clone()
            .map(|comparison| view! { <ComparisonView comparison/> }.into_any()),
        SectionKind::Questions => Some(view! { <QuestionList guide=guide.clone()/> }.into_any()),
        SectionKind::Glossary => {
            Some(view! { <GlossaryList entries=guide.glossary.clone()/> }.into_any())
        }
        SectionKind::About => {
            Some(view! { <ReferenceList references=guide.references.clone()/> }.into_any())
        }
    };
    let own_questions = (!section.questions.is_empty() && section.kind != SectionKind::Questions)
        .then(|| {
            let items = section
                .questions
                .into_iter()
                .map(|question| view! { <li>{question}</li> })
                .collect_view();
            view! {
                <div class="ask">
                    <h3>"Questions you could ask"</h3>
                    <ul>{items}</ul>
                </div>
            }
        });

    view! {
        <section class="guide-section" id=section.id.clone()>
            <h2 class="section-heading">
                <button
                    type="button"
                    class="section-toggle"
                    id=button_id.clone()
                    aria-expanded=move || open.get().to_string()
                    aria-controls=panel_id.clone()
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    <span class="section-title">{section.title}</span>
                    <span class="chevron" aria-hidden="true"></span>
                </button>
            </h2>
            <div
                class="section-panel"
                id=panel_id
                role="region"
                aria-labelledby=button_id
                hidden=move || !open.get()
            >
                <div class="summary">{summary}</div>
                {detail}
                {own_questions}
                {extra}
            </div>
        </section>
    }
}
