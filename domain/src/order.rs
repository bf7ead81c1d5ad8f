//! Orders: their states and the moves between them, promo-code discounts, and the quote a
//! customer sees before paying. Amounts are integer minor units in the order's currency. Their
//! words (status labels, causes, payment failures) are in `i18n::orders`.
use super::money::{Currency, Money};
use super::plan::ValidityStart;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrderStatus {
    AwaitingPayment,
    Paid,
    Fulfilled,
    Failed,
    Cancelled,
    Refunded,
    PartiallyRefunded,
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 7] = [
        OrderStatus::AwaitingPayment,
        OrderStatus::Paid,
        OrderStatus::Fulfilled,
        OrderStatus::Failed,
        OrderStatus::Cancelled,
        OrderStatus::Refunded,
        OrderStatus::PartiallyRefunded,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OrderStatus::AwaitingPayment => "awaiting_payment",
            OrderStatus::Paid => "paid",
            OrderStatus::Fulfilled => "fulfilled",
            OrderStatus::Failed => "failed",
            OrderStatus::Cancelled => "cancelled",
            OrderStatus::Refunded => "refunded",
            OrderStatus::PartiallyRefunded => "partially_refunded",
        }
    }

    pub fn from_code(code: &str) -> Option<OrderStatus> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The state machine. A decline is not a move: the order stays awaiting payment and the
    /// customer may pay again. `Failed` is for an order paid but impossible to fulfil (it is then
    /// refunded); refunds follow payment, before or after fulfilment.
    pub fn can_move_to(self, next: OrderStatus) -> bool {
        use OrderStatus::*;
        matches!(
            (self, next),
            (AwaitingPayment, Paid)
                | (AwaitingPayment, Cancelled)
                | (Paid, Fulfilled)
                | (Paid, Failed)
                | (Paid | Fulfilled | Failed | PartiallyRefunded, Refunded)
                | (Paid | Fulfilled | Failed | PartiallyRefunded, PartiallyRefunded)
        )
    }

    /// Whether money was taken for the order.
    pub fn was_paid(self) -> bool {
        !matches!(self, OrderStatus::AwaitingPayment | OrderStatus::Cancelled)
    }
}

/// A promo code as the checkout evaluates it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Promo {
    pub id: Uuid,
    pub code: String,
    pub discount: PromoDiscount,
    pub valid_from: Option<DateTime<Utc>>,
    pub valid_until: Option<DateTime<Utc>>,
    pub max_redemptions: Option<i32>,
    pub max_per_customer: Option<i32>,
    pub redemptions: i32,
    pub plan_ids: Option<Vec<Uuid>>,
    pub destination_codes: Option<Vec<String>>,
    pub active: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PromoDiscount {
    Percent(i16),
    Fixed(Money),
}

/// Why a promo code does not apply; shown next to the code field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PromoProblem {
    Unknown,
    NotYetValid,
    Expired,
    UsedUp,
    UsedByYou,
    NotForThisPlan,
    WrongCurrency,
}

/// Normalises what the customer typed: trimmed, upper-case; `None` when empty.
pub fn normalize_promo_code(input: &str) -> Option<String> {
    let code = input.trim().to_uppercase();
    (!code.is_empty()).then_some(code)
}

