//! What an order delivered, counted the same way by every checkout test.
use sqlx::PgPool;
use uuid::Uuid;

pub async fn esim_by_nickname(pool: &PgPool, nickname: &str) -> Uuid {
    sqlx::query_scalar("SELECT id FROM esim_profiles WHERE nickname = $1")
        .bind(nickname)
        .fetch_one(pool)
        .await
        .unwrap_or_else(|e| panic!("no eSIM called {nickname}: {e}"))
}

/// Everything that must happen exactly once when an order is fulfilled.
#[derive(Debug, PartialEq, Eq)]
pub struct Deliveries {
    pub bundles: i64,
    pub receipt_mails: i64,
    pub ledger_entries: i64,
    pub fulfilled_transitions: i64,
}

impl Deliveries {
    pub const ONCE: Deliveries = Deliveries {
        bundles: 1,
        receipt_mails: 1,
        ledger_entries: 1,
        fulfilled_transitions: 1,
    };
    pub const NONE: Deliveries = Deliveries {
        bundles: 0,
        receipt_mails: 0,
        ledger_entries: 0,
        fulfilled_transitions: 0,
    };
}

pub async fn deliveries(pool: &PgPool, order: Uuid) -> Deliveries {
    let count = |sql: &'static str| async move {
        sqlx::query_scalar::<_, i64>(sql)
            .bind(order)
            .fetch_one(pool)
            .await
            .unwrap()
    };
    Deliveries {
        bundles: count(
            "SELECT count(*) FROM esim_bundles b JOIN order_lines l ON l.id = b.order_line_id WHERE l.order_id = $1",
        )
        .await,
        receipt_mails: count(
            "SELECT count(*) FROM outbox_emails WHERE kind = 'order_receipt' AND dedupe_key = 'order:' || $1::text || ':receipt'",
        )
        .await,
        ledger_entries: count("SELECT count(*) FROM ledger_transactions WHERE order_id = $1").await,
        fulfilled_transitions: count(
            "SELECT count(*) FROM order_transitions WHERE order_id = $1 AND to_status = 'fulfilled'",
        )
        .await,
    }
}

/// An order by the demo customer Anna in her storefront, in English and US dollars.
pub fn annas_order<'a>(
    storefront_id: Uuid,
    customer_id: Uuid,
    plan_slug: &'a str,
    esim_id: Option<Uuid>,
    request_key: &'a str,
) -> services::orders::create::NewOrder<'a> {
    use services::orders::{create, quote};
    create::NewOrder {
        quote: quote::QuoteRequest {
            storefront_id,
            locale: domain::locale::Locale::En,
            currency: domain::money::Currency::USD,
            plan_slug,
            esim_id,
            promo_code: None,
            customer_key: Some("anna@demo.roamdesk.test"),
        },
        customer_id,
        email: "anna@demo.roamdesk.test",
        request_key: Some(request_key),
    }
}
