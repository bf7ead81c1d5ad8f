//! The demo storefront: loaded once into an empty database so `./run` shows a real shop.
use sqlx::PgPool;

const DEMO_SQL: &str = include_str!("../demo/demo.sql");

/// Loads the demo data if no storefront exists yet. Returns whether it loaded. Safe to call from
/// several processes at once: an advisory lock (per database) serialises them and the check runs under it.
pub async fn load_if_empty(pool: &PgPool) -> Result<bool, sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query("SELECT pg_advisory_xact_lock(hashtext(current_database() || ':roamdesk-demo-data'))")
        .execute(&mut *tx)
        .await?;
    let empty: bool = sqlx::query_scalar("SELECT NOT EXISTS (SELECT 1 FROM storefronts)")
        .fetch_one(&mut *tx)
        .await?;
    if empty {
        sqlx::raw_sql(DEMO_SQL).execute(&mut *tx).await?;
        add_demo_accounts(&mut tx).await?;
        add_demo_esims(&mut tx).await?;
        add_demo_checkout(&mut tx).await?;
    }
    tx.commit().await?;
    Ok(empty)
}

/// The password of every demo account; printed by `./run` and in the README. Demo data only.
pub const DEMO_PASSWORD: &str = "roamdesk-demo";

/// One account per role, so every page can be tried out of the box.
pub const DEMO_ACCOUNTS: [(&str, &str, &str); 6] = [
    ("operator@demo.roamdesk.test", "Olga Operator", "operator"),
    ("admin@demo.roamdesk.test", "Ravi Reseller", "reseller_admin"),
    ("agent@demo.roamdesk.test", "Ali Agent", "agent"),
    ("anna@demo.roamdesk.test", "Anna Traveller", "customer"),
    ("ben@demo.roamdesk.test", "Ben Backpacker", "customer"),
    ("chen@demo.roamdesk.test", "Chen Wei", "customer"),
];

