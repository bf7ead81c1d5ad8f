//! The catalog as a browser without JavaScript (or curl) sees it: server-rendered HTML.
mod common;

use axum::body::Body;
use common::*;
use http::StatusCode;
use sqlx::PgPool;

#[sqlx::test(migrations = "../migrations")]
async fn home_lists_plans_with_names_and_prices(pool: PgPool) {
    let router = demo_router(pool.clone()).await;
    let page = get_page(&router, "/").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("<title>Travel eSIM plans · Roamdesk Travel</title>"),
        "title"
    );
    assert!(page.body.contains(r#"<meta name="description""#), "meta description");
    assert!(page.body.contains("Russia 10 GB · 30 days"), "plan name");
    assert!(page.body.contains("$19.00"), "price in USD");
    let active: i64 = sqlx::query_scalar("SELECT count(*) FROM plans WHERE active")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(
        page.body.contains(&format!("{active} plans")),
        "count of all active plans"
    );
    assert_eq!(card_slugs(&page.body).len() as i64, active.min(48));
}

#[sqlx::test(migrations = "../migrations")]
async fn accept_language_picks_russian_and_roubles(pool: PgPool) {
    let router = demo_router(pool).await;
    let req = get("/")
        .header("accept-language", "ru-RU,ru;q=0.9,en;q=0.5")
        .body(Body::empty())
        .unwrap();
    let page = send(&router, req).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(r#"lang="ru""#));
    assert!(page.body.contains("Мобильный интернет для вашей поездки"));
    assert!(page.body.contains("Россия 10 ГБ · 30 дней"));
    assert!(page.body.contains("1\u{a0}790,00\u{a0}₽"), "price in roubles");
}

#[sqlx::test(migrations = "../migrations")]
async fn chosen_language_and_currency_cookies_win(pool: PgPool) {
    let router = demo_router(pool).await;
    let req = get("/plans/russia-10gb-30d")
        .header("accept-language", "ru")
        .header("cookie", "rd_lang=zh; rd_currency=EUR")
        .body(Body::empty())
        .unwrap();
    let page = send(&router, req).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(r#"lang="zh-Hans""#));
    assert!(page.body.contains("俄罗斯 10 GB · 30 天"));
    assert!(page.body.contains("€17.50"));
}

#[sqlx::test(migrations = "../migrations")]
async fn plan_page_states_terms_in_plain_words(pool: PgPool) {
    let router = demo_router(pool.clone()).await;
    let slug: String = sqlx::query_scalar(
        "SELECT slug FROM plans WHERE data_mb IS NULL AND throttle_kbps = 512 ORDER BY slug LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let page = get_page(&router, &format!("/plans/{slug}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains("each day. After that the connection slows to 512 kbps"),
        "fair use in words"
    );
    assert!(page.body.contains("Validity starts"), "validity start rule");
    assert!(page.body.contains(r#"data-testid="networks""#), "networks listed");
    let name: String = sqlx::query_scalar(
        "SELECT t.name FROM plan_texts t JOIN plans p ON p.id = t.plan_id WHERE p.slug = $1 AND t.language = 'en'",
    )
    .bind(&slug)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(
        page.body.contains(&format!("<title>{name} · Roamdesk Travel</title>")),
        "own title"
    );

    let europe = get_page(&router, "/plans/europe-10gb-30d").await;
    assert_eq!(europe.status, StatusCode::OK);
    assert!(
        europe.body.contains("France") && europe.body.contains("Germany"),
        "covered countries"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn unknown_plan_and_unknown_page_answer_404(pool: PgPool) {
    let router = demo_router(pool).await;
    for uri in ["/plans/no-such-plan", "/plans/UPPER%20case", "/nowhere"] {
        let page = get_page(&router, uri).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{uri}");
        assert!(page.body.contains("Page not found"), "{uri} shows the 404 page");
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn inactive_plan_is_not_sold(pool: PgPool) {
    let router = demo_router(pool.clone()).await;
    sqlx::query("UPDATE plans SET active = false WHERE slug = 'russia-10gb-30d'")
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(
        get_page(&router, "/plans/russia-10gb-30d").await.status,
        StatusCode::NOT_FOUND
    );
    assert!(!card_slugs(&get_page(&router, "/?dest=RU").await.body).contains(&"russia-10gb-30d".to_string()));
}

#[sqlx::test(migrations = "../migrations")]
async fn destination_filter_includes_regional_plans_covering_the_country(pool: PgPool) {
    let router = demo_router(pool.clone()).await;
    let page = get_page(&router, "/?dest=FR").await;
    let mut shown = card_slugs(&page.body);
    shown.sort();
    let mut expected: Vec<String> = sqlx::query_scalar(
        "SELECT p.slug FROM plans p JOIN destination_countries dc ON dc.destination_code = p.destination_code
         WHERE dc.country_code = 'FR' AND p.active ORDER BY p.slug",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    expected.sort();
    assert!(!expected.is_empty());
    assert_eq!(shown, expected);
    assert!(shown.iter().any(|s| s.starts_with("europe-")), "EU plans cover France");
    assert!(
        shown.iter().any(|s| s.starts_with("global-")),
        "global plans cover France"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn data_validity_period_and_kind_filters(pool: PgPool) {
    let router = demo_router(pool.clone()).await;
    let check = |sql: &'static str| {
        let pool = pool.clone();
        async move {
            let mut v: Vec<String> = sqlx::query_scalar(sql).fetch_all(&pool).await.unwrap();
            v.sort();
            v
        }
    };
    let cases = [
        (
            "/?data=10",
            "SELECT slug FROM plans WHERE active AND (data_mb IS NULL OR data_mb >= 10240)",
        ),
        (
            "/?data=unlimited",
            "SELECT slug FROM plans WHERE active AND data_mb IS NULL",
        ),
        (
            "/?days=30&period=month",
            "SELECT slug FROM plans WHERE active AND validity_days >= 30 AND billing_period = 'month'",
        ),
        (
            "/?kind=family",
            "SELECT slug FROM plans WHERE active AND kind = 'family'",
        ),
        (
            "/?period=year&kind=enterprise",
            "SELECT slug FROM plans WHERE active AND billing_period = 'year' AND kind = 'enterprise'",
        ),
    ];
    for (uri, sql) in cases {
        let mut shown = card_slugs(&get_page(&router, uri).await.body);
        shown.sort();
        let expected = check(sql).await;
        assert_eq!(shown, expected, "{uri}");
    }
    assert!(!check("SELECT slug FROM plans WHERE kind = 'family'").await.is_empty());
}

#[sqlx::test(migrations = "../migrations")]
async fn sorting_by_price_data_and_validity(pool: PgPool) {
    let router = demo_router(pool.clone()).await;
    let prices = card_prices(&get_page(&router, "/?sort=price").await.body);
    assert!(prices.len() > 10);
    assert!(prices.windows(2).all(|w| w[0] <= w[1]), "ascending {prices:?}");
    let prices = card_prices(&get_page(&router, "/?sort=price-desc").await.body);
    assert!(prices.windows(2).all(|w| w[0] >= w[1]), "descending {prices:?}");

    let slugs = card_slugs(&get_page(&router, "/?sort=validity&dest=RU").await.body);
    let mut days = Vec::new();
    for s in &slugs {
        let d: i32 = sqlx::query_scalar("SELECT validity_days FROM plans WHERE slug = $1")
            .bind(s)
            .fetch_one(&pool)
            .await
            .unwrap();
        days.push(d);
    }
    assert!(days.windows(2).all(|w| w[0] >= w[1]), "longest validity first {days:?}");

    let slugs = card_slugs(&get_page(&router, "/?sort=data&dest=CN").await.body);
    let mut data = Vec::new();
    for s in &slugs {
        let mb: Option<i32> = sqlx::query_scalar("SELECT data_mb FROM plans WHERE slug = $1")
            .bind(s)
            .fetch_one(&pool)
            .await
            .unwrap();
        data.push(mb.unwrap_or(i32::MAX));
    }
    assert!(
        data.windows(2).all(|w| w[0] >= w[1]),
        "most data first, unlimited on top {data:?}"
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn nonsense_filters_are_ignored_with_a_notice(pool: PgPool) {
    let router = demo_router(pool).await;
    let page = get_page(&router, "/?data=7&sort=random&dest=%3Cscript%3E").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(r#"data-testid="ignored-filters""#));
    assert!(!page.body.contains("<script>"), "input is never echoed raw");
    assert!(!card_slugs(&page.body).is_empty(), "the unfiltered catalog still shows");
}

#[sqlx::test(migrations = "../migrations")]
async fn a_storefront_only_shows_its_own_plans(pool: PgPool) {
    let router = demo_router(pool.clone()).await;
    // A second storefront on its own host with one plan of its own.
    sqlx::query(
        "WITH s AS (INSERT INTO storefronts (slug, name, host, default_currency, default_language)
                    VALUES ('other', 'Other Shop', 'other.example', 'EUR', 'en') RETURNING id),
              c AS (INSERT INTO storefront_currencies SELECT id, 'EUR' FROM s),
              l AS (INSERT INTO storefront_languages SELECT id, 'en' FROM s),
              p AS (INSERT INTO plans (storefront_id, slug, destination_code, data_mb, validity_days, billing_period)
                    SELECT id, 'other-only-plan', 'RU', 2048, 7, 'month' FROM s RETURNING id)
         INSERT INTO plan_prices SELECT id, 'EUR', 999 FROM p",
    )
    .execute(&pool)
    .await
    .unwrap();
    let demo = get_page(&router, "/").await;
    assert!(!card_slugs(&demo.body).contains(&"other-only-plan".to_string()));
    assert_eq!(
        get_page(&router, "/plans/other-only-plan").await.status,
        StatusCode::NOT_FOUND
    );

    let req = http::Request::get("/")
        .header("host", "other.example")
        .body(Body::empty())
        .unwrap();
    let other = send(&router, req).await;
    assert_eq!(card_slugs(&other.body), vec!["other-only-plan".to_string()]);
    assert!(other.body.contains("Other Shop") && other.body.contains("€9.99"));
}

#[sqlx::test(migrations = "../migrations")]
async fn catalog_from_memory_follows_every_change_at_once(pool: PgPool) {
    let router = demo_router(pool.clone()).await;
    let card_price = |html: &str| {
        let slugs = card_slugs(html);
        let prices = card_prices(html);
        slugs.iter().position(|s| s == "russia-10gb-30d").map(|i| prices[i])
    };
    assert_eq!(card_price(&get_page(&router, "/?dest=RU").await.body), Some(1900));

    sqlx::query(
        "UPDATE plan_prices SET amount_minor = 1750 WHERE currency = 'USD'
           AND plan_id = (SELECT id FROM plans WHERE slug = 'russia-10gb-30d')",
    )
    .execute(&pool)
    .await
    .unwrap();
    let page = get_page(&router, "/?dest=RU").await;
    assert_eq!(
        card_price(&page.body),
        Some(1750),
        "new price shown on the next request"
    );
    assert!(page.body.contains("$17.50"));

    sqlx::query(
        "UPDATE plan_texts SET name = 'Russia Explorer 10 GB' WHERE language = 'en'
                 AND plan_id = (SELECT id FROM plans WHERE slug = 'russia-10gb-30d')",
    )
    .execute(&pool)
    .await
    .unwrap();
    assert!(
        get_page(&router, "/?dest=RU")
            .await
            .body
            .contains("Russia Explorer 10 GB")
    );

    sqlx::query("UPDATE plans SET active = false WHERE slug = 'russia-10gb-30d'")
        .execute(&pool)
        .await
        .unwrap();
    assert_eq!(
        card_price(&get_page(&router, "/?dest=RU").await.body),
        None,
        "withdrawn plan disappears"
    );
}

/// A language is only files: the test build derives `en-XA` from English (app/build.rs, feature
/// `pseudo-locale`), and with no code of its own it is offered, chosen and served.
#[sqlx::test(migrations = "../migrations")]
async fn a_language_added_as_files_is_served(pool: PgPool) {
    let router = demo_router(pool.clone()).await;
    sqlx::query("INSERT INTO languages (code) VALUES ('en-XA') ON CONFLICT DO NOTHING")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("INSERT INTO storefront_languages (storefront_id, language) SELECT id, 'en-XA' FROM storefronts WHERE slug = 'demo'")
        .execute(&pool)
        .await
        .unwrap();
    let page = get_page_as(&router, "/", Some("rd_lang=en-XA")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(r#"lang="en-XA""#), "html lang");
    assert!(
        page.body.contains("Móbílé dátá fór ýóúr ñéxt tríp"),
        "heading from the derived catalogue"
    );
    assert!(
        page.body.contains("Ƥşeŭđo"),
        "listed in the language menu by its own name"
    );
    let english = get_page(&router, "/").await;
    assert!(english.body.contains("Mobile data for your next trip"));
}
