//! One eSIM as "My eSIMs" and the no-account lookup show it: status, bundles with what is left,
//! expiry, and the usage chart.
use super::usage_chart::UsageChart;
use crate::domain::esim::{
    Allowance, BundleCard, BundleState, EsimCard, EsimStatus, ExpiryUrgency, expiry_urgency, format_mb, validity_rule,
};
use crate::domain::locale::Locale;
use crate::domain::locale::format_utc as when;
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
                        "ICCID " <span class="font-mono" data-testid="esim-iccid">{card.iccid.clone()}</span>
                        {carrier.map(|c| view! { <span>" · " {c}</span> })}
                    </p>
                </div>
                <span class=format!("rounded-full px-3 py-1 text-sm font-medium {}", status_class(status)) data-testid="esim-status">
                    {status.label(l)}
                </span>
            </header>
            {(!has_bundles).then(|| view! {
                <p class="mt-4 text-sm text-slate-600">
                    {l.pick(["No plan on this eSIM yet.", "此 eSIM 尚无套餐。", "На этой eSIM пока нет тарифа."])}
                </p>
            })}
            <div class="mt-4 flex flex-col gap-4">{bundle_views}</div>
            {chart}
            {links.then(|| view! {
                <nav class="mt-4 flex flex-wrap gap-3 text-sm">
                    {status.installable().then(|| view! {
                        <a href=format!("/esims/{id}/install") data-testid="install-link"
                            class="rounded-md bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800">
                            {l.pick(["Install on a phone", "安装到手机", "Установить на телефон"])}
                        </a>
                    })}
                    <a href=format!("/checkout?esim={id}") data-testid="renew-link"
                        class="rounded-md bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800">
                        {l.pick(["Renew or top up", "续费或充值", "Продлить или пополнить"])}
                    </a>
                    <a href=format!("/esims/{id}") data-testid="esim-details-link"
                        class="rounded-md border border-slate-300 px-4 py-2 font-medium text-slate-800 hover:bg-slate-50">
                        {l.pick(["Details and name", "详情与名称", "Подробнее и имя"])}
                    </a>
                    {(!status.installable()).then(|| view! {
                        <a href=format!("/esims/{id}/install") data-testid="install-link"
                            class="px-2 py-2 font-medium text-teal-800 underline">
                            {l.pick(["Installation details", "安装信息", "Данные для установки"])}
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
            (BundleState::Expired, _) | (_, ExpiryUrgency::Past) => (
                "text-slate-600",
                match l {
                    Locale::En => format!("Ended {}", when(at)),
                    Locale::Zh => format!("已于 {} 结束", when(at)),
                    Locale::Ru => format!("Закончился {}", when(at)),
                },
            ),
            (_, ExpiryUrgency::Soon) => (
                "font-semibold text-amber-800",
                match l {
                    Locale::En => format!(
                        "Expires in {days} day{} ({}) — renew soon",
                        if days == 1 { "" } else { "s" },
                        when(at)
                    ),
                    Locale::Zh => format!("{days} 天后到期（{}）— 请尽快续费", when(at)),
                    Locale::Ru => format!("Истекает через {days} дн. ({}) — пора продлить", when(at)),
                },
            ),
            (_, ExpiryUrgency::Fine) => (
                "text-slate-700",
                match l {
                    Locale::En => format!("Expires in {days} days ({})", when(at)),
                    Locale::Zh => format!("{days} 天后到期（{}）", when(at)),
                    Locale::Ru => format!("Истекает через {days} дн. ({})", when(at)),
                },
            ),
        };
        view! { <p class=format!("text-sm {class}") data-testid="bundle-expiry" data-days-left=days>{text}</p> }
    });
    let data_label = l.pick(["Data", "流量", "Данные"]);
    let data_bar = match bundle.data.total {
        Some(_) => {
            view! { <AllowanceBar label=data_label allowance=bundle.data format=format_mb testid="data" locale=l /> }
                .into_any()
        }
        None => {
            let fair = bundle
                .fair_use_daily_mb
                .map(i64::from)
                .map(format_mb)
                .unwrap_or_default();
            let text = match l {
                Locale::En => format!("Unlimited data: full speed for {fair} a day, then slower"),
                Locale::Zh => format!("无限流量：每天 {fair} 高速，之后降速"),
                Locale::Ru => format!("Безлимит: {fair} в день на полной скорости, затем медленнее"),
            };
            view! { <p class="text-sm text-slate-800" data-testid="data-unlimited">{text}</p> }.into_any()
        }
    };
    let minutes = move |n: i64| match l {
        Locale::En => format!("{n} min"),
        Locale::Zh => format!("{n} 分钟"),
        Locale::Ru => format!("{n} мин"),
    };
    let sms = |n: i64| format!("{n} SMS");
    let measured = bundle.usage_measured_at.map(|at| {
        let text = match l {
            Locale::En => format!("Usage measured {}", when(at)),
            Locale::Zh => format!("用量统计于 {}", when(at)),
            Locale::Ru => format!("Расход измерен {}", when(at)),
        };
        view! { <p class="text-xs text-slate-500" data-testid="usage-measured">{text}</p> }
    });
    let waiting_note = (state == BundleState::Waiting).then(|| {
        let text = match bundle.starts_at {
            Some(start) => match l {
                Locale::En => format!("Starts {}, when the current plan ends.", when(start)),
                Locale::Zh => format!("将于 {} 当前套餐结束时开始。", when(start)),
                Locale::Ru => format!("Начнётся {}, когда закончится текущий тариф.", when(start)),
            },
            None => validity_rule(bundle.validity_starts, bundle.validity_days, l),
        };
        view! { <p class="text-sm text-slate-700" data-testid="bundle-starts">{text}</p> }
    });
    let rule = (state != BundleState::Waiting).then(|| {
        view! { <p class="text-xs text-slate-500" data-testid="validity-rule">{validity_rule(bundle.validity_starts, bundle.validity_days, l)}</p> }
    });
    view! {
        <section class="rounded-md border border-slate-100 bg-slate-50 p-4" data-testid="bundle">
            <div class="flex flex-wrap items-baseline justify-between gap-2">
                <h3 class="font-medium text-slate-900">{bundle.plan_name.clone()}</h3>
                <span class="text-sm text-slate-600" data-testid="bundle-state">{state.label(l)}</span>
            </div>
            <div class="mt-2 flex flex-col gap-2">
                {data_bar}
                {bundle.voice.map(|a| view! { <AllowanceBar label=l.pick(["Minutes", "通话", "Минуты"]) allowance=a format=minutes testid="voice" locale=l /> })}
                {bundle.sms.map(|a| view! { <AllowanceBar label="SMS" allowance=a format=sms testid="sms" locale=l /> })}
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
    label: &'static str,
    allowance: Allowance,
    format: impl Fn(i64) -> String + 'static,
    testid: &'static str,
    locale: Locale,
) -> impl IntoView {
    let percent = allowance.percent_left().unwrap_or(100);
    let total = allowance.total.unwrap_or(allowance.remaining);
    let text = match locale {
        Locale::En => format!("{} left of {}", format(allowance.remaining), format(total)),
        Locale::Zh => format!("剩余 {} / 共 {}", format(allowance.remaining), format(total)),
        Locale::Ru => format!("Осталось {} из {}", format(allowance.remaining), format(total)),
    };
    // An SVG bar: the page's CSP allows no inline styles, and SVG widths are attributes.
    let colour = if percent <= 10 {
        "fill-amber-600"
    } else {
        "fill-teal-600"
    };
    view! {
        <div data-testid=format!("{testid}-allowance")>
            <div class="flex justify-between text-sm">
                <span class="text-slate-700">{label}</span>
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
