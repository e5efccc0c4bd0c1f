//! How search results look on a terminal and as JSON.

use kamerzoek::SearchResults;
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
