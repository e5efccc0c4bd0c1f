//! Puts a built index folder in place so that a reader never sees half an index: the writer has
//! written every other file already, under names that say what they hold; the entry file goes
//! last, by rename, the one step that switches readers over. Files of an earlier build that the
//! new entry file does not name are removed after.

use kamerzoek::format::ENTRY_FILE;
use kamerzoek::format::write::Output;
use kamerzoek::{Error, Result};
use std::collections::HashSet;
use std::path::Path;

pub struct Written {
    pub entry_bytes: usize,
}

pub fn write(output: &Output, out: &Path) -> Result<Written> {
    std::fs::create_dir_all(out).map_err(|e| Error::io(out.display(), e))?;
    let target = out.join(ENTRY_FILE);
    let partial = out.join(format!(".{ENTRY_FILE}.partial"));
    std::fs::write(&partial, &output.entry).map_err(|e| Error::io(partial.display(), e))?;
    std::fs::rename(&partial, &target).map_err(|e| Error::io(target.display(), e))?;
    remove_stale(output, out);
    Ok(Written {
        entry_bytes: output.entry.len(),
    })
}

/// Removes what an earlier build left: content-named files and letter folders not in `output`.
/// Best effort: a file that cannot be removed costs disk space, not correctness.
fn remove_stale(output: &Output, out: &Path) {
    let keep: HashSet<&str> = output.names.iter().map(String::as_str).collect();
    let Ok(entries) = std::fs::read_dir(out) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = name.ends_with(".kz") || name.starts_with("l-");
        if !ours || keep.contains(name.as_str()) {
            continue;
        }
        let path = entry.path();
        let _ = if path.is_dir() {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
    }
}
