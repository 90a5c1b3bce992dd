use super::use_map;
use crate::scene::format_km;
use crate::story::{is_web_url, Stop, Story};
use leptos::prelude::*;

/// The open stop's card, or nothing when no stop is selected.
#[component]
pub fn StopCard() -> impl IntoView {
    let ctx = use_map();
    move || ctx.selected.get().map(|i| view! { <StopCardBody index=i /> })
}

/// Place and dates, summary, meetings, topics, key figures, quote and sources of one stop.
#[component]
fn StopCardBody(index: usize) -> impl IntoView {
    let ctx = use_map();
    let story = ctx.story.clone();
    let stop: &Stop = &story.stops[index];
    let n = story.stops.len();
    let arrival = ctx.scene.legs.iter().find(|l| l.to == index).map(|l| {
        format!("{} from {}", format_km(l.distance_km), story.stops[l.from].name)
    });
    let close = ctx.clone();
    let card = NodeRef::<leptos::html::Section>::new();
    let take_focus = ctx.take_card_focus();
    let narrow = ctx.narrow;
    card.on_load(move |el| {
        if take_focus {
            // Moving focus into the card makes screen readers announce it.
            let opts = web_sys::FocusOptions::new();
            opts.set_prevent_scroll(narrow);
            let _ = el.focus_with_options(&opts);
        }
    });
    let kicker = if stop.place.is_empty() {
        format!("Stop {} of {n}", index + 1)
    } else {
        format!("Stop {} of {n} · {}", index + 1, stop.place)
    };
    view! {
        <section class="tripmap__card" data-card=stop.id.clone() aria-label=stop.name.clone() tabindex="-1" node_ref=card>
            <button type="button" class="tripmap__close" aria-label="Close" on:click=move |_| close.close()>
                "×"
            </button>
            <p class="tripmap__kicker">{kicker}</p>
            <h3 class="tripmap__card-title">{stop.name.clone()}</h3>
            <p class="tripmap__dates">
                <time datetime=stop.date.clone()>{stop.dates().to_string()}</time>
                {arrival.map(|a| view! { <span class="tripmap__arrival">" · " {a}</span> })}
            </p>
            {(!stop.summary.is_empty()).then(|| view! { <p class="tripmap__summary">{stop.summary.clone()}</p> })}
            {meetings(&story, stop)}
            {topics(stop)}
            {figures(&story, stop)}
            {quote(&story, stop)}
            {sources(&story, stop)}
        </section>
    }
}

fn meetings(story: &Story, stop: &Stop) -> Option<impl IntoView> {
    (!stop.meetings.is_empty()).then(|| {
        let items = stop
            .meetings
            .iter()
            .map(|m| {
                let people = m
                    .with
                    .iter()
                    .map(|p| {
                        let role = (!p.role.is_empty()).then(|| view! { <span class="tripmap__role">", " {p.role.clone()}</span> });
                        view! { <span class="tripmap__person"><strong>{p.name.clone()}</strong>{role}</span> }
                    })
                    .collect_view();
                let about = m.about.clone().map(|a| view! { <span class="tripmap__about">{a}</span> });
                view! { <li>{people}{about}</li> }
            })
            .collect_view();
        view! {
            <h4 class="tripmap__h">{format!("{} met", story.traveller.name)}</h4>
            <ul class="tripmap__meetings">{items}</ul>
        }
    })
}

fn topics(stop: &Stop) -> Option<impl IntoView> {
    (!stop.topics.is_empty()).then(|| {
        let items = stop.topics.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view();
        view! {
            <h4 class="tripmap__h">"Topics"</h4>
            <ul class="tripmap__topics">{items}</ul>
        }
    })
}

fn figures(story: &Story, stop: &Stop) -> Option<impl IntoView> {
    (!stop.figures.is_empty()).then(|| {
        let items = stop
            .figures
            .iter()
            .map(|f| {
                let src = source_name(story, f.source.as_deref());
                view! {
                    <div class="tripmap__figure" title=src>
                        <dt>{f.value.clone()}</dt>
                        <dd>{f.label.clone()}</dd>
                    </div>
                }
            })
            .collect_view();
        view! {
            <h4 class="tripmap__h">"Key figures"</h4>
            <dl class="tripmap__figures">{items}</dl>
        }
    })
}

fn quote(story: &Story, stop: &Stop) -> Option<impl IntoView> {
    stop.quote.as_ref().map(|q| {
        let src = source_name(story, q.source.as_deref());
        view! {
            <figure class="tripmap__quote">
                <blockquote>
                    <p>"“" {q.text.clone()} "”"</p>
                </blockquote>
                <figcaption>"— " {q.by.clone()} {src.map(|s| view! { <span class="tripmap__quote-src">{format!(" ({s})")}</span> })}</figcaption>
            </figure>
        }
    })
}

fn sources(story: &Story, stop: &Stop) -> Option<impl IntoView> {
    (!stop.sources.is_empty()).then(|| {
        let items = stop
            .sources
            .iter()
            .filter_map(|id| story.source(id))
            .map(|s| match s.url.as_deref().filter(|u| is_web_url(u)) {
                Some(url) => view! { <li><a href=url.to_string() target="_blank" rel="noopener noreferrer">{s.name.clone()}</a></li> }.into_any(),
                None => view! { <li>{s.name.clone()}</li> }.into_any(),
            })
            .collect_view();
        view! {
            <h4 class="tripmap__h">"Sources"</h4>
            <ul class="tripmap__sources">{items}</ul>
        }
    })
}

/// The display name of an optional source id.
fn source_name(story: &Story, id: Option<&str>) -> Option<String> {
    id.and_then(|id| story.source(id)).map(|s| s.name.clone())
}

