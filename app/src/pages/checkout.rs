//! `/checkout?plan=…[&esim=…][&promo=…]`: what the order will be, exactly, before paying; a
//! renewal without a plan chosen lists the plans that fit the eSIM.
use crate::api::checkout::{PlaceOrder, QuoteOffer, get_quote, renewal_options};
use crate::components::form::{FormError, ServerForm, use_form_action};
use crate::components::refusal::Refusal;
use crate::components::use_shop;
use crate::error::ApiError;
use crate::pages::account::query_param;
use domain::esim::whole_mb;
use domain::i18n::format::data_amount;
use domain::problem::Problem;
use domain::t;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::Redirect;
use uuid::Uuid;

#[component]
pub fn CheckoutPage() -> impl IntoView {
    let l = use_shop().locale;
    let m = l.messages();
    let plan = query_param("plan").filter(|p| !p.is_empty());
    let esim = query_param("esim").and_then(|e| Uuid::parse_str(&e).ok());
    let promo = query_param("promo").filter(|p| !p.trim().is_empty());
    let title = t!(l, "orders-checkout-title");
    let here = {
        let mut q = vec![];
        if let Some(p) = &plan {
            q.push(format!("plan={p}"));
        }
        if let Some(e) = esim {
            q.push(format!("esim={e}"));
        }
        format!("/checkout?{}", q.join("&"))
    };
    let body = match plan {
        None => match esim {
            Some(esim) => view! { <RenewalChoice esim /> }.into_any(),
            None => view! { <Redirect path="/" /> }.into_any(),
        },
        Some(plan) => {
            let offer = Resource::new_blocking(
                move || (plan.clone(), esim, promo.clone()),
                |(plan, esim, promo)| async move {
                    // A promo code that does not apply is reported, and the quote shown without it.
                    match get_quote(plan.clone(), esim, promo.clone()).await {
                        Err(ApiError::Refused(Problem::Promo(problem))) if promo.is_some() => {
                            get_quote(plan, esim, None).await.map(|o| (o, Some(problem)))
                        }
                        other => other.map(|o| (o, None)),
                    }
                },
            );
            view! {
                <Suspense fallback=move || view! { <p>{m.loading}</p> }>
                    {move || {
                        let here = here.clone();
                        offer.get().map(|r| match r {
                            Ok((offer, problem)) => view! {
                                <QuoteView offer esim problem=problem.map(|p| p.message(l)) />
                            }.into_any(),
                            Err(ApiError::Unauthorized) => view! {
                                <Redirect path=format!("/account/sign-in?next={}", here.replace('&', "%26")) />
                            }.into_any(),
                            Err(e) => view! { <Refusal error=e testid="checkout-error" /> }.into_any(),
                        })
                    }}
                </Suspense>
            }
            .into_any()
        }
    };
    view! {
        <Title text=title.clone() />
        <Meta name="robots" content="noindex" />
        <div class="mx-auto mt-8 flex max-w-2xl flex-col gap-6" data-testid="checkout-page">
            <h1 class="text-2xl font-semibold text-slate-900">{title}</h1>
            {body}
        </div>
    }
}

