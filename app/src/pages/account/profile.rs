use super::query_param;
use crate::api::account::{ChangePassword, DeleteAccount, ProfileView, ResendVerification, UpdateProfile, get_profile};
use crate::components::form::{Field, FormError, Notice, ServerForm, SubmitButton, use_form_action};
use crate::components::refusal::Refusal;
use crate::components::use_shop;
use crate::error::ApiError;
use domain::account::MIN_PASSWORD_CHARS;
use domain::locale::Locale;
use domain::t;
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
    let title = t!(l, "account-title");
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

/// What the last form did, from the query the server function sent the browser back with.
fn notice_for_query(l: Locale) -> Option<String> {
    if query_param("verified").is_some() {
        Some(t!(l, "account-notice-verified"))
    } else if query_param("saved").is_some() {
        Some(t!(l, "account-notice-saved"))
    } else if query_param("password").is_some() {
        Some(t!(l, "account-notice-password-changed"))
    } else if query_param("resent").is_some() {
        Some(t!(l, "account-notice-link-resent"))
    } else {
        None
    }
}

#[component]
fn AccountSections(profile: ProfileView) -> impl IntoView {
    let shop = use_shop();
    let l = shop.locale;
    let m = l.messages();
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
                <h1 class="text-2xl font-semibold">
                    {t!(l, "account-title")}
                </h1>
                <p class="text-slate-600" data-testid="account-email">{viewer.email.clone()}</p>
            </header>
            {notice_for_query(l).map(|text| view! { <Notice text /> })}
            {(!viewer.email_verified).then(|| view! {
                <section class="rounded-lg border border-amber-300 bg-amber-50 p-4" data-testid="unverified">
                    <p class="mb-3 text-amber-900">
                        {t!(l, "account-unverified")}
                    </p>
                    <ServerForm action=resend class="flex flex-col gap-2">
                        <FormError error=resend_error />
                        <SubmitButton label=t!(l, "account-resend-link") />
                    </ServerForm>
                </section>
            })}
            <section class=section>
                <h2 class="mb-4 text-lg font-semibold">{t!(l, "account-profile-heading")}</h2>
                <ServerForm action=update class="flex flex-col gap-4" testid="profile-form">
                    <FormError error=update_error />
                    <Field
                        label=t!(l, "account-name")
                        name="full_name"
                        autocomplete="name"
                        value=viewer.full_name.clone().unwrap_or_default()
                    />
                    <Field
                        label=t!(l, "account-phone")
                        name="phone"
                        kind="tel"
                        autocomplete="tel"
                        value=profile.phone.clone().unwrap_or_default()
                    />
                    <div class="grid grid-cols-1 gap-4 sm:grid-cols-2">
                        <label class="flex flex-col gap-1 text-sm font-medium">
                            {m.language}
                            <select name="language" class=select>
                                {shop.storefront.locales.iter().map(|loc| view! {
                                    <option value=loc.code() selected=*loc == current_language>{loc.native_name()}</option>
                                }).collect_view()}
                            </select>
                        </label>
                        <label class="flex flex-col gap-1 text-sm font-medium">
                            {t!(l, "account-currency")}
                            <select name="currency" class=select>
                                {shop.storefront.currencies.iter().map(|c| view! {
                                    <option value=c.code() selected=*c == current_currency>{c.code()}</option>
                                }).collect_view()}
                            </select>
                        </label>
                        <label class="flex flex-col gap-1 text-sm font-medium sm:col-span-2">
                            {t!(l, "account-time-zone")}
                            <select name="time_zone" class=select>
                                <option value="" selected=profile.time_zone.is_none()>{t!(l, "account-time-zone-device")}</option>
                                {domain::time::zone_choices().map(|z| view! {
                                    <option value=z selected=profile.time_zone.as_deref() == Some(z)>{z.replace('_', " ")}</option>
                                }).collect_view()}
                            </select>
                            <span class="text-xs font-normal text-slate-600">{t!(l, "account-time-zone-hint")}</span>
                        </label>
                    </div>
                    <SubmitButton label=t!(l, "account-save") />
                </ServerForm>
            </section>
            <section class=section>
                <h2 class="mb-4 text-lg font-semibold">{t!(l, "account-change-password-heading")}</h2>
                <ServerForm action=change class="flex flex-col gap-4" testid="password-form">
                    <FormError error=change_error />
                    <Field label=t!(l, "account-current-password") name="current" kind="password" autocomplete="current-password" required=true />
                    <Field label=t!(l, "account-new-password") name="password" kind="password" autocomplete="new-password" required=true minlength=MIN_PASSWORD_CHARS />
                    <Field label=t!(l, "account-repeat-new-password") name="confirm" kind="password" autocomplete="new-password" required=true />
                    <SubmitButton label=t!(l, "account-change-password-submit") />
                </ServerForm>
            </section>
            <section class=section>
                <h2 class="mb-2 text-lg font-semibold">{t!(l, "account-data-heading")}</h2>
                <p class="mb-4 text-sm text-slate-600">
                    {t!(l, "account-data-lead")}
                </p>
                <a href="/api/account/export" download="my-roamdesk-data.json" data-testid="export-link"
                    class="inline-block rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100">
                    {t!(l, "account-data-download")}
                </a>
            </section>
            {(!viewer.role.is_staff()).then(|| view! {
                <section class="rounded-lg border border-red-200 bg-white p-6 shadow-sm">
                    <h2 class="mb-2 text-lg font-semibold text-red-800">{t!(l, "account-delete")}</h2>
                    <p class="mb-4 text-sm text-slate-600">
                        {t!(l, "account-delete-lead")}
                    </p>
                    <ServerForm action=delete class="flex flex-col gap-4" testid="delete-form">
                        <FormError error=delete_error />
                        <Field label=t!(l, "account-delete-password") name="password" kind="password" autocomplete="current-password" required=true />
                        <SubmitButton danger=true label=t!(l, "account-delete") />
                    </ServerForm>
                </section>
            })}
        </div>
    }
}
