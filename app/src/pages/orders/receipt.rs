//! `/orders/:id/receipt`: the printable receipt, with the storefront's legal details.
use crate::components::use_shop;
use crate::domain::locale::Locale;
use crate::domain::order::OrderView;
use crate::pages::esims::refusal;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn ReceiptPage() -> impl IntoView {
    let l = use_shop().locale;
    let m = l.messages();
    let (id, order) = super::order_resource(false);
    let back = id.map(|i| format!("/orders/{i}/receipt")).unwrap_or_default();
    view! {
        <Meta name="robots" content="noindex" />
        <Suspense fallback=move || view! { <p class="mt-8">{m.loading}</p> }>
            {move || {
                let back = back.clone();
                order.get().map(|r| match r {
                    Ok(o) => view! { <Receipt order=o locale=l /> }.into_any(),
                    Err(e) => refusal(e, back),
                })
            }}
        </Suspense>
    }
}

#[component]
fn Receipt(order: OrderView, locale: Locale) -> impl IntoView {
    let l = locale;
    let q = order.quote.clone();
    let title = match l {
        Locale::En => format!("Receipt for order #{}", order.number),
        Locale::Zh => format!("订单 #{} 收据", order.number),
        Locale::Ru => format!("Чек по заказу №{}", order.number),
    };
    let paid = order.payments.iter().find(|p| p.status == "succeeded").cloned();
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let seller = order.seller.clone();
    view! {
        <Title text=title.clone() />
        <article class="mx-auto mt-8 max-w-2xl rounded-lg border border-slate-200 bg-white p-8 text-sm print:mt-0 print:border-0 print:p-0" data-testid="receipt">
            <header class="flex flex-wrap justify-between gap-4 border-b border-slate-200 pb-4">
                <div>
                    <p class="text-lg font-semibold text-slate-900">{seller.shop_name.clone()}</p>
                    <p>{seller.legal_name.clone()}</p>
                    <p class="whitespace-pre-line text-slate-600">{seller.address.clone()}</p>
                    {seller.tax_id.clone().map(|t| view! { <p class="text-slate-600">{format!("{} {t}", l.pick(["Tax ID", "税号", "ИНН/VAT"]))}</p> })}
                    {seller.support_email.clone().map(|e| view! { <p class="text-slate-600">{e}</p> })}
                </div>
                <div class="text-right">
                    <h1 class="text-xl font-semibold text-slate-900">{title}</h1>
                    <p>{crate::domain::locale::format_utc(order.created_at)}</p>
                    <p class="text-slate-600">{order.email.clone()}</p>
                    <p data-testid="receipt-status">{order.status.label(l)}</p>
                </div>
            </header>
            <table class="mt-4 w-full">
                <thead><tr class="text-left text-slate-600">
                    <th class="py-1 font-medium">{l.pick(["Item", "项目", "Позиция"])}</th>
                    <th class="py-1 text-right font-medium">{l.pick(["Amount", "金额", "Сумма"])}</th>
                </tr></thead>
                <tbody>
                    <tr class="border-t border-slate-100">
                        <td class="py-2">{q.plan_name.clone()}<span class="block text-slate-600">{q.esim_name.clone().unwrap_or_else(|| l.pick(["New eSIM", "新 eSIM", "Новая eSIM"]).to_string())}</span>
                            <span class="block text-slate-600">{crate::pages::checkout::quote_validity(&q, l)}</span></td>
                        <td class="py-2 text-right tabular-nums">{q.price.format(l)}</td>
                    </tr>
                    {(q.discount.amount_minor > 0).then(|| view! {
                        <tr><td class="py-1">{format!("{} {}", l.pick(["Promo code", "优惠码", "Промокод"]), q.promo_code.clone().unwrap_or_default())}</td>
                            <td class="py-1 text-right tabular-nums">{format!("−{}", q.discount.format(l))}</td></tr>
                    })}
                    <tr class="border-t border-slate-200 font-semibold">
                        <td class="py-2">{l.pick(["Total", "合计", "Итого"])}</td>
                        <td class="py-2 text-right tabular-nums" data-testid="receipt-total">{q.total.format(l)}</td>
                    </tr>
                    {order.refunds.iter().filter(|r| r.status == "succeeded").map(|r| view! {
                        <tr><td class="py-1">{format!("{} ({})", l.pick(["Refunded", "已退款", "Возвращено"]), r.reason)}</td>
                            <td class="py-1 text-right tabular-nums">{format!("−{}", r.amount.format(l))}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            {paid.map(|p| view! {
                <p class="mt-4 text-slate-700" data-testid="receipt-payment">{format!("{} {} · {}", l.pick(["Paid with", "支付方式：", "Оплачено:"]), p.method.unwrap_or(p.provider), crate::domain::locale::format_utc(p.at))}</p>
            })}
            <Show when=move || hydrated.get()>
                <button type="button" class="mt-6 rounded-md border border-slate-300 px-4 py-2 font-medium print:hidden" on:click=move |_| {
                    #[cfg(feature = "hydrate")]
                    if let Some(w) = web_sys::window() { let _ = w.print(); }
                }>{l.pick(["Print", "打印", "Печать"])}</button>
            </Show>
        </article>
    }
}
