//! The HTTP surface: Leptos pages and server functions, health and readiness, preferences,
//! static files. `/metrics` is added to the finished router by `observability::observe`.
use crate::layers::page_cache::{PageCache, serve_cached_pages};
use crate::layers::web_safety::{
    CSP_FOR_NON_PAGES, locale_before_storefront, page_nonce, plain_answer, refuse_cross_site, set_page_csp,
};
use crate::state::AppState;
use app::edges::prefs::set_prefs;
use app::request::client_ip::client_ip;
use app::request::cookies::SecureCookies;
use app::request::shop::RequestShop;
use app::{App, shell};
use axum::extract::{ConnectInfo, DefaultBodyLimit, Request, State};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use domain::t;
use http::{HeaderValue, StatusCode, header};
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, generate_route_list};
use std::net::SocketAddr;
use std::sync::Arc;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_sessions::cookie::{SameSite, time};
use tower_sessions::{Expiry, SessionManagerLayer};
use tower_sessions_sqlx_store::PostgresStore;

/// The session cookie's name; the session itself lives in PostgreSQL.
pub const SESSION_COOKIE: &str = "rd_session";

pub fn build_router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    // SameSite=Lax keeps the cookie off cross-site POSTs (one half of the CSRF defence; the
    // Origin check in `refuse_cross_site` is the other). Sessions end after 14 idle days.
    let sessions = SessionManagerLayer::new(PostgresStore::new(state.app.pool.clone()))
        .with_name(SESSION_COOKIE)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(state.secure_cookies)
        .with_expiry(Expiry::OnInactivity(time::Duration::days(14)));
    let app_context = state.app.clone();
    let leptos_options = state.leptos_options.clone();
    // What every page render gets, the 404 page included: the server's context, and the nonce
    // `set_page_csp` names in the header in place of the one Leptos made.
    let page_context = move || {
        provide_context(app_context.clone());
        if let Some(nonce) = page_nonce() {
            provide_context(nonce);
        }
    };
    let page_cache = Arc::new(PageCache::new(state.app.payments.checkout_origin()));
    let site_root = state.leptos_options.site_root.to_string();
    let pkg_dir = state.leptos_options.site_pkg_dir.to_string();
    let pages = Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(crate::observability::readiness::readyz))
        .route("/prefs", post(set_prefs))
        .route("/feed/v1/events", post(app::edges::usage_feed::receive))
        .route("/webhooks/stripe", post(app::edges::stripe_webhook::receive_stripe))
        .route("/orders/export.csv", get(app::edges::orders_csv::export_csv))
        .route(
            "/orders/{id}/receipt.pdf",
            get(app::edges::receipt_download::receipt_pdf),
        )
        .route(
            "/operator/stock/upload",
            post(app::edges::stock_upload::upload)
                .layer(DefaultBodyLimit::max(app::edges::stock_upload::MAX_UPLOAD_BYTES)),
        )
        .leptos_routes_with_context(&state, routes, page_context.clone(), move || {
            shell(leptos_options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(
            page_context,
            shell,
        ))
        .layer(middleware::from_fn(crate::layers::server_fn_status))
        .layer(middleware::from_fn_with_state(page_cache, serve_cached_pages))
        .layer(middleware::from_fn_with_state(state.clone(), resolve_storefront))
        .layer(sessions)
        .layer(middleware::from_fn_with_state(state.clone(), record_client_ip))
        .layer(middleware::from_fn(refuse_cross_site))
        .layer(Extension(SecureCookies(state.secure_cookies)))
        .layer(middleware::from_fn_with_state(state.app.clone(), set_page_csp))
        .layer(middleware::from_fn(no_store_for_secrets))
        // Pages are compressed as they are sent: brotli at a quality that costs about a
        // millisecond for a catalogue page (smaller than gzip at the same cost), else gzip.
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(4)));
    // Static files skip the page layers (storefront, session, compression): they are the same
    // for every shop and visitor, and already compressed.
    Router::new()
        .merge(crate::static_files::routes(&site_root, &pkg_dir))
        .merge(pages)
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP_FOR_NON_PAGES),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("strict-origin-when-cross-origin"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .layer(middleware::from_fn(crate::layers::request_id))
        .with_state(state)
}

/// Liveness and database reachability, for load balancers and the scripts' start-up wait.
async fn healthz(State(state): State<AppState>) -> Response {
    match sqlx::query("SELECT 1").execute(&state.app.pool).await {
        Ok(_) => (StatusCode::OK, "ok").into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "health check: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

/// Pages and calls that can carry an activation code or a lookup's result are never stored by
/// the browser or a proxy. The server functions set it too; this covers the pages whatever they render.
async fn no_store_for_secrets(req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let secret = path.starts_with("/esims") || path.starts_with("/renew") || path.starts_with("/api/esims");
    let mut response = next.run(req).await;
    if secret {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Stores the caller's IP in the request for throttling and the audit log.
async fn record_client_ip(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let peer = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0);
    let ip = client_ip(req.headers(), peer, state.trust_forwarded_for);
    req.extensions_mut().insert(ip);
    next.run(req).await
}

/// Resolves which storefront a request is for, and the shopper's language and currency, once,
/// before any page or server function runs.
async fn resolve_storefront(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let path = req.uri().path();
    // Static files (`static_files`) are routed outside this layer and never get here.
    if path.starts_with("/feed/") || path == "/healthz" || path == "/readyz" {
        return next.run(req).await;
    }
    let host = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(|h| h.to_ascii_lowercase());
    let directory = &state.app.storefronts;
    match directory
        .find(&state.app.pool, host.as_deref(), &state.default_storefront)
        .await
    {
        Ok(Some(storefront)) => {
            let shop = RequestShop::from_headers(storefront, req.headers());
            req.extensions_mut().insert(shop);
            next.run(req).await
        }
        Ok(None) => {
            tracing::error!(default = %state.default_storefront, "no storefront for this host and no default storefront");
            let l = locale_before_storefront(req.headers());
            plain_answer(StatusCode::SERVICE_UNAVAILABLE, l, t!(l, "errors-shop-not-set-up"))
        }
        Err(e) => {
            tracing::error!(error = %e, "storefront lookup failed");
            let l = locale_before_storefront(req.headers());
            plain_answer(StatusCode::SERVICE_UNAVAILABLE, l, t!(l, "errors-shop-unavailable"))
        }
    }
}
