//! eSIM server functions. An eSIM someone may not see answers 404, the same as one that does
//! not exist. Install details carry the activation code and are never cached.
use crate::error::ApiError;
use domain::esim::{EsimCard, InstallDetails, LookupResult};
use leptos::prelude::*;
use uuid::Uuid;

#[cfg(feature = "ssr")]
use crate::{
    guards::{Access, EsimOwner, authorize},
    request::{navigate_to, request_scope, session},
};
#[cfg(feature = "ssr")]
use services::esims::{cards, install, lookup};

#[cfg(feature = "ssr")]
fn no_store() {
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.insert_header(http::header::CACHE_CONTROL, http::HeaderValue::from_static("no-store"));
    }
}

/// The signed-in customer's eSIMs.
#[server(prefix = "/api", endpoint = "esims/mine")]
pub async fn my_esims() -> Result<Vec<EsimCard>, ApiError> {
    let principal = authorize(Access::SignedIn).await?;
    let scope = request_scope()?;
    Ok(cards::for_account(&scope.ctx.pool, scope.storefront.id, principal.id(), scope.locale).await?)
}

/// One eSIM's card.
#[server(prefix = "/api", endpoint = "esims/card")]
pub async fn get_esim(id: Uuid) -> Result<EsimCard, ApiError> {
    let EsimOwner { scope, .. } = EsimOwner::check(id).await?;
    cards::load(&scope.ctx.pool, &[id], scope.locale)
        .await?
        .pop()
        .ok_or(ApiError::NotFound)
}

/// What the install page shows, the activation code included.
#[server(prefix = "/api", endpoint = "esims/install")]
pub async fn get_install_details(id: Uuid) -> Result<InstallDetails, ApiError> {
    no_store();
    let EsimOwner { scope, .. } = EsimOwner::check(id).await?;
    match install::details(&scope.ctx.pool, id, scope.locale).await {
        Ok(Some(details)) => Ok(details),
        Ok(None) => Err(ApiError::NotFound),
        Err(e) => Err(ApiError::internal(format_args!(
            "loading install details of eSIM {id} failed: {e}"
        ))),
    }
}

/// Names an eSIM ("Mum's iPhone"); an empty name clears it.
#[server(prefix = "/api", endpoint = "esims/rename")]
pub async fn rename_esim(id: Uuid, nickname: String) -> Result<String, ApiError> {
    let EsimOwner { scope, .. } = EsimOwner::check(id).await?;
    let nickname = domain::esim::clean_nickname(&nickname)?;
    cards::set_nickname(&scope.ctx.pool, id, nickname.as_deref()).await?;
    Ok(navigate_to(&format!("/esims/{id}?renamed=1")))
}

/// Step one without an account: mails a code if the ICCID or phone and the e-mail match.
/// Public; the answer is the same either way.
#[server(prefix = "/api", endpoint = "esims/lookup")]
pub async fn request_esim_code(identifier: String, email: String) -> Result<String, ApiError> {
    let scope = request_scope()?;
    let ticket = lookup::request_code(
        &scope.ctx.pool,
        &scope.ctx.public_url,
        &scope.storefront,
        &scope.ip,
        &identifier,
        &email,
        scope.locale,
    )
    .await?;
    let session = session()?;
    session.insert(lookup::TICKET_SESSION_KEY, ticket).await?;
    Ok(navigate_to("/renew/code"))
}

/// Step two: the code from the e-mail. Public; the ticket in the session says which lookup.
#[server(prefix = "/api", endpoint = "esims/lookup/code")]
pub async fn verify_esim_code(code: String) -> Result<String, ApiError> {
    let scope = request_scope()?;
    let session = session()?;
    let Some(ticket) = session.get::<lookup::LookupTicket>(lookup::TICKET_SESSION_KEY).await? else {
        return Err(ApiError::from(domain::account::AccountProblem::CodeInvalid));
    };
    let grant = lookup::verify_code(&scope.ctx.pool, ticket, &code).await?;
    session
        .remove::<lookup::LookupTicket>(lookup::TICKET_SESSION_KEY)
        .await?;
    session.insert(lookup::GRANT_SESSION_KEY, grant).await?;
    Ok(navigate_to("/renew/esim"))
}

/// The eSIMs a verified code opened in this browser. 401 without a current grant.
#[server(prefix = "/api", endpoint = "esims/lookup/result")]
pub async fn looked_up_esims() -> Result<LookupResult, ApiError> {
    no_store();
    let scope = request_scope()?;
    let session = session()?;
    let grant = lookup::current_grant(&session, scope.storefront.id)
        .await?
        .ok_or(ApiError::Unauthorized)?;
    let pool = &scope.ctx.pool;
    let esims = cards::for_customer(pool, grant.customer_id, grant.esim_id, scope.locale).await?;
    let email_hint = lookup::masked_email(pool, grant.customer_id).await?;
    Ok(LookupResult { email_hint, esims })
}
