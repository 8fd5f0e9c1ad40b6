//! Help to deliberate: "Where am I leaning?" (one native radio group) and the SURE
//! test (four yes/no questions), with a kind next step for every answer that is not
//! yet "yes". Kept on this device; "My summary" shows it, and "Erase everything"
//! removes it. The logic is pure, in `state::deliberation`.

use leptos::prelude::*;

use super::blocks::Citations;
use crate::browser;
use crate::content::Deliberation;
use crate::state::deliberation::{DeliberationChoices, STORAGE_KEY, sure_score};

/// A yes/no pair of radios; `yes` is the value it sets.
fn answer_radio(
    name: String,
    label: &'static str,
    yes: bool,
    checked: impl Fn() -> bool + Send + Sync + 'static,
    on_pick: impl Fn(bool) + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <label class="cmp-choice">
            <input
                type="radio"
                name=name
                value=if yes { "yes" } else { "no" }
                prop:checked=checked
                on:change=move |_| on_pick(yes)
            />
            <span>{label}</span>
        </label>
    }
}

#[component]
pub fn DeliberationView(
    content: Deliberation,
    /// `#id` of the section with "My summary".
    summary_link: Option<String>,
) -> impl IntoView {
    let data = StoredValue::new(content);
    let stored = browser::storage_get(STORAGE_KEY);
    let choices =
        RwSignal::new(data.with_value(|d| DeliberationChoices::from_storage(stored.as_deref(), d)));
    let save_problem = RwSignal::new(false);
    let change = move |edit: &dyn Fn(&mut DeliberationChoices, &Deliberation)| {
        let mut next = choices.get_untracked();
        data.with_value(|d| edit(&mut next, d));
        let saved = if next.is_default() {
            browser::storage_remove(STORAGE_KEY)
        } else {
            browser::storage_set(STORAGE_KEY, &next.to_storage())
        };
        save_problem.set(saved.is_err());
        choices.set(next);
    };
    let erased = window_event_listener(
        leptos::ev::Custom::new("ketamine-guide:erased"),
        move |_: web_sys::CustomEvent| {
            choices.set(DeliberationChoices::default());
            save_problem.set(false);
        },
    );
    on_cleanup(move || erased.remove());

    let leanings = data.with_value(|d| {
        d.leanings
            .iter()
            .map(|choice| {
                let checked_id = choice.id.clone();
                let pick_id = choice.id.clone();
                view! {
                    <label class="cmp-choice">
                        <input
                            type="radio"
                            name="delib-leaning"
                            value=choice.id.clone()
                            prop:checked=move || choices.with(|c| c.leaning.as_deref() == Some(checked_id.as_str()))
                            on:change=move |_| change(&|next, d| {
                                next.set_leaning(d, &pick_id);
                            })
                        />
                        <span>{choice.label.clone()}</span>
                    </label>
                }
            })
            .collect_view()
    });
    let questions = data.with_value(|d| {
        d.sure
            .iter()
            .map(|item| {
                let name = format!("delib-sure-{}", item.id);
                let radios = [(true, "Yes"), (false, "No")]
                    .into_iter()
                    .map(|(yes, label)| {
                        let checked_id = item.id.clone();
                        let pick_id = item.id.clone();
                        answer_radio(
                            name.clone(),
                            label,
                            yes,
                            move || choices.with(|c| c.answer(&checked_id) == Some(yes)),
                            move |yes| {
                                change(&|next, d| {
                                    next.set_sure(d, &pick_id, yes);
                                })
                            },
                        )
                    })
                    .collect_view();
                view! {
                    <fieldset class="cmp-fieldset delib-question" data-item=item.id.clone()>
                        <legend>{item.question.clone()}</legend>
                        <div class="cmp-options">{radios}</div>
                    </fieldset>
                }
            })
            .collect_view()
    });
    let result = move || {
        choices.with(|chosen| {
            data.with_value(|d| {
                let score = sure_score(d, chosen);
                if score.answered == 0 {
                    return None;
                }
                let steps = d
                    .sure
                    .iter()
                    .filter(|item| chosen.answer(&item.id) == Some(false))
                    .map(|item| {
                        let link = item.link.clone().map(|link| {
                            view! { " " <a href=link.href>{link.label}</a> }
                        });
                        view! { <li>{item.next_step.clone()} {link}</li> }
                    })
                    .collect::<Vec<_>>();
                let message = if score.all_yes() {
                    Some(d.sure_all_yes.clone())
                } else if !steps.is_empty() {
                    Some(d.sure_not_yet.clone())
                } else {
                    None
                };
                Some(view! {
                    <p class="delib-score"><strong>{score.text()}</strong></p>
                    {message.map(|m| view! { <p>{m}</p> })}
                    {(!steps.is_empty()).then(|| view! { <ul class="delib-steps">{steps}</ul> })}
                })
            })
        })
    };

    view! {
        <div class="delib">
            <h3>{data.with_value(|d| d.heading.clone())}</h3>
            <p>{data.with_value(|d| d.intro.clone())}</p>
            <fieldset class="cmp-fieldset delib-leaning">
                <legend>{data.with_value(|d| d.leaning_legend.clone())}</legend>
                <div class="cmp-options">{leanings}</div>
            </fieldset>
            <h4 class="delib-sure-heading">{data.with_value(|d| d.sure_heading.clone())}</h4>
            {data.with_value(|d| {
                let intro = d.sure_intro.clone();
                view! { <p>{intro.text} " " <Citations keys=intro.cite/></p> }
            })}
            <div class="delib-questions">{questions}</div>
            <div class="delib-result" aria-live="polite">{result}</div>
            <p class="cmp-hint">
                "Your answers stay on this device. "
                {summary_link.map(|href| view! {
                    "They are added to “My summary” in "
                    <a href=href>"Questions to ask"</a>
                    ", which you can print or copy for your clinician."
                })}
            </p>
            <div role="status">
                {move || save_problem.get().then(|| view! {
                    <p class="notice notice-info">"Your answers could not be saved on this device."</p>
                })}
            </div>
        </div>
    }
}
