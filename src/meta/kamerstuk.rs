//! The document's own parliamentary number: from the colophon the PDF prints on each page
//! (`Tweede Kamer, vergaderjaar 2023–2024, 28 676, nr. 449`), else from the heading the Kamer
//! prints at the top (`28 676 NAVO` and, a line or a few below, `Nr. 232`): `28 676, nr. 232`. A
//! heading without its dossier line takes the dossier the document cites most (`(28 676, nr.
//! 108)`). References to other Kamerstukken are never the document's number. Neither: no number.

/// How many lines from the top a heading's number is looked for.
const HEADING_LINES: usize = 12;

pub fn number(raw: &str) -> Option<String> {
    colophon(raw).or_else(|| heading(raw))
}

/// `28 676` or `21 501-28` at the start of `line` (a dossier number: two digits, a space, three).
fn dossier(line: &str) -> Option<&str> {
    let b = line.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    if !(digits(0..2) && b.get(2) == Some(&b' ') && digits(3..6)) {
        return None;
    }
    let mut end = 6;
    if b.get(6) == Some(&b'-') && b.get(7).is_some_and(u8::is_ascii_digit) {
        end = 7;
        while b.get(end).is_some_and(u8::is_ascii_digit) {
            end += 1;
        }
    }
    let boundary = b.get(end).is_none_or(|c| !c.is_ascii_alphanumeric());
    boundary.then(|| &line[..end])
}

/// The number of the heading: `Nr. 232` (or `nr. 69`) at the start of one of the first lines.
fn heading(raw: &str) -> Option<String> {
    let lines: Vec<&str> = raw.lines().map(str::trim).take(HEADING_LINES).collect();
    let nr = lines.iter().find_map(|l| {
        let rest = l.strip_prefix("Nr. ").or_else(|| l.strip_prefix("nr. "))?;
        let n: String = rest.chars().take_while(char::is_ascii_digit).collect();
        (!n.is_empty()
            && rest[n.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_ascii_digit()))
        .then_some(n)
    })?;
    let dossier = lines
        .iter()
        .find_map(|l| dossier(l))
        .map(str::to_string)
        .or_else(|| most_cited(raw))?;
    Some(format!("{dossier}, nr. {nr}"))
}

/// The dossier the document cites most: `(28 676, nr. 108)`, `Kamerstuk 28 676, nr. 387`.
fn most_cited(raw: &str) -> Option<String> {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for (at, _) in raw.match_indices(", nr. ") {
        let start = at.saturating_sub(10);
        let Some(before) = raw.get(start..at) else {
            continue;
        };
        let Some(i) = (0..before.len()).find(|&i| {
            before.is_char_boundary(i)
                && dossier(&before[i..]).is_some_and(|d| d.len() == before.len() - i)
        }) else {
            continue;
        };
        *counts.entry(&before[i..]).or_default() += 1;
    }
    // The most cited; of equals, the first in order.
    counts
        .into_iter()
        .rev()
        .max_by_key(|&(_, n)| n)
        .map(|(d, _)| d.to_string())
}

fn colophon(raw: &str) -> Option<String> {
    let at = raw.find("Kamer, vergaderjaar ")?;
    let line = raw[at..].lines().next()?;
    // `vergaderjaar 2023–2024, 28 676, nr. 449 1`: dossier and number follow the session years;
    // the page number after them is dropped.
    let (_, rest) = line.split_once("vergaderjaar ")?;
    let (_, rest) = rest.split_once(", ")?;
    let (dossier, nr) = rest.split_once(", nr. ")?;
    let nr = nr.split_whitespace().next()?;
    let valid = !dossier.is_empty()
        && dossier
            .chars()
            .all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
        && nr.chars().all(|c| c.is_ascii_digit());
    valid.then(|| format!("{dossier}, nr. {nr}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_colophon() {
        let raw =
            "tekst\n’s-Gravenhage 2024 Tweede Kamer, vergaderjaar 2023–2024, 28 676, nr. 449 1\n";
        assert_eq!(number(raw).as_deref(), Some("28 676, nr. 449"));
    }

    #[test]
    fn reads_the_heading() {
        assert_eq!(
            number("28 676 NAVO\n\nNr. 232 VERSLAG VAN EEN ALGEMEEN OVERLEG\n").as_deref(),
            Some("28 676, nr. 232")
        );
        assert_eq!(
            number("28 676\nNAVO\n\nnr. 69\nVERSLAG").as_deref(),
            Some("28 676, nr. 69")
        );
        // Several dossiers: the first is the document's.
        assert_eq!(
            number("28 676 NAVO\n21 501-28\nDefensieraad\nNr. 554\nBRIEF").as_deref(),
            Some("28 676, nr. 554")
        );
        // No dossier line: the dossier it cites most.
        let text = "Nr. 111 VERSLAG VAN EEN ALGEMEEN OVERLEG\nover de brief (28 676, nr. 108) en \
                    (28 676, nr. 103) en (31 200, nr. 1).";
        assert_eq!(number(text).as_deref(), Some("28 676, nr. 111"));
        assert_eq!(number("Nr. 12 zonder verwijzing"), None);
        assert_eq!(number("Zie nr. 12 hieronder"), None);
    }

    #[test]
    fn references_in_the_text_are_not_the_number() {
        assert_eq!(
            number("zie Kamerstuk 28 676, nr. 426 van 3 februari 2022"),
            None
        );
    }
}
