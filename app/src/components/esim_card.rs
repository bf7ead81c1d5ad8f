//! One eSIM as "My eSIMs" and the no-account lookup show it: status, bundles with what is left,
//! expiry, and the usage chart.
use super::usage_chart::UsageChart;
use crate::components::when;
use domain::esim::{Allowance, BundleCard, BundleState, EsimCard, EsimStatus, ExpiryUrgency, expiry_urgency, whole_mb};
use domain::i18n::format::data_amount;
use domain::locale::Locale;
use domain::t;
use leptos::prelude::*;

fn status_class(status: EsimStatus) -> &'static str {
    match status {
        EsimStatus::Active => "bg-teal-100 text-teal-900",
        EsimStatus::Installed | EsimStatus::ReadyToInstall | EsimStatus::InStock => "bg-sky-100 text-sky-900",
        EsimStatus::Expired => "bg-slate-200 text-slate-800",
        EsimStatus::Suspended => "bg-red-100 text-red-900",
    }
}

/// `links`: whether to show the links to the eSIM's own page and install page (not in the lookup).
#[component]
pub fn EsimCardView(card: EsimCard, locale: Locale, #[prop(optional)] links: bool) -> impl IntoView {
    let l = locale;
    let name = card.display_name(l);
    let id = card.id;
    let status = card.status;
    let carrier = card.carrier.clone();
    let bundles = card.bundles.clone();
    let has_bundles = !bundles.is_empty();
    let bundle_views = bundles
        .into_iter()
        .map(|b| view! { <BundleView bundle=b locale=l /> }.into_any())
        .collect_view();
    let chart = view! { <UsageChart days=card.daily_usage.clone() locale=l /> }.into_any();
    view! {
        <article class="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="esim-card" data-esim-id=id.to_string()>
            <header class="flex flex-wrap items-start justify-between gap-2">
                <div>
                    <h2 class="text-lg font-semibold text-slate-900" data-testid="esim-name">{name}</h2>
                    <p class="text-sm text-slate-600">
                        {t!(l, "esims-iccid")} " " <span class="font-mono" data-testid="esim-iccid">{card.iccid.clone()}</span>
                        {carrier.map(|c| view! { <span>" · " {c}</span> })}
                    </p>
                </div>
                <span class=format!("rounded-full px-3 py-1 text-sm font-medium {}", status_class(status)) data-testid="esim-status">
                    {status.label(l)}
                </span>
            </header>
            {(!has_bundles).then(|| view! {
                <p class="mt-4 text-sm text-slate-600">
                    {t!(l, "esims-no-plan-yet")}
                </p>
            })}
            <div class="mt-4 flex flex-col gap-4">{bundle_views}</div>
            {chart}
            {links.then(|| view! {
                <nav class="mt-4 flex flex-wrap gap-3 text-sm">
                    {status.installable().then(|| view! {
                        <a href=format!("/esims/{id}/install") data-testid="install-link"
                            class="rounded-md bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800">
                            {t!(l, "esims-install-on-phone")}
                        </a>
                    })}
                    <a href=format!("/checkout?esim={id}") data-testid="renew-link"
                        class="rounded-md bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800">
                        {t!(l, "esims-renew-or-top-up")}
                    </a>
                    <a href=format!("/esims/{id}") data-testid="esim-details-link"
                        class="rounded-md border border-slate-300 px-4 py-2 font-medium text-slate-800 hover:bg-slate-50">
                        {t!(l, "esims-details-and-name")}
                    </a>
                    {(!status.installable()).then(|| view! {
                        <a href=format!("/esims/{id}/install") data-testid="install-link"
                            class="px-2 py-2 font-medium text-teal-800 underline">
                            {t!(l, "esims-installation-details")}
                        </a>
                    })}
                </nav>
            })}
        </article>
    }
}

