//! Checkout server functions: the quote, placing an order and paying for it, the order page,
//! the built-in test provider's page, and refunds (reseller admins and operators).
use crate::error::ApiError;
use domain::order::{OrderView, Quote};
pub use domain::plan::RenewalOption;
pub use domain::test_checkout::TestCheckout;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[cfg(feature = "ssr")]
use crate::{
    guards::{Access, Buyer, OrderReader, authorize},
    request::{RequestScope, navigate_to, request_scope},
};
#[cfg(feature = "ssr")]
use domain::order::TransitionCause;
#[cfg(feature = "ssr")]
use domain::problem::OrderProblem;
#[cfg(feature = "ssr")]
use services::orders::{OrderError, create, quote, read, refund};
#[cfg(feature = "ssr")]
use services::payment_gateways::test_mode;
#[cfg(feature = "ssr")]
use services::payments::{checkout, inbox};

/// The quote for this request's storefront, language and currency.
#[cfg(feature = "ssr")]
fn quote_request<'a>(
    scope: &RequestScope,
    plan: &'a str,
    esim: Option<Uuid>,
    promo: &'a Option<String>,
    customer_key: &'a str,
) -> Result<quote::QuoteRequest<'a>, ApiError> {
    Ok(quote::QuoteRequest {
        storefront_id: scope.storefront.id,
        locale: scope.locale,
        currency: crate::request::shop::current()?.shop.currency,
        plan_slug: plan,
        esim_id: esim,
        promo_code: promo.as_deref(),
        customer_key: Some(customer_key),
    })
}

#[cfg(feature = "ssr")]
fn promo_input(promo: &Option<String>) -> Option<String> {
    promo.as_deref().and_then(domain::order::normalize_promo_code)
}

/// A quote plus the one-time token the pay form sends back, so a double submit makes one order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteOffer {
    pub quote: Quote,
    pub request_key: String,
}

/// The plans that can renew this eSIM, priced in the shopper's currency.
#[server(prefix = "/api", endpoint = "checkout/renewal-options")]
pub async fn renewal_options(esim: Uuid) -> Result<Vec<RenewalOption>, ApiError> {
    let scope = request_scope()?;
    Buyer::check(&scope, Some(esim)).await?;
    let currency = crate::request::shop::current()?.shop.currency;
    let plan_ids = scope
        .ctx
        .provider
        .compatible_top_ups(esim)
        .await
        .map_err(|e| ApiError::from(OrderError::from(e)))?;
    Ok(services::catalog::repo::renewal_options(&scope.ctx.pool, &plan_ids, scope.locale, currency).await?)
}

/// What the order would be, before paying: price, discount, total, allowances, new expiry.
#[server(prefix = "/api", endpoint = "checkout/quote")]
pub async fn get_quote(plan: String, esim: Option<Uuid>, promo: Option<String>) -> Result<QuoteOffer, ApiError> {
    let scope = request_scope()?;
    let buyer = Buyer::check(&scope, esim).await?;
    let (code, key) = (promo_input(&promo), buyer.email.to_lowercase());
    let req = quote_request(&scope, &plan, esim, &code, &key)?;
    let renewable = quote::renewable_plans(scope.ctx.provider.as_ref(), esim).await?;
    let mut conn = scope.ctx.pool.acquire().await?;
    let (quote, _) = quote::quote(&mut conn, &renewable, &req).await?;
    drop(conn);
    let mut token = [0u8; 16];
    rand_core::RngCore::fill_bytes(&mut rand_core::OsRng, &mut token);
    Ok(QuoteOffer {
        quote,
        request_key: hex::encode(token),
    })
}

/// Places the order and sends the buyer to pay. `request_key` is the form's one-time token.
#[server(prefix = "/api", endpoint = "checkout/place")]
pub async fn place_order(
    plan: String,
    esim: Option<Uuid>,
    promo: Option<String>,
    request_key: String,
) -> Result<String, ApiError> {
    let scope = request_scope()?;
    let buyer = Buyer::check(&scope, esim).await?;
    let (code, key) = (promo_input(&promo), buyer.email.to_lowercase());
    let request_key = request_key.trim();
    let created = create::create(
        &scope.ctx.pool,
        scope.ctx.provider.as_ref(),
        create::NewOrder {
            quote: quote_request(&scope, &plan, esim, &code, &key)?,
            customer_id: buyer.customer_id,
            email: &buyer.email,
            request_key: (8..=100).contains(&request_key.len()).then_some(request_key),
        },
    )
    .await?;
    let url = checkout::start_payment(&scope.ctx, &scope.storefront, created.id).await?;
    Ok(navigate_to(&url))
}

/// An order the caller may see. `returning` is set on the page the customer comes back to from
/// the provider's checkout: the provider is asked first, so the page is current at once.
#[server(prefix = "/api", endpoint = "orders/get")]
pub async fn get_order(id: Uuid, #[server(default)] returning: bool) -> Result<OrderView, ApiError> {
    let scope = request_scope()?;
    OrderReader::check(&scope, id).await?;
    let view = read::view(&scope.ctx.pool, id).await?;
    if returning && view.status == domain::order::OrderStatus::AwaitingPayment {
        checkout::refresh_from_provider(&scope.ctx, id).await?;
        return Ok(read::view(&scope.ctx.pool, id).await?);
    }
    Ok(view)
}

