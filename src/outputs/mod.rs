//! Outputs that are not templates: `sitemap.xml`, `robots.txt`, Atom feeds,
//! alias redirects, the language picker at `/` when every language has its
//! own folder, and the files copied as they are.

mod catalog;
mod data;
mod fonts;
mod open_data;
mod open_data_page;
mod open_rows;
mod search_index;

pub(crate) use fonts::stylesheet_url;
pub(crate) use open_data_page::{open_data, write_open_data, OpenData};
pub(crate) use open_rows::RowCache;

use crate::config::LangCode;
use crate::content::Kind;
use crate::diagnostics::Diagnostic;
use crate::html::escape;
use crate::i18n::Locales;
use crate::images::{Images, Picture};
use crate::messages::Message;
use crate::msg;
use crate::output::{AliasOrigin, FileSource, Output, OutputData};
use crate::render::Affected;
use crate::site::{Page, PageId, Site};
use crate::theme::StaticFiles;
use crate::urls::file_of;
use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::Arc;

/// Every non-template output; with `only` (a partial rebuild in `serve`),
/// the sitemap and feeds only where the change reached them. `open` is the
/// build's open data when the render's data pages already made it; else it
/// is made here, with `rows` (`serve`) reusing the last build's rows.
/// `None` when `stop` said a newer edit waits before the sitemap or the
/// open data was made (`serve` makes all of these with the next build).
pub(crate) fn build(
    site: &Site,
    locales: &Locales,
    statics: &StaticFiles,
    only: Option<&Affected>,
    open: Option<OpenData>,
    rows: Option<&RowCache>,
    stop: &dyn Fn() -> bool,
) -> Option<Vec<Output>> {
    let mut out = Vec::new();
    out.push(bytes("robots.txt", robots(site)));
    out.extend(
        fonts::site_fonts(&site.config)
            .map(|(_, files)| files)
            .unwrap_or_default(),
    );
    if site.config.feeds {
        for lang in &site.config.languages {
            if only.is_some_and(|a| !a.langs.contains(&lang.code)) {
                continue;
            }
            let prefix = site.config.lang_prefix(&lang.code);
            let home = site.homes[&lang.code];
            let path = format!("{prefix}atom.xml");
            out.push(bytes(
                path.trim_start_matches('/'),
                feed(site, locales, &lang.code, home, None, &path),
            ));
            for name in &site.section_names {
                let key = (name.clone(), lang.code.clone());
                if only.is_some_and(|a| !a.touches_section(&key)) {
                    continue;
                }
                if let Some((section, _)) = site.sections.get(&key) {
                    let path = format!("{prefix}{name}/atom.xml");
                    out.push(bytes(
                        path.trim_start_matches('/'),
                        feed(site, locales, &lang.code, *section, Some(name), &path),
                    ));
                }
            }
        }
    }
    out.extend(aliases(site, locales));
    // The site-wide files last, each only while no newer edit waits.
    // A sitemap's `<loc>` must be a full URL: without an origin (no
    // `base_url` with a host) it cannot be right, so it is left out and the
    // build warns (see `commands::no_origin_warning`).
    let has_origin = !site.config.origin.is_empty();
    if has_origin && only.is_none_or(|a| a.sitemap) {
        if stop() {
            return None;
        }
        out.push(bytes("sitemap.xml", sitemap(site)));
    }
    if stop() {
        return None;
    }
    if only.is_none_or(|a| a.data) {
        out.extend(data::build(site, locales));
        out.extend(crate::cms::outputs(site));
        out.extend(open.unwrap_or_else(|| open_data(site, rows)).files);
    }
    if site.config.default_language_in_subdir {
        out.push(bytes("index.html", language_picker(site, locales)));
    }
    // Photos are published by the image pipeline (see `photos`).
    out.extend(
        published_files(site, statics)
            .into_iter()
            .filter(|(path, source)| !is_photo(path, source))
            .map(|(path, source)| Output {
                path,
                data: OutputData::Copy(source),
            }),
    );
    Some(out)
}

/// Writes the search index of every language (with `only`, of the
/// languages the change reached) into `sink`. Apart from [`build`]: its
/// files go out as they are made, one language after the other.
pub(crate) fn write_search(
    site: &Site,
    only: Option<&Affected>,
    sink: &dyn crate::output::Sink,
) -> Vec<Result<crate::output::Record, Diagnostic>> {
    if site.config.search && only.is_none_or(|a| a.data) {
        search_index::write(site, only.map(|a| &a.langs), sink)
    } else {
        Vec::new()
    }
}

