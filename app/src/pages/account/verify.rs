use super::query_param;
use crate::api::account::VerifyEmail;
use crate::components::form::{FormCard, FormError, ServerForm, SubmitButton, use_form_action};
use crate::components::use_shop;
use domain::t;
use leptos::prelude::*;
use leptos_meta::Title;

/// The link from the verification e-mail lands here; confirming is a button press (a POST), so
/// mail scanners that open links do not use it up.
#[component]
pub fn VerifyPage() -> impl IntoView {
    let l = use_shop().locale;
    let (action, error) = use_form_action::<VerifyEmail>();
    let token = query_param("token").unwrap_or_default();
    let title = t!(l, "account-verify-title");
    view! {
        <Title text=title.clone() />
        <FormCard title>
            <ServerForm action=action class="flex flex-col gap-4" testid="verify-form">
                <FormError error />
                <p class="text-slate-700">
                    {t!(l, "account-verify-lead")}
                </p>
                <input type="hidden" name="token" value=token />
                <SubmitButton label=t!(l, "account-verify-submit") />
            </ServerForm>
        </FormCard>
    }
}
