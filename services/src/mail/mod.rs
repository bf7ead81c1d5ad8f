//! E-mail: templates in the recipient's language, the PostgreSQL outbox, and SMTP delivery.
pub mod mailer;
pub mod outbox;
mod plain_relay;
pub mod templates;

pub use mailer::Mailer;
pub use templates::{MailContent, RenderedMail};
