//! Double-entry postings for every money movement. The idempotency key makes a retried posting
//! of the same movement a no-op; the database checks that each transaction balances.
use domain::money::Money;
use sqlx::PgConnection;
use uuid::Uuid;

pub struct Posting<'a> {
    pub storefront_id: Uuid,
    pub order_id: Uuid,
    pub payment_id: Uuid,
    pub kind: &'a str,
    pub memo: &'a str,
    pub idempotency_key: String,
    /// Money moves from `credit` to `debit`.
    pub debit: String,
    pub credit: String,
    pub amount: Money,
}

/// Posts once; returns whether this call posted it.
pub async fn post(conn: &mut PgConnection, p: Posting<'_>) -> Result<bool, sqlx::Error> {
    let Some(tx_id) = sqlx::query_scalar!(
        "INSERT INTO ledger_transactions (storefront_id, order_id, payment_id, kind, memo, idempotency_key)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id",
        p.storefront_id,
        p.order_id,
        p.payment_id,
        p.kind,
        p.memo,
        p.idempotency_key
    )
    .fetch_optional(&mut *conn)
    .await?
    else {
        return Ok(false);
    };
    sqlx::query!(
        "INSERT INTO ledger_entries (transaction_id, account, currency, amount_minor)
         VALUES ($1, $2, $4, $5), ($1, $3, $4, -$5::bigint)",
        tx_id,
        p.debit,
        p.credit,
        p.amount.currency.code(),
        p.amount.amount_minor
    )
    .execute(&mut *conn)
    .await?;
    Ok(true)
}

/// The account a provider's money sits in until paid out, e.g. `clearing:stripe`.
pub fn clearing_account(provider: &str) -> String {
    format!("clearing:{provider}")
}

/// The storefront's sales account, e.g. `sales:demo`.
pub fn sales_account(storefront_slug: &str) -> String {
    format!("sales:{storefront_slug}")
}
