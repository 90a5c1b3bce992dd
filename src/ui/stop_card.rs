#[cfg(not(lean))]
use super::card_body::StopCardBody;
#[cfg(not(lean))]
use super::Mode;
use super::{use_map, CardFocus, MapContext};
use leptos::prelude::*;

/// Every stop's card, the open one shown: made by the components, or the static map's
/// ([`Parts::Adopted`](super::Parts)). The static map's cards are popovers that its markers and
/// list buttons open without a script.
#[component]
pub fn StopCard() -> impl IntoView {
    let ctx = use_map();
    match (&ctx.parts, ctx.mode) {
        #[cfg(not(lean))]
        (super::Parts::Drawn, Mode::Live) => {
            // Printed, the live map gives every card, as the static map does.
            let printing = RwSignal::new(false);
            Effect::new(move |_| super::page::follow_media("print", printing));
            let made: Vec<RwSignal<bool>> = (0..ctx.story.stops.len()).map(|_| RwSignal::new(false)).collect();
            let to_make = made.clone();
            lay_out_ahead(&ctx, move |i| to_make[i].try_set(true).is_none());
            let selected = ctx.selected;
            made.into_iter()
                .enumerate()
                .map(|(i, made)| {
                    let wanted = Memo::new(move |_| made.get() || printing.get() || selected.get() == Some(i));
                    move || wanted.get().then(|| view! { <StopCardBody index=i /> })
                })
                .collect_view()
                .into_any()
        }
        #[cfg(not(target_arch = "wasm32"))]
        (super::Parts::Drawn, Mode::Static | Mode::Picture) => (0..ctx.story.stops.len()).map(|i| view! { <StopCardBody index=i /> }).collect_view().into_any(),
        // Every card is there already, and printed as it is.
        #[cfg(lean)]
        (super::Parts::Adopted(_), _) => {
            let (view, cards) = super::adopted::cards(&ctx);
            let cards = send_wrapper::SendWrapper::new(cards);
            let (c, selected) = (ctx.clone(), ctx.selected);
            Effect::new(move |_| {
                let open = selected.get();
                for (i, card) in cards.iter().enumerate() {
                    card.set_hidden(open != Some(i));
                }
                if let Some(card) = open.and_then(|i| cards.get(i)) {
                    focus_when_shown(&c, card.clone());
                }
            });
            lay_out_ahead(&ctx, |_| true);
            view.into_any()
        }
    }
}

/// How many of a live map's cards are made ahead of the reader's click. The first layouts warm
/// the caches every card shares (font faces, the shapes of words), so later cards are quick to
/// make when they open; a long story does not make hundreds of cards in the background.
const CARDS_AHEAD: usize = 24;

/// Makes (`make`, false once the map is gone) and lays out once unseen the first
/// [`CARDS_AHEAD`] cards once the map runs, one a task (a reader's input goes between them): a
/// card's first layout, its text shaped in faces not used yet, was most of the time from a
/// click to the card on screen.
fn lay_out_ahead(ctx: &MapContext, make: impl Fn(usize) -> bool + 'static) {
    /// Lays out the card made in the previous task, makes card `i` and posts the next step.
    fn step(root: NodeRef<leptos::html::Div>, make: std::rc::Rc<dyn Fn(usize) -> bool>, ids: std::rc::Rc<Vec<String>>, i: usize) {
        // The map was destroyed meanwhile: its signals are gone.
        let Some(el) = root.try_get_untracked() else { return };
        // The card made in the previous task is in the document now.
        if let (Some(el), Some(id)) = (el, i.checked_sub(1).map(|p| &ids[p])) {
            super::page::lay_out_unseen(&el, &format!("[data-card=\"{id}\"]"));
        }
        if i >= ids.len() || !make(i) {
            return;
        }
        set_timeout(move || step(root, make, ids, i + 1), std::time::Duration::ZERO);
    }
    let ids = std::rc::Rc::new(ctx.story.stops.iter().take(CARDS_AHEAD).map(|s| s.id.clone()).collect());
    let (root, make) = (ctx.root, std::rc::Rc::new(make) as std::rc::Rc<dyn Fn(usize) -> bool>);
    // After the map's first frame: its start is the reader's first wait.
    super::page::after_frame(move || step(root, make, ids, 0));
}

/// Moves focus into a card that has just been shown, if the reader's action asked for it
/// ([`MapContext::take_card_focus`]): moving focus into it makes screen readers announce it.
/// Two frames later: the card is painted first. Focusing at once would lay the page out inside
/// the click's task (focus scrolls the card into view), which was most of that task.
pub(super) fn focus_when_shown(ctx: &MapContext, card: web_sys::HtmlElement) {
    let focus = ctx.take_card_focus();
    if focus == CardFocus::No {
        return;
    }
    let in_place = focus == CardFocus::InPlace || ctx.focus_in_place();
    let card = send_wrapper::SendWrapper::new(card);
    request_animation_frame(move || request_animation_frame(move || super::page::focus_card(&card, in_place)));
}
