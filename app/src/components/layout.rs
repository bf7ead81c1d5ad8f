use super::form::{ServerForm, use_form_action};
use super::use_shop;
use crate::api::account::{SignOut, get_viewer};
use crate::islands::AutoSubmit;
use domain::account::Role;
use domain::money::Currency;
use domain::t;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let shop = use_shop();
    let m = shop.locale.messages();
    view! {
        <header class="border-b border-slate-200 bg-white print:hidden">
            <div class="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
                <div class="flex items-center gap-6">
                <a href="/" class="flex items-center gap-2 text-lg font-semibold text-teal-800">
                    <svg aria-hidden="true" viewBox="0 0 24 24" class="h-7 w-7 fill-teal-700">
                        <path d="M7 2h7l5 5v13a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm1 9v7h8v-7H8zm2 2h4v3h-4v-3z" />
                    </svg>
                    <span>{shop.storefront.name.clone()}</span>
                </a>
                <nav aria-label=m.nav_plans class="hidden sm:block">
                    <a href="/" class="text-sm font-medium text-slate-700 hover:text-teal-800">
                        {m.nav_plans}
                    </a>
                </nav>
                </div>
                <div class="flex flex-wrap items-center gap-3">
                    <AccountMenu />
                    <PrefsForm />
                </div>
            </div>
        </header>
    }
}

/// Who is signed in, with their links and a sign-out button; or the sign-in link.
#[component]
fn AccountMenu() -> impl IntoView {
    let l = use_shop().locale;
    let viewer = Resource::new_blocking(|| (), |_| get_viewer());
    let (sign_out, _) = use_form_action::<SignOut>();
    let link = "text-sm font-medium text-slate-700 hover:text-teal-800";
    view! {
        <Suspense fallback=|| ()>
            {move || viewer.get().map(|v| match v.ok().flatten() {
                Some(v) => view! {
                    <nav class="flex flex-wrap items-center gap-3" data-testid="account-menu">
                        {v.role.is_staff().then(|| view! {
                            <a href="/staff" class=link>
                                {t!(l, "common-nav-staff")}
                            </a>
                        })}
                        {(v.role == Role::Operator).then(|| view! {
                            <a href="/operator/outbox" class=link>
                                {t!(l, "common-nav-outbox")}
                            </a>
                            <a href="/operator/stock" class=link>
                                {t!(l, "common-nav-stock")}
                            </a>
                        })}
                        <a href="/esims" class=link data-testid="my-esims-link">
                            {t!(l, "common-nav-my-esims")}
                        </a>
                        <a href="/orders" class=link data-testid="orders-link">
                            {t!(l, "common-nav-orders")}
                        </a>
                        <a href="/account" class=link data-testid="signed-in-as">{v.display_name().to_string()}</a>
                        <ServerForm action=sign_out>
                            <button type="submit" class="rounded-md border border-slate-300 px-2 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100" data-testid="sign-out">
                                {t!(l, "common-sign-out")}
                            </button>
                        </ServerForm>
                    </nav>
                }.into_any(),
                None => view! {
                    <a href="/renew" class=link data-testid="renew-link">
                        {t!(l, "common-nav-renew")}
                    </a>
                    <a href="/account/sign-in" class=link data-testid="sign-in-link">
                        {t!(l, "common-sign-in")}
                    </a>
                }.into_any(),
            })}
        </Suspense>
    }
}

/// Language and currency. A plain POST that sets cookies and comes back to this page; once the
/// page is interactive, changing a select submits it at once.
#[component]
fn PrefsForm() -> impl IntoView {
    let shop = use_shop();
    let m = shop.locale.messages();
    let location = use_location();
    let return_to = move || {
        let path = location.pathname.get();
        let search = location.search.get();
        match search.trim_start_matches('?') {
            "" => path,
            query => format!("{path}?{query}"),
        }
    };
    let locales = shop.storefront.locales.clone();
    let currencies = shop.storefront.currencies.clone();
    let current_locale = shop.locale;
    let current_currency = shop.currency;
    view! {
        <AutoSubmit>
        <form method="post" action="/prefs" class="flex items-center gap-2 text-sm" data-testid="prefs-form">
            <input type="hidden" name="return_to" value=return_to />
            <label class="sr-only" for="pref-lang">
                {m.language}
            </label>
            <select
                id="pref-lang"
                name="lang"
                data-testid="lang-select"
                class="rounded-md border border-slate-300 bg-white px-2 py-1.5"
            >
                {locales
                    .into_iter()
                    .map(|l| {
                        view! {
                            <option value=l.code() selected=l == current_locale lang=l.html_lang()>
                                {l.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <label class="sr-only" for="pref-currency">
                {m.currency}
            </label>
            <select
                id="pref-currency"
                name="currency"
                data-testid="currency-select"
                class="rounded-md border border-slate-300 bg-white px-2 py-1.5"
            >
                {currencies
                    .into_iter()
                    .map(|c: Currency| {
                        view! {
                            <option value=c.code() selected=c == current_currency>
                                {c.code()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <button
                type="submit"
                class="rounded-md border border-slate-300 px-2 py-1.5 font-medium text-slate-700 hover:bg-slate-100"
            >
                {m.apply}
            </button>
        </form>
        </AutoSubmit>
    }
}

#[component]
pub fn SiteFooter() -> impl IntoView {
    let shop = use_shop();
    let m = shop.locale.messages();
    view! {
        <footer class="border-t border-slate-200 bg-white print:hidden">
            <div class="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-sm text-slate-600 sm:flex-row sm:justify-between sm:px-6">
                <p>"© " {shop.storefront.name.clone()}</p>
                {shop
                    .storefront
                    .support_email
                    .clone()
                    .map(|email| {
                        view! {
                            <p>
                                {m.support} ": "
                                <a class="text-teal-800 underline" href=format!("mailto:{email}")>
                                    {email.clone()}
                                </a>
                            </p>
                        }
                    })}
            </div>
        </footer>
    }
}
