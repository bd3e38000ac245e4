//! Bodies: every page's Markdown rendered to HTML against the resolved
//! site (links, images, the lead image, search terms and documents), then anchors
//! checked against the headings of the pages they point to.
//!
//! Comes in: a resolved [`Site`] with empty bodies, the static files and
//! image pipeline ([`Files`]), and `serve`'s [`MarkdownCache`] from the last
//! build. Goes out: the site with bodies, diagnostics, the next cache.

use super::assets::{resolve_image, ImageSource};
use super::model::{Page, PageId, Site};
use crate::content::{Kind, SourcePage};
use crate::diagnostics::{closest, Diagnostic, Diagnostics};
use crate::html::escape;
use crate::markdown::{self, ImageHtml, Rendered, Resolver};
use crate::messages::Message;
use crate::msg;
use crate::paths::normalize_inside;
use crate::search::Spill;
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

/// Rendered Markdown kept between builds by `serve`: a page whose source
/// file is the same (the same shared value, not merely equal) is not
/// rendered again, unless a URL or `@/` path its links name appeared or
/// went since.
#[derive(Default)]
pub(crate) struct MarkdownCache {
    /// [`link_signature`] of the site the cache was made for; `None` when
    /// [`super::splice_bodies`] updated `keys` without computing it.
    pub(super) signature: Option<blake3::Hash>,
    /// What links could name when the cache was made ([`link_keys`]).
    pub(super) keys: HashSet<String>,
    /// The published paths root-relative links were checked against (an
    /// edit that keeps the site's structure checks against them again).
    pub(super) published: Arc<Published>,
    pub(crate) entries: HashMap<String, (Arc<SourcePage>, Arc<Rendered>)>,
}

impl MarkdownCache {
    /// Forgets the published paths (tag pages came or went): the next
    /// root-relative link checked lists them again.
    pub(crate) fn forget_published_paths(&mut self) {
        self.published = Arc::default();
    }

    /// Where pages' HTML comes from while they render ([`BodyHtml`]).
    pub(crate) fn body_html<'a>(&'a self, files: Files<'a>) -> BodyHtml<'a> {
        BodyHtml {
            files,
            published: &self.published,
        }
    }
}

/// What a link can name: every page's URL path, and every `@/` path with
/// the language it resolves in (`tourism/x.md\0lo`): a translation added
/// changes where a Lao link to `@/tourism/x.md` leads.
fn link_keys(site: &Site) -> HashSet<String> {
    let mut keys = HashSet::with_capacity(site.pages.len() * 2);
    for p in &site.pages {
        keys.extend(page_link_keys(site, p));
    }
    keys
}

/// The [`link_keys`] of one page.
pub(super) fn page_link_keys(site: &Site, p: &Page) -> impl Iterator<Item = String> {
    let src = site
        .source(p)
        .map(|src| format!("{}\0{}", src.content_path, p.lang.as_str()));
    std::iter::once(p.path.clone()).chain(src)
}

/// The link targets ([`Rendered::link_targets`]) whose meaning changed
/// between two sets of [`link_keys`].
fn changed_targets(before: &HashSet<String>, now: &HashSet<String>) -> HashSet<String> {
    target_of(before.symmetric_difference(now))
}

/// The link targets ([`Rendered::link_targets`]) that `keys` name.
pub(super) fn target_of<'a>(keys: impl Iterator<Item = &'a String>) -> HashSet<String> {
    keys.map(|k| k.split('\0').next().unwrap_or(k).to_owned())
        .collect()
}

/// Every URL of the site and what it shows: when this changes, any link may
/// resolve differently and all Markdown is rendered again.
pub(crate) fn link_signature(site: &Site) -> blake3::Hash {
    let mut h = blake3::Hasher::new();
    for p in &site.pages {
        let src = site.source(p).map_or("", |s| s.content_path.as_str());
        for part in [src, p.lang.as_str(), p.path.as_str()] {
            h.update(part.as_bytes());
            h.update(b"\0");
        }
    }
    h.finalize()
}

/// Which bodies keep their HTML once rendered.
pub(crate) enum KeepHtml<'a> {
    /// Every page's, and the next build's cache (`serve`).
    All,
    /// Only these pages' (a one-shot build: feed entries, say); every other
    /// page renders its body again when it is shown ([`BodyHtml`]), and no
    /// cache is kept. With search, each article's document of the index
    /// goes to `spill` (an article whose document could not be written
    /// keeps its HTML, which the index is then made from).
    Only {
        /// The pages that keep their HTML.
        kept: &'a HashSet<PageId>,
        /// Where the search index's documents go.
        spill: Option<Arc<Spill>>,
    },
}