impl Promo {
    /// The discount on `price` for `plan_id` in `destination`, or why there is none. `used_by_customer`
    /// is how often this customer (by e-mail) has redeemed it.
    pub fn discount_for(
        &self,
        price: Money,
        plan_id: Uuid,
        destination: &str,
        used_by_customer: i64,
        now: DateTime<Utc>,
    ) -> Result<i64, PromoProblem> {
        if !self.active {
            return Err(PromoProblem::Unknown);
        }
        if self.valid_from.is_some_and(|from| now < from) {
            return Err(PromoProblem::NotYetValid);
        }
        if self.valid_until.is_some_and(|until| now >= until) {
            return Err(PromoProblem::Expired);
        }
        if self.max_redemptions.is_some_and(|max| self.redemptions >= max) {
            return Err(PromoProblem::UsedUp);
        }
        if self
            .max_per_customer
            .is_some_and(|max| used_by_customer >= i64::from(max))
        {
            return Err(PromoProblem::UsedByYou);
        }
        if self.plan_ids.as_ref().is_some_and(|plans| !plans.contains(&plan_id))
            || self
                .destination_codes
                .as_ref()
                .is_some_and(|dests| !dests.iter().any(|d| d == destination))
        {
            return Err(PromoProblem::NotForThisPlan);
        }
        let off = match self.discount {
            // Rounded down: the shop never gives more than the stated percentage.
            PromoDiscount::Percent(p) => price.amount_minor * i64::from(p) / 100,
            PromoDiscount::Fixed(amount) => {
                if amount.currency != price.currency {
                    return Err(PromoProblem::WrongCurrency);
                }
                amount.amount_minor
            }
        };
        Ok(off.clamp(0, price.amount_minor))
    }
}

/// When a bundle bought now would run. A renewal of an eSIM whose plan is still running
/// starts when it ends, so renewing early never wastes days; otherwise the plan's rule applies.
pub fn renewal_window(
    now: DateTime<Utc>,
    current_expiry: Option<DateTime<Utc>>,
    installed: bool,
    rule: ValidityStart,
    validity_days: i32,
) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
    let days = Duration::days(validity_days.into());
    if let Some(end) = current_expiry.filter(|e| *e > now) {
        return (Some(end), Some(end + days));
    }
    let starts_now = match rule {
        ValidityStart::OnPurchase => true,
        ValidityStart::OnInstall => installed,
        ValidityStart::OnFirstUse => false,
    };
    if starts_now {
        (Some(now), Some(now + days))
    } else {
        (None, None)
    }
}

/// What an order line buys, as shown before payment and on the receipt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub plan_id: Uuid,
    pub plan_name: String,
    /// The eSIM a renewal is for; `None` for a new eSIM.
    pub esim_id: Option<Uuid>,
    pub esim_name: Option<String>,
    pub data_mb: Option<i64>,
    pub voice_minutes: i64,
    pub sms: i64,
    pub validity_days: i32,
    pub validity_starts: ValidityStart,
    /// Exact dates when they are known before payment.
    pub starts_at: Option<DateTime<Utc>>,
    pub expires_at: Option<DateTime<Utc>>,
    /// The data left on the eSIM now, for "you will have X + Y".
    pub data_left_now_mb: Option<i64>,
    pub price: Money,
    pub discount: Money,
    pub total: Money,
    pub promo_code: Option<String>,
}

