//! Creating an order: the quote is re-computed (under the promo row's lock when a code is used),
//! and the order, its line, its promo redemption and its first status are written in one
//! statement.
use super::OrderError;
use super::quote::{QuoteRequest, quote, renewable_plans};
use super::transition;
use crate::provider::EsimProvider;
use domain::order::{OrderStatus, Promo, Quote, TransitionCause};
use sqlx::PgPool;
use uuid::Uuid;

pub struct NewOrder<'a> {
    pub quote: QuoteRequest<'a>,
    pub customer_id: Uuid,
    pub email: &'a str,
    /// The checkout form's random token: the same token twice gives the same order.
    pub request_key: Option<&'a str>,
}

pub struct CreatedOrder {
    pub id: Uuid,
    pub number: i64,
    pub quote: Quote,
    /// False when the request key found an order made earlier.
    pub new: bool,
}

pub async fn create(pool: &PgPool, provider: &dyn EsimProvider, new: NewOrder<'_>) -> Result<CreatedOrder, OrderError> {
    match place(pool, provider, &new).await {
        Ok(created) => Ok(created),
        // The same form again (a double click, a retry after a lost answer) gets the order the
        // first one made, even when its quote no longer holds (a promo code it used up). Looked
        // for only when placing fails, so a first submission costs no extra round trip.
        Err(e) => match find_by_request_key(pool, new.quote.storefront_id, new.request_key).await? {
            Some(existing) => Ok(existing),
            None => Err(e),
        },
    }
}

/// Quotes and writes a new order; a request key already used fails on its unique index.
async fn place(pool: &PgPool, provider: &dyn EsimProvider, new: &NewOrder<'_>) -> Result<CreatedOrder, OrderError> {
    let renewable = renewable_plans(provider, new.quote.esim_id).await?;
    let (quote, (id, number)) = if new.quote.promo_code.is_some() {
        // The promo row stays locked from the quote to the commit, so its limits hold.
        let mut tx = pool.begin().await?;
        let (quote, promo) = quote(&mut tx, &renewable, &new.quote).await?;
        let inserted = insert_order(&mut tx, new, &quote, promo.as_ref()).await?;
        tx.commit().await?;
        (quote, inserted)
    } else {
        let mut conn = pool.acquire().await?;
        let (quote, _) = quote(&mut conn, &renewable, &new.quote).await?;
        let inserted = insert_order(&mut conn, new, &quote, None).await?;
        (quote, inserted)
    };
    Ok(CreatedOrder {
        id,
        number,
        quote,
        new: true,
    })
}

/// Writes the order in one statement: its number (the counter row is locked only for this
/// statement, or until the commit when a promo code's transaction holds it), the order, its
/// line, the promo code's use and the first step of its history. Returns its id and number.
async fn insert_order(
    conn: &mut sqlx::PgConnection,
    new: &NewOrder<'_>,
    quote: &Quote,
    promo: Option<&Promo>,
) -> Result<(Uuid, i64), sqlx::Error> {
    let kind = if quote.esim_id.is_some() { "top_up" } else { "new_esim" };
    let placed: String = TransitionCause::Placed.stored();
    let row = sqlx::query!(
        r#"WITH number AS (
               INSERT INTO order_number_counters (storefront_id, last_number) VALUES ($1, 1)
               ON CONFLICT (storefront_id) DO UPDATE SET last_number = order_number_counters.last_number + 1
               RETURNING last_number),
           placed AS (
               INSERT INTO orders (storefront_id, customer_id, order_number, email, currency, subtotal_minor,
                                   discount_minor, total_minor, promo_code_id, request_key, quote, language)
               SELECT $1, $2, last_number, $3, $4, $5, $6, $7, $8, $9, $10, $11 FROM number
               RETURNING id, order_number),
           line AS (
               INSERT INTO order_lines (storefront_id, order_id, plan_id, kind, esim_id, unit_price_minor, line_total_minor)
               SELECT $1, id, $12, $13::text::order_line_kind, $14, $5, $5 FROM placed),
           redeemed AS (
               INSERT INTO promo_redemptions (promo_id, order_id, customer_key)
               SELECT $8, id, $15 FROM placed WHERE $8::uuid IS NOT NULL),
           counted AS (
               UPDATE promo_codes SET redemptions = redemptions + 1
               WHERE id = $8 AND EXISTS (SELECT 1 FROM placed)),
           noted AS (
               INSERT INTO order_transitions (order_id, from_status, to_status, cause)
               SELECT id, NULL, 'awaiting_payment', $16 FROM placed)
           SELECT id AS "id!", order_number AS "order_number!" FROM placed"#,
        new.quote.storefront_id,
        new.customer_id,
        new.email,
        quote.price.currency.code(),
        quote.price.amount_minor,
        quote.discount.amount_minor,
        quote.total.amount_minor,
        promo.map(|p| p.id),
        new.request_key,
        serde_json::to_value(quote).unwrap_or_default(),
        new.quote.locale.code(),
        quote.plan_id,
        kind,
        quote.esim_id,
        new.email.to_lowercase(),
        placed,
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok((row.id, row.order_number))
}

async fn find_by_request_key(
    pool: &PgPool,
    storefront_id: Uuid,
    key: Option<&str>,
) -> Result<Option<CreatedOrder>, OrderError> {
    let Some(key) = key else { return Ok(None) };
    let row = sqlx::query!(
        "SELECT id, order_number, quote FROM orders WHERE storefront_id = $1 AND request_key = $2",
        storefront_id,
        key
    )
    .fetch_optional(pool)
    .await?;
    Ok(row.and_then(|r| {
        Some(CreatedOrder {
            id: r.id,
            number: r.order_number,
            quote: serde_json::from_value(r.quote).ok()?,
            new: false,
        })
    }))
}

/// Gives a cancelled or failed order's promo use back, so the code is not spent on nothing.
pub async fn release_promo(conn: &mut sqlx::PgConnection, order_id: Uuid) -> Result<(), sqlx::Error> {
    let released = sqlx::query_scalar!(
        "DELETE FROM promo_redemptions WHERE order_id = $1 RETURNING promo_id",
        order_id
    )
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(promo_id) = released {
        sqlx::query!(
            "UPDATE promo_codes SET redemptions = redemptions - 1 WHERE id = $1",
            promo_id
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Cancels an order still awaiting payment: its promo use is given back and its open payments
/// are closed. A payment that succeeds afterwards is logged for a refund (see `apply_outcome`).
pub async fn cancel(pool: &PgPool, order_id: Uuid, cause: TransitionCause) -> Result<bool, OrderError> {
    let mut tx = pool.begin().await?;
    let moved = transition::move_order(&mut tx, order_id, OrderStatus::Cancelled, cause).await?;
    if moved {
        release_promo(&mut tx, order_id).await?;
        sqlx::query!(
            "UPDATE payments SET status = 'cancelled', updated_at = now() WHERE order_id = $1 AND status = 'pending'",
            order_id
        )
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(moved)
}

/// Orders left unpaid for a day are cancelled, so their promo uses return to the pool.
pub async fn cancel_abandoned(pool: &PgPool) -> Result<u32, OrderError> {
    let stale = sqlx::query_scalar!(
        "SELECT id FROM orders WHERE status = 'awaiting_payment' AND created_at < now() - interval '1 day'
           AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.order_id = orders.id AND p.status = 'succeeded')
         LIMIT 500"
    )
    .fetch_all(pool)
    .await?;
    let mut n = 0;
    for id in stale {
        if cancel(pool, id, TransitionCause::NotPaidInTime).await? {
            n += 1;
        }
    }
    Ok(n)
}
