use super::refusal;
use crate::api::stock::{StockOverview, get_stock_overview};
use crate::components::use_shop;
use crate::pages::account::query_param;
use domain::i18n::format::integer;
use domain::locale::Locale;
use domain::problem::StockProblem;
use domain::stock_import::ImportRun;
use domain::t;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// Operators: stock per storefront, the CSV upload, and each import's progress and report.
#[component]
pub fn StockPage() -> impl IntoView {
    let l = use_shop().locale;
    let overview = Resource::new_blocking(|| (), |_| get_stock_overview());
    let title = t!(l, "staff-stock-title");
    view! {
        <Title text=title.clone() />
        <div class="mx-auto mt-8 flex max-w-4xl flex-col gap-6" data-testid="stock-page">
            <h1 class="text-2xl font-semibold text-slate-900">{title}</h1>
            <Suspense fallback=move || view! { <p>{t!(l, "staff-loading")}</p> }>
                {move || overview.get().map(|r| match r {
                    Ok(o) => view! { <StockSections overview=o locale=l /> }.into_any(),
                    Err(e) => refusal(e, "/operator/stock"),
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn StockSections(overview: StockOverview, locale: Locale) -> impl IntoView {
    let l = locale;
    let section = "rounded-lg border border-slate-200 bg-white p-5 shadow-sm";
    let running = overview.running();
    let error = query_param("error").map(|code| StockProblem::from_code(&code).message(l));
    let options = overview
        .levels
        .iter()
        .map(|s| view! { <option value=s.slug.clone()>{s.name.clone()}</option> })
        .collect_view();
    let level_rows = overview
        .levels
        .iter()
        .map(|s| {
            view! {
                <tr class="border-t border-slate-100">
                    <td class="py-2">{s.name.clone()}</td>
                    <td class="py-2 text-right tabular-nums" data-testid="in-stock">{integer(l, s.in_stock)}</td>
                    <td class="py-2 text-right tabular-nums">{integer(l, s.sold)}</td>
                </tr>
            }
        })
        .collect_view();
    // Without JavaScript, a page with a running import reloads itself to show progress.
    let refresh = running.then(|| view! { <Meta http_equiv="refresh" content="2" /> });
    // Each section is type-erased: one nested view type for the whole page is too deep for rustc.
    let upload = view! {
        <section class=section>
            <h2 class="font-semibold text-slate-900">{t!(l, "staff-stock-upload-heading")}</h2>
            <p class="mt-1 text-sm text-slate-600">{t!(l, "staff-stock-columns")}</p>
            {error.map(|e| view! { <crate::components::refusal::ErrorBox text=e testid="form-error" /> })}
            <form method="post" action="/operator/stock/upload" enctype="multipart/form-data" class="mt-4 flex flex-col gap-3 sm:flex-row sm:items-end" data-testid="stock-upload">
                <label class="flex flex-col text-sm font-medium text-slate-800">
                    {t!(l, "staff-storefront")}
                    <select name="storefront" class="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2">{options}</select>
                </label>
                <label class="flex flex-1 flex-col text-sm font-medium text-slate-800">
                    {t!(l, "staff-stock-file")}
                    <input type="file" name="file" accept=".csv,text/csv" required class="mt-1 rounded-md border border-slate-300 px-3 py-2" />
                </label>
                <button type="submit" class="rounded-md bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800">
                    {t!(l, "staff-stock-import")}
                </button>
            </form>
        </section>
    }
    .into_any();
    let imports = view! {
        <section class=section>
            <h2 class="font-semibold text-slate-900">{t!(l, "staff-stock-recent")}</h2>
            <div class="mt-3 flex flex-col gap-4">
                {overview.imports.into_iter().map(|run| view! { <ImportRunView run locale=l /> }.into_any()).collect_view()}
            </div>
        </section>
    }
    .into_any();
    let levels = view! {
        <section class=section>
            <h2 class="font-semibold text-slate-900">{t!(l, "staff-stock-levels")}</h2>
            <table class="mt-3 w-full text-sm">
                <thead><tr class="text-left text-slate-600">
                    <th class="py-1 font-medium">{t!(l, "staff-storefront")}</th>
                    <th class="py-1 text-right font-medium">{t!(l, "staff-stock-in-stock")}</th>
                    <th class="py-1 text-right font-medium">{t!(l, "staff-stock-sold")}</th>
                </tr></thead>
                <tbody>{level_rows}</tbody>
            </table>
        </section>
    }
    .into_any();
    view! { {refresh} {upload} {imports} {levels} }
}

#[component]
fn ImportRunView(run: ImportRun, locale: Locale) -> impl IntoView {
    let l = locale;
    let percent = run.percent();
    let finished = run.finished_at.is_some();
    let status = run.status_line(l);
    let rejections = run
        .rejections
        .iter()
        .map(|r| {
            view! {
                <tr class="border-t border-slate-100">
                    <td class="py-1 pr-3 tabular-nums">{r.line}</td>
                    <td class="py-1 pr-3 font-mono">{r.iccid.clone()}</td>
                    <td class="py-1">{r.problem.describe(l)}</td>
                </tr>
            }
        })
        .collect_view();
    let has_rejections = !run.rejections.is_empty();
    view! {
        <article class="rounded-md border border-slate-100 bg-slate-50 p-4" data-testid="import-run" data-finished=finished.to_string()>
            <div class="flex flex-wrap justify-between gap-2 text-sm">
                <span class="font-medium text-slate-900">{format!("{} · {}", run.file_name, run.storefront)}</span>
                <span class="text-slate-600">{crate::components::when(run.started_at)}</span>
            </div>
            <progress class="mt-2 h-2 w-full accent-teal-700" max="100" value=percent data-testid="import-progress">{format!("{percent}%")}</progress>
            <p class="mt-1 text-sm text-slate-700" data-testid="import-status">{status}</p>
            {has_rejections.then(|| view! {
                <details class="mt-2 text-sm">
                    <summary class="cursor-pointer font-medium text-red-800">{t!(l, "staff-stock-refused-rows")}</summary>
                    <table class="mt-2 w-full" data-testid="rejections">
                        <thead><tr class="text-left text-slate-600">
                            <th class="py-1 pr-3 font-medium">{t!(l, "staff-stock-line")}</th>
                            <th class="py-1 pr-3 font-medium">{t!(l, "staff-stock-iccid")}</th>
                            <th class="py-1 font-medium">{t!(l, "staff-stock-reason")}</th>
                        </tr></thead>
                        <tbody>{rejections}</tbody>
                    </table>
                </details>
            })}
        </article>
    }
}
