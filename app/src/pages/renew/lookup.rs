use crate::api::esims::RequestEsimCode;
use crate::components::form::{Field, FormCard, FormError, ServerForm, SubmitButton, use_form_action};
use crate::components::use_shop;
use domain::t;
use leptos::prelude::*;
use leptos_meta::Title;

/// Step one: ICCID or phone number, plus the e-mail on file.
#[component]
pub fn RenewPage() -> impl IntoView {
    let l = use_shop().locale;
    let (action, error) = use_form_action::<RequestEsimCode>();
    let title = t!(l, "esims-renew-title");
    view! {
        <Title text=title.clone() />
        <FormCard title>
            <p class="text-sm text-slate-600">{t!(l, "esims-renew-lead")}</p>
            <ServerForm action=action class="mt-4 flex flex-col gap-4" testid="lookup-form">
                <FormError error />
                <Field label=t!(l, "esims-renew-identifier") name="identifier"
                    required=true hint=t!(l, "esims-renew-identifier-hint") />
                <Field label=t!(l, "esims-renew-email") name="email" kind="email" autocomplete="email" required=true />
                <SubmitButton label=t!(l, "esims-renew-send-code") />
            </ServerForm>
            <p class="mt-4 text-sm text-slate-600">
                {t!(l, "esims-renew-have-account")}
                <a class="font-medium text-teal-800 underline" href="/account/sign-in?next=/esims">{t!(l, "esims-renew-sign-in")}</a>
            </p>
        </FormCard>
    }
}
