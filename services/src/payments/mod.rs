//! The lifecycle of a payment, split by responsibility: the provider's checkout (`checkout`),
//! the events it sends (`inbox`), and what an outcome does to the order (`settle`). How a
//! provider is spoken to is `payment_gateways`; this module decides what its answers mean.
pub mod checkout;
pub mod inbox;
pub mod settle;
