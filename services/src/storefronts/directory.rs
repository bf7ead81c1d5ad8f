//! Storefronts in memory, so that resolving a request's shop costs no database round trip. The
//! database tells every server instance when a storefront or its catalogue changes (a trigger
//! sends `NOTIFY`, see `changes`); the directory forgets everything then, and the next request
//! reads the database again. While no listener is connected, nothing is remembered: every
//! request reads the database, as if there were no directory.
use super::{Storefront, find_for_host};
use crate::db::RepoError;
use sqlx::PgPool;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};

/// Host names are chosen by whoever sends the request; past this many distinct ones the
/// directory starts over, which bounds its memory.
const MAX_ENTRIES: usize = 1024;

type Key = (Option<String>, String);

#[derive(Debug, Default)]
pub struct StorefrontDirectory {
    entries: RwLock<HashMap<Key, Option<Arc<Storefront>>>>,
    /// Moves on every change notice: a read that started before it is not remembered.
    generation: AtomicU64,
    /// True while a listener receives change notices.
    listening: AtomicBool,
}

impl StorefrontDirectory {
    /// The storefront served on `host`, else the one named `fallback_slug`, as `find_for_host`.
    pub async fn find(
        &self,
        pool: &PgPool,
        host: Option<&str>,
        fallback_slug: &str,
    ) -> Result<Option<Arc<Storefront>>, RepoError> {
        let key = (host.map(str::to_string), fallback_slug.to_string());
        if self.listening.load(Ordering::Acquire)
            && let Some(hit) = self.read().get(&key)
        {
            return Ok(hit.clone());
        }
        let generation = self.generation.load(Ordering::Acquire);
        let found = find_for_host(pool, host, fallback_slug).await?.map(Arc::new);
        let mut entries = self.write();
        // Remember it only if no change arrived while it was read, and notices are arriving.
        if self.listening.load(Ordering::Acquire) && self.generation.load(Ordering::Acquire) == generation {
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
            entries.insert(key, found.clone());
        }
        Ok(found)
    }

    /// A storefront or catalogue changed somewhere: forget everything.
    pub fn changed(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
        self.write().clear();
    }

    /// The listener connected (`true`) or lost its connection (`false`). Either way anything
    /// remembered may have missed a notice, so it is forgotten.
    pub fn set_listening(&self, listening: bool) {
        self.listening.store(listening, Ordering::Release);
        self.changed();
    }

    pub fn is_listening(&self) -> bool {
        self.listening.load(Ordering::Acquire)
    }

    fn read(&self) -> std::sync::RwLockReadGuard<'_, HashMap<Key, Option<Arc<Storefront>>>> {
        // A panic while holding the lock cannot leave the map inconsistent: keep serving.
        self.entries.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, HashMap<Key, Option<Arc<Storefront>>>> {
        self.entries.write().unwrap_or_else(|e| e.into_inner())
    }
}
