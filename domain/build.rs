//! Finds the message catalogues: every folder under `locales/` is a language, every `.ftl` file
//! in it an area. It writes the `Locale` type and the embedded sources, so a language is added by
//! adding a folder, and a message file by adding a file. With the `pseudo-locale` feature, a test
//! language `en-XA` is derived from English (accented letters, same placeholders) to prove that a
//! new language needs nothing but its files.
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut languages: Vec<(String, Vec<(String, String)>)> = Vec::new();
    let mut tags: Vec<String> = std::fs::read_dir(&root)
        .expect("domain/locales is missing")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    tags.sort_by_key(|t| (t != "en", t.clone()));
    for tag in tags {
        let dir = root.join(&tag);
        println!("cargo:rerun-if-changed={}", dir.display());
        languages.push((tag, read_area_files(&dir)));
    }
    if std::env::var_os("CARGO_FEATURE_PSEUDO_LOCALE").is_some() {
        let english = languages
            .iter()
            .find(|(t, _)| t == "en")
            .expect("English is the reference")
            .1
            .clone();
        let pseudo = english
            .into_iter()
            .map(|(area, source)| {
                let source = if area == "language" {
                    "language-name = Ƥşeŭđo\nlanguage-tag = en-XA\nlanguage-decimal-separator = .\nlanguage-group-separator = ,\n".to_string()
                } else {
                    accent(&source)
                };
                (area, source)
            })
            .collect();
        languages.push(("en-XA".to_string(), pseudo));
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("catalogues.rs");
    std::fs::write(out, generate(&languages)).unwrap();
}

fn read_area_files(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .map(|p| {
            println!("cargo:rerun-if-changed={}", p.display());
            let area = p.file_stem().unwrap().to_string_lossy().into_owned();
            (area, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// The variant name for a tag: `zh` → `Zh`, `en-XA` → `EnXa`.
fn variant(tag: &str) -> String {
    tag.split('-')
        .map(|part| {
            let lower = part.to_ascii_lowercase();
            let mut chars = lower.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// A value of `language.ftl`, read plainly: the file holds simple `key = value` lines only.
fn language_value(files: &[(String, String)], key: &str) -> String {
    files
        .iter()
        .find(|(area, _)| area == "language")
        .and_then(|(_, src)| {
            src.lines().find_map(|line| {
                let (k, v) = line.split_once('=')?;
                (k.trim() == key).then(|| unquote(v.trim()))
            })
        })
        .unwrap_or_else(|| panic!("language.ftl must give {key}"))
}

/// How a generated table reads one language's value from its tag and files.
type ValueOf = dyn Fn(&str, &[(String, String)]) -> String;

fn generate(languages: &[(String, Vec<(String, String)>)]) -> String {
    let mut s = String::new();
    s.push_str("/// A language the interface is written in: one per folder under `domain/locales/`.\n");
    s.push_str(
        "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]\npub enum Locale {\n",
    );
    for (tag, _) in languages {
        writeln!(s, "    {},", variant(tag)).unwrap();
    }
    s.push_str("}\n\nimpl Locale {\n");
    writeln!(
        s,
        "    pub const ALL: [Locale; {}] = [{}];",
        languages.len(),
        languages
            .iter()
            .map(|(t, _)| format!("Locale::{}", variant(t)))
            .collect::<Vec<_>>()
            .join(", ")
    )
    .unwrap();
    let table = |s: &mut String, name: &str, doc: &str, value: &ValueOf| {
        writeln!(
            s,
            "    /// {doc}\n    pub fn {name}(self) -> &'static str {{\n        match self {{"
        )
        .unwrap();
        for (tag, files) in languages {
            writeln!(s, "            Locale::{} => {:?},", variant(tag), value(tag, files)).unwrap();
        }
        s.push_str("        }\n    }\n");
    };
    table(
        &mut s,
        "code",
        "The code stored in the database and cookies: the folder's name.",
        &|tag, _| tag.to_string(),
    );
    table(
        &mut s,
        "html_lang",
        "The BCP 47 tag for `<html lang>` (`language-tag` in language.ftl).",
        &|_, f| language_value(f, "language-tag"),
    );
    table(
        &mut s,
        "native_name",
        "The language's own name, for the language selector.",
        &|_, f| language_value(f, "language-name"),
    );
    table(
        &mut s,
        "decimal_separator",
        "The decimal mark numbers are written with.",
        &|_, f| language_value(f, "language-decimal-separator"),
    );
    table(&mut s, "group_separator", "What separates thousands.", &|_, f| {
        language_value(f, "language-group-separator")
    });
    s.push_str("    /// The catalogue files of this language: (area, Fluent source).\n");
    s.push_str("    pub(crate) fn sources(self) -> &'static [(&'static str, &'static str)] {\n        match self {\n");
    for (tag, files) in languages {
        writeln!(s, "            Locale::{} => &[", variant(tag)).unwrap();
        for (area, source) in files {
            writeln!(s, "                ({area:?}, {source:?}),").unwrap();
        }
        s.push_str("            ],\n");
    }
    s.push_str("        }\n    }\n}\n");
    s
}

/// Pseudo-localisation: letters get accents, placeables (`{ ... }`), ids and selectors stay.
fn accent(source: &str) -> String {
    let mut out = String::with_capacity(source.len() * 2);
    for line in source.lines() {
        let trimmed = line.trim_start();
        let value_start = if trimmed.starts_with('#') || trimmed.starts_with('[') || trimmed.starts_with("*[") {
            // Variant keys keep their name; the text after `]` is translated.
            trimmed.find(']').map(|i| line.len() - trimmed.len() + i + 1)
        } else if !line.starts_with(' ') && line.contains('=') {
            line.find('=').map(|i| i + 1)
        } else if trimmed.starts_with('.') {
            line.find('=').map(|i| i + 1)
        } else {
            Some(0)
        };
        let Some(start) = value_start.filter(|_| !trimmed.starts_with('#')) else {
            out.push_str(line);
            out.push('\n');
            continue;
        };
        out.push_str(&line[..start]);
        let mut depth = 0;
        for c in line[start..].chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            out.push(if depth == 0 { accented(c) } else { c });
        }
        out.push('\n');
    }
    out
}

fn accented(c: char) -> char {
    match c {
        'a' => 'á',
        'e' => 'é',
        'i' => 'í',
        'o' => 'ó',
        'u' => 'ú',
        'y' => 'ý',
        'n' => 'ñ',
        'c' => 'ç',
        'A' => 'Á',
        'E' => 'É',
        'I' => 'Í',
        'O' => 'Ó',
        'U' => 'Ú',
        'N' => 'Ñ',
        'C' => 'Ç',
        other => other,
    }
}

/// A value written as a Fluent string literal, `{ "\u00A0" }`, for characters a file cannot show.
fn unquote(value: &str) -> String {
    let Some(inner) = value.strip_prefix("{ \"").and_then(|v| v.strip_suffix("\" }")) else {
        return value.to_string();
    };
    let mut out = String::new();
    let mut rest = inner;
    while let Some(i) = rest.find("\\u") {
        out.push_str(&rest[..i]);
        let code = u32::from_str_radix(&rest[i + 2..i + 6], 16).expect("\\uXXXX");
        out.push(char::from_u32(code).unwrap());
        rest = &rest[i + 6..];
    }
    out.push_str(rest);
    out
}
