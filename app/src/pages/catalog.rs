use crate::api::catalog::{get_catalog, get_filter_destinations};
use crate::components::catalog_filters::CatalogFilters;
use crate::components::plan_card::PlanCardView;
use crate::components::use_shop;
use domain::catalog_query::{CatalogQuery, PAGE_SIZE};
use domain::i18n::Messages;
use domain::t;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

/// `/`: the storefront's plans with filters and sort from the query string.
#[component]
pub fn CatalogPage() -> impl IntoView {
    let shop = use_shop();
    let m = shop.locale.messages();
    let query_map = use_query_map();
    let parsed = Memo::new(move |_| query_map.with(|q| CatalogQuery::parse(|k| q.get_str(k))));
    let query = Memo::new(move |_| parsed.get().query);
    let rejected = move || !parsed.with(|p| p.rejected.is_empty());
    let catalog = Resource::new(move || query.get(), get_catalog);
    let destinations = Resource::new(|| (), |_| get_filter_destinations());

    view! {
        <Title text=format!("{} · {}", m.catalog_title, shop.storefront.name) />
        <Meta name="description" content=m.site_description />
        <section class="py-5 sm:py-10">
            <h1 class="text-2xl font-bold tracking-tight text-slate-900 sm:text-4xl">{m.catalog_heading}</h1>
            <p class="mt-2 max-w-2xl text-slate-600 sm:mt-3 sm:text-lg">{m.catalog_lead}</p>
            <ul class="mt-4 flex flex-wrap gap-x-6 gap-y-2 text-sm text-slate-700">
                {m.catalog_points
                    .iter()
                    .map(|p| view! { <li class="flex items-center gap-1.5"><span aria-hidden="true" class="text-teal-600">"✓"</span>{*p}</li> })
                    .collect_view()}
            </ul>
        </section>
        <Show when=rejected>
            <p role="status" class="mb-4 rounded-md bg-amber-50 px-4 py-2 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="ignored-filters">
                {m.ignored_filters}
            </p>
        </Show>
        <div class="grid gap-6 lg:grid-cols-[15rem_1fr] lg:gap-8">
            <aside class="rounded-xl border border-slate-200 bg-white p-3 sm:p-4 lg:self-start">
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        let destinations = destinations.await.unwrap_or_default();
                        view! { <CatalogFilters m query destinations /> }
                    })}
                </Suspense>
            </aside>
            <section aria-labelledby="results-heading">
                <Transition fallback=move || view! { <p class="text-slate-500">{m.loading}</p> }>
                    {move || Suspend::new(async move {
                        match catalog.await {
                            Ok(page) => results(m, query.get_untracked(), page.plans, page.total).into_any(),
                            Err(_) => view! {
                                <p role="alert" class="rounded-md bg-red-50 px-4 py-3 text-red-800">{m.load_failed}</p>
                            }
                            .into_any(),
                        }
                    })}
                </Transition>
            </section>
        </div>
    }
}

fn results(m: &'static Messages, query: CatalogQuery, plans: Vec<domain::plan::PlanCard>, total: u64) -> impl IntoView {
    let pages = total.div_ceil(PAGE_SIZE as u64).max(1) as u32;
    let page = query.page;
    let link = move |p: u32| match query.with_page(p).to_query_string() {
        qs if qs.is_empty() => "/".to_string(),
        qs => format!("/?{qs}"),
    };
    let empty = plans.is_empty();
    view! {
        <h2 id="results-heading" class="mb-4 text-sm font-medium text-slate-600" data-testid="result-count">
            {m.plan_count(total)}
        </h2>
        {empty.then(|| view! { <p class="rounded-md bg-white px-4 py-6 text-slate-600 ring-1 ring-slate-200" data-testid="no-plans">{m.no_plans}</p> })}
        <ul class="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" data-testid="plan-list">
            {plans.into_iter().map(|card| view! { <PlanCardView card m /> }).collect_view()}
        </ul>
        {(pages > 1).then(|| view! {
            <nav class="mt-8 flex items-center justify-between text-sm" aria-label=t!(m.locale, "catalog-pagination")>
                {(page > 1).then(|| view! { <a class="rounded-md border border-slate-300 bg-white px-3 py-2" rel="prev" href=link(page - 1)>"← " {m.previous_page}</a> })}
                <span class="text-slate-600">{format!("{page} / {pages}")}</span>
                {(page < pages).then(|| view! { <a class="rounded-md border border-slate-300 bg-white px-3 py-2" rel="next" href=link(page + 1)>{m.next_page} " →"</a> })}
            </nav>
        })}
    }
}
