use super::{esim_id_param, refusal};
use crate::api::esims::get_install_details;
use crate::components::use_shop;
use crate::error::ApiError;
use crate::islands::{ClipboardCopy, DeviceFilter};
use crate::pages::account::query_param;
use domain::devices::{Device, all_devices, search_devices};
use domain::esim::InstallDetails;
use domain::locale::Locale;
use domain::t;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// How to put the eSIM on a phone: QR code, one-tap links, manual fields, steps, and a check
/// that the phone takes eSIMs at all. Served with `Cache-Control: no-store` (see the server fn).
#[component]
pub fn InstallPage() -> impl IntoView {
    let l = use_shop().locale;
    let m = l.messages();
    let id = esim_id_param();
    let details = Resource::new_blocking(
        move || id,
        |id| async move {
            match id {
                Some(id) => get_install_details(id).await,
                None => Err(ApiError::NotFound),
            }
        },
    );
    let back = id
        .map(|i| format!("/esims/{i}/install"))
        .unwrap_or_else(|| "/esims".into());
    view! {
        <Meta name="robots" content="noindex" />
        <Suspense fallback=move || view! { <p class="mt-8">{m.loading}</p> }>
            {move || {
                let back = back.clone();
                details.get().map(|result| match result {
                    Ok(d) => view! { <InstallSections details=d locale=l /> }.into_any(),
                    Err(e) => refusal(e, back),
                })
            }}
        </Suspense>
    }
}

#[component]
fn InstallSections(details: InstallDetails, locale: Locale) -> impl IntoView {
    let l = locale;
    let title = t!(l, "esims-install-title", name = details.name.clone());
    let section = "rounded-lg border border-slate-200 bg-white p-5 shadow-sm";
    let field =
        "mt-1 block w-full break-all rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-sm";
    let already = (!details.status.installable()).then(|| {
        view! {
            <p role="status" class="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="already-installed">
                {t!(l, "esims-install-already-installed")}
            </p>
        }
    });
    // Each part is type-erased: one nested view type for the whole page is too deep for rustc.
    let qr_and_links = view! {
            <div class="grid gap-6 md:grid-cols-2">
                <section class=section>
                    <h2 class="font-semibold text-slate-900">{t!(l, "esims-install-scan-heading")}</h2>
                    <p class="mt-1 text-sm text-slate-600">{t!(l, "esims-install-scan-text")}</p>
                    <div class="mx-auto mt-3 w-64 max-w-full bg-white" data-testid="qr-code" inner_html=details.qr_svg.clone()></div>
                </section>
                <section class=section>
                    <h2 class="font-semibold text-slate-900">{t!(l, "esims-install-here-heading")}</h2>
                    <p class="mt-1 text-sm text-slate-600">{t!(l, "esims-install-here-text")}</p>
                    <div class="mt-3 flex flex-col gap-2">
                        <a href=details.ios_link.clone() rel="noreferrer" data-testid="ios-link"
                            class="rounded-md bg-slate-900 px-4 py-2 text-center font-semibold text-white hover:bg-slate-700">
                            {t!(l, "esims-install-ios-link")}
                        </a>
                        <a href=details.android_link.clone() rel="noreferrer" data-testid="android-link"
                            class="rounded-md border border-slate-300 px-4 py-2 text-center font-semibold text-slate-900 hover:bg-slate-50">
                            {t!(l, "esims-install-android-link")}
                        </a>
                    </div>
                    <p class="mt-2 text-xs text-slate-500">{t!(l, "esims-install-android-note")}</p>
                </section>
            </div>
    }
    .into_any();
    let manual = view! {
            <section class=section>
                <h2 class="font-semibold text-slate-900">{t!(l, "esims-install-manual-heading")}</h2>
                <dl class="mt-3 flex flex-col gap-3 text-sm">
                    <div>
                        <dt class="font-medium text-slate-700">{t!(l, "esims-install-activation-code")}</dt>
                        <dd class="flex flex-wrap items-center gap-2">
                            <code class=field data-testid="activation-code">{details.lpa_uri.clone()}</code>
                            <CopyButton text=details.lpa_uri.clone() locale=l />
                        </dd>
                    </div>
                    <div>
                        <dt class="font-medium text-slate-700">{t!(l, "esims-install-smdp-address")}</dt>
                        <dd><code class=field data-testid="smdp-address">{details.smdp_address.clone()}</code></dd>
                    </div>
                    <div>
                        <dt class="font-medium text-slate-700">{t!(l, "esims-install-matching-id")}</dt>
                        <dd><code class=field data-testid="matching-id">{details.matching_id.clone()}</code></dd>
                    </div>
                    {details.confirmation_code.clone().map(|c| view! {
                        <div>
                            <dt class="font-medium text-slate-700">{t!(l, "esims-install-confirmation-code")}</dt>
                            <dd><code class=field data-testid="confirmation-code">{c}</code></dd>
                        </div>
                    })}
                    <div>
                        <dt class="font-medium text-slate-700">{t!(l, "esims-iccid")}</dt>
                        <dd><code class=field>{details.iccid.clone()}</code></dd>
                    </div>
                </dl>
            </section>
    }
    .into_any();
    view! {
        <Title text=title.clone() />
        <div class="mx-auto mt-8 flex max-w-3xl flex-col gap-6" data-testid="install-page">
            <a href=format!("/esims/{}", details.id) class="text-sm text-teal-800 underline">
                {t!(l, "esims-install-back")}
            </a>
            <h1 class="text-2xl font-semibold text-slate-900">{title}</h1>
            {already}
            <p role="note" class="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="delete-warning">
                <strong>{t!(l, "esims-install-delete-warning")}</strong>
                {t!(l, "esims-install-delete-warning-why")}
            </p>
            {qr_and_links}
            {manual}
            <div class="grid gap-6 md:grid-cols-2">
                {view! { <Steps locale=l ios=true /> }.into_any()}
                {view! { <Steps locale=l ios=false /> }.into_any()}
            </div>
            {view! { <DeviceCheck locale=l /> }.into_any()}
        </div>
    }
}

