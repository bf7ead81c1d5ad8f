//! What the built-in test provider's payment page (TEST MODE) shows.
use crate::money::Money;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TestCheckout {
    pub order_id: Uuid,
    pub order_number: i64,
    pub amount: Money,
    pub description: String,
    pub status: String,
}