impl Quote {
    pub fn currency(&self) -> Currency {
        self.price.currency
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fraud_declines_read_as_plain_declines() {
        use PaymentFailure::*;
        let of = PaymentFailure::from_code;
        assert_eq!(of("stolen_card"), of("generic_decline"));
        assert_eq!(of("fraudulent"), Declined);
        assert_eq!(of("insufficient_funds"), InsufficientFunds);
        assert_eq!(of("incorrect_cvc"), WrongCardDetails);
        assert_eq!(of("payment_intent_authentication_failure"), NotAuthenticated);
        assert_eq!(of("something_new"), Other);
    }

    #[test]
    fn transition_causes_read_back_as_stored() {
        let causes = [
            TransitionCause::Placed,
            TransitionCause::NothingToPay,
            TransitionCause::PaymentSucceeded {
                method: "Visa ···4242 (test)".into(),
            },
            TransitionCause::Delivered,
            TransitionCause::CancelledByCustomer,
            TransitionCause::NotPaidInTime,
            TransitionCause::Refund {
                reason: "refund: twice".into(),
            },
            TransitionCause::Other("fixed by support".into()),
        ];
        for cause in causes {
            assert_eq!(TransitionCause::from_stored(&cause.stored()), cause);
        }
        assert_eq!(TransitionCause::Placed.stored(), "order placed");
    }

    use chrono::TimeZone;

    fn usd(minor: i64) -> Money {
        Money {
            amount_minor: minor,
            currency: Currency::from_code("USD").unwrap(),
        }
    }

    fn promo(discount: PromoDiscount) -> Promo {
        Promo {
            id: Uuid::nil(),
            code: "SPRING".into(),
            discount,
            valid_from: None,
            valid_until: None,
            max_redemptions: None,
            max_per_customer: None,
            redemptions: 0,
            plan_ids: None,
            destination_codes: None,
            active: true,
        }
    }

    #[test]
    fn the_state_machine_only_moves_forward() {
        use OrderStatus::*;
        assert!(AwaitingPayment.can_move_to(Paid));
        assert!(Paid.can_move_to(Fulfilled));
        assert!(Fulfilled.can_move_to(PartiallyRefunded));
        assert!(PartiallyRefunded.can_move_to(Refunded));
        assert!(!Fulfilled.can_move_to(Paid));
        assert!(!AwaitingPayment.can_move_to(Fulfilled), "never fulfilled unpaid");
        assert!(!Cancelled.can_move_to(Paid));
        assert!(!Refunded.can_move_to(PartiallyRefunded));
        assert!(!AwaitingPayment.can_move_to(Refunded));
        for s in OrderStatus::ALL {
            assert_eq!(OrderStatus::from_code(s.code()), Some(s));
            assert!(!s.can_move_to(s) || s == PartiallyRefunded);
        }
    }

    #[test]
    fn discounts_round_down_and_never_exceed_the_price() {
        let now = Utc::now();
        let p = promo(PromoDiscount::Percent(15));
        assert_eq!(p.discount_for(usd(1999), Uuid::nil(), "RU", 0, now), Ok(299));
        let f = promo(PromoDiscount::Fixed(usd(5000)));
        assert_eq!(f.discount_for(usd(1999), Uuid::nil(), "RU", 0, now), Ok(1999));
        let eur = Money {
            amount_minor: 1000,
            currency: Currency::from_code("EUR").unwrap(),
        };
        assert_eq!(
            f.discount_for(eur, Uuid::nil(), "RU", 0, now),
            Err(PromoProblem::WrongCurrency)
        );
    }

    #[test]
    fn promo_limits_dates_and_restrictions() {
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
        let mut p = promo(PromoDiscount::Percent(10));
        p.max_redemptions = Some(2);
        p.redemptions = 2;
        assert_eq!(
            p.discount_for(usd(100), Uuid::nil(), "RU", 0, now),
            Err(PromoProblem::UsedUp)
        );
        p.redemptions = 1;
        p.max_per_customer = Some(1);
        assert_eq!(
            p.discount_for(usd(100), Uuid::nil(), "RU", 1, now),
            Err(PromoProblem::UsedByYou)
        );
        p.valid_until = Some(now);
        assert_eq!(
            p.discount_for(usd(100), Uuid::nil(), "RU", 0, now),
            Err(PromoProblem::Expired)
        );
        p.valid_until = None;
        p.valid_from = Some(now + Duration::hours(1));
        assert_eq!(
            p.discount_for(usd(100), Uuid::nil(), "RU", 0, now),
            Err(PromoProblem::NotYetValid)
        );
        p.valid_from = None;
        p.destination_codes = Some(vec!["CN".into()]);
        assert_eq!(
            p.discount_for(usd(100), Uuid::nil(), "RU", 0, now),
            Err(PromoProblem::NotForThisPlan)
        );
        assert_eq!(p.discount_for(usd(100), Uuid::nil(), "CN", 0, now), Ok(10));
        assert_eq!(normalize_promo_code("  spring-10 "), Some("SPRING-10".into()));
        assert_eq!(normalize_promo_code("  "), None);
    }

    #[test]
    fn renewals_start_when_the_current_plan_ends() {
        let now = Utc.with_ymd_and_hms(2026, 11, 22, 12, 0, 0).unwrap();
        let end = now + Duration::days(3);
        assert_eq!(
            renewal_window(now, Some(end), true, ValidityStart::OnFirstUse, 30),
            (Some(end), Some(end + Duration::days(30)))
        );
        assert_eq!(
            renewal_window(now, None, false, ValidityStart::OnPurchase, 7),
            (Some(now), Some(now + Duration::days(7)))
        );
        assert_eq!(
            renewal_window(now, None, false, ValidityStart::OnInstall, 7),
            (None, None)
        );
        assert_eq!(
            renewal_window(now, Some(now - Duration::days(1)), true, ValidityStart::OnInstall, 7),
            (Some(now), Some(now + Duration::days(7)))
        );
        assert_eq!(
            renewal_window(now, None, true, ValidityStart::OnFirstUse, 7),
            (None, None)
        );
    }
}

/// One payment attempt as the order page and history show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentView {
    pub provider: String,
    pub status: String,
    /// "Visa ···4242", "Alipay", "Cash".
    pub method: Option<String>,
    pub amount: Money,
    /// The provider's failure code, e.g. `card_declined`.
    pub failure: Option<String>,
    pub at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RefundView {
    pub amount: Money,
    pub reason: String,
    pub status: String,
    pub at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransitionView {
    pub to: OrderStatus,
    pub cause: TransitionCause,
    pub at: DateTime<Utc>,
}

/// Why an order moved, as `order_transitions.cause` records it. The stored text is the English
/// phrase rows have always held, so older rows read back as the same causes; the order page shows
/// each cause in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TransitionCause {
    Placed,
    NothingToPay,
    PaymentSucceeded {
        method: String,
    },
    Delivered,
    CancelledByCustomer,
    NotPaidInTime,
    Refund {
        reason: String,
    },
    /// A cause recorded some other way: shown as it was stored.
    Other(String),
}

impl TransitionCause {
    const PAYMENT_SUCCEEDED: &str = "payment succeeded (";
    const REFUND: &str = "refund: ";

