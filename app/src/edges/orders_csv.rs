//! `GET /account/orders.csv`: the signed-in customer's filtered transaction history as CSV, with
//! headings in their language and values as data.
use crate::request::shop::RequestShop;
use axum::Extension;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use domain::locale::Locale;
use domain::money::Money;
use domain::order::{HistoryFilter, HistoryRow};
use domain::t;
use http::{HeaderValue, StatusCode, header};
use services::AppContext;
use services::accounts::principal::principal_for_session;
use services::orders::history::for_account;
use std::collections::HashMap;
use tower_sessions::Session;

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
    use chrono::Utc;
    use domain::money::Currency;
    use domain::order::OrderStatus;
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
