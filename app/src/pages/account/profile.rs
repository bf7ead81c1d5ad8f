use super::query_param;
use crate::api::account::{ChangePassword, DeleteAccount, ProfileView, ResendVerification, UpdateProfile, get_profile};
use crate::components::form::{Field, FormError, Notice, SubmitButton, use_form_action};
use crate::components::use_shop;
use crate::domain::account::MIN_PASSWORD_CHARS;
use crate::domain::locale::Locale;
use crate::error::ApiError;
use crate::components::refusal::Refusal;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

/// The signed-in person's page: profile, password, their data, closing the account.
#[component]
pub fn AccountPage() -> impl IntoView {
    let shop = use_shop();
    let l = shop.locale;
    let m = l.messages();
    let profile = Resource::new_blocking(|| (), |_| get_profile());
    let title = l.pick(["Your account", "我的账户", "Моя учётная запись"]);
    view! {
        <Title text=title />
        <Suspense fallback=move || view! { <p class="mt-8">{m.loading}</p> }>
            {move || {
                profile
                    .get()
                    .map(|result| match result {
                        Ok(p) => view! { <AccountSections profile=p /> }.into_any(),
                        Err(ApiError::Unauthorized) => {
                            view! { <Redirect path="/account/sign-in?next=/account" /> }.into_any()
                        }
                        Err(e) => view! { <Refusal error=e /> }.into_any(),
                    })
            }}
        </Suspense>
    }
}

fn notice_for_query(l: Locale) -> Option<&'static str> {
    let pick = |t| Some(l.pick(t));
    if query_param("verified").is_some() {
        pick([
            "Thank you, your e-mail address is confirmed.",
            "谢谢，您的邮箱已确认。",
            "Спасибо, адрес подтверждён.",
        ])
    } else if query_param("saved").is_some() {
        pick(["Your profile is saved.", "个人资料已保存。", "Профиль сохранён."])
    } else if query_param("password").is_some() {
        pick([
            "Your password is changed. Other devices were signed out.",
            "密码已更改，其他设备已登出。",
            "Пароль изменён. Остальные устройства отключены.",
        ])
    } else if query_param("resent").is_some() {
        pick([
            "We sent a new confirmation link.",
            "已重新发送确认链接。",
            "Мы отправили новую ссылку.",
        ])
    } else {
        None
    }
}

