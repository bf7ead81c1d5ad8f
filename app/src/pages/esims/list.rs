use super::refusal;
use crate::api::esims::my_esims;
use crate::components::esim_card::EsimCardView;
use crate::components::use_shop;
use domain::t;
use leptos::prelude::*;
use leptos_meta::Title;

/// "My eSIMs": every eSIM the signed-in customer owns.
#[component]
pub fn MyEsimsPage() -> impl IntoView {
    let l = use_shop().locale;
    let m = l.messages();
    let esims = Resource::new_blocking(|| (), |_| my_esims());
    let title = t!(l, "esims-list-title");
    view! {
        <Title text=title.clone() />
        <div class="mx-auto mt-8 flex max-w-3xl flex-col gap-6" data-testid="my-esims">
            <h1 class="text-2xl font-semibold text-slate-900">{title}</h1>
            <Suspense fallback=move || view! { <p>{m.loading}</p> }>
                {move || esims.get().map(|result| match result {
                    Ok(cards) if cards.is_empty() => view! {
                        <div class="rounded-lg border border-slate-200 bg-white p-6" data-testid="no-esims">
                            <p>{t!(l, "esims-list-empty")}</p>
                            <p class="mt-3 flex flex-wrap gap-4 text-sm">
                                <a class="font-medium text-teal-800 underline" href="/">{m.back_to_plans}</a>
                                <a class="font-medium text-teal-800 underline" href="/renew">{t!(l, "esims-list-find-without-account")}</a>
                            </p>
                        </div>
                    }.into_any(),
                    Ok(cards) => cards
                        .into_iter()
                        .map(|card| view! { <EsimCardView card locale=l links=true /> })
                        .collect_view()
                        .into_any(),
                    Err(e) => refusal(e, "/esims".into()),
                })}
            </Suspense>
        </div>
    }
}