async fn add_demo_accounts(conn: &mut sqlx::PgConnection) -> Result<(), sqlx::Error> {
    let hash = services::security::password::hash(DEMO_PASSWORD.to_string())
        .await
        .map_err(|e| sqlx::Error::Protocol(format!("hashing the demo password: {e}")))?;
    for (email, name, role) in DEMO_ACCOUNTS {
        let id: uuid::Uuid = sqlx::query_scalar(
            "INSERT INTO accounts (storefront_id, email, full_name, password_hash, role, email_verified_at, preferred_language)
             SELECT id, $1, $2, $3, $4::account_role, now(), 'en' FROM storefronts WHERE slug = 'demo'
             RETURNING id",
        )
        .bind(email)
        .bind(name)
        .bind(&hash)
        .bind(role)
        .fetch_one(&mut *conn)
        .await?;
        sqlx::query(
            "INSERT INTO customers (storefront_id, email, full_name, account_id)
             SELECT storefront_id, email, full_name, id FROM accounts WHERE id = $1",
        )
        .bind(id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The SM-DP+ host of every demo profile; not a real server, so demo QR codes install nothing.
pub const DEMO_SMDP: &str = "smdp.demo.roamdesk.test";

/// The demo eSIMs a browser test and a visitor can look at. Matching IDs are fixed so a test
/// knows the activation code its QR code must hold.
pub struct DemoEsim {
    pub owner: &'static str,
    pub nickname: &'static str,
    pub matching_id: &'static str,
    pub confirmation_code: Option<&'static str>,
    pub plan_slug: &'static str,
    /// `None`: sold, not installed, its bundle waiting. `Some(d)`: active, its bundle started `d` days ago.
    pub started_days_ago: Option<i32>,
    /// MB used per day since the start, oldest first.
    pub daily_mb: &'static [i64],
}

pub const DEMO_ESIMS: [DemoEsim; 4] = [
    DemoEsim {
        owner: "anna@demo.roamdesk.test",
        nickname: "Anna's iPhone",
        matching_id: "DEMO-ANNA-IPHONE-0001",
        confirmation_code: None,
        plan_slug: "china-10gb-30d",
        started_days_ago: Some(12),
        daily_mb: &[180, 420, 350, 290, 510, 260, 330, 240, 300, 280, 226, 300],
    },
    DemoEsim {
        owner: "anna@demo.roamdesk.test",
        nickname: "Travel iPad",
        matching_id: "DEMO-ANNA-IPAD-0002",
        confirmation_code: Some("4821"),
        plan_slug: "russia-5gb-15d",
        started_days_ago: None,
        daily_mb: &[],
    },
    DemoEsim {
        owner: "ben@demo.roamdesk.test",
        nickname: "Ben's Pixel",
        matching_id: "DEMO-BEN-PIXEL-0003",
        confirmation_code: None,
        plan_slug: "turkey-3gb-7d",
        started_days_ago: Some(5),
        daily_mb: &[400, 620, 380, 550, 700],
    },
    DemoEsim {
        owner: "chen@demo.roamdesk.test",
        nickname: "Chen's Galaxy",
        matching_id: "DEMO-CHEN-GALAXY-0004",
        confirmation_code: None,
        plan_slug: "japan-3gb-7d",
        started_days_ago: Some(2),
        daily_mb: &[900, 650],
    },
];

/// How many unsold profiles the demo stock holds.
const DEMO_STOCK: u64 = 40;

/// An ICCID with a correct Luhn check digit: `89` + country/issuer `70199` + a serial.
pub fn demo_iccid(serial: u64) -> String {
    let body = format!("8970199{serial:011}");
    (0..10)
        .map(|d| format!("{body}{d}"))
        .find(|candidate| domain::esim_ids::luhn_valid(candidate))
        .expect("one of ten check digits is right")
}

async fn add_demo_esims(conn: &mut sqlx::PgConnection) -> Result<(), sqlx::Error> {
    for (serial, esim) in DEMO_ESIMS.iter().enumerate() {
        let esim_id: uuid::Uuid = sqlx::query_scalar(
            "INSERT INTO esim_profiles (storefront_id, iccid, smdp_address, matching_id, confirmation_code, carrier,
                                        status, customer_id, nickname, allocated_at, installed_at)
             SELECT c.storefront_id, $1, $2, $3, $4, 'Roamdesk Demo Network',
                    CASE WHEN $7::int IS NULL THEN 'ready_to_install' ELSE 'active' END::esim_status,
                    c.id, $5, now() - make_interval(days => COALESCE($7, 0) + 1),
                    CASE WHEN $7::int IS NULL THEN NULL ELSE now() - make_interval(days => $7) END
             FROM customers c JOIN storefronts s ON s.id = c.storefront_id
             WHERE s.slug = 'demo' AND c.email = $6
             RETURNING id",
        )
        .bind(demo_iccid(serial as u64 + 1))
        .bind(DEMO_SMDP)
        .bind(esim.matching_id)
        .bind(esim.confirmation_code)
        .bind(esim.nickname)
        .bind(esim.owner)
        .bind(esim.started_days_ago)
        .fetch_one(&mut *conn)
        .await?;
        let used: i64 = esim.daily_mb.iter().sum();
        sqlx::query(
            "INSERT INTO esim_bundles (esim_id, plan_id, status, data_total_mb, data_remaining_mb,
                                       voice_total_min, voice_remaining_min, sms_total, sms_remaining,
                                       starts_at, expires_at, usage_measured_at)
             SELECT $1, p.id, CASE WHEN $3::int IS NULL THEN 'pending' ELSE 'active' END::bundle_status,
                    p.data_mb, p.data_mb - $4, p.voice_minutes, p.voice_minutes, p.sms_count, p.sms_count,
                    now() - make_interval(days => $3),
                    now() - make_interval(days => $3) + make_interval(days => p.validity_days),
                    CASE WHEN $3::int IS NULL THEN NULL ELSE now() - interval '40 minutes' END
             FROM plans p JOIN storefronts s ON s.id = p.storefront_id
             WHERE s.slug = 'demo' AND p.slug = $2",
        )
        .bind(esim_id)
        .bind(esim.plan_slug)
        .bind(esim.started_days_ago)
        .bind(used as i32)
        .execute(&mut *conn)
        .await?;
        let days = esim.daily_mb.len() as i32;
        for (i, mb) in esim.daily_mb.iter().enumerate() {
            sqlx::query("INSERT INTO esim_daily_usage (esim_id, day, data_mb) VALUES ($1, current_date - $2, $3)")
                .bind(esim_id)
                .bind(days - 1 - i as i32)
                .bind(mb)
                .execute(&mut *conn)
                .await?;
        }
    }
    // Anna's phone number, so the lookup without an account can be tried with it too.
    sqlx::query("UPDATE customers SET phone = '+447700900123' WHERE email = 'anna@demo.roamdesk.test'")
        .execute(&mut *conn)
        .await?;
    let iccids: Vec<String> = (0..DEMO_STOCK).map(|i| demo_iccid(1000 + i)).collect();
    sqlx::query(
        "INSERT INTO esim_profiles (storefront_id, iccid, smdp_address, matching_id, carrier)
         SELECT s.id, i.iccid, $2, 'DEMO-STOCK-' || lpad(i.n::text, 4, '0'), 'Roamdesk Demo Network'
         FROM storefronts s, unnest($1::text[]) WITH ORDINALITY AS i (iccid, n)
         WHERE s.slug = 'demo'",
    )
    .bind(&iccids)
    .bind(DEMO_SMDP)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Payment settings and promo codes of the demo shop: `WELCOME10` (10 % off, once per
/// customer) and `TRAVEL5` (US$5 off orders in dollars, 100 uses).
async fn add_demo_checkout(conn: &mut sqlx::PgConnection) -> Result<(), sqlx::Error> {
    sqlx::raw_sql(
        "INSERT INTO storefront_payment_settings (storefront_id, methods, legal_name, address, tax_id)
         SELECT id, '{card,alipay,wechat_pay,paypal}', 'Roamdesk Travel Ltd', '1 Demo Street, London EC1A 1AA, United Kingdom', 'GB000000000'
         FROM storefronts WHERE slug = 'demo'
         ON CONFLICT (storefront_id) DO UPDATE SET methods = EXCLUDED.methods, legal_name = EXCLUDED.legal_name,
             address = EXCLUDED.address, tax_id = EXCLUDED.tax_id;
         INSERT INTO promo_codes (storefront_id, code, kind, percent_off, max_per_customer)
         SELECT id, 'WELCOME10', 'percent', 10, 1 FROM storefronts WHERE slug = 'demo';
         INSERT INTO promo_codes (storefront_id, code, kind, amount_off_minor, currency, max_redemptions)
         SELECT id, 'TRAVEL5', 'fixed', 500, 'USD', 100 FROM storefronts WHERE slug = 'demo';",
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}
