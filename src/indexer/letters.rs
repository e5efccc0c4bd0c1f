//! Reads the letters of a folder, in file-name order, so the same folder always gives the same
//! index. The rules, for folders as people really have them:
//! - a letter is a regular file, or a link to one, directly in the folder, whose name ends in
//!   `.txt` or `.pdf` (any case); its id is the name without that ending (a file named just
//!   `.txt` has none and is skipped); a `.pdf` is read by `crate::pdf`, and where a `.txt` has
//!   the same id the `.txt` is read and the `.pdf` skipped. Subfolders are not searched;
//! - a link whose target lies outside the letters folder (`passwd.txt -> /etc/passwd`) is
//!   skipped unless the owner asks for it (`follow_links`): the index is published, and a link
//!   can put any readable file of the machine in it;
//! - the text is UTF-8; bytes that are not are read as Windows-1252, one by one, so a file saved
//!   by an old Windows tool and a stray byte in a UTF-8 file both come through whole; but a file
//!   that starts with UTF-16's byte-order mark (what Windows Notepad saves as "Unicode"), or
//!   whose every other byte is NUL, is UTF-16 (either byte order);
//! - a letter whose text is mostly no letters or digits (a binary file named `.txt`) is indexed
//!   with a warning that says so;
//! - NUL bytes and other control characters (not tab, newline, carriage return, form feed)
//!   become spaces: they are never text;
//! - empty files, files of only white space, and files over [`MAX_LETTER_BYTES`] are skipped;
//! - a second file with the same id (`a.txt`, `a.TXT`) is skipped.
//!
//! Each such case gives a [`Warning`] naming the file; the rest is indexed. Only a folder that
//! cannot be read, or has no letter left, fails the build.
//!
//! (Over 400 lines with its tests, which act out each rule on a real folder; the code is 230.)

use super::decode::{ReadAs, decode, unreadable, without_controls};
use crate::error::{Error, Result};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A letter larger than this is not a letter: skipping it keeps the index (and memory) sane.
pub const MAX_LETTER_BYTES: u64 = 16 * 1024 * 1024;

/// A letter as read from disk: its id and its text, before any clean-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawLetter {
    pub id: String,
    pub text: String,
}

/// Something about one file that the build dealt with, for the person to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: String,
    pub message: String,
}

/// A letter file found in the folder, not read yet: a large archive is read one letter at a
/// time, more than once, rather than held in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LetterFile {
    pub id: String,
    pub path: PathBuf,
}

impl LetterFile {
    /// The letter's text, with what was noticed reading it; `Err` (a warning) when it is skipped.
    pub fn read(&self) -> std::result::Result<(RawLetter, Vec<Warning>), Warning> {
        let path = &self.path;
        let skip = |message: String| Warning {
            path: shown(path),
            message,
        };
        if is_pdf(path) {
            return self.read_pdf();
        }
        let bytes = std::fs::read(path).map_err(|e| skip(format!("skipped: {e}")))?;
        let mut warnings = Vec::new();
        let (text, read_as) = decode(&bytes);
        match read_as {
            ReadAs::Utf8 => {}
            ReadAs::Cp1252(bytes) => {
                let message = format!("not UTF-8: {bytes} bytes read as Windows-1252");
                warn(&mut warnings, path, &message);
            }
            ReadAs::Utf16 { bom, bad } => {
                if !bom {
                    warn(&mut warnings, path, "read as UTF-16 (no byte-order mark)");
                }
                if bad > 0 {
                    let message = format!("UTF-16 with {bad} broken characters, read as �");
                    warn(&mut warnings, path, &message);
                }
            }
        }
        let (text, controls) = without_controls(text);
        if controls > 0 {
            let message = format!("{controls} control characters (NUL, ...) read as spaces");
            warn(&mut warnings, path, &message);
        }
        if text.trim().is_empty() {
            return Err(skip("skipped: no text".to_string()));
        }
        let odd = match read_as {
            ReadAs::Cp1252(bytes) => bytes,
            ReadAs::Utf16 { bad, .. } => bad,
            ReadAs::Utf8 => 0,
        };
        if let Some(message) = unreadable(&text, odd + controls) {
            warn(&mut warnings, path, &message);
        }
        let id = self.id.clone();
        Ok((RawLetter { id, text }, warnings))
    }

