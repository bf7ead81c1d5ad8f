//! Two app servers behind nginx (Debian's package) on one database, as a deployment that has
//! grown to two machines runs: a session made through one instance works through the other, a
//! price changed in the database shows on both (LISTEN/NOTIFY invalidates what each keeps in
//! memory), and background work that both run (mail delivery, payment events) is done once.
mod common;

use axum::Router;
use axum::extract::Request;
use common::loopback::http;
use common::orders::{Deliveries, deliveries};
use common::smtp::{SmtpSink, free_port};
use common::stripe::{eventually, serve};
use common::{own_pool, router_with};
use domain::locale::Locale;
use domain::money::{Currency, Money};
use services::AppContext;
use services::mail::Mailer;
use services::mail::outbox::{self, NewMail};
use services::mail::templates::RenderedMail;
use sqlx::PgPool;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::watch;

const PLAN: &str = "russia-10gb-30d";

/// nginx in front of the instances, round robin, as docs/deployment.md sets it up.
struct Nginx {
    child: Child,
    dir: PathBuf,
    port: u16,
}

impl Nginx {
    fn start(upstreams: &[SocketAddr]) -> Nginx {
        let port = free_port();
        let dir = std::env::temp_dir().join(format!("roamdesk-nginx-{port}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let d = dir.display();
        let servers: String = upstreams.iter().map(|a| format!("server {a}; ")).collect();
        let conf = format!(
            "daemon off; worker_processes 1; pid {d}/nginx.pid; error_log {d}/error.log;
             events {{ worker_connections 256; }}
             http {{
               access_log off;
               client_body_temp_path {d}/body; proxy_temp_path {d}/proxy; fastcgi_temp_path {d}/fastcgi;
               uwsgi_temp_path {d}/uwsgi; scgi_temp_path {d}/scgi;
               upstream roamdesk {{ {servers} }}
               server {{
                 listen 127.0.0.1:{port};
                 location / {{
                   proxy_pass http://roamdesk;
                   proxy_buffering off;
                   proxy_set_header Host $http_host;
                   proxy_set_header X-Forwarded-For $remote_addr;
                 }}
               }}
             }}"
        );
        let conf_path = dir.join("nginx.conf");
        std::fs::write(&conf_path, conf).unwrap();
        let program = std::env::var("ROAMDESK_NGINX").unwrap_or_else(|_| "/usr/sbin/nginx".into());
        #[allow(clippy::zombie_processes)] // Drop kills and waits for it.
        let mut child = Command::new(&program)
            .arg("-c")
            .arg(&conf_path)
            .arg("-e")
            .arg(dir.join("error.log"))
            .spawn()
            .unwrap_or_else(|e| panic!("{program} starts ({e}); ./test installs Debian's nginx-light"));
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Nginx { child, dir, port };
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = child.kill();
        panic!(
            "nginx did not listen: {}",
            std::fs::read_to_string(dir.join("error.log")).unwrap_or_default()
        );
    }

    fn addr(&self) -> SocketAddr {
        SocketAddr::from(([127, 0, 0, 1], self.port))
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// An instance: its own memory (storefronts, catalogue, pages), the workers every instance runs,
/// and a count of the requests it answered.
struct Instance {
    addr: SocketAddr,
    ctx: AppContext,
    served: Arc<AtomicUsize>,
}

async fn start_instance(pool: &PgPool, mailer: &Mailer, stop: &watch::Receiver<bool>) -> Instance {
    let ctx = AppContext::new(own_pool(pool).await).with_smtp_configured(true);
    server::workers::spawn_change_listener(ctx.clone(), stop.clone());
    server::workers::spawn_mail_worker(ctx.pool.clone(), mailer.clone(), stop.clone());
    server::workers::spawn_payment_worker(ctx.clone(), stop.clone());
    let served = Arc::new(AtomicUsize::new(0));
    let counter = served.clone();
    let router: Router = router_with(ctx.clone()).layer(axum::middleware::map_request(move |req: Request| {
        counter.fetch_add(1, Ordering::SeqCst);
        async move { req }
    }));
    let (addr, _task) = serve(router).await;
    Instance { addr, ctx, served }
}

#[sqlx::test(migrations = "../migrations")]
async fn two_instances_behind_nginx_share_sessions_changes_and_background_work(pool: PgPool) {
    assert!(server::demo::load_if_empty(&pool).await.unwrap());
    let smtp_port = free_port();
    let maildir = std::env::temp_dir().join(format!("roamdesk-two-instances-{smtp_port}"));
    let _ = std::fs::remove_dir_all(&maildir);
    let sink = SmtpSink::start(smtp_port, &maildir);
    let mailer = Mailer::from_url(
        &format!("smtp://127.0.0.1:{smtp_port}"),
        "Roamdesk <no-reply@roamdesk.test>",
    )
    .unwrap();
    let (stop, stopped) = watch::channel(false);
    let a = start_instance(&pool, &mailer, &stopped).await;
    let b = start_instance(&pool, &mailer, &stopped).await;
    eventually("both instances listen for change notices", || async {
        a.ctx.storefronts.is_listening() && b.ctx.storefronts.is_listening()
    })
    .await;
    let nginx = Nginx::start(&[a.addr, b.addr]);
    let front = nginx.addr();

    // A session made through one instance is known to both (sessions live in PostgreSQL).
    let origin = format!("http://{front}");
    let signed_in = http(
        front,
        "POST",
        "/api/account/sign-in",
        &[
            ("Origin", &origin),
            ("Accept", "application/json"),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ],
        "identifier=anna%40demo.roamdesk.test&password=roamdesk-demo",
    )
    .await;
    assert_eq!(signed_in.status, 200, "{}", signed_in.body);
    let cookie = signed_in
        .head
        .lines()
        .filter_map(|l| {
            l.strip_prefix("set-cookie: ")
                .or_else(|| l.strip_prefix("Set-Cookie: "))
        })
        .filter_map(|c| c.split(';').next())
        .find(|c| c.starts_with("rd_session="))
        .expect("a session cookie")
        .to_string();
    let (a_before, b_before) = (a.served.load(Ordering::SeqCst), b.served.load(Ordering::SeqCst));
    for _ in 0..6 {
        let page = http(front, "GET", "/account", &[("Cookie", &cookie)], "").await;
        assert_eq!(page.status, 200);
        assert!(
            page.body.contains("data-testid=\"account-page\""),
            "signed in on every instance"
        );
    }
    assert!(a.served.load(Ordering::SeqCst) > a_before, "instance A answered some");
    assert!(b.served.load(Ordering::SeqCst) > b_before, "instance B answered some");

    // Both keep the plan page in memory; a price changed in the database shows on both.
    let old_minor: i64 = sqlx::query_scalar(
        "SELECT pp.amount_minor FROM plan_prices pp JOIN plans p ON p.id = pp.plan_id WHERE p.slug = $1 AND pp.currency = 'USD'",
    )
    .bind(PLAN)
    .fetch_one(&pool)
    .await
    .unwrap();
    let old_price = Money::new(old_minor, Currency::USD).format(Locale::En);
    let new_price = Money::new(old_minor + 1234, Currency::USD).format(Locale::En);
    let path = format!("/plans/{PLAN}");
    for instance in [&a, &b] {
        for _ in 0..2 {
            let page = http(instance.addr, "GET", &path, &[], "").await;
            assert!(page.body.contains(&old_price), "{old_price} before the change");
        }
    }
    sqlx::query("UPDATE plan_prices SET amount_minor = amount_minor + 1234 FROM plans p WHERE p.id = plan_id AND p.slug = $1 AND currency = 'USD'")
        .bind(PLAN)
        .execute(&pool)
        .await
        .unwrap();
    for instance in [&a, &b] {
        eventually("the new price on every instance", || async {
            http(instance.addr, "GET", &path, &[], "")
                .await
                .body
                .contains(&new_price)
        })
        .await;
    }
    assert!(http(front, "GET", &path, &[], "").await.body.contains(&new_price));

    // Mail queued once is sent once, though both instances' workers deliver.
    let storefront: uuid::Uuid = sqlx::query_scalar("SELECT id FROM storefronts WHERE slug = 'demo'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let mut tx = pool.begin().await.unwrap();
    for i in 0..20 {
        outbox::enqueue(
            &mut tx,
            NewMail {
                storefront_id: storefront,
                kind: "test",
                to: "anna@demo.roamdesk.test",
                mail: RenderedMail {
                    subject: format!("Two instances, mail {i:02}"),
                    text: format!("mail {i}"),
                    html: format!("<p>mail {i}</p>"),
                },
                dedupe_key: Some(format!("two-instances:{i}")),
            },
        )
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    eventually("all 20 mails sent", || async {
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM outbox_emails WHERE kind = 'test' AND status = 'sent'")
            .fetch_one(&pool)
            .await
            .unwrap()
            == 20
    })
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let delivered = sink.delivered();
    for i in 0..20 {
        let subject = format!("Two instances, mail {i:02}");
        let copies = delivered.iter().filter(|m| m.contains(&subject)).count();
        assert_eq!(copies, 1, "{subject} arrived once");
    }

    // Paid orders are fulfilled once, though both instances' payment workers take events.
    let orders = place_paid_orders(&a.ctx, 10).await;
    for order in &orders {
        eventually("the order fulfilled", || async {
            sqlx::query_scalar::<_, String>("SELECT status::text FROM orders WHERE id = $1")
                .bind(order)
                .fetch_one(&pool)
                .await
                .unwrap()
                == "fulfilled"
        })
        .await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    for order in &orders {
        assert_eq!(
            deliveries(&pool, *order).await,
            Deliveries::ONCE,
            "order {order} delivered once"
        );
    }

    let _ = stop.send(true);
    drop(nginx);
    let _ = std::fs::remove_dir_all(&maildir);
}

/// New-eSIM orders paid through the test provider's event path; the workers do the rest.
async fn place_paid_orders(ctx: &AppContext, n: usize) -> Vec<uuid::Uuid> {
    use services::orders::create;
    use services::payment_gateways::PaymentRef;
    use services::payments::{checkout, inbox};
    let storefront = services::storefronts::find_for_host(&ctx.pool, None, "demo")
        .await
        .unwrap()
        .unwrap();
    let customer: uuid::Uuid = sqlx::query_scalar("SELECT id FROM customers WHERE email = 'anna@demo.roamdesk.test'")
        .fetch_one(&ctx.pool)
        .await
        .unwrap();
    let mut orders = Vec::new();
    for i in 0..n {
        let key = format!("two-instances-{i}");
        let order = create::create(
            &ctx.pool,
            ctx.provider.as_ref(),
            common::orders::annas_order(storefront.id, customer, "japan-3gb-7d", None, &key),
        )
        .await
        .unwrap();
        checkout::start_payment(ctx, &storefront, order.id).await.unwrap();
        let payment_ref: String = sqlx::query_scalar("SELECT provider_ref FROM payments WHERE order_id = $1")
            .bind(order.id)
            .fetch_one(&ctx.pool)
            .await
            .unwrap();
        let payload =
            serde_json::json!({ "payment_ref": payment_ref, "outcome": "succeeded", "card": "4242424242424242" });
        assert!(
            inbox::record_event(
                &ctx.pool,
                "test",
                &format!("two_instances_evt_{i}"),
                "payment.succeeded",
                Some(&PaymentRef::Provider(payment_ref)),
                &payload
            )
            .await
            .unwrap()
        );
        orders.push(order.id);
    }
    orders
}
