//! Page furniture: the lines a PDF repeats on its pages that are not part of the letter
//! (`kst-28676-449`, `ISSN 0921 - 7371`, `’s-Gravenhage 2024 Tweede Kamer, vergaderjaar 2023–2024,
//! 28 676, nr. 449 1`). They are removed with the blank lines around them, so the sentence that a
//! page break interrupted joins up again.
//!
//! Where the text marks its page breaks (a form feed, as `pdftotext` and the PDF reader write
//! them), the lines a ministry letter repeats on each page go too: the page number (`Pagina 2 van
//! 3`) and, at the top of a page after the first, the running column of the letterhead (`Datum 20
//! juni 2023`, `Onze referentie BS2023014872`). The form feeds themselves go last.

use crate::say::cat;

fn is_furniture(line: &str) -> bool {
    let t = line.trim();
    let code = |rest: &str, extra: &[char]| {
        !rest.is_empty()
            && rest
                .chars()
                .all(|c| c.is_ascii_digit() || extra.contains(&c))
            && rest.chars().any(|c| c.is_ascii_digit())
    };
    t.strip_prefix("kst-")
        .is_some_and(|rest| code(rest, &['-']))
        || t.strip_prefix("ISSN ")
            .is_some_and(|rest| code(rest, &['-', ' ']))
        || t.contains("Kamer, vergaderjaar ")
}

/// `Pagina 2 van 3`, `Page 2 of 3`: a page number, alone on its line.
fn is_page_number(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let number = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    matches!(words.as_slice(),
        [label, n, of, m] if matches!(label.to_lowercase().as_str(), "pagina" | "page")
            && matches!(of.to_lowercase().as_str(), "van" | "of")
            && number(n) && number(m))
}

/// The labels of a ministry letter's running column, which heads each page after the first.
const RUNNING: [&str; 7] = [
    "datum",
    "onze referentie",
    "ons kenmerk",
    "kenmerk",
    "uw referentie",
    "uw kenmerk",
    "pagina",
];

/// What a line of the running column is: a label alone (its value on the next line), a label
/// and its value (`Datum 20 juni 2023`, `Onze referentie BS2023014872`: a few words, one with a
/// digit, the first), or a reference alone (no spaces, with digits), the value of the label above it. A
/// sentence that starts with a label's word (`Datum van inwerkingtreding is ...`) is none.
#[derive(Clone, Copy, PartialEq)]
enum Running {
    Label,
    Labelled,
    Reference,
    None,
}

fn running(line: &str) -> Running {
    let t = line.trim().to_lowercase();
    for label in RUNNING {
        let Some(rest) = t.strip_prefix(label) else {
            continue;
        };
        if rest.is_empty() {
            return Running::Label;
        }
        // The value is a date or a reference: its first word has a digit. Two columns side by
        // side may run into one line: `Datum 20 juni 2023 Onze referentie BS2`.
        let first = rest.split_whitespace().next().unwrap_or("");
        let words = rest.split_whitespace().count();
        if rest.starts_with(char::is_whitespace)
            && words <= 7
            && first.contains(|c: char| c.is_ascii_digit())
        {
            return Running::Labelled;
        }
    }
    let reference = !t.contains(char::is_whitespace)
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars().all(|c| c.is_alphanumeric() || "-/.".contains(c));
    if reference {
        Running::Reference
    } else {
        Running::None
    }
}

/// The most lines of a running column at a page's top.
const RUNNING_LINES: usize = 6;

/// Which lines a page break brings: page numbers anywhere in a text with page breaks, and the
/// running column's lines that open a page after the first (up to the first line that is not).
fn page_furniture(lines: &[String]) -> Vec<bool> {
    let mut drop = vec![false; lines.len()];
    if !lines.iter().any(|l| l.contains('\u{c}')) {
        return drop;
    }
    // Lines of the running column still possible at this page's top, and the last one's kind.
    let mut left = 0;
    let mut last = Running::None;
    for (i, line) in lines.iter().enumerate() {
        if line.contains('\u{c}') {
            (left, last) = (RUNNING_LINES, Running::None);
        }
        let text = line.replace('\u{c}', "");
        if text.trim().is_empty() {
            continue;
        }
        if is_page_number(&text) {
            drop[i] = true;
            continue;
        }
        let kind = running(&text);
        // A reference alone is the value of a label above it, not a line of the text.
        let column = match kind {
            Running::Label | Running::Labelled => true,
            Running::Reference => last == Running::Label,
            Running::None => false,
        };
        if left == 0 || !column {
            left = 0;
            continue;
        }
        drop[i] = true;
        left -= 1;
        last = kind;
    }
    drop
}

