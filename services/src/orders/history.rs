//! A customer's transaction history, filtered.
use chrono::{DateTime, Utc};
use domain::money::{Currency, Money};
use domain::order::{HistoryFilter, HistoryRow, OrderStatus};
use sqlx::PgPool;
use uuid::Uuid;

/// The orders of the customer records linked to `account_id`, newest first.
pub async fn for_account(
    pool: &PgPool,
    account_id: Uuid,
    filter: &HistoryFilter,
) -> Result<Vec<HistoryRow>, sqlx::Error> {
    let rows = sqlx::query!(
        r#"SELECT o.id, o.order_number, o.created_at AS "at: DateTime<Utc>", o.currency, o.total_minor,
                  o.status::text AS "status!", o.quote->>'plan_name' AS plan_name, o.quote->>'esim_name' AS esim_name,
                  l.esim_id,
                  COALESCE((SELECT sum(amount_minor) FROM refunds r WHERE r.order_id = o.id AND r.status = 'succeeded'), 0)::bigint AS "refunded!",
                  (SELECT COALESCE(p.method_summary, p.provider::text) FROM payments p WHERE p.order_id = o.id
                    ORDER BY (p.status = 'succeeded') DESC, p.created_at DESC LIMIT 1) AS method
           FROM orders o JOIN customers c ON c.id = o.customer_id
           LEFT JOIN LATERAL (SELECT esim_id FROM order_lines WHERE order_id = o.id LIMIT 1) l ON true
           WHERE c.account_id = $1
             AND ($2::uuid IS NULL OR l.esim_id = $2)
             AND ($3::text IS NULL OR o.status::text = $3)
             AND ($4::date IS NULL OR o.created_at >= $4::date)
             AND ($5::date IS NULL OR o.created_at < $5::date + 1)
           ORDER BY o.created_at DESC LIMIT 1000"#,
        account_id,
        filter.esim,
        filter.status.map(|s| s.code()),
        filter.from.map(crate::db::pg_date),
        filter.to.map(crate::db::pg_date),
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let currency = Currency::from_code(&r.currency)?;
            Some(HistoryRow {
                order_id: r.id,
                number: r.order_number,
                at: r.at,
                plan_name: r.plan_name.unwrap_or_default(),
                esim_id: r.esim_id,
                esim_name: r.esim_name,
                total: Money::new(r.total_minor, currency),
                refunded: Money::new(r.refunded, currency),
                status: OrderStatus::from_code(&r.status)?,
                method: r.method,
            })
        })
        .collect())
}
