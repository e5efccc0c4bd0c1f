//! The minister who signed: the line after `De Minister van Defensie,` (any case), without
//! academic titles (`drs. K.H. Ollongren` -> `K.H. Ollongren`). A letter signed by someone else
//! (a civil servant's memo) or not signed has no minister.

const TITLES: [&str; 6] = ["drs.", "dr.", "mr.", "ir.", "prof.", "ing."];

pub fn minister(body: &str) -> Option<String> {
    let mut lines = body.lines().map(str::trim).filter(|l| !l.is_empty());
    while let Some(line) = lines.next() {
        if line
            .trim_end_matches(',')
            .eq_ignore_ascii_case("de minister van defensie")
        {
            let mut name = lines.next()?;
            while let Some(t) = TITLES.iter().find(|t| name.to_lowercase().starts_with(*t)) {
                name = name[t.len()..].trim_start();
            }
            let plausible = name.split_whitespace().count() <= 4
                && name.chars().any(char::is_uppercase)
                && !name.chars().any(|c| c.is_ascii_digit());
            return plausible.then(|| name.to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_signature() {
        assert_eq!(
            minister("tekst\n\nDe Minister van Defensie,\nK.H. Ollongren\n").as_deref(),
            Some("K.H. Ollongren")
        );
        assert_eq!(
            minister("DE MINISTER VAN DEFENSIE\n\ndrs. K.H. Ollongren\n").as_deref(),
            Some("K.H. Ollongren")
        );
    }

    #[test]
    fn no_signature_no_minister() {
        assert_eq!(minister("DE DIRECTEUR-GENERAAL BELEID\n"), None);
        assert_eq!(minister("De Minister van Defensie,"), None);
        assert_eq!(
            minister("De Minister van Defensie,\n1 Kamerstuk 28 676, nr. 4."),
            None
        );
    }
}