    /// The text kept in `order_transitions.cause`.
    pub fn stored(&self) -> String {
        match self {
            TransitionCause::Placed => "order placed".into(),
            TransitionCause::NothingToPay => "nothing to pay after the discount".into(),
            TransitionCause::PaymentSucceeded { method } => format!("{}{method})", Self::PAYMENT_SUCCEEDED),
            TransitionCause::Delivered => "delivered through the eSIM provider".into(),
            TransitionCause::CancelledByCustomer => "cancelled by the customer".into(),
            TransitionCause::NotPaidInTime => "not paid within a day".into(),
            TransitionCause::Refund { reason } => format!("{}{reason}", Self::REFUND),
            TransitionCause::Other(text) => text.clone(),
        }
    }

    pub fn from_stored(text: &str) -> TransitionCause {
        let fixed = [
            TransitionCause::Placed,
            TransitionCause::NothingToPay,
            TransitionCause::Delivered,
            TransitionCause::CancelledByCustomer,
            TransitionCause::NotPaidInTime,
        ];
        if let Some(cause) = fixed.into_iter().find(|c| c.stored() == text) {
            return cause;
        }
        if let Some(method) = text
            .strip_prefix(Self::PAYMENT_SUCCEEDED)
            .and_then(|m| m.strip_suffix(')'))
        {
            return TransitionCause::PaymentSucceeded { method: method.into() };
        }
        match text.strip_prefix(Self::REFUND) {
            Some(reason) => TransitionCause::Refund { reason: reason.into() },
            None => TransitionCause::Other(text.into()),
        }
    }
}

/// A cause given as its stored text.
impl From<&str> for TransitionCause {
    fn from(stored: &str) -> Self {
        TransitionCause::from_stored(stored)
    }
}

/// Who sold it, for the receipt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seller {
    pub shop_name: String,
    pub legal_name: String,
    pub address: String,
    pub tax_id: Option<String>,
    pub support_email: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderView {
    pub id: Uuid,
    pub number: i64,
    pub status: OrderStatus,
    pub created_at: DateTime<Utc>,
    pub email: String,
    pub quote: Quote,
    /// The eSIM delivered or renewed, once known.
    pub esim_id: Option<Uuid>,
    pub payments: Vec<PaymentView>,
    pub refunds: Vec<RefundView>,
    pub transitions: Vec<TransitionView>,
    pub refunded: Money,
    pub seller: Seller,
}

impl OrderView {
    /// What was paid and not refunded.
    pub fn refundable(&self) -> i64 {
        let paid: i64 = self
            .payments
            .iter()
            .filter(|p| p.status == "succeeded")
            .map(|p| p.amount.amount_minor)
            .sum();
        paid - self.refunded.amount_minor
    }

