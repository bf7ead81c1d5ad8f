//! A storefront's payment settings: which Stripe Checkout methods it offers, and the seller's
//! details printed on receipts. Reseller admins of the storefront and operators.
use crate::error::ApiError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Checkout payment method types a storefront may offer; card includes Apple Pay and Google Pay.
pub const PAYMENT_METHODS: [&str; 4] = ["card", "alipay", "wechat_pay", "paypal"];

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentSettings {
    pub methods: Vec<String>,
    pub legal_name: String,
    pub address: String,
    pub tax_id: Option<String>,
}

#[server(prefix = "/api", endpoint = "staff/payment-settings")]
pub async fn get_payment_settings() -> Result<PaymentSettings, ApiError> {
    use crate::guards::{Access, authorize};
    authorize(Access::ResellerAdmin).await?;
    let scope = crate::request::request_scope()?;
    let row = sqlx::query!(
        r#"SELECT COALESCE(ps.methods, '{card}') AS "methods!", COALESCE(ps.legal_name, s.name) AS "legal_name!",
                  COALESCE(ps.address, '') AS "address!", ps.tax_id AS "tax_id?"
           FROM storefronts s LEFT JOIN storefront_payment_settings ps ON ps.storefront_id = s.id WHERE s.id = $1"#,
        scope.storefront.id
    )
    .fetch_one(&scope.ctx.pool)
    .await?;
    Ok(PaymentSettings {
        methods: row.methods,
        legal_name: row.legal_name,
        address: row.address,
        tax_id: row.tax_id,
    })
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
    use domain::problem::SettingsProblem;
    let principal = authorize(Access::ResellerAdmin).await?;
    let scope = crate::request::request_scope()?;
    let methods: Vec<String> = [
        ("card", card),
        ("alipay", alipay),
        ("wechat_pay", wechat_pay),
        ("paypal", paypal),
    ]
    .into_iter()
    .filter(|(_, on)| on.is_some())
    .map(|(m, _)| m.to_string())
    .collect();
    if methods.is_empty() {
        return Err(SettingsProblem::NoPaymentMethod.into());
    }
    let legal_name = legal_name.trim();
    if legal_name.is_empty()
        || legal_name.chars().count() > 200
        || address.chars().count() > 500
        || tax_id.chars().count() > 50
    {
        return Err(SettingsProblem::LegalDetails.into());
    }
    let tax_id = Some(tax_id.trim()).filter(|t| !t.is_empty());
    let mut tx = scope.ctx.pool.begin().await?;
    sqlx::query!(
        "INSERT INTO storefront_payment_settings (storefront_id, methods, legal_name, address, tax_id)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (storefront_id) DO UPDATE SET methods = EXCLUDED.methods, legal_name = EXCLUDED.legal_name,
             address = EXCLUDED.address, tax_id = EXCLUDED.tax_id",
        scope.storefront.id,
        &methods,
        legal_name,
        address.trim(),
        tax_id
    )
    .execute(&mut *tx)
    .await?;
    services::audit::record(
        &mut tx,
        services::audit::AuditEvent {
            storefront_id: Some(scope.storefront.id),
            actor: Some(principal.id()),
            ip: &scope.ip,
            action: "payments.settings",
            target_account: None,
            target_email: None,
            details: serde_json::json!({ "methods": methods }),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(crate::request::navigate_to("/staff/payments?saved=1"))
}
