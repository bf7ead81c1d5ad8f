use super::query_param;
use crate::api::account::SignUp;
use crate::components::form::{Field, FormCard, FormError, Notice, SubmitButton, use_form_action};
use crate::components::use_shop;
use crate::domain::account::MIN_PASSWORD_CHARS;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SignUpPage() -> impl IntoView {
    let l = use_shop().locale;
    let (action, error) = use_form_action::<SignUp>();
    let sent = query_param("sent").is_some();
    let title = l.pick(["Create an account", "创建账户", "Регистрация"]);
    view! {
        <Title text=title />
        <FormCard title>
            {if sent {
                view! {
                    <Notice text=l.pick([
                        "Almost done: we sent a confirmation link to your e-mail. Open it to activate your account.",
                        "快完成了：我们已向您的邮箱发送确认链接，请打开链接激活账户。",
                        "Почти готово: мы отправили ссылку для подтверждения на ваш e-mail. Откройте её, чтобы активировать учётную запись.",
                    ]) />
                }
                    .into_any()
            } else {
                view! {
                    <ActionForm action=action attr:class="flex flex-col gap-4" attr:data-testid="sign-up-form">
                        <FormError error />
                        <Field label=l.pick(["E-mail", "邮箱", "E-mail"]) name="email" kind="email" autocomplete="email" required=true />
                        <Field
                            label=l.pick(["Password", "密码", "Пароль"])
                            name="password"
                            kind="password"
                            autocomplete="new-password"
                            required=true
                            minlength=MIN_PASSWORD_CHARS
                            hint=l.pick([
                                "At least 10 characters. A few words make a strong, memorable password.",
                                "至少 10 个字符。几个单词组合成的密码既安全又好记。",
                                "Не короче 10 символов. Несколько слов — надёжный и запоминающийся пароль.",
                            ])
                        />
                        <Field
                            label=l.pick(["Repeat the password", "再次输入密码", "Повторите пароль"])
                            name="confirm"
                            kind="password"
                            autocomplete="new-password"
                            required=true
                        />
                        <Field label=l.pick(["Name (optional)", "姓名（可选）", "Имя (необязательно)"]) name="full_name" autocomplete="name" />
                        <Field
                            label=l.pick(["Phone (optional)", "手机号（可选）", "Телефон (необязательно)"])
                            name="phone"
                            kind="tel"
                            autocomplete="tel"
                            hint=l.pick([
                                "International format, e.g. +44 7700 900123. You can sign in with it too.",
                                "国际格式，例如 +86 138 0013 8000。也可用于登录。",
                                "В международном формате, например +7 916 123-45-67. По нему тоже можно входить.",
                            ])
                        />
                        <SubmitButton label=l.pick(["Create account", "创建账户", "Зарегистрироваться"]) />
                    </ActionForm>
                    <p class="mt-6 text-sm">
                        <a class="text-teal-800 underline" href="/account/sign-in">
                            {l.pick(["Already have an account? Sign in", "已有账户？登录", "Уже есть учётная запись? Войти"])}
                        </a>
                    </p>
                }
                    .into_any()
            }}
        </FormCard>
    }
}
