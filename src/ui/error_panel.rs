use leptos::prelude::*;

/// Shown instead of the map when a story cannot be drawn: every problem, one per line, so an
/// editor can fix them all in one go.
#[component]
pub fn ErrorPanel(problems: Vec<String>) -> impl IntoView {
    let n = problems.len();
    let heading = if n == 1 {
        "This map could not be drawn: its story has 1 problem.".to_string()
    } else {
        format!("This map could not be drawn: its story has {n} problems.")
    };
    let items = problems.into_iter().map(|p| view! { <li><code>{p}</code></li> }).collect_view();
    view! {
        <div class="tripmap tripmap--error" role="alert">
            <p class="tripmap__error-title">{heading}</p>
            <ul class="tripmap__errors">{items}</ul>
        </div>
    }
}