    /// Whether the letter is a PDF.
    pub fn is_pdf(&self) -> bool {
        is_pdf(&self.path)
    }

    /// A PDF letter's text, its pages joined by form feeds (`crate::pdf`).
    fn read_pdf(&self) -> std::result::Result<(RawLetter, Vec<Warning>), Warning> {
        let shown = shown(&self.path);
        let skip = |message: String| Warning {
            path: shown.clone(),
            message: format!("skipped: {message}"),
        };
        if let Some(fault) = crate::pdf::skipped_after_fault(&shown) {
            return Err(skip(fault.message()));
        }
        let bytes = std::fs::read(&self.path).map_err(|e| skip(e.to_string()))?;
        let text = crate::pdf::text(&bytes, &shown).map_err(|p| skip(p.message()))?;
        let (text, _) = without_controls(text);
        let id = self.id.clone();
        Ok((RawLetter { id, text }, Vec::new()))
    }
}

/// A PDF letter, by its name's ending (any case).
fn is_pdf(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
}

/// The letter files of `dir` in file-name order, and what was noticed listing them (files too
/// large, duplicate ids, folders, links out of the folder unless `follow_links`).
pub fn list_letters(dir: &Path, follow_links: bool) -> Result<(Vec<LetterFile>, Vec<Warning>)> {
    let shown = dir.display();
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(&shown, e))?;
    // Where the folder really is, to tell links that stay inside it from links that leave it.
    let home = std::fs::canonicalize(dir).map_err(|e| Error::io(&shown, e))?;
    let mut paths = Vec::new();
    let mut warnings = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Error::io(&shown, e))?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase());
        let Some(name) = name.filter(|n| n.ends_with(".txt") || n.ends_with(".pdf")) else {
            continue;
        };
        if name == ".txt" || name == ".pdf" {
            let message = format!("skipped: the name gives no id (nothing before {name})");
            warn(&mut warnings, &path, &message);
            continue;
        }
        if !follow_links && is_link(&path) {
            match std::fs::canonicalize(&path) {
                Ok(target) if !target.starts_with(&home) => {
                    let message = format!(
                        "skipped: a link to {}, outside the letters folder (--follow-links indexes it)",
                        target.display()
                    );
                    warn(&mut warnings, &path, &message);
                    continue;
                }
                _ => {}
            }
        }
        match std::fs::metadata(&path) {
            Ok(meta) if meta.is_file() => paths.push((path, meta.len())),
            Ok(_) => warn(&mut warnings, &path, "not a file (a folder?): skipped"),
            Err(e) => warn(&mut warnings, &path, &format!("skipped: {e}")),
        }
    }
    paths.sort();
    let mut files = Vec::with_capacity(paths.len());
    let mut ids = HashSet::with_capacity(paths.len());
    // A letter given both as its text and as its PDF is read from the text, whatever the order.
    let texts: HashSet<String> = paths
        .iter()
        .filter(|(path, _)| !is_pdf(path))
        .map(|(path, _)| id_of(path))
        .collect();
    for (path, size) in paths {
        let pdf = is_pdf(&path);
        let most = if pdf {
            crate::pdf::MAX_PDF_BYTES
        } else {
            MAX_LETTER_BYTES
        };
        if size > most {
            let message = format!(
                "skipped: {} MB is more than a letter may have ({} MB)",
                size / (1024 * 1024),
                most / (1024 * 1024)
            );
            warn(&mut warnings, &path, &message);
            continue;
        }
        let id = id_of(&path);
        if pdf && texts.contains(&id) {
            let message = format!("skipped: the letter {id} is read from its .txt file");
            warn(&mut warnings, &path, &message);
            continue;
        }
        // The id is printed, put in pages and URLs: a control character in it (an escape that
        // retitles a terminal, a line break that splits a list) is refused, not carried along.
        if id.chars().any(char::is_control) {
            let message = "skipped: its name has control characters; rename the file";
            warn(&mut warnings, &path, message);
            continue;
        }
        if !ids.insert(id.clone()) {
            let message = format!("skipped: a letter with id {id} was read already");
            warn(&mut warnings, &path, &message);
            continue;
        }
        files.push(LetterFile { id, path });
    }
    Ok((files, warnings))
}

