//! How account data reads: the names of roles.
use crate::domain::account::Role;
use crate::domain::locale::Locale;
use crate::t;

impl Role {
    pub fn label(self, l: Locale) -> String {
        match self {
            Role::Customer => t!(l, "account-role-customer"),
            Role::Agent => t!(l, "account-role-agent"),
            Role::ResellerAdmin => t!(l, "account-role-reseller-admin"),
            Role::Operator => t!(l, "account-role-operator"),
        }
    }
}
