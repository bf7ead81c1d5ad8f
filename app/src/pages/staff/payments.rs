use super::refusal;
use crate::api::payment_settings::{PAYMENT_METHODS, PaymentSettings, SavePaymentSettings, get_payment_settings};
use crate::components::form::{FormError, Notice, ServerForm, SubmitButton, use_form_action};
use crate::components::use_shop;
use crate::pages::account::query_param;
use domain::locale::Locale;
use domain::t;
use leptos::prelude::*;
use leptos_meta::Title;

/// A checkout method's name, for one of `PAYMENT_METHODS`.
fn method_label(method: &str, l: Locale) -> String {
    match method {
        "card" => t!(l, "staff-payments-method-card"),
        "alipay" => t!(l, "staff-payments-method-alipay"),
        "wechat_pay" => t!(l, "staff-payments-method-wechat-pay"),
        _ => t!(l, "staff-payments-method-paypal"),
    }
}

/// Reseller admins: how the shop takes money and what its receipts say.
#[component]
pub fn PaymentSettingsPage() -> impl IntoView {
    let l = use_shop().locale;
    let settings = Resource::new_blocking(|| (), |_| get_payment_settings());
    let title = t!(l, "staff-payments-title");
    view! {
        <Title text=title.clone() />
        <div class="mx-auto mt-8 flex max-w-2xl flex-col gap-6" data-testid="payment-settings-page">
            <h1 class="text-2xl font-semibold text-slate-900">{title}</h1>
            <Suspense fallback=move || view! { <p>{t!(l, "staff-loading")}</p> }>
                {move || settings.get().map(|r| match r {
                    Ok(s) => view! { <SettingsForm settings=s locale=l /> }.into_any(),
                    Err(e) => refusal(e, "/staff/payments"),
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn SettingsForm(settings: PaymentSettings, locale: Locale) -> impl IntoView {
    let l = locale;
    let (save, error) = use_form_action::<SavePaymentSettings>();
    let input = "mt-1 rounded-md border border-slate-300 px-3 py-2";
    view! {
        {query_param("saved").map(|_| view! { <Notice text=t!(l, "staff-payments-saved") /> })}
        <ServerForm action=save class="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" testid="payment-settings-form">
            <FormError error />
            <fieldset class="flex flex-col gap-2">
                <legend class="font-semibold text-slate-900">{t!(l, "staff-payments-methods")}</legend>
                <p class="text-sm text-slate-600">{t!(l, "staff-payments-methods-note")}</p>
                {PAYMENT_METHODS.iter().map(|m| {
                    let checked = settings.methods.iter().any(|s| s == m);
                    view! {
                        <label class="flex items-center gap-2 text-sm">
                            <input type="checkbox" name=*m checked=checked />
                            {method_label(m, l)}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <label class="flex flex-col text-sm font-medium">{t!(l, "staff-payments-legal-name")}
                <input name="legal_name" required maxlength="200" value=settings.legal_name.clone() class=input />
            </label>
            <label class="flex flex-col text-sm font-medium">{t!(l, "staff-payments-address")}
                <textarea name="address" maxlength="500" rows="3" class=input>{settings.address.clone()}</textarea>
            </label>
            <label class="flex flex-col text-sm font-medium">{t!(l, "staff-payments-tax-id")}
                <input name="tax_id" maxlength="50" value=settings.tax_id.clone().unwrap_or_default() class=input />
            </label>
            <div><SubmitButton label=t!(l, "staff-payments-save") /></div>
        </ServerForm>
    }
}
