//! Markdown → HTML with pulldown-cmark: heading ids and a table of contents,
//! `<!-- more -->` summaries, links resolved for the page's language
//! (`links.rs`: `@/` and `.md` links, root-relative paths under the base
//! path, same-page anchors), local images checked, raw HTML passed through
//! (or sanitized with `markdown.safe`).
//!
//! Comes in: a body, its file and first line, and a [`Resolver`] for site
//! paths. Goes out: [`Rendered`] and diagnostics at file lines. Anchors on
//! other pages can only be checked once every page is rendered: they are
//! returned as [`AnchorCheck`]s.

use crate::content::front_matter::body_line_col;
use crate::content::slug::slugify;
use crate::diagnostics::Diagnostic;
use crate::html::escape;
use crate::images::Picture;
use crate::messages::Message;
use crate::msg;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;
use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

mod links;
mod spaces;

use links::{backslash, check_own_anchors, is_external, PageLinks};

/// One heading, for the table of contents and anchor checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TocEntry {
    /// 1–6.
    pub level: u8,
    /// The `id` attribute.
    pub id: String,
    /// Plain text.
    pub title: String,
}

/// A `#anchor` to check once the target page is rendered.
#[derive(Debug, Clone)]
pub struct AnchorCheck {
    /// The target's `@/` path.
    pub target: String,
    /// The anchor without `#`.
    pub anchor: String,
    /// Where the link is (file line and column).
    pub line: usize,
    /// Column.
    pub col: usize,
}

/// What rendering a body gives.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The body HTML.
    pub html: String,
    /// HTML before `<!-- more -->`, when present.
    pub summary: Option<String>,
    /// Headings in order.
    pub toc: Vec<TocEntry>,
    /// Words, counting scripts written without spaces by syllable clusters.
    pub word_count: usize,
    /// Anchors to check later.
    pub anchor_checks: Vec<AnchorCheck>,
    /// What the body's internal links name: `@/` paths (`tourism/x.md`)
    /// and root-relative paths (`/tourism/x/`). `serve` renders the body
    /// again when one of them appears or goes.
    pub link_targets: Vec<String>,
    /// Search terms of the page (when the site has search): computed with
    /// the Markdown, so `serve` reuses them for unchanged pages.
    pub search_terms: crate::search::Terms,
    /// The page's document of the search index and its search terms, when
    /// a one-shot build put them in a temporary file (`search_terms` is then
    /// empty, and the HTML the document is made from need not be kept).
    pub search_doc: Option<crate::search::SpilledDoc>,
    /// Pictures the body shows, for the image pipeline to produce.
    pub images: Vec<Arc<Picture>>,
    /// The front matter's `image:` as a picture (set by the site, not here).
    pub lead: Option<Arc<Picture>>,
    /// The URL of the front matter's `image:` (a picture's fallback, or an
    /// external URL as written).
    pub lead_url: Option<String>,
}

impl Rendered {
    /// The photos the page shows: its body's, then its lead image.
    pub fn pictures(&self) -> impl Iterator<Item = &Arc<Picture>> {
        self.images.iter().chain(&self.lead)
    }
}

/// An image as the page shows it.
pub(crate) struct ImageHtml {
    /// `<picture>` or `<img>`.
    pub html: String,
    /// The picture to produce, for local photos.
    pub picture: Option<Arc<Picture>>,
}

/// A plain lazy `<img>` (external images, SVG, GIF); `url` and `alt` escaped.
pub(crate) fn plain_img(url: &str, alt: &str) -> String {
    format!("<img src=\"{url}\" alt=\"{alt}\" loading=\"lazy\" decoding=\"async\">")
}