    /// The newest payment attempt's failure, if the order still waits for payment.
    pub fn last_failure(&self) -> Option<&str> {
        if self.status != OrderStatus::AwaitingPayment {
            return None;
        }
        self.payments.first().and_then(|p| p.failure.as_deref())
    }
}

/// Why a payment failed, in the groups a customer is told about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaymentFailure {
    Declined,
    InsufficientFunds,
    ExpiredCard,
    WrongCardDetails,
    /// The bank's verification (3-D Secure) was not completed.
    NotAuthenticated,
    Other,
}

impl PaymentFailure {
    /// The group of a provider's failure code, e.g. Stripe's `card_declined`.
    pub fn from_code(code: &str) -> PaymentFailure {
        match code {
            // Lost, stolen and fraud declines read as plain declines, as card networks ask.
            "card_declined" | "generic_decline" | "do_not_honor" | "lost_card" | "stolen_card" | "fraudulent"
            | "pickup_card" => PaymentFailure::Declined,
            "insufficient_funds" => PaymentFailure::InsufficientFunds,
            "expired_card" => PaymentFailure::ExpiredCard,
            "incorrect_cvc" | "invalid_cvc" | "incorrect_number" | "invalid_number" => PaymentFailure::WrongCardDetails,
            "authentication_required" | "payment_intent_authentication_failure" => PaymentFailure::NotAuthenticated,
            _ => PaymentFailure::Other,
        }
    }
}

/// One row of the customer's transaction history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryRow {
    pub order_id: Uuid,
    pub number: i64,
    pub at: DateTime<Utc>,
    pub plan_name: String,
    pub esim_id: Option<Uuid>,
    pub esim_name: Option<String>,
    pub total: Money,
    pub refunded: Money,
    pub status: OrderStatus,
    /// The successful payment's method, else the newest attempt's.
    pub method: Option<String>,
}

/// The history's filters, as the query string carries them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryFilter {
    pub esim: Option<Uuid>,
    pub status: Option<OrderStatus>,
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
}

impl HistoryFilter {
    /// Reads the query values; anything unreadable is simply not a filter.
    pub fn parse(esim: Option<&str>, status: Option<&str>, from: Option<&str>, to: Option<&str>) -> HistoryFilter {
        let date = |s: Option<&str>| s.and_then(|d| chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok());
        HistoryFilter {
            esim: esim.and_then(|e| Uuid::parse_str(e.trim()).ok()),
            status: status.and_then(OrderStatus::from_code),
            from: date(from),
            to: date(to),
        }
    }

    pub fn query_string(&self) -> String {
        let mut parts = vec![];
        if let Some(e) = self.esim {
            parts.push(format!("esim={e}"));
        }
        if let Some(s) = self.status {
            parts.push(format!("status={}", s.code()));
        }
        if let Some(d) = self.from {
            parts.push(format!("from={d}"));
        }
        if let Some(d) = self.to {
            parts.push(format!("to={d}"));
        }
        parts.join("&")
    }
}

#[cfg(test)]
mod history_tests {
    use super::*;

    #[test]
    fn filters_read_from_the_query() {
        let f = HistoryFilter::parse(Some("nope"), Some("fulfilled"), Some("2026-11-01"), Some("bad"));
        assert_eq!(f.status, Some(OrderStatus::Fulfilled));
        assert_eq!(f.esim, None);
        assert_eq!(f.query_string(), "status=fulfilled&from=2026-11-01");
    }
}
