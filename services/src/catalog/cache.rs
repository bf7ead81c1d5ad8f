//! The catalog in memory. Each storefront's plans, in each language and currency asked for, are
//! loaded once and kept until the storefront's catalog version moves (database triggers bump it
//! on any plan, price, text or destination change). Every request reads the current version with
//! the storefront row, so an answer from memory is never older than the database.
use super::repo::{self, CatalogScope};
use crate::db::RepoError;
use domain::locale::Locale;
use domain::money::Currency;
use domain::plan::{Destination, PlanCard};
use sqlx::PgPool;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use uuid::Uuid;

/// More keys than storefronts × languages × currencies in use means something is off; starting
/// over then bounds memory.
const MAX_ENTRIES: usize = 512;

#[derive(Debug)]
pub struct CatalogSnapshot {
    pub version: i64,
    /// In featured order.
    pub cards: Vec<PlanCard>,
    /// Destination code → the country codes it covers.
    pub coverage: HashMap<String, HashSet<String>>,
    /// What the destination filter offers.
    pub destinations: Vec<Destination>,
}

impl CatalogSnapshot {
    pub fn covers(&self, destination: &str, country: &str) -> bool {
        self.coverage.get(destination).is_some_and(|c| c.contains(country))
    }
}

type Key = (Uuid, Locale, Currency);

#[derive(Debug, Default)]
pub struct CatalogCache {
    entries: Mutex<HashMap<Key, Arc<CatalogSnapshot>>>,
}

impl CatalogCache {
    pub async fn snapshot(
        &self,
        pool: &PgPool,
        scope: CatalogScope,
        version: i64,
    ) -> Result<Arc<CatalogSnapshot>, RepoError> {
        let key = (scope.storefront_id, scope.locale, scope.currency);
        if let Some(hit) = self.lock().get(&key).filter(|s| s.version >= version) {
            return Ok(hit.clone());
        }
        // One query after another, on one connection at a time: a snapshot is built rarely, and
        // three concurrent acquires from a small pool is how the test suite used to deadlock.
        let cards = repo::all_plan_cards(pool, scope).await?;
        let coverage = repo::destination_coverage(pool, scope.storefront_id).await?;
        let destinations = repo::filter_destinations(pool, scope).await?;
        let fresh = Arc::new(CatalogSnapshot {
            version,
            cards,
            coverage,
            destinations,
        });
        let mut entries = self.lock();
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        // A slower load for an older version must not replace a newer snapshot.
        match entries.get(&key) {
            Some(current) if current.version > version => Ok(current.clone()),
            _ => {
                entries.insert(key, fresh.clone());
                Ok(fresh)
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Key, Arc<CatalogSnapshot>>> {
        // A panic while holding the lock cannot leave the map inconsistent: keep serving.
        self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
