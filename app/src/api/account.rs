//! Account server functions. Public ones (sign-up, sign-in, links from e-mails) check throttles
//! instead of a session; the rest start with `authorize`.
use crate::error::ApiError;
use domain::account::Viewer;
use domain::locale::Locale;
use domain::money::Currency;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::{
    guards::{Access, authorize, current_principal},
    request::{navigate_to, request_scope, session},
};
#[cfg(feature = "ssr")]
use services::accounts::{
    credentials, profile, registration,
    session::{self as auth_session, SessionAccount},
};

/// Who is signed in here, if anyone. Public.
#[server(prefix = "/api", endpoint = "account/viewer")]
pub async fn get_viewer() -> Result<Option<Viewer>, ApiError> {
    Ok(current_principal().await?.map(|p| p.viewer()))
}

#[server(prefix = "/api", endpoint = "account/sign-up")]
pub async fn sign_up(
    email: String,
    password: String,
    confirm: String,
    full_name: String,
    phone: String,
) -> Result<String, ApiError> {
    let scope = request_scope()?;
    let input = registration::SignUp {
        email,
        password,
        confirm,
        full_name,
        phone,
        locale: scope.locale,
    };
    registration::sign_up(&scope.ctx, &scope.storefront, &scope.ip, input).await?;
    Ok(navigate_to("/account/sign-up?sent=1"))
}

#[server(prefix = "/api", endpoint = "account/sign-in")]
pub async fn sign_in(identifier: String, password: String, next: Option<String>) -> Result<String, ApiError> {
    let scope = request_scope()?;
    let session = session()?;
    let account = credentials::sign_in(&scope.ctx, &scope.storefront, &scope.ip, &identifier, password).await?;
    auth_session::sign_in(&session, SessionAccount::of(&account)).await?;
    crate::request::set_zone_cookie(profile::time_zone(&scope.ctx.pool, account.id).await?.as_deref());
    let fallback = if account.role.is_staff() { "/staff" } else { "/account" };
    let target = next
        .filter(|n| domain::local_path::is_local_path(n) && !n.starts_with("/api/"))
        .unwrap_or_else(|| fallback.to_string());
    Ok(navigate_to(&target))
}

#[server(prefix = "/api", endpoint = "account/sign-out")]
pub async fn sign_out() -> Result<String, ApiError> {
    let session = session()?;
    auth_session::sign_out(&session).await?;
    Ok(navigate_to("/"))
}

/// Follows the link from the verification e-mail, and signs the person in.
#[server(prefix = "/api", endpoint = "account/verify")]
pub async fn verify_email(token: String) -> Result<String, ApiError> {
    let scope = request_scope()?;
    let session = session()?;
    let account = registration::verify_email(&scope.ctx, &scope.storefront, &token).await?;
    auth_session::sign_in(&session, SessionAccount::of(&account)).await?;
    Ok(navigate_to("/account?verified=1"))
}

#[server(prefix = "/api", endpoint = "account/forgot")]
pub async fn request_password_reset(email: String) -> Result<String, ApiError> {
    let scope = request_scope()?;
    credentials::request_password_reset(&scope.ctx, &scope.storefront, &scope.ip, &email, scope.locale).await?;
    Ok(navigate_to("/account/forgot?sent=1"))
}

#[server(prefix = "/api", endpoint = "account/reset")]
pub async fn reset_password(token: String, password: String, confirm: String) -> Result<String, ApiError> {
    let scope = request_scope()?;
    credentials::reset_password(&scope.ctx, &scope.storefront, &scope.ip, &token, password, &confirm).await?;
    // Whoever was signed in on this browser is signed out too: the reset ended every session.
    if let Ok(session) = session() {
        let _ = auth_session::sign_out(&session).await;
    }
    Ok(navigate_to("/account/sign-in?reset=1"))
}

/// The profile form's current values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileView {
    pub viewer: Viewer,
    pub phone: Option<String>,
    pub language: Option<Locale>,
    pub currency: Option<Currency>,
    /// The chosen time zone (an IANA name); `None` follows the browser.
    pub time_zone: Option<String>,
}

