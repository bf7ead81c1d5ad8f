//! Which line of a CSV file a record starts on, counted as an editor counts them.
//!
//! The csv crate places a record's position where reading began, before the blank lines it
//! skips, and counts only `\n` as a line break; a record after a blank line, or in a file whose
//! lines end with a bare `\r`, would be reported on the wrong line.

/// Follows a file's records in order, counting `\r\n`, `\n` and a bare `\r` as line breaks.
pub(crate) struct Lines<'a> {
    input: &'a [u8],
    /// Where the last record started, and its line.
    offset: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(input: &'a [u8]) -> Lines<'a> {
        Lines {
            input,
            offset: 0,
            line: 1,
        }
    }

    /// The 1-based line the record just read starts on, or the record an error is about.
    /// Records must be given in the order they were read.
    pub(crate) fn of_record(&mut self, record: &Result<csv::StringRecord, csv::Error>) -> u64 {
        let position = match record {
            Ok(record) => record.position(),
            Err(e) => e.position(),
        };
        let Some(position) = position else {
            // Only an I/O error has no position, and reading from memory has none.
            return self.line + 1;
        };
        let input = self.input;
        let mut start = usize::try_from(position.byte())
            .map_or(input.len(), |b| b.min(input.len()))
            .max(self.offset);
        while start < input.len() && matches!(input[start], b'\r' | b'\n') {
            start += 1;
        }
        for at in self.offset..start {
            if input[at] == b'\n' || (input[at] == b'\r' && input.get(at + 1) != Some(&b'\n')) {
                self.line += 1;
            }
        }
        self.offset = start;
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &str) -> Vec<u64> {
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(input.as_bytes());
        let mut lines = Lines::new(input.as_bytes());
        reader.records().map(|r| lines.of_record(&r)).collect()
    }

    #[test]
    fn blank_lines_and_quoted_line_breaks_are_counted() {
        assert_eq!(lines("h\na\nb\n"), [2, 3]);
        assert_eq!(lines("h\n\na\n\n\nb"), [3, 6]);
        assert_eq!(lines("h\r\n\r\na\r\n\"b\r\nb\"\r\nc\r\n"), [3, 4, 6]);
        assert_eq!(lines("h\ra\r\rb"), [2, 4]);
    }
}
