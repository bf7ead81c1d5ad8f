//! A customer's transaction history, filtered, and its CSV export.
use crate::domain::locale::Locale;
use crate::domain::money::{Currency, Money};
use crate::domain::order::{HistoryFilter, HistoryRow, OrderStatus};
use crate::ssr::AppContext;
use crate::ssr::auth::principal::principal_for_session;
use crate::ssr::shop_context::RequestShop;
use crate::t;
use axum::Extension;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use http::{HeaderValue, StatusCode, header};
use sqlx::PgPool;
use std::collections::HashMap;
use tower_sessions::Session;
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
        filter.from.map(crate::ssr::pg_date),
        filter.to.map(crate::ssr::pg_date),
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

/// `GET /orders/export.csv?…`: the signed-in customer's history with the page's filters.
pub async fn export_csv(
    State(ctx): State<AppContext>,
    Extension(shop): Extension<RequestShop>,
    session: Session,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let principal = match principal_for_session(&ctx.pool, &session).await {
        Ok(Some(p)) => p,
        Ok(None) => return (StatusCode::UNAUTHORIZED, t!(shop.shop.locale, "csv-sign-in")).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "history export: loading the session failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let filter = HistoryFilter::parse(
        q.get("esim").map(String::as_str),
        q.get("status").map(String::as_str),
        q.get("from").map(String::as_str),
        q.get("to").map(String::as_str),
    );
    match for_account(&ctx.pool, principal.id(), &filter).await {
        Ok(rows) => {
            let mut response = history_csv(&rows, shop.shop.locale).into_response();
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            );
            headers.insert(
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"roamdesk-orders.csv\""),
            );
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Err(e) => {
            tracing::error!(error = %e, "history export failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// The history as CSV: one line per order. The headings are in the reader's language; the values
/// stay data (amounts in major units with a dot, the currency's code, the status's code), so a
/// spreadsheet can sum and filter them whatever the language.
fn history_csv(rows: &[HistoryRow], l: Locale) -> String {
    fn field(s: &str) -> String {
        if s.contains([',', '"', '\n']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    }
    fn major(m: Money) -> String {
        let digits = m.currency.minor_units();
        if digits == 0 {
            return m.amount_minor.to_string();
        }
        let unit = 10i64.pow(digits);
        format!(
            "{}.{:0width$}",
            m.amount_minor / unit,
            m.amount_minor % unit,
            width = digits as usize
        )
    }
    let headings = [
        t!(l, "csv-order"),
        t!(l, "csv-date"),
        t!(l, "csv-plan"),
        t!(l, "csv-esim"),
        t!(l, "csv-amount"),
        t!(l, "csv-refunded"),
        t!(l, "csv-currency"),
        t!(l, "csv-status"),
        t!(l, "csv-method"),
    ];
    let mut out = headings.iter().map(|h| field(h)).collect::<Vec<_>>().join(",");
    out.push('\n');
    for r in rows {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{}\n",
            r.number,
            r.at.format("%Y-%m-%d %H:%M:%S UTC"),
            field(&r.plan_name),
            field(r.esim_name.as_deref().unwrap_or("")),
            major(r.total),
            major(r.refunded),
            r.total.currency.code(),
            r.status.code(),
            field(r.method.as_deref().unwrap_or(""))
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn row() -> HistoryRow {
        HistoryRow {
            order_id: Uuid::nil(),
            number: 7,
            at: chrono::DateTime::parse_from_rfc3339("2026-11-22T08:00:00Z")
                .unwrap()
                .with_timezone(&Utc),
            plan_name: "China 10 GB, 30 days".into(),
            esim_id: None,
            esim_name: Some("Mum's \"iPhone\"".into()),
            total: Money::new(1529, Currency::USD),
            refunded: Money::new(0, Currency::USD),
            status: OrderStatus::Fulfilled,
            method: Some("Visa ···4242".into()),
        }
    }

    #[test]
    fn csv_quotes_fields_and_keeps_integer_money() {
        assert_eq!(
            history_csv(&[row()], Locale::En),
            "order,date,plan,esim,amount,refunded,currency,status,method\n\
             7,2026-11-22 08:00:00 UTC,\"China 10 GB, 30 days\",\"Mum's \"\"iPhone\"\"\",15.29,0.00,USD,fulfilled,Visa ···4242\n"
        );
    }

    #[test]
    fn headings_follow_the_language_and_values_stay_data() {
        let ru = history_csv(&[row()], Locale::Ru);
        let (headings, line) = ru.split_once('\n').unwrap();
        assert!(headings.starts_with("заказ,дата,"), "{headings}");
        assert!(line.contains(",15.29,0.00,USD,fulfilled,"), "{line}");
    }
}