/// How the renderer turns site paths into URLs for one page.
pub(crate) struct Resolver<'a> {
    /// `@/tourism/x.md` (without `@/`) → the URL in the page's language.
    pub link: &'a dyn Fn(&str) -> Option<String>,
    /// An image source and its alt text (escaped) → its HTML, or why it
    /// cannot be used.
    pub image: &'a dyn Fn(&str, &str) -> Result<ImageHtml, Message>,
    /// Known `@/` paths, for "did you mean" hints.
    pub known_paths: &'a dyn Fn(&str) -> Option<String>,
    /// A relative path as written in the article (`../investment/x.md`,
    /// unencoded) → its `@/` path (`investment/x.md`), or `None` when it
    /// leaves content/.
    pub relative: &'a dyn Fn(&str) -> Option<String>,
    /// A root-relative path (`/investment/x/`, unencoded, without `?` or
    /// `#`) → its URL under the base path, or the closest URL the site has
    /// (for "did you mean") when nothing is published there.
    pub site_path: &'a dyn Fn(&str) -> Result<String, Option<String>>,
    /// The page's own path (`/news/t1/`, unencoded, without the base path):
    /// a relative link (`../tourism/`, `photo.jpg`) starts from it.
    pub page_path: &'a str,
}

const MORE: &str = "<!-- more -->";

/// Renders a Markdown body. Diagnostics carry `file` and file lines.
pub(crate) fn render(
    file: &Path,
    body: &str,
    body_line: usize,
    safe: bool,
    resolver: &Resolver<'_>,
) -> (Rendered, Vec<Diagnostic>) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut diags = Vec::new();
    let mut out = Rendered::default();
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut summary_at: Option<usize> = None;
    let mut used_ids: HashSet<String> = HashSet::new();
    let mut heading_start: Option<usize> = None;
    let mut image: Option<(String, usize, String)> = None; // (src, offset, alt so far)
    let mut own_anchors: Vec<AnchorCheck> = Vec::new();
    // Plain text outside code, where a `[…](path with space)` left as text
    // is looked for.
    let mut text_ranges: Vec<std::ops::Range<usize>> = Vec::new();
    let mut in_code_block = false;
    let at = |offset: usize| body_line_col(body, body_line, offset);

    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        // Inside an image, collect the alt text instead of emitting it.
        if let Some((_, _, alt)) = image.as_mut() {
            match event {
                Event::Text(t) | Event::Code(t) => alt.push_str(&t),
                Event::End(TagEnd::Image) => {
                    let (src, offset, alt) = image.take().unwrap_or_default();
                    let (line, col) = at(offset);
                    if alt.trim().is_empty() {
                        diags.push(
                            Diagnostic::warning(
                                file.to_path_buf(),
                                msg!("image.no-alt", src = &src),
                            )
                            .at(line, col)
                            .with_source_body(body, body_line)
                            .hint(msg!("image.no-alt.hint")),
                        );
                    }
                    let resolved = if is_external(&src) || !src.contains('\\') {
                        (resolver.image)(&src, &escape(&alt))
                    } else {
                        Err(backslash())
                    };
                    let html = match resolved {
                        Ok(img) => {
                            out.images.extend(img.picture);
                            img.html
                        }
                        Err(why) => {
                            diags.push(
                                Diagnostic::error(
                                    file.to_path_buf(),
                                    msg!("image.cannot-use", src = &src, why = why),
                                )
                                .at(line, col)
                                .with_source_body(body, body_line)
                                .hint(msg!("image.cannot-use.hint")),
                            );
                            plain_img(&escape(&src), &escape(&alt))
                        }
                    };
                    events.push(Event::InlineHtml(CowStr::from(html)));
                }
                _ => {}
            }
            continue;
        }
        match &event {
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            Event::Text(_) if !in_code_block => text_ranges.push(range.clone()),
            _ => {}
        }
        match event {
            Event::Text(ref t) => {
                out.word_count += count_words(t);
                events.push(event);
            }
            Event::Html(ref h) | Event::InlineHtml(ref h)
                if h.trim() == MORE && summary_at.is_none() =>
            {
                summary_at = Some(events.len());
            }
            Event::Start(Tag::Heading { .. }) => {
                heading_start = Some(events.len());
                events.push(event);
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some(start) = heading_start.take() {
                    let title: String = events[start + 1..]
                        .iter()
                        .filter_map(|e| match e {
                            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                            _ => None,
                        })
                        .collect();
                    if let Event::Start(Tag::Heading {
                        id, classes, attrs, ..
                    }) = &events[start]
                    {
                        let wanted = id.as_deref().map(str::to_owned).unwrap_or_else(|| {
                            let s = slugify(&title);
                            if s.is_empty() {
                                "section".to_owned()
                            } else {
                                s
                            }
                        });
                        let mut unique = wanted.clone();
                        let mut n = 1;
                        while !used_ids.insert(unique.clone()) {
                            unique = format!("{wanted}-{n}");
                            n += 1;
                        }
                        let (classes, attrs) = (classes.clone(), attrs.clone());
                        events[start] = Event::Start(Tag::Heading {
                            level,
                            id: Some(CowStr::from(unique.clone())),
                            classes,
                            attrs,
                        });
                        out.toc.push(TocEntry {
                            level: heading_number(level),
                            id: unique,
                            title: title.trim().to_owned(),
                        });
                    }
                }
                events.push(event);
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let page = PageLinks {
                    file,
                    body,
                    body_line,
                    resolver,
                };
                let new_dest = page.link(
                    &dest_url,
                    at(range.start),
                    &mut out,
                    &mut own_anchors,
                    &mut diags,
                );
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url: CowStr::from(new_dest),
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                image = Some((dest_url.to_string(), range.start, String::new()));
            }
            other => events.push(other),
        }
    }

    let mut html = String::with_capacity(body.len() * 3 / 2);
    if let Some(split) = summary_at {
        let mut summary = String::new();
        pulldown_cmark::html::push_html(&mut summary, events[..split].iter().cloned());
        out.summary = Some(if safe { sanitize(&summary) } else { summary });
    }
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    out.html = if safe { sanitize(&html) } else { html };
    diags.extend(check_own_anchors(file, body, body_line, &out, own_anchors));
    diags.extend(spaces::check(file, body, body_line, &text_ranges));
    (out, diags)
}

