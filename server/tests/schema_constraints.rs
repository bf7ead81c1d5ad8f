//! The database itself refuses bad data, whatever the code above it does.
use sqlx::PgPool;

async fn demo(pool: &PgPool) {
    server::demo::load_if_empty(pool).await.unwrap();
}

async fn refused(pool: &PgPool, sql: &str) -> String {
    match sqlx::raw_sql(sql).execute(pool).await {
        Ok(_) => panic!("accepted: {sql}"),
        Err(e) => e.to_string(),
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn plans_and_prices_are_checked(pool: PgPool) {
    demo(&pool).await;
    let sf = "(SELECT id FROM storefronts WHERE slug = 'demo')";
    // Unlimited data needs a daily fair-use allowance and a throttled speed.
    refused(&pool, &format!("INSERT INTO plans (storefront_id, slug, destination_code, validity_days, billing_period) VALUES ({sf}, 'x-unl', 'RU', 7, 'day')")).await;
    refused(&pool, &format!("INSERT INTO plans (storefront_id, slug, destination_code, data_mb, validity_days, billing_period, kind, max_lines) VALUES ({sf}, 'x-fam', 'RU', 1024, 7, 'day', 'family', 1)")).await;
    refused(&pool, &format!("INSERT INTO plans (storefront_id, slug, destination_code, data_mb, validity_days, billing_period) VALUES ({sf}, 'russia-10gb-30d', 'RU', 1024, 7, 'day')")).await;
    refused(&pool, &format!("INSERT INTO plans (storefront_id, slug, destination_code, data_mb, validity_days, billing_period) VALUES ({sf}, 'x-nowhere', 'XX', 1024, 7, 'day')")).await;
    refused(&pool, "UPDATE plan_prices SET amount_minor = 0 WHERE currency = 'USD'").await;
    refused(
        &pool,
        "INSERT INTO plan_prices SELECT id, 'XYZ', 100 FROM plans LIMIT 1",
    )
    .await;
}

#[sqlx::test(migrations = "../migrations")]
async fn storefront_must_offer_its_defaults(pool: PgPool) {
    demo(&pool).await;
    let err = refused(
        &pool,
        "INSERT INTO storefronts (slug, name, default_currency, default_language) VALUES ('bare', 'Bare', 'USD', 'en')",
    )
    .await;
    assert!(err.contains("does not offer its default currency"), "{err}");
}

#[sqlx::test(migrations = "../migrations")]
async fn orders_total_and_lines_must_add_up(pool: PgPool) {
    demo(&pool).await;
    let err = refused(
        &pool,
        "INSERT INTO orders (storefront_id, order_number, email, currency, subtotal_minor, discount_minor, total_minor)
         SELECT id, 1, 'a@b.example', 'USD', 1000, 100, 1000 FROM storefronts",
    )
    .await;
    assert!(err.contains("check"), "{err}");
    // A top-up line must name the eSIM it is for.
    sqlx::raw_sql(
        "INSERT INTO orders (storefront_id, order_number, email, currency, subtotal_minor, total_minor)
         SELECT id, 2, 'a@b.example', 'USD', 1900, 1900 FROM storefronts",
    )
    .execute(&pool)
    .await
    .unwrap();
    refused(
        &pool,
        "INSERT INTO order_lines (storefront_id, order_id, plan_id, kind, unit_price_minor, line_total_minor)
         SELECT o.storefront_id, o.id, p.id, 'top_up', 1900, 1900 FROM orders o, plans p WHERE p.slug = 'russia-10gb-30d'",
    )
    .await;
}

#[sqlx::test(migrations = "../migrations")]
async fn ledger_is_append_only_and_balanced(pool: PgPool) {
    demo(&pool).await;
    sqlx::raw_sql(
        "WITH t AS (INSERT INTO ledger_transactions (storefront_id, kind, idempotency_key)
                    SELECT id, 'adjustment', 'test:1' FROM storefronts RETURNING id)
         INSERT INTO ledger_entries (transaction_id, account, currency, amount_minor)
         SELECT id, 'cash_drawer', 'USD', 500 FROM t UNION ALL SELECT id, 'revenue', 'USD', -500 FROM t",
    )
    .execute(&pool)
    .await
    .unwrap();
    let err = refused(&pool, "UPDATE ledger_entries SET amount_minor = 1").await;
    assert!(err.contains("append-only"), "{err}");
    refused(&pool, "DELETE FROM ledger_transactions").await;
    refused(&pool, "TRUNCATE ledger_entries CASCADE").await;
    let err = refused(
        &pool,
        "WITH t AS (INSERT INTO ledger_transactions (storefront_id, kind, idempotency_key)
                    SELECT id, 'adjustment', 'test:2' FROM storefronts RETURNING id)
         INSERT INTO ledger_entries (transaction_id, account, currency, amount_minor)
         SELECT id, 'cash_drawer', 'USD', 500 FROM t UNION ALL SELECT id, 'revenue', 'USD', -499 FROM t",
    )
    .await;
    assert!(err.contains("does not balance"), "{err}");
    // The same money movement written twice is refused by its idempotency key.
    let err = refused(
        &pool,
        "INSERT INTO ledger_transactions (storefront_id, kind, idempotency_key) SELECT id, 'adjustment', 'test:1' FROM storefronts",
    )
    .await;
    assert!(err.contains("idempotency_key"), "{err}");
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM ledger_entries")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(n, 2);
}

#[sqlx::test(migrations = "../migrations")]
async fn esim_identifiers_are_checked(pool: PgPool) {
    demo(&pool).await;
    refused(&pool, "INSERT INTO esim_profiles (storefront_id, iccid, smdp_address, matching_id) SELECT id, '12345', 'smdp.example.com', 'ABC' FROM storefronts").await;
    refused(&pool, "INSERT INTO esim_profiles (storefront_id, iccid, smdp_address, matching_id) SELECT id, '8944538532008160222', 'https://smdp', 'ABC' FROM storefronts").await;
    sqlx::raw_sql("INSERT INTO esim_profiles (storefront_id, iccid, smdp_address, matching_id) SELECT id, '8944538532008160222', 'SMDP.EXAMPLE.COM', '04386-AGYFT-A74Y8-3F815' FROM storefronts")
        .execute(&pool)
        .await
        .unwrap();
    refused(&pool, "INSERT INTO esim_profiles (storefront_id, iccid, smdp_address, matching_id) SELECT id, '8944538532008160222', 'SMDP.EXAMPLE.COM', 'X' FROM storefronts").await;
    // Sold (not in stock) requires an owner.
    refused(&pool, "UPDATE esim_profiles SET status = 'active'").await;
}
