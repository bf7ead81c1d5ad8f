//! What the source-reading tests share: the Rust files of the server and the UI.
use std::path::{Path, PathBuf};

/// The repository's root (the workspace above `app/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// Every `.rs` file of the workspace's crates.
pub fn rust_sources() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in ["domain/src", "services/src", "app/src", "server/src"] {
        walk(&root().join(dir), &mut files);
    }
    files
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}
