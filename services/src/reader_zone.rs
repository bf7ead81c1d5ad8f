//! Resolves a zone name to the offsets it has around now, from the IANA database in `chrono-tz`.
//! Worked out once per zone and kept: a shop's readers come from a handful of zones.
use chrono::{Duration, Offset, TimeZone, Utc};
use chrono_tz::{OffsetName, Tz};
use domain::time::{ReaderZone, ZoneSpan};
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// How far around now offsets are worked out: far enough for any order, eSIM expiry or renewal
/// a page shows; older moments use the earliest offset found.
const WINDOW_DAYS: i64 = 800;

/// The zone for `name`, or `None` when it is not a zone the database knows.
pub fn resolve(name: &str) -> Option<ReaderZone> {
    static CACHE: OnceLock<Mutex<HashMap<String, ReaderZone>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(zone) = cache.lock().ok()?.get(name) {
        return Some(zone.clone());
    }
    let tz: Tz = name.parse().ok()?;
    let zone = ReaderZone { spans: spans(tz) };
    if let Ok(mut c) = cache.lock() {
        c.insert(name.to_string(), zone.clone());
    }
    Some(zone)
}

fn spans(tz: Tz) -> Vec<ZoneSpan> {
    let now = Utc::now();
    let mut at = now - Duration::days(WINDOW_DAYS);
    let end = now + Duration::days(WINDOW_DAYS);
    let mut spans = vec![span_at(tz, at, i64::MIN)];
    // Offsets change at most a few times a year; stepping by hours finds each change.
    while at < end {
        let next = at + Duration::hours(1);
        let offset = tz.offset_from_utc_datetime(&next.naive_utc()).fix().local_minus_utc();
        if spans.last().is_some_and(|s| s.offset_seconds != offset) {
            spans.push(span_at(tz, next, next.timestamp()));
        }
        at = next;
    }
    spans
}

fn span_at(tz: Tz, at: chrono::DateTime<Utc>, from: i64) -> ZoneSpan {
    let offset = tz.offset_from_utc_datetime(&at.naive_utc());
    let offset_seconds = offset.fix().local_minus_utc();
    let abbreviation = match offset.abbreviation() {
        Some(a) if a.chars().any(|c| c.is_ascii_alphabetic()) => a.to_string(),
        _ => numeric_name(offset_seconds),
    };
    ZoneSpan {
        from,
        offset_seconds,
        abbreviation,
    }
}

/// "UTC+08", "UTC-03:30" for zones whose database name is only a number.
fn numeric_name(offset_seconds: i32) -> String {
    let sign = if offset_seconds < 0 { '-' } else { '+' };
    let minutes = offset_seconds.unsigned_abs() / 60;
    match minutes % 60 {
        0 => format!("UTC{sign}{:02}", minutes / 60),
        m => format!("UTC{sign}{:02}:{m:02}", minutes / 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Datelike, TimeZone};

    #[test]
    fn knows_summer_time_and_names_the_zone() {
        let berlin = resolve("Europe/Berlin").unwrap();
        let year = Utc::now().year();
        let winter = Utc.with_ymd_and_hms(year, 1, 15, 12, 0, 0).unwrap();
        let summer = Utc.with_ymd_and_hms(year, 7, 15, 12, 0, 0).unwrap();
        assert_eq!(berlin.local(winter).1, "CET");
        assert_eq!(berlin.local(summer).1, "CEST");
        assert_eq!(berlin.local(summer).0.format("%H:%M").to_string(), "14:00");
        let shanghai = resolve("Asia/Shanghai").unwrap();
        assert_eq!(shanghai.local(winter).0.format("%H:%M").to_string(), "20:00");
        assert!(resolve("Mars/Olympus").is_none());
        assert_eq!(numeric_name(8 * 3600), "UTC+08");
        assert_eq!(numeric_name(-(3 * 3600 + 1800)), "UTC-03:30");
    }
}
