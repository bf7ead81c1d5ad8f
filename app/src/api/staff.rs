//! Staff server functions: the counter's customer search (agents), the team and audit log
//! (reseller admins, operators), the outbox (operators), and accepting an invitation (public,
//! by link).
use crate::error::ApiError;
#[cfg(feature = "ssr")]
use domain::account::Role;
use domain::staff::{AuditRow, CustomerMatch, InvitationDetails, OutboxPage, StaffOverview};
use leptos::prelude::*;
use uuid::Uuid;

#[cfg(feature = "ssr")]
use crate::{
    guards::{Access, StorefrontAdmin, authorize},
    request::{navigate_to, request_scope, session},
};
#[cfg(feature = "ssr")]
use services::accounts::{
    session::{self as auth_session, SessionAccount},
    staff,
};

#[server(prefix = "/api", endpoint = "staff/customers")]
pub async fn search_customers(query: String) -> Result<Vec<CustomerMatch>, ApiError> {
    authorize(Access::Staff).await?;
    let scope = request_scope()?;
    Ok(staff::search_customers(&scope.ctx, scope.storefront.id, &query).await?)
}

#[server(prefix = "/api", endpoint = "staff/overview")]
pub async fn get_staff_overview(storefront: Option<Uuid>) -> Result<StaffOverview, ApiError> {
    let StorefrontAdmin {
        principal,
        scope,
        storefront: target,
    } = StorefrontAdmin::check(storefront).await?;
    let storefronts = if principal.role() == Role::Operator {
        services::storefronts::list_names(&scope.ctx.pool).await?
    } else {
        vec![]
    };
    Ok(StaffOverview {
        storefront_id: target.id,
        storefront_name: target.brand.name.clone(),
        storefronts,
        members: staff::members(&scope.ctx, target.id).await?,
        invitations: staff::pending_invitations(&scope.ctx, target.id).await?,
        grantable: Role::grantable_by(principal.role()),
        me: principal.id(),
    })
}

#[server(prefix = "/api", endpoint = "staff/invite")]
pub async fn invite_staff(storefront: Uuid, email: String, role: String) -> Result<String, ApiError> {
    let StorefrontAdmin {
        principal,
        scope,
        storefront: target,
    } = StorefrontAdmin::check(Some(storefront)).await?;
    let role = Role::from_code(&role).ok_or(ApiError::from(domain::account::AccountProblem::RoleNotGrantable))?;
    staff::invite(
        &scope.ctx,
        &target,
        &principal.account,
        &scope.ip,
        &email,
        role,
        scope.locale,
    )
    .await?;
    Ok(navigate_to(&format!("/staff?storefront={}&invited=1", target.id)))
}

#[server(prefix = "/api", endpoint = "staff/role")]
pub async fn change_staff_role(storefront: Uuid, account: Uuid, role: String) -> Result<String, ApiError> {
    let StorefrontAdmin {
        principal,
        scope,
        storefront: target,
    } = StorefrontAdmin::check(Some(storefront)).await?;
    let role = Role::from_code(&role).ok_or(ApiError::from(domain::account::AccountProblem::RoleNotGrantable))?;
    staff::change_role(&scope.ctx, &principal.account, &scope.ip, target.id, account, role).await?;
    Ok(navigate_to(&format!("/staff?storefront={}&changed=1", target.id)))
}

#[server(prefix = "/api", endpoint = "staff/invitation/revoke")]
pub async fn revoke_invitation(storefront: Uuid, invitation: Uuid) -> Result<String, ApiError> {
    let StorefrontAdmin {
        principal,
        scope,
        storefront: target,
    } = StorefrontAdmin::check(Some(storefront)).await?;
    staff::revoke_invitation(&scope.ctx, &principal.account, &scope.ip, target.id, invitation).await?;
    Ok(navigate_to(&format!("/staff?storefront={}", target.id)))
}

/// The audit log of one storefront; operators may ask for every storefront with `all`.
#[server(prefix = "/api", endpoint = "staff/audit")]
pub async fn audit_log(storefront: Option<Uuid>, all: Option<bool>) -> Result<Vec<AuditRow>, ApiError> {
    let admin = StorefrontAdmin::check(storefront).await?;
    let filter = if all == Some(true) && admin.principal.role() == Role::Operator {
        None
    } else {
        Some(admin.storefront.id)
    };
    let scope = admin.scope;
    Ok(services::audit::recent(&scope.ctx.pool, filter, 200).await?)
}

#[server(prefix = "/api", endpoint = "operator/outbox")]
pub async fn outbox() -> Result<OutboxPage, ApiError> {
    authorize(Access::Operator).await?;
    let scope = request_scope()?;
    Ok(OutboxPage {
        smtp_configured: scope.ctx.smtp_configured,
        rows: services::mail::outbox::recent(&scope.ctx.pool, 200).await?,
    })
}

/// What an invitation link offers. Public: the link is the credential.
#[server(prefix = "/api", endpoint = "staff/invitation")]
pub async fn get_invitation(token: String) -> Result<InvitationDetails, ApiError> {
    let scope = request_scope()?;
    Ok(staff::invitation_details(&scope.ctx, &token).await?)
}

#[server(prefix = "/api", endpoint = "staff/invitation/accept")]
pub async fn accept_invitation(
    token: String,
    full_name: String,
    password: String,
    confirm: Option<String>,
) -> Result<String, ApiError> {
    let scope = request_scope()?;
    let session = session()?;
    let input = staff::Acceptance {
        secret: token,
        full_name,
        password,
        confirm: confirm.unwrap_or_default(),
    };
    let account = staff::accept_invitation(&scope.ctx, &scope.storefront, &scope.ip, input, scope.locale).await?;
    auth_session::sign_in(&session, SessionAccount::of(&account)).await?;
    Ok(navigate_to("/staff"))
}