/// `lines` without furniture lines and the blank lines next to them, and without form feeds.
pub fn remove(lines: Vec<String>) -> Vec<String> {
    let paged = page_furniture(&lines);
    // A page's first line of text starts with a space, as the letters' text does where a new page
    // begins: a footnote at the foot of the page before ends there (`footnotes.rs`).
    let mut new_page = false;
    let lines: Vec<String> = lines
        .into_iter()
        .zip(&paged)
        .map(|(line, &page)| {
            new_page |= line.contains('\u{c}');
            let line = line.replace('\u{c}', "");
            if page || line.trim().is_empty() {
                return if page { String::new() } else { line };
            }
            match std::mem::take(&mut new_page) && !line.starts_with(char::is_whitespace) {
                true => cat!(" ", line),
                false => line,
            }
        })
        .collect();
    let mut drop = vec![false; lines.len()];
    let blank = |i: usize| lines[i].trim().is_empty();
    for i in (0..lines.len()).filter(|&i| paged[i] || is_furniture(&lines[i])) {
        drop[i] = true;
        let mut j = i;
        while j > 0 && blank(j - 1) {
            j -= 1;
            drop[j] = true;
        }
        let mut k = i + 1;
        while k < lines.len() && blank(k) {
            drop[k] = true;
            k += 1;
        }
    }
    lines
        .into_iter()
        .zip(drop)
        .filter_map(|(line, d)| (!d).then_some(line))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<String> {
        s.lines().map(str::to_string).collect()
    }

    #[test]
    fn removes_the_furniture_of_a_kamerstuk_page() {
        let page = "het NATO New Force \n\n \n \nkst-28676-449\nISSN 0921 - 7371\n\
                    ’s-Gravenhage 2024 Tweede Kamer, vergaderjaar 2023–2024, 28 676, nr. 449 1\n\n\n\n\
                    Model kunnen vullen";
        assert_eq!(
            remove(lines(page)),
            ["het NATO New Force ", "Model kunnen vullen"]
        );
    }

    #[test]
    fn removes_page_numbers_and_the_running_column_where_pages_are_marked() {
        let pages = "Datum 20 juni 2023\nBetreft Verslag\n\nde steun aan\n\nPagina 1 van 2\n\
                     \u{c}Datum 20 juni 2023\nOnze referentie\nBS2023014872\n\nOekraïne bleef\n\
                     Datum en plaats volgen.\n\nPagina 2 van 2\n\u{c}";
        assert_eq!(
            remove(lines(pages)),
            [
                "Datum 20 juni 2023",
                "Betreft Verslag",
                "",
                "de steun aan",
                " Oekraïne bleef",
                "Datum en plaats volgen."
            ]
        );
        // A sentence that begins with a label's word, or a number alone, opens a page as text.
        let text = "eerste\n\u{c}Datum van inwerkingtreding is 1 januari.\nmeer\n\u{c}2024.\n\
                    Kenmerk van dit beleid is 3 keer.\n\u{c}Ons kenmerk\nBS2024-1\nslot";
        assert_eq!(
            remove(lines(text)),
            [
                "eerste",
                " Datum van inwerkingtreding is 1 januari.",
                "meer",
                " 2024.",
                "Kenmerk van dit beleid is 3 keer.",
                " slot"
            ]
        );
        // Without page marks a line reading "Pagina 3 van 4" is the letter's own.
        let plain = lines("zie Pagina 3 van 4\nPagina 3 van 4");
        assert_eq!(remove(plain.clone()), plain);
    }

    #[test]
    fn keeps_body_lines_that_only_look_alike() {
        let body = "Kamerstuk 28 676, nr. 472 van 8 november 2024.\nkst-rapport\nISSN-nummer";
        assert_eq!(remove(lines(body)), lines(body));
    }
}