fn is_photo(path: &str, source: &FileSource) -> bool {
    matches!(source, FileSource::Disk(_)) && crate::images::is_raster(path)
}

/// Every file published as it is found: static files (site over theme),
/// the files of section folders, and the files beside folder articles
/// (beside every language version of the article).
fn published_files(site: &Site, statics: &StaticFiles) -> Vec<(String, FileSource)> {
    let mut out: Vec<(String, FileSource)> = statics
        .iter()
        .map(|(path, source)| (path.clone(), source.clone()))
        .collect();
    for (abs, rel) in &site.section_assets {
        out.push((rel.clone(), FileSource::Disk(abs.clone())));
    }
    for page in &site.pages {
        let Some(src) = site.source(page).filter(|s| !s.assets.is_empty()) else {
            continue;
        };
        let Some(dir) = site
            .config
            .root
            .join(&src.file)
            .parent()
            .map(|p| p.to_path_buf())
        else {
            continue;
        };
        for asset in &src.assets {
            let rel = asset
                .strip_prefix(&dir)
                .unwrap_or(asset)
                .to_string_lossy()
                .replace('\\', "/");
            let path = format!("{}{}", page.path.trim_start_matches('/'), rel);
            out.push((path, FileSource::Disk(asset.clone())));
        }
    }
    out
}

/// The site's photos: the JPEG, PNG and WebP files of static/ and content/
/// it publishes, as (output path, file), in publishing order. The session
/// reads them into the image catalog before anything renders.
pub(crate) fn photo_files(site: &Site, statics: &StaticFiles) -> Vec<(String, PathBuf)> {
    published_files(site, statics)
        .into_iter()
        .filter_map(|(path, source)| match source {
            FileSource::Disk(abs) if crate::images::is_raster(&path) => Some((path, abs)),
            _ => None,
        })
        .collect()
}

/// The pictures of `photos` ([`photo_files`]): each is published through the
/// image pipeline, upright and without metadata, even when no page shows
/// it. A file that is not a readable image is an error.
pub(crate) fn photos(
    site: &Site,
    photos: &[(String, PathBuf)],
    images: &Images,
) -> (Vec<Arc<Picture>>, Vec<Diagnostic>) {
    let mut pictures = Vec::new();
    let mut diags = Vec::new();
    let mut reported = HashSet::new();
    for (path, abs) in photos {
        match images.original(abs, path) {
            Ok(p) => pictures.push(p),
            Err(why) if reported.insert(abs) => {
                let file = crate::diagnostics::display_path(&site.config.root, abs);
                diags.push(
                    Diagnostic::error(file, msg!("image.cannot-publish", why = Message::from(why)))
                        .hint(msg!("image.cannot-publish.hint")),
                );
            }
            Err(_) => {}
        }
    }
    (pictures, diags)
}

fn bytes(path: &str, text: String) -> Output {
    Output {
        path: path.to_owned(),
        data: OutputData::Bytes(text.into_bytes()),
    }
}

/// Pages search engines should index: real translations, not fallback copies.
fn indexable(site: &Site, ids: &[PageId]) -> Vec<PageId> {
    ids.iter()
        .copied()
        .filter(|&i| !site.pages[i].is_fallback)
        .collect()
}

/// One `<url>` of the sitemap: its path, `lastmod`, and the paths of its
/// versions in every language (for `hreflang`), the default language's first.
struct SitemapEntry<'a> {
    path: &'a str,
    lastmod: Option<String>,
    versions: Vec<(&'a LangCode, String)>,
}

