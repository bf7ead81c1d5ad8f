//! Importing eSIM stock from CSV against PostgreSQL: good rows in, each bad row reported with
//! its line and reason, and a second run of the same file changes nothing.
mod common;

use domain::esim_ids::IdProblem;
use domain::stock_import::RowProblem;
use services::stock;
use sqlx::PgPool;

const FILE: &str = "\
iccid,smdp_address,matching_id,confirmation_code,carrier,plans
8944538532008160222,smdp.example.com,AAAA-1111-BBBB,,Demo Mobile,russia-10gb-30d;russia-1gb-7d
8943108170000828413,smdp.example.com,AAAA-2222-BBBB,1234,Demo Mobile,russia-10gb-30d
8944465400000267221,smdp.example.com,AAAA-3333-BBBB,,Sandbox,russia-5gb-15d
123,smdp.example.com,AAAA-4444-BBBB,,Demo Mobile,russia-10gb-30d
8944478600004958824,not a host,AAAA-5555-BBBB,,Demo Mobile,russia-10gb-30d
89852000263318806140,smdp.example.com,BAD ID!,,Demo Mobile,russia-10gb-30d
89972123300991848961,smdp.example.com,AAAA-7777-BBBB,,Demo Mobile,no-such-plan
8944538532008160222,smdp.example.com,AAAA-9999-BBBB,,Demo Mobile,russia-10gb-30d
89972123300991848961,smdp.example.com,AAAA-8888-BBBB,,Demo Mobile,
";