#[component]
fn AccountSections(profile: ProfileView) -> impl IntoView {
    let shop = use_shop();
    let l = shop.locale;
    let (update, update_error) = use_form_action::<UpdateProfile>();
    let (change, change_error) = use_form_action::<ChangePassword>();
    let (resend, resend_error) = use_form_action::<ResendVerification>();
    let (delete, delete_error) = use_form_action::<DeleteAccount>();
    let viewer = profile.viewer.clone();
    let current_language = profile.language.unwrap_or(l);
    let current_currency = profile.currency.unwrap_or(shop.currency);
    let section = "rounded-lg border border-slate-200 bg-white p-6 shadow-sm";
    let select = "rounded-md border border-slate-300 bg-white px-3 py-2";
    view! {
        <div class="mx-auto mt-8 flex max-w-2xl flex-col gap-6" data-testid="account-page">
            <header>
                <h1 class="text-2xl font-semibold">{l.pick(["Your account", "我的账户", "Моя учётная запись"])}</h1>
                <p class="text-slate-600" data-testid="account-email">{viewer.email.clone()}</p>
            </header>
            {notice_for_query(l).map(|text| view! { <Notice text /> })}
            {(!viewer.email_verified).then(|| view! {
                <section class="rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="unverified">
                    <p class="mb-3 text-amber-900">
                        {l.pick([
                            "Please confirm your e-mail address: open the link we sent you.",
                            "请确认您的邮箱：打开我们发送给您的链接。",
                            "Подтвердите e-mail: откройте ссылку из нашего письма.",
                        ])}
                    </p>
                    <ActionForm action=resend attr:class="flex flex-col gap-2">
                        <FormError error=resend_error />
                        <SubmitButton label=l.pick(["Send the link again", "重新发送链接", "Отправить ещё раз"]) />
                    </ActionForm>
                </section>
            })}
            <section class=section>
                <h2 class="mb-4 text-lg font-semibold">{l.pick(["Profile", "个人资料", "Профиль"])}</h2>
                <ActionForm action=update attr:class="flex flex-col gap-4" attr:data-testid="profile-form">
                    <FormError error=update_error />
                    <Field
                        label=l.pick(["Name", "姓名", "Имя"])
                        name="full_name"
                        autocomplete="name"
                        value=viewer.full_name.clone().unwrap_or_default()
                    />
                    <Field
                        label=l.pick(["Phone", "手机号", "Телефон"])
                        name="phone"
                        kind="tel"
                        autocomplete="tel"
                        value=profile.phone.clone().unwrap_or_default()
                    />
                    <div class="grid grid-cols-1 gap-4 sm:grid-cols-2">
                        <label class="flex flex-col gap-1 text-sm font-medium">
                            {l.pick(["Language", "语言", "Язык"])}
                            <select name="language" class=select>
                                {shop.storefront.locales.iter().map(|loc| view! {
                                    <option value=loc.code() selected=*loc == current_language>{loc.native_name()}</option>
                                }).collect_view()}
                            </select>
                        </label>
                        <label class="flex flex-col gap-1 text-sm font-medium">
                            {l.pick(["Currency", "币种", "Валюта"])}
                            <select name="currency" class=select>
                                {shop.storefront.currencies.iter().map(|c| view! {
                                    <option value=c.code() selected=*c == current_currency>{c.code()}</option>
                                }).collect_view()}
                            </select>
                        </label>
                    </div>
                    <SubmitButton label=l.pick(["Save", "保存", "Сохранить"]) />
                </ActionForm>
            </section>
            <section class=section>
                <h2 class="mb-4 text-lg font-semibold">{l.pick(["Change password", "修改密码", "Смена пароля"])}</h2>
                <ActionForm action=change attr:class="flex flex-col gap-4" attr:data-testid="password-form">
                    <FormError error=change_error />
                    <Field label=l.pick(["Current password", "当前密码", "Текущий пароль"]) name="current" kind="password" autocomplete="current-password" required=true />
                    <Field label=l.pick(["New password", "新密码", "Новый пароль"]) name="password" kind="password" autocomplete="new-password" required=true minlength=MIN_PASSWORD_CHARS />
                    <Field label=l.pick(["Repeat the new password", "再次输入新密码", "Повторите новый пароль"]) name="confirm" kind="password" autocomplete="new-password" required=true />
                    <SubmitButton label=l.pick(["Change password", "修改密码", "Сменить пароль"]) />
                </ActionForm>
            </section>
            <section class=section>
                <h2 class="mb-2 text-lg font-semibold">{l.pick(["Your data", "您的数据", "Ваши данные"])}</h2>
                <p class="mb-4 text-sm text-slate-600">
                    {l.pick([
                        "Download everything we store about you, as a JSON file.",
                        "以 JSON 文件下载我们保存的关于您的全部数据。",
                        "Скачайте всё, что мы храним о вас, в файле JSON.",
                    ])}
                </p>
                <a href="/api/account/export" download="my-roamdesk-data.json" data-testid="export-link"
                    class="inline-block rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100">
                    {l.pick(["Download my data", "下载我的数据", "Скачать мои данные"])}
                </a>
            </section>
            {(!viewer.role.is_staff()).then(|| view! {
                <section class="rounded-lg border border-red-200 bg-white p-6 shadow-sm">
                    <h2 class="mb-2 text-lg font-semibold text-red-800">{l.pick(["Delete my account", "删除我的账户", "Удалить учётную запись"])}</h2>
                    <p class="mb-4 text-sm text-slate-600">
                        {l.pick([
                            "Your name, e-mail and phone are erased and you are signed out. Orders and payments stay in the books without your details, as the law requires. eSIMs already on your phones keep working until they expire.",
                            "您的姓名、邮箱和手机号将被删除，并会登出。按法律要求，订单和付款记录将在去除个人信息后保留。已安装的 eSIM 在到期前仍可使用。",
                            "Имя, e-mail и телефон будут стёрты, а вы выйдете из системы. Заказы и платежи останутся в учёте без ваших данных, как требует закон. Установленные eSIM работают до окончания срока.",
                        ])}
                    </p>
                    <ActionForm action=delete attr:class="flex flex-col gap-4" attr:data-testid="delete-form">
                        <FormError error=delete_error />
                        <Field label=l.pick(["Your password, to confirm", "请输入密码以确认", "Пароль для подтверждения"]) name="password" kind="password" autocomplete="current-password" required=true />
                        <SubmitButton danger=true label=l.pick(["Delete my account", "删除我的账户", "Удалить учётную запись"]) />
                    </ActionForm>
                </section>
            })}
        </div>
    }
}
