//! The smallest Leptos app shaped like a trip map (bench/leptos-floor/run measures it).
//! A list of stops, a selected stop in a signal,
//! a derived Memo, an SVG with markers, and a card shown for the selection.
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[derive(Clone, PartialEq)]
struct Stop { id: &'static str, name: &'static str, x: f64, y: f64 }

#[component]
fn Card(stop: Stop) -> impl IntoView {
    view! { <article class="card"><h3>{stop.name}</h3><p>{stop.id}</p></article> }
}

#[component]
fn App() -> impl IntoView {
    let stops = vec![
        Stop { id: "washington", name: "Washington", x: 10.0, y: 10.0 },
        Stop { id: "bogota", name: "Bogotá", x: 50.0, y: 80.0 },
        Stop { id: "santiago", name: "Santiago", x: 60.0, y: 200.0 },
    ];
    let (selected, set_selected) = signal(None::<usize>);
    let list = stops.clone();
    let current = Memo::new(move |_| selected.get().map(|i| list[i].clone()));
    view! {
        <svg viewBox="0 0 300 300">
            <For each=move || stops.clone().into_iter().enumerate() key=|(i, _)| *i let:item>
                <circle cx=item.1.x cy=item.1.y r="5" on:click=move |_| set_selected.set(Some(item.0))
                    class:is-selected=move || selected.get() == Some(item.0)/>
            </For>
        </svg>
        <Show when=move || current.get().is_some()>
            {move || current.get().map(|s| view! { <Card stop=s/> })}
        </Show>
    }
}

#[wasm_bindgen(start)]
pub fn main() {
    leptos::mount::mount_to_body(App);
}