#[component]
fn Steps(locale: Locale, ios: bool) -> impl IntoView {
    let l = locale;
    let (title, steps): (String, [String; 4]) = if ios {
        (
            t!(l, "esims-steps-ios-title"),
            [
                t!(l, "esims-steps-wifi"),
                t!(l, "esims-steps-ios-add"),
                t!(l, "esims-steps-ios-label"),
                t!(l, "esims-steps-ios-arrival"),
            ],
        )
    } else {
        (
            t!(l, "esims-steps-android-title"),
            [
                t!(l, "esims-steps-wifi"),
                t!(l, "esims-steps-android-add"),
                t!(l, "esims-steps-android-manual"),
                t!(l, "esims-steps-android-arrival"),
            ],
        )
    };
    view! {
        <section class="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid=if ios { "steps-ios" } else { "steps-android" }>
            <h2 class="font-semibold text-slate-900">{title}</h2>
            <ol class="mt-2 list-decimal space-y-1 pl-5 text-sm text-slate-700">
                {steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
            </ol>
        </section>
    }
}

/// Copies the code; rendered hidden and shown by its island, since it needs the clipboard API.
#[component]
fn CopyButton(text: String, locale: Locale) -> impl IntoView {
    let l = locale;
    view! {
        <ClipboardCopy>
            <button type="button" hidden data-needs-script data-copy=text data-done=t!(l, "esims-install-copied") data-testid="copy-code"
                class="rounded-md border border-slate-300 px-3 py-1 text-sm font-medium hover:bg-slate-50">
                {t!(l, "esims-install-copy")}
            </button>
        </ClipboardCopy>
    }
}

/// Is my phone on the list of eSIM-capable models? A GET form without JavaScript; with it, the
/// list follows the typing. Every model is in the page (hidden unless it matches the query), so
/// the browser only shows and hides them.
#[component]
fn DeviceCheck(locale: Locale) -> impl IntoView {
    let l = locale;
    let query = query_param("device").unwrap_or_default();
    let searching = !query.trim().is_empty();
    let found: Vec<&Device> = search_devices(&query);
    let devices = all_devices()
        .iter()
        .map(|d| {
            let shown = found.iter().any(|f| std::ptr::eq(*f, d));
            view! {
                <li class="py-2" data-device=d.full_name() hidden=!shown>
                    <span class="font-medium text-teal-800">"✓ "</span>
                    <span class="font-medium">{d.full_name()}</span>
                    {d.note.map(|n| view! { <span class="block text-slate-600">{n.text(l)}</span> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="rounded-lg border border-slate-200 bg-white p-5 shadow-sm" data-testid="device-check">
            <h2 class="font-semibold text-slate-900">{t!(l, "esims-device-heading")}</h2>
            <DeviceFilter>
                <form method="get" class="mt-3 flex gap-2" role="search">
                    <label for="f-device" class="sr-only">{t!(l, "esims-device-label")}</label>
                    <input id="f-device" name="device" type="search" value=query
                        placeholder=t!(l, "esims-device-placeholder")
                        class="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-2" />
                    <button type="submit" class="rounded-md bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800">
                        {t!(l, "esims-device-check")}
                    </button>
                </form>
                <p class="mt-3 text-sm text-amber-900" data-testid="device-none" data-device-none hidden=!(searching && found.is_empty())>
                    {t!(l, "esims-device-none")}
                </p>
                <ul class="mt-3 divide-y divide-slate-100 text-sm" data-testid="device-results" data-device-list hidden=found.is_empty()>
                    {devices}
                </ul>
            </DeviceFilter>
        </section>
    }
}
