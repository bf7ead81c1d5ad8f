//! Property tests of the usage report's parsing (`parse`, no database), 100,000 generated files
//! each: valid rows become exactly their usage events, a row with one field broken refuses the
//! file naming that row's line, and arbitrary bytes never panic.
use super::*;
use chrono::{FixedOffset, SecondsFormat, TimeZone};
use domain::esim_ids::Iccid;
use proptest::prelude::*;
use proptest::sample::{Index, select};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 100_000,
        ..ProptestConfig::default()
    }
}

/// 2000-01-01T00:00:00Z.
const Y2K: i64 = 946_684_800;

#[derive(Clone, Debug)]
struct Row {
    /// Digits only, as the event must carry it.
    iccid: String,
    /// As written in the file: spaces and dashes may split it.
    iccid_written: String,
    measured_at: DateTime<Utc>,
    /// Minutes east of UTC the time is written in, and whether UTC is written `Z`.
    offset_minutes: i32,
    z: bool,
    data: Option<i64>,
    voice: Option<i64>,
    sms: Option<i64>,
}

impl Row {
    fn time_written(&self) -> String {
        let offset = FixedOffset::east_opt(self.offset_minutes * 60).expect("a valid offset");
        self.measured_at
            .with_timezone(&offset)
            .to_rfc3339_opts(SecondsFormat::AutoSi, self.z)
    }
}

fn amount() -> impl Strategy<Value = Option<i64>> {
    prop::option::of(prop_oneof![0i64..100_000, 0i64..=i64::MAX])
}

/// 18–22 digits starting with 89, and the same written with a space or a dash here and there
/// (drawn from integers: generating text from regular expressions is slow).
fn iccid() -> impl Strategy<Value = (String, String)> {
    (any::<u128>(), 16usize..=20, any::<u64>(), any::<u64>()).prop_map(|(digits, n, a, b)| {
        // The low digits of a random u128 are evenly spread.
        let all = format!("{digits:039}");
        let iccid = format!("89{}", &all[39 - n..]);
        let mut written = String::new();
        for (i, c) in iccid.chars().enumerate() {
            if i > 0 && (a >> i) & (b >> i) & 1 == 1 {
                written.push(if (a >> (i + 32)) & 1 == 1 { ' ' } else { '-' });
            }
            written.push(c);
        }
        (iccid, written)
    })
}

fn row() -> impl Strategy<Value = Row> {
    let an_hour_ago = Utc::now().timestamp() - 3600;
    (
        iccid(),
        Y2K..an_hour_ago,
        prop_oneof![Just(0u32), 0u32..1_000_000_000],
        select(vec![0, 0, 60, 330, -300, 840, -720, 345]),
        any::<bool>(),
        amount(),
        amount(),
        amount(),
    )
        .prop_map(
            |((iccid, iccid_written), secs, nanos, offset_minutes, z, data, voice, sms)| Row {
                iccid,
                iccid_written,
                measured_at: Utc.timestamp_opt(secs, nanos).single().expect("a valid time"),
                offset_minutes,
                z,
                data,
                voice,
                sms,
            },
        )
}

#[derive(Clone, Debug)]
struct Layout {
    voice_column: bool,
    sms_column: bool,
    /// The columns present, shuffled; may include `notes`, a column the parser does not know
    /// (its values hold commas, quotes and line breaks).
    columns: Vec<&'static str>,
    crlf: bool,
    blank_after: Vec<bool>,
}

fn layout() -> impl Strategy<Value = Layout> {
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec(any::<Index>(), 6),
        any::<bool>(),
        prop::collection::vec(prop::bool::weighted(0.15), 8),
    )
        .prop_map(|(voice_column, sms_column, notes_column, order, crlf, blank_after)| {
            let mut columns = vec!["iccid", "measured_at", "data_remaining_mb"];
            if voice_column {
                columns.push("voice_remaining_min");
            }
            if sms_column {
                columns.push("sms_remaining");
            }
            if notes_column {
                columns.push("notes");
            }
            for i in (1..columns.len()).rev() {
                columns.swap(i, order[i].index(i + 1));
            }
            Layout {
                voice_column,
                sms_column,
                columns,
                crlf,
                blank_after,
            }
        })
}