#[component]
fn RenewalChoice(esim: Uuid) -> impl IntoView {
    let l = use_shop().locale;
    let m = l.messages();
    let options = Resource::new_blocking(move || esim, renewal_options);
    // Its links load the page in full (rel="external"): the checkout reads its query once.
    view! {
        <p class="text-slate-700">{t!(l, "orders-renewal-choose")}</p>
        <Suspense fallback=move || view! { <p>{m.loading}</p> }>
            {move || options.get().map(|r| match r {
                Ok(list) if list.is_empty() => view! {
                    <p>{t!(l, "orders-renewal-none")}</p>
                }.into_any(),
                Ok(list) => view! {
                    <ul class="flex flex-col gap-2" data-testid="renewal-options">
                        {list.into_iter().map(|o| view! {
                            <li>
                                <a href=format!("/checkout?esim={esim}&plan={}", o.slug) rel="external"
                                    class="flex justify-between rounded-md border border-slate-200 bg-white px-4 py-3 hover:border-teal-600">
                                    <span class="font-medium">{o.name}</span>
                                    <span class="tabular-nums">{o.price.format(l)}</span>
                                </a>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
                Err(e) => view! { <Refusal error=e /> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn QuoteView(offer: QuoteOffer, esim: Option<Uuid>, problem: Option<String>) -> impl IntoView {
    let l = use_shop().locale;
    let (place, place_error) = use_form_action::<PlaceOrder>();
    let q = offer.quote.clone();
    let what = match &q.esim_name {
        Some(name) => t!(l, "orders-quote-renewal-of", esim = name.as_str()),
        None => t!(l, "orders-quote-new-esim"),
    };
    let mb = |n: i64| data_amount(l, whole_mb(n));
    let data = match (q.data_mb, q.data_left_now_mb) {
        (Some(amount), Some(left)) if left > 0 => {
            t!(l, "orders-quote-data-on-top", amount = mb(amount), left = mb(left))
        }
        (Some(amount), _) => t!(l, "orders-quote-data", amount = mb(amount)),
        (None, _) => t!(l, "orders-quote-unlimited"),
    };
    let extras = (q.voice_minutes > 0 || q.sms > 0)
        .then(|| t!(l, "orders-quote-extras", minutes = q.voice_minutes, sms = q.sms));
    let discount = (q.discount.amount_minor > 0).then(|| {
        view! {
            <div class="flex justify-between text-teal-800" data-testid="quote-discount">
                <dt>{t!(l, "orders-promo-code-line", code = q.promo_code.clone().unwrap_or_default())}</dt>
                <dd class="tabular-nums">{format!("−{}", q.discount.format(l))}</dd>
            </div>
        }
    });
    let promo_value = q.promo_code.clone().unwrap_or_default();
    let pay_label = t!(l, "orders-pay-amount", amount = q.total.format(l));
    // A new eSIM is not "renewed": each kind of order says what happens once it is paid.
    let pay_note = match &q.esim_name {
        Some(_) => t!(l, "orders-pay-note-renewal"),
        None => t!(l, "orders-pay-note-new"),
    };
    let plan_slug = query_param("plan").unwrap_or_default();
    view! {
        <section class="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="quote">
            <p class="text-sm text-slate-600">{what}</p>
            <h2 class="mt-1 text-lg font-semibold text-slate-900" data-testid="quote-plan">{q.plan_name.clone()}</h2>
            <ul class="mt-2 list-disc pl-5 text-sm text-slate-700">
                <li data-testid="quote-data">{data}</li>
                {extras.map(|e| view! { <li>{e}</li> })}
                <li data-testid="quote-validity">{q.validity_text(l, &use_shop().zone)}</li>
            </ul>
            <dl class="mt-4 flex flex-col gap-1 border-t border-slate-100 pt-3 text-sm">
                <div class="flex justify-between"><dt>{t!(l, "orders-price")}</dt><dd class="tabular-nums">{q.price.format(l)}</dd></div>
                {discount}
                <div class="flex justify-between text-base font-semibold">
                    <dt>{t!(l, "orders-total")}</dt>
                    <dd class="tabular-nums" data-testid="quote-total">{q.total.format(l)}</dd>
                </div>
            </dl>
        </section>
        <form method="get" action="/checkout" class="flex flex-wrap items-end gap-2" data-testid="promo-form">
            <input type="hidden" name="plan" value=plan_slug.clone() />
            {esim.map(|e| view! { <input type="hidden" name="esim" value=e.to_string() /> })}
            <label class="flex flex-1 flex-col text-sm font-medium text-slate-800">
                {t!(l, "orders-promo-code")}
                <input name="promo" value=promo_value.clone() autocomplete="off" class="mt-1 rounded-md border border-slate-300 px-3 py-2 uppercase" />
            </label>
            <button type="submit" class="rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-50">
                {t!(l, "orders-promo-apply")}
            </button>
        </form>
        {problem.map(|p| view! { <p role="alert" data-testid="promo-error" class="-mt-4 text-sm text-red-800">{p}</p> })}
        <ServerForm action=place testid="pay-form" class="flex flex-col gap-3">
            <FormError error=place_error />
            <input type="hidden" name="plan" value=plan_slug />
            {esim.map(|e| view! { <input type="hidden" name="esim" value=e.to_string() /> })}
            {q.promo_code.clone().map(|c| view! { <input type="hidden" name="promo" value=c /> })}
            <input type="hidden" name="request_key" value=offer.request_key.clone() />
            <button type="submit" data-testid="pay-button" class="rounded-md bg-teal-700 px-4 py-3 text-lg font-semibold text-white hover:bg-teal-800">
                {pay_label}
            </button>
            <p class="text-xs text-slate-500">{pay_note}</p>
        </ServerForm>
    }
}
