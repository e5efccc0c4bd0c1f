//! The reader view: a whole letter as HTML, for the page to show when a hit is opened. Headings
//! become `<h3 id="anchor">`, paragraphs `<p>` (PDF line breaks inside a paragraph are spaces),
//! and every word the query matched is a `<mark data-match="n">`, numbered in reading order so
//! the page can step from one to the next; where a page begins (a PDF letter's second page on),
//! an empty `<span class="kz-page" data-page="n">`. The text is escaped before any markup is added.

use super::excerpt::{Match, push_escaped};
use crate::analyze::{Word, words};
use crate::doc::Document;
use crate::doc::sections::anchors;
use crate::say::{Put, cat};

/// The HTML of `doc` with the words at the positions of `matched` (sorted) marked; and how many.
pub fn render(doc: &Document, matched: &[Match]) -> (String, usize) {
    let body = &doc.body;
    let words: Vec<Word> = words(body).collect();
    let anchors = anchors(&doc.sections);
    let mut out = String::with_capacity(body.len() * 5 / 4);
    let mut next_word = 0;
    let mut marks = 0;
    let mut in_paragraph = false;
    let mut line_start = 0;
    // Headings by offset, walked once alongside the lines (a letter of many lines and many
    // headings must not cost their product).
    let mut by_offset: Vec<(usize, usize)> = doc
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| (s.offset as usize, i))
        .collect();
    super::sort::sort(&mut by_offset);
    let mut next_heading = 0;
    let mut next_page = 1;
    for line in body.split('\n') {
        let start = line_start;
        let end = start + line.len();
        line_start = end + 1;
        while by_offset.get(next_heading).is_some_and(|&(o, _)| o < start) {
            next_heading += 1;
        }
        let heading = by_offset
            .get(next_heading)
            .filter(|&&(o, _)| o < end.max(start + 1))
            .map(|&(_, i)| i);
        if line.trim().is_empty() || heading.is_some() {
            if in_paragraph {
                out.push_str("</p>\n");
                in_paragraph = false;
            }
            if line.trim().is_empty() {
                continue;
            }
        }
        let (open, close) = match heading {
            Some(i) => (cat!("<h3 id=\"", anchors[i], "\">"), "</h3>\n"),
            None if !in_paragraph => ("<p>".to_string(), ""),
            None => (" ".to_string(), ""),
        };
        out.push_str(&open);
        in_paragraph = heading.is_none();
        // The line's text, its matched words marked.
        let mut cursor = start + (line.len() - line.trim_start().len());
        let line_end = start + line.trim_end().len();
        while next_word < words.len() && words[next_word].start < line_end {
            let w = words[next_word];
            push_escaped(&mut out, &body[cursor..w.start]);
            // Where a page begins (not the first): an empty mark the page shows as "p. N".
            while doc
                .pages
                .get(next_page)
                .is_some_and(|&p| p as usize <= w.start)
            {
                next_page += 1;
                out.push_str("<span class=\"kz-page\" data-page=\"");
                next_page.put(&mut out);
                out.push_str("\"></span>");
            }
            let is_match = matched
                .binary_search_by(|m| (m.0 as usize).cmp(&next_word))
                .is_ok();
            if is_match {
                out.push_str("<mark data-match=\"");
                marks.put(&mut out);
                out.push_str("\">");
                marks += 1;
            }
            push_escaped(&mut out, &body[w.start..w.end]);
            if is_match {
                out.push_str("</mark>");
            }
            cursor = w.end;
            next_word += 1;
        }
        push_escaped(&mut out, &body[cursor.min(line_end)..line_end]);
        out.push_str(close);
    }
    if in_paragraph {
        out.push_str("</p>\n");
    }
    (out, marks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> Document {
        let mut d = Document::new("x", body);
        // Positions as the indexer sets them: one per word.
        let all: Vec<Word> = words(body).collect();
        for s in &mut d.sections {
            let i = all
                .iter()
                .position(|w| w.start >= s.offset as usize)
                .unwrap();
            s.position = i as u32;
            s.words = 1;
        }
        d
    }

    #[test]
    fn paragraphs_headings_and_marks() {
        let d = doc(
            "De steun gaat door.\nHet kabinet <b>steunt</b>.\n\nOekraïne\n\nSteun aan Oekraïne.\n",
        );
        // Words: De steun gaat door Het kabinet b steunt b Oekraïne Steun ...
        let (html, marks) = render(&d, &[(1, 0), (10, 0)]);
        assert_eq!(
            html,
            "<p>De <mark data-match=\"0\">steun</mark> gaat door. Het kabinet &lt;b&gt;steunt&lt;/b&gt;.</p>\n\
             <h3 id=\"oekraine\">Oekraïne</h3>\n\
             <p><mark data-match=\"1\">Steun</mark> aan Oekraïne.</p>\n"
        );
        assert_eq!(marks, 2);
    }
}