/// A letter's id: its file's name without the ending.
fn id_of(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// The letters of `dir`, read whole, and what was noticed on the way.
pub fn read_letters(dir: &Path, follow_links: bool) -> Result<(Vec<RawLetter>, Vec<Warning>)> {
    let (files, mut warnings) = list_letters(dir, follow_links)?;
    let mut letters = Vec::with_capacity(files.len());
    for file in &files {
        match file.read() {
            Ok((letter, noticed)) => {
                letters.push(letter);
                warnings.extend(noticed);
            }
            Err(skipped) => warnings.push(skipped),
        }
    }
    if letters.is_empty() {
        return Err(Error::NoLetters {
            dir: dir.display().to_string(),
        });
    }
    // Directory order differs between machines; the report should not.
    warnings.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((letters, warnings))
}

/// A path as a warning prints it: control characters escaped, so a crafted file name cannot send
/// a terminal commands.
fn shown(path: &Path) -> String {
    let mut out = String::new();
    for c in path.display().to_string().chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

fn warn(warnings: &mut Vec<Warning>, path: &Path, message: &str) {
    warnings.push(Warning {
        path: shown(path),
        message: message.to_string(),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes) in files {
            fs::write(dir.path().join(name), bytes).unwrap();
        }
        dir
    }

    fn read(dir: &tempfile::TempDir) -> (Vec<RawLetter>, Vec<String>) {
        let (letters, warnings) = read_letters(dir.path(), false).unwrap();
        let names = warnings
            .iter()
            .map(|w| {
                let file = Path::new(&w.path).file_name().unwrap().to_string_lossy();
                format!("{file}: {}", w.message)
            })
            .collect();
        (letters, names)
    }

    #[test]
    fn a_windows_1252_file_is_read_whole_with_a_warning() {
        let dir = folder(&[("a.txt", b"Oekra\xefne \x80 5 \x93NAVO\x94")]);
        let (letters, warnings) = read(&dir);
        assert_eq!(letters[0].text, "Oekraïne € 5 “NAVO”");
        assert_eq!(warnings, ["a.txt: not UTF-8: 4 bytes read as Windows-1252"]);
    }

    #[test]
    fn a_utf16_file_is_read_by_its_byte_order_mark_or_its_nuls() {
        let text = "NAVO-top in Vilnius: Oekraïne € 5 “steun” 🇺🇦";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let dir = folder(&[
            ("a.txt", &[&[0xFF, 0xFE][..], &le].concat()),
            ("b.txt", &[&[0xFE, 0xFF][..], &be].concat()),
            ("c.txt", &le),
            (
                "d.txt",
                &[&[0xFF, 0xFE][..], &le, &[0x00, 0xD8][..]].concat(),
            ),
        ]);
        let (letters, warnings) = read(&dir);
        for letter in &letters[..3] {
            assert_eq!(letter.text, text, "{}", letter.id);
        }
        assert_eq!(letters[3].text, format!("{text}\u{fffd}"));
        assert_eq!(
            warnings,
            [
                "c.txt: read as UTF-16 (no byte-order mark)",
                "d.txt: UTF-16 with 1 broken characters, read as �"
            ]
        );
    }

    #[test]
    fn a_file_that_is_mostly_no_text_is_named() {
        let binary: Vec<u8> = (0u32..4000).map(|i| (i * 7919 % 251) as u8).collect();
        let dir = folder(&[("a.txt", &binary), ("b.txt", "NAVO: 2% (BBP)!".as_bytes())]);
        let (letters, warnings) = read(&dir);
        assert_eq!(letters.len(), 2);
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        assert!(
            warnings[2].starts_with("a.txt: mostly unreadable"),
            "{warnings:?}"
        );
    }

    #[test]
    fn a_stray_byte_in_utf8_leaves_the_rest_intact() {
        let dir = folder(&[
            ("a.txt", "Oekraïne \u{20ac} ".as_bytes()),
            ("b.txt", b"Oekra\xc3\xafne\xff!"),
        ]);
        let (letters, warnings) = read(&dir);
        assert_eq!(letters[1].text, "Oekraïneÿ!");
        assert_eq!(warnings, ["b.txt: not UTF-8: 1 bytes read as Windows-1252"]);
    }

    #[test]
    fn empty_and_blank_files_are_skipped_and_named() {
        let dir = folder(&[
            ("a.txt", b"tekst"),
            ("b.txt", b""),
            ("c.txt", b" \n\t \r\n"),
        ]);
        let (letters, warnings) = read(&dir);
        assert_eq!(letters.len(), 1);
        assert_eq!(
            warnings,
            ["b.txt: skipped: no text", "c.txt: skipped: no text"]
        );
    }

    #[test]
    fn nul_bytes_become_spaces() {
        let dir = folder(&[("a.txt", b"steun\0aan\x07Oekraine")]);
        let (letters, warnings) = read(&dir);
        assert_eq!(letters[0].text, "steun aan Oekraine");
        assert_eq!(
            warnings,
            ["a.txt: 2 control characters (NUL, ...) read as spaces"]
        );
    }

    #[test]
    fn a_file_larger_than_a_letter_is_skipped() {
        let dir = folder(&[("a.txt", b"tekst")]);
        let big = fs::File::create(dir.path().join("big.txt")).unwrap();
        big.set_len(50 * 1024 * 1024).unwrap();
        let (letters, warnings) = read(&dir);
        assert_eq!(letters.len(), 1);
        assert_eq!(
            warnings,
            ["big.txt: skipped: 50 MB is more than a letter may have (16 MB)"]
        );
    }

    #[test]
    fn very_long_lines_are_read() {
        let line = "woord ".repeat(200_000);
        let dir = folder(&[("a.txt", line.as_bytes())]);
        assert_eq!(read(&dir).0[0].text.len(), line.len());
    }

    #[test]
    fn duplicate_ids_keep_the_first() {
        let dir = folder(&[("a.TXT", b"een"), ("a.txt", b"twee")]);
        let (letters, warnings) = read(&dir);
        assert_eq!(letters.len(), 1);
        assert_eq!(letters[0].text, "een");
        assert_eq!(
            warnings,
            ["a.txt: skipped: a letter with id a was read already"]
        );
    }

    #[test]
    fn subfolders_are_not_searched_and_links_are_followed() {
        let dir = folder(&[("a.txt", b"een")]);
        fs::create_dir(dir.path().join("sub.txt")).unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("sub").join("c.txt"), b"drie").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("a.txt"), dir.path().join("b.txt")).unwrap();
            std::os::unix::fs::symlink(dir.path().join("missing"), dir.path().join("d.txt"))
                .unwrap();
        }
        let (letters, warnings) = read(&dir);
        let ids: Vec<&str> = letters.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert!(warnings[0].starts_with("d.txt: skipped: "), "{warnings:?}");
        assert_eq!(warnings[1], "sub.txt: not a file (a folder?): skipped");
    }

    #[test]
    fn a_file_named_only_txt_is_skipped_with_a_warning() {
        let dir = folder(&[("a.txt", b"een"), (".txt", b"twee"), (".TXT", b"drie")]);
        let (letters, warnings) = read(&dir);
        assert_eq!(letters.len(), 1);
        assert_eq!(
            warnings,
            [
                ".TXT: skipped: the name gives no id (nothing before .txt)",
                ".txt: skipped: the name gives no id (nothing before .txt)"
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_out_of_the_folder_is_skipped_unless_asked_for() {
        let outside = folder(&[("secret", b"wachtwoord")]);
        let dir = folder(&[("a.txt", b"een")]);
        std::os::unix::fs::symlink(outside.path().join("secret"), dir.path().join("p.txt"))
            .unwrap();
        // A link inside the folder, even by a path that leaves and comes back, is a letter.
        let back = outside.path().join("back");
        std::os::unix::fs::symlink(dir.path(), &back).unwrap();
        std::os::unix::fs::symlink(back.join("a.txt"), dir.path().join("b.txt")).unwrap();
        let (letters, warnings) = read(&dir);
        let ids: Vec<&str> = letters.iter().map(|l| l.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].starts_with("p.txt: skipped: a link to ")
                && warnings[0].ends_with("outside the letters folder (--follow-links indexes it)"),
            "{warnings:?}"
        );
        let (letters, _) = read_letters(dir.path(), true).unwrap();
        assert!(
            letters
                .iter()
                .any(|l| l.id == "p" && l.text == "wachtwoord")
        );
    }

    #[test]
    fn a_folder_with_nothing_left_fails_clearly() {
        let dir = folder(&[("a.txt", b""), ("notes.md", b"tekst")]);
        let err = read_letters(dir.path(), false).unwrap_err();
        assert!(matches!(err, Error::NoLetters { .. }));
    }
}