fn number(n: Option<i64>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

fn fields(row: &Row, layout: &Layout) -> Vec<Vec<u8>> {
    layout
        .columns
        .iter()
        .map(|column| match *column {
            "iccid" => row.iccid_written.clone(),
            "measured_at" => row.time_written(),
            "data_remaining_mb" => number(row.data),
            "voice_remaining_min" => number(row.voice),
            "sms_remaining" => number(row.sms),
            "notes" => "checked, \"twice\"\nby hand".to_string(),
            other => unreachable!("{other}"),
        })
        .map(String::into_bytes)
        .collect()
}

/// The file, and the line each row starts on.
fn write_file(layout: &Layout, rows: &[Vec<Vec<u8>>]) -> (Vec<u8>, Vec<u64>) {
    let terminator = if layout.crlf { &b"\r\n"[..] } else { &b"\n"[..] };
    let record = |fields: &[Vec<u8>]| {
        let mut writer = csv::WriterBuilder::new()
            .buffer_capacity(256)
            .terminator(if layout.crlf {
                csv::Terminator::CRLF
            } else {
                csv::Terminator::Any(b'\n')
            })
            .from_writer(vec![]);
        writer.write_record(fields).expect("writes to memory");
        writer.into_inner().expect("writes to memory")
    };
    let header: Vec<Vec<u8>> = layout.columns.iter().map(|c| c.as_bytes().to_vec()).collect();
    let mut file = record(&header);
    let mut lines = vec![];
    for (i, fields) in rows.iter().enumerate() {
        lines.push(file.iter().filter(|b| **b == b'\n').count() as u64 + 1);
        file.extend(record(fields));
        if layout.blank_after[i % layout.blank_after.len()] {
            file.extend(terminator);
        }
    }
    (file, lines)
}

/// The event a row must become. The id is pinned: re-importing an old report must give the
/// same ids, or it would apply twice.
fn expected(row: &Row, layout: &Layout) -> FeedEvent {
    let digest = Sha256::digest(format!("{}|{}", row.iccid_written, row.measured_at.to_rfc3339()));
    FeedEvent::Usage {
        event_id: format!("csv-{}", hex::encode(&digest[..16])),
        iccid: row.iccid.clone(),
        measured_at: row.measured_at,
        data_remaining_mb: row.data,
        voice_remaining_min: row.voice.filter(|_| layout.voice_column),
        sms_remaining: row.sms.filter(|_| layout.sms_column),
    }
}

#[derive(Clone, Copy, Debug)]
enum Break {
    IccidLetter(char),
    IccidEmpty,
    Negative(&'static str),
    NotANumber(&'static str),
    BadTime(&'static str),
    FutureTime,
    MissingField,
    ExtraField,
    NotUtf8,
}

fn break_() -> impl Strategy<Value = Break> {
    prop_oneof![
        select(vec!['x', '.', '٣', '\u{0}']).prop_map(Break::IccidLetter),
        Just(Break::IccidEmpty),
        select(vec!["data_remaining_mb", "voice_remaining_min", "sms_remaining"]).prop_map(Break::Negative),
        select(vec!["12MB", "1.5", "1e3", "twelve", "9223372036854775808", "--1"]).prop_map(Break::NotANumber),
        select(vec![
            "yesterday",
            "2024-13-01T00:00:00Z",
            "2024-02-30T00:00:00Z",
            "2024-01-01T25:00:00Z",
            "2024-01-01T00:00:00",
            "1700000000",
            "",
        ])
        .prop_map(Break::BadTime),
        Just(Break::FutureTime),
        Just(Break::MissingField),
        Just(Break::ExtraField),
        Just(Break::NotUtf8),
    ]
}

/// `row`'s fields with one broken.
fn broken_fields(broken: Break, row: &Row, layout: &Layout, at: Index) -> Vec<Vec<u8>> {
    let columns = &layout.columns;
    let mut out = fields(row, layout);
    let column = |name: &str| columns.iter().position(|c| *c == name);
    let iccid = column("iccid").expect("iccid column");
    match broken {
        Break::IccidLetter(c) => {
            let mut text = row.iccid_written.clone();
            let positions: Vec<usize> = text.char_indices().map(|(i, _)| i).skip(1).collect();
            text.insert(positions[at.index(positions.len())], c);
            out[iccid] = text.into_bytes();
        }
        Break::IccidEmpty => out[iccid] = vec![],
        Break::Negative(name) => {
            let target = column(name).unwrap_or(column("data_remaining_mb").expect("data column"));
            out[target] = format!("-{}", at.index(1000) + 1).into_bytes();
        }
        Break::NotANumber(text) => {
            let name = ["data_remaining_mb", "voice_remaining_min", "sms_remaining"][at.index(3)];
            let target = column(name).unwrap_or(column("data_remaining_mb").expect("data column"));
            out[target] = text.as_bytes().to_vec();
        }
        Break::BadTime(text) => out[column("measured_at").expect("time column")] = text.as_bytes().to_vec(),
        Break::FutureTime => {
            let later = Utc::now() + chrono::Duration::minutes(10 + at.index(100_000) as i64);
            out[column("measured_at").expect("time column")] = later.to_rfc3339().into_bytes();
        }
        Break::MissingField => {
            out.pop();
        }
        Break::ExtraField => out.push(b"extra".to_vec()),
        Break::NotUtf8 => out[iccid].extend([b'\xff', b'\xfe']),
    }
    out
}

proptest! {
    #![proptest_config(config())]

    /// A report of valid rows, columns in any order, with or without the optional columns,
    /// blank lines, quoted fields and CRLF, becomes exactly its events: the ICCID as digits, the
    /// instant whatever offset it was written in, the amounts (absent ones as none), and ids
    /// that depend on the row's ICCID and instant only.
    #[test]
    fn valid_reports_become_their_events(layout in layout(), rows in prop::collection::vec(row(), 1..5)) {
        let written: Vec<Vec<Vec<u8>>> = rows.iter().map(|r| fields(r, &layout)).collect();
        let (file, _) = write_file(&layout, &written);
        let events = parse(&file).map_err(|e| TestCaseError::fail(format!("{e}\n{}", String::from_utf8_lossy(&file))))?;
        let wanted: Vec<FeedEvent> = rows.iter().map(|r| expected(r, &layout)).collect();
        // The expected ids are computed from the instant in UTC, whatever offset it was written in.
        prop_assert_eq!(&events, &wanted);

        for event in &events {
            let id = event.event_id();
            prop_assert!(id.len() == 36 && id.starts_with("csv-"));
            prop_assert!(id[4..].bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
        }
    }

    /// The same report with one field of one row broken is refused as a whole, naming the line
    /// that row starts on.
    #[test]
    fn a_broken_field_refuses_the_report_at_its_line(
        layout in layout(),
        rows in prop::collection::vec(row(), 1..5),
        which in any::<Index>(),
        broken in break_(),
        at in any::<Index>(),
    ) {
        let k = which.index(rows.len());
        let mut written: Vec<Vec<Vec<u8>>> = rows.iter().map(|r| fields(r, &layout)).collect();
        written[k] = broken_fields(broken, &rows[k], &layout, at);
        let (file, lines) = write_file(&layout, &written);
        match parse(&file) {
            Err(UsageCsvError::Row { line, message }) => {
                prop_assert_eq!(line, lines[k], "{}\n{}", message, String::from_utf8_lossy(&file));
            }
            other => prop_assert!(false, "{:?}\n{}", other.map(|e| e.len()), String::from_utf8_lossy(&file)),
        }
    }

    /// Arbitrary bytes, after a valid header or not: no panic; a report that is accepted holds
    /// only valid events (ICCID as digits, amounts not negative, no time in the future, ids
    /// `csv-` and 32 hex digits), and a refusal names a line after the header.
    #[test]
    fn arbitrary_bytes_never_panic(
        header in prop_oneof![
            Just(&b""[..]),
            Just(&b"iccid,measured_at,data_remaining_mb\n"[..]),
            Just(&b"measured_at,iccid,data_remaining_mb,voice_remaining_min,sms_remaining\n"[..]),
        ],
        body in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..160),
            prop::collection::vec(select(b"0123456789899 ,,,\"\n\r.-:TZ+\xff".to_vec()), 0..160),
            "(89[0-9 ]{16,20},20[0-2][0-9]-0[1-9]-[0-2][1-9]T[01][0-9]:[0-5][0-9]:[0-5][0-9](Z|\\+0[0-9]:00),-?[0-9]{0,5}\n){1,4}"
                .prop_map(String::into_bytes),
        ],
    ) {
        let file: Vec<u8> = header.iter().chain(&body).copied().collect();
        let now = Utc::now();
        match parse(&file) {
            Ok(events) => {
                prop_assert!(!events.is_empty());
                for event in &events {
                    let FeedEvent::Usage { event_id, iccid, measured_at, data_remaining_mb, voice_remaining_min, sms_remaining } = event else {
                        return Err(TestCaseError::fail("only usage events come from a report"));
                    };
                    prop_assert_eq!(Iccid::parse(iccid).map(|i| i.as_str().to_string()), Ok(iccid.clone()));
                    prop_assert!(*measured_at <= now + chrono::Duration::minutes(5));
                    prop_assert!([data_remaining_mb, voice_remaining_min, sms_remaining].into_iter().flatten().all(|v| *v >= 0));
                    prop_assert!(event_id.len() == 36 && event_id.starts_with("csv-"));
                }
            }
            Err(UsageCsvError::Row { line, .. }) => prop_assert!(line >= 2),
            Err(UsageCsvError::Empty) => {}
            Err(UsageCsvError::Database(e)) => prop_assert!(false, "no database here: {}", e),
        }
    }
}
