use super::refusal;
use crate::api::stock::{StockOverview, get_stock_overview};
use crate::components::use_shop;
use crate::domain::locale::Locale;
use crate::domain::stock_import::ImportRun;
use crate::pages::account::query_param;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// Operators: stock per storefront, the CSV upload, and each import's progress and report.
#[component]
pub fn StockPage() -> impl IntoView {
    let l = use_shop().locale;
    let m = l.messages();
    let overview = Resource::new_blocking(|| (), |_| get_stock_overview());
    // While an import runs, the hydrated page asks again every second.
    #[cfg(feature = "hydrate")]
    {
        let handle = set_interval_with_handle(
            move || {
                if overview
                    .get_untracked()
                    .and_then(|r| r.ok())
                    .is_some_and(|o| o.running())
                {
                    overview.refetch();
                }
            },
            std::time::Duration::from_secs(1),
        );
        if let Ok(h) = handle {
            on_cleanup(move || h.clear());
        }
    }
    let title = l.pick(["eSIM stock", "eSIM 库存", "Склад eSIM"]);
    view! {
        <Title text=title />
        <div class="mx-auto mt-8 flex max-w-4xl flex-col gap-6" data-testid="stock-page">
            <h1 class="text-2xl font-semibold text-slate-900">{title}</h1>
            <Suspense fallback=move || view! { <p>{m.loading}</p> }>
                {move || overview.get().map(|r| match r {
                    Ok(o) => view! { <StockSections overview=o locale=l /> }.into_any(),
                    Err(e) => refusal(e, "/operator/stock"),
                })}
            </Suspense>
        </div>
    }
}

fn upload_error(code: &str, l: Locale) -> &'static str {
    match code {
        "no_file" => l.pick([
            "Choose a CSV file first.",
            "请先选择 CSV 文件。",
            "Сначала выберите CSV-файл.",
        ]),
        "too_large" => l.pick([
            "The file is larger than 64 MB.",
            "文件超过 64 MB。",
            "Файл больше 64 МБ.",
        ]),
        "storefront" => l.pick(["Choose a storefront.", "请选择店铺。", "Выберите магазин."]),
        _ => l.pick([
            "The upload could not be read. Try again.",
            "无法读取上传内容，请重试。",
            "Не удалось прочитать файл. Попробуйте снова.",
        ]),
    }
}

