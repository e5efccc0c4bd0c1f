//! Reads the letters of a folder: every `*.txt` file directly in it, in file-name order, so the
//! same folder always gives the same index. The id of a letter is its file name without `.txt`.

use crate::error::{Error, Result};
use std::path::Path;

/// A letter as read from disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub id: String,
    pub text: String,
}

pub fn read_letters(dir: &Path) -> Result<Vec<Letter>> {
    let shown = dir.display();
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(&shown, e))?;
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Error::io(&shown, e))?.path();
        if path.is_file() && path.extension().is_some_and(|ext| ext == "txt") {
            paths.push(path);
        }
    }
    paths.sort();
    if paths.is_empty() {
        return Err(Error::NoLetters {
            dir: shown.to_string(),
        });
    }
    paths
        .iter()
        .map(|path| {
            let bytes = std::fs::read(path).map_err(|e| Error::io(path.display(), e))?;
            let text = String::from_utf8(bytes).map_err(|e| Error::Io {
                path: path.display().to_string(),
                message: format!(
                    "not UTF-8 text (invalid byte at offset {})",
                    e.utf8_error().valid_up_to()
                ),
            })?;
            let id = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            Ok(Letter { id, text })
        })
        .collect()
}
