//! Small labelled facts about a plan, shared by the card and the plan page.
use domain::i18n::Messages;
use domain::plan::{BillingPeriod, DataAllowance, Generation, PlanCard, PlanKind};
use leptos::prelude::*;

/// Short badges: day pass or yearly, 5G, shared lines, top-up. Monthly is the ordinary case
/// and gets no badge.
pub fn plan_badges(m: &'static Messages, card: &PlanCard) -> impl IntoView + use<> {
    let mut badges: Vec<String> = Vec::new();
    if card.billing_period != BillingPeriod::Month {
        badges.push(m.period_label(card.billing_period).to_string());
    }
    if card.max_generation == Generation::G5 {
        badges.push(card.max_generation.label().into());
    }
    if card.kind != PlanKind::Single {
        badges.push(m.up_to_lines(card.max_lines));
    }
    if card.can_top_up {
        badges.push(m.top_up_badge.to_string());
    }
    badges
        .into_iter()
        .map(|b| {
            view! {
                <span class="rounded-full bg-teal-50 px-2 py-0.5 text-xs font-medium text-teal-800 ring-1 ring-teal-200">
                    {b}
                </span>
            }
        })
        .collect_view()
}

/// "Unlimited" plus the daily allowance, or the data amount.
pub fn data_summary(m: &'static Messages, data: DataAllowance) -> String {
    match data {
        DataAllowance::Limited { mb } => m.data_amount(mb),
        DataAllowance::Unlimited { fair_use_daily_mb } => {
            domain::t!(
                m.locale,
                "catalog-unlimited-per-day",
                amount = m.data_amount(fair_use_daily_mb)
            )
        }
    }
}

/// Calls and SMS, or "Data only".
pub fn voice_sms_summary(m: &'static Messages, card: &PlanCard) -> String {
    match (card.voice_minutes, card.sms_count) {
        (0, 0) => m.data_only.to_string(),
        (min, 0) => m.minutes(min),
        (0, sms) => m.sms_count(sms),
        (min, sms) => format!("{} · {}", m.minutes(min), m.sms_count(sms)),
    }
}
