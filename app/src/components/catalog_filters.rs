use super::enhance::{submit_enclosing_form, use_hydrated};
use crate::domain::catalog_query::{CatalogQuery, MIN_DATA_CHOICES_GB, MIN_DAYS_CHOICES, MinData, SortOrder};
use crate::domain::plan::{BillingPeriod, Destination, DestinationKind, PlanKind};
use crate::i18n::Messages;
use leptos::prelude::*;
use leptos_router::components::Form;

const SELECT: &str = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-2 text-sm";
const LABEL: &str = "block text-sm font-medium text-slate-700";

/// The filter and sort form. A GET form, so the filters live in the query string: without
/// JavaScript it reloads the page; hydrated, the router handles it and each change applies at once.
#[component]
pub fn CatalogFilters(
    m: &'static Messages,
    query: Memo<CatalogQuery>,
    destinations: Vec<Destination>,
) -> impl IntoView {
    let hydrated = use_hydrated();
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
        <Form method="GET" action="/" noscroll=true attr:class="space-y-4" attr:data-testid="filters">
            <h2 class="text-sm font-semibold uppercase tracking-wide text-slate-500">{m.filters}</h2>
            <div>
                <label class=LABEL for="f-dest">{m.destination}</label>
                <select id="f-dest" name="dest" class=SELECT on:change=submit_enclosing_form>
                    <option value="" selected=move || q().dest.is_none()>{m.any_destination}</option>
                    <optgroup label=m.countries>{countries.into_iter().map(dest_option).collect_view()}</optgroup>
                    <optgroup label=m.regions>{regions.into_iter().map(dest_option).collect_view()}</optgroup>
                </select>
            </div>
            <div>
                <label class=LABEL for="f-data">{m.min_data}</label>
                <select id="f-data" name="data" class=SELECT on:change=submit_enclosing_form>
                    <option value="" selected=move || q().min_data.is_none()>{m.any_amount}</option>
                    {MIN_DATA_CHOICES_GB
                        .into_iter()
                        .map(|gb| {
                            view! {
                                <option value=gb.to_string() selected=move || q().min_data == Some(MinData::Gb(gb))>
                                    {m.at_least_gb(gb)}
                                </option>
                            }
                        })
                        .collect_view()}
                    <option value="unlimited" selected=move || q().min_data == Some(MinData::Unlimited)>
                        {m.unlimited}
                    </option>
                </select>
            </div>
            <div>
                <label class=LABEL for="f-days">{m.trip_length}</label>
                <select id="f-days" name="days" class=SELECT on:change=submit_enclosing_form>
                    <option value="" selected=move || q().min_days.is_none()>{m.any_length}</option>
                    {MIN_DAYS_CHOICES
                        .into_iter()
                        .map(|d| {
                            view! {
                                <option value=d.to_string() selected=move || q().min_days == Some(d)>
                                    {m.at_least_days(d)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div>
                <label class=LABEL for="f-period">{m.billing}</label>
                <select id="f-period" name="period" class=SELECT on:change=submit_enclosing_form>
                    <option value="" selected=move || q().period.is_none()>{m.any_billing}</option>
                    {BillingPeriod::ALL
                        .into_iter()
                        .map(|p| {
                            view! {
                                <option value=p.code() selected=move || q().period == Some(p)>
                                    {m.period_label(p)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div>
                <label class=LABEL for="f-kind">{m.plan_type}</label>
                <select id="f-kind" name="kind" class=SELECT on:change=submit_enclosing_form>
                    <option value="" selected=move || q().kind.is_none()>{m.any_type}</option>
                    {PlanKind::ALL
                        .into_iter()
                        .map(|k| {
                            view! {
                                <option value=k.code() selected=move || q().kind == Some(k)>
                                    {m.kind_label(k)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div>
                <label class=LABEL for="f-sort">{m.sort_by}</label>
                <select id="f-sort" name="sort" class=SELECT on:change=submit_enclosing_form data-testid="sort-select">
                    {SortOrder::ALL
                        .into_iter()
                        .map(|o| {
                            view! {
                                <option value=o.code() selected=move || q().sort == o>
                                    {m.sort_label(o.code())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="flex items-center gap-3">
                // Hydrated, every change applies at once; the button stays for keyboard users
                // and for the page without JavaScript.
                <button
                    type="submit"
                    data-testid="apply-filters"
                    class="rounded-md bg-teal-700 px-4 py-2 text-sm font-semibold text-white hover:bg-teal-800"
                    class:opacity-80=move || hydrated.get()
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
        </Form>
    }
}