fn sitemap(site: &Site) -> String {
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
    let mut entries: Vec<SitemapEntry<'_>> = site
        .pages
        .iter()
        .filter(|p| !p.is_fallback)
        .map(|page| {
            let group = indexable(site, site.translations(page));
            let mut versions: Vec<(&LangCode, String)> = group
                .iter()
                .map(|&t| (&site.pages[t].lang, site.pages[t].path.clone()))
                .collect();
            // `x-default` is the default language's version, else the first.
            if let Some(i) = versions
                .iter()
                .position(|(l, _)| **l == site.config.default_language)
            {
                versions[..=i].rotate_right(1);
            }
            SitemapEntry {
                path: &page.path,
                lastmod: lastmod(site, page),
                versions,
            }
        })
        .collect();
    // The open-data pages: one per language, each the others' translation;
    // modified when the newest article is.
    let newest = site
        .pages
        .iter()
        .filter(|p| p.kind == Kind::Article && !p.is_fallback)
        .filter_map(|p| lastmod(site, p))
        .max();
    let data_pages: Vec<(&LangCode, String)> = site
        .config
        .languages
        .iter()
        .map(|l| (&l.code, site.data_page_path(&l.code)))
        .collect();
    for (_, path) in &data_pages {
        entries.push(SitemapEntry {
            path,
            lastmod: newest.clone(),
            versions: data_pages.clone(),
        });
    }
    entries.sort_by(|a, b| a.path.cmp(b.path));
    for e in entries {
        let _ = writeln!(
            s,
            "  <url>\n    <loc>{}</loc>",
            escape(&site.permalink(e.path))
        );
        if let Some(d) = e.lastmod {
            let _ = writeln!(s, "    <lastmod>{d}</lastmod>");
        }
        if e.versions.len() > 1 {
            for (lang, path) in &e.versions {
                let _ = writeln!(
                    s,
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{lang}\" href=\"{}\"/>",
                    escape(&site.permalink(path))
                );
            }
            let _ = writeln!(
                s,
                "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>",
                escape(&site.permalink(&e.versions[0].1))
            );
        }
        s.push_str("  </url>\n");
    }
    s.push_str("</urlset>\n");
    s
}

fn lastmod(site: &Site, page: &Page) -> Option<String> {
    let src = site.source(page)?;
    src.front.updated.or(src.front.date).map(|d| d.to_string())
}

/// `robots.txt`: allows everything, and points at the sitemap when there
/// is one (a `Sitemap:` line must be a full URL).
fn robots(site: &Site) -> String {
    if site.config.origin.is_empty() {
        return "User-agent: *\nAllow: /\n".to_owned();
    }
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site.permalink("/sitemap.xml")
    )
}

/// The articles a feed of `lang` lists (of one section, or all), newest
/// first. The language's articles are already sorted newest first: the
/// first ones of the section are taken, without sorting again.
fn feed_entries(site: &Site, lang: &LangCode, section: Option<&String>) -> Vec<PageId> {
    site.by_date
        .get(lang)
        .into_iter()
        .flatten()
        .copied()
        .filter(|&i| {
            !site.pages[i].is_fallback
                && (section.is_none() || site.pages[i].section.as_ref() == section)
        })
        .take(site.config.feed_limit)
        .collect()
}

/// Every article some feed shows in full: a one-shot build keeps their
/// body HTML for the feeds (see `site::KeepHtml`).
pub(crate) fn feed_pages(site: &Site) -> HashSet<PageId> {
    if !site.config.feeds {
        return HashSet::new();
    }
    let mut pages = HashSet::new();
    for lang in &site.config.languages {
        pages.extend(feed_entries(site, &lang.code, None));
        for name in &site.section_names {
            if site
                .sections
                .contains_key(&(name.clone(), lang.code.clone()))
            {
                pages.extend(feed_entries(site, &lang.code, Some(name)));
            }
        }
    }
    pages
}

fn feed(
    site: &Site,
    locales: &Locales,
    lang: &LangCode,
    owner: PageId,
    section: Option<&String>,
    self_path: &str,
) -> String {
    let entries = feed_entries(site, lang, section);
    let site_title = locales
        .message(lang, "site-title", None)
        .ok()
        .flatten()
        .unwrap_or_else(|| site.config.title.clone());
    let owner_page = &site.pages[owner];
    let title = if owner_page.kind == Kind::Home {
        site_title.clone()
    } else {
        format!("{} – {}", owner_page.title, site_title)
    };
    // The feed changes when its newest entry does: never the build's clock,
    // so two builds of the same content give the same bytes.
    let updated = entries
        .iter()
        .filter_map(|&i| {
            site.source(&site.pages[i])
                .and_then(|s| s.front.updated.or(s.front.date))
        })
        .max()
        .map(|d| d.rfc3339())
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
    let mut s = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n  <title>{}</title>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n  <id>{}</id>\n  <updated>{updated}</updated>\n",
        escape(&title),
        escape(&site.permalink(self_path)),
        escape(&site.permalink(&owner_page.path)),
        escape(&site.permalink(self_path)),
    );
    for id in entries {
        let p = &site.pages[id];
        let src = site.source(p);
        let date = src
            .and_then(|s| s.front.date)
            .map(|d| d.rfc3339())
            .unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
        let upd = src
            .and_then(|s| s.front.updated)
            .map(|d| d.rfc3339())
            .unwrap_or_else(|| date.clone());
        let link = site.permalink(&p.path);
        let _ = write!(
            s,
            "  <entry xml:lang=\"{}\">\n    <title>{}</title>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n    <id>{}</id>\n    <published>{date}</published>\n    <updated>{upd}</updated>\n",
            p.lang,
            escape(&p.title),
            escape(&link),
            escape(&link)
        );
        if let Some(unit) = p.unit.as_deref() {
            let unit = site.config.unit_name(unit, &p.lang);
            let _ = writeln!(s, "    <author><name>{}</name></author>", escape(unit));
        } else {
            let _ = writeln!(
                s,
                "    <author><name>{}</name></author>",
                escape(&site_title)
            );
        }
        let summary = src
            .and_then(|s| s.front.description.clone())
            .or_else(|| p.rendered.summary.clone());
        if let Some(summary) = summary {
            let _ = writeln!(s, "    <summary>{}</summary>", escape(&summary));
        }
        let _ = writeln!(
            s,
            "    <content type=\"html\">{}</content>\n  </entry>",
            escape(&p.rendered.html)
        );
    }
    s.push_str("</feed>\n");
    s
}

