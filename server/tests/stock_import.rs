//! Importing eSIM stock from CSV against PostgreSQL: good rows in, each bad row reported with
//! its line and reason, and a second run of the same file changes nothing.
mod common;

use app::domain::esim_ids::IdProblem;
use app::domain::stock_import::RowProblem;
use app::ssr::stock;
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
         FROM esim_profiles p ORDER BY p.iccid",
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
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM esim_profiles")
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
    let matching: String = sqlx::query_scalar("SELECT matching_id FROM esim_profiles")
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
