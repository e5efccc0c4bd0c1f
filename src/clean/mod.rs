//! Clean-up of letters extracted from PDFs, before analysis: line endings and trailing spaces
//! normalised, so offsets and excerpts are stable.

pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn normalises_line_endings_and_trailing_space() {
        assert_eq!(clean("a  \r\nb\n"), "a\nb\n");
    }
}
