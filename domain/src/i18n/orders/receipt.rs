//! The receipt's words for an order, in the shopper's language, from the `receipts` catalogue.
use crate::i18n::format::moment;
use crate::locale::Locale;
use crate::order::OrderView;
use crate::receipt::{ReceiptDocument, ReceiptRow};
use crate::t;
use crate::time::ReaderZone;

impl ReceiptDocument {
    pub fn for_order(order: &OrderView, l: Locale, zone: &ReaderZone) -> Self {
        let q = &order.quote;
        let seller = &order.seller;
        let mut seller_lines = vec![seller.legal_name.clone()];
        seller_lines.extend((!seller.address.trim().is_empty()).then(|| seller.address.clone()));
        seller_lines.extend(
            seller
                .tax_id
                .as_ref()
                .map(|id| t!(l, "receipts-tax-id", id = id.as_str())),
        );
        seller_lines.extend(seller.support_email.clone());

        let esim = q.esim_name.clone().unwrap_or_else(|| t!(l, "receipts-new-esim"));
        let mut rows = vec![ReceiptRow {
            label: q.plan_name.clone(),
            detail: vec![esim, q.validity_text(l, zone)],
            amount: q.price.format(l),
        }];
        if q.discount.amount_minor > 0 {
            let label = t!(
                l,
                "receipts-promo-code",
                code = q.promo_code.clone().unwrap_or_default()
            );
            rows.push(ReceiptRow::new(label, format!("−{}", q.discount.format(l))));
        }
        let refunds = order
            .refunds
            .iter()
            .filter(|r| r.status == "succeeded")
            .map(|r| {
                let label = t!(l, "receipts-refunded", reason = r.reason.as_str());
                ReceiptRow::new(label, format!("−{}", r.amount.format(l)))
            })
            .collect();
        let payment = order.payments.iter().find(|p| p.status == "succeeded").map(|p| {
            let method = p.method.clone().unwrap_or_else(|| p.provider.clone());
            t!(l, "receipts-paid-with", method = method, at = moment(l, zone, p.at))
        });
        Self {
            title: t!(l, "receipts-title", number = order.number),
            shop_name: seller.shop_name.clone(),
            seller_lines,
            issued: moment(l, zone, order.created_at),
            customer: order.email.clone(),
            status: order.status.label(l),
            columns: [t!(l, "receipts-item"), t!(l, "receipts-amount")],
            rows,
            total: ReceiptRow::new(t!(l, "receipts-total"), q.total.format(l)),
            refunds,
            payment,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::{Currency, Money};
    use crate::order::{OrderStatus, PaymentView, Quote, RefundView, Seller};
    use crate::plan::ValidityStart;
    use chrono::{TimeZone, Utc};
    use uuid::Uuid;

    fn eur(minor: i64) -> Money {
        Money {
            amount_minor: minor,
            currency: Currency::EUR,
        }
    }

    fn order() -> OrderView {
        let at = Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap();
        OrderView {
            id: Uuid::nil(),
            number: 1042,
            status: OrderStatus::PartiallyRefunded,
            created_at: at,
            email: "anna@example.com".into(),
            quote: Quote {
                plan_id: Uuid::nil(),
                plan_name: "Europe 10 GB".into(),
                esim_id: Some(Uuid::nil()),
                esim_name: Some("Anna's phone".into()),
                data_mb: Some(10_240),
                voice_minutes: 0,
                sms: 0,
                validity_days: 30,
                validity_starts: ValidityStart::OnPurchase,
                starts_at: Some(at),
                expires_at: Some(at + chrono::Duration::days(30)),
                data_left_now_mb: None,
                price: eur(2000),
                discount: eur(200),
                total: eur(1800),
                promo_code: Some("WELCOME10".into()),
            },
            esim_id: Some(Uuid::nil()),
            payments: vec![
                PaymentView {
                    provider: "stripe".into(),
                    status: "failed".into(),
                    method: Some("Visa ···0002".into()),
                    amount: eur(1800),
                    failure: Some("card_declined".into()),
                    at,
                },
                PaymentView {
                    provider: "stripe".into(),
                    status: "succeeded".into(),
                    method: Some("Visa ···4242".into()),
                    amount: eur(1800),
                    failure: None,
                    at,
                },
            ],
            refunds: vec![
                RefundView {
                    amount: eur(500),
                    reason: "Unused data".into(),
                    status: "succeeded".into(),
                    at,
                },
                RefundView {
                    amount: eur(300),
                    reason: "Refused".into(),
                    status: "failed".into(),
                    at,
                },
            ],
            transitions: vec![],
            refunded: eur(500),
            seller: Seller {
                shop_name: "Roamdesk Travel".into(),
                legal_name: "Roamdesk Travel Ltd".into(),
                address: "1 Quay St\nDublin".into(),
                tax_id: Some("IE1234567X".into()),
                support_email: None,
            },
        }
    }

    #[test]
    fn shows_what_was_bought_paid_and_refunded() {
        let r = ReceiptDocument::for_order(&order(), Locale::En, &ReaderZone::utc());
        assert_eq!(r.title, "Receipt for order #1042");
        assert_eq!(
            r.seller_lines,
            ["Roamdesk Travel Ltd", "1 Quay St\nDublin", "Tax ID IE1234567X"]
        );
        assert_eq!(r.rows.len(), 2);
        assert_eq!(r.rows[0].detail[0], "Anna's phone");
        assert!(r.rows[0].detail[1].contains("22 Dec 2026"), "{:?}", r.rows[0].detail);
        assert_eq!(r.rows[1].label, "Promo code WELCOME10");
        assert!(r.rows[1].amount.starts_with('−'));
        assert_eq!(r.total.amount, eur(1800).format(Locale::En));
        // Only the refund that went through, only the payment that succeeded.
        assert_eq!(r.refunds.len(), 1);
        assert!(r.refunds[0].label.contains("Unused data"));
        assert!(r.payment.as_deref().is_some_and(|p| p.contains("···4242")));
        assert!(r.texts().any(|t| t == "anna@example.com"));
    }

    #[test]
    fn speaks_the_shoppers_language() {
        let zh = ReceiptDocument::for_order(&order(), Locale::Zh, &ReaderZone::utc());
        assert_eq!(zh.title, "订单 #1042 收据");
        assert_eq!(zh.total.label, "合计");
        let ru = ReceiptDocument::for_order(&order(), Locale::Ru, &ReaderZone::utc());
        assert_eq!(ru.title, "Чек по заказу №1042");
        assert_eq!(ru.columns[1], "Сумма");
    }

    #[test]
    fn no_discount_row_without_a_discount() {
        let mut o = order();
        o.quote.discount = eur(0);
        o.quote.promo_code = None;
        o.quote.esim_name = None;
        let r = ReceiptDocument::for_order(&o, Locale::En, &ReaderZone::utc());
        assert_eq!(r.rows.len(), 1);
        assert_eq!(r.rows[0].detail[0], "New eSIM");
    }
}
