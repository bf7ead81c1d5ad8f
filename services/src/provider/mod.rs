//! The upstream eSIM provider, as one trait. Callers (fulfilment, the eSIM pages, the sync jobs)
//! hold an `Arc<dyn EsimProvider>` set when the server is built and never know which provider it is (today always the built-in one).
//!
//! The shape follows what wholesale APIs have in common (eSIM Access, eSIM Go, Airalo): an order
//! allocates a profile, a top-up applies a package to an existing ICCID, top-ups are chosen from
//! the packages compatible with that ICCID, and usage and install status are read per ICCID. An
//! adapter for one of them maps plans to its package codes and calls its HTTP API; every call
//! carries an idempotency key so a retried fulfilment never buys twice.
pub mod builtin;

use chrono::{DateTime, Utc};
use domain::esim::EsimStatus;
use uuid::Uuid;

#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    /// No profile in stock can carry the plan.
    #[error("no profile in stock for this plan")]
    OutOfStock,
    #[error("the plan cannot be applied to this eSIM")]
    IncompatiblePlan,
    #[error("unknown eSIM")]
    UnknownEsim,
    /// The provider could not be reached or failed; the call may be retried with the same key.
    #[error("provider unavailable: {0}")]
    Unavailable(String),
}

impl From<sqlx::Error> for ProviderError {
    fn from(e: sqlx::Error) -> Self {
        ProviderError::Unavailable(e.to_string())
    }
}

pub struct AllocateProfile {
    pub storefront_id: Uuid,
    pub customer_id: Uuid,
    pub plan_id: Uuid,
    /// The same key returns the same profile.
    pub idempotency_key: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AllocatedProfile {
    pub esim_id: Uuid,
    pub iccid: String,
}

pub struct ApplyBundle {
    pub esim_id: Uuid,
    pub plan_id: Uuid,
    /// The order line paying for it, when there is one.
    pub order_line_id: Option<Uuid>,
    /// The same key applies the bundle once.
    pub idempotency_key: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppliedBundle {
    pub bundle_id: Uuid,
    pub starts_at: Option<DateTime<Utc>>,
    pub expires_at: Option<DateTime<Utc>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BundleUsage {
    pub bundle_id: Uuid,
    pub data_remaining_mb: Option<i64>,
    pub voice_remaining_min: i64,
    pub sms_remaining: i64,
    pub measured_at: Option<DateTime<Utc>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InstallStatus {
    pub status: EsimStatus,
    pub installed_at: Option<DateTime<Utc>>,
    pub reported_at: Option<DateTime<Utc>>,
}

#[async_trait::async_trait]
pub trait EsimProvider: Send + Sync + std::fmt::Debug {
    /// A short name for logs and the README, e.g. `builtin`.
    fn name(&self) -> &'static str;

    /// Takes a profile that can carry `plan_id` and assigns it to the customer.
    async fn allocate_profile(&self, req: AllocateProfile) -> Result<AllocatedProfile, ProviderError>;

    /// Adds a bundle of `plan_id` to the eSIM.
    async fn apply_bundle(&self, req: ApplyBundle) -> Result<AppliedBundle, ProviderError>;

    /// The plans that can top up this eSIM.
    async fn compatible_top_ups(&self, esim_id: Uuid) -> Result<Vec<Uuid>, ProviderError>;

    /// What is left on each of the eSIM's bundles, newest first.
    async fn usage(&self, esim_id: Uuid) -> Result<Vec<BundleUsage>, ProviderError>;

    async fn install_status(&self, esim_id: Uuid) -> Result<InstallStatus, ProviderError>;
}
