//! The search index's documents (each article's URL, title, description
//! and plain text, as one JSON array), each article's [`Terms`] and the
//! gzipped files of the index, written to one file as a one-shot build
//! makes them and read back when the index is written: the build then
//! holds a few bytes per article instead of its text and its words.
//!
//! The file is also the search cache of the next build. Every entry has a
//! key: the BLAKE3 hash of what made it (an article's source file, URL,
//! title and HTML; a gzipped file's JSON) and of the mekong program that
//! made it. A build that finds an entry of the same key in the last
//! build's file (`SITE/.mekong-cache/search/last-build.bin`) copies it
//! instead of cutting the article into terms or gzipping the file again;
//! when the build succeeds, its own file replaces the last one, holding
//! exactly the entries it used. Each entry's bytes carry a CRC-32 that is
//! checked before they are used: a damaged cache is made again, never
//! read wrong. When the cache folder cannot be made, the file is anonymous
//! ([`tempfile::tempfile`]) and nothing is kept.

use super::Terms;
use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The search cache's folder, under the site's root.
pub(crate) const CACHE_DIR: &str = ".mekong-cache/search";
/// The last successful build's file, in [`CACHE_DIR`].
const CACHE_FILE: &str = "last-build.bin";
/// The last 8 bytes of a cache file: change it when the layout changes.
const MAGIC: &[u8; 8] = b"mkss0001";
/// A trailer: where the entry table begins, how many entries, the
/// program's identity, [`MAGIC`].
const TRAILER_LEN: usize = 8 + 8 + 32 + 8;

/// What an entry is found by: a BLAKE3 hash (see [`Spill::key`]).
pub(crate) type Key = [u8; 32];

/// The file documents, terms and gzipped files are appended to, and the
/// last build's, which they are copied from when their key is there.
#[derive(Debug)]
pub(crate) struct Spill {
    file: Mutex<Appender>,
    /// The last build's entries (none without a cache, or when the cache
    /// was made by another program or is unreadable).
    last: Option<Last>,
    /// Where the file goes when the build succeeds ([`Spill::keep`]).
    kept_as: Mutex<Option<(tempfile::TempPath, PathBuf)>>,
    /// The running program's [`program_identity`], part of every key.
    identity: Key,
}

#[derive(Debug)]
struct Appender {
    out: BufWriter<File>,
    end: u64,
    entries: Vec<Entry>,
}

/// Where an entry's bytes are, how they split (an article's document, then
/// its terms), the article's [`SpilledDoc::text_len`], and their CRC-32
/// (libdeflate's, many times as fast as a BLAKE3 hash: it only has to
/// catch a damaged disk or a file cut short, not an attacker).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    key: Key,
    offset: u64,
    len: u32,
    split: u32,
    text_len: u64,
    check: u32,
}

/// The bytes of an [`Entry`] in the table at the end of a cache file.
const ENTRY_LEN: usize = 32 + 8 + 4 + 4 + 8 + 4;

/// The last build's file: its entries by key.
#[derive(Debug)]
struct Last {
    file: Mutex<File>,
    entries: HashMap<Key, Entry>,
}

/// Where one article's document and terms are in a [`Spill`], and what the
/// index needs to know of it before reading them.
#[derive(Debug, Clone)]
pub struct SpilledDoc {
    spill: Arc<Spill>,
    key: Key,
    offset: u64,
    len: u32,
    terms_len: u32,
    /// The bytes of the article's HTML outside its tags (how the index
    /// sizes its fragment files).
    pub(crate) text_len: usize,
}

impl Spill {
    /// A new, empty, anonymous spill file: no cache is read or kept.
    pub(crate) fn new() -> io::Result<Arc<Spill>> {
        Ok(Arc::new(Spill {
            file: Mutex::new(Appender::new(tempfile::tempfile()?)),
            last: None,
            kept_as: Mutex::new(None),
            identity: [0; 32],
        }))
    }

