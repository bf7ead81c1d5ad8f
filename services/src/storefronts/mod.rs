pub mod directory;

use crate::db::RepoError;
use domain::locale::Locale;
use domain::money::Currency;
use domain::prefs::StorefrontBrand;
use sqlx::PgPool;
use uuid::Uuid;

/// A storefront as the server sees it: its brand plus its id and defaults.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Storefront {
    pub id: Uuid,
    pub brand: StorefrontBrand,
    pub default_locale: Locale,
    pub default_currency: Currency,
    /// Moves whenever anything the catalog shows changes; see the catalog cache.
    pub catalog_version: i64,
    /// The host name the storefront is served on; `None` for the platform default.
    pub host: Option<String>,
}

/// Finds the storefront served on `host`, or else the one named `fallback_slug`.
pub async fn find_for_host(
    pool: &PgPool,
    host: Option<&str>,
    fallback_slug: &str,
) -> Result<Option<Storefront>, RepoError> {
    let row = sqlx::query!(
        r#"SELECT s.id, s.slug, s.catalog_version, s.host, s.name, s.support_email, s.brand_color,
                  s.default_language, s.default_currency AS "default_currency!: String",
                  ARRAY(SELECT language FROM storefront_languages l WHERE l.storefront_id = s.id ORDER BY language) AS "languages!",
                  ARRAY(SELECT currency::text FROM storefront_currencies c WHERE c.storefront_id = s.id ORDER BY currency) AS "currencies!"
           FROM storefronts s
           WHERE s.host = $1 OR s.slug = $2
           ORDER BY (s.host IS NOT DISTINCT FROM $1) DESC
           LIMIT 1"#,
        host,
        fallback_slug,
    )
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let default_locale = Locale::from_code(&row.default_language)
        .ok_or_else(|| RepoError::Inconsistent(format!("unknown language {}", row.default_language)))?;
    let default_currency = Currency::from_code(&row.default_currency)
        .ok_or_else(|| RepoError::Inconsistent(format!("unknown currency {}", row.default_currency)))?;
    // Languages or currencies the code does not know yet are skipped rather than failing the shop.
    let mut locales: Vec<Locale> = row.languages.iter().filter_map(|l| Locale::from_code(l)).collect();
    locales.sort_by_key(|l| l.index());
    let mut currencies: Vec<Currency> = row.currencies.iter().filter_map(|c| Currency::from_code(c)).collect();
    currencies.sort();
    Ok(Some(Storefront {
        id: row.id,
        brand: StorefrontBrand {
            slug: row.slug,
            name: row.name,
            support_email: row.support_email,
            brand_color: row.brand_color,
            locales,
            currencies,
        },
        default_locale,
        default_currency,
        catalog_version: row.catalog_version,
        host: row.host,
    }))
}

/// The storefront with this id, for staff pages that act on a storefront named in the request.
pub async fn find_by_id(pool: &PgPool, id: Uuid) -> Result<Option<Storefront>, RepoError> {
    let Some(slug) = sqlx::query_scalar!("SELECT slug FROM storefronts WHERE id = $1", id)
        .fetch_optional(pool)
        .await?
    else {
        return Ok(None);
    };
    find_for_host(pool, None, &slug).await
}

/// Every storefront's id and name, for the operator's storefront picker.
pub async fn list_names(pool: &PgPool) -> Result<Vec<(Uuid, String)>, RepoError> {
    let rows = sqlx::query!("SELECT id, name FROM storefronts ORDER BY name")
        .fetch_all(pool)
        .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.name)).collect())
}

/// The id of the storefront with this slug.
pub async fn id_for_slug(pool: &PgPool, slug: &str) -> Result<Option<Uuid>, sqlx::Error> {
    sqlx::query_scalar!("SELECT id FROM storefronts WHERE slug = $1", slug)
        .fetch_optional(pool)
        .await
}