/// Pays (again) for an order awaiting payment, after a decline or an abandoned checkout.
#[server(prefix = "/api", endpoint = "orders/pay")]
pub async fn pay_order(id: Uuid) -> Result<String, ApiError> {
    let scope = request_scope()?;
    OrderReader::check(&scope, id).await?;
    let url = checkout::start_payment(&scope.ctx, &scope.storefront, id).await?;
    Ok(navigate_to(&url))
}

#[cfg(feature = "ssr")]
async fn test_payment(scope: &RequestScope, payment_id: Uuid) -> Result<test_mode::TestPayment, ApiError> {
    if scope.ctx.payments.provider() != "test" {
        return Err(ApiError::NotFound);
    }
    let found = test_mode::find_payment(&scope.ctx.pool, payment_id, scope.storefront.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    OrderReader::check(scope, found.checkout.order_id).await?;
    Ok(found)
}

#[server(prefix = "/api", endpoint = "pay/test/get")]
pub async fn get_test_checkout(payment: Uuid) -> Result<TestCheckout, ApiError> {
    let scope = request_scope()?;
    Ok(test_payment(&scope, payment).await?.checkout)
}

/// The TEST MODE page's pay button: stores what the "provider" decided as an event, exactly as a
/// Stripe webhook would be stored, and lets the worker's code path handle it.
#[server(prefix = "/api", endpoint = "pay/test")]
pub async fn submit_test_payment(payment: Uuid, card: String) -> Result<String, ApiError> {
    use test_mode::{TEST_CARD_DECLINED, TEST_CARD_OK};
    let scope = request_scope()?;
    let test_mode::TestPayment { checkout, payment_ref } = test_payment(&scope, payment).await?;
    let order_id = checkout.order_id;
    let card: String = card.chars().filter(char::is_ascii_digit).collect();
    let outcome = match card.as_str() {
        TEST_CARD_OK => "succeeded",
        TEST_CARD_DECLINED => "declined",
        _ => {
            return Err(OrderProblem::TestCardUnknown.into());
        }
    };
    let mut nonce = [0u8; 8];
    rand_core::RngCore::fill_bytes(&mut rand_core::OsRng, &mut nonce);
    let event_id = format!("test_evt_{}", hex::encode(nonce));
    let payload = serde_json::json!({ "payment_ref": payment_ref, "outcome": outcome, "card": card });
    let pool = &scope.ctx.pool;
    inbox::record_event(
        pool,
        "test",
        &event_id,
        &format!("payment.{outcome}"),
        Some(&services::payment_gateways::PaymentRef::Provider(payment_ref)),
        &payload,
    )
    .await?;
    // The worker picks it up at once too; handling it here (or waiting while the worker does)
    // means the order page this answer leads to already shows the outcome.
    inbox::process_event_now(&scope.ctx, "test", &event_id).await?;
    Ok(navigate_to(&format!("/orders/{order_id}")))
}

/// Refunds part or all of an order. Reseller admins of its storefront and operators.
#[server(prefix = "/api", endpoint = "orders/refund")]
pub async fn refund_order(id: Uuid, amount: String, reason: String) -> Result<String, ApiError> {
    let principal = authorize(Access::ResellerAdmin).await?;
    let scope = request_scope()?;
    let view = match read::view(&scope.ctx.pool, id).await {
        Ok(v) => v,
        Err(OrderError::NotFound) => return Err(ApiError::NotFound),
        Err(e) => return Err(e.into()),
    };
    crate::guards::ensure_storefront(&principal, read::storefront_of(&scope.ctx.pool, id).await?)?;
    let money =
        domain::money::Money::parse(&amount, view.quote.currency()).ok_or(OrderProblem::RefundAmountFormat {
            currency: view.quote.currency(),
        })?;
    refund::refund(&scope.ctx, id, money.amount_minor, &reason, Some(principal.id())).await?;
    Ok(navigate_to(&format!("/orders/{id}?refunded=1")))
}

/// The signed-in customer's orders, filtered by eSIM, status and date range.
#[server(prefix = "/api", endpoint = "orders/history")]
pub async fn order_history(
    esim: Option<String>,
    status: Option<String>,
    from: Option<String>,
    to: Option<String>,
) -> Result<Vec<domain::order::HistoryRow>, ApiError> {
    let principal = authorize(Access::SignedIn).await?;
    let scope = request_scope()?;
    let filter =
        domain::order::HistoryFilter::parse(esim.as_deref(), status.as_deref(), from.as_deref(), to.as_deref());
    Ok(services::orders::history::for_account(&scope.ctx.pool, principal.id(), &filter).await?)
}

/// Cancels an order that is still awaiting payment; a used promo code counts again.
#[server(prefix = "/api", endpoint = "orders/cancel")]
pub async fn cancel_order(id: Uuid) -> Result<String, ApiError> {
    let scope = request_scope()?;
    OrderReader::check(&scope, id).await?;
    // The provider's page must stop taking money before the order is cancelled.
    checkout::close_checkouts(&scope.ctx, id, &["pending", "failed"]).await?;
    match create::cancel(&scope.ctx.pool, id, TransitionCause::CancelledByCustomer).await {
        Ok(_) => Ok(navigate_to(&format!("/orders/{id}"))),
        Err(OrderError::BadTransition { .. }) => Err(OrderProblem::NotAwaitingPayment.into()),
        Err(e) => Err(e.into()),
    }
}
