use super::{format_time, refusal};
use crate::api::account::get_viewer;
use crate::api::staff::{ChangeStaffRole, InviteStaff, RevokeInvitation, get_staff_overview, search_customers};
use crate::components::form::{FormError, FormTarget, Notice, ServerForm, SubmitButton, use_form_action};
use crate::components::use_shop;
use crate::error::ApiError;
use domain::account::Role;
use domain::staff::{StaffMember, StaffOverview};
use domain::t;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// `/staff`: agents find customers; reseller admins and operators also manage the team. Every
/// resource is created here, once, rather than inside `Suspense` children that may re-run.
#[component]
pub fn StaffPage() -> impl IntoView {
    let l = use_shop().locale;
    let query = use_query_map();
    let q = move || query.with(|q| q.get("q")).unwrap_or_default();
    let chosen = move || {
        query
            .with(|q| q.get("storefront"))
            .and_then(|s| s.parse::<uuid::Uuid>().ok())
    };
    let viewer = Resource::new_blocking(|| (), |_| get_viewer());
    let results = Resource::new(q, |q| async move {
        if q.trim().is_empty() {
            Ok(vec![])
        } else {
            search_customers(q).await
        }
    });
    // Asked only of those who may see it, so nobody else's page turns into a 403.
    let overview = Resource::new(chosen, move |sf| async move {
        match get_viewer().await {
            Ok(Some(v)) if v.role >= Role::ResellerAdmin => Some(get_staff_overview(sf).await),
            _ => None,
        }
    });
    view! {
        <Title text=t!(l, "staff-title") />
        <Suspense fallback=move || view! { <p class="mt-8">{t!(l, "staff-loading")}</p> }>
            {move || viewer.get().map(|v| match v {
                Ok(Some(v)) if v.role.is_staff() => view! {
                    <div class="mt-8 flex flex-col gap-8" data-testid="staff-page">
                        <CustomerSearch results q=Signal::derive(q) />
                        {move || overview.get().flatten().map(|r| match r {
                            Ok(o) => view! { <TeamSections overview=o /> }.into_any(),
                            Err(e) => refusal(e, "/staff"),
                        })}
                        {move || query.with(|q| q.get("invited")).map(|_| view! {
                            <Notice text=t!(l, "staff-invited") />
                        })}
                    </div>
                }.into_any(),
                Ok(Some(_)) => refusal(ApiError::Forbidden, "/staff"),
                Ok(None) => refusal(ApiError::Unauthorized, "/staff"),
                Err(e) => refusal(e, "/staff"),
            })}
        </Suspense>
    }
}