/// Renders every page's Markdown in parallel (reusing `cache` where it
/// can), then checks anchors. Returns the cache for the next build.
pub(crate) fn render_markdown(
    site: &mut Site,
    files: Files<'_>,
    cache: Option<&MarkdownCache>,
    keep: KeepHtml<'_>,
) -> (Diagnostics, MarkdownCache) {
    let signature = link_signature(site);
    let keys = cache.map(|_| link_keys(site)).unwrap_or_default();
    let changed = match cache {
        Some(c) if c.signature != Some(signature) && !c.keys.is_empty() => {
            changed_targets(&c.keys, &keys)
        }
        _ => HashSet::new(),
    };
    let published = Arc::new(Published::default());
    let reusable = cache.map(|c| (c, &changed));
    let results = render_bodies(site, files, reusable, &published, &keep);
    let mut diags = Diagnostics::new();
    let mut next = MarkdownCache {
        signature: Some(signature),
        keys,
        published,
        entries: HashMap::with_capacity(results.len()),
    };
    for (page, (rendered, d)) in site.pages.iter_mut().zip(results) {
        // A one-shot build keeps no cache: there is no next build.
        if let (KeepHtml::All, true, Some(s)) = (&keep, d.is_empty(), page.source) {
            next.entries.insert(
                page.path.clone(),
                (site.sources[s].clone(), rendered.clone()),
            );
        }
        page.rendered = rendered;
        // A fallback page repeats its source's text: report its problems once.
        if !page.is_fallback {
            diags.extend(d);
        }
    }
    diags.extend(check_anchors(site));
    (diags, next)
}

/// Each page's body and its problems, in page order, in parallel; a body
/// from `reusable` is kept unless the article or one of its photos
/// changed, or one of its links names a changed target. HTML that `keep`
/// does not keep is dropped as soon as it is made.
fn render_bodies(
    site: &Site,
    files: Files<'_>,
    reusable: Option<(&MarkdownCache, &HashSet<String>)>,
    published: &Published,
    keep: &KeepHtml<'_>,
) -> Vec<(Arc<Rendered>, Vec<Diagnostic>)> {
    site.pages
        .par_iter()
        .enumerate()
        .map(|(id, page)| {
            let Some(src) = page.source.map(|s| &site.sources[s]) else {
                return (Arc::default(), Vec::new());
            };
            let cached =
                reusable.and_then(|(c, changed)| Some((c.entries.get(&page.path)?, changed)));
            if let Some(((cached_src, rendered), changed)) = cached {
                if Arc::ptr_eq(cached_src, src)
                    && rendered.pictures().all(|p| p.is_current())
                    && !rendered.link_targets.iter().any(|t| changed.contains(t))
                {
                    return (rendered.clone(), Vec::new());
                }
            }
            let spill = match keep {
                KeepHtml::Only { spill, .. } => spill.as_ref(),
                KeepHtml::All => None,
            };
            let (mut rendered, d) = render_page(site, page, src, files, published, spill);
            if let KeepHtml::Only { kept, .. } = keep {
                let search_needs_html =
                    !rendered.search_terms.is_empty() && rendered.search_doc.is_none();
                if !kept.contains(&PageId::new(id)) && !search_needs_html {
                    // Shown by its own page only, whose job renders it again.
                    rendered.html = String::new();
                }
            }
            (Arc::new(rendered), d)
        })
        .collect()
}

/// A page's body HTML for its own page: the HTML kept with it, or, when
/// a one-shot build dropped it ([`KeepHtml::Only`]), its body read and
/// rendered again exactly as the first time (the problems were reported
/// then).
#[derive(Clone, Copy)]
pub(crate) struct BodyHtml<'a> {
    /// What Markdown reads besides the body.
    pub(crate) files: Files<'a>,
    /// The published paths of the first rendering.
    pub(crate) published: &'a Published,
}

impl BodyHtml<'_> {
    /// The HTML of page `id`: an error only when its file cannot be read
    /// again as it was.
    pub(crate) fn html<'s>(&self, site: &'s Site, id: PageId) -> Result<Cow<'s, str>, Diagnostic> {
        let page = &site.pages[id];
        match site.source(page) {
            Some(src) if page.rendered.html.is_empty() => {
                let body = src.body(&site.config.root)?;
                let (again, _) = render_body(site, page, src, &body, self.files, self.published);
                Ok(Cow::Owned(again.html))
            }
            _ => Ok(Cow::Borrowed(&page.rendered.html)),
        }
    }
}

