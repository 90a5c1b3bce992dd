//! A card as the components draw it: natively for the static map, and in the standalone map
//! module (the lean one takes the static map's, see [`Parts::Adopted`](super::Parts)).

use super::{use_map, MapContext, Mode};
use crate::i18n::fill;
use crate::story::{is_web_url, Media, MediaKind, Run, Stop, Story, Text};
use leptos::prelude::*;

/// Place and dates, summary, meetings, topics, key figures, quote and sources of one stop.
#[component]
pub fn StopCardBody(index: usize) -> impl IntoView {
    let ctx = use_map();
    let story = ctx.story.clone();
    let stop: &Stop = &story.stops[index];
    let n = story.stops.len();
    let (t, locale) = (ctx.strings, ctx.locale.clone());
    let arrival = ctx.trip.legs().find(|l| l.to == index).map(|l| {
        let (distance, place) = (locale.km(l.km()), story.stops[l.from].name.as_str());
        if l.mode_given {
            fill(t.by_mode_from, &[("mode", t.by(l.mode)), ("distance", &distance), ("place", place)])
        } else {
            fill(t.from_place, &[("distance", &distance), ("place", place)])
        }
    });
    let close = ctx.clone();
    let card = NodeRef::<leptos::html::Section>::new();
    let live = ctx.mode == Mode::Live;
    let selected = ctx.selected;
    if live {
        let ctx = ctx.clone();
        Effect::new(move |_| {
            let open = selected.get() == Some(index);
            if let Some(el) = card.get_untracked().filter(|_| open) {
                super::stop_card::focus_when_shown(&ctx, el);
            }
        });
    }
    let position = fill(t.stop_of, &[("i", &locale.number(index as u64 + 1)), ("n", &locale.number(n as u64))]);
    // A card with a headline of its own names the place in the line above it.
    let (title, named) = if stop.headline.is_empty() { (stop.name.to_string(), None) } else { (stop.headline.to_string(), Some(stop.name.as_str())) };
    let kicker = [Some(position.as_str()), named, Some(stop.place.as_str())].into_iter().flatten().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · ");
    let when = match &stop.date {
        Some(date) => Some(view! { <time datetime=date.clone()>{ctx.when(stop)}</time> }.into_any()),
        None if !stop.when.is_empty() => Some(view! { <span>{stop.when.to_string()}</span> }.into_any()),
        None => None,
    };
    let sep = (when.is_some()).then_some(" · ");
    // On the static map: a popover (Escape and a click elsewhere close it too).
    let popover = (ctx.mode != Mode::Live).then(|| ctx.card_id(index));
    view! {
        <section
            class="tripmap__card"
            data-card=stop.id.clone()
            aria-label=stop.name.to_string()
            tabindex="-1"
            node_ref=card
            id=popover.clone()
            popover=popover.as_ref().map(|_| "auto")
            hidden=move || live && selected.get() != Some(index)
        >
            <button
                type="button"
                class="tripmap__close"
                aria-label=t.close
                popovertarget=popover.clone()
                popovertargetaction=popover.as_ref().map(|_| "hide")
                on:click=move |_| close.close()
            >
                "×"
            </button>
            <p class="tripmap__kicker">{kicker}</p>
            <h3 class="tripmap__card-title">{title}</h3>
            <p class="tripmap__dates">
                {when}
                {arrival.map(|a| view! { <span class="tripmap__arrival">{sep} {a}</span> })}
            </p>
            {(!stop.summary.is_empty()).then(|| view! { <p class="tripmap__summary">{stop.summary.to_string()}</p> })}
            {rich_text(stop)}
            {stop.media.as_ref().map(|m| media(&ctx, m))}
            {meetings(&ctx, stop)}
            {text_list(t.topics, "tripmap__topics", &stop.topics)}
            {text_list(t.scheduled_items, "tripmap__scheduled", &stop.scheduled)}
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
                let scheduled = m.scheduled.then(|| view! { <span class="tripmap__scheduled-mark">{ctx.strings.scheduled}</span> });
                view! { <li class:is-scheduled=m.scheduled>{people}{scheduled}{about}</li> }
            })
            .collect_view();
        view! {
            <h4 class="tripmap__h">{met(ctx)}</h4>
            <ul class="tripmap__meetings">{items}</ul>
        }
    })
}

/// "Antony Blinken met", or "Meetings" in a story with no traveller.
fn met(ctx: &MapContext) -> String {
    match ctx.story.traveller.name.as_str() {
        "" => ctx.strings.meetings.to_string(),
        name => fill(ctx.strings.met, &[("name", name)]),
    }
}

/// The stop's longer text: paragraphs of runs, each drawn as text nodes inside `<em>`,
/// `<strong>` and `<a>` as marked (never parsed as HTML).
fn rich_text(stop: &Stop) -> Option<impl IntoView> {
    (!stop.text.is_empty()).then(|| {
        let paragraphs = stop.text.iter().map(|p| view! { <p>{p.iter().map(run).collect_view()}</p> }).collect_view();
        view! { <div class="tripmap__text">{paragraphs}</div> }
    })
}

fn run(r: &Run) -> AnyView {
    let mut v = r.text().to_string().into_any();
    if r.em() {
        v = view! { <em>{v}</em> }.into_any();
    }
    if r.strong() {
        v = view! { <strong>{v}</strong> }.into_any();
    }
    match r.href().filter(|h| is_web_url(h)) {
        Some(href) => view! { <a href=href.to_string() target="_blank" rel="noopener noreferrer">{v}</a> }.into_any(),
        None => v,
    }
}

/// A photo, video or post on another site: a link with caption and credit, loading nothing;
/// with the page's opt-in, a photo is shown (lazily, its caption as alt text).
fn media(ctx: &MapContext, m: &Media) -> impl IntoView {
    let t = ctx.strings;
    let kind = m.kind();
    let label = match kind {
        MediaKind::Image => t.media_image,
        MediaKind::Video => t.media_video,
        MediaKind::Post => t.media_post,
        MediaKind::Page => t.media_page,
    };
    let body = if kind == MediaKind::Image && ctx.remote_images {
        view! { <img src=m.url.clone() alt=m.caption.to_string() loading="lazy" decoding="async" referrerpolicy="no-referrer" /> }.into_any()
    } else {
        view! { <a class="tripmap__media-link" href=m.url.clone() target="_blank" rel="noopener noreferrer">{fill(label, &[("host", m.host())])}</a> }
            .into_any()
    };
    let caption = [m.caption.as_str(), m.credit.as_str()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" — ");
    view! {
        <figure class="tripmap__media" data-media=kind.as_str()>
            {body}
            {(!caption.is_empty()).then(|| view! { <figcaption>{caption}</figcaption> })}
        </figure>
    }
}

/// A headed list of short texts: the topics, or what the reports give only as planned (kept
/// apart from what happened, under its own heading).
fn text_list(heading: &'static str, class: &'static str, texts: &[Text]) -> Option<impl IntoView> {
    (!texts.is_empty()).then(|| {
        let items = texts.iter().map(|t| view! { <li>{t.to_string()}</li> }).collect_view();
        view! {
            <h4 class="tripmap__h">{heading}</h4>
            <ul class=class>{items}</ul>
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
