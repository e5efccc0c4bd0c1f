//! Writes an index folder so that a reader never sees half an index: every other file first,
//! under names that say what they hold, then the entry file by rename, the one step that switches
//! readers over. Files of an earlier build that the new entry file does not name go last.

use kamerzoek::format::ENTRY_FILE;
use kamerzoek::format::write::Output;
use kamerzoek::{Error, Result};
use std::collections::HashSet;
use std::path::Path;

pub struct Written {
    pub files: usize,
    pub bytes: u64,
}

pub fn write(output: &Output, out: &Path) -> Result<Written> {
    let io = |path: &Path| {
        let shown = path.display().to_string();
        move |e| Error::io(shown, e)
    };
    std::fs::create_dir_all(out).map_err(io(out))?;
    let mut written = Written { files: 0, bytes: 0 };
    for (name, bytes) in output.paths() {
        let target = out.join(name);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(io(parent))?;
        }
        written.files += 1;
        written.bytes += bytes.len() as u64;
        // A content-named file that exists holds these bytes already.
        if name != ENTRY_FILE
            && std::fs::metadata(&target).is_ok_and(|m| m.len() == bytes.len() as u64)
        {
            continue;
        }
        let partial = out.join(format!(".{}.partial", name.replace('/', "_")));
        std::fs::write(&partial, bytes).map_err(io(&partial))?;
        std::fs::rename(&partial, &target).map_err(io(&target))?;
    }
    remove_stale(output, out);
    Ok(written)
}

/// Removes what an earlier build left: content-named files and letter folders not in `output`.
/// Best effort: a file that cannot be removed costs disk space, not correctness.
fn remove_stale(output: &Output, out: &Path) {
    let keep: HashSet<&str> = output
        .files
        .iter()
        .map(|(n, _)| n.split('/').next().unwrap_or(n))
        .collect();
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
