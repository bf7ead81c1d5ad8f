use crate::api::esims::looked_up_esims;
use crate::components::esim_card::EsimCardView;
use crate::components::refusal::Refusal;
use crate::components::use_shop;
use crate::error::ApiError;
use domain::t;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::Redirect;

/// Step three: the eSIM's status, opened by the code for 30 minutes in this browser.
#[component]
pub fn RenewEsimPage() -> impl IntoView {
    let l = use_shop().locale;
    let m = l.messages();
    let found = Resource::new_blocking(|| (), |_| looked_up_esims());
    let title = t!(l, "esims-renew-result-title");
    view! {
        <Title text=title.clone() />
        <Meta name="robots" content="noindex" />
        <div class="mx-auto mt-8 flex max-w-3xl flex-col gap-6" data-testid="lookup-result">
            <h1 class="text-2xl font-semibold text-slate-900">{title}</h1>
            <Suspense fallback=move || view! { <p>{m.loading}</p> }>
                {move || found.get().map(|result| match result {
                    Ok(found) => {
                        let for_whom = t!(l, "esims-renew-for-whom", email = found.email_hint);
                        view! {
                            <p class="text-sm text-slate-600">{for_whom}</p>
                            {found.esims.into_iter().map(|card| {
                                let renew = format!("/checkout?esim={}", card.id);
                                view! {
                                    <EsimCardView card locale=l />
                                    <a href=renew data-testid="renew-link" class="-mt-3 self-start rounded-md bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800">
                                        {t!(l, "esims-renew-this-esim")}
                                    </a>
                                }
                            }).collect_view()}
                            <p class="rounded-md border border-slate-200 bg-white p-4 text-sm text-slate-700">
                                {t!(l, "esims-renew-page-open")}
                                " "
                                <a class="font-medium text-teal-800 underline" href="/account/sign-up">{t!(l, "esims-renew-create-account")}</a>
                            </p>
                        }.into_any()
                    }
                    Err(ApiError::Unauthorized) => view! { <Redirect path="/renew" /> }.into_any(),
                    Err(e) => view! { <Refusal error=e /> }.into_any(),
                })}
            </Suspense>
        </div>
    }
}
