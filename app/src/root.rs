use crate::components::layout::{SiteFooter, SiteHeader};
use crate::pages::account::{
    forgot::ForgotPage, invitation::InvitationPage, profile::AccountPage, reset::ResetPage, sign_in::SignInPage,
    sign_up::SignUpPage, verify::VerifyPage,
};
use crate::pages::esims::{detail::EsimPage, install::InstallPage, list::MyEsimsPage};
use crate::pages::orders::{detail::OrderPage, history::HistoryPage, receipt::ReceiptPage};
use crate::pages::renew::{code::RenewCodePage, lookup::RenewPage, result::RenewEsimPage};
use crate::pages::staff::{
    audit::AuditPage, outbox::OutboxPage, payments::PaymentSettingsPage, stock::StockPage, team::StaffPage,
};
use crate::pages::{catalog::CatalogPage, not_found::NotFound, plan::PlanPage};
use crate::pages::{checkout::CheckoutPage, pay_test::TestPayPage};
use domain::locale::Locale;
use domain::money::Currency;
use domain::prefs::{ShopContext, StorefrontBrand};
use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, Html, Link, Meta, MetaTags, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

/// The HTML document around the app, rendered on the server for every page.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <AutoReload options=options.clone() />
                <HashedStylesheet options=options.clone() id="leptos" />
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body class="min-h-screen bg-slate-50 text-slate-900 antialiased">
                <App />
            </body>
        </html>
    }
}

/// The shop this page is for and the shopper's language and currency. Resolved by the server
/// for each request and handed to the browser with the page, so both render the same text.
fn shop_context() -> ShopContext {
    let resolved = SharedValue::new(|| {
        #[cfg(feature = "ssr")]
        {
            crate::request::shop::try_current().map(|r| (*r.shop).clone())
        }
        #[cfg(not(feature = "ssr"))]
        {
            None::<ShopContext>
        }
    })
    .into_inner();
    resolved.unwrap_or_else(|| ShopContext {
        storefront: StorefrontBrand {
            slug: String::new(),
            name: "Roamdesk".into(),
            support_email: None,
            brand_color: "#0f766e".into(),
            locales: vec![Locale::En],
            currencies: vec![Currency::USD],
        },
        locale: Locale::En,
        currency: Currency::USD,
        zone: Default::default(),
    })
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let shop = shop_context();
    let locale = shop.locale;
    let m = locale.messages();
    provide_context(shop);

    view! {
        <Html {..} lang=locale.html_lang() />
        <Link rel="icon" type_="image/svg+xml" href="/favicon.svg" />
        <Meta name="theme-color" content="#0f766e" />
        <Router>
            <a
                href="#content"
                class="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
            >
                {m.skip_to_content}
            </a>
            <SiteHeader />
            <main id="content" class="mx-auto w-full max-w-6xl px-4 pb-16 sm:px-6">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=CatalogPage ssr=SsrMode::Async />
                    <Route path=path!("/plans/:slug") view=PlanPage ssr=SsrMode::Async />
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async />
                    <Route path=path!("/account/sign-in") view=SignInPage ssr=SsrMode::Async />
                    <Route path=path!("/account/sign-up") view=SignUpPage ssr=SsrMode::Async />
                    <Route path=path!("/account/verify") view=VerifyPage ssr=SsrMode::Async />
                    <Route path=path!("/account/forgot") view=ForgotPage ssr=SsrMode::Async />
                    <Route path=path!("/account/reset") view=ResetPage ssr=SsrMode::Async />
                    <Route path=path!("/account/invitation") view=InvitationPage ssr=SsrMode::Async />
                    <Route path=path!("/staff") view=StaffPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/audit") view=AuditPage ssr=SsrMode::Async />
                    <Route path=path!("/staff/payments") view=PaymentSettingsPage ssr=SsrMode::Async />
                    <Route path=path!("/operator/outbox") view=OutboxPage ssr=SsrMode::Async />
                    <Route path=path!("/operator/stock") view=StockPage ssr=SsrMode::Async />
                    <Route path=path!("/esims") view=MyEsimsPage ssr=SsrMode::Async />
                    <Route path=path!("/esims/:id") view=EsimPage ssr=SsrMode::Async />
                    <Route path=path!("/esims/:id/install") view=InstallPage ssr=SsrMode::Async />
                    <Route path=path!("/renew") view=RenewPage ssr=SsrMode::Async />
                    <Route path=path!("/checkout") view=CheckoutPage ssr=SsrMode::Async />
                    <Route path=path!("/orders") view=HistoryPage ssr=SsrMode::Async />
                    <Route path=path!("/orders/:id") view=OrderPage ssr=SsrMode::Async />
                    <Route path=path!("/orders/:id/receipt") view=ReceiptPage ssr=SsrMode::Async />
                    <Route path=path!("/pay/test/:payment") view=TestPayPage ssr=SsrMode::Async />
                    <Route path=path!("/renew/code") view=RenewCodePage ssr=SsrMode::Async />
                    <Route path=path!("/renew/esim") view=RenewEsimPage ssr=SsrMode::Async />
                </Routes>
            </main>
            <SiteFooter />
        </Router>
    }
}
