//! A receipt's words, decided once: the printable receipt page and its PDF both show this. It is
//! written for an order in a language by `ReceiptDocument::for_order` (in `i18n::orders`).

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
    pub fn new(label: String, amount: String) -> Self {
        Self {
            label,
            detail: Vec::new(),
            amount,
        }
    }
}

impl ReceiptDocument {
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
