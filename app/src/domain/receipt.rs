//! A receipt's words, decided once: the printable receipt page and its PDF both show this.
use super::locale::{Locale, format_utc};
use super::order::OrderView;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceiptDocument {
    pub title: String,
    pub shop_name: String,
    /// Legal name, address (may hold newlines), tax id, support e-mail.
    pub seller_lines: Vec<String>,
    pub issued: String,
    pub customer: String,
    pub status: String,
    /// Column headings: item, amount.
    pub columns: [String; 2],
    pub rows: Vec<ReceiptRow>,
    pub total: ReceiptRow,
    /// Refunds made, after the total.
    pub refunds: Vec<ReceiptRow>,
    /// "Paid with Visa ···4242 · 2026-11-22 10:00 UTC", once paid.
    pub payment: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReceiptRow {
    pub label: String,
    pub detail: Vec<String>,
    pub amount: String,
}

impl ReceiptRow {
    fn new(label: String, amount: String) -> Self {
        Self {
            label,
            detail: Vec::new(),
            amount,
        }
    }
}

impl ReceiptDocument {
    pub fn for_order(order: &OrderView, l: Locale) -> Self {
        let q = &order.quote;
        let seller = &order.seller;
        let title = match l {
            Locale::En => format!("Receipt for order #{}", order.number),
            Locale::Zh => format!("订单 #{} 收据", order.number),
            Locale::Ru => format!("Чек по заказу №{}", order.number),
        };
        let mut seller_lines = vec![seller.legal_name.clone()];
        seller_lines.extend((!seller.address.trim().is_empty()).then(|| seller.address.clone()));
        seller_lines.extend(
            seller
                .tax_id
                .as_ref()
                .map(|t| format!("{} {t}", l.pick(["Tax ID", "税号", "ИНН/VAT"]))),
        );
        seller_lines.extend(seller.support_email.clone());

        let esim = q
            .esim_name
            .clone()
            .unwrap_or_else(|| l.pick(["New eSIM", "新 eSIM", "Новая eSIM"]).to_string());
        let mut rows = vec![ReceiptRow {
            label: q.plan_name.clone(),
            detail: vec![esim, q.validity_text(l)],
            amount: q.price.format(l),
        }];
        if q.discount.amount_minor > 0 {
            let label = format!(
                "{} {}",
                l.pick(["Promo code", "优惠码", "Промокод"]),
                q.promo_code.clone().unwrap_or_default()
            );
            rows.push(ReceiptRow::new(label, format!("−{}", q.discount.format(l))));
        }
        let refunds = order
            .refunds
            .iter()
            .filter(|r| r.status == "succeeded")
            .map(|r| {
                let label = format!("{} ({})", l.pick(["Refunded", "已退款", "Возвращено"]), r.reason);
                ReceiptRow::new(label, format!("−{}", r.amount.format(l)))
            })
            .collect();
        let payment = order.payments.iter().find(|p| p.status == "succeeded").map(|p| {
            let method = p.method.clone().unwrap_or_else(|| p.provider.clone());
            format!(
                "{} {method} · {}",
                l.pick(["Paid with", "支付方式：", "Оплачено:"]),
                format_utc(p.at)
            )
        });
        Self {
            title,
            shop_name: seller.shop_name.clone(),
            seller_lines,
            issued: format_utc(order.created_at),
            customer: order.email.clone(),
            status: order.status.label(l).to_string(),
            columns: [
                l.pick(["Item", "项目", "Позиция"]).to_string(),
                l.pick(["Amount", "金额", "Сумма"]).to_string(),
            ],
            rows,
            total: ReceiptRow::new(l.pick(["Total", "合计", "Итого"]).to_string(), q.total.format(l)),
            refunds,
            payment,
        }
    }

    /// Every string on the receipt, for font subsetting.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        let rows = self.rows.iter().chain([&self.total]).chain(&self.refunds);
        let row_texts = rows.flat_map(|r| [&r.label, &r.amount].into_iter().chain(&r.detail));
        [&self.title, &self.shop_name, &self.issued, &self.customer, &self.status]
            .into_iter()
            .chain(&self.seller_lines)
            .chain(&self.columns)
            .chain(row_texts)
            .chain(&self.payment)
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::{Currency, Money};
    use crate::domain::order::{OrderStatus, PaymentView, Quote, RefundView, Seller};
    use crate::domain::plan::ValidityStart;
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
        let r = ReceiptDocument::for_order(&order(), Locale::En);
        assert_eq!(r.title, "Receipt for order #1042");
        assert_eq!(
            r.seller_lines,
            ["Roamdesk Travel Ltd", "1 Quay St\nDublin", "Tax ID IE1234567X"]
        );
        assert_eq!(r.rows.len(), 2);
        assert_eq!(r.rows[0].detail[0], "Anna's phone");
        assert!(r.rows[0].detail[1].contains("2026-12-22"), "{:?}", r.rows[0].detail);
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
        let zh = ReceiptDocument::for_order(&order(), Locale::Zh);
        assert_eq!(zh.title, "订单 #1042 收据");
        assert_eq!(zh.total.label, "合计");
        let ru = ReceiptDocument::for_order(&order(), Locale::Ru);
        assert_eq!(ru.title, "Чек по заказу №1042");
        assert_eq!(ru.columns[1], "Сумма");
    }

    #[test]
    fn no_discount_row_without_a_discount() {
        let mut o = order();
        o.quote.discount = eur(0);
        o.quote.promo_code = None;
        o.quote.esim_name = None;
        let r = ReceiptDocument::for_order(&o, Locale::En);
        assert_eq!(r.rows.len(), 1);
        assert_eq!(r.rows[0].detail[0], "New eSIM");
    }
}
