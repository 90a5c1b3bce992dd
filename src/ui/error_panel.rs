use crate::i18n::{fill, is_rtl, ProblemStrings, Strings};
use crate::story::Problem;
use leptos::prelude::*;

/// Shown instead of the map when a story cannot be drawn: every problem, one per line, so an
/// editor can fix them all in one go, in the page's language (`lang`). JSON paths stay as
/// they are, isolated left to right.
#[component]
pub fn ErrorPanel(problems: Vec<Problem>, lang: String) -> impl IntoView {
    let t = Strings::for_lang(&lang);
    let words = ProblemStrings::for_lang(&lang);
    let n = problems.len();
    let heading = fill(t.error_title, &[("count", &t.problem_count(n, &n.to_string()))]);
    let dir = if is_rtl(t.lang) { "rtl" } else { "ltr" };
    let items = problems
        .iter()
        .map(|p| {
            let (path, sep, message) = p.parts_in(words);
            view! { <li><code dir="ltr">{path.to_string()}</code>{sep}{message}</li> }
        })
        .collect_view();
    view! {
        <div class="tripmap tripmap--error" role="alert" lang=t.lang dir=dir>
            <p class="tripmap__error-title">{heading}</p>
            <ul class="tripmap__errors">{items}</ul>
        </div>
    }
}
