//! Footnotes. A PDF prints them at the foot of the page, in the middle of the text, and glues
//! their markers to the word they annotate (`luchtafweer.1`, `Model1`). Footnotes stay searchable:
//! they move to the end of the letter, and their markers come off the words.
//!
//! A line is footnote `n` when it starts with the number `n` (footnotes count 1, 2, 3, ...) and
//! the text before it holds the marker: `n` glued to a word or to its closing punctuation. The
//! nearest such marker before the footnote is the one removed. A footnote runs on until a blank
//! line, a line that starts with a space (a new page, in these letters) or the next footnote.

/// The lines of the body and the lines of the footnotes, in order.
pub fn extract(lines: Vec<String>) -> (Vec<String>, Vec<String>) {
    let mut body: Vec<String> = Vec::with_capacity(lines.len());
    let mut notes: Vec<String> = Vec::new();
    let mut expected = 1u32;
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        if numbered(line) == Some(expected) && unglue_marker(&mut body, expected) {
            notes.push(line.clone());
            i += 1;
            while i < lines.len() && continues_note(&lines[i], expected + 1) {
                notes.push(lines[i].clone());
                i += 1;
            }
            expected += 1;
            continue;
        }
        body.push(line.clone());
        i += 1;
    }
    unglue_orphans(&mut body);
    (body, notes)
}

/// Least markers in a row for markers without their footnotes to be taken for markers.
const ORPHANS_IN_A_ROW: usize = 3;

/// Markers whose footnotes the text lost (a copy that left out the foot of each page):
/// `Commission4`, `Afghanistan5`, `Pledge7`. A word then ends in a number that is no part of it,
/// and is found by no search for the word. Taken off only when at least
/// [`ORPHANS_IN_A_ROW`] such numbers follow each other in the text, each a little above the one
/// before (footnotes count up; a marker written apart, `Commission 3`, leaves a gap), each glued
/// to a word of four letters or more ending in a small letter: a code (`F35`, `SNMG1`) is in
/// capitals, and one word with a number (`Patriot2`) is no series.
fn unglue_orphans(body: &mut [String]) {
    let mut found: Vec<(usize, usize, usize, u32)> = Vec::new();
    for (l, line) in body.iter().enumerate() {
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let mut k = 0;
        while k < chars.len() {
            let letters = chars[k..]
                .iter()
                .take_while(|(_, c)| c.is_alphabetic())
                .count();
            let digits = chars[k + letters..]
                .iter()
                .take_while(|(_, c)| c.is_ascii_digit())
                .count();
            let word_start = k == 0 || !chars[k - 1].1.is_alphanumeric();
            let end = k + letters + digits;
            let ends = chars.get(end).is_none_or(|(_, c)| !c.is_alphanumeric());
            if word_start
                && letters >= 4
                && (1..=2).contains(&digits)
                && ends
                && chars[k + letters - 1].1.is_lowercase()
            {
                let at = chars[k + letters].0;
                let len = chars.get(end).map_or(line.len(), |(b, _)| *b) - at;
                if let Ok(n) = line[at..at + len].parse() {
                    found.push((l, at, len, n));
                }
            }
            k = end.max(k + 1);
        }
    }
    let series = found.len() >= ORPHANS_IN_A_ROW
        && found
            .windows(2)
            .all(|w| w[1].3 > w[0].3 && w[1].3 <= w[0].3 + 3);
    if series {
        for &(l, at, len, _) in found.iter().rev() {
            body[l].replace_range(at..at + len, "");
        }
    }
}

/// The number a line starts with, when it is followed by a space and text (`1 Kamerstuk ...`).
fn numbered(line: &str) -> Option<u32> {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &line[digits..];
    if !(1..=2).contains(&digits) || !rest.starts_with(' ') || rest.trim().is_empty() {
        return None;
    }
    line[..digits].parse().ok()
}

fn continues_note(line: &str, next: u32) -> bool {
    !line.trim().is_empty()
        && !line.starts_with(char::is_whitespace)
        && numbered(line) != Some(next)
}

