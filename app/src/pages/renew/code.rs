use crate::api::esims::VerifyEsimCode;
use crate::components::form::{Field, FormCard, FormError, Notice, SubmitButton, use_form_action};
use crate::components::use_shop;
use leptos::prelude::*;
use leptos_meta::Title;

/// Step two: the six-digit code from the e-mail.
#[component]
pub fn RenewCodePage() -> impl IntoView {
    let l = use_shop().locale;
    let (action, error) = use_form_action::<VerifyEsimCode>();
    let title = l.pick(["Enter your code", "输入验证码", "Введите код"]);
    view! {
        <Title text=title />
        <FormCard title>
            <Notice text=l.pick([
                "If the details match an eSIM, we have e-mailed a 6-digit code to the address on file. It works once, for 15 minutes.",
                "如果信息与某个 eSIM 匹配，我们已向登记的邮箱发送 6 位验证码。验证码仅可使用一次，有效期 15 分钟。",
                "Если данные совпали с eSIM, мы отправили 6-значный код на указанный e-mail. Он действует один раз в течение 15 минут.",
            ]) />
            <ActionForm action=action attr:class="mt-4 flex flex-col gap-4" attr:data-testid="code-form">
                <FormError error />
                <Field label=l.pick(["Code", "验证码", "Код"]) name="code" kind="text" autocomplete="one-time-code" required=true />
                <SubmitButton label=l.pick(["Show my eSIM", "查看我的 eSIM", "Показать eSIM"]) />
            </ActionForm>
            <p class="mt-4 text-sm">
                <a class="font-medium text-teal-800 underline" href="/renew">{l.pick(["Ask for a new code", "重新获取验证码", "Запросить новый код"])}</a>
            </p>
        </FormCard>
    }
}
