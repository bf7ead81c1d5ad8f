//! `POST /operator/stock/upload`: an operator sends a stock CSV from the browser (a plain
//! multipart form). The import runs in the background; the answer is a redirect to the stock
//! page, which follows its progress.
use crate::request::client_ip::ClientIp;
use crate::request::shop::RequestShop;
use axum::Extension;
use axum::extract::{Multipart, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::account::Role;
use domain::problem::StockProblem;
use domain::stock_import::MAX_UPLOAD_MB;
use domain::t;
use http::StatusCode;
use services::AppContext;
use services::accounts::principal::principal_for_session;
use services::audit::{self, AuditEvent};
use tower_sessions::Session;

/// Larger than the 100,000-row file the benchmark imports (about 9 MB).
pub const MAX_UPLOAD_BYTES: usize = MAX_UPLOAD_MB as usize * 1024 * 1024;

/// Back to the stock page, which says what was wrong.
fn back_with_error(problem: StockProblem) -> Response {
    Redirect::to(&format!("/operator/stock?error={}", problem.code())).into_response()
}

pub async fn upload(
    State(ctx): State<AppContext>,
    Extension(shop): Extension<RequestShop>,
    session: Session,
    Extension(ip): Extension<ClientIp>,
    mut form: Multipart,
) -> Response {
    let l = shop.shop.locale;
    let principal = match principal_for_session(&ctx.pool, &session).await {
        Ok(Some(p)) => p,
        Ok(None) => return (StatusCode::UNAUTHORIZED, t!(l, "errors-stock-sign-in")).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "stock upload: loading the session failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    if principal.role() != Role::Operator {
        return (StatusCode::FORBIDDEN, t!(l, "errors-stock-operators-only")).into_response();
    }
    let mut slug = None;
    let mut file: Option<(String, Vec<u8>)> = None;
    loop {
        match form.next_field().await {
            Ok(Some(field)) => match field.name() {
                Some("storefront") => slug = field.text().await.ok(),
                Some("file") => {
                    let name = field.file_name().unwrap_or("stock.csv").to_string();
                    match field.bytes().await {
                        Ok(bytes) => file = Some((name, bytes.to_vec())),
                        Err(_) => return back_with_error(StockProblem::TooLarge),
                    }
                }
                _ => {}
            },
            Ok(None) => break,
            Err(_) => return back_with_error(StockProblem::Unreadable),
        }
    }
    let Some((file_name, bytes)) = file.filter(|(_, b)| !b.is_empty()) else {
        return back_with_error(StockProblem::NoFile);
    };
    let storefront = match services::storefronts::id_for_slug(&ctx.pool, &slug.unwrap_or_default()).await {
        Ok(Some(id)) => id,
        Ok(None) => return back_with_error(StockProblem::NoStorefront),
        Err(e) => {
            tracing::error!(error = %e, "stock upload: storefront lookup failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let import_id = match services::stock::start(&ctx.pool, storefront, &file_name, &bytes, Some(principal.id())).await
    {
        Ok(id) => id,
        Err(e) => {
            tracing::error!(error = %e, "stock upload: recording the import failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    if let Ok(mut conn) = ctx.pool.acquire().await {
        let _ = audit::record(
            &mut conn,
            AuditEvent {
                storefront_id: Some(storefront),
                actor: Some(principal.id()),
                ip: &ip.0,
                action: "stock.import",
                target_account: None,
                target_email: None,
                details: serde_json::json!({ "import": import_id, "file": file_name, "bytes": bytes.len() }),
            },
        )
        .await;
    }
    let pool = ctx.pool.clone();
    tokio::spawn(async move {
        match services::stock::run(&pool, import_id, storefront, &bytes, |_| {}).await {
            Ok(report) => {
                tracing::info!(import = %import_id, rows = report.rows, imported = report.imported, "stock import finished")
            }
            Err(e) => tracing::warn!(import = %import_id, error = %e, "stock import stopped"),
        }
    });
    Redirect::to(&format!("/operator/stock?import={import_id}")).into_response()
}
