use crate::api::esims::RequestEsimCode;
use crate::components::form::{Field, FormCard, FormError, SubmitButton, use_form_action};
use crate::components::use_shop;
use leptos::prelude::*;
use leptos_meta::Title;

/// Step one: ICCID or phone number, plus the e-mail on file.
#[component]
pub fn RenewPage() -> impl IntoView {
    let l = use_shop().locale;
    let (action, error) = use_form_action::<RequestEsimCode>();
    let title = l.pick([
        "Renew an eSIM without an account",
        "无需账户续费 eSIM",
        "Продлить eSIM без учётной записи",
    ]);
    view! {
        <Title text=title />
        <FormCard title>
            <p class="text-sm text-slate-600">{l.pick([
                "Enter the eSIM's ICCID (on your receipt, or in the phone's Settings → General → About) or the phone number you gave us, and the e-mail address you bought it with. We will e-mail you a code.",
                "请输入 eSIM 的 ICCID（见收据，或手机 设置 → 通用 → 关于本机）或您留下的手机号，以及购买时使用的邮箱。我们会通过邮件发送验证码。",
                "Введите ICCID eSIM (в чеке или в Настройки → Основные → Об этом устройстве) или номер телефона, который вы указали, и e-mail, с которым покупали. Мы пришлём код на почту.",
            ])}</p>
            <ActionForm action=action attr:class="mt-4 flex flex-col gap-4" attr:data-testid="lookup-form">
                <FormError error />
                <Field label=l.pick(["ICCID or phone number", "ICCID 或手机号", "ICCID или номер телефона"]) name="identifier"
                    required=true hint=l.pick(["e.g. 8944 5385 3200 8160 222 or +44 7700 900123", "例如 8944 5385 3200 8160 222 或 +86 138 0000 0000", "например, 8944 5385 3200 8160 222 или +7 912 345-67-89"]) />
                <Field label=l.pick(["E-mail", "邮箱", "E-mail"]) name="email" kind="email" autocomplete="email" required=true />
                <SubmitButton label=l.pick(["E-mail me a code", "发送验证码", "Прислать код"]) />
            </ActionForm>
            <p class="mt-4 text-sm text-slate-600">
                {l.pick(["Have an account? ", "已有账户？", "Есть учётная запись? "])}
                <a class="font-medium text-teal-800 underline" href="/account/sign-in?next=/esims">{l.pick(["Sign in", "登录", "Войти"])}</a>
            </p>
        </FormCard>
    }
}
