use crate::api::catalog::get_plan;
use crate::components::plan_facts::{data_summary, plan_badges, voice_sms_summary};
use crate::components::use_shop;
use crate::pages::not_found::NotFound;
use domain::i18n::Messages;
use domain::plan::{DestinationKind, PlanDetail};
use domain::t;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

/// `/plans/{slug}`: one plan in full, or a 404 page.
#[component]
pub fn PlanPage() -> impl IntoView {
    let shop = use_shop();
    let m = shop.locale.messages();
    let params = use_params_map();
    let slug = move || params.with(|p| p.get("slug").unwrap_or_default());
    let plan = Resource::new(slug, get_plan);
    let shop_name = shop.storefront.name.clone();

    view! {
        <Suspense fallback=move || view! { <p class="py-10 text-slate-500">{m.loading}</p> }>
            {move || {
                let shop_name = shop_name.clone();
                Suspend::new(async move {
                    match plan.await {
                        Ok(Some(detail)) => plan_view(m, shop_name, detail).into_any(),
                        Ok(None) => view! { <NotFound /> }.into_any(),
                        Err(_) => view! {
                            <p role="alert" class="my-10 rounded-md bg-red-50 px-4 py-3 text-red-800">{m.load_failed}</p>
                        }
                        .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

fn fact(label: &'static str, value: String, testid: &'static str) -> impl IntoView {
    view! {
        <div class="rounded-lg bg-slate-50 px-3 py-2">
            <dt class="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
            <dd class="mt-0.5 font-semibold text-slate-900" data-testid=testid>{value}</dd>
        </div>
    }
}

fn plan_view(m: &'static Messages, shop_name: String, d: PlanDetail) -> impl IntoView {
    let card = &d.card;
    let locale = m.locale;
    let price = card.price.format(locale);
    let description = format!(
        "{} — {}, {}. {}",
        card.name,
        data_summary(m, card.data),
        m.days(card.validity_days),
        price
    );
    let speed = card.max_generation.label();
    let covered = (card.destination.kind != DestinationKind::Country || d.countries.len() > 1).then(|| {
        let countries = d.countries.clone();
        view! {
            <section class="mt-8">
                <h2 class="text-lg font-semibold">{m.covered_countries} " · " {m.country_count(countries.len() as u32)}</h2>
                <ul class="mt-3 flex flex-wrap gap-2" data-testid="covered-countries">
                    {countries.into_iter().map(|c| view! { <li class="rounded-full bg-white px-3 py-1 text-sm ring-1 ring-slate-200">{c.name}</li> }).collect_view()}
                </ul>
            </section>
        }
    });
    let networks = (!d.networks.is_empty()).then(|| {
        let networks = d.networks.clone();
        view! {
            <section class="mt-8">
                <h2 class="text-lg font-semibold">{m.networks}</h2>
                <ul class="mt-3 divide-y divide-slate-100 rounded-lg bg-white ring-1 ring-slate-200" data-testid="networks">
                    {networks.into_iter().map(|n| view! {
                        <li class="flex justify-between px-4 py-2 text-sm">
                            <span>{n.operator} <span class="text-slate-500">" · " {n.country}</span></span>
                            <span class="font-medium text-teal-800">{n.generation.label()}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
    });

    view! {
        <Title text=format!("{} · {}", card.name, shop_name) />
        <Meta name="description" content=description />
        <nav class="pt-6 text-sm" aria-label=t!(locale, "catalog-breadcrumb")>
            <a href="/" class="text-teal-800 underline">"← " {m.all_plans}</a>
        </nav>
        <article class="mt-4 grid gap-8 lg:grid-cols-[1fr_20rem]" data-testid="plan-detail">
            <div>
                <p class="text-sm font-medium uppercase tracking-wide text-slate-500">{card.destination.name.clone()}</p>
                <h1 class="mt-1 text-3xl font-bold tracking-tight" data-testid="plan-title">{card.name.clone()}</h1>
                <div class="mt-3 flex flex-wrap gap-1.5">{plan_badges(m, card)}</div>
                {(!d.description.is_empty()).then(|| view! { <p class="mt-4 text-slate-700">{d.description.clone()}</p> })}
                <section class="mt-6">
                    <h2 class="sr-only">{m.plan_details}</h2>
                    <dl class="grid grid-cols-2 gap-3 sm:grid-cols-4">
                        {fact(m.data, m.data_headline(card.data), "fact-data")}
                        {fact(m.validity, m.days(card.validity_days), "fact-validity")}
                        {fact(m.voice, if card.voice_minutes > 0 { m.minutes(card.voice_minutes) } else { m.none.to_string() }, "fact-voice")}
                        {fact(m.sms, if card.sms_count > 0 { m.sms_count(card.sms_count) } else { m.none.to_string() }, "fact-sms")}
                    </dl>
                </section>
                <section class="mt-6 space-y-3 rounded-xl bg-white p-4 text-sm ring-1 ring-slate-200">
                    <p><strong>{m.fair_use} ": "</strong><span data-testid="fair-use">{m.fair_use_terms(card.data, card.throttle_kbps)}</span></p>
                    <p><strong>{m.validity} ": "</strong>{m.validity_start(d.validity_starts)}</p>
                    <p><strong>{m.speed} ": "</strong>{speed}</p>
                    <p><strong>{m.top_ups} ": "</strong><span data-testid="top-up">{if card.can_top_up { m.can_top_up } else { m.cannot_top_up }}</span></p>
                    <p><strong>{m.hotspot} ": "</strong>{if d.hotspot_allowed { m.hotspot_allowed } else { m.hotspot_not_allowed }}</p>
                    {(card.max_lines > 1).then(|| view! { <p><strong>{m.kind_label(card.kind)} ": "</strong>{m.up_to_lines(card.max_lines)}</p> })}
                </section>
                {covered}
                {networks}
            </div>
            <aside class="lg:sticky lg:top-4 lg:self-start">
                <div class="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
                    <p class="text-sm text-slate-500">{m.price}</p>
                    <p class="mt-1 text-3xl font-bold" data-testid="plan-price">{price}</p>
                    <p class="mt-1 text-sm text-slate-600">{voice_sms_summary(m, card)}</p>
                    <a href=format!("/checkout?plan={}", card.slug) data-testid="buy-link"
                        class="mt-4 block rounded-md bg-teal-700 px-4 py-3 text-center font-semibold text-white hover:bg-teal-800">
                        {t!(locale, "catalog-buy-esim")}
                    </a>
                    <p class="mt-4 text-xs text-slate-500">{m.price_note}</p>
                </div>
            </aside>
        </article>
    }
}