#[component]
fn BundleView(bundle: BundleCard, locale: Locale) -> impl IntoView {
    let l = locale;
    let state = bundle.state;
    let expiry = bundle.expires_at.zip(bundle.days_left).map(|(at, days)| {
        let (class, text) = match (state, expiry_urgency(days)) {
            (BundleState::Expired, _) | (_, ExpiryUrgency::Past) => {
                ("text-slate-600", t!(l, "esims-ended", date = when(at)))
            }
            (_, ExpiryUrgency::Soon) => (
                "font-semibold text-amber-800",
                t!(l, "esims-expires-soon", days = days, date = when(at)),
            ),
            (_, ExpiryUrgency::Fine) => ("text-slate-700", t!(l, "esims-expires", days = days, date = when(at))),
        };
        view! { <p class=format!("text-sm {class}") data-testid="bundle-expiry" data-days-left=days>{text}</p> }
    });
    // Every amount goes through the reader's units, so a card never mixes "ГБ" and "GB".
    let data = move |mb: i64| data_amount(l, whole_mb(mb));
    let data_bar = match bundle.data.total {
        Some(_) => view! { <AllowanceBar label=t!(l, "esims-data") allowance=bundle.data format=data testid="data" locale=l /> }
            .into_any(),
        None => {
            let fair = bundle.fair_use_daily_mb.map(i64::from).map(data).unwrap_or_default();
            let text = t!(l, "esims-unlimited-data", amount = fair);
            view! { <p class="text-sm text-slate-800" data-testid="data-unlimited">{text}</p> }.into_any()
        }
    };
    let minutes = move |n: i64| t!(l, "catalog-voice-minutes", count = n);
    let sms = move |n: i64| t!(l, "catalog-sms-count", count = n);
    let measured = bundle.usage_measured_at.map(|at| {
        let text = t!(l, "esims-usage-measured", date = when(at));
        view! { <p class="text-xs text-slate-500" data-testid="usage-measured">{text}</p> }
    });
    let rule = bundle.validity_starts.rule(bundle.validity_days, l);
    let waiting_note = (state == BundleState::Waiting).then(|| {
        let text = match bundle.starts_at {
            Some(start) => t!(l, "esims-starts-after-current", date = when(start)),
            None => rule.clone(),
        };
        view! { <p class="text-sm text-slate-700" data-testid="bundle-starts">{text}</p> }
    });
    let rule = (state != BundleState::Waiting).then(|| {
        view! { <p class="text-xs text-slate-500" data-testid="validity-rule">{rule}</p> }
    });
    view! {
        <section class="rounded-md border border-slate-100 bg-slate-50 p-4" data-testid="bundle">
            <div class="flex flex-wrap items-baseline justify-between gap-2">
                <h3 class="font-medium text-slate-900">{bundle.plan_name.clone()}</h3>
                <span class="text-sm text-slate-600" data-testid="bundle-state">{state.label(l)}</span>
            </div>
            <div class="mt-2 flex flex-col gap-2">
                {data_bar}
                {bundle.voice.map(|a| view! { <AllowanceBar label=t!(l, "esims-minutes") allowance=a format=minutes testid="voice" locale=l /> })}
                {bundle.sms.map(|a| view! { <AllowanceBar label=t!(l, "catalog-sms") allowance=a format=sms testid="sms" locale=l /> })}
                {expiry}
                {waiting_note}
                {rule}
                {measured}
            </div>
        </section>
    }
}

#[component]
fn AllowanceBar(
    label: String,
    allowance: Allowance,
    format: impl Fn(i64) -> String + 'static,
    testid: &'static str,
    locale: Locale,
) -> impl IntoView {
    let percent = allowance.percent_left().unwrap_or(100);
    let total = allowance.total.unwrap_or(allowance.remaining);
    let text = t!(
        locale,
        "esims-left-of",
        left = format(allowance.remaining),
        total = format(total)
    );
    // An SVG bar: the page's CSP allows no inline styles, and SVG widths are attributes.
    let colour = if percent <= 10 {
        "fill-amber-600"
    } else {
        "fill-teal-600"
    };
    view! {
        <div data-testid=format!("{testid}-allowance")>
            <div class="flex justify-between text-sm">
                <span class="text-slate-700">{label.clone()}</span>
                <span class="font-medium text-slate-900" data-testid=format!("{testid}-left")>{text}</span>
            </div>
            <svg viewBox="0 0 100 4" preserveAspectRatio="none" class="mt-1 h-2.5 w-full" role="progressbar"
                aria-label=label aria-valuemin="0" aria-valuemax="100" aria-valuenow=percent>
                <rect x="0" y="0" width="100" height="4" rx="2" class="fill-slate-200" />
                <rect x="0" y="0" width=percent height="4" rx="2" class=colour />
            </svg>
        </div>
    }
}
