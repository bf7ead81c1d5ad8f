//! Reading orders: who may see one, the order page's view, and the receipt mail.
use super::OrderError;
use crate::AppContext;
use crate::accounts::principal::Principal;
use crate::mail::outbox::{self, NewMail};
use crate::mail::templates::{MailContent, render};
use chrono::{DateTime, Utc};
use domain::account::Role;
use domain::locale::Locale;
use domain::money::{Currency, Money};
use domain::order::{OrderStatus, OrderView, PaymentView, Quote, RefundView, Seller, TransitionCause, TransitionView};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

/// What an order's page (and its PDF) answers a caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrderAccess {
    Allowed,
    /// Nobody is signed in and no lookup grant is held: ask them to sign in.
    SignInFirst,
    /// Anyone else learns nothing, not even that the order exists.
    NotFound,
}

/// Who may see the order: its customer's account, a lookup grant for its customer, or staff of
/// its storefront (operators: any).
pub async fn access(
    pool: &PgPool,
    storefront_id: Uuid,
    order_id: Uuid,
    principal: Option<&Principal>,
    granted_customer: Option<Uuid>,
) -> Result<OrderAccess, sqlx::Error> {
    let refused = if principal.is_none() && granted_customer.is_none() {
        OrderAccess::SignInFirst
    } else {
        OrderAccess::NotFound
    };
    let Some(row) = sqlx::query!(
        "SELECT o.storefront_id, o.customer_id, c.account_id FROM orders o LEFT JOIN customers c ON c.id = o.customer_id WHERE o.id = $1",
        order_id
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(refused);
    };
    if row.storefront_id != storefront_id {
        return Ok(refused);
    }
    let owner = principal.is_some_and(|p| row.account_id == Some(p.id()));
    // Staff of this order's shop, or an operator; never another reseller's staff, whatever
    // session reaches this host.
    let staff = principal.is_some_and(|p| {
        p.role() == Role::Operator || (p.role() >= Role::Agent && p.storefront_id() == row.storefront_id)
    });
    let granted = granted_customer.is_some() && granted_customer == row.customer_id;
    Ok(if owner || staff || granted {
        OrderAccess::Allowed
    } else {
        refused
    })
}

pub async fn view(pool: &PgPool, order_id: Uuid) -> Result<OrderView, OrderError> {
    let o = sqlx::query!(
        r#"SELECT o.id, o.order_number, o.status::text AS "status!", o.created_at AS "created_at: DateTime<Utc>",
                  o.email, o.quote, o.currency,
                  (SELECT l.esim_id FROM order_lines l WHERE l.order_id = o.id LIMIT 1) AS esim_id,
                  s.name AS shop_name, s.support_email,
                  COALESCE(ps.legal_name, s.name) AS "legal_name!", COALESCE(ps.address, '') AS "address!", ps.tax_id AS "tax_id?"
           FROM orders o JOIN storefronts s ON s.id = o.storefront_id
           LEFT JOIN storefront_payment_settings ps ON ps.storefront_id = s.id
           WHERE o.id = $1"#,
        order_id
    )
    .fetch_optional(pool)
    .await?
    .ok_or(OrderError::NotFound)?;
    let currency = Currency::from_code(&o.currency).ok_or(OrderError::NotPriced)?;
    let payments = sqlx::query!(
        r#"SELECT provider::text AS "provider!", status::text AS "status!", method_summary, amount_minor, failure_reason,
                  created_at AS "at: DateTime<Utc>"
           FROM payments WHERE order_id = $1 ORDER BY created_at DESC"#,
        order_id
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|p| PaymentView {
        provider: p.provider,
        status: p.status,
        method: p.method_summary,
        amount: Money::new(p.amount_minor, currency),
        failure: p.failure_reason,
        at: p.at,
    })
    .collect();
    let refunds: Vec<RefundView> = sqlx::query!(
        r#"SELECT amount_minor, reason, status::text AS "status!", created_at AS "at: DateTime<Utc>"
           FROM refunds WHERE order_id = $1 ORDER BY created_at"#,
        order_id
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| RefundView {
        amount: Money::new(r.amount_minor, currency),
        reason: r.reason,
        status: r.status,
        at: r.at,
    })
    .collect();
    let refunded = refunds
        .iter()
        .filter(|r| r.status == "succeeded")
        .map(|r| r.amount.amount_minor)
        .sum();
    let transitions = sqlx::query!(
        r#"SELECT to_status::text AS "to!", cause, at AS "at: DateTime<Utc>" FROM order_transitions WHERE order_id = $1 ORDER BY id"#,
        order_id
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .filter_map(|t| {
        Some(TransitionView {
            to: OrderStatus::from_code(&t.to)?,
            cause: TransitionCause::from_stored(&t.cause),
            at: t.at,
        })
    })
    .collect();
    let quote: Quote = serde_json::from_value(o.quote).map_err(|_| OrderError::NotFound)?;
    Ok(OrderView {
        id: o.id,
        number: o.order_number,
        status: OrderStatus::from_code(&o.status).ok_or(OrderError::NotFound)?,
        created_at: o.created_at,
        email: o.email,
        quote,
        esim_id: o.esim_id,
        payments,
        refunds,
        transitions,
        refunded: Money::new(refunded, currency),
        seller: Seller {
            shop_name: o.shop_name,
            legal_name: o.legal_name,
            address: o.address,
            tax_id: o.tax_id,
            support_email: o.support_email,
        },
    })
}

/// Queues the receipt mail in the caller's transaction, once per order.
pub async fn queue_receipt(conn: &mut PgConnection, ctx: &AppContext, order_id: Uuid) -> Result<(), OrderError> {
    let o = sqlx::query!(
        r#"SELECT o.storefront_id, o.order_number, o.email, o.language, o.total_minor, o.currency,
                  o.quote->>'plan_name' AS plan_name, s.host, s.name
           FROM orders o JOIN storefronts s ON s.id = o.storefront_id WHERE o.id = $1"#,
        order_id
    )
    .fetch_one(&mut *conn)
    .await?;
    let locale = o.language.as_deref().and_then(Locale::from_code).unwrap_or(Locale::En);
    let total = Currency::from_code(&o.currency)
        .map(|c| Money::new(o.total_minor, c).format(locale))
        .unwrap_or_default();
    let base = crate::accounts::links::host_url(&ctx.public_url, o.host.as_deref(), "");
    let content = MailContent::OrderReceipt {
        order_number: o.order_number,
        summary: o.plan_name.unwrap_or_else(|| domain::t!(locale, "orders-item-esim")),
        total,
        link: format!("{base}/orders/{order_id}/receipt"),
    };
    outbox::enqueue(
        conn,
        NewMail {
            storefront_id: o.storefront_id,
            kind: content.kind(),
            to: &o.email,
            mail: render(&content, locale, &o.name),
            dedupe_key: Some(format!("order:{order_id}:receipt")),
        },
    )
    .await?;
    Ok(())
}

/// The storefront an order was placed in.
pub async fn storefront_of(pool: &PgPool, order_id: Uuid) -> Result<Uuid, OrderError> {
    sqlx::query_scalar!("SELECT storefront_id FROM orders WHERE id = $1", order_id)
        .fetch_optional(pool)
        .await?
        .ok_or(OrderError::NotFound)
}
