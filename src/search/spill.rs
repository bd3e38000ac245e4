//! The search index's documents (each article's URL, title, description
//! and plain text, as one JSON array) and each article's [`Terms`], written
//! to a temporary file as the articles' Markdown is rendered, and read back
//! when the index is written: a one-shot build then holds a few bytes per
//! article instead of its text and its words. The file is anonymous ([`tempfile::tempfile`], in
//! the system's temporary folder or `TMPDIR`): it is removed when the build
//! ends, or when the system cleans it up after a crash.

use super::Terms;
use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::sync::{Arc, Mutex};

/// The temporary file documents are appended to.
#[derive(Debug)]
pub(crate) struct Spill {
    file: Mutex<Appender>,
}

#[derive(Debug)]
struct Appender {
    out: BufWriter<File>,
    end: u64,
}

/// Where one article's document and terms are in a [`Spill`], and what the
/// index needs to know of it before reading them.
#[derive(Debug, Clone)]
pub struct SpilledDoc {
    spill: Arc<Spill>,
    offset: u64,
    len: u32,
    terms_len: u32,
    /// The bytes of the article's HTML outside its tags (how the index
    /// sizes its fragment files).
    pub(crate) text_len: usize,
}

impl Spill {
    /// A new, empty spill file.
    pub(crate) fn new() -> io::Result<Arc<Spill>> {
        Ok(Arc::new(Spill {
            file: Mutex::new(Appender {
                out: BufWriter::with_capacity(256 * 1024, tempfile::tempfile()?),
                end: 0,
            }),
        }))
    }

    /// Appends an article's `doc` and `terms`.
    pub(crate) fn put(
        self: &Arc<Self>,
        doc: &[u8],
        terms: &Terms,
        text_len: usize,
    ) -> io::Result<SpilledDoc> {
        let len = u32::try_from(doc.len()).map_err(io::Error::other)?;
        let terms = terms.as_str().as_bytes();
        let terms_len = u32::try_from(terms.len()).map_err(io::Error::other)?;
        let mut file = self.file.lock().map_err(|_| io::Error::other("poisoned"))?;
        file.out.write_all(doc)?;
        file.out.write_all(terms)?;
        let offset = file.end;
        file.end += u64::from(len) + u64::from(terms_len);
        Ok(SpilledDoc {
            spill: self.clone(),
            offset,
            len,
            terms_len,
            text_len,
        })
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

    /// Appends `len` bytes at `offset` to `out`.
    fn read(&self, offset: u64, len: u32, out: &mut Vec<u8>) -> io::Result<()> {
        let mut file = self
            .spill
            .file
            .lock()
            .map_err(|_| io::Error::other("poisoned"))?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_read_back_as_written_in_any_order() {
        let spill = Spill::new().unwrap();
        let terms = Terms::from_packed("bình\u{5}phước\u{1}".to_owned());
        let a = spill.put(b"[\"/a/\",\"A\"]", &Terms::default(), 1).unwrap();
        let b = spill
            .put("[\"/b/\",\"Bình\"]".as_bytes(), &terms, 2)
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
        let c = spill.put(b"[\"/c/\"]", &terms, 3).unwrap();
        let mut out = Vec::new();
        c.read_into(&mut out).unwrap();
        a.read_into(&mut out).unwrap();
        assert_eq!(out, b"[\"/c/\"][\"/a/\",\"A\"]");
        assert_eq!((a.text_len, c.text_len), (1, 3));
        assert_eq!(b.terms().unwrap(), terms);
        assert_eq!(c.terms().unwrap(), terms);
        assert!(a.terms().unwrap().is_empty());
    }
}
