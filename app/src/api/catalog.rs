use crate::error::ApiError;
use domain::catalog_query::CatalogQuery;
use domain::plan::{Destination, PlanCard, PlanDetail};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CatalogPageData {
    pub plans: Vec<PlanCard>,
    pub total: u64,
}

#[cfg(feature = "ssr")]
fn scope() -> Result<(services::AppContext, services::catalog::repo::CatalogScope, i64), ApiError> {
    use crate::request::{app_context, shop};
    use services::catalog::repo::CatalogScope;
    let ctx = app_context()?;
    let req = shop::current()?;
    let scope = CatalogScope {
        storefront_id: req.storefront.id,
        locale: req.shop.locale,
        fallback_locale: req.storefront.default_locale,
        currency: req.shop.currency,
    };
    Ok((ctx, scope, req.storefront.catalog_version))
}

/// The storefront's catalog for this request's language and currency, from memory when current.
#[cfg(feature = "ssr")]
async fn snapshot() -> Result<std::sync::Arc<services::catalog::cache::CatalogSnapshot>, ApiError> {
    let (ctx, scope, version) = scope()?;
    ctx.catalog
        .snapshot(&ctx.pool, scope, version)
        .await
        .map_err(|e| e.into())
}

/// One page of the storefront's plans for the filters in `query`. Public: anyone may browse.
#[server(prefix = "/api", endpoint = "catalog", input = Json)]
pub async fn get_catalog(query: CatalogQuery) -> Result<CatalogPageData, ApiError> {
    use domain::catalog_select::select_page;
    let snapshot = snapshot().await?;
    let (plans, total) = select_page(&snapshot.cards, |d, c| snapshot.covers(d, c), &query);
    Ok(CatalogPageData { plans, total })
}

/// The destinations the catalog can be filtered by. Public.
#[server(prefix = "/api", endpoint = "destinations", input = Json)]
pub async fn get_filter_destinations() -> Result<Vec<Destination>, ApiError> {
    Ok(snapshot().await?.destinations.clone())
}

/// One plan by slug; `None` when this storefront does not sell it. Public.
#[server(prefix = "/api", endpoint = "plan", input = Json)]
pub async fn get_plan(slug: String) -> Result<Option<PlanDetail>, ApiError> {
    use services::catalog::repo;
    if slug.len() > 80
        || !slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Ok(None);
    }
    let (ctx, scope, _) = scope()?;
    repo::find_plan(&ctx.pool, scope, &slug).await.map_err(|e| e.into())
}
