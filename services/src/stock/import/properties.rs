//! Property tests of the stock file's row parsing (`read_rows`: header, then each row checked on
//! its own, no database), 100,000 generated files each: valid rows are read as exactly their
//! fields on their own line, a row with one field broken is rejected with that field's problem
//! while the others are still read, and arbitrary bytes never panic.
use super::*;
use domain::esim_ids::luhn_valid;
use proptest::prelude::*;
use proptest::sample::{Index, select};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 100_000,
        ..ProptestConfig::default()
    }
}

const SLUGS: [&str; 4] = ["eu-5gb", "world-1gb", "asia-10gb-30d", "us"];

fn plan_id(slug_index: usize) -> Uuid {
    Uuid::from_u128(slug_index as u128 + 1)
}

fn plans() -> HashMap<String, Uuid> {
    SLUGS
        .iter()
        .enumerate()
        .map(|(i, slug)| (slug.to_string(), plan_id(i)))
        .collect()
}

/// One stock row as generated: what each field holds.
#[derive(Clone, Debug)]
struct Row {
    /// 18–22 digits starting with 89; the check digit is right or not, as in real stock.
    iccid: String,
    /// How the ICCID is written: spaces and dashes may split it.
    iccid_written: String,
    host: String,
    matching_id: String,
    /// `$$1` at the end of the activation code (only in files with that column).
    confirmation_in_code: bool,
    confirmation_code: String,
    carrier: String,
    /// Indexes into `SLUGS`.
    plans: Vec<usize>,
    plan_separator: &'static str,
}

impl Row {
    fn activation_code(&self) -> String {
        let flag = if self.confirmation_in_code { "$$1" } else { "" };
        format!("LPA:1${}${}{flag}", self.host, self.matching_id)
    }

    fn plans_field(&self) -> String {
        self.plans
            .iter()
            .map(|&i| SLUGS[i])
            .collect::<Vec<_>>()
            .join(self.plan_separator)
    }
}

/// `n` characters of `alphabet`, drawn from `seed` (generating text from regular expressions
/// cost most of these tests' time).
fn text_from(mut seed: u64, n: usize, alphabet: &[char]) -> String {
    (0..n)
        .map(|_| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            alphabet[(seed >> 33) as usize % alphabet.len()]
        })
        .collect()
}