/// `@/path#anchor` links whose page has no such heading, with the closest
/// heading as a suggestion. Fallback pages are checked in their own
/// language's page only.
pub(super) fn check_anchors(site: &Site) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for page in &site.pages {
        if page.is_fallback {
            continue;
        }
        let Some(src) = site.source(page) else {
            continue;
        };
        for check in &page.rendered.anchor_checks {
            let target = site
                .resolve_link(&page.lang, &check.target)
                .or_else(|| site.resolve_link(&page.lang, &without_language(site, &check.target)?));
            let Some(target) = target else {
                continue;
            };
            let toc = &site.pages[target].rendered.toc;
            if toc.iter().any(|t| t.id == check.anchor) {
                continue;
            }
            let ids: Vec<&str> = toc.iter().map(|t| t.id.as_str()).collect();
            let hint = match closest(&check.anchor, ids.iter().copied()) {
                Some(c) => msg!(
                    "anchor.other.did-you-mean",
                    anchor = c,
                    headings = ids.join(", ")
                ),
                None if ids.is_empty() => msg!("anchor.other.no-headings"),
                None => msg!("anchor.other.headings", headings = ids.join(", ")),
            };
            diags.push(
                Diagnostic::error(
                    src.file.clone(),
                    msg!(
                        "anchor.other.missing",
                        anchor = &check.anchor,
                        target = &check.target,
                        lang = site.pages[target].lang.as_str()
                    ),
                )
                .at(check.line, check.col)
                .hint(hint),
            );
        }
    }
    diags
}

/// What Markdown rendering reads besides the content: static files (for
/// image paths) and the image catalog (the photos as read, to plan
/// pictures from; the pictures planned come back in each [`Rendered`]).
#[derive(Clone, Copy)]
pub(crate) struct Files<'a> {
    pub statics: &'a crate::theme::StaticFiles,
    pub images: &'a crate::images::Images,
}

/// Every path the site publishes, for checking root-relative links: built
/// once per pass over the pages, on the first such link (many sites have
/// none), then only read by every page.
pub(super) type Published = std::sync::OnceLock<BTreeSet<String>>;

/// How Markdown images are laid out: the article column on wide screens,
/// the whole width on phones. Browsers pick the variant from this.
const BODY_IMAGE_SIZES: &str = "(min-width: 48rem) 46rem, 100vw";

/// One page's body from `src` (which may be newer than the site's copy:
/// `serve`'s in-place update renders edited sources this way), with its
/// search terms when the site has search, and its document of the index
/// put in `spill` when there is one.
pub(super) fn render_page(
    site: &Site,
    page: &Page,
    src: &SourcePage,
    files: Files<'_>,
    published: &Published,
    spill: Option<&Arc<Spill>>,
) -> (Rendered, Vec<Diagnostic>) {
    let (mut rendered, diags) = match src.body(&site.config.root) {
        Ok(body) => render_body(site, page, src, &body, files, published),
        Err(d) => return (Rendered::default(), vec![d]),
    };
    if site.config.search && page.kind == Kind::Article && !page.is_fallback {
        index_article(site, page, src, &mut rendered, spill);
    }
    (rendered, diags)
}

/// An article's search terms, or with `spill` its document and terms put
/// there: copied from the last build's search cache when the article, its
/// URL, title and HTML are the same, otherwise cut from its text.
fn index_article(
    site: &Site,
    page: &Page,
    src: &SourcePage,
    rendered: &mut Rendered,
    spill: Option<&Arc<Spill>>,
) {
    let url = site.url(&page.path);
    let key = spill.map(|spill| {
        spill.key(&[
            b"article",
            src.hash.as_bytes(),
            url.as_bytes(),
            page.title.as_bytes(),
            rendered.html.as_bytes(),
        ])
    });
    if let Some(doc) = spill.zip(key.as_ref()).and_then(|(s, k)| s.reuse(k)) {
        rendered.search_doc = Some(doc);
        return;
    }
    let text = crate::search::plain_text(&rendered.html);
    let headings = rendered.toc.iter().map(|h| h.title.as_str());
    rendered.search_terms = crate::search::page_terms(src, headings, &text);
    if let (Some(spill), Some(key), false) = (spill, key, rendered.search_terms.is_empty()) {
        let description = src.front.description.as_deref().unwrap_or_default();
        let doc = crate::search::document(&url, &page.title, description, &text);
        let text_len = crate::search::html_text_len(&rendered.html);
        if let Ok(spilled) = spill.put(key, &doc, &rendered.search_terms, text_len) {
            rendered.search_doc = Some(spilled);
            rendered.search_terms = crate::search::Terms::default();
        }
    }
}

