//! glibc malloc thresholds fixed at start. Left dynamic, glibc raises its mmap threshold to the
//! largest block freed (Argon2's 19 MiB, at every sign-in) and its trim threshold to twice that,
//! so afterwards each of its arenas (up to 16 here) kept up to ~38 MiB of freed memory: the load
//! test's peak was 259 MB, and 87 MB with the thresholds fixed (docs/benchmarks.md).

/// Blocks from this size up are mapped on their own and given back when freed.
const MMAP_THRESHOLD: i32 = 256 * 1024;
/// Free memory above this at the top of an arena is given back.
const TRIM_THRESHOLD: i32 = 1024 * 1024;

pub fn fix_malloc_thresholds() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes allocator settings; it is thread-safe and takes plain ints.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
        libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD);
    }
}
