//! A site owner's synonyms (`kamerzoek build --synonyms FILE`): one group of equivalent terms a
//! line, separated by commas (`lastenverdeling, burden sharing, 2%-norm`); `#` starts a comment
//! line. Each term may be several words. A line that cannot be used is a warning naming it; the
//! other lines are used.

use super::derivations::phrase;
use super::letters::Warning;
use crate::analyze::Analyzer;
use crate::format::chunk::MAX_SEE_ALSO_WORDS;

/// Most terms in one group: each stands for every other, and the table keeps 16 a term.
const MAX_GROUP: usize = 16;

/// The groups of `bytes` (the file's contents) as query phrases, and a warning for every line
/// or term left out. `path` names the file in the warnings.
pub fn parse(path: &str, bytes: &[u8]) -> (Vec<Vec<String>>, Vec<Warning>) {
    let analyzer = Analyzer::new();
    let mut groups = Vec::new();
    let mut warnings = Vec::new();
    let mut warn = |line: usize, message: String| {
        warnings.push(Warning {
            path: format!("{path}:{line}"),
            message,
        })
    };
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let n = i + 1;
        let Ok(line) = std::str::from_utf8(raw) else {
            warn(n, "not UTF-8 text: line left out".into());
            continue;
        };
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut group: Vec<String> = Vec::new();
        // Terms past the first MAX_GROUP are only noted: the group never grows past it, so
        // each term is compared with at most MAX_GROUP others and a line of 400,000 terms is
        // read in linear time (a growing group compared each with all: 151 s).
        let mut overflow = false;
        for term in line.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            let p = phrase(&analyzer, term);
            if p.is_empty() {
                warn(n, format!("`{term}` has no word to search for: left out"));
            } else if p.split(' ').count() > MAX_SEE_ALSO_WORDS {
                warn(
                    n,
                    format!("`{term}` has more than {MAX_SEE_ALSO_WORDS} words: left out"),
                );
            } else if !group.contains(&p) {
                if group.len() < MAX_GROUP {
                    group.push(p);
                } else {
                    overflow = true;
                }
            }
        }
        if overflow {
            warn(
                n,
                format!("more than {MAX_GROUP} terms: only the first {MAX_GROUP} are used"),
            );
        }
        if group.len() < 2 {
            warn(
                n,
                "a group needs two or more different terms, separated by commas: line left out"
                    .into(),
            );
            continue;
        }
        groups.push(group);
    }
    (groups, warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_read_and_bad_lines_named() {
        let a = Analyzer::new();
        let text = "# synonyms\n\
                    lastenverdeling, burden sharing\n\
                    \n\
                    alleen\n\
                    munitie, , ammunition, Munitie\n\
                    ,,,\n\
                    een twee drie vier vijf zes zeven acht negen, x, y\n";
        let mut bytes = text.as_bytes().to_vec();
        bytes.extend_from_slice(b"\xff\xfe, bad\n");
        let (groups, warnings) = parse("syn.txt", &bytes);
        assert_eq!(
            groups,
            [
                vec![
                    a.term("lastenverdeling"),
                    format!("{} {}", a.term("burden"), a.term("sharing"))
                ],
                vec![a.term("munitie"), a.term("ammunition")],
                vec!["x".to_string(), "y".to_string()],
            ]
        );
        let lines: Vec<&str> = warnings.iter().map(|w| w.path.as_str()).collect();
        assert_eq!(lines, ["syn.txt:4", "syn.txt:6", "syn.txt:7", "syn.txt:8"]);
        assert!(warnings[0].message.contains("two or more"));
        assert!(warnings[2].message.contains("more than 8 words"));
        assert!(warnings[3].message.contains("UTF-8"));
    }

    #[test]
    fn a_huge_group_is_read_in_linear_time_and_cut_with_a_warning() {
        // 200,000 different terms in one line (1.5 MB): compared each with all, this took
        // about 25 s; bounded, a second or two (a guard against a hang, not a speed goal).
        let line: Vec<String> = (0..200_000).map(|i| format!("term{i}")).collect();
        let start = std::time::Instant::now();
        let (groups, warnings) = parse("s", line.join(", ").as_bytes());
        assert!(start.elapsed() < std::time::Duration::from_secs(20));
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].len(), MAX_GROUP);
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].message.contains("only the first 16"),
            "{warnings:?}"
        );
    }

    #[test]
    fn a_windows_file_with_a_byte_order_mark_reads_the_same() {
        let (groups, warnings) = parse("s", b"\xef\xbb\xbfa b, c\r\nd, e\r\n");
        assert_eq!(groups.len(), 2, "{warnings:?}");
        assert!(warnings.is_empty());
    }
}
