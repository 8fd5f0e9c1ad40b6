//! The loading and failure states.

use leptos::prelude::*;

use crate::loader::LoadError;

#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="notice notice-loading" role="status">
            "Loading the guide…"
        </p>
    }
}

/// Says what went wrong in plain words, offers a retry, and keeps the technical
/// detail one click away for whoever hosts the guide.
#[component]
pub fn LoadFailed(error: LoadError, on_retry: impl Fn() + 'static) -> impl IntoView {
    view! {
        <div class="notice notice-error" role="alert">
            <h2>{error.headline()}</h2>
            <p>{error.advice()}</p>
            <RetryAndDetail error on_retry/>
        </div>
    }
}

/// On the prerendered page, when the content cannot load: every section can still be
/// read, so this says what does not work (the parts that need the app), and offers a retry.
#[component]
pub fn StartFailed(error: LoadError, on_retry: impl Fn() + 'static) -> impl IntoView {
    view! {
        <div class="notice notice-info" role="status">
            <p>
                <strong>"Search, the comparison choices and your question list are not working."</strong>
                " You can still read every section below. "
                {error.advice_for_app()}
            </p>
            <RetryAndDetail error on_retry/>
        </div>
    }
}

/// The end of both failure notices: a retry, and the technical detail one click away.
#[component]
fn RetryAndDetail(error: LoadError, on_retry: impl Fn() + 'static) -> impl IntoView {
    view! {
        <button type="button" class="button" on:click=move |_| on_retry()>
            "Try again"
        </button>
        <details class="technical">
            <summary>"Technical details (for the site's host)"</summary>
            <pre>{error.technical_detail()}</pre>
        </details>
    }
}
