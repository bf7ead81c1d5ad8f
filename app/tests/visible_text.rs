//! No visible text outside the message catalogues. Scans the server and UI code for string
//! literals that read as prose (English words, or any Chinese or Cyrillic), for `pick` triples and
//! for arms that match on a language. Literals that are only logged, asserted, SQL or attributes
//! are skipped; a rare real exception goes in `visible_text_allow.txt` as `path: literal`.
mod common;

use common::{root, rust_sources};
use std::path::Path;

/// Calls whose string arguments never reach a person: logs, assertions, SQL, internal causes.
const SILENT_CALLS: &[&str] = &[
    "error",
    "warn",
    "info",
    "debug",
    "trace",
    "info_span",
    "debug_span",
    "span",
    "event",
    "panic",
    "assert",
    "assert_eq",
    "assert_ne",
    "debug_assert",
    "unreachable",
    "todo",
    "expect",
    "expect_err",
    "internal",
    "Inconsistent",
    "concat",
    "env",
    "include_str",
    "include_bytes",
    "query",
    "query_as",
    "query_scalar",
    "query_file",
    "format_args",
    "ProviderRefused",
    "Unavailable",
    "Corrupt",
    "Protocol",
    "Config",
    "eprintln",
    "println",
];

/// Operator-facing programs and data, not pages: the command line, configuration and demo data.
const NOT_SHOWN_TO_SHOPPERS: &[&str] = &[
    "server/src/cli.rs",
    "server/src/config.rs",
    "server/src/demo.rs",
    "server/src/main.rs",
    "server/src/simulator.rs",
];

fn sources() -> Vec<(String, String)> {
    rust_sources()
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(root()).unwrap().to_string_lossy().replace('\\', "/");
            (rel, std::fs::read_to_string(&p).unwrap())
        })
        .filter(|(rel, _)| !rel.starts_with("domain/src/i18n/") && !NOT_SHOWN_TO_SHOPPERS.contains(&rel.as_str()))
        .collect()
}

/// The string literals of `source` a person could see: outside comments, attributes, test
/// modules and silent calls. Returns (line, literal).
fn shown_literals(source: &str) -> Vec<(usize, String)> {
    let source = source.split("#[cfg(test)]").next().unwrap_or(source);
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    // Paren depths at which a silent call or an attribute began; literals inside are skipped.
    let mut silent_from: Vec<i32> = Vec::new();
    let mut depth = 0i32;
    let mut ident = String::new();
    let mut last_ident = String::new();
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied().unwrap_or('\0');
        if c == '\n' {
            line += 1;
        }
        if c == '/' && next == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '/' && next == '*' {
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                if chars[i] == '\n' {
                    line += 1;
                }
                i += 1;
            }
            i += 2;
            continue;
        }
        if c == '#' && (next == '[' || (next == '!' && chars.get(i + 2) == Some(&'['))) {
            silent_from.push(depth);
            depth += 1;
            i += if next == '[' { 2 } else { 3 };
            continue;
        }
        if c == 'r'
            && (next == '"' || next == '#')
            && !ident.chars().last().is_some_and(|p| p.is_alphanumeric() || p == '_')
        {
            // Raw strings: SQL and fixtures; skipped whole.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) == Some(&'"') {
                j += 1;
                let closing: String = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
                let rest: String = chars[j..].iter().collect();
                let end = rest
                    .find(&closing)
                    .map(|e| j + rest[..e].chars().count())
                    .unwrap_or(chars.len());
                line += chars[j..end.min(chars.len())].iter().filter(|c| **c == '\n').count();
                i = end + 1 + hashes;
                continue;
            }
        }
        if c == '\'' {
            // A char literal ('x', '\n'); a lifetime has no closing quote right after.
            if next == '\\' {
                i += 4;
                while i < chars.len() && chars[i - 1] != '\'' {
                    i += 1;
                }
                continue;
            }
            if chars.get(i + 2) == Some(&'\'') {
                i += 3;
                continue;
            }
        }
        if c == '"' {
            let start_line = line;
            let mut j = i + 1;
            let mut literal = String::new();
            while j < chars.len() && chars[j] != '"' {
                if chars[j] == '\\' {
                    j += 1;
                }
                if chars[j] == '\n' {
                    line += 1;
                }
                literal.push(chars[j]);
                j += 1;
            }
            if silent_from.is_empty() {
                out.push((start_line, literal));
            }
            i = j + 1;
            ident.clear();
            continue;
        }
        if c.is_alphanumeric() || c == '_' {
            ident.push(c);
        } else {
            if !ident.is_empty() {
                last_ident = std::mem::take(&mut ident);
            }
            if c == '(' {
                let is_call = chars[..i]
                    .iter()
                    .rev()
                    .find(|c| !c.is_whitespace())
                    .is_some_and(|p| *p == '!' || p.is_alphanumeric() || *p == '_');
                if is_call && SILENT_CALLS.contains(&last_ident.as_str()) {
                    silent_from.push(depth);
                }
                depth += 1;
            } else if c == '[' || c == '{' {
                depth += 1;
            } else if c == ')' || c == ']' || c == '}' {
                depth -= 1;
                if silent_from.last() == Some(&depth) {
                    silent_from.pop();
                }
            }
            if !c.is_whitespace() && c != '!' {
                last_ident.clear();
            }
        }
        i += 1;
    }
    out
}

