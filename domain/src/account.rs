//! Who is signed in, what they may do, and the rules for what they type into account forms. Role
//! names are in `i18n::account`.
use serde::{Deserialize, Serialize};

/// A person's role in their storefront. Ordered: each role can do what the ones before it can.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Role {
    Customer,
    Agent,
    ResellerAdmin,
    /// Runs the whole platform, every storefront.
    Operator,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Customer, Role::Agent, Role::ResellerAdmin, Role::Operator];

    pub fn code(self) -> &'static str {
        match self {
            Role::Customer => "customer",
            Role::Agent => "agent",
            Role::ResellerAdmin => "reseller_admin",
            Role::Operator => "operator",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn is_staff(self) -> bool {
        self >= Role::Agent
    }

    /// The roles `granter` may hand out: reseller admins staff their own shop; only operators
    /// create operators.
    pub fn grantable_by(granter: Role) -> Vec<Role> {
        match granter {
            Role::Operator => vec![Role::Customer, Role::Agent, Role::ResellerAdmin, Role::Operator],
            Role::ResellerAdmin => vec![Role::Customer, Role::Agent, Role::ResellerAdmin],
            _ => vec![],
        }
    }
}

/// What the page header and account pages know about the signed-in person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub email: String,
    pub full_name: Option<String>,
    pub role: Role,
    pub email_verified: bool,
}

impl Viewer {
    pub fn display_name(&self) -> &str {
        self.full_name
            .as_deref()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or(&self.email)
    }
}

/// Why an account form was refused, shown to the person in their language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccountProblem {
    /// Deliberately the same whether the address is unknown or the password wrong.
    WrongCredentials,
    Throttled {
        retry_after_minutes: u32,
    },
    InvalidEmail,
    InvalidPhone,
    PasswordTooShort,
    PasswordTooLong,
    PasswordIsEmail,
    PasswordsDiffer,
    CurrentPasswordWrong,
    NameTooLong,
    /// Used, expired or never issued; one message for all, so links cannot be probed.
    LinkInvalid,
    PhoneTaken,
    LanguageNotOffered,
    CurrencyNotOffered,
    /// Not one of the time zones the profile offers.
    TimeZoneUnknown,
    RoleNotGrantable,
    CannotChangeOwnRole,
    UnknownAccount,
    StaffCannotDeleteSelf,
    /// The eSIM lookup needs an ICCID or a phone number in international format.
    LookupIdentifier,
    /// Wrong, used or expired; one message for all, so codes cannot be probed.
    CodeInvalid,
}

pub const MIN_PASSWORD_CHARS: usize = 10;
pub const MAX_PASSWORD_CHARS: usize = 128;

/// Trims and lower-cases an e-mail address and checks its shape. Deliverability is proven by the
/// verification link, not guessed here.
pub fn normalize_email(input: &str) -> Result<String, AccountProblem> {
    let email = input.trim().to_lowercase();
    let valid = email.len() <= 254
        && email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !email.chars().any(|c| c.is_whitespace() || c.is_control())
                && !domain.contains('@')
        });
    if valid {
        Ok(email)
    } else {
        Err(AccountProblem::InvalidEmail)
    }
}

/// Accepts "+7 916 123-45-67" style input and returns E.164 ("+79161234567"); empty means none.
pub fn normalize_phone(input: &str) -> Result<Option<String>, AccountProblem> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let Some(rest) = trimmed.strip_prefix('+') else {
        return Err(AccountProblem::InvalidPhone);
    };
    if rest
        .chars()
        .any(|c| !(c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '.')))
    {
        return Err(AccountProblem::InvalidPhone);
    }
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    if (7..=15).contains(&digits.len()) && !digits.starts_with('0') {
        Ok(Some(format!("+{digits}")))
    } else {
        Err(AccountProblem::InvalidPhone)
    }
}

/// Length rules only, as current guidance recommends: no composition rules, long passphrases welcome.
pub fn check_new_password(password: &str, confirm: &str, email: &str) -> Result<(), AccountProblem> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(AccountProblem::PasswordTooShort);
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(AccountProblem::PasswordTooLong);
    }
    if password.trim().eq_ignore_ascii_case(email.trim()) {
        return Err(AccountProblem::PasswordIsEmail);
    }
    if password != confirm {
        return Err(AccountProblem::PasswordsDiffer);
    }
    Ok(())
}

pub fn check_full_name(input: &str) -> Result<Option<String>, AccountProblem> {
    let name = input.trim();
    if name.chars().count() > 200 {
        Err(AccountProblem::NameTooLong)
    } else if name.is_empty() {
        Ok(None)
    } else {
        Ok(Some(name.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_trimmed_lowercased_and_shape_checked() {
        assert_eq!(normalize_email("  Anna@Example.COM ").unwrap(), "anna@example.com");
        for bad in [
            "",
            "anna",
            "anna@",
            "@example.com",
            "anna@example",
            "an na@example.com",
            "a@b@c.com",
            "a@.com",
        ] {
            assert_eq!(normalize_email(bad), Err(AccountProblem::InvalidEmail), "{bad:?}");
        }
    }

    #[test]
    fn phones_become_e164() {
        assert_eq!(
            normalize_phone("+7 (916) 123-45-67").unwrap().as_deref(),
            Some("+79161234567")
        );
        assert_eq!(normalize_phone("  ").unwrap(), None);
        for bad in ["89161234567", "+0123456789", "+12", "+7 916 abc", "+1234567890123456"] {
            assert_eq!(normalize_phone(bad), Err(AccountProblem::InvalidPhone), "{bad:?}");
        }
    }

    #[test]
    fn password_rules() {
        assert_eq!(
            check_new_password("short", "short", "a@b.co"),
            Err(AccountProblem::PasswordTooShort)
        );
        let long = "x".repeat(129);
        assert_eq!(
            check_new_password(&long, &long, "a@b.co"),
            Err(AccountProblem::PasswordTooLong)
        );
        assert_eq!(
            check_new_password("anna@example.com", "anna@example.com", "anna@example.com"),
            Err(AccountProblem::PasswordIsEmail)
        );
        assert_eq!(
            check_new_password("correct horse", "correct horsf", "a@b.co"),
            Err(AccountProblem::PasswordsDiffer)
        );
        // Length counts characters, not bytes: ten Cyrillic letters are enough.
        assert_eq!(check_new_password("пароль1234", "пароль1234", "a@b.co"), Ok(()));
    }

    #[test]
    fn roles_are_ordered_and_grants_are_limited() {
        assert!(Role::Operator > Role::ResellerAdmin && Role::ResellerAdmin > Role::Agent);
        assert!(!Role::Customer.is_staff() && Role::Agent.is_staff());
        assert!(!Role::grantable_by(Role::ResellerAdmin).contains(&Role::Operator));
        assert!(Role::grantable_by(Role::Agent).is_empty());
        for r in Role::ALL {
            assert_eq!(Role::from_code(r.code()), Some(r));
        }
    }
}
