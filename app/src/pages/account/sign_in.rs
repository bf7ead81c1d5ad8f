use super::query_param;
use crate::api::account::SignIn;
use crate::components::form::{Field, FormCard, FormError, Notice, ServerForm, SubmitButton, use_form_action};
use crate::components::use_shop;
use domain::t;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SignInPage() -> impl IntoView {
    let l = use_shop().locale;
    let (action, error) = use_form_action::<SignIn>();
    let next = query_param("next").unwrap_or_default();
    let reset_done = query_param("reset").is_some();
    view! {
        <Title text=t!(l, "account-sign-in-title") />
        <FormCard title=t!(l, "account-sign-in-title")>
            {reset_done.then(|| view! {
                <Notice text=t!(l, "account-sign-in-reset-done") />
            })}
            <ServerForm action=action class="mt-4 flex flex-col gap-4" testid="sign-in-form">
                <FormError error />
                <input type="hidden" name="next" value=next />
                <Field
                    label=t!(l, "account-email-or-phone")
                    name="identifier"
                    autocomplete="username"
                    required=true
                />
                <Field
                    label=t!(l, "account-password")
                    name="password"
                    kind="password"
                    autocomplete="current-password"
                    required=true
                />
                <SubmitButton label=t!(l, "account-sign-in-submit") />
            </ServerForm>
            <div class="mt-6 flex flex-col gap-2 text-sm">
                <a class="text-teal-800 underline" href="/account/forgot">
                    {t!(l, "account-forgot-password")}
                </a>
                <a class="text-teal-800 underline" href="/account/sign-up">
                    {t!(l, "account-sign-in-to-sign-up")}
                </a>
            </div>
        </FormCard>
    }
}
