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