fn redirect_page(lang: &str, target: &str, notice: &str) -> String {
    let t = escape(target);
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<link rel=\"canonical\" href=\"{t}\">\n<meta name=\"robots\" content=\"noindex\">\n<meta http-equiv=\"refresh\" content=\"0; url={t}\">\n</head>\n<body>\n<p><a href=\"{t}\">{}</a></p>\n</body>\n</html>\n",
        escape(notice),
        escape(notice)
    )
}

fn aliases(site: &Site, locales: &Locales) -> Vec<Output> {
    let mut out = Vec::new();
    for page in &site.pages {
        if page.is_fallback {
            continue;
        }
        let Some(src) = site.source(page) else {
            continue;
        };
        for alias in &src.front.aliases {
            let path = crate::urls::normalize_alias(alias);
            let notice = locales
                .message(&page.lang, "redirect-notice", None)
                .ok()
                .flatten()
                .unwrap_or_else(|| "This page has moved.".into());
            out.push(Output {
                path: file_of(&path),
                data: OutputData::Redirect {
                    bytes: redirect_page(page.lang.as_str(), &site.permalink(&page.path), &notice)
                        .into_bytes(),
                    from: AliasOrigin {
                        file: src.file.clone(),
                        alias: alias.clone(),
                    },
                },
            });
        }
    }
    out
}

/// `/` when every language has a folder: links to each language, and a
/// script that picks the reader's language from the browser's list.
fn language_picker(site: &Site, locales: &Locales) -> String {
    let mut links = String::new();
    let mut codes = Vec::new();
    for l in &site.config.languages {
        let url = site.url(&site.config.lang_prefix(&l.code));
        let _ = writeln!(
            links,
            "<li><a href=\"{}\" hreflang=\"{}\" lang=\"{}\">{}</a></li>",
            escape(&url),
            l.code,
            l.code,
            escape(&l.name)
        );
        codes.push(format!("[\"{}\",\"{}\"]", l.code, url));
    }
    let default = &site.config.default_language;
    let title = locales
        .message(default, "site-title", None)
        .ok()
        .flatten()
        .unwrap_or_else(|| site.config.title.clone());
    let default_url = site.url(&site.config.lang_prefix(default));
    let mut alternates = String::new();
    for l in &site.config.languages {
        let _ = writeln!(
            alternates,
            "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">",
            l.code,
            escape(&site.permalink(&site.config.lang_prefix(&l.code)))
        );
    }
    let _ = writeln!(
        alternates,
        "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">",
        escape(&site.permalink("/"))
    );
    format!(
        "<!doctype html>\n<html lang=\"{default}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n{alternates}<script>\n(function(){{var l=[{}];var w=(navigator.languages||[navigator.language||\"\"]);for(var i=0;i<w.length;i++){{var c=String(w[i]).toLowerCase().split(\"-\")[0];for(var j=0;j<l.length;j++){{if(l[j][0]===c){{location.replace(l[j][1]);return;}}}}}}location.replace({:?});}})();\n</script>\n</head>\n<body>\n<h1>{}</h1>\n<ul>\n{links}</ul>\n</body>\n</html>\n",
        escape(&title),
        codes.join(","),
        default_url,
        escape(&title),
    )
}
