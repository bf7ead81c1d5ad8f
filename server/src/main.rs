use leptos::config::get_configuration;
use server::config::{self, Config};
use server::demo;
use server::observability::{self, Metrics, logging, readiness::MIGRATOR};
use server::routes::build_router;
use server::state::AppState;
use server::workers;
use services::AppContext;
use services::mail::Mailer;
use services::payment_gateways::stripe_gateway::StripeGateway;
use sqlx::postgres::PgPoolOptions;
use std::net::SocketAddr;
use std::time::Duration;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    server::memory::fix_malloc_thresholds();
    let log_format = config::log_format_from_env();
    logging::init(log_format.as_ref().copied().unwrap_or_default());
    log_format?;
    let config = Config::from_env()?;
    let mut leptos_options = get_configuration(None)?.leptos_options;
    leptos_options.hash_files |= server::static_files::built_with_content_names(&leptos_options);
    let addr = leptos_options.site_addr;

    let pool = PgPoolOptions::new()
        .max_connections(config.database_max_connections)
        .acquire_timeout(Duration::from_secs(5))
        .connect(&config.database_url)
        .await?;
    MIGRATOR.run(&pool).await?;
    tracing::info!("database migrated");
    if config.load_demo_data && demo::load_if_empty(&pool).await? {
        tracing::info!("demo storefront loaded");
    }
    let args: Vec<String> = std::env::args().collect();
    let command = match args.get(1).map(String::as_str) {
        Some("import-profiles") => Some(server::cli::import_profiles(&pool, &args[2..]).await),
        Some("import-usage") => Some(server::cli::import_usage(&pool, &args[2..]).await),
        Some("simulate-usage") => Some(server::cli::simulate_usage(&pool, &config, &args[2..]).await),
        _ => None,
    };
    if let Some(outcome) = command {
        pool.close().await;
        return outcome;
    }

    let (stop_workers, workers_stop) = tokio::sync::watch::channel(false);
    let mut workers = vec![workers::spawn_maintenance(pool.clone(), workers_stop.clone())];
    match &config.smtp_url {
        Some(url) => {
            let mailer = Mailer::from_url(url, &config.mail_from)?;
            workers.push(workers::spawn_mail_worker(pool.clone(), mailer, workers_stop.clone()));
        }
        None => tracing::info!(
            "no ROAMDESK_SMTP_URL: e-mail stays in the outbox, readable by operators at /operator/outbox"
        ),
    }

    let mut app_context = AppContext::new(pool.clone())
        .with_public_url(&config.public_url)
        .with_smtp_configured(config.smtp_url.is_some())
        .with_feed_secret(config.feed_secret.as_deref());
    if let Some(font) = &config.receipt_font {
        app_context = app_context.with_receipt_font(font);
    }
    match &config.stripe {
        Some(stripe) => {
            let gateway = StripeGateway::new(&stripe.secret_key, &stripe.webhook_secret, stripe.api_base.as_deref())?;
            app_context = app_context.with_payments(std::sync::Arc::new(gateway));
            tracing::info!(
                api = stripe.api_base.as_deref().unwrap_or("https://api.stripe.com"),
                "payments through Stripe Checkout"
            );
        }
        None => tracing::warn!("no ROAMDESK_STRIPE_SECRET_KEY: payments run in TEST MODE and take no money"),
    }
    workers.push(workers::spawn_payment_worker(app_context.clone(), workers_stop.clone()));
    workers.push(workers::spawn_change_listener(
        app_context.clone(),
        workers_stop.clone(),
    ));
    let state = AppState {
        leptos_options,
        app: app_context,
        default_storefront: config.default_storefront.clone(),
        secure_cookies: config.secure_cookies,
        trust_forwarded_for: config.trust_forwarded_for,
    };
    let metrics = config
        .metrics_token
        .as_ref()
        .map(|token| Metrics::new(pool.clone(), token));
    if metrics.is_none() {
        tracing::info!("no ROAMDESK_METRICS_TOKEN: /metrics answers 404");
    }
    let router = observability::observe(build_router(state), metrics);
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!("listening on http://{addr}");
    axum::serve(listener, router.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    let _ = stop_workers.send(true);
    for worker in workers {
        let _ = worker.await;
    }
    pool.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on SIGTERM or Ctrl-C; in-flight requests then finish before the process exits.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