/// [`render_page`] with the body in hand.
fn render_body(
    site: &Site,
    page: &Page,
    src: &SourcePage,
    body: &str,
    files: Files<'_>,
    published: &Published,
) -> (Rendered, Vec<Diagnostic>) {
    let link = |path: &str| {
        site.resolve_link(&page.lang, path)
            .or_else(|| site.resolve_link(&page.lang, &without_language(site, path)?))
            .map(|id| site.url(&site.pages[id].path))
    };
    // Never the linking page itself (any of its languages' files): a typo
    // in a link to another page is often closest to the page's own name.
    let others = || {
        site.link_index
            .iter()
            .filter(|(_, &group)| group != page.group)
            .map(|(key, _)| key.as_str())
    };
    let known = |path: &str| closest(path, others()).map(str::to_owned);
    let image = |src_url: &str, alt: &str| -> Result<ImageHtml, Message> {
        let resolved = resolve_image(site, page, src, files.statics, src_url)?;
        let url = |p: &str| escape(&site.url(&format!("/{p}")));
        match resolved {
            ImageSource::Local { abs, out } if crate::images::is_raster(&out) => {
                let picture = files.images.picture(&abs, &out, None)?;
                Ok(ImageHtml {
                    html: picture.html(alt, BODY_IMAGE_SIZES, false, &url),
                    picture: Some(picture),
                })
            }
            ImageSource::Local { out, .. } => Ok(ImageHtml {
                html: markdown::plain_img(&url(&out), alt),
                picture: None,
            }),
            ImageSource::Url(u) => Ok(ImageHtml {
                html: markdown::plain_img(&escape(&u), alt),
                picture: None,
            }),
        }
    };
    let relative = |path: &str| relative_article(src, path);
    let site_path = |path: &str| {
        let published = published.get_or_init(|| published_paths(site, files.statics));
        published_url(site, published, path, &page.path)
    };
    let resolver = Resolver {
        link: &link,
        image: &image,
        known_paths: &known,
        relative: &relative,
        site_path: &site_path,
        page_path: &page.path,
    };
    let (mut rendered, mut diags) = markdown::render(
        &src.file,
        body,
        src.body_line,
        site.config.markdown.safe,
        &resolver,
    );
    if let Some(d) = lead_image(site, page, src, files, &mut rendered) {
        diags.push(d);
    }
    (rendered, diags)
}

/// `investment/x.en.md` → `investment/x.md`: a link may name a
/// translation's own file; it goes to the page in the linking page's
/// language, like the `@/` path of the group.
fn without_language(site: &Site, path: &str) -> Option<String> {
    let stem = path.strip_suffix(".md")?;
    let (stem, lang) = stem.rsplit_once('.')?;
    site.config
        .languages
        .iter()
        .any(|l| l.code.as_str() == lang)
        .then(|| format!("{stem}.md"))
}

/// `../investment/x.md` written in `content/tourism/y.md` → `investment/x.md`
/// (the `@/` path); `None` when the path leaves content/.
fn relative_article(src: &SourcePage, path: &str) -> Option<String> {
    let dir = src.file.parent().unwrap_or(Path::new(""));
    let rel = normalize_inside(&dir.join(path))?;
    let below = rel.strip_prefix("content").ok()?;
    Some(below.to_string_lossy().replace('\\', "/"))
}

