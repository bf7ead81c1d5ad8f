//! `/orders/:id/receipt`: the printable receipt, with the storefront's legal details.
use crate::components::use_shop;
use crate::islands::PrintButton;
use crate::pages::esims::refusal;
use domain::locale::Locale;
use domain::order::OrderView;
use domain::receipt::{ReceiptDocument, ReceiptRow};
use domain::t;
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
    let r = ReceiptDocument::for_order(&order, l, &use_shop().zone);
    let pdf = format!("/orders/{}/receipt.pdf", order.id);
    let row = |row: ReceiptRow, class: &'static str| {
        view! {
            <tr class=class>
                <td class="py-2">{row.label}
                    {row.detail.into_iter().map(|d| view! { <span class="block text-slate-600">{d}</span> }).collect_view()}</td>
                <td class="py-2 text-right align-top tabular-nums">{row.amount}</td>
            </tr>
        }
    };
    let rows = r
        .rows
        .into_iter()
        .map(|x| row(x, "border-t border-slate-100"))
        .collect_view();
    let refunds = r.refunds.into_iter().map(|x| row(x, "")).collect_view();
    view! {
        <Title text=r.title.clone() />
        <article class="mx-auto mt-8 max-w-2xl rounded-lg border border-slate-200 bg-white p-8 text-sm print:mt-0 print:border-0 print:p-0" data-testid="receipt">
            <header class="flex flex-wrap justify-between gap-4 border-b border-slate-200 pb-4">
                <div>
                    <p class="text-lg font-semibold text-slate-900">{r.shop_name}</p>
                    {r.seller_lines.into_iter().map(|line| view! { <p class="whitespace-pre-line text-slate-600">{line}</p> }).collect_view()}
                </div>
                <div class="sm:text-right">
                    <h1 class="text-xl font-semibold text-slate-900">{r.title}</h1>
                    <p>{r.issued}</p>
                    <p class="text-slate-600">{r.customer}</p>
                    <p data-testid="receipt-status">{r.status}</p>
                </div>
            </header>
            <table class="mt-4 w-full">
                <thead><tr class="text-left text-slate-600">
                    <th class="py-1 font-medium">{r.columns[0].clone()}</th>
                    <th class="py-1 text-right font-medium">{r.columns[1].clone()}</th>
                </tr></thead>
                <tbody>
                    {rows}
                    <tr class="border-t border-slate-200 font-semibold">
                        <td class="py-2">{r.total.label}</td>
                        <td class="py-2 text-right tabular-nums" data-testid="receipt-total">{r.total.amount}</td>
                    </tr>
                    {refunds}
                </tbody>
            </table>
            {r.payment.map(|p| view! { <p class="mt-4 text-slate-700" data-testid="receipt-payment">{p}</p> })}
            <div class="mt-6 flex flex-wrap gap-3 print:hidden">
                <a href=pdf rel="external" class="rounded-md border border-slate-300 px-4 py-2 font-medium" data-testid="receipt-pdf">
                    {t!(l, "receipts-download-pdf")}
                </a>
                <PrintButton>
                    <button type="button" hidden data-needs-script class="rounded-md border border-slate-300 px-4 py-2 font-medium">
                        {t!(l, "receipts-print")}
                    </button>
                </PrintButton>
            </div>
        </article>
    }
}
