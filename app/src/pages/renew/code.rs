use crate::api::esims::VerifyEsimCode;
use crate::components::form::{Field, FormCard, FormError, Notice, ServerForm, SubmitButton, use_form_action};
use crate::components::use_shop;
use domain::t;
use leptos::prelude::*;
use leptos_meta::Title;

/// Step two: the six-digit code from the e-mail.
#[component]
pub fn RenewCodePage() -> impl IntoView {
    let l = use_shop().locale;
    let (action, error) = use_form_action::<VerifyEsimCode>();
    let title = t!(l, "esims-renew-code-title");
    view! {
        <Title text=title.clone() />
        <FormCard title>
            <Notice text=t!(l, "esims-renew-code-sent") />
            <ServerForm action=action class="mt-4 flex flex-col gap-4" testid="code-form">
                <FormError error />
                <Field label=t!(l, "esims-renew-code") name="code" kind="text" autocomplete="one-time-code" required=true />
                <SubmitButton label=t!(l, "esims-renew-show-esim") />
            </ServerForm>
            <p class="mt-4 text-sm">
                <a class="font-medium text-teal-800 underline" href="/renew">{t!(l, "esims-renew-new-code")}</a>
            </p>
        </FormCard>
    }
}
