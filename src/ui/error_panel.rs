use crate::i18n::{fill, is_rtl, Strings};
use leptos::prelude::*;

/// Shown instead of the map when a story cannot be drawn: every problem, one per line, so an
/// editor can fix them all in one go. The heading is in the page's language (`lang`); the
/// problems name JSON paths and stay in English, like the `tripmap check` command.
#[component]
pub fn ErrorPanel(problems: Vec<String>, lang: String) -> impl IntoView {
    let t = Strings::for_lang(&lang);
    let n = problems.len();
    let heading = fill(t.error_title, &[("count", &t.problem_count(n, &n.to_string()))]);
    let dir = if is_rtl(t.lang) { "rtl" } else { "ltr" };
    let items = problems.into_iter().map(|p| view! { <li><code>{p}</code></li> }).collect_view();
    view! {
        <div class="tripmap tripmap--error" role="alert" lang=t.lang dir=dir>
            <p class="tripmap__error-title">{heading}</p>
            <ul class="tripmap__errors" lang="en" dir="ltr">{items}</ul>
        </div>
    }
}
