//! How money is taken, behind one trait: Stripe Checkout, the built-in test provider (the
//! default without a Stripe key), and cash at a counter later. Whatever the provider, its
//! events land in `payment_events` and one worker turns them into order changes.
pub mod stripe_gateway;
pub mod test_mode;

use domain::locale::Locale;
use domain::money::Money;
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
    /// When the provider's page stops taking payment; derived from the payment, so a retried
    /// call asks for exactly the same checkout.
    pub expires_at: chrono::DateTime<chrono::Utc>,
}

pub struct CheckoutStart {
    /// The provider's id for this payment (a Checkout Session id, a test token).
    pub provider_ref: String,
    /// Where to send the customer to pay.
    pub url: String,
}

/// How a provider's event names the payment it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PaymentRef {
    /// The provider's own id, stored as `payments.provider_ref` (a Checkout Session id).
    Provider(String),
    /// Our payment id, carried in the provider object's metadata.
    Ours(Uuid),
}

impl PaymentRef {
    /// The two lookup keys for SQL: `provider_ref = $a OR id = $b`.
    pub fn keys(&self) -> (Option<&str>, Option<Uuid>) {
        match self {
            PaymentRef::Provider(r) => (Some(r.as_str()), None),
            PaymentRef::Ours(id) => (None, Some(*id)),
        }
    }
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
    fn payment_ref(&self, event: &serde_json::Value) -> Option<PaymentRef>;

    /// The payment's state, asked of the provider itself (never trusted from a browser redirect).
    /// `event` is the stored event that prompted the question, for providers whose events carry it.
    async fn outcome(
        &self,
        provider_ref: &str,
        event: Option<&serde_json::Value>,
    ) -> Result<PaymentOutcome, GatewayError>;

    /// The origin of the provider's hosted checkout page, which our forms redirect to.
    fn checkout_origin(&self) -> Option<String> {
        None
    }

    /// Checks a webhook delivery's signature over the raw body; returns the event's id and type.
    /// Providers without webhooks refuse every delivery.
    fn verify_webhook(&self, _body: &str, _signature: &str) -> Option<(String, String)> {
        None
    }

    /// Closes a checkout that must no longer take money (a new attempt replaces it, or the order
    /// was cancelled). Refused when it was paid meanwhile.
    async fn cancel_checkout(&self, _provider_ref: &str) -> Result<(), GatewayError> {
        Ok(())
    }

    /// Refunds `amount` of a succeeded payment; the key makes a retry refund once.
    async fn refund(&self, provider_ref: &str, amount: Money, idempotency_key: &str) -> Result<String, GatewayError>;
}
