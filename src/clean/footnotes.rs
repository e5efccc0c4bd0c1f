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
    (body, notes)
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
    fn numbers_are_not_markers() {
        assert_eq!(find_marker("F-16 en 2025 en nr.12", "1"), None);
        assert_eq!(find_marker("c.s.2 waar", "2"), Some(4));
    }
}
