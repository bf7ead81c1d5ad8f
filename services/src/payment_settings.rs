//! Reading and saving a storefront's payment settings; every save is audited.
use crate::audit::{self, AuditEvent};
use domain::payment_settings::PaymentSettings;
use sqlx::PgPool;
use uuid::Uuid;

/// The storefront's settings; a storefront that never saved any offers cards under its name.
pub async fn load(pool: &PgPool, storefront_id: Uuid) -> Result<PaymentSettings, sqlx::Error> {
    let row = sqlx::query!(
        r#"SELECT COALESCE(ps.methods, '{card}') AS "methods!", COALESCE(ps.legal_name, s.name) AS "legal_name!",
                  COALESCE(ps.address, '') AS "address!", ps.tax_id AS "tax_id?"
           FROM storefronts s LEFT JOIN storefront_payment_settings ps ON ps.storefront_id = s.id WHERE s.id = $1"#,
        storefront_id
    )
    .fetch_one(pool)
    .await?;
    Ok(PaymentSettings {
        methods: row.methods,
        legal_name: row.legal_name,
        address: row.address,
        tax_id: row.tax_id,
    })
}

pub async fn save(
    pool: &PgPool,
    storefront_id: Uuid,
    actor: Uuid,
    ip: &str,
    settings: &PaymentSettings,
) -> Result<(), sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query!(
        "INSERT INTO storefront_payment_settings (storefront_id, methods, legal_name, address, tax_id)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (storefront_id) DO UPDATE SET methods = EXCLUDED.methods, legal_name = EXCLUDED.legal_name,
             address = EXCLUDED.address, tax_id = EXCLUDED.tax_id",
        storefront_id,
        &settings.methods,
        settings.legal_name,
        settings.address,
        settings.tax_id
    )
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        AuditEvent {
            storefront_id: Some(storefront_id),
            actor: Some(actor),
            ip,
            action: "payments.settings",
            target_account: None,
            target_email: None,
            details: serde_json::json!({ "methods": settings.methods }),
        },
    )
    .await?;
    tx.commit().await
}
