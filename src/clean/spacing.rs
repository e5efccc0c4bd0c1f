//! Double line spacing: some letters put a blank line after every line of text, paragraph ends
//! included. There, one blank line is only a line break: it is removed, so the lines of a
//! sentence (and a word broken over them) stand together as in the other letters.

/// Share of text lines followed by exactly one blank line above which a letter is double-spaced.
const DOUBLE_SPACED: f32 = 0.5;

pub fn undouble(lines: Vec<String>) -> Vec<String> {
    let blank: Vec<bool> = lines.iter().map(|l| l.trim().is_empty()).collect();
    let text_lines = blank.iter().filter(|b| !**b).count();
    let single_gaps = (0..lines.len().saturating_sub(2))
        .filter(|&i| !blank[i] && blank[i + 1] && !blank[i + 2])
        .count();
    if text_lines == 0 || (single_gaps as f32) < DOUBLE_SPACED * text_lines as f32 {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        if blank[i] {
            // A run of n blank lines becomes n - 1.
            let run = (i..lines.len()).take_while(|&j| blank[j]).count();
            out.extend(lines[i + 1..i + run].iter().cloned());
            i += run;
        } else {
            out.push(lines[i].clone());
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str) -> Vec<String> {
        s.split('\n').map(str::to_string).collect()
    }

    #[test]
    fn collapses_double_spacing() {
        let text =
            lines("Op 8 juni \n\n2023 is over de DMM\n\ngesproken.\n\n\n\nNieuw kopje\n\nregel");
        assert_eq!(
            undouble(text),
            lines("Op 8 juni \n2023 is over de DMM\ngesproken.\n\n\nNieuw kopje\nregel")
        );
    }

    #[test]
    fn leaves_single_spaced_letters_alone() {
        let text = lines("een\ntwee\ndrie\n\nvier\nvijf\nzes");
        assert_eq!(undouble(text.clone()), text);
    }
}
