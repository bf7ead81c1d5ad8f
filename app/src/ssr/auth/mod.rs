//! Who is calling, and whether they may. Every server function that needs a signed-in caller
//! starts with [`authorize`]; the route table test in `server/tests/authorization.rs` fails for
//! any server function that is neither public nor listed with the role it needs.
pub mod client_ip;
pub mod password;
pub mod principal;
pub mod session;
pub mod throttle;
pub mod token;

pub use principal::{Access, Principal, authorize, current_principal, ensure_storefront};
