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

/// Posts once, in one statement (the transaction and both its entries); returns whether this
/// call posted it. The balance is checked at commit.
pub async fn post(conn: &mut PgConnection, p: Posting<'_>) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar!(
        r#"WITH posted AS (
               INSERT INTO ledger_transactions (storefront_id, order_id, payment_id, kind, memo, idempotency_key)
               VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id),
           entries AS (
               INSERT INTO ledger_entries (transaction_id, account, currency, amount_minor)
               SELECT posted.id, e.account, $9, e.amount_minor
               FROM posted, (VALUES ($7, $10::bigint), ($8, -$10::bigint)) AS e (account, amount_minor))
           SELECT EXISTS (SELECT 1 FROM posted) AS "posted!""#,
        p.storefront_id,
        p.order_id,
        p.payment_id,
        p.kind,
        p.memo,
        p.idempotency_key,
        p.debit,
        p.credit,
        p.amount.currency.code(),
        p.amount.amount_minor
    )
    .fetch_one(&mut *conn)
    .await
}

/// The account a provider's money sits in until paid out, e.g. `clearing:stripe`.
pub fn clearing_account(provider: &str) -> String {
    format!("clearing:{provider}")
}

/// The storefront's sales account, e.g. `sales:demo`.
pub fn sales_account(storefront_slug: &str) -> String {
    format!("sales:{storefront_slug}")
}
