use super::map_layer::MapLayer;
use super::stop_card::StopCard;
use super::stop_list::StopList;
use super::{map_width, MapContext};
use crate::basemap::Basemap;
use crate::scene::Scene;
use crate::story::Story;
use leptos::prelude::*;
use std::sync::Arc;

/// The whole graphic: headline, standfirst, map, stop list and card, credit line.
/// `container_px` is the width it is mounted into; the scene is laid out for it.
#[component]
pub fn TripMap(story: Story, container_px: f64) -> impl IntoView {
    let width = map_width(container_px).round();
    let height = Scene::natural_height(&story, width);
    let scene = Scene::build(&story, Basemap::natural_earth(), width, height);
    let ctx = MapContext { story: Arc::new(story), scene: Arc::new(scene), selected: RwSignal::new(None) };
    provide_context(ctx.clone());
    let story = ctx.story.clone();
    let standfirst = (!story.standfirst.is_empty()).then(|| view! { <p class="tripmap__standfirst">{story.standfirst.clone()}</p> });
    let credit = (!story.credit.is_empty()).then(|| view! { <p class="tripmap__credit">{story.credit.clone()}</p> });
    view! {
        <div class="tripmap">
            <header class="tripmap__header">
                <h2 class="tripmap__title">{story.title.clone()}</h2>
                {standfirst}
            </header>
            <div class="tripmap__body">
                <div class="tripmap__map">
                    <MapLayer />
                </div>
                <div class="tripmap__aside">
                    <div class="tripmap__aside-scroll">
                        <StopList />
                        <StopCard />
                    </div>
                </div>
            </div>
            {credit}
        </div>
    }
}
