//! `POST /prefs`: the language and currency form. A plain form post, so it works without
//! JavaScript; it sets long-lived cookies and sends the shopper back where they were.
use crate::request::cookies::{SecureCookies, pref_cookie};
use crate::request::shop::RequestShop;
use axum::extract::{Extension, Form};
use axum::response::{IntoResponse, Response};
use domain::account::AccountProblem;
use domain::local_path::is_local_path;
use domain::locale::Locale;
use domain::money::Currency;
use domain::prefs::{CURRENCY_COOKIE, LOCALE_COOKIE};
use http::{HeaderValue, StatusCode, header};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct PrefsForm {
    pub lang: Option<String>,
    pub currency: Option<String>,
    pub return_to: Option<String>,
}

pub async fn set_prefs(
    Extension(shop): Extension<RequestShop>,
    Extension(SecureCookies(secure)): Extension<SecureCookies>,
    Form(form): Form<PrefsForm>,
) -> Response {
    let brand = &shop.storefront.brand;
    let mut cookies = Vec::new();
    if let Some(code) = form.lang.as_deref().filter(|c| !c.is_empty()) {
        match Locale::from_code(code).filter(|l| brand.locales.contains(l)) {
            Some(l) => cookies.push((LOCALE_COOKIE, l.code())),
            None => return refuse(&shop, AccountProblem::LanguageNotOffered),
        }
    }
    if let Some(code) = form.currency.as_deref().filter(|c| !c.is_empty()) {
        match Currency::from_code(code).filter(|c| brand.currencies.contains(c)) {
            Some(c) => cookies.push((CURRENCY_COOKIE, c.code())),
            None => return refuse(&shop, AccountProblem::CurrencyNotOffered),
        }
    }
    let target = form.return_to.as_deref().filter(|p| is_local_path(p)).unwrap_or("/");
    let mut response = (StatusCode::SEE_OTHER, [(header::LOCATION, target.to_string())]).into_response();
    for (name, value) in cookies {
        if let Ok(v) = HeaderValue::from_str(&pref_cookie(name, value, secure)) {
            response.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    response
}

/// A choice the storefront does not offer, refused in the language the page is in.
fn refuse(shop: &RequestShop, problem: AccountProblem) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, problem.message(shop.shop.locale)).into_response()
}
