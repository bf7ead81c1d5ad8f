use super::query_param;
use crate::api::account::RequestPasswordReset;
use crate::components::form::{Field, FormCard, FormError, Notice, SubmitButton, use_form_action};
use crate::components::use_shop;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ForgotPage() -> impl IntoView {
    let l = use_shop().locale;
    let (action, error) = use_form_action::<RequestPasswordReset>();
    let sent = query_param("sent").is_some();
    let title = l.pick(["Forgot your password?", "忘记密码？", "Забыли пароль?"]);
    view! {
        <Title text=title />
        <FormCard title>
            {sent.then(|| view! {
                <Notice text=l.pick([
                    "If an account uses that address, we have sent it a link to choose a new password. It works once, for one hour.",
                    "如果该邮箱已注册，我们已发送设置新密码的链接。链接仅可使用一次，有效期一小时。",
                    "Если этот адрес привязан к учётной записи, мы отправили на него ссылку для смены пароля. Она действует один раз в течение часа.",
                ]) />
            })}
            <ActionForm action=action attr:class="mt-4 flex flex-col gap-4" attr:data-testid="forgot-form">
                <FormError error />
                <Field label=l.pick(["E-mail", "邮箱", "E-mail"]) name="email" kind="email" autocomplete="email" required=true />
                <SubmitButton label=l.pick(["Send me a link", "发送链接", "Отправить ссылку"]) />
            </ActionForm>
        </FormCard>
    }
}
