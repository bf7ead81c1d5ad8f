//! The message catalogues are complete and used: every language has every message of English
//! with the same variables, ids say which file they live in, every id the code asks for exists,
//! and every message is asked for somewhere.
mod common;

use common::rust_sources;
use fluent_syntax::ast::{self, Entry, Expression, InlineExpression, PatternElement};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

type Catalogue = BTreeMap<String, (String, BTreeSet<String>)>; // id -> (area, variables)

fn locales_dir() -> PathBuf {
    common::root().join("domain/locales")
}

fn languages() -> Vec<String> {
    let mut tags: Vec<String> = std::fs::read_dir(locales_dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    tags.sort();
    tags
}

fn load(tag: &str) -> Catalogue {
    let mut out = Catalogue::new();
    for entry in std::fs::read_dir(locales_dir().join(tag)).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "ftl") {
            continue;
        }
        let area = path.file_stem().unwrap().to_string_lossy().into_owned();
        let source = std::fs::read_to_string(&path).unwrap();
        let resource = fluent_syntax::parser::parse(source.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: syntax errors {errors:?}", path.display()));
        for entry in resource.body {
            if let Entry::Message(message) = entry {
                let mut vars = BTreeSet::new();
                if let Some(value) = &message.value {
                    collect_variables(value, &mut vars);
                }
                let id = message.id.name.to_string();
                let previous = out.insert(id.clone(), (area.clone(), vars));
                assert!(previous.is_none(), "{tag}: message {id} is defined twice");
            }
        }
    }
    resolve_references(out)
}

/// Replaces each `@id` with the variables of the message it names, so a message that reads its
/// month from another is compared by the variables it really needs.
fn resolve_references(mut catalogue: Catalogue) -> Catalogue {
    for _ in 0..4 {
        let snapshot = catalogue.clone();
        for (_, vars) in catalogue.values_mut() {
            let refs: Vec<String> = vars.iter().filter(|v| v.starts_with('@')).cloned().collect();
            for r in refs {
                vars.remove(&r);
                if let Some((_, target)) = snapshot.get(&r[1..]) {
                    vars.extend(target.iter().cloned());
                }
            }
        }
    }
    catalogue
}

fn collect_variables(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            collect_in_expression(expression, vars);
        }
    }
}

fn collect_in_expression(expression: &Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            collect_in_inline(selector, vars);
            for variant in variants {
                collect_variables(&variant.value, vars);
            }
        }
        Expression::Inline(inline) => collect_in_inline(inline, vars),
    }
}

fn collect_in_inline(inline: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => collect_in_expression(expression, vars),
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                collect_in_inline(argument, vars);
            }
        }
        // A referenced message sees the same variables; counted as `@id` and resolved after loading.
        InlineExpression::MessageReference { id, .. } => {
            vars.insert(format!("@{}", id.name));
        }
        _ => {}
    }
}

/// Messages the build script reads by name rather than the code.
fn read_by_the_build(id: &str) -> bool {
    id.starts_with("language-")
}

#[test]
fn every_language_has_every_message_with_the_same_variables() {
    let english = load("en");
    assert!(english.len() > 50, "English catalogue looks empty");
    for tag in languages().into_iter().filter(|t| t != "en") {
        let other = load(&tag);
        for (id, (area, vars)) in &english {
            let (other_area, other_vars) = other.get(id).unwrap_or_else(|| panic!("{tag}/{area}.ftl lacks {id}"));
            assert_eq!(
                area, other_area,
                "{tag}: {id} is in {other_area}.ftl, English has it in {area}.ftl"
            );
            assert_eq!(vars, other_vars, "{tag}: {id} uses other variables than English");
        }
        for id in other.keys() {
            assert!(english.contains_key(id), "{tag} has {id}, which English does not");
        }
    }
}

#[test]
fn ids_start_with_their_file_name() {
    for tag in languages() {
        for (id, (area, _)) in load(&tag) {
            assert!(
                id.starts_with(&format!("{area}-")),
                "{tag}/{area}.ftl: {id} should start with {area}-"
            );
        }
    }
}

/// Every string literal in the code that looks like a message id of some area.
fn ids_in_code(areas: &BTreeSet<String>) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for file in rust_sources() {
        let source = std::fs::read_to_string(&file).unwrap();
        for literal in source.split('"').skip(1).step_by(2) {
            let looks_like_id = literal.len() < 80
                && literal
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && literal.split_once('-').is_some_and(|(area, _)| areas.contains(area));
            if looks_like_id {
                ids.insert(literal.to_string());
            }
        }
    }
    ids
}

#[test]
fn every_id_the_code_uses_exists_and_every_message_is_used() {
    let english = load("en");
    let areas: BTreeSet<String> = english.values().map(|(a, _)| a.clone()).collect();
    let used = ids_in_code(&areas);
    let defined: BTreeSet<String> = english.keys().cloned().collect();
    let missing: Vec<String> = asked_ids().into_iter().filter(|id| !defined.contains(id)).collect();
    assert!(
        missing.is_empty(),
        "the code asks for messages no catalogue has: {missing:?}"
    );
    let referenced = referenced_by_messages();
    let unused: Vec<&String> = defined
        .iter()
        .filter(|id| !used.contains(*id) && !referenced.contains(*id) && !read_by_the_build(id))
        .collect();
    assert!(
        unused.is_empty(),
        "messages nothing uses (delete them or use them): {unused:?}"
    );
}

/// The ids the code passes to `t!`, `text` or `text_with`: the first string literal of the call.
fn asked_ids() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for file in rust_sources() {
        let source = std::fs::read_to_string(&file).unwrap();
        for call in ["t!(", "text(", "text_with("] {
            for (at, _) in source.match_indices(call) {
                // `t!(` and not `assert!(`, `text(` and not `context(`.
                let before = source[..at].chars().next_back().unwrap_or(' ');
                let line_start = source[..at].rfind('\n').map_or(0, |i| i + 1);
                if before.is_alphanumeric() || before == '_' || source[line_start..at].trim_start().starts_with("//") {
                    continue;
                }
                let rest = &source[at + call.len()..];
                let Some(open) = rest.find('"') else { continue };
                // Only a literal among the call's first arguments, before the call closes.
                if rest[..open].contains(')') || rest[..open].contains(';') {
                    continue;
                }
                if let Some(close) = rest[open + 1..].find('"') {
                    ids.insert(rest[open + 1..open + 1 + close].to_string());
                }
            }
        }
    }
    ids
}

/// Ids that English messages use inside other messages (`{ common-month-name }`).
fn referenced_by_messages() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for entry in std::fs::read_dir(locales_dir().join("en")).unwrap() {
        let source = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for part in source.split('{').skip(1) {
            let name = part
                .trim_start()
                .split(|c: char| c.is_whitespace() || c == '}')
                .next()
                .unwrap_or("");
            if name.contains('-')
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                ids.insert(name.to_string());
            }
        }
    }
    ids
}
