//! How account data reads: the names of roles.
use crate::account::Role;
use crate::locale::Locale;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::MIN_PASSWORD_CHARS;

    #[test]
    fn roles_and_the_password_hint_read_in_each_language() {
        assert_eq!(Role::ResellerAdmin.label(Locale::En), "Reseller admin");
        assert_eq!(Role::Operator.label(Locale::Ru), "Оператор платформы");
        assert_eq!(
            t!(Locale::En, "account-password-hint", count = MIN_PASSWORD_CHARS),
            "At least 10 characters. A few words make a strong, memorable password."
        );
        assert_eq!(
            t!(Locale::Ru, "account-password-hint", count = MIN_PASSWORD_CHARS),
            "Не короче 10 символов. Несколько слов — надёжный и запоминающийся пароль."
        );
    }
}
