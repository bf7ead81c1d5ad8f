use super::plan_facts::{plan_badges, voice_sms_summary};
use domain::i18n::Messages;
use domain::plan::{DataAllowance, DestinationKind, PlanCard};
use leptos::prelude::*;

#[component]
pub fn PlanCardView(card: PlanCard, m: &'static Messages) -> impl IntoView {
    let locale = m.locale;
    let href = format!("/plans/{}", card.slug);
    let coverage = match card.destination.kind {
        DestinationKind::Country => card.destination.name.clone(),
        _ => format!("{} · {}", card.destination.name, m.country_count(card.country_count)),
    };
    let fair_use = match card.data {
        DataAllowance::Unlimited { fair_use_daily_mb } => Some(view! {
            <dd class="col-span-2 text-slate-600">{m.daily_full_speed(fair_use_daily_mb)}</dd>
        }),
        DataAllowance::Limited { .. } => None,
    };
    view! {
        <li class="flex">
            <a
                href=href
                data-testid="plan-card"
                data-slug=card.slug.clone()
                data-price=card.price.amount_minor.to_string()
                class="group flex w-full flex-col rounded-xl border border-slate-200 bg-white p-4 shadow-sm transition hover:border-teal-500 hover:shadow-md focus-visible:outline-2 focus-visible:outline-teal-600"
            >
                <p class="text-xs font-medium uppercase tracking-wide text-slate-500">{coverage}</p>
                <h3 class="mt-1 text-base font-semibold text-slate-900 group-hover:text-teal-800" data-testid="plan-name">
                    {card.name.clone()}
                </h3>
                <dl class="mt-3 grid grid-cols-2 gap-x-3 gap-y-1 text-sm">
                    <dt class="sr-only">{m.data}</dt>
                    <dd class="text-lg font-semibold text-slate-900" data-testid="plan-data">{m.data_headline(card.data)}</dd>
                    <dt class="sr-only">{m.validity}</dt>
                    <dd class="self-center text-right text-slate-700" data-testid="plan-validity">{m.days(card.validity_days)}</dd>
                    {fair_use}
                    <dt class="sr-only">{m.voice}</dt>
                    <dd class="col-span-2 text-slate-600">{voice_sms_summary(m, &card)}</dd>
                </dl>
                <div class="mt-3 flex flex-wrap gap-1.5">{plan_badges(m, &card)}</div>
                <div class="mt-auto flex items-end justify-between pt-4">
                    <span class="text-xl font-bold text-slate-900" data-testid="plan-price">
                        {card.price.format(locale)}
                    </span>
                    <span class="text-sm font-medium text-teal-700 group-hover:underline">{m.view_plan} " →"</span>
                </div>
            </a>
        </li>
    }
}
