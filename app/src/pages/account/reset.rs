use super::query_param;
use crate::api::account::ResetPassword;
use crate::components::form::{Field, FormCard, FormError, ServerForm, SubmitButton, use_form_action};
use crate::components::use_shop;
use domain::account::MIN_PASSWORD_CHARS;
use domain::t;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ResetPage() -> impl IntoView {
    let l = use_shop().locale;
    let (action, error) = use_form_action::<ResetPassword>();
    let token = query_param("token").unwrap_or_default();
    let title = t!(l, "account-reset-title");
    view! {
        <Title text=title.clone() />
        <FormCard title>
            <ServerForm action=action class="flex flex-col gap-4" testid="reset-form">
                <FormError error />
                <input type="hidden" name="token" value=token />
                <Field
                    label=t!(l, "account-new-password")
                    name="password"
                    kind="password"
                    autocomplete="new-password"
                    required=true
                    minlength=MIN_PASSWORD_CHARS
                />
                <Field
                    label=t!(l, "account-repeat-new-password")
                    name="confirm"
                    kind="password"
                    autocomplete="new-password"
                    required=true
                />
                <p class="text-sm text-slate-600">
                    {t!(l, "account-reset-signs-out")}
                </p>
                <SubmitButton label=t!(l, "account-reset-submit") />
            </ServerForm>
        </FormCard>
    }
}
