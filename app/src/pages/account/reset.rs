use super::query_param;
use crate::api::account::ResetPassword;
use crate::components::form::{Field, FormCard, FormError, SubmitButton, use_form_action};
use crate::components::use_shop;
use crate::domain::account::MIN_PASSWORD_CHARS;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ResetPage() -> impl IntoView {
    let l = use_shop().locale;
    let (action, error) = use_form_action::<ResetPassword>();
    let token = query_param("token").unwrap_or_default();
    let title = l.pick(["Choose a new password", "设置新密码", "Новый пароль"]);
    view! {
        <Title text=title />
        <FormCard title>
            <ActionForm action=action attr:class="flex flex-col gap-4" attr:data-testid="reset-form">
                <FormError error />
                <input type="hidden" name="token" value=token />
                <Field
                    label=l.pick(["New password", "新密码", "Новый пароль"])
                    name="password"
                    kind="password"
                    autocomplete="new-password"
                    required=true
                    minlength=MIN_PASSWORD_CHARS
                />
                <Field
                    label=l.pick(["Repeat the new password", "再次输入新密码", "Повторите новый пароль"])
                    name="confirm"
                    kind="password"
                    autocomplete="new-password"
                    required=true
                />
                <p class="text-sm text-slate-600">
                    {l.pick([
                        "Every device signed in to your account will be signed out.",
                        "所有已登录您账户的设备都将被登出。",
                        "Все устройства, где выполнен вход, будут отключены.",
                    ])}
                </p>
                <SubmitButton label=l.pick(["Set the new password", "保存新密码", "Сохранить пароль"]) />
            </ActionForm>
        </FormCard>
    }
}
