//! Command-line tasks of the server binary: `server import-profiles --storefront SLUG FILE.csv`.
use app::ssr::stock;
use sqlx::PgPool;
use std::io::Write;

pub async fn import_profiles(pool: &PgPool, args: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let usage = "usage: server import-profiles --storefront SLUG FILE.csv";
    let (slug, path) = match args {
        [flag, slug, path] if flag == "--storefront" => (slug.as_str(), path.as_str()),
        _ => return Err(usage.into()),
    };
    let storefront: uuid::Uuid = sqlx::query_scalar("SELECT id FROM storefronts WHERE slug = $1")
        .bind(slug)
        .fetch_optional(pool)
        .await?
        .ok_or_else(|| format!("no storefront {slug:?}"))?;
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let name = std::path::Path::new(path)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(path);
    let started = std::time::Instant::now();
    let (import_id, report) = stock::import_file(pool, storefront, name, &bytes, None, |done| {
        eprint!("\r{done} rows checked");
        let _ = std::io::stderr().flush();
    })
    .await?;
    eprintln!();
    println!(
        "import {import_id}: {} rows in {:.1} s: {} imported, {} unchanged, {} rejected, {} with a wrong check digit",
        report.rows,
        started.elapsed().as_secs_f64(),
        report.imported,
        report.unchanged,
        report.rejected.len(),
        report.check_digit_warnings.len()
    );
    for r in report.rejected.iter().take(50) {
        println!("  line {}: {} {:?}", r.line, r.iccid, r.problem);
    }
    if report.rejected.len() > 50 {
        println!("  … {} more in profile_imports.rejections", report.rejected.len() - 50);
    }
    Ok(())
}

/// `server import-usage FILE.csv`: a carrier's usage report, applied like feed events.
pub async fn import_usage(pool: &PgPool, args: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let [path] = args else {
        return Err("usage: server import-usage FILE.csv".into());
    };
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let report = app::ssr::usage_feed::csv_import::import(pool, &bytes).await?;
    println!(
        "{}: {} applied, {} older than what is stored, {} already imported, {} for unknown eSIMs or eSIMs without a plan",
        path, report.applied, report.stale, report.duplicate, report.unknown
    );
    Ok(())
}

/// `server simulate-usage [--storefront SLUG] [--every SECONDS]`: the demo's carrier.
pub async fn simulate_usage(
    pool: &PgPool,
    config: &crate::config::Config,
    args: &[String],
) -> Result<(), Box<dyn std::error::Error>> {
    let mut storefront = config.default_storefront.clone();
    let mut every = 15u64;
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        let value = rest
            .next()
            .ok_or("usage: server simulate-usage [--storefront SLUG] [--every SECONDS]")?;
        match flag.as_str() {
            "--storefront" => storefront = value.clone(),
            "--every" => every = value.parse().map_err(|_| "--every takes a number of seconds")?,
            _ => return Err(format!("unknown option {flag}").into()),
        }
    }
    let secret = config
        .feed_secret
        .clone()
        .ok_or("set ROAMDESK_FEED_SECRET (or ROAMDESK_DEMO_DATA=true) so the feed accepts the simulator")?;
    let base_url = std::env::var("LEPTOS_SITE_ADDR")
        .map(|a| format!("http://{a}"))
        .unwrap_or_else(|_| config.public_url.clone());
    crate::simulator::run(
        pool,
        crate::simulator::Simulation {
            storefront,
            base_url,
            secret,
            interval: std::time::Duration::from_secs(every.max(1)),
        },
    )
    .await
}

/// `server bench-orders [N] [CONCURRENCY]`: N new-eSIM orders, each created, paid through the
/// test provider's event path and fulfilled from stock, CONCURRENCY at a time. Prints the
/// throughput. For the benchmark script only: it adds N bench profiles to the demo stock.
pub async fn bench_orders(pool: &PgPool, args: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    use app::domain::locale::Locale;
    use app::domain::money::Currency;
    use app::ssr::orders::{create, events, quote};
    let n: usize = args.first().map(|a| a.parse()).transpose()?.unwrap_or(2000);
    let concurrency: usize = args.get(1).map(|a| a.parse()).transpose()?.unwrap_or(8);
    let ctx = app::ssr::AppContext::new(pool.clone());
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
            let storefront_row = app::ssr::storefront_repo::find_for_host(&ctx.pool, None, "demo").await?.ok_or("no demo")?;
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
                events::start_payment(&ctx, &storefront_row, order.id).await.map_err(|e| e.to_string())?;
                let payment_ref: String = sqlx::query_scalar("SELECT provider_ref FROM payments WHERE order_id = $1")
                    .bind(order.id)
                    .fetch_one(&ctx.pool)
                    .await?;
                let payload = serde_json::json!({ "payment_ref": payment_ref, "outcome": "succeeded", "card": "4242424242424242" });
                events::record_event(&ctx.pool, "test", &format!("bench_evt_{i}"), "payment.succeeded", Some(&app::ssr::payments::PaymentRef::Provider(payment_ref)), &payload)
                    .await?;
                events::process_pending(&ctx, 1).await?;
            }
        }));
    }
    for w in workers {
        w.await?.map_err(|e| e.to_string())?;
    }
    // An event another task held locked at the moment is skipped, not lost: the payment worker
    // takes it on its next round, as here.
    while events::process_pending(&ctx, 100).await? > 0 {}
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
