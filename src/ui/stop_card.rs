use super::use_map;
use super::MapContext;
use crate::i18n::fill;
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
    let (t, locale) = (ctx.strings, ctx.locale.clone());
    let arrival = ctx.trip.legs().find(|&(_, to, _)| to == index).map(|(from, _, km)| {
        fill(t.from_place, &[("distance", &locale.km(km)), ("place", story.stops[from].name.as_str())])
    });
    let close = ctx.clone();
    let card = NodeRef::<leptos::html::Section>::new();
    let take_focus = ctx.take_card_focus();
    let narrow = ctx.narrow.get_untracked();
    card.on_load(move |el| {
        if take_focus {
            // Moving focus into the card makes screen readers announce it.
            let opts = web_sys::FocusOptions::new();
            opts.set_prevent_scroll(narrow);
            let _ = el.focus_with_options(&opts);
        }
    });
    let position = fill(t.stop_of, &[("i", &locale.number(index as u64 + 1)), ("n", &locale.number(n as u64))]);
    let kicker = if stop.place.is_empty() { position } else { format!("{position} · {}", stop.place) };
    view! {
        <section class="tripmap__card" data-card=stop.id.clone() aria-label=stop.name.to_string() tabindex="-1" node_ref=card>
            <button type="button" class="tripmap__close" aria-label=t.close on:click=move |_| close.close()>
                "×"
            </button>
            <p class="tripmap__kicker">{kicker}</p>
            <h3 class="tripmap__card-title">{stop.name.to_string()}</h3>
            <p class="tripmap__dates">
                <time datetime=stop.date.clone()>{locale.date_range(stop.dates())}</time>
                {arrival.map(|a| view! { <span class="tripmap__arrival">" · " {a}</span> })}
            </p>
            {(!stop.summary.is_empty()).then(|| view! { <p class="tripmap__summary">{stop.summary.to_string()}</p> })}
            {meetings(&ctx, stop)}
            {topics(&ctx, stop)}
            {figures(&story, &ctx, stop)}
            {quote(&story, &ctx, stop)}
            {sources(&story, &ctx, stop)}
        </section>
    }
}

fn meetings(ctx: &MapContext, stop: &Stop) -> Option<impl IntoView> {
    (!stop.meetings.is_empty()).then(|| {
        let items = stop
            .meetings
            .iter()
            .map(|m| {
                let people = m
                    .with
                    .iter()
                    .map(|p| {
                        let role = (!p.role.is_empty()).then(|| view! { <span class="tripmap__role">{ctx.strings.comma}{p.role.to_string()}</span> });
                        view! { <span class="tripmap__person"><strong><bdi>{p.name.to_string()}</bdi></strong>{role}</span> }
                    })
                    .collect_view();
                let about = m.about.as_ref().map(|a| view! { <span class="tripmap__about">{a.to_string()}</span> });
                view! { <li>{people}{about}</li> }
            })
            .collect_view();
        view! {
            <h4 class="tripmap__h">{fill(ctx.strings.met, &[("name", ctx.story.traveller.name.as_str())])}</h4>
            <ul class="tripmap__meetings">{items}</ul>
        }
    })
}

fn topics(ctx: &MapContext, stop: &Stop) -> Option<impl IntoView> {
    (!stop.topics.is_empty()).then(|| {
        let items = stop.topics.iter().map(|t| view! { <li>{t.to_string()}</li> }).collect_view();
        view! {
            <h4 class="tripmap__h">{ctx.strings.topics}</h4>
            <ul class="tripmap__topics">{items}</ul>
        }
    })
}

fn figures(story: &Story, ctx: &MapContext, stop: &Stop) -> Option<impl IntoView> {
    (!stop.figures.is_empty()).then(|| {
        let items = stop
            .figures
            .iter()
            .map(|f| {
                let src = source_name(story, f.source.as_deref());
                view! {
                    <div class="tripmap__figure" title=src>
                        <dt><bdi>{f.value.to_string()}</bdi></dt>
                        <dd>{f.label.to_string()}</dd>
                    </div>
                }
            })
            .collect_view();
        view! {
            <h4 class="tripmap__h">{ctx.strings.key_figures}</h4>
            <dl class="tripmap__figures">{items}</dl>
        }
    })
}

fn quote(story: &Story, ctx: &MapContext, stop: &Stop) -> Option<impl IntoView> {
    let t = ctx.strings;
    stop.quote.as_ref().map(|q| {
        let src = source_name(story, q.source.as_deref());
        view! {
            <figure class="tripmap__quote">
                <blockquote>
                    <p>{t.quote_open}{q.text.to_string()}{t.quote_close}</p>
                </blockquote>
                <figcaption>"— " {q.by.to_string()} {src.map(|s| view! { <span class="tripmap__quote-src">{format!(" ({s})")}</span> })}</figcaption>
            </figure>
        }
    })
}

fn sources(story: &Story, ctx: &MapContext, stop: &Stop) -> Option<impl IntoView> {
    (!stop.sources.is_empty()).then(|| {
        let items = stop
            .sources
            .iter()
            .filter_map(|id| story.source(id))
            .map(|s| match s.url.as_deref().filter(|u| is_web_url(u)) {
                Some(url) => view! { <li><a href=url.to_string() target="_blank" rel="noopener noreferrer">{s.name.to_string()}</a></li> }.into_any(),
                None => view! { <li>{s.name.to_string()}</li> }.into_any(),
            })
            .collect_view();
        view! {
            <h4 class="tripmap__h">{ctx.strings.sources}</h4>
            <ul class="tripmap__sources">{items}</ul>
        }
    })
}

/// The display name of an optional source id.
fn source_name(story: &Story, id: Option<&str>) -> Option<String> {
    id.and_then(|id| story.source(id)).map(|s| s.name.to_string())
}