const DIGITS: [char; 10] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/// 18–22 digits starting with 89, and the same written with a space or a dash here and there.
fn iccid() -> impl Strategy<Value = (String, String)> {
    (any::<u64>(), 16usize..=20, any::<u64>(), any::<u64>()).prop_map(|(seed, n, a, b)| {
        let iccid = format!("89{}", text_from(seed, n, &DIGITS));
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

fn host() -> impl Strategy<Value = String> {
    (
        select(vec!["smdp", "rsp", "a", "x9", "esim-prod", "sm-v4-001", "0", "dp-plus"]),
        prop::option::of(select(vec!["eu", "prod-2", "z"])),
        select(vec!["com", "io", "example.net", "co.uk"]),
        prop::option::of(1u16..),
    )
        .prop_map(|(first, second, tld, port)| {
            let mut host = first.to_string();
            for label in second.into_iter().chain([tld]) {
                host.push('.');
                host.push_str(label);
            }
            if let Some(port) = port {
                host.push_str(&format!(":{port}"));
            }
            host
        })
}

const ID_CHARS: [char; 37] = [
    'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W',
    'X', 'Y', 'Z', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '-',
];

/// Provider text: commas, quotes and line breaks (quoted in the file), spaces at the ends
/// (trimmed), letters beyond ASCII.
const CARRIER_CHARS: [char; 16] = [
    ' ', 'A', 'z', '0', ',', '"', '\'', '\n', '\r', '&', 'é', '—', ';', '|', 'ß', '\t',
];

fn row() -> impl Strategy<Value = Row> {
    (
        iccid(),
        host(),
        (any::<u64>(), 1usize..=30).prop_map(|(seed, n)| text_from(seed, n, &ID_CHARS)),
        any::<bool>(),
        prop_oneof![Just(String::new()), any::<u32>().prop_map(|n| format!("{n:X}"))],
        prop_oneof![
            Just(String::new()),
            (any::<u64>(), 1usize..16).prop_map(|(seed, n)| text_from(seed, n, &CARRIER_CHARS))
        ],
        prop::collection::vec(0..SLUGS.len(), 1..=3),
        select(vec![";", "|", " ; ", ";;"]),
    )
        .prop_map(
            |(
                (iccid, iccid_written),
                host,
                matching_id,
                confirmation_in_code,
                confirmation_code,
                carrier,
                plans,
                sep,
            )| {
                Row {
                    iccid,
                    iccid_written,
                    host,
                    matching_id,
                    confirmation_in_code,
                    confirmation_code,
                    carrier,
                    plans,
                    plan_separator: sep,
                }
            },
        )
}

/// How a file is laid out: which columns, in what order and spelling, and how lines end.
#[derive(Clone, Debug)]
struct Layout {
    /// One `activation_code` column rather than `smdp_address` and `matching_id`.
    activation_code_column: bool,
    confirmation_code_column: bool,
    carrier_column: bool,
    /// The columns present, shuffled.
    columns: Vec<&'static str>,
    /// Upper-cases the header names, and pads them with spaces.
    shouting: bool,
    crlf: bool,
    /// A blank line after each row (the `bool` of each row).
    blank_after: Vec<bool>,
}

fn layout() -> impl Strategy<Value = Layout> {
    (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec(any::<Index>(), 8),
        any::<bool>(),
        any::<bool>(),
        prop::collection::vec(prop::bool::weighted(0.15), 8),
    )
        .prop_map(|(ac, cc, carrier, notes, order, shouting, crlf, blank_after)| {
            let mut columns = vec!["iccid", "plans"];
            if ac {
                columns.push("activation_code");
            } else {
                columns.extend(["smdp_address", "matching_id"]);
            }
            if cc {
                columns.push("confirmation_code");
            }
            if carrier {
                columns.push("carrier");
            }
            if notes {
                columns.push("notes");
            }
            // A Fisher–Yates shuffle driven by the generated indexes.
            for i in (1..columns.len()).rev() {
                columns.swap(i, order[i].index(i + 1));
            }
            Layout {
                activation_code_column: ac,
                confirmation_code_column: cc,
                carrier_column: carrier,
                columns,
                shouting,
                crlf,
                blank_after,
            }
        })
}

impl Layout {
    fn terminator(&self) -> &'static [u8] {
        if self.crlf { b"\r\n" } else { b"\n" }
    }
}

/// One CSV record, terminated.
fn record_bytes(fields: &[Vec<u8>], layout: &Layout) -> Vec<u8> {
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
}

/// Line breaks as an editor counts them: `\r\n`, `\n` or a bare `\r`.
fn line_breaks(text: &[u8]) -> u64 {
    let crlf = text.windows(2).filter(|w| w == b"\r\n").count();
    (text.iter().filter(|b| matches!(b, b'\r' | b'\n')).count() - crlf) as u64
}

/// The file, and the line each row starts on.
fn write_file(layout: &Layout, rows: &[Vec<Vec<u8>>]) -> (Vec<u8>, Vec<u64>) {
    let columns = &layout.columns;
    let header: Vec<Vec<u8>> = columns
        .iter()
        .map(|c| {
            if layout.shouting {
                format!(" {} ", c.to_uppercase()).into_bytes()
            } else {
                c.as_bytes().to_vec()
            }
        })
        .collect();
    let mut file = record_bytes(&header, layout);
    let mut lines = vec![];
    for (i, fields) in rows.iter().enumerate() {
        lines.push(line_breaks(&file) + 1);
        file.extend(record_bytes(fields, layout));
        if layout.blank_after[i % layout.blank_after.len()] {
            file.extend(layout.terminator());
        }
    }
    (file, lines)
}

/// The fields of `row` in the layout's column order.
fn fields(row: &Row, layout: &Layout) -> Vec<Vec<u8>> {
    layout
        .columns
        .iter()
        .map(|column| match *column {
            "iccid" => row.iccid_written.clone(),
            "plans" => row.plans_field(),
            "activation_code" => row.activation_code(),
            "smdp_address" => row.host.clone(),
            "matching_id" => row.matching_id.clone(),
            "confirmation_code" => row.confirmation_code.clone(),
            "carrier" => row.carrier.clone(),
            "notes" => "a note, \"quoted\"".to_string(),
            other => unreachable!("{other}"),
        })
        .map(String::into_bytes)
        .collect()
}

/// What the row must be read as in this layout.
fn expected(row: &Row, layout: &Layout) -> (String, bool, ActivationCode, Option<String>, Option<String>, Vec<Uuid>) {
    let some = |s: &str, column: bool| Some(s.trim().to_string()).filter(|s| column && !s.is_empty());
    let confirmation_code = some(&row.confirmation_code, layout.confirmation_code_column);
    let code = ActivationCode {
        smdp_address: row.host.clone(),
        matching_id: row.matching_id.clone(),
        confirmation_required: (layout.activation_code_column && row.confirmation_in_code)
            || confirmation_code.is_some(),
    };
    (
        row.iccid.clone(),
        luhn_valid(&row.iccid),
        code,
        confirmation_code,
        some(&row.carrier, layout.carrier_column),
        row.plans.iter().map(|&i| plan_id(i)).collect(),
    )
}

fn read(file: &[u8]) -> Vec<(u64, Checked)> {
    let plans = plans();
    match read_rows(file, &plans) {
        Ok(rows) => rows.collect(),
        Err(e) => panic!("the header was refused: {e}"),
    }
}

fn as_tuple(c: &Candidate) -> (String, bool, ActivationCode, Option<String>, Option<String>, Vec<Uuid>) {
    (
        c.iccid.clone(),
        c.check_digit_ok,
        c.code.clone(),
        c.confirmation_code.clone(),
        c.carrier.clone(),
        c.plan_ids.clone(),
    )
}

/// One field of one row broken, and how the row must then be rejected.
#[derive(Clone, Copy, Debug)]
enum Break {
    IccidLetter(char),
    IccidShort,
    IccidPrefix,
    IccidEmpty,
    HostCharacter(char),
    MatchingIdCharacter(char),
    UnknownPlan,
    NoPlans(&'static str),
    /// Bytes that are not UTF-8 in the carrier (or the ICCID when there is no carrier column).
    NotUtf8,
}

fn break_() -> impl Strategy<Value = Break> {
    prop_oneof![
        select(vec!['x', 'O', '٣', '.', '\u{0}']).prop_map(Break::IccidLetter),
        Just(Break::IccidShort),
        Just(Break::IccidPrefix),
        Just(Break::IccidEmpty),
        select(vec!['_', ' ', '/', 'é']).prop_map(Break::HostCharacter),
        select(vec!['!', '_', ' ', '.', 'ß']).prop_map(Break::MatchingIdCharacter),
        Just(Break::UnknownPlan),
        select(vec!["", ";", " | ; "]).prop_map(Break::NoPlans),
        Just(Break::NotUtf8),
    ]
}

fn insert_inside(text: &str, at: Index, c: char) -> String {
    let positions: Vec<usize> = text.char_indices().map(|(i, _)| i).skip(1).collect();
    let mut out = text.to_string();
    if positions.is_empty() {
        out.push(c);
        out.push('x');
    } else {
        out.insert(positions[at.index(positions.len())], c);
    }
    out
}

/// Breaks `row`'s fields (already laid out) and answers the rejection expected: the ICCID as
/// written in the row (trimmed) and the problem.
fn apply(broken: Break, row: &Row, layout: &Layout, at: Index) -> (Vec<Vec<u8>>, String, RowProblem) {
    let mut bad = row.clone();
    let problem = match broken {
        Break::IccidLetter(c) => {
            bad.iccid_written = insert_inside(&row.iccid_written, at, c);
            RowProblem::Iccid(IdProblem::IccidNotDigits)
        }
        Break::IccidShort => {
            bad.iccid_written = row.iccid[..10].to_string();
            RowProblem::Iccid(IdProblem::IccidLength)
        }
        Break::IccidPrefix => {
            bad.iccid_written = format!("98{}", &row.iccid[2..]);
            RowProblem::Iccid(IdProblem::IccidPrefix)
        }
        Break::IccidEmpty => {
            bad.iccid_written = String::new();
            RowProblem::Iccid(IdProblem::IccidNotDigits)
        }
        Break::HostCharacter(c) => {
            bad.host = insert_inside(&row.host, at, c);
            RowProblem::SmdpAddress
        }
        Break::MatchingIdCharacter(c) => {
            bad.matching_id = insert_inside(&row.matching_id, at, c);
            RowProblem::MatchingId
        }
        Break::UnknownPlan => {
            bad.plans.push(usize::MAX);
            RowProblem::UnknownPlan("no-such-plan".into())
        }
        Break::NoPlans(_) => RowProblem::NoPlans,
        Break::NotUtf8 => RowProblem::Malformed,
    };
    let mut out: Vec<Vec<u8>> = fields(
        &Row {
            plans: vec![],
            ..bad.clone()
        },
        layout,
    );
    let columns = &layout.columns;
    let plans_at = columns.iter().position(|c| *c == "plans").expect("plans column");
    out[plans_at] = match broken {
        Break::NoPlans(text) => text.into(),
        _ => {
            let mut slugs: Vec<&str> = bad
                .plans
                .iter()
                .map(|&i| SLUGS.get(i).copied().unwrap_or("no-such-plan"))
                .collect();
            if slugs.is_empty() {
                slugs.push(SLUGS[0]);
            }
            slugs.join(bad.plan_separator).into_bytes()
        }
    };
    let iccid = if matches!(broken, Break::NotUtf8) {
        let target = columns
            .iter()
            .position(|c| *c == "carrier")
            .unwrap_or_else(|| columns.iter().position(|c| *c == "iccid").expect("iccid column"));
        out[target].extend([b'\xff', b'\xfe']);
        String::new()
    } else {
        bad.iccid_written.trim().to_string()
    };
    (out, iccid, problem)
}

proptest! {
    #![proptest_config(config())]

    /// A file of valid rows, in any column order and header spelling, with or without blank
    /// lines, quoted fields and CRLF, is read row by row as exactly the fields written, each on
    /// the line it starts on.
    #[test]
    fn valid_rows_are_read_as_written(layout in layout(), rows in prop::collection::vec(row(), 1..5)) {
        let written: Vec<Vec<Vec<u8>>> = rows.iter().map(|r| fields(r, &layout)).collect();
        let (file, lines) = write_file(&layout, &written);
        let read = read(&file);
        prop_assert_eq!(read.len(), rows.len());
        for ((row, line), (read_line, checked)) in rows.iter().zip(&lines).zip(&read) {
            prop_assert_eq!(read_line, line, "{}", String::from_utf8_lossy(&file));
            match checked {
                Ok(candidate) => prop_assert_eq!(as_tuple(candidate), expected(row, &layout)),
                Err(rejected) => prop_assert!(false, "rejected {:?}\n{}", rejected, String::from_utf8_lossy(&file)),
            }
        }
    }

    /// The same file with one field of one row broken: that row is rejected, on its line, with
    /// the ICCID as written and the problem of that field; every other row is read as before.
    #[test]
    fn a_broken_field_rejects_only_its_row(
        layout in layout(),
        rows in prop::collection::vec(row(), 1..5),
        which in any::<Index>(),
        broken in break_(),
        at in any::<Index>(),
    ) {
        let k = which.index(rows.len());
        let (bad_fields, iccid, problem) = apply(broken, &rows[k], &layout, at);
        let mut written: Vec<Vec<Vec<u8>>> = rows.iter().map(|r| fields(r, &layout)).collect();
        written[k] = bad_fields;
        let (file, lines) = write_file(&layout, &written);
        let read = read(&file);
        prop_assert_eq!(read.len(), rows.len(), "{}", String::from_utf8_lossy(&file));
        for (i, (row, (read_line, checked))) in rows.iter().zip(&read).enumerate() {
            prop_assert_eq!(*read_line, lines[i]);
            if i == k {
                match checked {
                    Err(rejection) => prop_assert_eq!(rejection, &(iccid.clone(), problem.clone())),
                    Ok(_) => prop_assert!(false, "accepted\n{}", String::from_utf8_lossy(&file)),
                }
            } else {
                match checked {
                    Ok(candidate) => prop_assert_eq!(as_tuple(candidate), expected(row, &layout)),
                    Err(rejected) => prop_assert!(false, "row {} rejected {:?}", i, rejected),
                }
            }
        }
    }

    /// Arbitrary bytes, after a valid header or not: no panic; either the header is refused
    /// (missing column or unreadable) or each row comes back once, in order, and whatever is
    /// accepted satisfies every rule of a stock row.
    #[test]
    fn arbitrary_bytes_never_panic(
        header in prop_oneof![
            Just(&b""[..]),
            Just(&b"iccid,activation_code,plans,carrier\n"[..]),
            Just(&b"ICCID;smdp_address;matching_id;plans\n"[..]),
            Just(&b"plans,iccid,smdp_address,matching_id,confirmation_code\n"[..]),
        ],
        body in prop_oneof![
            prop::collection::vec(any::<u8>(), 0..160),
            prop::collection::vec(
                select(b"0123456789899 ,,,;|\"\n\r.-:$LPAaz\xff".to_vec()),
                0..160,
            ),
            "(89[0-9 ]{16,20},LPA:1\\$[a-z.]{1,8}\\$[A-Z0-9 ]{1,8},[a-z;|\\-0-9]{0,14}\n){1,4}".prop_map(String::into_bytes),
        ],
    ) {
        let plans = plans();
        let file: Vec<u8> = header.iter().chain(&body).copied().collect();
        let rows = match read_rows(&file[..], &plans) {
            Ok(rows) => rows,
            Err(ImportError::MissingColumn(_) | ImportError::Unreadable(_)) => return Ok(()),
            Err(other) => return Err(TestCaseError::fail(format!("unexpected {other}"))),
        };
        let mut last_line = 1;
        for (line, checked) in rows {
            prop_assert!(line > last_line, "lines go forward");
            last_line = line;
            match checked {
                Ok(c) => {
                    let iccid = Iccid::parse(&c.iccid);
                    prop_assert_eq!(iccid.as_ref().map(Iccid::as_str), Ok(c.iccid.as_str()));
                    prop_assert_eq!(c.check_digit_ok, luhn_valid(&c.iccid));
                    prop_assert!(ActivationCode::new(&c.code.smdp_address, &c.code.matching_id, false).is_ok());
                    prop_assert!(!c.plan_ids.is_empty());
                    prop_assert!(c.plan_ids.iter().all(|id| plans.values().any(|p| p == id)));
                    for text in [&c.carrier, &c.confirmation_code].into_iter().flatten() {
                        prop_assert!(!text.is_empty() && text.trim() == text);
                    }
                    prop_assert!(c.confirmation_code.is_none() || c.code.confirmation_required);
                }
                Err((iccid, RowProblem::Iccid(problem))) => {
                    prop_assert_eq!(Iccid::parse(&iccid), Err(problem));
                }
                Err((_, RowProblem::UnknownPlan(slug))) => prop_assert!(!slug.is_empty() && !plans.contains_key(&slug)),
                Err((_, RowProblem::DuplicateInFile | RowProblem::AlreadyInStock)) => {
                    prop_assert!(false, "only the database and the whole file can say that");
                }
                Err(_) => {}
            }
        }
    }
}
