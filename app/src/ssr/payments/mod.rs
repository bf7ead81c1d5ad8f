//! How money is taken, behind one trait: Stripe Checkout, the built-in test provider (the
//! default without a Stripe key), and cash at a counter later. Whatever the provider, its
//! events land in `payment_events` and one worker turns them into order changes.
pub mod test_gateway;

use crate::domain::locale::Locale;
use crate::domain::money::Money;
use uuid::Uuid;

#[derive(Debug, thiserror::Error)]
pub enum GatewayError {
    #[error("the payment provider refused: {0}")]
    Refused(String),
    #[error("the payment provider is unavailable: {0}")]
    Unavailable(String),
}

pub struct CheckoutRequest<'a> {
    pub order_id: Uuid,
    pub payment_id: Uuid,
    pub order_number: i64,
    pub amount: Money,
    pub description: &'a str,
    pub customer_email: &'a str,
    /// Absolute URLs the provider sends the customer back to.
    pub success_url: String,
    pub cancel_url: String,
    /// Payment method types the storefront offers: card, alipay, wechat_pay, paypal.
    pub methods: Vec<String>,
    pub locale: Locale,
}

pub struct CheckoutStart {
    /// The provider's id for this payment (a Checkout Session id, a test token).
    pub provider_ref: String,
    /// Where to send the customer to pay.
    pub url: String,
}

/// What the provider says about a payment now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PaymentOutcome {
    /// `method` is what the customer recognises: "Visa ···4242", "Alipay".
    Succeeded { method: String },
    /// Declined or failed; nothing was taken. `reason` is shown to the customer.
    Failed { reason: String },
    /// Still open: the customer has not finished.
    Pending,
    /// The checkout page expired unpaid.
    Expired,
}

#[async_trait::async_trait]
pub trait PaymentGateway: Send + Sync + std::fmt::Debug {
    /// The `payment_provider` value stored with payments and events: `stripe`, `test`.
    fn provider(&self) -> &'static str;

    /// Opens a checkout for one payment of an order.
    async fn start_checkout(&self, req: CheckoutRequest<'_>) -> Result<CheckoutStart, GatewayError>;

    /// The provider reference of the payment a stored event is about, if it names one.
    fn payment_ref(&self, event: &serde_json::Value) -> Option<String>;

    /// The payment's state, asked of the provider itself (never trusted from a browser redirect).
    /// `event` is the stored event that prompted the question, for providers whose events carry it.
    async fn outcome(
        &self,
        provider_ref: &str,
        event: Option<&serde_json::Value>,
    ) -> Result<PaymentOutcome, GatewayError>;

    /// Refunds `amount` of a succeeded payment; the key makes a retry refund once.
    async fn refund(&self, provider_ref: &str, amount: Money, idempotency_key: &str) -> Result<String, GatewayError>;
}