trait WithBody {
    fn with_source_body(self, body: &str, body_line: usize) -> Self;
}

impl WithBody for Diagnostic {
    fn with_source_body(mut self, body: &str, body_line: usize) -> Self {
        if let Some(line) = self.line {
            self.source_line = body
                .lines()
                .nth(line.saturating_sub(body_line))
                .map(str::to_owned);
        }
        self
    }
}

fn heading_number(level: HeadingLevel) -> u8 {
    level as u8
}

/// Raw HTML from many hands, cleaned: no scripts, event handlers or
/// `javascript:` URLs; ids and classes stay so anchors keep working.
pub(crate) fn sanitize(html: &str) -> String {
    ammonia::Builder::default()
        .add_generic_attributes(["id", "class", "lang", "dir"])
        .add_tag_attributes(
            "img",
            ["loading", "decoding", "width", "height", "srcset", "sizes"],
        )
        .clean(html)
        .to_string()
}

/// Words in text: whitespace-separated, except that runs of Lao, Khmer or
/// Thai (written without spaces between words) count one word per ~5 letters.
pub(crate) fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .map(|w| {
            if w.is_ascii() {
                return 1;
            }
            let spaceless = w
                .chars()
                .filter(|c| matches!(*c as u32, 0x0E00..=0x0EFF | 0x1780..=0x17FF))
                .count();
            if spaceless > 0 {
                spaceless.div_ceil(5)
            } else {
                1
            }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn render_simple(body: &str) -> (Rendered, Vec<Diagnostic>) {
        let link = |p: &str| (p == "tourism/a.md").then(|| "/tourism/a/".to_string());
        let image = |s: &str, alt: &str| {
            if s.starts_with("ok") {
                Ok(ImageHtml {
                    html: plain_img(&format!("/img/{s}"), alt),
                    picture: None,
                })
            } else {
                Err(msg!("image.not-found", path = s))
            }
        };
        let known = |_: &str| Some("tourism/a.md".to_string());
        // The article is content/x.md: `tourism/a.md` is beside it.
        let relative =
            |p: &str| (!p.starts_with("..")).then(|| p.trim_start_matches("./").to_owned());
        let site_path = |p: &str| match p {
            "/tourism/a/" | "/images/x.pdf" => Ok(format!("/portal{p}")),
            _ => Err(Some("/tourism/a/".to_string())),
        };
        let r = Resolver {
            link: &link,
            image: &image,
            known_paths: &known,
            relative: &relative,
            site_path: &site_path,
            page_path: "/tourism/x/",
        };
        render(Path::new("content/x.md"), body, 5, false, &r)
    }

    #[test]
    fn headings_get_unique_ids_and_a_toc() {
        let (r, _) = render_simple("## Giao thông\n\n## Giao thông\n\n## Custom {#mine}\n");
        let ids: Vec<_> = r.toc.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["giao-thong", "giao-thong-1", "mine"]);
        assert!(r.html.contains("<h2 id=\"giao-thong\">Giao thông</h2>"));
    }

    #[test]
    fn internal_links_resolve_and_broken_ones_are_located() {
        let (r, d) = render_simple("See [a](@/tourism/a.md#top).\n\nAnd [b](@/tourism/b.md).\n");
        assert!(r.html.contains("href=\"/tourism/a/#top\""));
        assert_eq!(r.anchor_checks.len(), 1);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].line, Some(7));
        assert!(d[0].message.contains("@/tourism/b.md"));
        assert_eq!(
            d[0].source_line.as_deref(),
            Some("And [b](@/tourism/b.md).")
        );
    }

    #[test]
    fn summary_stops_at_the_more_marker() {
        let (r, _) = render_simple("Intro.\n\n<!-- more -->\n\nRest.\n");
        assert_eq!(r.summary.as_deref(), Some("<p>Intro.</p>\n"));
        assert!(r.html.contains("Rest."));
    }

    #[test]
    fn images_are_lazy_and_missing_ones_are_errors() {
        let (r, d) = render_simple("![A *cat*](ok.jpg)\n\n![x](missing.jpg)\n\n![](ok-2.jpg)\n");
        assert!(
            r.html.contains(
                "<img src=\"/img/ok.jpg\" alt=\"A cat\" loading=\"lazy\" decoding=\"async\">"
            ),
            "{}",
            r.html
        );
        assert_eq!(d.len(), 2);
        assert!(d[0].is_error() && d[0].message.contains("missing.jpg"));
        assert_eq!(d[0].line, Some(7));
        assert!(!d[1].is_error() && d[1].message.contains("no alt text"));
        assert_eq!(d[1].line, Some(9));
    }

    #[test]
    fn gfm_extensions_are_on() {
        let (r, _) = render_simple(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~x~~\n\n- [x] done\n\nNote[^1].\n\n[^1]: Foot.\n",
        );
        for needle in ["<table>", "<del>x</del>", "type=\"checkbox\"", "footnote"] {
            assert!(r.html.contains(needle), "{needle} in {}", r.html);
        }
    }

    #[test]
    fn safe_mode_removes_scripts_and_handlers() {
        let clean = sanitize("<p onclick=\"x()\">a</p><script>alert(1)</script><a href=\"javascript:alert(1)\">l</a><h2 id=\"k\">h</h2>");
        assert!(
            !clean.contains("script")
                && !clean.contains("onclick")
                && !clean.contains("javascript:"),
            "{clean}"
        );
        assert!(clean.contains("id=\"k\""));
    }

    #[test]
    fn lao_and_khmer_words_are_counted_without_spaces() {
        assert_eq!(count_words("hello world"), 2);
        assert!(count_words("ການລົງທຶນແຂວງ") >= 2);
    }
}
