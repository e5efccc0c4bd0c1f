//! The minister who signed: the line after `De Minister van Defensie,` (any case), or the rest of
//! that line (`De minister van Defensie, J. S. J. Hillen`), without academic titles and initials
//! (`drs. K.H. Ollongren` -> `Ollongren`). A committee report's minister is the one the committee
//! debated with (`overleg gevoerd met minister Van Middelkoop van Defensie`, `met mevrouw
//! Ollongren, Minister van Defensie`). A letter signed by someone else (a civil servant's memo)
//! or not signed has no minister.

const TITLES: [&str; 6] = ["drs.", "dr.", "mr.", "ir.", "prof.", "ing."];

pub fn minister(body: &str) -> Option<String> {
    let mut lines = body.lines().map(str::trim).filter(|l| !l.is_empty());
    while let Some(line) = lines.next() {
        const SIGNS: &str = "de minister van defensie";
        // `De minister van Defensie, J. S. J. Hillen` on one line, or the name on the next. The
        // prefix is compared in place (ASCII case only): a lowercased copy may have other byte
        // lengths (`K` the Kelvin sign, `İ`), and its offsets would not fit the line.
        let same_line = strip_prefix_ci(line, SIGNS)
            .and_then(|rest| rest.strip_prefix(','))
            .map(str::trim)
            .filter(|rest| !rest.is_empty());
        if let Some(name) = same_line {
            return plausible(name);
        }
        if line.trim_end_matches(',').eq_ignore_ascii_case(SIGNS) {
            return plausible(lines.next()?);
        }
    }
    committee(body)
}

/// A committee report's minister: `overleg gevoerd met minister Van Middelkoop van Defensie`,
/// `met mevrouw Ollongren, Minister van Defensie`.
fn committee(body: &str) -> Option<String> {
    let at = body.find("overleg gevoerd met ")? + "overleg gevoerd met ".len();
    let rest: String = body[at..].chars().take(120).collect();
    let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    for lead in ["minister ", "mevrouw ", "de heer "] {
        let Some(after) = strip_prefix_ci(&rest, lead) else {
            continue;
        };
        let name = after
            .split([','])
            .next()?
            .split(" van Defensie")
            .next()?
            .trim();
        let defence = contains_defence(&after[name.len()..]);
        return defence.then(|| plausible(name)).flatten();
    }
    None
}

/// `text` after `prefix`, compared without ASCII case, in place.
fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// Whether the words after a name make it the minister of Defence.
fn contains_defence(after: &str) -> bool {
    let start: String = after.chars().take(40).collect::<String>().to_lowercase();
    start.contains("van defensie")
}

/// A name as a signature gives it, without titles, when it looks like one.
fn plausible(line: &str) -> Option<String> {
    let mut name = line;
    while let Some(t) = TITLES.iter().find(|t| name.to_lowercase().starts_with(*t)) {
        name = name[t.len()..].trim_start();
    }
    let plausible = name.split_whitespace().count() <= 4
        && name.chars().any(char::is_uppercase)
        && !name.chars().any(|c| c.is_ascii_digit());
    plausible.then(|| without_initials(name).to_string())
}

/// A name without its initials (`K.H. Ollongren`, `J. S. J. Hillen`, `A.Th.B. Bijleveld-Schouten`
/// -> `Ollongren`, `Hillen`, `Bijleveld-Schouten`): a committee report names a minister without
/// them, so with them one minister would be two values of the minister facet.
fn without_initials(name: &str) -> &str {
    let mut rest = name.trim();
    while let Some((word, after)) = rest.split_once(char::is_whitespace) {
        let initials = word.ends_with('.')
            && word.split_terminator('.').all(|i| {
                (1..=2).contains(&i.chars().count()) && i.chars().all(char::is_alphabetic)
            });
        if !initials {
            break;
        }
        rest = after.trim_start();
    }
    rest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_signature() {
        assert_eq!(
            minister("tekst\n\nDe Minister van Defensie,\nK.H. Ollongren\n").as_deref(),
            Some("Ollongren")
        );
        assert_eq!(
            minister("DE MINISTER VAN DEFENSIE\n\ndrs. K.H. Ollongren\n").as_deref(),
            Some("Ollongren")
        );
        assert_eq!(
            minister("De Minister van Defensie,\nA.Th.B. Bijleveld-Schouten\n").as_deref(),
            Some("Bijleveld-Schouten")
        );
        // Only initials: kept as they are, not an empty name.
        assert_eq!(
            minister("De Minister van Defensie,\nK.H.\n").as_deref(),
            Some("K.H.")
        );
    }

    #[test]
    fn reads_a_signature_on_one_line_and_a_committees_minister() {
        assert_eq!(
            minister(
                "De minister van Defensie, J. S. J. Hillen
"
            )
            .as_deref(),
            Some("Hillen")
        );
        assert_eq!(
            minister(
                "hebben op 7 oktober 2008 overleg gevoerd met minister Van Middelkoop van \
                      Defensie over:"
            )
            .as_deref(),
            Some("Van Middelkoop")
        );
        assert_eq!(
            minister(
                "heeft op 10 februari 2022 overleg gevoerd met mevrouw\nOllongren, Minister \
                      van Defensie, over:"
            )
            .as_deref(),
            Some("Ollongren")
        );
        // Letters whose lowercase has other byte lengths cut nothing in two (these panicked).
        assert_eq!(
            minister("De minister van Defensie,\u{212A}é").as_deref(),
            Some("\u{212A}é")
        );
        let turkish = format!(
            "overleg gevoerd met minister {} van Defensie.",
            "İ".repeat(30)
        );
        assert_eq!(minister(&turkish), Some("İ".repeat(30)));
        // Another minister than Defence's is none.
        assert_eq!(
            minister("overleg gevoerd met minister Koenders van Buitenlandse Zaken over:"),
            None
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