#[component]
fn StockSections(overview: StockOverview, locale: Locale) -> impl IntoView {
    let l = locale;
    let section = "rounded-lg border border-slate-200 bg-white p-5 shadow-sm";
    let running = overview.running();
    let error = query_param("error").map(|c| upload_error(&c, l));
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
                    <td class="py-2 text-right tabular-nums" data-testid="in-stock">{s.in_stock}</td>
                    <td class="py-2 text-right tabular-nums">{s.sold}</td>
                </tr>
            }
        })
        .collect_view();
    // Without JavaScript, a page with a running import reloads itself to show progress.
    let refresh = running.then(|| view! { <Meta http_equiv="refresh" content="2" /> });
    // Each section is type-erased: one nested view type for the whole page is too deep for rustc.
    let upload = view! {
        <section class=section>
            <h2 class="font-semibold text-slate-900">{l.pick(["Import profiles from CSV", "从 CSV 导入配置文件", "Импорт профилей из CSV"])}</h2>
            <p class="mt-1 text-sm text-slate-600">{l.pick([
                "Columns: iccid, smdp_address, matching_id (or activation_code), optional confirmation_code and carrier, and plans (plan slugs separated by ;). Importing the same file again changes nothing.",
                "列：iccid、smdp_address、matching_id（或 activation_code），可选 confirmation_code 和 carrier，以及 plans（套餐代号，以 ; 分隔）。重复导入同一文件不会产生变化。",
                "Столбцы: iccid, smdp_address, matching_id (или activation_code), необязательные confirmation_code и carrier, и plans (коды тарифов через ;). Повторный импорт того же файла ничего не меняет.",
            ])}</p>
            {error.map(|e| view! { <crate::components::refusal::ErrorBox text=e testid="form-error" /> })}
            <form method="post" action="/operator/stock/upload" enctype="multipart/form-data" class="mt-4 flex flex-col gap-3 sm:flex-row sm:items-end" data-testid="stock-upload">
                <label class="flex flex-col text-sm font-medium text-slate-800">
                    {l.pick(["Storefront", "店铺", "Магазин"])}
                    <select name="storefront" class="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2">{options}</select>
                </label>
                <label class="flex flex-1 flex-col text-sm font-medium text-slate-800">
                    {l.pick(["CSV file", "CSV 文件", "CSV-файл"])}
                    <input type="file" name="file" accept=".csv,text/csv" required class="mt-1 rounded-md border border-slate-300 px-3 py-2" />
                </label>
                <button type="submit" class="rounded-md bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800">
                    {l.pick(["Import", "导入", "Импортировать"])}
                </button>
            </form>
        </section>
    }
    .into_any();
    let imports = view! {
        <section class=section>
            <h2 class="font-semibold text-slate-900">{l.pick(["Recent imports", "最近的导入", "Последние импорты"])}</h2>
            <div class="mt-3 flex flex-col gap-4">
                {overview.imports.into_iter().map(|run| view! { <ImportRunView run locale=l /> }.into_any()).collect_view()}
            </div>
        </section>
    }
    .into_any();
    let levels = view! {
        <section class=section>
            <h2 class="font-semibold text-slate-900">{l.pick(["Stock per storefront", "各店铺库存", "Склад по магазинам"])}</h2>
            <table class="mt-3 w-full text-sm">
                <thead><tr class="text-left text-slate-600">
                    <th class="py-1 font-medium">{l.pick(["Storefront", "店铺", "Магазин"])}</th>
                    <th class="py-1 text-right font-medium">{l.pick(["In stock", "库存", "На складе"])}</th>
                    <th class="py-1 text-right font-medium">{l.pick(["Sold", "已售", "Продано"])}</th>
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
    let total = run.rows_total.unwrap_or(run.rows_done);
    let status = match (&run.failure, finished, l) {
        (Some(f), _, _) => format!("{} {f}", l.pick(["Stopped:", "已中止：", "Остановлен:"])),
        (None, false, Locale::En) => format!("Importing… {} of {} rows", run.rows_done, total),
        (None, false, Locale::Zh) => format!("正在导入…… {} / {} 行", run.rows_done, total),
        (None, false, Locale::Ru) => format!("Импорт… {} из {} строк", run.rows_done, total),
        (None, true, Locale::En) => format!(
            "{} rows: {} imported, {} unchanged, {} refused, {} with a wrong check digit",
            run.rows_done, run.imported, run.unchanged, run.rejected, run.warned
        ),
        (None, true, Locale::Zh) => format!(
            "{} 行：导入 {}，未变 {}，拒绝 {}，校验位错误 {}",
            run.rows_done, run.imported, run.unchanged, run.rejected, run.warned
        ),
        (None, true, Locale::Ru) => format!(
            "{} строк: импортировано {}, без изменений {}, отклонено {}, с неверной контрольной цифрой {}",
            run.rows_done, run.imported, run.unchanged, run.rejected, run.warned
        ),
    };
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
                <span class="text-slate-600">{crate::domain::locale::format_utc(run.started_at)}</span>
            </div>
            <progress class="mt-2 h-2 w-full accent-teal-700" max="100" value=percent data-testid="import-progress">{format!("{percent}%")}</progress>
            <p class="mt-1 text-sm text-slate-700" data-testid="import-status">{status}</p>
            {has_rejections.then(|| view! {
                <details class="mt-2 text-sm">
                    <summary class="cursor-pointer font-medium text-red-800">{l.pick(["Refused rows", "被拒绝的行", "Отклонённые строки"])}</summary>
                    <table class="mt-2 w-full" data-testid="rejections">
                        <thead><tr class="text-left text-slate-600">
                            <th class="py-1 pr-3 font-medium">{l.pick(["Line", "行", "Строка"])}</th>
                            <th class="py-1 pr-3 font-medium">"ICCID"</th>
                            <th class="py-1 font-medium">{l.pick(["Reason", "原因", "Причина"])}</th>
                        </tr></thead>
                        <tbody>{rejections}</tbody>
                    </table>
                </details>
            })}
        </article>
    }
}
