use super::{format_time, refusal};
use crate::api::staff::audit_log;
use crate::components::use_shop;
use domain::t;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AuditPage() -> impl IntoView {
    let l = use_shop().locale;
    let query = use_query_map();
    let params = move || {
        query.with(|q| {
            (
                q.get("storefront").and_then(|s| s.parse::<uuid::Uuid>().ok()),
                q.get("all").map(|_| true),
            )
        })
    };
    let entries = Resource::new_blocking(params, |(sf, all)| audit_log(sf, all));
    view! {
        <Title text=t!(l, "staff-audit-title") />
        <h1 class="mt-8 text-2xl font-semibold">{t!(l, "staff-audit-title")}</h1>
        <Suspense fallback=move || view! { <p>{t!(l, "staff-loading")}</p> }>
            {move || entries.get().map(|r| match r {
                Err(e) => refusal(e, "/staff/audit"),
                Ok(rows) => view! {
                    <div class="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
                    <table class="w-full text-left text-sm" data-testid="audit-table">
                        <thead><tr class="border-b border-slate-200 text-slate-600">
                            <th class="p-2">{t!(l, "staff-audit-when")}</th>
                            <th class="p-2">{t!(l, "staff-audit-who")}</th>
                            <th class="p-2">{t!(l, "staff-audit-from")}</th>
                            <th class="p-2">{t!(l, "staff-audit-what")}</th>
                            <th class="p-2">{t!(l, "staff-audit-about")}</th>
                            <th class="p-2">{t!(l, "staff-audit-details")}</th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|e| view! {
                                <tr class="border-b border-slate-100" data-testid="audit-row">
                                    <td class="whitespace-nowrap p-2">{format_time(e.at)}</td>
                                    <td class="p-2">{e.actor}</td>
                                    <td class="p-2">{e.ip}</td>
                                    <td class="p-2 font-mono">{e.action}</td>
                                    <td class="p-2">{e.target}</td>
                                    <td class="p-2 font-mono text-xs">{e.details}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                    </div>
                }.into_any(),
            })}
        </Suspense>
    }
}