#[server(prefix = "/api", endpoint = "account/profile")]
pub async fn get_profile() -> Result<ProfileView, ApiError> {
    let principal = authorize(Access::SignedIn).await?;
    let pool = crate::request::app_context()?.pool;
    let a = &principal.account;
    Ok(ProfileView {
        time_zone: profile::time_zone(&pool, a.id).await?,
        viewer: a.viewer(),
        phone: a.phone.clone(),
        language: a.preferred_language.as_deref().and_then(Locale::from_code),
        currency: a.preferred_currency.as_deref().and_then(Currency::from_code),
    })
}

#[server(prefix = "/api", endpoint = "account/profile/update")]
pub async fn update_profile(
    full_name: String,
    phone: String,
    language: String,
    currency: String,
    time_zone: Option<String>,
) -> Result<String, ApiError> {
    let principal = authorize(Access::SignedIn).await?;
    let scope = request_scope()?;
    let input = profile::ProfileUpdate {
        full_name,
        phone,
        language: language.clone(),
        currency: currency.clone(),
        time_zone: time_zone.unwrap_or_default(),
    };
    let zone = profile::update_profile(&scope.ctx, &scope.storefront, &principal.account, input).await?;
    // The page follows the new preferences at once.
    let secure = crate::request::secure_cookies();
    crate::request::set_pref_cookie(domain::prefs::LOCALE_COOKIE, &language, secure);
    crate::request::set_pref_cookie(domain::prefs::CURRENCY_COOKIE, &currency, secure);
    crate::request::set_zone_cookie(zone);
    Ok(navigate_to("/account?saved=1"))
}

#[server(prefix = "/api", endpoint = "account/password")]
pub async fn change_password(current: String, password: String, confirm: String) -> Result<String, ApiError> {
    let principal = authorize(Access::SignedIn).await?;
    let scope = request_scope()?;
    let epoch = credentials::change_password(
        &scope.ctx,
        &scope.storefront,
        &scope.ip,
        &principal.account,
        current,
        password,
        &confirm,
    )
    .await?;
    // This session carries on under the new epoch; every other one is now stale.
    auth_session::sign_in(
        &principal.session,
        SessionAccount {
            account_id: principal.id(),
            epoch,
        },
    )
    .await?;
    Ok(navigate_to("/account?password=1"))
}

#[server(prefix = "/api", endpoint = "account/verify/resend")]
pub async fn resend_verification() -> Result<String, ApiError> {
    let principal = authorize(Access::SignedIn).await?;
    let scope = request_scope()?;
    let locale = principal.locale().unwrap_or(scope.locale);
    registration::resend_verification(&scope.ctx, &scope.storefront, &principal.account, locale).await?;
    Ok(navigate_to("/account?resent=1"))
}

/// Everything stored about the signed-in person, as a JSON download.
#[server(prefix = "/api", endpoint = "account/export", input = GetUrl)]
pub async fn export_my_data() -> Result<serde_json::Value, ApiError> {
    let principal = authorize(Access::SignedIn).await?;
    let scope = request_scope()?;
    let data = profile::export(&scope.ctx, &principal.account).await?;
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.insert_header(
            http::header::CONTENT_DISPOSITION,
            http::HeaderValue::from_static("attachment; filename=\"my-roamdesk-data.json\""),
        );
        res.insert_header(http::header::CACHE_CONTROL, http::HeaderValue::from_static("no-store"));
    }
    Ok(data)
}

#[server(prefix = "/api", endpoint = "account/delete")]
pub async fn delete_account(password: String) -> Result<String, ApiError> {
    let principal = authorize(Access::SignedIn).await?;
    let scope = request_scope()?;
    profile::delete_account(&scope.ctx, &scope.ip, &principal.account, password).await?;
    let _ = auth_session::sign_out(&principal.session).await;
    Ok(navigate_to("/?deleted=1"))
}
