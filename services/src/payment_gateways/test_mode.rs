//! The built-in test provider: the embedded default when no Stripe key is set. Its checkout is
//! a page of this site, clearly marked TEST MODE, where the customer chooses to pay or to be
//! declined; the choice is stored as a payment event and goes down the same path as Stripe's.
use super::*;

#[derive(Clone, Debug, Default)]
pub struct TestGateway;

/// The test card numbers the test page offers, as Stripe's own test cards behave.
pub const TEST_CARD_OK: &str = "4242424242424242";
pub const TEST_CARD_DECLINED: &str = "4000000000000002";

#[async_trait::async_trait]
impl PaymentGateway for TestGateway {
    fn provider(&self) -> &'static str {
        "test"
    }

    async fn start_checkout(&self, req: CheckoutRequest<'_>) -> Result<CheckoutStart, GatewayError> {
        Ok(CheckoutStart {
            provider_ref: format!("test_{}", req.payment_id.simple()),
            url: format!("/pay/test/{}", req.payment_id),
        })
    }

    fn payment_ref(&self, event: &serde_json::Value) -> Option<PaymentRef> {
        event["payment_ref"]
            .as_str()
            .map(|r| PaymentRef::Provider(r.to_string()))
    }

    async fn outcome(
        &self,
        _provider_ref: &str,
        event: Option<&serde_json::Value>,
    ) -> Result<PaymentOutcome, GatewayError> {
        let Some(event) = event else {
            return Ok(PaymentOutcome::Pending);
        };
        let card = event["card"].as_str().unwrap_or_default();
        let last4 = &card[card.len().saturating_sub(4)..];
        Ok(match event["outcome"].as_str() {
            Some("succeeded") => PaymentOutcome::Succeeded {
                method: format!("Visa ···{last4} (test)"),
            },
            Some("declined") => PaymentOutcome::Failed {
                reason: "card_declined".into(),
            },
            _ => PaymentOutcome::Pending,
        })
    }

    async fn refund(&self, provider_ref: &str, _amount: Money, idempotency_key: &str) -> Result<String, GatewayError> {
        use sha2::Digest;
        let key = sha2::Sha256::digest(idempotency_key.as_bytes());
        Ok(format!("{provider_ref}_refund_{}", hex::encode(&key[..6])))
    }
}

/// A TEST MODE payment of this storefront: what its page shows, and the reference its event
/// names.
pub struct TestPayment {
    pub checkout: domain::test_checkout::TestCheckout,
    pub payment_ref: String,
}

pub async fn find_payment(
    pool: &sqlx::PgPool,
    payment_id: Uuid,
    storefront_id: Uuid,
) -> Result<Option<TestPayment>, crate::db::RepoError> {
    let Some(row) = sqlx::query!(
        r#"SELECT p.order_id, p.provider_ref, p.amount_minor, p.currency, p.status::text AS "status!",
                  o.order_number, o.quote->>'plan_name' AS plan_name
           FROM payments p JOIN orders o ON o.id = p.order_id
           WHERE p.id = $1 AND p.provider = 'test' AND o.storefront_id = $2"#,
        payment_id,
        storefront_id
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let currency = domain::money::Currency::from_code(&row.currency)
        .ok_or_else(|| crate::db::RepoError::Inconsistent(format!("unknown currency {}", row.currency)))?;
    Ok(Some(TestPayment {
        checkout: domain::test_checkout::TestCheckout {
            order_id: row.order_id,
            order_number: row.order_number,
            amount: domain::money::Money::new(row.amount_minor, currency),
            description: row.plan_name.unwrap_or_default(),
            status: row.status,
        },
        payment_ref: row.provider_ref.unwrap_or_default(),
    }))
}
