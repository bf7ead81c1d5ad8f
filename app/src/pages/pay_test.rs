//! `/pay/test/:payment`: the built-in test provider's checkout, used when no Stripe key is set.
//! Marked TEST MODE everywhere; the card number decides: 4242… pays, 4000 0000 0000 0002 is declined.
use crate::api::checkout::{SubmitTestPayment, get_test_checkout};
use crate::components::form::{FormError, ServerForm, use_form_action};
use crate::components::use_shop;
use crate::pages::esims::refusal;
use domain::t;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

#[component]
pub fn TestPayPage() -> impl IntoView {
    let l = use_shop().locale;
    let m = l.messages();
    let payment = use_params_map()
        .with_untracked(|p| p.get("payment"))
        .and_then(|s| Uuid::parse_str(&s).ok());
    let checkout = Resource::new_blocking(
        move || payment,
        |payment| async move {
            match payment {
                Some(p) => get_test_checkout(p).await,
                None => Err(crate::error::ApiError::NotFound),
            }
        },
    );
    let (pay, pay_error) = use_form_action::<SubmitTestPayment>();
    let back = payment.map(|p| format!("/pay/test/{p}")).unwrap_or_default();
    view! {
        <Title text=t!(l, "orders-test-title") />
        <Meta name="robots" content="noindex" />
        <div class="mx-auto mt-8 flex max-w-md flex-col gap-4" data-testid="test-pay-page">
            <p class="rounded-md border-2 border-dashed border-amber-500 bg-amber-50 px-4 py-3 text-center font-bold tracking-wide text-amber-900" data-testid="test-mode-banner">
                {t!(l, "orders-test-banner")}
            </p>
            <Suspense fallback=move || view! { <p>{m.loading}</p> }>
                {move || {
                    let back = back.clone();
                    checkout.get().map(|r| match r {
                        Ok(c) => {
                            let title = t!(l, "orders-test-pay-for", amount = c.amount.format(l), number = c.order_number);
                            view! {
                                <section class="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
                                    <h1 class="text-xl font-semibold text-slate-900">{title}</h1>
                                    <p class="mt-1 text-sm text-slate-600">{c.description.clone()}</p>
                                    <ServerForm action=pay class="mt-4 flex flex-col gap-3" testid="test-pay-form">
                                        <FormError error=pay_error />
                                        <input type="hidden" name="payment" value=payment.map(|p| p.to_string()).unwrap_or_default() />
                                        <label class="flex flex-col text-sm font-medium text-slate-800">
                                            {t!(l, "orders-test-card-number")}
                                            <input name="card" value="4242 4242 4242 4242" inputmode="numeric" autocomplete="off"
                                                class="mt-1 rounded-md border border-slate-300 px-3 py-2 font-mono" />
                                        </label>
                                        <p class="text-xs text-slate-500">{t!(l, "orders-test-cards-hint")}</p>
                                        <button type="submit" data-testid="test-pay-button" class="rounded-md bg-slate-900 px-4 py-3 font-semibold text-white hover:bg-slate-700">
                                            {t!(l, "orders-test-pay")}
                                        </button>
                                    </ServerForm>
                                    <p class="mt-3 text-sm"><a class="text-teal-800 underline" href=format!("/orders/{}", c.order_id)>{t!(l, "orders-test-cancel")}</a></p>
                                </section>
                            }.into_any()
                        }
                        Err(e) => refusal(e, back),
                    })
                }}
            </Suspense>
        </div>
    }
}
