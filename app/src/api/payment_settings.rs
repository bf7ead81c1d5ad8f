//! A storefront's payment settings: which Stripe Checkout methods it offers, and the seller's
//! details printed on receipts. Reseller admins of the storefront and operators.
use crate::error::ApiError;
pub use domain::payment_settings::{PAYMENT_METHODS, PaymentSettings};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "staff/payment-settings")]
pub async fn get_payment_settings() -> Result<PaymentSettings, ApiError> {
    use crate::guards::{Access, authorize};
    authorize(Access::ResellerAdmin).await?;
    let scope = crate::request::request_scope()?;
    Ok(services::payment_settings::load(&scope.ctx.pool, scope.storefront.id).await?)
}

/// Saves the settings; each method is a checkbox (present when ticked). At least one method.
#[server(prefix = "/api", endpoint = "staff/payment-settings/save")]
#[allow(clippy::too_many_arguments)]
pub async fn save_payment_settings(
    card: Option<String>,
    alipay: Option<String>,
    wechat_pay: Option<String>,
    paypal: Option<String>,
    legal_name: String,
    address: String,
    tax_id: String,
) -> Result<String, ApiError> {
    use crate::guards::{Access, authorize};
    let principal = authorize(Access::ResellerAdmin).await?;
    let scope = crate::request::request_scope()?;
    let ticked = [
        ("card", card),
        ("alipay", alipay),
        ("wechat_pay", wechat_pay),
        ("paypal", paypal),
    ];
    let methods = ticked
        .into_iter()
        .filter(|(_, on)| on.is_some())
        .map(|(m, _)| m.to_string())
        .collect();
    let settings = PaymentSettings::validated(methods, &legal_name, &address, &tax_id)?;
    services::payment_settings::save(
        &scope.ctx.pool,
        scope.storefront.id,
        principal.id(),
        &scope.ip,
        &settings,
    )
    .await?;
    Ok(crate::request::navigate_to("/staff/payments?saved=1"))
}
