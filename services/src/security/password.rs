//! Password hashing with Argon2id (the `argon2` crate's defaults: 19 MiB, 2 passes, 1 lane, as
//! OWASP recommends). Hashing is slow on purpose, so it runs off the async threads: on a small
//! pool of its own, one thread per core. More at once would only add memory and starve the
//! request threads, and each thread keeps the 19 MiB it last used in its malloc arena, so a
//! fixed set of threads keeps memory fixed too (on the shared blocking pool it grew to hundreds
//! of MB). Sign-ins beyond that wait in line without a thread.
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use rand_core::OsRng;
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, LazyLock, Mutex};

type Job = Box<dyn FnOnce() + Send>;

static HASHING_THREADS: LazyLock<Sender<Job>> = LazyLock::new(|| {
    let (jobs, queue) = channel::<Job>();
    let queue = Arc::new(Mutex::new(queue));
    for n in 0..std::thread::available_parallelism().map_or(2, |n| n.get()) {
        let queue = queue.clone();
        std::thread::Builder::new()
            .name(format!("password-hash-{n}"))
            .spawn(move || {
                loop {
                    let job = match queue.lock() {
                        Ok(queue) => queue.recv(),
                        Err(_) => return,
                    };
                    match job {
                        Ok(job) => job(),
                        Err(_) => return,
                    }
                }
            })
            .expect("a password hashing thread starts");
    }
    jobs
});

/// Runs one Argon2 evaluation on a hashing thread and waits for it without blocking.
async fn on_hashing_thread<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    let (answer, answered) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        #[cfg(test)]
        let _running = tests::Running::enter();
        let _ = answer.send(work());
    });
    HASHING_THREADS.send(job).ok()?;
    answered.await.ok()
}

fn hasher() -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::default())
}

/// A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) for a new password.
pub async fn hash(password: String) -> Result<String, argon2::password_hash::Error> {
    on_hashing_thread(move || {
        let salt = SaltString::generate(&mut OsRng);
        hasher()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
    })
    .await
    .unwrap_or(Err(argon2::password_hash::Error::Crypto))
}

/// Whether `password` matches `stored`. With no stored hash (unknown account) the same work is
/// still done against a fixed hash, so response time does not reveal whether an account exists.
pub async fn verify(password: String, stored: Option<String>) -> bool {
    on_hashing_thread(move || {
        let known = stored.is_some();
        let phc = stored.unwrap_or_else(|| DUMMY_HASH.to_string());
        let Ok(parsed) = PasswordHash::new(&phc) else {
            return false;
        };
        hasher().verify_password(password.as_bytes(), &parsed).is_ok() && known
    })
    .await
    .unwrap_or(false)
}

/// Hash of a random password nobody knows, with the same parameters as real ones.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$rUW4aWZ0L4wUPaDpRUm5cmb6+bKnz5PoyOwZkDIl3TQ";

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    static RUNNING: AtomicUsize = AtomicUsize::new(0);
    static MOST_AT_ONCE: AtomicUsize = AtomicUsize::new(0);

    /// Counts hashes in progress and keeps the highest count seen.
    pub(super) struct Running;

    impl Running {
        pub(super) fn enter() -> Running {
            let now = RUNNING.fetch_add(1, Ordering::SeqCst) + 1;
            MOST_AT_ONCE.fetch_max(now, Ordering::SeqCst);
            Running
        }
    }

    impl Drop for Running {
        fn drop(&mut self) {
            RUNNING.fetch_sub(1, Ordering::SeqCst);
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn many_sign_ins_at_once_hash_one_per_core() {
        let stored = hash("correct horse battery".into()).await.unwrap();
        let checks: Vec<_> = (0..12)
            .map(|_| tokio::spawn(verify("correct horse battery".into(), Some(stored.clone()))))
            .collect();
        for check in checks {
            assert!(check.await.unwrap(), "every waiting sign-in still verifies");
        }
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let most = MOST_AT_ONCE.load(Ordering::SeqCst);
        assert!(most <= cores, "{most} hashes ran at once on {cores} cores");
    }

    #[tokio::test]
    async fn hashes_are_argon2id_salted_and_verify() {
        let a = hash("correct horse battery".into()).await.unwrap();
        let b = hash("correct horse battery".into()).await.unwrap();
        assert!(a.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{a}");
        assert_ne!(a, b, "each hash has its own salt");
        assert!(verify("correct horse battery".into(), Some(a.clone())).await);
        assert!(!verify("correct horse batterx".into(), Some(a)).await);
    }

    #[tokio::test]
    async fn unknown_account_never_verifies() {
        assert!(
            PasswordHash::new(DUMMY_HASH).is_ok(),
            "the dummy hash parses, so the work is real"
        );
        assert!(!verify("anything".into(), None).await);
    }
}
