//! `/orders`: every order and payment of the signed-in customer, filterable, with a CSV export.
use crate::api::checkout::order_history;
use crate::api::esims::my_esims;
use crate::components::use_shop;
use crate::domain::locale::Locale;
use crate::domain::order::{HistoryFilter, OrderStatus};
use crate::pages::account::query_param;
use crate::pages::esims::refusal;
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
    let title = l.pick(["Orders and payments", "订单与付款", "Заказы и платежи"]);
    let csv = format!("/orders/export.csv?{}", filter.query_string());
    let select = "mt-1 rounded-md border border-slate-300 bg-white px-3 py-2";
    let status_options = OrderStatus::ALL
        .into_iter()
        .map(|s| view! { <option value=s.code() selected=filter.status == Some(s)>{s.label(l)}</option> })
        .collect_view();
    view! {
        <Title text=title />
        <div class="mx-auto mt-8 flex max-w-4xl flex-col gap-6" data-testid="history-page">
            <div class="flex flex-wrap items-baseline justify-between gap-2">
                <h1 class="text-2xl font-semibold text-slate-900">{title}</h1>
                <a href=csv rel="external" data-testid="csv-export" class="text-sm font-medium text-teal-800 underline">
                    {l.pick(["Download CSV", "下载 CSV", "Скачать CSV"])}
                </a>
            </div>
            <form method="get" action="/orders" class="flex flex-wrap items-end gap-3 text-sm" data-testid="history-filter">
                <label class="flex flex-col font-medium">{l.pick(["eSIM", "eSIM", "eSIM"])}
                    <select name="esim" class=select>
                        <option value="">{l.pick(["All", "全部", "Все"])}</option>
                        <Suspense fallback=|| ()>
                            {move || esims.get().and_then(|r| r.ok()).map(|cards| cards.into_iter().map(|c| {
                                let name = c.display_name(l);
                                view! { <option value=c.id.to_string() selected=filter.esim == Some(c.id)>{name}</option> }
                            }).collect_view())}
                        </Suspense>
                    </select>
                </label>
                <label class="flex flex-col font-medium">{l.pick(["Status", "状态", "Статус"])}
                    <select name="status" class=select>
                        <option value="">{l.pick(["All", "全部", "Все"])}</option>
                        {status_options}
                    </select>
                </label>
                <label class="flex flex-col font-medium">{l.pick(["From", "从", "С"])}
                    <input type="date" name="from" value=filter.from.map(|d| d.to_string()) class=select />
                </label>
                <label class="flex flex-col font-medium">{l.pick(["To", "至", "По"])}
                    <input type="date" name="to" value=filter.to.map(|d| d.to_string()) class=select />
                </label>
                <button type="submit" class="rounded-md bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800">{l.pick(["Show", "筛选", "Показать"])}</button>
            </form>
            <Suspense fallback=move || view! { <p>{m.loading}</p> }>
                {move || rows.get().map(|r| match r {
                    Ok(rows) if rows.is_empty() => view! { <p data-testid="history-empty">{l.pick(["No orders match.", "没有符合条件的订单。", "Заказов не найдено."])}</p> }.into_any(),
                    Ok(rows) => view! {
                        <ul class="flex flex-col gap-3" data-testid="history-rows">
                            {rows.into_iter().map(|r| {
                                let when = crate::domain::locale::format_utc(r.at);
                                let refunded = (r.refunded.amount_minor > 0).then(|| match l {
                                    Locale::En => format!("refunded {}", r.refunded.format(l)),
                                    Locale::Zh => format!("已退款 {}", r.refunded.format(l)),
                                    Locale::Ru => format!("возвращено {}", r.refunded.format(l)),
                                });
                                view! {
                                    <li data-testid="history-row" data-status=r.status.code()>
                                        <a href=format!("/orders/{}", r.order_id) class="flex flex-wrap items-baseline justify-between gap-2 rounded-lg border border-slate-200 bg-white p-4 hover:border-teal-600">
                                            <span>
                                                <span class="font-medium text-slate-900">{format!("#{} · {}", r.number, r.plan_name)}</span>
                                                <span class="block text-sm text-slate-600">{format!("{} · {}", when, r.esim_name.clone().unwrap_or_else(|| l.pick(["New eSIM", "新 eSIM", "Новая eSIM"]).to_string()))}</span>
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