/// Every path the site publishes below its base path, unencoded: pages,
/// aliases, static files, files of content/, tag lists and pages, open
/// data and its pages. Feeds, sitemap, robots.txt, 404 and pager pages are recognized by
/// their names in [`published_url`].
fn published_paths(site: &Site, statics: &crate::theme::StaticFiles) -> BTreeSet<String> {
    let mut paths = BTreeSet::new();
    for page in &site.pages {
        paths.insert(page.path.clone());
        let Some(src) = site.source(page) else {
            continue;
        };
        for alias in &src.front.aliases {
            paths.insert(crate::urls::normalize_alias(alias));
        }
        for asset in &src.assets {
            if let Some(name) = asset.file_name() {
                paths.insert(format!("{}{}", page.path, name.to_string_lossy()));
            }
        }
    }
    paths.extend(statics.iter().map(|(key, _)| format!("/{key}")));
    let catalogs: &[&str] = if site.config.origin.is_empty() {
        &[]
    } else {
        &super::model::OPEN_DATA_CATALOGS
    };
    paths.extend(
        super::model::OPEN_DATA_FILES
            .iter()
            .chain(catalogs)
            .map(|file| format!("/data/{file}")),
    );
    paths.extend(site.section_assets.iter().map(|(_, out)| format!("/{out}")));
    for lang in site.homes.keys() {
        if site.has_tag_pages(lang) {
            paths.insert(site.terms_path(lang));
            for term in site.terms.get(lang).into_iter().flatten() {
                paths.insert(site.term_path(lang, &term.slug));
            }
        }
        paths.insert(site.data_page_path(lang));
        if let Some(dir) = site.projects_data_path(lang) {
            paths.extend(
                super::model::PROJECT_DATA_FILES
                    .iter()
                    .map(|file| format!("{dir}{file}")),
            );
            paths.insert(dir);
        }
        paths.extend(site.events_calendar_path(lang));
    }
    paths
}

/// Files every build writes beside the pages.
const GENERATED: [&str; 5] = [
    "atom.xml",
    "sitemap.xml",
    "robots.txt",
    "404.html",
    "index.html",
];

/// A root-relative link's URL under the base path, when the site publishes
/// something there; otherwise the closest published path other than the
/// linking page's own (`own`), if any.
fn published_url(
    site: &Site,
    published: &BTreeSet<String>,
    path: &str,
    own: &str,
) -> Result<String, Option<String>> {
    let without_index = path.strip_suffix("index.html").unwrap_or(path);
    let as_folder = format!("{}/", path.trim_end_matches('/'));
    let is_pager = |p: &str| {
        p.rsplit_once("/page/").is_some_and(|(page, n)| {
            published.contains(&format!("{page}/"))
                && n.trim_end_matches('/').parse::<usize>().is_ok()
        })
    };
    let found = [path, without_index, as_folder.as_str()]
        .into_iter()
        .any(|p| published.contains(p) || is_pager(p))
        || GENERATED.iter().any(|g| path.ends_with(&format!("/{g}")));
    if found {
        return Ok(site.url(path));
    }
    // Written with the base path already (`/portal/x/`): right as it is.
    let base = site.config.base_path.trim_end_matches('/');
    if !base.is_empty() {
        if let Some(below) = path.strip_prefix(base) {
            if below.starts_with('/') && published_url(site, published, below, own).is_ok() {
                return Ok(crate::urls::encode_path(path));
            }
        }
    }
    // Named on disk in another Unicode normalization (a Mac's NFD).
    if let Some(same) = published.iter().find(|p| crate::paths::same_text(p, path)) {
        return Ok(site.url(same));
    }
    let others = published.iter().map(String::as_str).filter(|p| *p != own);
    Err(closest(path, others).map(str::to_owned))
}

/// Sets the front matter's `image:` as the page's lead (a picture when it
/// is a raster file of the site); the error when it cannot be used.
fn lead_image(
    site: &Site,
    page: &Page,
    src: &SourcePage,
    files: Files<'_>,
    rendered: &mut Rendered,
) -> Option<Diagnostic> {
    let lead = src.front.image.as_ref()?;
    let resolved = resolve_image(site, page, src, files.statics, lead).and_then(|r| match r {
        ImageSource::Local { abs, out } if crate::images::is_raster(&out) => {
            let picture = files.images.picture(&abs, &out, None)?;
            rendered.lead_url = Some(site.url(&format!("/{}", picture.fallback.path)));
            rendered.lead = Some(picture);
            Ok(())
        }
        ImageSource::Local { out, .. } => {
            rendered.lead_url = Some(site.url(&format!("/{out}")));
            Ok(())
        }
        ImageSource::Url(u) => {
            rendered.lead_url = Some(u);
            Ok(())
        }
    });
    let why = resolved.err()?;
    Some(
        Diagnostic::error(
            src.file.clone(),
            msg!("image.cannot-use", src = lead, why = why),
        )
        .at_line(src.front.image_line)
        .hint(msg!("image.lead.hint")),
    )
}
