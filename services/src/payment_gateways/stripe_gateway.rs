//! Stripe Checkout (the hosted payment page) through async-stripe. The customer pays on
//! Stripe's page; our pages load no Stripe script, which keeps the strict CSP and the
//! no-JavaScript path. Nothing is trusted from the browser's return: the worker asks Stripe.
use super::*;
use std::collections::HashMap;
use stripe::{ClientBuilder, IdempotencyKey, RequestStrategy, StripeError, StripeRequest};
use stripe_checkout::checkout_session::{
    CreateCheckoutSession, CreateCheckoutSessionAllowedPaymentMethodTypes, CreateCheckoutSessionLineItems,
    CreateCheckoutSessionLineItemsPriceData, CreateCheckoutSessionPaymentIntentData, ExpireCheckoutSession,
    ProductData, RetrieveCheckoutSession,
};
use stripe_checkout::{
    CheckoutSessionLocale, CheckoutSessionMode, CheckoutSessionPaymentStatus, CheckoutSessionStatus,
};
use stripe_core::refund::CreateRefund;

/// The metadata key that ties a Stripe object back to our payment row.
const PAYMENT_KEY: &str = "roamdesk_payment";

#[derive(Clone)]
pub struct StripeGateway {
    client: stripe::Client,
    webhook_secret: String,
    /// Where the hosted checkout pages live: Stripe's, or the emulator's own address.
    checkout_origin: String,
}

impl std::fmt::Debug for StripeGateway {
    // The client holds the secret key: never print it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StripeGateway")
    }
}

impl StripeGateway {
    /// `api_base` points the client at another server (the emulator in tests).
    pub fn new(secret_key: &str, webhook_secret: &str, api_base: Option<&str>) -> Result<Self, GatewayError> {
        let mut builder = ClientBuilder::new(secret_key);
        if let Some(base) = api_base {
            builder = builder.url(base);
        }
        let client = builder
            .build()
            .map_err(|e| GatewayError::Unavailable(format!("Stripe client: {e}")))?;
        let checkout_origin = match api_base {
            Some(base) => origin_of(base).ok_or_else(|| GatewayError::Refused(format!("not a URL: {base}")))?,
            None => "https://checkout.stripe.com".to_string(),
        };
        Ok(Self {
            client,
            webhook_secret: webhook_secret.to_string(),
            checkout_origin,
        })
    }

    async fn session(&self, id: &str) -> Result<stripe_checkout::CheckoutSession, GatewayError> {
        RetrieveCheckoutSession::new(id)
            .expand(vec!["payment_intent".into(), "payment_intent.payment_method".into()])
            .send(&self.client)
            .await
            .map_err(gateway_error)
    }
}

/// `http://127.0.0.1:4010/v1/` → `http://127.0.0.1:4010`.
fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let authority = rest.split('/').next().filter(|a| !a.is_empty())?;
    Some(format!("{scheme}://{authority}"))
}

fn idempotent(key: &str) -> Result<RequestStrategy, GatewayError> {
    IdempotencyKey::new(key)
        .map(RequestStrategy::Idempotent)
        .map_err(|e| GatewayError::Refused(format!("idempotency key: {e}")))
}

/// Stripe's 4xx answers are refusals (shown to staff); the rest means "try again later".
fn gateway_error(e: StripeError) -> GatewayError {
    match e {
        StripeError::Stripe(api, status) if (400..500).contains(&status) && status != 429 => {
            GatewayError::Refused(api.message.unwrap_or_else(|| format!("HTTP {status}")))
        }
        other => GatewayError::Unavailable(other.to_string()),
    }
}

fn stripe_method(method: &str) -> Option<CreateCheckoutSessionAllowedPaymentMethodTypes> {
    use CreateCheckoutSessionAllowedPaymentMethodTypes as M;
    Some(match method {
        "card" => M::Card,
        "alipay" => M::Alipay,
        "wechat_pay" => M::WechatPay,
        "paypal" => M::Paypal,
        _ => return None,
    })
}

/// What the customer recognises: "Visa ···4242", "Alipay", "WeChat Pay", "PayPal".
/// `card` is the card's brand and last four digits.
fn describe_method(kind: &str, card: Option<(&str, &str)>) -> String {
    if let Some((brand, last4)) = card {
        let brand = match brand {
            "visa" => "Visa".to_string(),
            "mastercard" => "Mastercard".into(),
            "amex" => "American Express".into(),
            "unionpay" => "UnionPay".into(),
            "jcb" => "JCB".into(),
            "diners" => "Diners Club".into(),
            "discover" => "Discover".into(),
            other => other.replace('_', " "),
        };
        return format!("{brand} ···{last4}");
    }
    match kind {
        "alipay" => "Alipay".into(),
        "wechat_pay" => "WeChat Pay".into(),
        "paypal" => "PayPal".into(),
        other => other.replace('_', " "),
    }
}

