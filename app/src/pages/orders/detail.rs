use crate::api::account::get_viewer;
use crate::api::checkout::{CancelOrder, PayOrder, RefundOrder};
use crate::components::form::{FormError, Notice, ServerForm, use_form_action};
use crate::components::use_shop;
use crate::components::when;
use crate::pages::account::query_param;
use crate::pages::esims::refusal;
use domain::account::Role;
use domain::locale::Locale;
use domain::order::{OrderStatus, OrderView, PaymentFailure};
use domain::t;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// How a payment was made when the provider gave no method, by the stored provider code.
fn provider_name(provider: &str, l: Locale) -> String {
    match provider {
        "stripe" => t!(l, "orders-provider-stripe"),
        "cash" => t!(l, "orders-provider-cash"),
        _ => t!(l, "orders-provider-test"),
    }
}

/// A payment attempt's state, by the stored `payment_status` code.
fn payment_status(status: &str, l: Locale) -> String {
    match status {
        "succeeded" => t!(l, "orders-payment-status-succeeded"),
        "failed" => t!(l, "orders-payment-status-failed"),
        "pending" => t!(l, "orders-payment-status-pending"),
        _ => t!(l, "orders-payment-status-cancelled"),
    }
}

/// A refund's state, by the stored `refund_status` code.
fn refund_status(status: &str, l: Locale) -> String {
    match status {
        "succeeded" => t!(l, "orders-refund-status-succeeded"),
        "pending" => t!(l, "orders-refund-status-pending"),
        _ => t!(l, "orders-refund-status-failed"),
    }
}

#[component]
pub fn OrderPage() -> impl IntoView {
    let l = use_shop().locale;
    let m = l.messages();
    let returned = query_param("returned").is_some();
    let (id, order) = super::order_resource(returned || query_param("cancelled").is_some());
    let viewer = Resource::new_blocking(|| (), |_| get_viewer());
    let back = id.map(|i| format!("/orders/{i}")).unwrap_or_default();
    view! {
        <Meta name="robots" content="noindex" />
        <Suspense fallback=move || view! { <p class="mt-8">{m.loading}</p> }>
            {move || {
                let back = back.clone();
                let staff_admin = viewer.get().and_then(|v| v.ok().flatten()).is_some_and(|v| v.role >= Role::ResellerAdmin);
                order.get().map(|r| match r {
                    Ok(o) => view! { <OrderSections order=o locale=l returned staff_admin /> }.into_any(),
                    Err(e) => refusal(e, back),
                })
            }}
        </Suspense>
    }
}

