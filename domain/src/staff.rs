//! What staff pages show: the team, invitations, the audit log, the outbox, customer lookups.
use super::account::Role;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub account_id: Uuid,
    pub email: String,
    pub full_name: Option<String>,
    pub role: Role,
    pub email_verified: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingInvitation {
    pub id: Uuid,
    pub email: String,
    pub role: Role,
    pub expires_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffOverview {
    pub storefront_id: Uuid,
    pub storefront_name: String,
    /// Every storefront, for operators' picker; empty for everyone else.
    pub storefronts: Vec<(Uuid, String)>,
    pub members: Vec<StaffMember>,
    pub invitations: Vec<PendingInvitation>,
    /// Roles the caller may hand out here.
    pub grantable: Vec<Role>,
    pub me: Uuid,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    pub at: DateTime<Utc>,
    pub actor: Option<String>,
    pub ip: Option<String>,
    pub action: String,
    pub target: Option<String>,
    pub details: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerMatch {
    pub email: String,
    pub full_name: Option<String>,
    pub phone: Option<String>,
    pub email_verified: bool,
    pub created_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationDetails {
    pub email: String,
    pub role: Role,
    pub storefront_name: String,
    /// An account with this address exists: accepting asks for its password instead of a new one.
    pub account_exists: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxRow {
    pub id: Uuid,
    pub storefront: String,
    pub kind: String,
    pub to: String,
    pub subject: String,
    pub body_text: String,
    pub status: String,
    pub attempts: i32,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxPage {
    pub rows: Vec<OutboxRow>,
    /// Whether an SMTP server is configured; without one mail waits here for operators to read.
    pub smtp_configured: bool,
}
