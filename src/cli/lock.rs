//! One build at a time in an index folder. Two builds into one folder each remove what the
//! earlier index named and theirs does not, while the other still reuses those files by name:
//! both would end well and leave an entry file naming files that are gone. The folder itself is
//! locked (an advisory `flock`, let go when the process ends however it ends), so no lock file
//! is left in a site that is uploaded as it is.
//!
//! Holding the lock, a build knows no other build is running there, so a work folder left by one
//! that was killed (`.kamerzoek-build-<pid>-<n>`, which `Drop` never got to remove) is removed:
//! only one that holds the mark a build writes into its work folder first (or is empty, killed
//! before it could), never a folder of the owner's that has the name.

use super::say;
use kamerzoek::format::store::{WORK_FOLDER, WORK_MARK};
use kamerzoek::{Error, Result};
use std::fs::File;
use std::path::Path;

/// Held for as long as the build runs.
pub struct Lock {
    _folder: Option<File>,
}

impl Lock {
    pub fn take(dir: &Path) -> Result<Lock> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir.display(), e))?;
        let folder = lock(dir)?;
        remove_interrupted(dir);
        Ok(Lock { _folder: folder })
    }
}

#[cfg(unix)]
fn lock(dir: &Path) -> Result<Option<File>> {
    let folder = File::open(dir).map_err(|e| Error::io(dir.display(), e))?;
    match folder.try_lock() {
        Ok(()) => Ok(Some(folder)),
        Err(std::fs::TryLockError::WouldBlock) => Err(Error::FolderBusy {
            path: dir.display().to_string(),
        }),
        // A file system without locks (some network mounts): built as before, unlocked.
        Err(std::fs::TryLockError::Error(e)) => {
            say(&format!(
                "kamerzoek: warning: {}: cannot lock the folder ({e}): do not run two builds into \
                 it at once",
                dir.display()
            ));
            Ok(None)
        }
    }
}

/// Elsewhere a folder cannot be opened as a file to lock it.
#[cfg(not(unix))]
fn lock(_dir: &Path) -> Result<Option<File>> {
    Ok(None)
}

/// Removes the work folders of builds that were killed, and says so.
fn remove_interrupted(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let number = |n: &str| n.parse::<u32>().is_ok();
        let ours = name
            .strip_prefix(WORK_FOLDER)
            .and_then(|rest| rest.split_once('-'))
            .is_some_and(|(pid, n)| number(pid) && number(n));
        // Only a folder (never a link to one) under exactly the name a build gives its own, with
        // the mark a build writes into it (or nothing at all in it).
        let (mark, marked) = WORK_MARK;
        let path = entry.path();
        let built = std::fs::read(path.join(mark)).is_ok_and(|m| m == marked)
            || std::fs::read_dir(&path).is_ok_and(|mut d| d.next().is_none());
        if ours && entry.file_type().is_ok_and(|t| t.is_dir()) && built {
            match std::fs::remove_dir_all(entry.path()) {
                Ok(()) => say(&format!(
                    "kamerzoek: note: removed {}, the work folder of a build that was stopped",
                    entry.path().display()
                )),
                Err(e) => say(&format!(
                    "kamerzoek: warning: {}: the work folder of a build that was stopped: {e}",
                    entry.path().display()
                )),
            }
        }
    }
}
