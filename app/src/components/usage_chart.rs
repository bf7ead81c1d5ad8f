//! The daily-usage bar chart, drawn as SVG in the page itself, so it shows without JavaScript.
use domain::esim::{DailyUsage, busiest_day_mb, chart_bars, whole_mb};
use domain::i18n::format::{data_amount, day_month};
use domain::locale::Locale;
use domain::t;
use leptos::prelude::*;

const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 120.0;

#[component]
pub fn UsageChart(days: Vec<DailyUsage>, locale: Locale) -> impl IntoView {
    let l = locale;
    let total: i64 = days.iter().map(|d| d.data_mb).sum();
    let bars = chart_bars(&days, WIDTH, HEIGHT);
    let slot = if days.is_empty() {
        WIDTH
    } else {
        WIDTH / days.len() as f64
    };
    let data = move |mb: i64| data_amount(l, whole_mb(mb));
    let title = t!(l, "esims-chart-title");
    let summary = t!(
        l,
        "esims-chart-summary",
        total = data(total),
        max = data(busiest_day_mb(&days))
    );
    let first = days.first().map(|d| day_month(l, d.day));
    let last = days.last().map(|d| day_month(l, d.day));
    let rects = days
        .iter()
        .zip(bars)
        .map(|(d, (x, y, h))| {
            let label = t!(
                l,
                "esims-chart-bar",
                day = day_month(l, d.day),
                amount = data(d.data_mb)
            );
            view! {
                <rect x=format!("{:.1}", x + slot * 0.15) y=format!("{y:.1}") width=format!("{:.1}", slot * 0.7)
                    height=format!("{:.1}", h.max(if d.data_mb > 0 { 1.0 } else { 0.0 })) rx="2" class="fill-teal-600">
                    <title>{label}</title>
                </rect>
            }
        })
        .collect_view();
    // The SVG stretches to the card's width; its labels are HTML so they keep their size.
    view! {
        <figure class="mt-4" data-testid="usage-chart">
            <figcaption class="text-sm font-medium text-slate-700">{title}</figcaption>
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") class="mt-2 h-28 w-full" role="img" aria-label=summary.clone()
                preserveAspectRatio="none">
                <line x1="0" y1=HEIGHT x2=WIDTH y2=HEIGHT class="stroke-slate-300" stroke-width="1" />
                {rects}
            </svg>
            <div class="flex justify-between text-xs text-slate-500">
                <span>{first}</span>
                <span>{last}</span>
            </div>
            <p class="mt-1 text-xs text-slate-600" data-testid="usage-summary">{summary}</p>
        </figure>
    }
}
