use super::query_param;
use crate::api::account::SignIn;
use crate::components::form::{Field, FormCard, FormError, Notice, SubmitButton, use_form_action};
use crate::components::use_shop;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SignInPage() -> impl IntoView {
    let l = use_shop().locale;
    let (action, error) = use_form_action::<SignIn>();
    let next = query_param("next").unwrap_or_default();
    let reset_done = query_param("reset").is_some();
    view! {
        <Title text=l.pick(["Sign in", "登录", "Вход"]) />
        <FormCard title=l.pick(["Sign in", "登录", "Вход"])>
            {reset_done.then(|| view! {
                <Notice text=l.pick([
                    "Your password was changed. Sign in with the new one.",
                    "密码已更改，请使用新密码登录。",
                    "Пароль изменён. Войдите с новым паролем.",
                ]) />
            })}
            <ActionForm action=action attr:class="mt-4 flex flex-col gap-4" attr:data-testid="sign-in-form">
                <FormError error />
                <input type="hidden" name="next" value=next />
                <Field
                    label=l.pick(["E-mail or phone", "邮箱或手机号", "E-mail или телефон"])
                    name="identifier"
                    autocomplete="username"
                    required=true
                />
                <Field
                    label=l.pick(["Password", "密码", "Пароль"])
                    name="password"
                    kind="password"
                    autocomplete="current-password"
                    required=true
                />
                <SubmitButton label=l.pick(["Sign in", "登录", "Войти"]) />
            </ActionForm>
            <div class="mt-6 flex flex-col gap-2 text-sm">
                <a class="text-teal-800 underline" href="/account/forgot">
                    {l.pick(["Forgot your password?", "忘记密码？", "Забыли пароль?"])}
                </a>
                <a class="text-teal-800 underline" href="/account/sign-up">
                    {l.pick(["New here? Create an account", "新用户？创建账户", "Впервые здесь? Зарегистрируйтесь"])}
                </a>
            </div>
        </FormCard>
    }
}