    /// A new spill file in the search cache of the site at `root`, with the
    /// last build's entries to copy from.
    pub(crate) fn cached(root: &Path) -> io::Result<Arc<Spill>> {
        let identity = program_identity()?;
        let dir = root.join(CACHE_DIR);
        std::fs::create_dir_all(&dir)?;
        let (file, path) = tempfile::NamedTempFile::new_in(&dir)?.into_parts();
        let target = dir.join(CACHE_FILE);
        Ok(Arc::new(Spill {
            file: Mutex::new(Appender::new(file)),
            last: Last::open(&target, &identity).ok(),
            kept_as: Mutex::new(Some((path, target))),
            identity,
        }))
    }

    /// The key of an entry made from `parts` by this program.
    pub(crate) fn key(&self, parts: &[&[u8]]) -> Key {
        let mut hasher = blake3::Hasher::new();
        hasher.update(&self.identity);
        for part in parts {
            hasher.update(&(part.len() as u64).to_le_bytes());
            hasher.update(part);
        }
        *hasher.finalize().as_bytes()
    }

    /// Appends an article's `doc` and `terms` under `key`.
    pub(crate) fn put(
        self: &Arc<Self>,
        key: Key,
        doc: &[u8],
        terms: &Terms,
        text_len: usize,
    ) -> io::Result<SpilledDoc> {
        let terms = terms.as_str().as_bytes();
        let entry = self.append(key, &[doc, terms], text_len as u64)?;
        Ok(self.doc(entry))
    }

    /// The article of `key` in the last build, copied into this file.
    pub(crate) fn reuse(self: &Arc<Self>, key: &Key) -> Option<SpilledDoc> {
        let (entry, bytes) = self.last.as_ref()?.read(key)?;
        let split = entry.split as usize;
        let (doc, terms) = bytes.split_at_checked(split)?;
        std::str::from_utf8(terms).ok()?;
        let entry = self.append(*key, &[doc, terms], entry.text_len).ok()?;
        Some(self.doc(entry))
    }

    /// The bytes of `key`: the last build's (copied into this file), or
    /// those `make` makes (appended). Appending is only for the next build:
    /// when it fails, the bytes are still returned.
    pub(crate) fn remembered(&self, key: Key, make: impl FnOnce() -> Vec<u8>) -> Vec<u8> {
        if let Some(bytes) = self.recall(&key) {
            return bytes;
        }
        let bytes = make();
        let _ = self.append(key, &[&bytes], 0);
        bytes
    }

    /// The last build's bytes of `key`, copied into this file.
    fn recall(&self, key: &Key) -> Option<Vec<u8>> {
        let (_, bytes) = self.last.as_ref()?.read(key)?;
        self.append(*key, &[&bytes], 0).ok()?;
        Some(bytes)
    }

    /// Remembers under `key` a list of files: each one's path and the key
    /// its bytes are remembered under. Nothing when one has no key.
    pub(crate) fn remember_files(&self, key: Key, files: &[(String, Option<Key>)]) {
        let mut list = Vec::new();
        for (path, file_key) in files {
            let Some(file_key) = file_key else { return };
            list.extend((path.len() as u32).to_le_bytes());
            list.extend(path.as_bytes());
            list.extend(file_key);
        }
        let _ = self.append(key, &[&list], 0);
    }

    /// The files remembered under `key` by the last build
    /// ([`Spill::remember_files`]), with their bytes, all copied into
    /// this file; `None` unless every one is there.
    pub(crate) fn recall_files(&self, key: &Key) -> Option<Vec<(String, Vec<u8>)>> {
        let list = self.recall(key)?;
        let mut files = Vec::new();
        let mut rest = list.as_slice();
        while !rest.is_empty() {
            let (len, after) = rest.split_at_checked(4)?;
            let len = u32::from_le_bytes(len.try_into().ok()?) as usize;
            let (path, after) = after.split_at_checked(len)?;
            let (file_key, after) = after.split_at_checked(32)?;
            let path = String::from_utf8(path.to_vec()).ok()?;
            files.push((path, self.recall(&file_key.try_into().ok()?)?));
            rest = after;
        }
        Some(files)
    }

