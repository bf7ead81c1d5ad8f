//! `/orders`: every order and payment of the signed-in customer, filterable, with a CSV export.
use crate::api::checkout::order_history;
use crate::api::esims::my_esims;
use crate::components::use_shop;
use crate::pages::account::query_param;
use crate::pages::esims::refusal;
use domain::order::{HistoryFilter, OrderStatus};
use domain::t;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn HistoryPage() -> impl IntoView {
    let l = use_shop().locale;
    let m = l.messages();
    let raw = (
        query_param("esim"),
        query_param("status"),
        query_param("from"),
        query_param("to"),
    );
    let filter = HistoryFilter::parse(raw.0.as_deref(), raw.1.as_deref(), raw.2.as_deref(), raw.3.as_deref());
    let rows = Resource::new_blocking(move || raw.clone(), |(e, s, f, t)| order_history(e, s, f, t));
    let esims = Resource::new_blocking(|| (), |_| my_esims());
    let title = t!(l, "orders-history-title");
    let csv = format!("/orders/export.csv?{}", filter.query_string());
    let select = "mt-1 rounded-md border border-slate-300 bg-white px-3 py-2";
    let status_options = OrderStatus::ALL
        .into_iter()
        .map(|s| view! { <option value=s.code() selected=filter.status == Some(s)>{s.label(l)}</option> })
        .collect_view();
    view! {
        <Title text=title.clone() />
        <div class="mx-auto mt-8 flex max-w-4xl flex-col gap-6" data-testid="history-page">
            <div class="flex flex-wrap items-baseline justify-between gap-2">
                <h1 class="text-2xl font-semibold text-slate-900">{title}</h1>
                <a href=csv rel="external" data-testid="csv-export" class="text-sm font-medium text-teal-800 underline">
                    {t!(l, "orders-download-csv")}
                </a>
            </div>
            <form method="get" action="/orders" class="flex flex-wrap items-end gap-3 text-sm" data-testid="history-filter">
                <label class="flex flex-col font-medium">{t!(l, "orders-filter-esim")}
                    <select name="esim" class=select>
                        <option value="">{t!(l, "orders-filter-all")}</option>
                        <Suspense fallback=|| ()>
                            {move || esims.get().and_then(|r| r.ok()).map(|cards| cards.into_iter().map(|c| {
                                let name = c.display_name(l);
                                view! { <option value=c.id.to_string() selected=filter.esim == Some(c.id)>{name}</option> }
                            }).collect_view())}
                        </Suspense>
                    </select>
                </label>
                <label class="flex flex-col font-medium">{t!(l, "orders-filter-status")}
                    <select name="status" class=select>
                        <option value="">{t!(l, "orders-filter-all")}</option>
                        {status_options}
                    </select>
                </label>
                <label class="flex flex-col font-medium">{t!(l, "orders-filter-from")}
                    <input type="date" name="from" value=filter.from.map(|d| d.to_string()) class=select />
                </label>
                <label class="flex flex-col font-medium">{t!(l, "orders-filter-to")}
                    <input type="date" name="to" value=filter.to.map(|d| d.to_string()) class=select />
                </label>
                <button type="submit" class="rounded-md bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800">{t!(l, "orders-filter-show")}</button>
            </form>
            <Suspense fallback=move || view! { <p>{m.loading}</p> }>
                {move || rows.get().map(|r| match r {
                    Ok(rows) if rows.is_empty() => view! { <p data-testid="history-empty">{t!(l, "orders-history-empty")}</p> }.into_any(),
                    Ok(rows) => view! {
                        <ul class="flex flex-col gap-3" data-testid="history-rows">
                            {rows.into_iter().map(|r| {
                                let when = crate::components::when(r.at);
                                let refunded = (r.refunded.amount_minor > 0)
                                    .then(|| t!(l, "orders-history-refunded", amount = r.refunded.format(l)));
                                view! {
                                    <li data-testid="history-row" data-status=r.status.code()>
                                        <a href=format!("/orders/{}", r.order_id) class="flex flex-wrap items-baseline justify-between gap-2 rounded-lg border border-slate-200 bg-white p-4 hover:border-teal-600">
                                            <span>
                                                <span class="font-medium text-slate-900">{format!("#{} · {}", r.number, r.plan_name)}</span>
                                                <span class="block text-sm text-slate-600">{format!("{} · {}", when, r.esim_name.clone().unwrap_or_else(|| t!(l, "orders-new-esim")))}</span>
                                                <span class="block text-sm text-slate-600">{r.method.clone().unwrap_or_default()}</span>
                                            </span>
                                            <span class="text-right">
                                                <span class="block font-semibold tabular-nums">{r.total.format(l)}</span>
                                                <span class="block text-sm text-slate-600" data-testid="history-status">{r.status.label(l)}</span>
                                                {refunded.map(|t| view! { <span class="block text-sm text-slate-600">{t}</span> })}
                                            </span>
                                        </a>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(e) => refusal(e, "/orders".into()),
                })}
            </Suspense>
        </div>
    }
}
