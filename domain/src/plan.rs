//! What the catalog shows about a plan.
use super::money::Money;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BillingPeriod {
    Day,
    Month,
    Year,
}

impl BillingPeriod {
    pub const ALL: [BillingPeriod; 3] = [BillingPeriod::Day, BillingPeriod::Month, BillingPeriod::Year];

    pub fn code(self) -> &'static str {
        match self {
            BillingPeriod::Day => "day",
            BillingPeriod::Month => "month",
            BillingPeriod::Year => "year",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == code)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PlanKind {
    Single,
    Family,
    Enterprise,
}

impl PlanKind {
    pub const ALL: [PlanKind; 3] = [PlanKind::Single, PlanKind::Family, PlanKind::Enterprise];

    pub fn code(self) -> &'static str {
        match self {
            PlanKind::Single => "single",
            PlanKind::Family => "family",
            PlanKind::Enterprise => "enterprise",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// When a plan's validity clock starts; customers ask about this more than anything else.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ValidityStart {
    OnPurchase,
    OnInstall,
    OnFirstUse,
}

impl ValidityStart {
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "on_purchase" => Some(Self::OnPurchase),
            "on_install" => Some(Self::OnInstall),
            "on_first_use" => Some(Self::OnFirstUse),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Generation {
    G3,
    G4,
    G5,
}

impl Generation {
    pub fn label(self) -> &'static str {
        match self {
            Generation::G3 => "3G",
            Generation::G4 => "4G",
            Generation::G5 => "5G",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "3G" => Some(Self::G3),
            "4G" => Some(Self::G4),
            "5G" => Some(Self::G5),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DestinationKind {
    Country,
    Region,
    Global,
}

impl DestinationKind {
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "country" => Some(Self::Country),
            "region" => Some(Self::Region),
            "global" => Some(Self::Global),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Destination {
    pub code: String,
    pub kind: DestinationKind,
    pub name: String,
}

/// How much data a plan carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DataAllowance {
    Limited {
        mb: u32,
    },
    /// Unlimited plans run at full speed for a daily allowance, then slow down until the next day.
    Unlimited {
        fair_use_daily_mb: u32,
    },
}

impl DataAllowance {
    /// Builds from the database columns, whose checks guarantee exactly one is set.
    pub fn from_columns(data_mb: Option<i32>, fair_use_daily_mb: Option<i32>) -> Option<Self> {
        match (data_mb, fair_use_daily_mb) {
            (Some(mb), None) if mb > 0 => Some(Self::Limited { mb: mb as u32 }),
            (None, Some(daily)) if daily > 0 => Some(Self::Unlimited {
                fair_use_daily_mb: daily as u32,
            }),
            _ => None,
        }
    }
}

/// One plan as a catalog card shows it, priced in the shopper's currency.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanCard {
    pub slug: String,
    pub name: String,
    pub destination: Destination,
    pub country_count: u32,
    pub data: DataAllowance,
    pub throttle_kbps: Option<u32>,
    pub voice_minutes: u32,
    pub sms_count: u32,
    pub validity_days: u32,
    pub billing_period: BillingPeriod,
    pub kind: PlanKind,
    pub max_lines: u32,
    pub can_top_up: bool,
    pub max_generation: Generation,
    pub price: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Country {
    pub code: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Network {
    pub country: String,
    pub operator: String,
    pub generation: Generation,
}

/// Everything the plan page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanDetail {
    pub card: PlanCard,
    pub description: String,
    pub validity_starts: ValidityStart,
    pub hotspot_allowed: bool,
    pub countries: Vec<Country>,
    pub networks: Vec<Network>,
}

/// A plan that can renew an eSIM, for the renewal page's choice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenewalOption {
    pub slug: String,
    pub name: String,
    pub price: Money,
}
