//! Benchmark: order creation, payment through the test provider's event path and fulfilment from
//! stock, against a real PostgreSQL. Not part of the server binary; `scripts/bench-orders` runs
//! it as `cargo bench -p server --bench orders -- [N] [CONCURRENCY]` on a database it prepares.
use server::demo;
use sqlx::PgPool;
use sqlx::postgres::PgPoolOptions;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // cargo bench passes `--bench`; the numbers are what follows it.
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let url = std::env::var("DATABASE_URL").map_err(|_| "DATABASE_URL is not set")?;
    let pool = PgPoolOptions::new().max_connections(20).connect(&url).await?;
    sqlx::migrate!("../migrations").run(&pool).await?;
    demo::load_if_empty(&pool).await?;
    let outcome = bench_orders(&pool, &args).await;
    pool.close().await;
    outcome
}

/// N new-eSIM orders, each created, paid through the
/// test provider's event path and fulfilled from stock, CONCURRENCY at a time. Prints the
/// throughput. For the benchmark script only: it adds N bench profiles to the demo stock.
async fn bench_orders(pool: &PgPool, args: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    use domain::locale::Locale;
    use domain::money::Currency;
    use services::orders::{create, quote};
    use services::payments::{checkout, inbox};
    let n: usize = args.first().map(|a| a.parse()).transpose()?.unwrap_or(2000);
    let concurrency: usize = args.get(1).map(|a| a.parse()).transpose()?.unwrap_or(8);
    let ctx = services::AppContext::new(pool.clone());
    let (storefront, customer): (uuid::Uuid, uuid::Uuid) = sqlx::query_as(
        "SELECT s.id, c.id FROM storefronts s JOIN customers c ON c.storefront_id = s.id
         WHERE s.slug = 'demo' AND c.email = 'anna@demo.roamdesk.test'",
    )
    .fetch_one(pool)
    .await?;
    let first: i64 = sqlx::query_scalar("SELECT count(*) FROM esim_profiles")
        .fetch_one(pool)
        .await?;
    sqlx::query(
        "INSERT INTO esim_profiles (storefront_id, iccid, smdp_address, matching_id)
         SELECT $1, '89701990' || lpad((500000000 + $3 + g)::text, 11, '0'), 'smdp.bench.example', 'BENCH-ORDER-' || g
         FROM generate_series(1, $2) g",
    )
    .bind(storefront)
    .bind(n as i64)
    .bind(first)
    .execute(pool)
    .await?;
    let started = std::time::Instant::now();
    let next = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut workers = Vec::new();
    for _ in 0..concurrency {
        let (ctx, next) = (ctx.clone(), next.clone());
        workers.push(tokio::spawn(async move {
            let storefront_row = services::storefronts::find_for_host(&ctx.pool, None, "demo").await?.ok_or("no demo")?;
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if i >= n {
                    return Ok::<(), Box<dyn std::error::Error + Send + Sync>>(());
                }
                let key = format!("bench-order-{i:08}");
                let order = create::create(
                    &ctx.pool,
                    ctx.provider.as_ref(),
                    create::NewOrder {
                        quote: quote::QuoteRequest {
                            storefront_id: storefront,
                            locale: Locale::En,
                            currency: Currency::USD,
                            plan_slug: "japan-3gb-7d",
                            esim_id: None,
                            promo_code: None,
                            customer_key: Some("anna@demo.roamdesk.test"),
                        },
                        customer_id: customer,
                        email: "anna@demo.roamdesk.test",
                        request_key: Some(&key),
                    },
                )
                .await
                .map_err(|e| e.to_string())?;
                let url = checkout::start_payment(&ctx, &storefront_row, order.id).await.map_err(|e| e.to_string())?;
                // The TEST MODE page's address ends in the payment's id, and its event names the
                // payment as that page does.
                let payment_id: uuid::Uuid = url.rsplit('/').next().ok_or("no payment page")?.parse()?;
                let payment_ref = format!("test_{}", payment_id.simple());
                let payload = serde_json::json!({ "payment_ref": payment_ref, "outcome": "succeeded", "card": "4242424242424242" });
                inbox::record_event(&ctx.pool, "test", &format!("bench_evt_{i}"), "payment.succeeded", Some(&services::payment_gateways::PaymentRef::Provider(payment_ref)), &payload)
                    .await?;
                inbox::process_pending(&ctx, 1).await?;
            }
        }));
    }
    for w in workers {
        w.await?.map_err(|e| e.to_string())?;
    }
    // An event another task held locked at the moment is skipped, not lost: the payment worker
    // takes it on its next round, as here.
    while inbox::process_pending(&ctx, 100).await? > 0 {}
    let elapsed = started.elapsed().as_secs_f64();
    let fulfilled: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM orders WHERE status = 'fulfilled' AND request_key LIKE 'bench-order-%'",
    )
    .fetch_one(pool)
    .await?;
    println!(
        "{n} orders ({concurrency} at a time) created, paid and fulfilled in {elapsed:.1} s: {:.0} orders/s; {fulfilled} fulfilled",
        n as f64 / elapsed
    );
    if fulfilled != n as i64 {
        return Err(format!("only {fulfilled} of {n} orders were fulfilled").into());
    }
    Ok(())
}