    /// Makes this file the search cache of the next build (the last
    /// build's file is replaced): its entry table and trailer are
    /// written after the entries. Does nothing for an anonymous file.
    pub(crate) fn keep(&self) -> io::Result<()> {
        let mut kept_as = self.kept_as.lock().map_err(|_| poisoned())?;
        let Some((path, target)) = kept_as.take() else {
            return Ok(());
        };
        let mut file = self.file.lock().map_err(|_| poisoned())?;
        let table = file.end;
        let mut tail = Vec::with_capacity(file.entries.len() * ENTRY_LEN + TRAILER_LEN);
        for entry in &file.entries {
            entry.write(&mut tail);
        }
        tail.extend(table.to_le_bytes());
        tail.extend((file.entries.len() as u64).to_le_bytes());
        tail.extend(self.identity);
        tail.extend(MAGIC);
        file.out.write_all(&tail)?;
        file.out.flush()?;
        file.end += tail.len() as u64;
        path.persist(&target).map_err(|e| e.error)
    }

    /// Appends `parts`, one entry of `key`.
    fn append(&self, key: Key, parts: &[&[u8]], text_len: u64) -> io::Result<Entry> {
        let len: usize = parts.iter().map(|p| p.len()).sum();
        let len = u32::try_from(len).map_err(io::Error::other)?;
        let split = u32::try_from(parts[0].len()).map_err(io::Error::other)?;
        let mut check = libdeflater::Crc::new();
        for part in parts {
            check.update(part);
        }
        let mut file = self.file.lock().map_err(|_| poisoned())?;
        for part in parts {
            file.out.write_all(part)?;
        }
        let entry = Entry {
            key,
            offset: file.end,
            len,
            split,
            text_len,
            check: check.sum(),
        };
        file.end += u64::from(len);
        file.entries.push(entry);
        Ok(entry)
    }

    /// The article of `entry`, appended to this file.
    fn doc(self: &Arc<Self>, entry: Entry) -> SpilledDoc {
        SpilledDoc {
            spill: self.clone(),
            key: entry.key,
            offset: entry.offset,
            len: entry.split,
            terms_len: entry.len - entry.split,
            text_len: usize::try_from(entry.text_len).unwrap_or(usize::MAX),
        }
    }
}

impl Appender {
    fn new(file: File) -> Appender {
        Appender {
            out: BufWriter::with_capacity(256 * 1024, file),
            end: 0,
            entries: Vec::new(),
        }
    }
}

impl Entry {
    fn write(&self, out: &mut Vec<u8>) {
        out.extend(self.key);
        out.extend(self.offset.to_le_bytes());
        out.extend(self.len.to_le_bytes());
        out.extend(self.split.to_le_bytes());
        out.extend(self.text_len.to_le_bytes());
        out.extend(self.check.to_le_bytes());
    }

    fn read(bytes: &[u8]) -> Option<Entry> {
        let mut at = 0;
        let mut take = |n: usize| {
            at += n;
            bytes.get(at - n..at)
        };
        Some(Entry {
            key: take(32)?.try_into().ok()?,
            offset: u64::from_le_bytes(take(8)?.try_into().ok()?),
            len: u32::from_le_bytes(take(4)?.try_into().ok()?),
            split: u32::from_le_bytes(take(4)?.try_into().ok()?),
            text_len: u64::from_le_bytes(take(8)?.try_into().ok()?),
            check: u32::from_le_bytes(take(4)?.try_into().ok()?),
        })
    }
}