#[async_trait::async_trait]
impl PaymentGateway for StripeGateway {
    fn provider(&self) -> &'static str {
        "stripe"
    }

    async fn start_checkout(&self, req: CheckoutRequest<'_>) -> Result<CheckoutStart, GatewayError> {
        let currency: stripe_types::Currency = req
            .amount
            .currency
            .code()
            .to_ascii_lowercase()
            .parse()
            .map_err(|_| GatewayError::Refused(format!("currency {}", req.amount.currency.code())))?;
        let mut price = CreateCheckoutSessionLineItemsPriceData::new(currency);
        price.unit_amount = Some(req.amount.amount_minor);
        price.product_data = Some(ProductData::new(req.description));
        let mut item = CreateCheckoutSessionLineItems::new();
        item.price_data = Some(price);
        item.quantity = Some(1);
        let metadata = HashMap::from([
            (PAYMENT_KEY.to_string(), req.payment_id.to_string()),
            ("order_id".to_string(), req.order_id.to_string()),
            ("order_number".to_string(), req.order_number.to_string()),
        ]);
        let mut intent = CreateCheckoutSessionPaymentIntentData::new();
        intent.metadata = Some(metadata.clone());
        let methods: Vec<_> = req.methods.iter().filter_map(|m| stripe_method(m)).collect();
        // Stripe's page in the order's language where Stripe has it, else in the browser's.
        let locale = match req.locale.code().parse() {
            Ok(CheckoutSessionLocale::Unknown(_)) | Err(_) => CheckoutSessionLocale::Auto,
            Ok(known) => known,
        };
        let expires_at = req.expires_at.timestamp();
        let mut create = CreateCheckoutSession::new()
            .mode(CheckoutSessionMode::Payment)
            .client_reference_id(req.order_id.to_string())
            .customer_email(req.customer_email)
            .line_items(vec![item])
            .success_url(req.success_url)
            .cancel_url(req.cancel_url)
            .metadata(metadata)
            .payment_intent_data(intent)
            .locale(locale)
            .expires_at(expires_at);
        if !methods.is_empty() {
            create = create.allowed_payment_method_types(methods);
        }
        let key = format!("payment:{}:checkout", req.payment_id);
        let session = create
            .customize()
            .request_strategy(idempotent(&key)?)
            .send(&self.client)
            .await
            .map_err(gateway_error)?;
        let url = session
            .url
            .ok_or_else(|| GatewayError::Unavailable("Stripe returned a session without a URL".into()))?;
        Ok(CheckoutStart {
            provider_ref: session.id.as_str().to_string(),
            url,
        })
    }

    /// Verifies a webhook's `Stripe-Signature` over the raw body (HMAC and a 5-minute
    /// timestamp tolerance). Returns the event's id and type, or `None` when it is not Stripe's.
    fn verify_webhook(&self, body: &str, signature: &str) -> Option<(String, String)> {
        use stripe_webhook::WebhookError;
        match stripe_webhook::Webhook::construct_event(body, signature, &self.webhook_secret) {
            Ok(event) => Some((event.id.as_str().to_string(), event.type_.as_str().to_string())),
            // Signed by Stripe but not in the shape this SDK version expects (another API
            // version): still Stripe's event, so it is kept; the worker re-fetches the session.
            Err(WebhookError::BadParse(_)) => {
                let raw: serde_json::Value = serde_json::from_str(body).ok()?;
                Some((raw["id"].as_str()?.to_string(), raw["type"].as_str()?.to_string()))
            }
            Err(e) => {
                tracing::warn!(error = %e, "a Stripe webhook failed verification");
                None
            }
        }
    }

    fn checkout_origin(&self) -> Option<String> {
        Some(self.checkout_origin.clone())
    }

    fn payment_ref(&self, event: &serde_json::Value) -> Option<PaymentRef> {
        let object = &event["data"]["object"];
        match object["object"].as_str()? {
            "checkout.session" => object["id"].as_str().map(|id| PaymentRef::Provider(id.to_string())),
            // A decline on the hosted page arrives as a PaymentIntent event; the intent carries
            // our payment id in its metadata.
            "payment_intent" => object["metadata"][PAYMENT_KEY]
                .as_str()
                .and_then(|id| id.parse().ok())
                .map(PaymentRef::Ours),
            _ => None,
        }
    }

    async fn outcome(
        &self,
        provider_ref: &str,
        _event: Option<&serde_json::Value>,
    ) -> Result<PaymentOutcome, GatewayError> {
        // Events can arrive late, twice or out of order: the session as Stripe has it now is the truth.
        let session = self.session(provider_ref).await?;
        let intent = session.payment_intent.as_ref().and_then(|p| p.as_object());
        Ok(match (session.status, session.payment_status) {
            (Some(CheckoutSessionStatus::Complete), CheckoutSessionPaymentStatus::Paid) => {
                let method = intent
                    .and_then(|pi| pi.payment_method.as_ref())
                    .and_then(|pm| pm.as_object())
                    .map(|pm| {
                        let card = pm.card.as_ref().map(|c| (c.brand.as_str(), c.last4.as_str()));
                        describe_method(pm.type_.as_str(), card)
                    })
                    .unwrap_or_else(|| "Stripe".into());
                PaymentOutcome::Succeeded { method }
            }
            (Some(CheckoutSessionStatus::Expired), _) => PaymentOutcome::Expired,
            _ => match intent.and_then(|pi| pi.last_payment_error.as_ref()) {
                Some(error) => PaymentOutcome::Failed {
                    reason: error
                        .decline_code
                        .clone()
                        .or_else(|| error.code.as_ref().map(|c| c.to_string()))
                        .unwrap_or_else(|| "card_declined".into()),
                },
                None => PaymentOutcome::Pending,
            },
        })
    }

    async fn cancel_checkout(&self, provider_ref: &str) -> Result<(), GatewayError> {
        let session = self.session(provider_ref).await?;
        match session.status {
            Some(CheckoutSessionStatus::Open) => {
                ExpireCheckoutSession::new(provider_ref)
                    .send(&self.client)
                    .await
                    .map_err(gateway_error)?;
                Ok(())
            }
            Some(CheckoutSessionStatus::Complete) => Err(GatewayError::Refused("the checkout was already paid".into())),
            _ => Ok(()),
        }
    }

    async fn refund(&self, provider_ref: &str, amount: Money, idempotency_key: &str) -> Result<String, GatewayError> {
        let session = self.session(provider_ref).await?;
        let intent = session
            .payment_intent
            .as_ref()
            .map(|p| p.id().as_str().to_string())
            .ok_or_else(|| GatewayError::Refused("this checkout has no payment to refund".into()))?;
        let refund = CreateRefund::new()
            .payment_intent(intent)
            .amount(amount.amount_minor)
            .customize()
            .request_strategy(idempotent(idempotency_key)?)
            .send(&self.client)
            .await
            .map_err(gateway_error)?;
        Ok(refund.id.as_str().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gateway() -> StripeGateway {
        StripeGateway::new("sk_test_unit", "whsec_unit", Some("http://127.0.0.1:9/")).unwrap()
    }

    #[test]
    fn events_name_the_session_or_our_payment() {
        let g = gateway();
        let session = serde_json::json!({"data": {"object": {"object": "checkout.session", "id": "cs_test_1"}}});
        assert_eq!(g.payment_ref(&session), Some(PaymentRef::Provider("cs_test_1".into())));
        let id = Uuid::new_v4();
        let intent = serde_json::json!({"data": {"object": {"object": "payment_intent", "id": "pi_1",
            "metadata": {PAYMENT_KEY: id.to_string()}}}});
        assert_eq!(g.payment_ref(&intent), Some(PaymentRef::Ours(id)));
        let foreign =
            serde_json::json!({"data": {"object": {"object": "payment_intent", "id": "pi_2", "metadata": {}}}});
        assert_eq!(g.payment_ref(&foreign), None);
        let charge = serde_json::json!({"data": {"object": {"object": "charge", "id": "ch_1"}}});
        assert_eq!(g.payment_ref(&charge), None);
    }

    #[test]
    fn webhook_signature_is_checked_on_the_raw_body() {
        let g = gateway();
        let body = r#"{"id":"evt_1","object":"event","api_version":"2026-09-30.endive","created":1,"livemode":false,"pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"checkout.session.expired","data":{"object":{"object":"unknown"}}}"#;
        let good = stripe_webhook::Webhook::generate_test_header(body, "whsec_unit", None);
        let wrong_key = stripe_webhook::Webhook::generate_test_header(body, "whsec_other", None);
        assert!(g.verify_webhook(&body.replace("evt_1", "evt_2"), &good).is_none());
        assert!(g.verify_webhook(body, &wrong_key).is_none());
        assert!(g.verify_webhook(body, "").is_none());
        let stale = stripe_webhook::Webhook::generate_test_header(
            body,
            "whsec_unit",
            Some(chrono::Utc::now().timestamp() - 600),
        );
        assert!(g.verify_webhook(body, &stale).is_none());
        assert_eq!(
            g.verify_webhook(body, &good),
            Some(("evt_1".into(), "checkout.session.expired".into()))
        );
    }

    #[test]
    fn methods_are_named_as_customers_know_them() {
        assert_eq!(describe_method("card", Some(("visa", "4242"))), "Visa ···4242");
        assert_eq!(
            describe_method("card", Some(("amex", "0005"))),
            "American Express ···0005"
        );
        assert_eq!(describe_method("alipay", None), "Alipay");
        assert_eq!(describe_method("wechat_pay", None), "WeChat Pay");
        assert_eq!(describe_method("paypal", None), "PayPal");
    }

    #[test]
    fn the_checkout_origin_is_stripes_or_the_emulators() {
        assert_eq!(gateway().checkout_origin().as_deref(), Some("http://127.0.0.1:9"));
        let real = StripeGateway::new("sk_test_unit", "whsec_unit", None).unwrap();
        assert_eq!(real.checkout_origin().as_deref(), Some("https://checkout.stripe.com"));
        assert!(StripeGateway::new("sk_test_unit", "whsec_unit", Some("127.0.0.1:9")).is_err());
    }

    #[test]
    fn debug_never_prints_the_key() {
        assert!(!format!("{:?}", gateway()).contains("sk_test_unit"));
    }
}
