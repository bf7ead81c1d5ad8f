//! A storefront's payment settings: which checkout methods it offers, and the seller's details
//! printed on receipts.
use crate::problem::SettingsProblem;
use serde::{Deserialize, Serialize};

/// Checkout payment method types a storefront may offer; card includes Apple Pay and Google Pay.
pub const PAYMENT_METHODS: [&str; 4] = ["card", "alipay", "wechat_pay", "paypal"];

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentSettings {
    pub methods: Vec<String>,
    pub legal_name: String,
    pub address: String,
    pub tax_id: Option<String>,
}

impl PaymentSettings {
    /// Settings as a form sent them: at least one known method, a legal name, and lengths a
    /// receipt can print. Blank tax ids are none.
    pub fn validated(
        methods: Vec<String>,
        legal_name: &str,
        address: &str,
        tax_id: &str,
    ) -> Result<PaymentSettings, SettingsProblem> {
        let methods: Vec<String> = methods
            .into_iter()
            .filter(|m| PAYMENT_METHODS.contains(&m.as_str()))
            .collect();
        if methods.is_empty() {
            return Err(SettingsProblem::NoPaymentMethod);
        }
        let legal_name = legal_name.trim();
        if legal_name.is_empty()
            || legal_name.chars().count() > 200
            || address.chars().count() > 500
            || tax_id.chars().count() > 50
        {
            return Err(SettingsProblem::LegalDetails);
        }
        Ok(PaymentSettings {
            methods,
            legal_name: legal_name.to_string(),
            address: address.trim().to_string(),
            tax_id: Some(tax_id.trim().to_string()).filter(|t| !t.is_empty()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_needs_a_method_and_a_legal_name() {
        assert_eq!(
            PaymentSettings::validated(vec![], "Shop Ltd", "", ""),
            Err(SettingsProblem::NoPaymentMethod)
        );
        assert_eq!(
            PaymentSettings::validated(vec!["card".into()], "  ", "", ""),
            Err(SettingsProblem::LegalDetails)
        );
        let ok =
            PaymentSettings::validated(vec!["card".into(), "bogus".into()], " Shop Ltd ", " 1 Road ", " ").unwrap();
        assert_eq!(ok.methods, vec!["card".to_string()]);
        assert_eq!(
            (ok.legal_name.as_str(), ok.address.as_str(), ok.tax_id),
            ("Shop Ltd", "1 Road", None)
        );
    }
}
