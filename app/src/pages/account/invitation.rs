use super::query_param;
use crate::api::staff::{AcceptInvitation, get_invitation};
use crate::components::form::{Field, FormCard, FormError, ServerForm, SubmitButton, use_form_action};
use crate::components::refusal::Refusal;
use crate::components::use_shop;
use domain::account::MIN_PASSWORD_CHARS;
use domain::t;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn InvitationPage() -> impl IntoView {
    let l = use_shop().locale;
    let m = l.messages();
    let token = query_param("token").unwrap_or_default();
    let details = Resource::new_blocking(move || token.clone(), get_invitation);
    let (action, error) = use_form_action::<AcceptInvitation>();
    let title = t!(l, "account-invitation-title");
    view! {
        <Title text=title.clone() />
        <FormCard title>
            <Suspense fallback=move || view! { <p>{m.loading}</p> }>
                {move || details.get().map(|result| match result {
                    Err(e) => view! { <Refusal error=e /> }.into_any(),
                    Ok(d) => view! {
                        <p class="mb-4 text-slate-700" data-testid="invitation-summary">
                            {d.storefront_name.clone()} " · " {d.role.label(l)} " · " {d.email.clone()}
                        </p>
                        <ServerForm action=action class="flex flex-col gap-4" testid="invitation-form">
                            <FormError error />
                            <input type="hidden" name="token" value=query_param("token").unwrap_or_default() />
                            <Field label=t!(l, "account-invitation-name") name="full_name" autocomplete="name" />
                            {if d.account_exists {
                                view! {
                                    <Field label=t!(l, "account-invitation-current-password") name="password" kind="password" autocomplete="current-password" required=true />
                                }.into_any()
                            } else {
                                view! {
                                    <Field label=t!(l, "account-invitation-choose-password") name="password" kind="password" autocomplete="new-password" required=true minlength=MIN_PASSWORD_CHARS />
                                    <Field label=t!(l, "account-repeat-password") name="confirm" kind="password" autocomplete="new-password" required=true />
                                }.into_any()
                            }}
                            <SubmitButton label=t!(l, "account-invitation-accept") />
                        </ServerForm>
                    }.into_any(),
                })}
            </Suspense>
        </FormCard>
    }
}