/// A GET form, so it works without JavaScript and the search is in the URL.
#[component]
fn CustomerSearch(
    results: Resource<Result<Vec<domain::staff::CustomerMatch>, ApiError>>,
    q: Signal<String>,
) -> impl IntoView {
    let l = use_shop().locale;
    view! {
        <section class="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
            <h1 class="mb-4 text-xl font-semibold">{t!(l, "staff-find-customer")}</h1>
            <form method="get" action="/staff" class="flex flex-col gap-2 sm:flex-row">
                <label for="customer-q" class="sr-only">{t!(l, "staff-customer-query")}</label>
                <input id="customer-q" name="q" type="search" value=q minlength="3"
                    placeholder=t!(l, "staff-customer-query")
                    class="flex-1 rounded-md border border-slate-300 px-3 py-2" />
                <SubmitButton label=t!(l, "staff-search") />
            </form>
            {move || results.get().map(|r| match r {
                Ok(rows) if rows.is_empty() => ().into_any(),
                Ok(rows) => view! {
                    <ul class="mt-4 divide-y divide-slate-200" data-testid="customer-results">
                        {rows.into_iter().map(|c| view! {
                            <li class="py-2">
                                <span class="font-medium">{c.full_name.clone()}</span>
                                " " <span class="text-slate-700">{c.email.clone()}</span>
                                " " <span class="text-slate-500">{c.phone.clone()}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any(),
                Err(e) => refusal(e, "/staff"),
            })}
        </section>
    }
}

#[component]
fn TeamSections(overview: StaffOverview) -> impl IntoView {
    let l = use_shop().locale;
    let (invite, invite_error) = use_form_action::<InviteStaff>();
    let (change, change_error) = use_form_action::<ChangeStaffRole>();
    let (revoke, revoke_error) = use_form_action::<RevokeInvitation>();
    let sf_id = overview.storefront_id;
    let sf = sf_id.to_string();
    let grantable = overview.grantable.clone();
    let staff_roles: Vec<Role> = grantable.iter().copied().filter(|r| *r != Role::Customer).collect();
    let select = "rounded-md border border-slate-300 bg-white px-2 py-1.5";
    view! {
        <section class="rounded-lg border border-slate-200 bg-white p-6 shadow-sm" data-testid="team">
            <div class="mb-4 flex flex-wrap items-center justify-between gap-3">
                <h2 class="text-xl font-semibold">{t!(l, "staff-team")} " · " {overview.storefront_name.clone()}</h2>
                {(!overview.storefronts.is_empty()).then(|| view! {
                    <form method="get" action="/staff" class="flex items-center gap-2 text-sm">
                        <label for="sf-pick">{t!(l, "staff-storefront")}</label>
                        <select id="sf-pick" name="storefront" class=select>
                            {overview.storefronts.iter().map(|(id, name)| view! {
                                <option value=id.to_string() selected=*id == overview.storefront_id>{name.clone()}</option>
                            }).collect_view()}
                        </select>
                        <button type="submit" class="rounded-md border border-slate-300 px-2 py-1.5">{t!(l, "staff-show")}</button>
                    </form>
                })}
                <a href=format!("/staff/audit?storefront={sf}") class="text-sm text-teal-800 underline">{t!(l, "staff-audit-title")}</a>
                <a href="/staff/payments" class="text-sm text-teal-800 underline">{t!(l, "staff-payments-title")}</a>
            </div>
            <FormError error=change_error />
            <div class="overflow-x-auto">
            <table class="w-full text-left text-sm">
                <thead><tr class="border-b border-slate-200 text-slate-600">
                    <th class="py-2 pr-3">{t!(l, "staff-person")}</th>
                    <th class="py-2 pr-3">{t!(l, "staff-role")}</th>
                    <th class="py-2">{t!(l, "staff-change")}</th>
                </tr></thead>
                <tbody>
                    {overview.members.clone().into_iter().map(|member| {
                        let can_manage = member.account_id != overview.me && grantable.contains(&member.role);
                        view! { <MemberRow member can_manage storefront=sf_id grantable=grantable.clone() action=change /> }
                    }).collect_view()}
                </tbody>
            </table>
            </div>
        </section>
        <section class="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
            <h2 class="mb-4 text-lg font-semibold">{t!(l, "staff-invite-heading")}</h2>
            <ServerForm action=invite class="flex flex-col gap-3 sm:flex-row sm:items-end" testid="invite-form">
                <input type="hidden" name="storefront" value=sf.clone() />
                <label class="flex flex-1 flex-col gap-1 text-sm font-medium">
                    {t!(l, "staff-email")}
                    <input name="email" type="email" required class="rounded-md border border-slate-300 px-3 py-2" />
                </label>
                <label class="flex flex-col gap-1 text-sm font-medium">
                    {t!(l, "staff-role")}
                    <select name="role" class=select>
                        {staff_roles.iter().map(|r| view! { <option value=r.code()>{r.label(l)}</option> }).collect_view()}
                    </select>
                </label>
                <SubmitButton label=t!(l, "staff-send-invitation") />
            </ServerForm>
            <div class="mt-2"><FormError error=invite_error /></div>
            <FormError error=revoke_error />
            {(!overview.invitations.is_empty()).then(|| view! {
                <h3 class="mb-2 mt-6 font-semibold">{t!(l, "staff-pending-invitations")}</h3>
                <ul class="divide-y divide-slate-100 text-sm">
                    {overview.invitations.clone().into_iter().map(|inv| view! {
                        <li class="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="pending-invitation">
                            <span>{inv.email.clone()} " · " {inv.role.label(l)} " · " {format_time(inv.expires_at)}</span>
                            <ServerForm action=revoke>
                                <input type="hidden" name="storefront" value=sf_id.to_string() />
                                <input type="hidden" name="invitation" value=inv.id.to_string() />
                                <button type="submit" class="text-red-700 underline">{t!(l, "staff-cancel-invitation")}</button>
                            </ServerForm>
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}

#[component]
fn MemberRow(
    member: StaffMember,
    can_manage: bool,
    storefront: uuid::Uuid,
    grantable: Vec<Role>,
    action: FormTarget,
) -> impl IntoView {
    let l = use_shop().locale;
    let select = "rounded-md border border-slate-300 bg-white px-2 py-1.5";
    let role_id = format!("role-{}", member.account_id);
    view! {
        <tr class="border-b border-slate-100" data-testid="team-member" data-email=member.email.clone()>
            <td class="py-2 pr-3">
                <div class="font-medium">{member.full_name.clone()}</div>
                <div class="text-slate-600">{member.email.clone()}</div>
            </td>
            <td class="py-2 pr-3" data-testid="member-role">{member.role.label(l)}</td>
            <td class="py-2">
                {can_manage.then(|| view! {
                    <ServerForm action=action class="flex flex-wrap items-center gap-2">
                        <input type="hidden" name="storefront" value=storefront.to_string() />
                        <input type="hidden" name="account" value=member.account_id.to_string() />
                        <label class="sr-only" for=role_id.clone()>{t!(l, "staff-role")}</label>
                        <select id=role_id.clone() name="role" class=select>
                            {grantable.iter().map(|r| view! {
                                <option value=r.code() selected=*r == member.role>{r.label(l)}</option>
                            }).collect_view()}
                        </select>
                        <button type="submit" class="rounded-md border border-slate-300 px-2 py-1.5">{t!(l, "staff-apply")}</button>
                    </ServerForm>
                })}
            </td>
        </tr>
    }
}
