//! The preference form, the JSON server functions and the health check.
mod common;

use axum::body::Body;
use common::*;
use http::{Request, StatusCode, header};
use sqlx::PgPool;

fn prefs_post(form: &str) -> Request<Body> {
    Request::post("/prefs")
        .header("host", "localhost:3000")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form.to_string()))
        .unwrap()
}

#[sqlx::test(migrations = "../migrations")]
async fn prefs_set_cookies_and_return(pool: PgPool) {
    let router = demo_router(pool).await;
    let res = send(
        &router,
        prefs_post("lang=ru&currency=CNY&return_to=%2Fplans%2Frussia-10gb-30d%3Fx%3D1"),
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.headers[header::LOCATION], "/plans/russia-10gb-30d?x=1");
    let cookies: Vec<&str> = res
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap())
        .collect();
    assert!(
        cookies
            .iter()
            .any(|c| c.starts_with("rd_lang=ru;") && c.contains("SameSite=Lax") && c.contains("HttpOnly"))
    );
    assert!(
        cookies
            .iter()
            .any(|c| c.starts_with("rd_currency=CNY;") && c.contains("Max-Age=31536000"))
    );
}

#[sqlx::test(migrations = "../migrations")]
async fn prefs_refuse_unoffered_values_and_foreign_redirects(pool: PgPool) {
    let router = demo_router(pool).await;
    let res = send(&router, prefs_post("lang=en&currency=JPY&return_to=%2F")).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.headers.get(header::SET_COOKIE).is_none(), "nothing changes");
    assert!(res.body.contains("currency"));

    let res = send(&router, prefs_post("lang=de")).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);

    let res = send(&router, prefs_post("lang=zh&return_to=https%3A%2F%2Fevil.example%2F")).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.headers[header::LOCATION], "/");
    let res = send(&router, prefs_post("lang=zh&return_to=%2F%2Fevil.example")).await;
    assert_eq!(res.headers[header::LOCATION], "/");
}

#[sqlx::test(migrations = "../migrations")]
async fn catalog_server_function_answers_json(pool: PgPool) {
    let router = demo_router(pool).await;
    let req = Request::post("/api/catalog")
        .header("host", "localhost:3000")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ACCEPT, "application/json")
        .header(header::COOKIE, "rd_currency=EUR")
        .body(Body::from(r#"{"query":{"dest":"RU","min_data":null,"min_days":null,"period":null,"kind":null,"sort":"PriceAsc","page":1}}"#))
        .unwrap();
    let res = send(&router, req).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let json: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    let plans = json["plans"].as_array().unwrap();
    assert!(!plans.is_empty());
    assert!(plans.iter().all(|p| p["price"]["currency"] == "EUR"));
    let amounts: Vec<i64> = plans
        .iter()
        .map(|p| p["price"]["amount_minor"].as_i64().unwrap())
        .collect();
    assert!(amounts.windows(2).all(|w| w[0] <= w[1]));
}

#[sqlx::test(migrations = "../migrations")]
async fn healthz_checks_the_database(pool: PgPool) {
    let (router, pool) = common::demo_router_and_pool(pool).await;
    let res = get_page(&router, "/healthz").await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.body, "ok");
    pool.close().await;
    let res = get_page(&router, "/healthz").await;
    assert_eq!(res.status, StatusCode::SERVICE_UNAVAILABLE);
}

#[sqlx::test(migrations = "../migrations")]
async fn demo_data_loads_once(pool: PgPool) {
    let _router = demo_router(pool.clone()).await;
    assert!(
        !server::demo::load_if_empty(&pool).await.unwrap(),
        "second load is a no-op"
    );
    let (plans, dests): (i64, i64) = sqlx::query_as("SELECT count(*), count(DISTINCT destination_code) FROM plans")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert!(plans >= 40 && dests >= 15, "{plans} plans over {dests} destinations");
    for code in ["RU", "CN", "EU", "GLOBAL"] {
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM plans WHERE destination_code = $1")
            .bind(code)
            .fetch_one(&pool)
            .await
            .unwrap();
        assert!(n > 0, "{code} has plans");
    }
    for period in ["day", "month", "year"] {
        let n: i64 = sqlx::query_scalar("SELECT count(*) FROM plans WHERE billing_period::text = $1")
            .bind(period)
            .fetch_one(&pool)
            .await
            .unwrap();
        assert!(n > 0, "{period} plans exist");
    }
}
