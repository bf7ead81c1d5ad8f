use crate::islands::AutoSubmit;
use domain::catalog_query::{CatalogQuery, MIN_DATA_CHOICES_GB, MIN_DAYS_CHOICES, MinData, SortOrder};
use domain::i18n::Messages;
use domain::plan::{BillingPeriod, Destination, DestinationKind, PlanKind};
use leptos::prelude::*;

const SELECT: &str = "mt-1 block w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-2 text-sm";
const LABEL: &str = "block text-sm font-medium text-slate-700";

/// The filter and sort form. A GET form, so the filters live in the query string and every
/// result is a page of its own; once the page is interactive, each change applies at once.
#[component]
pub fn CatalogFilters(
    m: &'static Messages,
    query: Memo<CatalogQuery>,
    destinations: Vec<Destination>,
) -> impl IntoView {
    let q = move || query.get();
    let (countries, regions): (Vec<_>, Vec<_>) = destinations
        .into_iter()
        .partition(|d| d.kind == DestinationKind::Country);
    let dest_option = move |d: Destination| {
        let code = d.code.clone();
        view! {
            <option value=d.code selected=move || q().dest.as_deref() == Some(code.as_str())>
                {d.name}
            </option>
        }
    };

    view! {
        <AutoSubmit>
        <form method="get" action="/" class="grid grid-cols-2 gap-3 lg:grid-cols-1 lg:gap-4" data-testid="filters">
            <h2 class="col-span-2 text-sm font-semibold uppercase tracking-wide text-slate-500 lg:col-span-1">{m.filters}</h2>
            <div class="col-span-2 lg:col-span-1">
                <label class=LABEL for="f-dest">{m.destination}</label>
                <select id="f-dest" name="dest" class=SELECT>
                    <option value="" selected=move || q().dest.is_none()>{m.any_destination}</option>
                    <optgroup label=m.countries>{countries.into_iter().map(dest_option).collect_view()}</optgroup>
                    <optgroup label=m.regions>{regions.into_iter().map(dest_option).collect_view()}</optgroup>
                </select>
            </div>
            <FilterSelect
                id="f-data"
                name="data"
                label=m.min_data
                any=m.any_amount
                current=Signal::derive(move || q().min_data.map(|d| d.code()))
                choices=MIN_DATA_CHOICES_GB
                    .into_iter()
                    .map(|gb| (MinData::Gb(gb).code(), m.at_least_gb(gb)))
                    .chain([(MinData::Unlimited.code(), m.unlimited.to_string())])
                    .collect()
            />
            <FilterSelect
                id="f-days"
                name="days"
                label=m.trip_length
                any=m.any_length
                current=Signal::derive(move || q().min_days.map(|d| d.to_string()))
                choices=MIN_DAYS_CHOICES.into_iter().map(|d| (d.to_string(), m.at_least_days(d))).collect()
            />
            <FilterSelect
                id="f-period"
                name="period"
                label=m.billing
                any=m.any_billing
                current=Signal::derive(move || q().period.map(|p| p.code().to_string()))
                choices=BillingPeriod::ALL.into_iter().map(|p| (p.code().to_string(), m.period_label(p).to_string())).collect()
            />
            <FilterSelect
                id="f-kind"
                name="kind"
                label=m.plan_type
                any=m.any_type
                current=Signal::derive(move || q().kind.map(|k| k.code().to_string()))
                choices=PlanKind::ALL.into_iter().map(|k| (k.code().to_string(), m.kind_label(k).to_string())).collect()
            />
            <FilterSelect
                id="f-sort"
                name="sort"
                label=m.sort_by
                current=Signal::derive(move || Some(q().sort.code().to_string()))
                choices=SortOrder::ALL.into_iter().map(|o| (o.code().to_string(), m.sort_label(o.code()).to_string())).collect()
            />
            <div class="col-span-2 flex items-center gap-3 lg:col-span-1">
                // Interactive, every change applies at once; the button stays for keyboard
                // users and for the page without JavaScript.
                <button
                    type="submit"
                    data-testid="apply-filters"
                    class="rounded-md bg-teal-700 px-4 py-2 text-sm font-semibold text-white hover:bg-teal-800"
                >
                    {m.apply_filters}
                </button>
                <a
                    href="/"
                    class="text-sm text-teal-800 underline"
                    class:invisible=move || !q().is_filtered() && q().sort == SortOrder::Featured
                >
                    {m.clear_filters}
                </a>
            </div>
        </form>
        </AutoSubmit>
    }
}

/// One labelled filter: an optional "any" choice, then `choices` as (query value, label).
/// Changing it applies the filters at once when the page is interactive.
#[component]
fn FilterSelect(
    id: &'static str,
    name: &'static str,
    label: &'static str,
    #[prop(optional)] any: Option<&'static str>,
    current: Signal<Option<String>>,
    choices: Vec<(String, String)>,
) -> impl IntoView {
    view! {
        <div>
            <label class=LABEL for=id>{label}</label>
            <select id=id name=name class=SELECT>
                {any.map(|text| view! { <option value="" selected=move || current.get().is_none()>{text}</option> })}
                {choices
                    .into_iter()
                    .map(|(value, text)| {
                        let this = value.clone();
                        view! {
                            <option value=value selected=move || current.get().as_deref() == Some(this.as_str())>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
