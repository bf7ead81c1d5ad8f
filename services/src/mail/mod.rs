//! E-mail: templates in the recipient's language, the PostgreSQL outbox, and SMTP delivery.
pub mod mailer;
pub mod outbox;
pub mod templates;

pub use mailer::Mailer;
pub use templates::{MailContent, RenderedMail};