impl Last {
    /// The cache file at `path`, if `identity`'s program wrote it whole.
    fn open(path: &Path, identity: &Key) -> io::Result<Last> {
        let invalid = || io::Error::from(io::ErrorKind::InvalidData);
        let mut file = File::open(path)?;
        let len = file.metadata()?.len();
        let tail_at = len.checked_sub(TRAILER_LEN as u64).ok_or_else(invalid)?;
        let mut trailer = [0; TRAILER_LEN];
        file.seek(SeekFrom::Start(tail_at))?;
        file.read_exact(&mut trailer)?;
        let number =
            |at: usize| u64::from_le_bytes(trailer[at..at + 8].try_into().unwrap_or_default());
        let (table, count) = (number(0), number(8));
        if &trailer[16..48] != identity
            || &trailer[48..] != MAGIC
            || count
                .checked_mul(ENTRY_LEN as u64)
                .and_then(|n| n.checked_add(table))
                != Some(tail_at)
        {
            return Err(invalid());
        }
        let mut bytes = vec![0; (tail_at - table) as usize];
        file.seek(SeekFrom::Start(table))?;
        file.read_exact(&mut bytes)?;
        let entries = bytes
            .chunks_exact(ENTRY_LEN)
            .filter_map(Entry::read)
            .filter(|e| e.split <= e.len && e.offset + u64::from(e.len) <= table)
            .map(|e| (e.key, e))
            .collect();
        Ok(Last {
            file: Mutex::new(file),
            entries,
        })
    }

    /// The entry of `key` and its bytes, when they are still what was
    /// written.
    fn read(&self, key: &Key) -> Option<(Entry, Vec<u8>)> {
        let entry = *self.entries.get(key)?;
        let mut bytes = vec![0; entry.len as usize];
        {
            let mut file = self.file.lock().ok()?;
            file.seek(SeekFrom::Start(entry.offset)).ok()?;
            file.read_exact(&mut bytes).ok()?;
        }
        (libdeflater::crc32(&bytes) == entry.check).then_some((entry, bytes))
    }
}

impl SpilledDoc {
    /// Appends the document to `out`.
    pub(crate) fn read_into(&self, out: &mut Vec<u8>) -> io::Result<()> {
        self.read(self.offset, self.len, out)
    }

    /// The article's terms.
    pub(crate) fn terms(&self) -> io::Result<Terms> {
        let mut bytes = Vec::new();
        self.read(
            self.offset + u64::from(self.len),
            self.terms_len,
            &mut bytes,
        )?;
        let packed = String::from_utf8(bytes).map_err(io::Error::other)?;
        Ok(Terms::from_packed(packed))
    }

    /// The key the document and terms are remembered under.
    pub(crate) fn key(&self) -> &Key {
        &self.key
    }

    /// The file the document is in (where the index's gzipped files are
    /// remembered too).
    pub(crate) fn spill(&self) -> &Arc<Spill> {
        &self.spill
    }

    /// Appends `len` bytes at `offset` to `out`.
    fn read(&self, offset: u64, len: u32, out: &mut Vec<u8>) -> io::Result<()> {
        let mut file = self.spill.file.lock().map_err(|_| poisoned())?;
        file.out.flush()?;
        let end = file.end;
        let f = file.out.get_mut();
        f.seek(SeekFrom::Start(offset))?;
        let start = out.len();
        out.resize(start + len as usize, 0);
        let read = f.read_exact(&mut out[start..]);
        // Documents put after this read go on at the end.
        f.seek(SeekFrom::Start(end))?;
        read
    }
}

fn poisoned() -> io::Error {
    io::Error::other("poisoned")
}