const SQL_WORDS: &[&str] = &[
    "SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "CREATE", "ALTER", "DROP", "BEGIN", "LOCK", "SET", "COMMIT",
];

/// Chinese or Cyrillic anywhere, or two or more English words starting with a capital.
fn reads_as_prose(literal: &str) -> bool {
    if literal
        .chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{0400}'..='\u{04ff}').contains(&c))
    {
        return true;
    }
    let words: Vec<&str> = literal.split_whitespace().collect();
    let Some(first) = words.first() else { return false };
    if SQL_WORDS.contains(first) || !first.chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let wordy = words
        .iter()
        .map(|w| w.trim_end_matches(['.', ',', ':', ';', '!', '?', '…']))
        .filter(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_alphabetic() || c == '\''))
        .count();
    wordy >= 2 && wordy * 3 >= words.len() * 2
}

fn allowed() -> Vec<String> {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/visible_text_allow.txt"))
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

#[test]
fn no_visible_text_outside_the_catalogues() {
    let allowed = allowed();
    let mut found = Vec::new();
    for (path, source) in sources() {
        for (line, literal) in shown_literals(&source) {
            if reads_as_prose(&literal) && !allowed.contains(&format!("{path}: {literal}")) {
                found.push(format!("{path}:{line}: \"{literal}\""));
            }
        }
    }
    assert!(
        found.is_empty(),
        "visible text belongs in domain/locales/*/*.ftl:\n{}",
        found.join("\n")
    );
}

#[test]
fn no_language_is_chosen_in_code() {
    let mut found = Vec::new();
    for (path, source) in sources() {
        for (n, text) in source.split("#[cfg(test)]").next().unwrap_or("").lines().enumerate() {
            let arm = [
                "Locale::En =>",
                "Locale::Zh =>",
                "Locale::Ru =>",
                "Locale::En |",
                "Locale::Zh |",
                "Locale::Ru |",
            ];
            if text.contains(".pick(") || arm.iter().any(|a| text.contains(a)) {
                found.push(format!("{path}:{}: {}", n + 1, text.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "words per language belong in the catalogues:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scanner_finds_prose_and_skips_logs() {
    let source = r#"
        fn f() {
            tracing::error!(error = %e, "Loading the order failed badly");
            let a = "Only an order awaiting payment can be cancelled.";
            let b = "rounded-md border px-3";
            let c = "您好";
            // "Commented out text here"
            sqlx::query!("SELECT id FROM orders WHERE x = 'It is'");
        }
        #[error("Shown only in the log")]
        struct E;
    "#;
    let found: Vec<String> = shown_literals(source)
        .into_iter()
        .map(|(_, l)| l)
        .filter(|l| reads_as_prose(l))
        .collect();
    assert_eq!(
        found,
        vec![
            "Only an order awaiting payment can be cancelled.".to_string(),
            "您好".to_string()
        ]
    );
}
