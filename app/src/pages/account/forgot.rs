use super::query_param;
use crate::api::account::RequestPasswordReset;
use crate::components::form::{Field, FormCard, FormError, Notice, ServerForm, SubmitButton, use_form_action};
use crate::components::use_shop;
use domain::t;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ForgotPage() -> impl IntoView {
    let l = use_shop().locale;
    let (action, error) = use_form_action::<RequestPasswordReset>();
    let sent = query_param("sent").is_some();
    let title = t!(l, "account-forgot-password");
    view! {
        <Title text=title.clone() />
        <FormCard title>
            {sent.then(|| view! {
                <Notice text=t!(l, "account-forgot-sent") />
            })}
            <ServerForm action=action class="mt-4 flex flex-col gap-4" testid="forgot-form">
                <FormError error />
                <Field label=t!(l, "account-email-label") name="email" kind="email" autocomplete="email" required=true />
                <SubmitButton label=t!(l, "account-forgot-submit") />
            </ServerForm>
        </FormCard>
    }
}
