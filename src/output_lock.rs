//! One writer per output folder. `build` and `serve --output DIR` hold a
//! lock beside the folder (`.NAME.mekong-lock`) while they write into it;
//! a second writer is refused with who holds the folder (pid, command,
//! since when) and what to do, instead of the two swapping folders under
//! each other.
//!
//! The lock is the operating system's (`File::try_lock`): a process that
//! dies, killed or crashed, releases it with its files, so a lock left by a
//! dead process is taken over without anyone removing a file. The file's
//! text only says who holds it.

use crate::diagnostics::Diagnostic;
use crate::messages::{Arg, Message};
use crate::msg;
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A held lock on an output folder; dropping it releases the folder.
#[derive(Debug)]
pub(crate) struct OutputLock {
    file: File,
    path: PathBuf,
}

/// Who holds a lock, as its file says.
#[derive(Debug, Default, PartialEq)]
struct Holder {
    pid: Option<u32>,
    command: Option<String>,
    since: Option<u64>,
}

/// The lock file of `out`: beside it, so that a swap of the folder keeps it.
fn lock_path(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    out.with_file_name(format!(".{name}.mekong-lock"))
}

impl OutputLock {
    /// Takes the lock of `out` for this process, or says who has it.
    pub(crate) fn take(out: &Path) -> Result<OutputLock, Diagnostic> {
        let path = lock_path(out);
        let io = |e: std::io::Error| {
            Diagnostic::error(
                None,
                msg!("output.cannot-lock", path = out, error = e.to_string()),
            )
            .hint(msg!("output.cannot-lock.hint"))
        };
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        // A holder that finishes removes the file: one opened just before
        // that is locked but no longer the lock, so try again.
        for _ in 0..20 {
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(io)?;
            match file.try_lock() {
                Ok(()) if is_still(&file, &path) => {
                    file.set_len(0).map_err(io)?;
                    file.rewind().map_err(io)?;
                    file.write_all(me().as_bytes()).map_err(io)?;
                    return Ok(OutputLock { file, path });
                }
                Ok(()) => continue,
                Err(TryLockError::WouldBlock) => return Err(busy(out, &holder_of(&mut file))),
                Err(TryLockError::Error(e)) => return Err(io(e)),
            }
        }
        Err(busy(out, &Holder::default()))
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        // Remove first, unlock after (when `file` closes): a process that
        // opened the file meanwhile sees it is gone and takes a new one.
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// Whether `path` still names the file `file` has open.
#[cfg(unix)]
fn is_still(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.ino() == b.ino() && a.dev() == b.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn is_still(_: &File, path: &Path) -> bool {
    path.is_file()
}

/// This process, as a lock file says it.
fn me() -> String {
    let command: Vec<String> = std::env::args()
        .enumerate()
        .map(|(i, a)| {
            if i == 0 {
                // The program's name, not the full path it was run by.
                Path::new(&a)
                    .file_name()
                    .map_or(a.clone(), |n| n.to_string_lossy().into_owned())
            } else {
                a
            }
        })
        .collect();
    let since = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    format!(
        "pid {}\ncommand {}\nsince {since}\n",
        std::process::id(),
        command.join(" ")
    )
}

/// Reads who holds the lock; a holder that has just taken it may not have
/// written yet, so an empty file is read again a few times.
fn holder_of(file: &mut File) -> Holder {
    for _ in 0..10 {
        let mut text = String::new();
        if file.rewind().is_ok() && file.read_to_string(&mut text).is_ok() && !text.is_empty() {
            return parse_holder(&text);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Holder::default()
}

fn parse_holder(text: &str) -> Holder {
    let mut h = Holder::default();
    for line in text.lines() {
        match line.split_once(' ') {
            Some(("pid", v)) => h.pid = v.trim().parse().ok(),
            Some(("command", v)) => h.command = Some(v.trim().to_owned()),
            Some(("since", v)) => h.since = v.trim().parse().ok(),
            _ => {}
        }
    }
    h
}

/// `03:41:07 UTC, 12 s ago` from seconds since 1970.
fn when(since: u64) -> Message {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(since, |d| d.as_secs());
    let day = since % 86_400;
    msg!(
        "output.since",
        time = format!("{:02}:{:02}:{:02}", day / 3600, day / 60 % 60, day % 60),
        seconds = now.saturating_sub(since)
    )
}

/// The error for a folder another process is writing.
fn busy(out: &Path, h: &Holder) -> Diagnostic {
    let who = match (&h.command, h.pid) {
        (Some(c), Some(pid)) => msg!("output.holder.command", command = c, pid = pid.to_string()),
        (None, Some(pid)) => msg!("output.holder.mekong", pid = pid.to_string()),
        _ => msg!("output.holder.unknown"),
    };
    let since = h.since.map_or(Arg::from(""), |s| Arg::from(when(s)));
    let is_serve = h
        .command
        .as_deref()
        .is_some_and(|c| c.split_whitespace().any(|w| w == "serve"));
    let hint = match (is_serve, h.pid) {
        (true, Some(pid)) => msg!("output.busy.serve-pid", pid = pid.to_string()),
        (true, None) => msg!("output.busy.serve"),
        (false, _) => msg!("output.busy.hint"),
    };
    Diagnostic::error(
        None,
        msg!("output.busy", out = out, who = who, since = since),
    )
    .hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_is_told_who_holds_the_folder() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("public");
        let first = OutputLock::take(&out).expect("free");
        let d = OutputLock::take(&out).expect_err("held");
        let pid = std::process::id().to_string();
        assert!(
            d.message.contains("is being written by") && d.message.contains(&pid),
            "{}",
            d.message
        );
        drop(first);
        assert!(!lock_path(&out).exists(), "the lock file is removed");
        OutputLock::take(&out).expect("free again");
    }

    #[test]
    fn a_lock_file_left_by_a_dead_process_is_taken_over() {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("public");
        std::fs::write(
            lock_path(&out),
            "pid 999999\ncommand mekong build\nsince 0\n",
        )
        .expect("write");
        let lock = OutputLock::take(&out).expect("no live holder");
        let text = std::fs::read_to_string(&lock.path).expect("read");
        assert_eq!(parse_holder(&text).pid, Some(std::process::id()));
    }
}
