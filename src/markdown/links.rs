//! Links in a Markdown body: where each goes and whether it goes anywhere.
//!
//! Comes in: a link's destination as written, its line, and the page's
//! [`Resolver`]. Goes out: the href to publish (`@/` and `.md` links → the
//! page's URL in this language; `/x/` → under the base path; external
//! links as written), errors at the link's line with the fix, and anchors
//! to check (other pages' once all are rendered, this page's at its end).

use super::{AnchorCheck, Rendered, Resolver, WithBody};
use crate::diagnostics::{closest, Diagnostic};
use crate::html::escape;
use crate::messages::Message;
use crate::msg;
use std::path::Path;

/// The fix for a path written with Windows separators.
pub(super) fn backslash() -> Message {
    msg!("link.backslash")
}

/// `https:`, `mailto:`, `tel:`, `//host/...`: another site's address, left
/// as written.
pub(super) fn is_external(dest: &str) -> bool {
    if dest.starts_with("//") {
        return true;
    }
    let scheme = dest.split(':').next().unwrap_or("");
    dest.len() > scheme.len()
        && scheme.len() > 1 // `C:\...` is a Windows path, not a scheme
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// `path#anchor` → (`path`, `Some(anchor)`).
fn split_anchor(dest: &str) -> (&str, Option<&str>) {
    dest.split_once('#')
        .map_or((dest, None), |(p, a)| (p, Some(a)))
}

fn decoded(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

/// Where a relative URL leads from the page at `page` (`/news/t1/`), as a
/// browser resolves it: from the page's folder, `.` and `..` segments
/// applied, never above the root.
fn join_url(page: &str, relative: &str) -> String {
    let folder = &page[..page.rfind('/').map_or(0, |i| i + 1)];
    let mut segments: Vec<&str> = folder.split('/').filter(|s| !s.is_empty()).collect();
    let parts: Vec<&str> = relative.split('/').collect();
    for part in &parts {
        match *part {
            "." | "" => {}
            ".." => {
                segments.pop();
            }
            segment => segments.push(segment),
        }
    }
    let mut url = format!("/{}", segments.join("/"));
    let ends_in_folder = matches!(parts.last(), Some(&"" | &"." | &".."));
    if ends_in_folder && url.len() > 1 {
        url.push('/');
    }
    url
}

/// One page's links: where each goes, and the errors of those that go
/// nowhere, at the link's line.
pub(super) struct PageLinks<'a, 'r> {
    pub(super) file: &'a Path,
    pub(super) body: &'a str,
    pub(super) body_line: usize,
    pub(super) resolver: &'a Resolver<'r>,
}

impl PageLinks<'_, '_> {
    /// The href to publish for `dest` as written. External links stay;
    /// `@/` and `.md` links become the page's URL in this language;
    /// root-relative paths get the base path; `#x` is checked against the
    /// page's own headings once they are all known.
    pub(super) fn link(
        &self,
        dest: &str,
        (line, col): (usize, usize),
        out: &mut Rendered,
        own_anchors: &mut Vec<AnchorCheck>,
        diags: &mut Vec<Diagnostic>,
    ) -> String {
        if is_external(dest) || dest.is_empty() {
            return dest.to_owned();
        }
        if let Some(target) = dest.strip_prefix("@/") {
            return self.article(dest, target, (line, col), out, diags);
        }
        if dest.contains('\\') {
            diags.push(
                self.error(
                    msg!("link.with-backslash", dest = dest, why = backslash()),
                    line,
                    col,
                )
                .hint(msg!("link.write", dest = dest.replace('\\', "/"))),
            );
            return dest.to_owned();
        }
        if let Some(anchor) = dest.strip_prefix('#') {
            own_anchors.push(AnchorCheck {
                target: String::new(),
                anchor: decoded(anchor),
                line,
                col,
            });
            return dest.to_owned();
        }
        let (path, anchor) = split_anchor(dest);
        let (path, query) = path.split_once('?').map_or((path, ""), |(p, q)| (p, q));
        let path = decoded(path);
        if path.ends_with(".md") {
            let content_path = match path.strip_prefix('/') {
                Some(abs) => Some(abs.to_owned()),
                None => (self.resolver.relative)(&path),
            };
            let Some(content_path) = content_path else {
                diags.push(
                    self.error(msg!("link.leaves-content", dest = dest), line, col)
                        .hint(msg!("link.leaves-content.hint")),
                );
                return dest.to_owned();
            };
            let target = match anchor {
                Some(a) => format!("{content_path}#{a}"),
                None => content_path,
            };
            return self.article(dest, &target, (line, col), out, diags);
        }
        let Some(abs) = path.strip_prefix('/') else {
            return self.relative(dest, &path, (line, col), out, diags);
        };
        out.link_targets.push(format!("/{abs}"));
        match (self.resolver.site_path)(&format!("/{abs}")) {
            Ok(url) => {
                let query = if query.is_empty() {
                    String::new()
                } else {
                    format!("?{query}")
                };
                let anchor = anchor.map(|a| format!("#{a}")).unwrap_or_default();
                format!("{url}{query}{anchor}")
            }
            Err(closest) => {
                let hint = match closest {
                    Some(c) => msg!("link.nothing-published.did-you-mean", path = c),
                    None => msg!("link.nothing-published.hint"),
                };
                diags.push(
                    self.error(
                        msg!("link.nothing-published", dest = dest, path = &path),
                        line,
                        col,
                    )
                    .hint(hint),
                );
                dest.to_owned()
            }
        }
    }

    /// `photo.jpg`, `../tourism/`: relative to the page's address, which the
    /// base path does not change, so it is published as written; an error
    /// when the site publishes nothing where it leads (editors often write
    /// it from the article's file, `../tourism/` from content/news/x.md,
    /// while the browser starts from /news/x/).
    fn relative(
        &self,
        dest: &str,
        path: &str,
        (line, col): (usize, usize),
        out: &mut Rendered,
        diags: &mut Vec<Diagnostic>,
    ) -> String {
        if path.is_empty() {
            // `?lang=vi`: this page again.
            return dest.to_owned();
        }
        let page = self.resolver.page_path;
        let target = join_url(page, path);
        out.link_targets.push(target.clone());
        if let Err(closest) = (self.resolver.site_path)(&target) {
            // Read from the article's file instead, as a path in content/.
            let from_file = (self.resolver.relative)(path)
                .map(|p| {
                    let p = p.trim_end_matches('/');
                    if path.ends_with('/') && !p.is_empty() {
                        format!("/{p}/")
                    } else {
                        format!("/{p}")
                    }
                })
                .filter(|p| (self.resolver.site_path)(p).is_ok());
            let hint = match (from_file, closest) {
                (Some(p), _) => msg!("link.relative-nothing-published.from-file", path = p),
                (None, Some(c)) => msg!("link.relative-nothing-published.did-you-mean", path = c),
                (None, None) => msg!("link.relative-nothing-published.hint"),
            };
            diags.push(
                self.error(
                    msg!(
                        "link.relative-nothing-published",
                        dest = dest,
                        page = page,
                        path = &target
                    ),
                    line,
                    col,
                )
                .hint(hint),
            );
        }
        dest.to_owned()
    }

    /// An article named by its file (`tourism/x.md#anchor`, as `@/` has it):
    /// its URL in the page's language, or an error naming `dest`.
    fn article(
        &self,
        dest: &str,
        target: &str,
        (line, col): (usize, usize),
        out: &mut Rendered,
        diags: &mut Vec<Diagnostic>,
    ) -> String {
        let (path, anchor) = split_anchor(target);
        out.link_targets.push(path.to_owned());
        match (self.resolver.link)(path) {
            Some(url) => match anchor {
                Some(anchor) => {
                    out.anchor_checks.push(AnchorCheck {
                        target: path.to_owned(),
                        anchor: anchor.to_owned(),
                        line,
                        col,
                    });
                    format!("{url}#{anchor}")
                }
                None => url,
            },
            None => {
                let hint = match (self.resolver.known_paths)(path) {
                    Some(c) => msg!("link.no-article.did-you-mean", path = c),
                    None => msg!("link.no-article.hint"),
                };
                diags.push(
                    self.error(msg!("link.no-article", dest = dest), line, col)
                        .hint(hint),
                );
                dest.to_owned()
            }
        }
    }

    fn error(&self, message: Message, line: usize, col: usize) -> Diagnostic {
        Diagnostic::error(self.file.to_path_buf(), message)
            .at(line, col)
            .with_source_body(self.body, self.body_line)
    }
}

/// `#x` links against the page's own headings (and `id`s written in raw
/// HTML), with the closest heading as a suggestion.
pub(super) fn check_own_anchors(
    file: &Path,
    body: &str,
    body_line: usize,
    out: &Rendered,
    own_anchors: Vec<AnchorCheck>,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for check in own_anchors {
        let anchor = &check.anchor;
        if anchor.is_empty()
            || out.toc.iter().any(|t| &t.id == anchor)
            || out.html.contains(&format!("id=\"{}\"", escape(anchor)))
        {
            continue;
        }
        let ids: Vec<&str> = out.toc.iter().map(|t| t.id.as_str()).collect();
        let hint = match closest(anchor, ids.iter().copied()) {
            Some(c) => msg!(
                "anchor.own.did-you-mean",
                anchor = c,
                headings = ids.join(", ")
            ),
            None if ids.is_empty() => msg!("anchor.own.no-headings"),
            None => msg!("anchor.own.headings", headings = ids.join(", ")),
        };
        diags.push(
            Diagnostic::error(
                file.to_path_buf(),
                msg!("anchor.own.missing", anchor = anchor),
            )
            .at(check.line, check.col)
            .with_source_body(body, body_line)
            .hint(hint),
        );
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::join_url;
    use crate::markdown::tests::render_simple;

    #[test]
    fn relative_urls_start_from_the_page_folder_like_a_browser() {
        assert_eq!(join_url("/news/t1/", "../tourism/"), "/news/tourism/");
        assert_eq!(join_url("/news/t1/", "../../tourism/"), "/tourism/");
        assert_eq!(join_url("/news/t1/", "photo.jpg"), "/news/t1/photo.jpg");
        assert_eq!(join_url("/news/t1/", "./a/./b"), "/news/t1/a/b");
        assert_eq!(join_url("/news/t1/", ".."), "/news/");
        assert_eq!(join_url("/", "../../../etc/passwd"), "/etc/passwd");
        assert_eq!(join_url("/en/", "."), "/en/");
    }

    #[test]
    fn a_relative_link_is_kept_as_written_or_is_an_error_where_nothing_is_published() {
        // The page is /tourism/x/: `../a/` is /tourism/a/, published.
        let (r, d) = render_simple("[a](../a/#top) [b](../../tourism/a/) [c](../tourism/a/)\n");
        assert!(r.html.contains("href=\"../a/#top\""), "{}", r.html);
        assert!(r.html.contains("href=\"../../tourism/a/\""), "{}", r.html);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(
            d[0].message.contains("`../tourism/a/`")
                && d[0].message.contains("/tourism/x/")
                && d[0].message.contains("/tourism/tourism/a/"),
            "{}",
            d[0].message
        );
        assert!(
            d[0].hint
                .as_deref()
                .is_some_and(|h| h.contains("/tourism/a/")),
            "{:?}",
            d[0].hint
        );
        assert_eq!((d[0].line, d[0].col), (Some(5), Some(38)));
        assert_eq!(r.link_targets.len(), 3);
    }

    #[test]
    fn a_relative_link_written_from_the_file_gets_the_path_to_write() {
        // content/x.md links `tourism/a/`, meaning content/tourism/a: from
        // the page /tourism/x/ that is /tourism/x/tourism/a/.
        let (_, d) = render_simple("[a](tourism/a/)\n");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(
            d[0].hint
                .as_deref()
                .is_some_and(|h| h.contains("write `/tourism/a/`")),
            "{:?}",
            d[0].hint
        );
    }

    #[test]
    fn md_links_resolve_like_at_links() {
        let (r, d) = render_simple("[a](tourism/a.md#top) [b](./tourism/a.md) [c](../x.md)\n");
        assert!(r.html.contains("href=\"/tourism/a/#top\""), "{}", r.html);
        assert!(r.html.contains("href=\"/tourism/a/\""), "{}", r.html);
        assert_eq!(r.anchor_checks.len(), 1);
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("`../x.md`") && d[0].message.contains("leaves"));
        assert_eq!(d[0].line, Some(5));
    }

    #[test]
    fn root_relative_links_get_the_base_path_or_an_error() {
        let (r, d) =
            render_simple("[a](/tourism/a/#x) [f](/images/x.pdf?v=1)\n\n[b](/tourism/b/)\n");
        assert!(
            r.html.contains("href=\"/portal/tourism/a/#x\""),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("href=\"/portal/images/x.pdf?v=1\""),
            "{}",
            r.html
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].line, Some(7));
        assert!(d[0].message.contains("/tourism/b/"), "{}", d[0].message);
        assert!(d[0]
            .hint
            .as_deref()
            .unwrap_or("")
            .contains("did you mean `/tourism/a/`"));
    }

    #[test]
    fn external_and_relative_links_are_left_alone() {
        let body =
            "[a](https://x.org/) [b](mailto:a@b.vn) [c](tel:+84) [d](//cdn.vn/x) [e](../a/)\n";
        let (r, d) = render_simple(body);
        assert!(d.is_empty(), "{d:?}");
        for href in [
            "https://x.org/",
            "mailto:a@b.vn",
            "tel:+84",
            "//cdn.vn/x",
            "../a/",
        ] {
            assert!(
                r.html.contains(&format!("href=\"{href}\"")),
                "{href} in {}",
                r.html
            );
        }
    }

    #[test]
    fn same_page_anchors_are_checked_against_headings() {
        let (_, d) = render_simple("[a](#giao-thog) [b](#giao-thong) [c](#raw)\n\n## Giao thông\n\n<span id=\"raw\"></span>\n");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("#giao-thog"));
        assert!(d[0]
            .hint
            .as_deref()
            .unwrap_or("")
            .contains("did you mean `#giao-thong`"));
        assert_eq!(d[0].line, Some(5));
    }

    #[test]
    fn backslash_paths_are_errors_with_the_fix() {
        let (_, d) = render_simple("[a](images\\hero.jpg)\n\n![b](images\\hero.jpg)\n");
        assert_eq!(d.len(), 2, "{d:?}");
        assert!(d
            .iter()
            .all(|d| d.is_error() && d.message.contains("write / instead of \\")));
        assert_eq!(d[0].hint.as_deref(), Some("write `images/hero.jpg`"));
        assert_eq!((d[0].line, d[1].line), (Some(5), Some(7)));
    }
}
