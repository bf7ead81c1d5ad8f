use crate::components::use_shop;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// Answers with status 404 when rendered on the server.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    let shop = use_shop();
    let m = shop.locale.messages();
    view! {
        <Title text=format!("{} · {}", m.not_found_title, shop.storefront.name) />
        <Meta name="robots" content="noindex" />
        <section class="mx-auto max-w-xl py-20 text-center" data-testid="not-found">
            <p class="text-5xl font-bold text-teal-700">"404"</p>
            <h1 class="mt-4 text-2xl font-semibold">{m.not_found_title}</h1>
            <p class="mt-2 text-slate-600">{m.not_found_text}</p>
            <a href="/" class="mt-6 inline-block rounded-md bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800">
                {m.back_to_plans}
            </a>
        </section>
    }
}
