//! The built front end and the public assets, served the way a CDN would. cargo-leptos names the
//! CSS, JavaScript and WebAssembly by their content (`hash-files`) and compresses every file once
//! at build time (`--precompress`); here each is sent as stored, brotli or gzip as the browser
//! accepts, and the content-named ones are cached for a year without asking again.
use crate::state::AppState;
use axum::Router;
use http::{HeaderValue, Response, header};
use std::path::Path;
use tower_http::services::{ServeDir, ServeFile};

/// A name that changes with the content can be kept for a year and never revalidated.
const IMMUTABLE: HeaderValue = HeaderValue::from_static("public, max-age=31536000, immutable");
/// Assets whose name stays the same (the favicon) are kept a day, then revalidated.
const ONE_DAY: HeaderValue = HeaderValue::from_static("public, max-age=86400");

/// `/pkg/*` (content-named) and `/favicon.svg`, from the site root.
pub fn routes(site_root: &str, pkg_dir: &str) -> Router<AppState> {
    let root = Path::new(site_root);
    let pkg = ServeDir::new(root.join(pkg_dir))
        .precompressed_br()
        .precompressed_gzip();
    let favicon = ServeFile::new(root.join("favicon.svg"))
        .precompressed_br()
        .precompressed_gzip();
    Router::new()
        .nest_service(
            &format!("/{pkg_dir}"),
            tower::ServiceBuilder::new()
                .map_response(|r: Response<_>| cache_for(r, IMMUTABLE))
                .service(pkg),
        )
        .route_service(
            "/favicon.svg",
            tower::ServiceBuilder::new()
                .map_response(|r: Response<_>| cache_for(r, ONE_DAY))
                .service(favicon),
        )
}

/// Whether the build named its files by content: cargo-leptos then writes their hashes to a file
/// beside the server binary, where Leptos reads them to link the right names.
pub fn built_with_content_names(options: &leptos::config::LeptosOptions) -> bool {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join(options.hash_file.as_ref())))
        .is_some_and(|file| file.exists())
}

/// Only a file that was found is cacheable; a miss must not be remembered for a year.
fn cache_for<B>(mut response: Response<B>, policy: HeaderValue) -> Response<B> {
    if response.status().is_success() || response.status() == http::StatusCode::NOT_MODIFIED {
        response.headers_mut().insert(header::CACHE_CONTROL, policy);
        // The same URL is sent brotli, gzip or plain: caches must keep them apart.
        response
            .headers_mut()
            .insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    response
}
