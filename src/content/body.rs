//! A page's Markdown body, kept or read again: `serve` keeps every body in
//! memory (an edit re-renders from it); a one-shot build keeps the front
//! matter only and reads a body again each time the page is rendered, so
//! that its memory grows with the number of pages, not with their text.

use super::{front_matter, SourcePage};
use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::source_text::decode_utf8;
use std::borrow::Cow;
use std::path::Path;

/// Whether pages hold their Markdown bodies once read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bodies {
    /// In memory, for as long as the page is (`serve`).
    Kept,
    /// Read again from the file when needed (a one-shot build).
    Reread,
}

impl SourcePage {
    /// The Markdown body: the one kept, else the file under `root` read
    /// again, which must still be the file read at first (same bytes).
    pub(crate) fn body(&self, root: &Path) -> Result<Cow<'_, str>, Diagnostic> {
        if let Some(body) = &self.body {
            return Ok(Cow::Borrowed(body));
        }
        let bytes = std::fs::read(root.join(&self.file)).map_err(|e| {
            Diagnostic::error(
                self.file.clone(),
                msg!("content.cannot-read", error = e.to_string()),
            )
        })?;
        if blake3::hash(&bytes) != self.hash {
            return Err(Diagnostic::error(
                self.file.clone(),
                msg!("content.changed-while-building"),
            )
            .hint(msg!("content.changed-while-building.hint")));
        }
        let mut text = decode_utf8(&bytes).map_err(|d| d.located_in(self.file.clone()))?;
        let body_len = front_matter::split(&text)
            .map_err(|d| d.located_in(self.file.clone()))?
            .body
            .len();
        // The body is the end of the file: drop what comes before it.
        text.replace_range(..text.len() - body_len, "");
        Ok(Cow::Owned(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::LangCode;
    use crate::content::front_matter::FrontMatter;
    use crate::content::Kind;
    use std::path::PathBuf;

    fn page(file: &str, bytes: &[u8], body: Option<&str>) -> SourcePage {
        SourcePage {
            file: PathBuf::from(file),
            content_path: "news/x.md".into(),
            kind: Kind::Article,
            section: Some("news".into()),
            file_slug: "x".into(),
            lang: LangCode("vi".into()),
            front: FrontMatter::default(),
            body: body.map(str::to_owned),
            body_line: 4,
            assets: Vec::new(),
            hash: blake3::hash(bytes),
        }
    }

    #[test]
    fn a_body_not_kept_is_read_again_without_its_front_matter() {
        let dir = tempfile::tempdir().expect("dir");
        let bytes = b"\xEF\xBB\xBF---\r\ntitle: A\r\n---\r\nBody\r\nmore\r\n";
        std::fs::write(dir.path().join("x.md"), bytes).expect("write");
        let p = page("x.md", bytes, None);
        assert_eq!(p.body(dir.path()).expect("read"), "Body\nmore\n");
    }

    #[test]
    fn a_kept_body_is_not_read() {
        let p = page("missing.md", b"", Some("kept"));
        assert_eq!(p.body(Path::new("/nowhere")).expect("kept"), "kept");
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_an_error() {
        let dir = tempfile::tempdir().expect("dir");
        std::fs::write(dir.path().join("x.md"), "---\ntitle: B\n---\nNew\n").expect("write");
        let p = page("x.md", b"---\ntitle: A\n---\nOld\n", None);
        let err = p.body(dir.path()).expect_err("changed");
        assert!(err.message.contains("changed"), "{}", err.message);
        let gone = page("gone.md", b"", None);
        assert!(gone.body(dir.path()).is_err());
    }
}
