//! Command-line tasks of the server binary: `server import-profiles --storefront SLUG FILE.csv`.
use services::stock;
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
    let report = services::usage::csv_import::import(pool, &bytes).await?;
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
