//! The eSIM-capable phones and tablets (`domain/data/esim_devices.txt`), and the search over them
//! that the install page's compatibility check uses. Compiled in, so it also works in the browser.
use std::sync::OnceLock;

const DEVICE_DATA: &str = include_str!("../data/esim_devices.txt");

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Device {
    pub brand: &'static str,
    pub model: &'static str,
    /// Where regional models differ, e.g. no eSIM in models sold in mainland China.
    pub note: Option<DeviceNote>,
}

impl Device {
    /// Brand and model, as shown and as searched: "Apple iPhone 15 Pro".
    pub fn full_name(&self) -> String {
        format!("{} {}", self.brand, self.model)
    }
}

/// A caveat about a model, written in the list as a code; its words are in the catalogue
/// (`i18n::esims`), so the list itself needs no translating.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeviceNote {
    NoEsimInChina,
    UsEsimOnly,
    SamsungRegions,
    NotEverywhere,
    Pixel3,
    Pixel3a,
}

impl DeviceNote {
    pub fn from_code(code: &str) -> Option<DeviceNote> {
        match code {
            "china" => Some(DeviceNote::NoEsimInChina),
            "us-esim-only" => Some(DeviceNote::UsEsimOnly),
            "samsung-regions" => Some(DeviceNote::SamsungRegions),
            "not-everywhere" => Some(DeviceNote::NotEverywhere),
            "pixel-3" => Some(DeviceNote::Pixel3),
            "pixel-3a" => Some(DeviceNote::Pixel3a),
            _ => None,
        }
    }
}

/// The list's lines that are not comments or blank.
fn device_lines() -> impl Iterator<Item = &'static str> {
    DEVICE_DATA
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

pub fn all_devices() -> &'static [Device] {
    static DEVICES: OnceLock<Vec<Device>> = OnceLock::new();
    DEVICES.get_or_init(|| {
        device_lines()
            .filter_map(|line| {
                let mut parts = line.split('|').map(str::trim);
                let brand = parts.next().filter(|b| !b.is_empty())?;
                let model = parts.next().filter(|m| !m.is_empty())?;
                // An unknown code drops the caveat, not the phone; a test keeps codes known.
                let note = parts.next().and_then(DeviceNote::from_code);
                Some(Device { brand, model, note })
            })
            .collect()
    })
}

fn normalise(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect()
}

/// How many models a search shows at most.
pub const MAX_RESULTS: usize = 30;

/// Devices whose brand and model contain every word typed, in any order ("pixel 7",
/// "s23 ultra", "iphone 15 pro"). Empty input finds nothing.
pub fn search_devices(query: &str) -> Vec<&'static Device> {
    all_devices()
        .iter()
        .filter(|d| name_matches(query, &d.full_name()))
        .take(MAX_RESULTS)
        .collect()
}

/// Whether a device name matches what was typed: every word typed starts a word of the name,
/// so "s23" finds the S23 family, and "13" finds the iPhone 13 family but not an iPhone 11.
/// Shared with the browser, which filters the same list as the person types.
pub fn name_matches(query: &str, name: &str) -> bool {
    let query = normalise(query);
    let mut words = query.split_whitespace().peekable();
    if words.peek().is_none() {
        return false;
    }
    let name = normalise(name);
    words.all(|w| name.split_whitespace().any(|n| n.starts_with(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn models(query: &str) -> Vec<&'static str> {
        search_devices(query).into_iter().map(|d| d.model).collect()
    }

    #[test]
    fn the_list_is_long_and_well_formed() {
        let devices = all_devices();
        assert!(devices.len() >= 150, "{} devices", devices.len());
        let mut names: Vec<String> = devices.iter().map(|d| format!("{} {}", d.brand, d.model)).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), devices.len(), "no duplicates");
        for line in device_lines() {
            let note = line.split('|').nth(2).map(str::trim).filter(|n| !n.is_empty());
            assert!(
                note.is_none_or(|n| DeviceNote::from_code(n).is_some()),
                "unknown caveat in {line:?}"
            );
        }
    }

    #[test]
    fn search_by_words_in_any_order() {
        assert_eq!(models("pixel 7"), vec!["Pixel 7", "Pixel 7 Pro", "Pixel 7a"]);
        assert_eq!(models("ULTRA s23"), vec!["Galaxy S23 Ultra"]);
        assert!(models("iphone 15").contains(&"iPhone 15 Pro Max"));
        assert!(!models("iphone 1").is_empty());
        assert!(models("iphone 13").iter().all(|m| m.starts_with("iPhone 13")));
        assert!(models("nokia 3310").is_empty());
        assert!(models("   ").is_empty());
    }

    #[test]
    fn regional_caveats_travel_with_the_model() {
        let iphone = search_devices("iphone 15 pro max")[0];
        assert_eq!(iphone.note, Some(DeviceNote::UsEsimOnly));
        assert_eq!(
            search_devices("xiaomi 13 lite")[0].note,
            Some(DeviceNote::NoEsimInChina)
        );
    }
}
