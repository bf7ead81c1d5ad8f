use super::{esim_id_param, refusal};
use crate::api::esims::{RenameEsim, get_esim};
use crate::components::esim_card::EsimCardView;
use crate::components::form::{FormError, Notice, ServerForm, SubmitButton, use_form_action};
use crate::components::use_shop;
use crate::error::ApiError;
use crate::pages::account::query_param;
use domain::esim::MAX_NICKNAME_CHARS;
use domain::t;
use leptos::prelude::*;
use leptos_meta::Title;

/// One eSIM: its card and the form that names it.
#[component]
pub fn EsimPage() -> impl IntoView {
    let l = use_shop().locale;
    let m = l.messages();
    let id = esim_id_param();
    let esim = Resource::new_blocking(
        move || id,
        |id| async move {
            match id {
                Some(id) => get_esim(id).await,
                None => Err(ApiError::NotFound),
            }
        },
    );
    let renamed = query_param("renamed").is_some();
    let (rename, rename_error) = use_form_action::<RenameEsim>();
    view! {
        <Suspense fallback=move || view! { <p class="mt-8">{m.loading}</p> }>
            {move || esim.get().map(|result| match result {
                Ok(card) => {
                    let title = card.display_name(l);
                    let current = card.nickname.clone().unwrap_or_default();
                    let id = card.id.to_string();
                    let install_href = format!("/esims/{id}/install");
                    view! {
                        <Title text=title />
                        <div class="mx-auto mt-8 flex max-w-3xl flex-col gap-6" data-testid="esim-page">
                            <a href="/esims" class="text-sm text-teal-800 underline">
                                {t!(l, "esims-back-to-list")}
                            </a>
                            {renamed.then(|| view! { <Notice text=t!(l, "esims-name-saved") /> })}
                            <EsimCardView card locale=l links=false />
                            <section class="rounded-lg border border-slate-200 bg-white p-5">
                                <ServerForm action=rename class="flex flex-col gap-3" testid="rename-form">
                                    <FormError error=rename_error />
                                    <input type="hidden" name="id" value=id />
                                    <label for="f-nickname" class="text-sm font-medium text-slate-800">
                                        {t!(l, "esims-name-label")}
                                    </label>
                                    <input id="f-nickname" name="nickname" value=current maxlength=MAX_NICKNAME_CHARS
                                        placeholder=t!(l, "esims-name-placeholder")
                                        class="rounded-md border border-slate-300 px-3 py-2" />
                                    <div><SubmitButton label=t!(l, "esims-save-name") /></div>
                                </ServerForm>
                                <p class="mt-4 text-sm">
                                    <a href=install_href class="font-medium text-teal-800 underline" data-testid="install-link">
                                        {t!(l, "esims-installation-details")}
                                    </a>
                                </p>
                            </section>
                        </div>
                    }.into_any()
                }
                Err(e) => refusal(e, "/esims".into()),
            })}
        </Suspense>
    }
}
