//! CSV as RFC 4180 writes it: fields split by commas, a field in double quotes may hold commas,
//! line breaks and `""` for a quote; records end at CRLF or LF. A state machine of its own, not a
//! crate: a quote left open must stop the build at the line it opened on, which a reader that
//! takes the rest of the file as the field cannot say.

/// A record: the line it starts on (from 1), and its fields.
pub type Record = (usize, Vec<String>);

/// The records of `text`; or the line of a quote that is never closed, or of a quote in the
/// middle of a field, and what is wrong.
pub fn records(text: &str) -> Result<Vec<Record>, (usize, String)> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut start = 1;
    // Inside quotes; the quote's line; whether the field was quoted (its end must follow).
    let mut quoted = false;
    let mut opened = 0;
    let mut was_quoted = false;
    let mut chars = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .chars()
        .peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && !was_quoted => {
                quoted = true;
                was_quoted = true;
                opened = line;
            }
            '"' => return Err((line, "a quote in the middle of a field".into())),
            ',' => {
                record.push(std::mem::take(&mut field));
                was_quoted = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                was_quoted = false;
                if !(record.len() == 1 && record[0].is_empty()) {
                    records.push((start, std::mem::take(&mut record)));
                }
                record.clear();
                line += 1;
                start = line;
            }
            c if was_quoted => {
                return Err((line, after_quote(c)));
            }
            c => field.push(c),
        }
    }
    if quoted {
        return Err((opened, "a quote opened here is never closed".into()));
    }
    record.push(field);
    if !(record.len() == 1 && record[0].is_empty()) {
        records.push((start, record));
    }
    Ok(records)
}

fn after_quote(c: char) -> String {
    format!("{c:?} after a closing quote (a field in quotes ends at its quote)")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Vec<Record> {
        records(text).unwrap()
    }

    fn record(line: usize, fields: &[&str]) -> Record {
        (line, fields.iter().map(|f| f.to_string()).collect())
    }

    #[test]
    fn reads_quotes_commas_line_breaks_and_crlf() {
        let text =
            "\u{feff}id,title\r\na,\"Verslag, juni\"\r\nb,\"twee\nregels \"\"x\"\"\"\n\nc,\n";
        assert_eq!(
            ok(text),
            [
                record(1, &["id", "title"]),
                record(2, &["a", "Verslag, juni"]),
                record(3, &["b", "twee\nregels \"x\""]),
                record(6, &["c", ""]),
            ]
        );
    }

    #[test]
    fn an_unclosed_quote_is_an_error_at_its_line() {
        assert_eq!(
            records("id,title\na,b\nc,\"open\nd,e\n"),
            Err((3, "a quote opened here is never closed".into()))
        );
        assert_eq!(records("id\na\"b\n").unwrap_err().0, 2);
        assert!(records("id\n\"a\"b\n").is_err());
    }
}
