//! 寻阅 Xunyue web app: a thin Yew layer over `xunyue-engine`.
use xunyue_engine::Engine;
use yew::prelude::*;

#[function_component(App)]
fn app() -> Html {
    let engine = use_memo((), |_| Engine::from_bytes(xunyue_corpus::BLOB).ok());
    let count = engine.as_ref().as_ref().map(|e| e.articles().len()).unwrap_or(0);
    html! { <main><h1>{ "寻阅" }</h1><p>{ format!("{count} articles") }</p></main> }
}

fn main() {
    yew::Renderer::<App>::new().render();
}
