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
