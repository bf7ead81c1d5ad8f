//! Numbers and units as each language writes them: the decimal mark and digit grouping come from
//! the language's `language.ftl`, the unit words from its catalogue.
use crate::locale::Locale;
use crate::t;
use crate::time::ReaderZone;
use chrono::{DateTime, Datelike, Timelike, Utc};

/// An integer with the language's digit grouping: 12 500 / 12,500.
pub fn integer(l: Locale, n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(l.group_separator());
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// A count of tenths as "15" or "1.5" / "1,5", dropping a zero decimal.
pub fn tenths(l: Locale, tenths: u64) -> String {
    let whole = integer(l, (tenths / 10) as i64);
    if tenths.is_multiple_of(10) {
        whole
    } else {
        format!("{whole}{}{}", l.decimal_separator(), tenths % 10)
    }
}

/// A fixed number of decimals from integer minor units: 1250 with 2 → "12.50" / "12,50".
pub fn minor_units(l: Locale, minor: i64, decimals: u32) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    if decimals == 0 {
        return format!("{sign}{}", integer(l, abs as i64));
    }
    let scale = 10_u64.pow(decimals);
    let whole = integer(l, (abs / scale) as i64);
    let fraction = abs % scale;
    format!(
        "{sign}{whole}{}{fraction:0width$}",
        l.decimal_separator(),
        width = decimals as usize
    )
}

/// "10 GB", "500 MB", "1.5 GB" / "1,5 ГБ".
pub fn data_amount(l: Locale, mb: u32) -> String {
    if mb < 1024 {
        return t!(l, "common-megabytes", amount = integer(l, mb as i64));
    }
    let tenths_of_gb = (mb as u64 * 10 + 512) / 1024;
    t!(l, "common-gigabytes", amount = tenths(l, tenths_of_gb))
}

/// "512 kbps", "1.5 Mbps" / "1,5 Мбит/с".
pub fn speed(l: Locale, kbps: u32) -> String {
    if kbps < 1000 {
        return t!(l, "common-kilobits-per-second", amount = integer(l, kbps as i64));
    }
    t!(
        l,
        "common-megabits-per-second",
        amount = tenths(l, (kbps as u64 + 50) / 100)
    )
}

/// "7 days" / "7 天" / "7 дней", by the language's plural rules.
pub fn days(l: Locale, n: u32) -> String {
    t!(l, "common-days", count = n)
}

/// A moment in the reader's zone, the zone named: "29 Nov 2026, 13:00 MSK" / "29.11.2026, 13:00 MSK".
pub fn moment(l: Locale, zone: &ReaderZone, at: DateTime<Utc>) -> String {
    let (local, zone_name) = zone.local(at);
    let time = format!("{:02}:{:02}", local.hour(), local.minute());
    t!(
        l,
        "common-moment",
        day = local.day(),
        month = local.month(),
        year = local.year(),
        time = time,
        zone = zone_name
    )
}

/// A day without its year, as charts label their axes: `29 Nov`, `29.11`, `11月29日`.
pub fn day_month(l: Locale, day: chrono::NaiveDate) -> String {
    t!(l, "common-day-month", day = day.day(), month = day.month())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::ZoneSpan;
    use chrono::TimeZone;

    #[test]
    fn days_without_a_year_follow_the_language() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 4).unwrap();
        assert_eq!(day_month(Locale::En, day), "4 Mar");
        assert_eq!(day_month(Locale::Ru, day), "04.03");
        assert_eq!(day_month(Locale::Zh, day), "3月4日");
    }

    #[test]
    fn moments_are_in_the_readers_zone_and_language() {
        let at = Utc.with_ymd_and_hms(2026, 11, 29, 10, 0, 0).unwrap();
        let moscow = ReaderZone {
            spans: vec![ZoneSpan {
                from: 0,
                offset_seconds: 3 * 3600,
                abbreviation: "MSK".into(),
            }],
        };
        assert_eq!(moment(Locale::En, &ReaderZone::utc(), at), "29 Nov 2026, 10:00 UTC");
        assert_eq!(moment(Locale::Ru, &moscow, at), "29.11.2026, 13:00 MSK");
        assert_eq!(moment(Locale::Zh, &moscow, at), "2026年11月29日 13:00 MSK");
        let early = Utc.with_ymd_and_hms(2026, 3, 4, 10, 5, 0).unwrap();
        assert_eq!(moment(Locale::Ru, &moscow, early), "04.03.2026, 13:05 MSK");
        assert_eq!(moment(Locale::En, &moscow, early), "4 Mar 2026, 13:05 MSK");
    }

    #[test]
    fn russian_plurals_follow_cldr() {
        let ru = Locale::Ru;
        assert_eq!(days(ru, 1), "1 день");
        assert_eq!(days(ru, 3), "3 дня");
        assert_eq!(days(ru, 7), "7 дней");
        assert_eq!(days(ru, 11), "11 дней");
        assert_eq!(days(ru, 21), "21 день");
        assert_eq!(days(ru, 114), "114 дней");
        assert_eq!(t!(ru, "catalog-plan-count", count = 42), "42 тарифа");
        assert_eq!(t!(ru, "catalog-country-count", count = 33), "33 страны");
        assert_eq!(days(Locale::En, 1), "1 day");
        assert_eq!(days(Locale::En, 2), "2 days");
    }

    #[test]
    fn data_and_speed_units_follow_the_language() {
        let en = Locale::En;
        assert_eq!(data_amount(en, 500), "500 MB");
        assert_eq!(data_amount(en, 1024), "1 GB");
        assert_eq!(data_amount(en, 1536), "1.5 GB");
        assert_eq!(data_amount(en, 51_200), "50 GB");
        assert_eq!(data_amount(Locale::Ru, 1536), "1,5 ГБ");
        assert_eq!(data_amount(Locale::Ru, 422), "422 МБ");
        assert_eq!(speed(en, 512), "512 kbps");
        assert_eq!(speed(en, 1024), "1 Mbps");
        assert_eq!(speed(en, 1500), "1.5 Mbps");
        assert_eq!(speed(Locale::Ru, 1500), "1,5 Мбит/с");
    }

    #[test]
    fn grouping_and_decimals() {
        assert_eq!(integer(Locale::En, 1_234_567), "1,234,567");
        assert_eq!(integer(Locale::Ru, 12_500), "12\u{a0}500");
        assert_eq!(integer(Locale::En, -999), "-999");
        assert_eq!(minor_units(Locale::En, 1250, 2), "12.50");
        assert_eq!(minor_units(Locale::Ru, 123_456, 2), "1\u{a0}234,56");
        assert_eq!(minor_units(Locale::En, -5, 2), "-0.05");
        assert_eq!(minor_units(Locale::En, -1250, 2), "-12.50");
        assert_eq!(minor_units(Locale::En, 500, 0), "500");
    }
}
