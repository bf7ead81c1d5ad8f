use super::query_param;
use crate::api::account::SignUp;
use crate::components::form::{Field, FormCard, FormError, Notice, ServerForm, SubmitButton, use_form_action};
use crate::components::use_shop;
use domain::account::MIN_PASSWORD_CHARS;
use domain::t;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SignUpPage() -> impl IntoView {
    let l = use_shop().locale;
    let (action, error) = use_form_action::<SignUp>();
    let sent = query_param("sent").is_some();
    let title = t!(l, "account-sign-up-title");
    view! {
        <Title text=title.clone() />
        <FormCard title>
            {if sent {
                view! {
                    <Notice text=t!(l, "account-sign-up-sent") />
                }
                    .into_any()
            } else {
                view! {
                    <ServerForm action=action class="flex flex-col gap-4" testid="sign-up-form">
                        <FormError error />
                        <Field label=t!(l, "account-email-label") name="email" kind="email" autocomplete="email" required=true />
                        <Field
                            label=t!(l, "account-password")
                            name="password"
                            kind="password"
                            autocomplete="new-password"
                            required=true
                            minlength=MIN_PASSWORD_CHARS
                            hint=t!(l, "account-password-hint", count = MIN_PASSWORD_CHARS)
                        />
                        <Field
                            label=t!(l, "account-repeat-password")
                            name="confirm"
                            kind="password"
                            autocomplete="new-password"
                            required=true
                        />
                        <Field label=t!(l, "account-name-optional") name="full_name" autocomplete="name" />
                        <Field
                            label=t!(l, "account-phone-optional")
                            name="phone"
                            kind="tel"
                            autocomplete="tel"
                            hint=t!(l, "account-phone-hint")
                        />
                        <SubmitButton label=t!(l, "account-sign-up-submit") />
                    </ServerForm>
                    <p class="mt-6 text-sm">
                        <a class="text-teal-800 underline" href="/account/sign-in">
                            {t!(l, "account-sign-up-to-sign-in")}
                        </a>
                    </p>
                }
                    .into_any()
            }}
        </FormCard>
    }
}
