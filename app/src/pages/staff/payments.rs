use super::refusal;
use crate::api::payment_settings::{PAYMENT_METHODS, PaymentSettings, SavePaymentSettings, get_payment_settings};
use crate::components::form::{FormError, Notice, SubmitButton, use_form_action};
use crate::components::use_shop;
use crate::domain::locale::Locale;
use crate::pages::account::query_param;
use leptos::prelude::*;
use leptos_meta::Title;

fn method_label(method: &str, l: Locale) -> &'static str {
    match method {
        "card" => l.pick([
            "Cards, Apple Pay and Google Pay",
            "银行卡、Apple Pay 和 Google Pay",
            "Карты, Apple Pay и Google Pay",
        ]),
        "alipay" => l.pick(["Alipay", "支付宝", "Alipay"]),
        "wechat_pay" => l.pick(["WeChat Pay", "微信支付", "WeChat Pay"]),
        _ => l.pick(["PayPal", "PayPal", "PayPal"]),
    }
}

/// Reseller admins: how the shop takes money and what its receipts say.
#[component]
pub fn PaymentSettingsPage() -> impl IntoView {
    let l = use_shop().locale;
    let m = l.messages();
    let settings = Resource::new_blocking(|| (), |_| get_payment_settings());
    let title = l.pick(["Payments and receipts", "付款与收据", "Оплата и чеки"]);
    view! {
        <Title text=title />
        <div class="mx-auto mt-8 flex max-w-2xl flex-col gap-6" data-testid="payment-settings-page">
            <h1 class="text-2xl font-semibold text-slate-900">{title}</h1>
            <Suspense fallback=move || view! { <p>{m.loading}</p> }>
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
        {query_param("saved").map(|_| view! { <Notice text=l.pick(["Saved.", "已保存。", "Сохранено."]) /> })}
        <ActionForm action=save attr:class="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm" attr:data-testid="payment-settings-form">
            <FormError error />
            <fieldset class="flex flex-col gap-2">
                <legend class="font-semibold text-slate-900">{l.pick(["Ways to pay at checkout", "结账支付方式", "Способы оплаты"])}</legend>
                <p class="text-sm text-slate-600">{l.pick([
                    "Stripe shows each method only where it works for the customer's currency and country, and only if your Stripe account has it switched on.",
                    "Stripe 只会在适用于顾客币种和国家、且您的 Stripe 账户已开通时显示相应方式。",
                    "Stripe показывает способ только там, где он работает для валюты и страны покупателя, и если он включён в вашем аккаунте Stripe.",
                ])}</p>
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
            <label class="flex flex-col text-sm font-medium">{l.pick(["Legal name on receipts", "收据上的法定名称", "Юридическое название в чеках"])}
                <input name="legal_name" required maxlength="200" value=settings.legal_name.clone() class=input />
            </label>
            <label class="flex flex-col text-sm font-medium">{l.pick(["Address", "地址", "Адрес"])}
                <textarea name="address" maxlength="500" rows="3" class=input>{settings.address.clone()}</textarea>
            </label>
            <label class="flex flex-col text-sm font-medium">{l.pick(["Tax ID (VAT, INN…)", "税号", "ИНН / VAT"])}
                <input name="tax_id" maxlength="50" value=settings.tax_id.clone().unwrap_or_default() class=input />
            </label>
            <div><SubmitButton label=l.pick(["Save", "保存", "Сохранить"]) /></div>
        </ActionForm>
    }
}
