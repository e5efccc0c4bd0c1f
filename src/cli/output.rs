//! How search results look on a terminal and as JSON.

use kamerzoek::SearchResults;
use kamerzoek::meta::Link;
use kamerzoek::search::Reading;
use std::io::{IsTerminal, Write};

pub fn print_json(out: &mut impl Write, results: &SearchResults) -> std::io::Result<()> {
    // The page's engine writes its answers with the same writer. Answers are plain strings,
    // numbers and lists: writing them cannot fail.
    writeln!(
        out,
        "{}",
        kamerzoek::json::to_string(results).unwrap_or_default()
    )
}

pub fn print_list(out: &mut impl Write, results: &SearchResults) -> std::io::Result<()> {
    let (on, off) = if std::io::stdout().is_terminal() {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("*", "*")
    };
    writeln!(
        out,
        "{} of {} matching letters for {:?}",
        results.hits.len(),
        results.total,
        results.query
    )?;
    for (rank, hit) in results.hits.iter().enumerate() {
        writeln!(
            out,
            "\n{:>2}. {}  ({}, score {:.2})",
            rank + 1,
            hit.title,
            hit.id,
            hit.score
        )?;
        let excerpt = hit.excerpt.replace("<mark>", on).replace("</mark>", off);
        writeln!(out, "    {}", unescape(&excerpt))?;
    }
    Ok(())
}

/// Undoes the excerpt's HTML escaping for plain-text output.
fn unescape(html: &str) -> String {
    html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// `{"id", "title", "related": [...], "same_meeting": [...]}`, links as hits carry them.
pub fn print_related_json(out: &mut impl Write, reading: &Reading) -> std::io::Result<()> {
    #[derive(serde::Serialize)]
    struct Related<'a> {
        id: &'a str,
        title: &'a str,
        related: &'a [Link],
        same_meeting: &'a [Link],
    }
    let related = Related {
        id: &reading.id,
        title: &reading.title,
        related: &reading.about.related,
        same_meeting: &reading.about.same_meeting,
    };
    writeln!(
        out,
        "{}",
        kamerzoek::json::to_string(&related).unwrap_or_default()
    )
}

/// A line a letter: date, title, id; the related letters first, then those of its meeting.
pub fn print_related(out: &mut impl Write, reading: &Reading) -> std::io::Result<()> {
    writeln!(out, "{} ({})", reading.title, reading.id)?;
    for (heading, links) in [
        ("Related letters", &reading.about.related),
        ("Of the same meeting", &reading.about.same_meeting),
    ] {
        writeln!(out, "\n{heading}:")?;
        if links.is_empty() {
            writeln!(out, "  none")?;
        }
        for link in links {
            let what = link
                .title
                .clone()
                .or_else(|| link.kind.map(|k| k.name().to_string()))
                .unwrap_or_default();
            let date = link.date.as_deref().unwrap_or("undated");
            writeln!(out, "  {date:<10}  {what}  ({})", link.id)?;
        }
    }
    Ok(())
}
