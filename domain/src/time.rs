//! Which time zone a reader sees moments in. The server works out the zone's UTC offsets for a
//! window around now (from its zone database) and hands them to the page, so the browser formats
//! the same text without carrying a zone database in the WebAssembly.
use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

/// The time zone the reader chose in their profile: an IANA name such as `Europe/Moscow`.
pub const ZONE_COOKIE: &str = "rd_tz";
/// The time zone the browser reported (`Intl.DateTimeFormat().resolvedOptions().timeZone`),
/// used until the reader chooses one.
pub const BROWSER_ZONE_COOKIE: &str = "rd_tz_browser";

/// The zones a profile offers (IANA names), west of Moscow to east of it and then the rest of
/// the world: where the shop's travellers go and come from.
const ZONE_CHOICES: &str = include_str!("../data/time_zones.txt");

pub fn zone_choices() -> impl Iterator<Item = &'static str> {
    ZONE_CHOICES.lines().map(str::trim).filter(|l| !l.is_empty())
}

/// A profile's time-zone field: empty for "the browser's", else one of [`zone_choices`].
pub fn chosen_zone(input: &str) -> Result<Option<&'static str>, crate::account::AccountProblem> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(None);
    }
    zone_choices()
        .find(|z| *z == input)
        .map(Some)
        .ok_or(crate::account::AccountProblem::TimeZoneUnknown)
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ReaderZone {
    /// Offsets in force from each start, in time order; the first also covers anything earlier.
    pub spans: Vec<ZoneSpan>,
}

/// One stretch of a zone with one offset from UTC.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ZoneSpan {
    /// Unix seconds from which this offset applies.
    pub from: i64,
    pub offset_seconds: i32,
    /// What the zone is called at that time: `MSK`, `CET`, or `UTC+08` where it has no letters.
    pub abbreviation: String,
}

impl ReaderZone {
    pub fn utc() -> ReaderZone {
        ReaderZone {
            spans: vec![ZoneSpan {
                from: i64::MIN,
                offset_seconds: 0,
                abbreviation: "UTC".into(),
            }],
        }
    }

    /// The wall-clock time at `at` in this zone, and the zone's name then.
    pub fn local(&self, at: DateTime<Utc>) -> (NaiveDateTime, &str) {
        let seconds = at.timestamp();
        let span = self
            .spans
            .iter()
            .rev()
            .find(|s| s.from <= seconds)
            .or(self.spans.first());
        match span {
            Some(s) => (
                at.naive_utc() + chrono::Duration::seconds(s.offset_seconds as i64),
                s.abbreviation.as_str(),
            ),
            None => (at.naive_utc(), "UTC"),
        }
    }
}

impl Default for ReaderZone {
    fn default() -> Self {
        ReaderZone::utc()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_profile_zone_is_one_of_the_choices_or_none() {
        assert_eq!(super::chosen_zone(" "), Ok(None));
        assert_eq!(super::chosen_zone("Europe/Moscow"), Ok(Some("Europe/Moscow")));
        assert_eq!(
            super::chosen_zone("Mars/Olympus"),
            Err(crate::account::AccountProblem::TimeZoneUnknown)
        );
        assert!(super::zone_choices().count() > 30);
    }

    use super::*;
    use chrono::TimeZone;

    #[test]
    fn picks_the_span_in_force() {
        let zone = ReaderZone {
            spans: vec![
                ZoneSpan {
                    from: 0,
                    offset_seconds: 3600,
                    abbreviation: "CET".into(),
                },
                ZoneSpan {
                    from: 1_800_000_000,
                    offset_seconds: 7200,
                    abbreviation: "CEST".into(),
                },
            ],
        };
        let winter = Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap();
        let (local, name) = zone.local(winter);
        assert_eq!((local.to_string().as_str(), name), ("2026-12-01 11:00:00", "CET"));
        let later = Utc.timestamp_opt(1_800_000_000, 0).unwrap();
        assert_eq!(zone.local(later).1, "CEST");
        assert_eq!(ReaderZone::utc().local(winter).1, "UTC");
    }
}
