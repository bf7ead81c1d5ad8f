use super::{format_time, refusal};
use crate::api::staff::outbox;
use crate::components::use_shop;
use domain::t;
use leptos::prelude::*;
use leptos_meta::Title;

/// Every e-mail the platform queued, newest first. Without SMTP this is where demo mail is read,
/// links included, so it is for operators only.
#[component]
pub fn OutboxPage() -> impl IntoView {
    let l = use_shop().locale;
    let page = Resource::new_blocking(|| (), |_| outbox());
    view! {
        <Title text=t!(l, "staff-outbox-title") />
        <h1 class="mt-8 text-2xl font-semibold">{t!(l, "staff-outbox-title")}</h1>
        <Suspense fallback=move || view! { <p>{t!(l, "staff-loading")}</p> }>
            {move || page.get().map(|r| match r {
                Err(e) => refusal(e, "/operator/outbox"),
                Ok(p) => view! {
                    {(!p.smtp_configured).then(|| view! {
                        <p class="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="no-smtp">
                            {t!(l, "staff-outbox-no-smtp")}
                        </p>
                    })}
                    {p.rows.is_empty().then(|| view! {
                        <p class="mt-4 text-slate-600" data-testid="outbox-empty">
                            {t!(l, "staff-outbox-empty")}
                        </p>
                    })}
                    <ul class="mt-4 flex flex-col gap-3">
                        {p.rows.into_iter().map(|row| view! {
                            <li class="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="outbox-row">
                                <details>
                                    <summary class="cursor-pointer">
                                        <span class="mr-2 rounded bg-slate-100 px-2 py-0.5 font-mono text-xs">{row.status.clone()}</span>
                                        <span class="font-medium">{row.subject.clone()}</span>
                                        <span class="block text-sm text-slate-600 sm:inline sm:before:content-['_·_']">{row.to.clone()}</span>
                                        <span class="block text-xs text-slate-500">
                                            {row.storefront.clone()} " · " {row.kind.clone()} " · " {format_time(row.created_at)}
                                            {row.sent_at.map(|s| format!(" → {}", format_time(s)))}
                                            {(row.attempts > 0).then(|| format!(" · {}", t!(l, "staff-outbox-attempts", count = row.attempts)))}
                                        </span>
                                        {row.last_error.clone().map(|e| view! { <span class="block text-xs text-red-700">{e}</span> })}
                                    </summary>
                                    <pre class="mt-3 whitespace-pre-wrap break-words rounded bg-slate-50 p-3 text-sm" data-testid="outbox-body">{row.body_text.clone()}</pre>
                                </details>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
            })}
        </Suspense>
    }
}