/// Who is running: the program's file, size and time of change (a program
/// built again cuts and gzips again: its terms may differ), and mekong's
/// version.
fn program_identity() -> io::Result<Key> {
    let exe = std::env::current_exe()?;
    let meta = std::fs::metadata(&exe)?;
    let modified = meta
        .modified()?
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(io::Error::other)?;
    let mut hasher = blake3::Hasher::new();
    hasher.update(MAGIC);
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    hasher.update(exe.as_os_str().as_encoded_bytes());
    hasher.update(&meta.len().to_le_bytes());
    hasher.update(&modified.as_nanos().to_le_bytes());
    Ok(*hasher.finalize().as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_read_back_as_written_in_any_order() {
        let spill = Spill::new().unwrap();
        let key = spill.key(&[b"x"]);
        let terms = Terms::from_packed("bình\u{5}phước\u{1}".to_owned());
        let a = spill
            .put(key, b"[\"/a/\",\"A\"]", &Terms::default(), 1)
            .unwrap();
        let b = spill
            .put(key, "[\"/b/\",\"Bình\"]".as_bytes(), &terms, 2)
            .unwrap();
        let mut out = b"[".to_vec();
        b.read_into(&mut out).unwrap();
        out.push(b',');
        a.read_into(&mut out).unwrap();
        out.push(b']');
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "[[\"/b/\",\"Bình\"],[\"/a/\",\"A\"]]"
        );
        // More documents after a read go on at the end.
        let c = spill.put(key, b"[\"/c/\"]", &terms, 3).unwrap();
        let mut out = Vec::new();
        c.read_into(&mut out).unwrap();
        a.read_into(&mut out).unwrap();
        assert_eq!(out, b"[\"/c/\"][\"/a/\",\"A\"]");
        assert_eq!((a.text_len, c.text_len), (1, 3));
        assert_eq!(b.terms().unwrap(), terms);
        assert_eq!(c.terms().unwrap(), terms);
        assert!(a.terms().unwrap().is_empty());
    }

    #[test]
    fn a_kept_file_gives_the_next_build_its_entries() {
        let root = tempfile::tempdir().unwrap();
        let terms = Terms::from_packed("đường\u{4}".to_owned());
        let first = Spill::cached(root.path()).unwrap();
        let (article, gz) = (first.key(&[b"a"]), first.key(&[b"gz"]));
        first.put(article, b"[\"/a/\"]", &terms, 7).unwrap();
        assert_eq!(first.remembered(gz, || b"zipped".to_vec()), b"zipped");
        assert!(first.reuse(&article).is_none(), "no last build yet");
        first.keep().unwrap();
        drop(first);

        let second = Spill::cached(root.path()).unwrap();
        let doc = second.reuse(&article).unwrap();
        let mut out = Vec::new();
        doc.read_into(&mut out).unwrap();
        assert_eq!((out.as_slice(), doc.text_len), (&b"[\"/a/\"]"[..], 7));
        assert_eq!(doc.terms().unwrap(), terms);
        let made = second.remembered(gz, || unreachable!("remembered"));
        assert_eq!(made, b"zipped");
        assert!(second.reuse(&second.key(&[b"b"])).is_none());

        let files = [("vi/search/x.json.gz".to_owned(), Some(gz))];
        second.remember_files(second.key(&[b"vi"]), &files);
        second.keep().unwrap();
        drop(second);

        // The second build kept what it used: a third finds it again.
        let third = Spill::cached(root.path()).unwrap();
        assert!(third.reuse(&article).is_some());
        assert_eq!(
            third.recall_files(&third.key(&[b"vi"])).unwrap(),
            [("vi/search/x.json.gz".to_owned(), b"zipped".to_vec())]
        );
        assert!(third.recall_files(&third.key(&[b"en"])).is_none());
        third.remember_files(third.key(&[b"en"]), &[("a".to_owned(), None)]);
        third.keep().unwrap();
        drop(third);
        let fourth = Spill::cached(root.path()).unwrap();
        assert!(fourth.recall_files(&fourth.key(&[b"en"])).is_none());
    }

    #[test]
    fn a_damaged_cache_is_made_again() {
        let root = tempfile::tempdir().unwrap();
        let first = Spill::cached(root.path()).unwrap();
        let key = first.key(&[b"a"]);
        first.remembered(key, || b"good bytes".to_vec());
        first.keep().unwrap();
        drop(first);
        let path = root.path().join(CACHE_DIR).join(CACHE_FILE);
        let mut bytes = std::fs::read(&path).unwrap();
        bytes[0] ^= 1;
        std::fs::write(&path, &bytes).unwrap();
        let second = Spill::cached(root.path()).unwrap();
        assert_eq!(second.remembered(key, || b"made".to_vec()), b"made");
        drop(second);
        // A cut file, or one of another layout, is not read at all.
        for damaged in [&bytes[..bytes.len() - 1], b"mkss0001"] {
            std::fs::write(&path, damaged).unwrap();
            let third = Spill::cached(root.path()).unwrap();
            assert!(third.last.is_none());
        }
    }
}