#[component]
fn OrderSections(order: OrderView, locale: Locale, returned: bool, staff_admin: bool) -> impl IntoView {
    let l = locale;
    let (pay, pay_error) = use_form_action::<PayOrder>();
    let (refund, refund_error) = use_form_action::<RefundOrder>();
    let (cancel, cancel_error) = use_form_action::<CancelOrder>();
    let title = t!(l, "orders-order-title", number = order.number);
    let q = order.quote.clone();
    let status = order.status;
    let waiting_for_confirmation = returned && status == OrderStatus::AwaitingPayment && order.last_failure().is_none();
    let refresh = (status == OrderStatus::Paid || waiting_for_confirmation)
        .then(|| view! { <Meta http_equiv="refresh" content="2" /> });
    let headline = match status {
        OrderStatus::Fulfilled => Some(match &q.esim_name {
            Some(name) => t!(l, "orders-done-renewed", esim = name.as_str()),
            None => t!(l, "orders-done-new"),
        }),
        OrderStatus::Paid => Some(t!(l, "orders-paid-delivering")),
        OrderStatus::AwaitingPayment if waiting_for_confirmation => Some(t!(l, "orders-confirming")),
        _ => None,
    };
    let failure = order
        .last_failure()
        .map(|code| PaymentFailure::from_code(code).message(l));
    let can_pay = status == OrderStatus::AwaitingPayment;
    let refundable = order.refundable();
    let id = order.id.to_string();
    let refund_id = id.clone();
    let cancel_id = id.clone();
    let esim_link = order.esim_id.filter(|_| status == OrderStatus::Fulfilled).map(|e| {
        let (href, label) = if q.esim_id.is_some() {
            ("/esims".to_string(), t!(l, "orders-see-on-my-esims"))
        } else {
            (format!("/esims/{e}/install"), t!(l, "orders-install-esim"))
        };
        view! { <a href=href data-testid="order-esim-link" class="rounded-md bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800">{label}</a> }
    });
    let payments = order
        .payments
        .iter()
        .map(|p| {
            let status_text = payment_status(&p.status, l);
            view! {
                <li class="flex justify-between gap-2">
                    <span>{format!("{} · {}", p.method.clone().unwrap_or_else(|| provider_name(&p.provider, l)), when(p.at))}</span>
                    <span class="tabular-nums">{format!("{} — {status_text}", p.amount.format(l))}</span>
                </li>
            }
        })
        .collect_view();
    let refunds = order
        .refunds
        .iter()
        .map(|r| {
            view! {
                <li class="flex justify-between gap-2" data-testid="refund-row">
                    <span>{format!("{} · {}", r.reason, when(r.at))}</span>
                    <span class="tabular-nums">{format!("−{} ({})", r.amount.format(l), refund_status(&r.status, l))}</span>
                </li>
            }
        })
        .collect_view();
    let history = order
        .transitions
        .iter()
        .map(|step| {
            let line = t!(
                l,
                "orders-history-step",
                at = when(step.at),
                status = step.to.label(l),
                cause = step.cause.describe(l)
            );
            view! { <li>{line}</li> }
        })
        .collect_view();
    let section = "rounded-lg border border-slate-200 bg-white p-5 shadow-sm";
    view! {
        <Title text=title.clone() />
        {refresh}
        <div class="mx-auto mt-8 flex max-w-2xl flex-col gap-6" data-testid="order-page" data-status=status.code()>
            <header class="flex flex-wrap items-baseline justify-between gap-2">
                <h1 class="text-2xl font-semibold text-slate-900">{title}</h1>
                <span class="rounded-full bg-slate-100 px-3 py-1 text-sm font-medium" data-testid="order-status">{status.label(l)}</span>
            </header>
            {headline.map(|h| view! { <p role="status" class="rounded-md border border-teal-200 bg-teal-50 px-4 py-3 text-teal-900" data-testid="order-headline">{h}</p> })}
            {failure.map(|f| view! { <p role="alert" class="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-red-800" data-testid="payment-failure">{f}</p> })}
            {query_param("refunded").map(|_| view! { <Notice text=t!(l, "orders-refund-done") /> })}
            <section class=section>
                <h2 class="font-semibold text-slate-900" data-testid="order-plan">{q.plan_name.clone()}</h2>
                <p class="text-sm text-slate-600">{q.esim_name.clone().unwrap_or_else(|| t!(l, "orders-new-esim"))}</p>
                <p class="mt-1 text-sm text-slate-700">{q.validity_text(l, &use_shop().zone)}</p>
                <dl class="mt-3 flex flex-col gap-1 text-sm">
                    <div class="flex justify-between"><dt>{t!(l, "orders-price")}</dt><dd class="tabular-nums">{q.price.format(l)}</dd></div>
                    {(q.discount.amount_minor > 0).then(|| view! {
                        <div class="flex justify-between text-teal-800"><dt>{t!(l, "orders-promo-code-line", code = q.promo_code.clone().unwrap_or_default())}</dt><dd class="tabular-nums">{format!("−{}", q.discount.format(l))}</dd></div>
                    })}
                    <div class="flex justify-between font-semibold"><dt>{t!(l, "orders-total")}</dt><dd class="tabular-nums" data-testid="order-total">{q.total.format(l)}</dd></div>
                </dl>
                <div class="mt-4 flex flex-wrap gap-3">
                    {esim_link}
                    {status.was_paid().then(|| view! {
                        <a href=format!("/orders/{id}/receipt") data-testid="receipt-link" class="rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-50">
                            {t!(l, "orders-receipt")}
                        </a>
                    })}
                    {can_pay.then(|| view! {
                        <ServerForm action=pay testid="pay-again-form">
                            <input type="hidden" name="id" value=id.clone() />
                            <button type="submit" class="rounded-md bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800" data-testid="pay-again">
                                {t!(l, "orders-pay-now")}
                            </button>
                        </ServerForm>
                    })}
                    {can_pay.then(|| view! {
                        <ServerForm action=cancel testid="cancel-form">
                            <input type="hidden" name="id" value=cancel_id.clone() />
                            <button type="submit" class="rounded-md border border-slate-300 px-4 py-2 font-medium text-slate-700 hover:bg-slate-50" data-testid="cancel-order">
                                {t!(l, "orders-cancel")}
                            </button>
                        </ServerForm>
                    })}
                </div>
                <FormError error=pay_error />
                <FormError error=cancel_error />
            </section>
            <section class=section>
                <h2 class="font-semibold text-slate-900">{t!(l, "orders-payments")}</h2>
                <ul class="mt-2 flex flex-col gap-1 text-sm" data-testid="order-payments">{payments}{refunds}</ul>
            </section>
            {(staff_admin && refundable > 0).then(|| view! {
                <section class=section data-testid="refund-section">
                    <h2 class="font-semibold text-slate-900">{t!(l, "orders-refund-heading")}</h2>
                    <ServerForm action=refund class="mt-3 flex flex-col gap-3" testid="refund-form">
                        <FormError error=refund_error />
                        <input type="hidden" name="id" value=refund_id.clone() />
                        <label class="flex flex-col text-sm font-medium">{t!(l, "orders-refund-amount")}
                            <input name="amount" required inputmode="decimal" class="mt-1 rounded-md border border-slate-300 px-3 py-2" />
                        </label>
                        <label class="flex flex-col text-sm font-medium">{t!(l, "orders-refund-reason")}
                            <input name="reason" required maxlength="500" class="mt-1 rounded-md border border-slate-300 px-3 py-2" />
                        </label>
                        <div><button type="submit" class="rounded-md bg-red-700 px-4 py-2 font-semibold text-white hover:bg-red-800">{t!(l, "orders-refund-submit")}</button></div>
                    </ServerForm>
                </section>
            })}
            <details class="text-sm text-slate-600">
                <summary class="cursor-pointer">{t!(l, "orders-history-heading")}</summary>
                <ul class="mt-2 flex flex-col gap-1" data-testid="order-history">{history}</ul>
            </details>
        </div>
    }
}
