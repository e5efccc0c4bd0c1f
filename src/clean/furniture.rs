//! Page furniture: the lines a PDF repeats on its pages that are not part of the letter
//! (`kst-28676-449`, `ISSN 0921 - 7371`, `’s-Gravenhage 2024 Tweede Kamer, vergaderjaar 2023–2024,
//! 28 676, nr. 449 1`). They are removed with the blank lines around them, so the sentence that a
//! page break interrupted joins up again.

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

/// `lines` without furniture lines and the blank lines next to them.
pub fn remove(lines: Vec<String>) -> Vec<String> {
    let mut drop = vec![false; lines.len()];
    let blank = |i: usize| lines[i].trim().is_empty();
    for i in (0..lines.len()).filter(|&i| is_furniture(&lines[i])) {
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
    fn keeps_body_lines_that_only_look_alike() {
        let body = "Kamerstuk 28 676, nr. 472 van 8 november 2024.\nkst-rapport\nISSN-nummer";
        assert_eq!(remove(lines(body)), lines(body));
    }
}