#[sqlx::test(migrations = "../migrations")]
async fn good_rows_import_bad_rows_are_reported_and_a_rerun_changes_nothing(pool: PgPool) {
    server::demo::load_if_empty(&pool).await.unwrap();
    let demo: uuid::Uuid = sqlx::query_scalar("SELECT id FROM storefronts WHERE slug = 'demo'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let mut progress = vec![];
    let (_, report) = stock::import_file(&pool, demo, "stock.csv", FILE.as_bytes(), None, |n| progress.push(n))
        .await
        .unwrap();
    assert_eq!(report.rows, 9);
    assert_eq!(report.imported, 3);
    assert_eq!(report.unchanged, 0);
    assert_eq!(progress.last(), Some(&9));
    let rejected: Vec<(u64, RowProblem)> = report.rejected.iter().map(|r| (r.line, r.problem.clone())).collect();
    assert_eq!(
        rejected,
        vec![
            (5, RowProblem::Iccid(IdProblem::IccidLength)),
            (6, RowProblem::SmdpAddress),
            (7, RowProblem::MatchingId),
            (8, RowProblem::UnknownPlan("no-such-plan".into())),
            (9, RowProblem::DuplicateInFile),
            (10, RowProblem::NoPlans),
        ]
    );
    // Provider test stock with a wrong check digit is imported, with a warning.
    assert_eq!(report.check_digit_warnings.len(), 1);
    assert_eq!(report.check_digit_warnings[0].line, 4);

    let stock: Vec<(String, bool, Option<String>, i64)> = sqlx::query_as(
        "SELECT p.iccid, p.iccid_check_digit_ok, p.confirmation_code, (SELECT count(*) FROM esim_profile_plans pp WHERE pp.esim_id = p.id)
         FROM esim_profiles p WHERE p.smdp_address = 'smdp.example.com' ORDER BY p.iccid",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(
        stock,
        vec![
            ("8943108170000828413".into(), true, Some("1234".into()), 1),
            ("8944465400000267221".into(), false, None, 1),
            ("8944538532008160222".into(), true, None, 2),
        ]
    );

    let (_, again) = stock::import_file(&pool, demo, "stock.csv", FILE.as_bytes(), None, |_| {})
        .await
        .unwrap();
    assert_eq!((again.imported, again.unchanged, again.rejected.len()), (0, 3, 6));
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM esim_profiles WHERE smdp_address = 'smdp.example.com'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(count, 3);
    let runs: Vec<(i32, i32, i32, i32, bool)> = sqlx::query_as(
        "SELECT rows_done, rows_imported, rows_unchanged, rows_rejected, finished_at IS NOT NULL FROM profile_imports ORDER BY started_at",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(runs, vec![(9, 3, 0, 6, true), (9, 0, 3, 6, true)]);
}

#[sqlx::test(migrations = "../migrations")]
async fn a_profile_of_another_storefront_or_with_other_details_is_a_clash(pool: PgPool) {
    server::demo::load_if_empty(&pool).await.unwrap();
    let demo: uuid::Uuid = sqlx::query_scalar("SELECT id FROM storefronts WHERE slug = 'demo'")
        .fetch_one(&pool)
        .await
        .unwrap();
    let first = "iccid,activation_code,plans\n8944538532008160222,LPA:1$smdp.example.com$AAAA-1111,russia-10gb-30d\n";
    let changed = "iccid,activation_code,plans\n8944538532008160222,LPA:1$smdp.example.com$CCCC-2222,russia-10gb-30d\n";
    let (_, a) = stock::import_file(&pool, demo, "a.csv", first.as_bytes(), None, |_| {})
        .await
        .unwrap();
    assert_eq!(a.imported, 1);
    let (_, b) = stock::import_file(&pool, demo, "b.csv", changed.as_bytes(), None, |_| {})
        .await
        .unwrap();
    assert_eq!(b.rejected.len(), 1);
    assert_eq!(b.rejected[0].problem, RowProblem::AlreadyInStock);
    let matching: String =
        sqlx::query_scalar("SELECT matching_id FROM esim_profiles WHERE iccid = '8944538532008160222'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(matching, "AAAA-1111", "a clash changes nothing");
    let missing = "iccid,plans\n8944538532008160222,russia-10gb-30d\n";
    assert!(
        stock::import_file(&pool, demo, "c.csv", missing.as_bytes(), None, |_| {})
            .await
            .is_err()
    );
}

fn multipart(storefront: &str, file_name: &str, csv: &str) -> (String, String) {
    let boundary = "----roamdesk-test-boundary";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"storefront\"\r\n\r\n{storefront}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: text/csv\r\n\r\n{csv}\r\n\
         --{boundary}--\r\n"
    );
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn upload(router: &axum::Router, cookie: Option<&str>, storefront: &str, csv: &str) -> common::Answer {
    let (content_type, body) = multipart(storefront, "stock.csv", csv);
    let mut req = http::Request::post("/operator/stock/upload")
        .header("host", "localhost:3000")
        .header("content-type", content_type)
        .header("x-forwarded-for", "198.51.100.20");
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    common::send(router, req.body(axum::body::Body::from(body)).unwrap()).await
}

#[sqlx::test(migrations = "../migrations")]
async fn operators_upload_stock_from_the_browser_and_watch_it_finish(pool: PgPool) {
    let (router, pool) = common::demo_router_and_pool(pool).await;
    let operator = common::accounts::sign_in(
        &router,
        "localhost:3000",
        "operator@demo.roamdesk.test",
        "roamdesk-demo",
    )
    .await;
    let operator = common::accounts::session_cookie(&operator).unwrap();
    let customer =
        common::accounts::sign_in(&router, "localhost:3000", "anna@demo.roamdesk.test", "roamdesk-demo").await;
    let customer = common::accounts::session_cookie(&customer).unwrap();

    assert_eq!(upload(&router, None, "demo", FILE).await.status, 401);
    assert_eq!(upload(&router, Some(&customer), "demo", FILE).await.status, 403);
    let none: i64 = sqlx::query_scalar("SELECT count(*) FROM profile_imports")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(none, 0, "refused uploads record nothing");

    let answer = upload(&router, Some(&operator), "demo", FILE).await;
    assert_eq!(answer.status, 303, "{}", answer.body);
    let location = answer.headers["location"].to_str().unwrap().to_string();
    let id: uuid::Uuid = location
        .strip_prefix("/operator/stock?import=")
        .unwrap()
        .parse()
        .unwrap();
    // The import runs in the background; wait for it to finish.
    let mut finished = None;
    for _ in 0..100 {
        finished = sqlx::query_as::<_, (i32, i32, i32, Option<i32>)>(
            "SELECT rows_done, rows_imported, rows_rejected, rows_total FROM profile_imports WHERE id = $1 AND finished_at IS NOT NULL",
        )
        .bind(id)
        .fetch_optional(&pool)
        .await
        .unwrap();
        if finished.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(finished, Some((9, 3, 6, Some(9))));
    let audited: i64 = sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = 'stock.import'")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(audited, 1);

    let page = common::get_page_as(&router, "/operator/stock", Some(&operator)).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("9 rows: 3 imported, 0 unchanged, 6 refused, 1 with a wrong check digit"),
        "the report is shown"
    );
    assert!(
        page.body.contains("No plan no-such-plan in this storefront"),
        "each refused row is listed with its reason"
    );

    let missing_file = upload(&router, Some(&operator), "demo", "").await;
    assert_eq!(missing_file.headers["location"], "/operator/stock?error=no_file");
}
