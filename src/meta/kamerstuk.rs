//! The letter's own parliamentary number, from the colophon the PDF prints on each page
//! (`Tweede Kamer, vergaderjaar 2023–2024, 28 676, nr. 449`): `28 676, nr. 449`. References to
//! other Kamerstukken in the text are not the letter's number. No colophon: no number.

pub fn number(raw: &str) -> Option<String> {
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
    fn references_in_the_text_are_not_the_number() {
        assert_eq!(
            number("zie Kamerstuk 28 676, nr. 426 van 3 februari 2022"),
            None
        );
    }
}