/// Removes the last marker `n` from `body`; false when there is none.
fn unglue_marker(body: &mut [String], n: u32) -> bool {
    let marker = n.to_string();
    for line in body.iter_mut().rev() {
        if let Some(at) = find_marker(line, &marker) {
            line.replace_range(at..at + marker.len(), "");
            return true;
        }
    }
    false
}

/// The byte offset of the last `marker` in `line` that is glued to a word or its punctuation and
/// not part of a longer number.
fn find_marker(line: &str, marker: &str) -> Option<usize> {
    line.rmatch_indices(marker).map(|(at, _)| at).find(|&at| {
        let before = line[..at].chars().next_back();
        let after = line[at + marker.len()..].chars().next();
        let glued = before.is_some_and(|c| c.is_alphabetic() || matches!(c, '.' | ')' | ','));
        glued && !after.is_some_and(|c| c.is_ascii_digit() || c.is_alphabetic())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<String> {
        s.split('\n').map(str::to_string).collect()
    }

    #[test]
    fn moves_a_footnote_and_unglues_its_marker() {
        let page = lines(
            "de Oekraïense luchtafweer.1 Ook andere landen\n\n\
             1 Kamerstukken 36 045 en 22 054, nr. 164.\n Nederland en Denemarken",
        );
        let (body, notes) = extract(page);
        assert_eq!(
            body,
            lines("de Oekraïense luchtafweer. Ook andere landen\n\n Nederland en Denemarken")
        );
        assert_eq!(notes, ["1 Kamerstukken 36 045 en 22 054, nr. 164."]);
    }

    #[test]
    fn a_footnote_runs_over_lines_until_a_new_page() {
        let page = lines(
            "het NATO New Force Model1 kunnen vullen\n\
             1 Het NFM is het model waarmee de NAVO hoofdkwar-\ntieren kan oproepen.\n met enkele",
        );
        let (body, notes) = extract(page);
        assert_eq!(
            body,
            ["het NATO New Force Model kunnen vullen", " met enkele"]
        );
        assert_eq!(notes.len(), 2);
    }

    #[test]
    fn the_nearest_marker_before_the_footnote_is_removed() {
        let page = lines("SNMG1 eerder\ngeïnformeerd1 al\n1 Kamerstuk 28 676, nr. 472.");
        let (body, _) = extract(page);
        assert_eq!(body, ["SNMG1 eerder", "geïnformeerd al"]);
    }

    #[test]
    fn numbered_lines_without_a_marker_or_out_of_sequence_stay() {
        let text = lines("12 april tot en met 24 april 2025\n2 keer\n1 regel zonder marker");
        let (body, notes) = extract(text.clone());
        assert_eq!(body, text);
        assert!(notes.is_empty());
    }

    #[test]
    fn markers_whose_footnotes_are_lost_come_off_when_they_count_up() {
        let text = lines(
            "  • Joint statement of the NATO-Ukraine Commission 3\n\
             \x20 • Joint statement of the NATO-Georgia Commission4\n\
             \x20 • Warsaw Summit Declaration on Afghanistan5\n\
             \x20 • Cyber Defence Pledge7, en de resilience8.",
        );
        let (body, notes) = extract(text);
        assert!(notes.is_empty());
        assert_eq!(
            body[1],
            "  • Joint statement of the NATO-Georgia Commission"
        );
        assert_eq!(body[2], "  • Warsaw Summit Declaration on Afghanistan");
        assert_eq!(body[3], "  • Cyber Defence Pledge, en de resilience.");
        // No series: codes in capitals, one word with a number, numbers that do not count up.
        for kept in [
            "de F35 en de SNMG1 en de MQ9 met A400M",
            "het Patriot2 systeem",
            "de leerling3 en de ander2 en nog een5",
            "woord1 en nog woord2 en woord20",
        ] {
            let (body, _) = extract(lines(kept));
            assert_eq!(body, [kept], "{kept}");
        }
    }

    #[test]
    fn numbers_are_not_markers() {
        assert_eq!(find_marker("F-16 en 2025 en nr.12", "1"), None);
        assert_eq!(find_marker("c.s.2 waar", "2"), Some(4));
    }
}
