//! `GET /orders/{id}/receipt.pdf`: the receipt page as a PDF, for exactly those who may see the
//! page — the customer who owns the order, a code-verified lookup of that customer, or staff.
use axum::Extension;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::{HeaderValue, StatusCode, header};
use tower_sessions::Session;
use uuid::Uuid;

use crate::request::shop::RequestShop;
use domain::locale::Locale;
use domain::receipt::ReceiptDocument;
use domain::t;
use services::AppContext;
use services::accounts::principal::principal_for_session;
use services::esims::lookup;
use services::orders::OrderError;
use services::orders::read::{self, OrderAccess};
use services::receipts::pdf as receipt_pdf;

pub async fn receipt_pdf(
    State(ctx): State<AppContext>,
    Extension(shop): Extension<RequestShop>,
    session: Session,
    Path(id): Path<String>,
) -> Response {
    let l = shop.shop.locale;
    // Anything that is not an order id is simply not an order here.
    let Ok(order_id) = Uuid::parse_str(&id) else {
        return not_found(l);
    };
    match render_for(&ctx, &shop, &session, order_id).await {
        Ok(pdf) => {
            let mut response = pdf.into_response();
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/pdf"));
            // The file name carries only the order id, which the URL already shows.
            if let Ok(disposition) = HeaderValue::from_str(&format!("inline; filename=\"receipt-{order_id}.pdf\"")) {
                headers.insert(header::CONTENT_DISPOSITION, disposition);
            }
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Err(Refusal::SignIn) => (StatusCode::UNAUTHORIZED, t!(l, "receipts-pdf-sign-in")).into_response(),
        Err(Refusal::NotFound) => not_found(l),
        Err(Refusal::Unavailable) => {
            (StatusCode::SERVICE_UNAVAILABLE, t!(l, "receipts-pdf-unavailable")).into_response()
        }
        Err(Refusal::Internal(why)) => {
            tracing::error!(error = %why, %order_id, "receipt PDF failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

enum Refusal {
    SignIn,
    NotFound,
    Unavailable,
    Internal(String),
}

fn not_found(l: Locale) -> Response {
    (StatusCode::NOT_FOUND, t!(l, "receipts-pdf-not-found")).into_response()
}

async fn render_for(
    ctx: &AppContext,
    shop: &RequestShop,
    session: &Session,
    order_id: Uuid,
) -> Result<Vec<u8>, Refusal> {
    let internal = |e: &dyn std::fmt::Display| Refusal::Internal(e.to_string());
    let principal = principal_for_session(&ctx.pool, session)
        .await
        .map_err(|e| internal(&e))?;
    let granted = lookup::current_grant(session, shop.storefront.id)
        .await
        .map_err(|e| internal(&e))?
        .map(|g| g.customer_id);
    // The same answers as the receipt page.
    match read::access(&ctx.pool, shop.storefront.id, order_id, principal.as_ref(), granted)
        .await
        .map_err(|e| internal(&e))?
    {
        OrderAccess::Allowed => {}
        OrderAccess::SignInFirst => return Err(Refusal::SignIn),
        OrderAccess::NotFound => return Err(Refusal::NotFound),
    }
    let order = match read::view(&ctx.pool, order_id).await {
        Ok(order) => order,
        Err(OrderError::NotFound) => return Err(Refusal::NotFound),
        Err(e) => return Err(internal(&e)),
    };
    let doc = ReceiptDocument::for_order(&order, shop.shop.locale, &shop.shop.zone);
    let fonts = ctx.receipt_font.clone();
    // Font loading and layout are CPU work: off the async threads.
    tokio::task::spawn_blocking(move || {
        let font = fonts.get().ok_or(Refusal::Unavailable)?;
        receipt_pdf::render(&doc, font).map_err(|e| internal(&e))
    })
    .await
    .map_err(|e| internal(&e))?
}
