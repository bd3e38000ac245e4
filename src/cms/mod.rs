//! The editing app at `/admin/` (`cms:` in `site.yaml`): Decap CMS, its
//! script built into the binary (`vendor/decap-cms/`), with a configuration
//! generated from the site ([`schema`]). In: the resolved [`Site`]. Out: the
//! files of `/admin/`, and ([`check`]) the front matter the app cannot show.
//! `mekong serve` answers the app's backend protocol (`serve::cms_backend`).

pub(crate) mod check;
pub(crate) mod schema;

use crate::content::Kind;
use crate::html::escape;
use crate::output::{FileSource, Output, OutputData};
use crate::site::Site;
use include_dir::{include_dir, Dir};
use schema::{Input, Section};

/// Decap CMS's built files, as published by its authors (see its README).
static DECAP: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/vendor/decap-cms");

/// The version of Decap CMS in `vendor/decap-cms/`.
pub(crate) const DECAP_VERSION: &str = "3.16.3";

/// The folder of the app in the output.
const ADMIN: &str = "admin";

/// The files of `/admin/`; none when the site has no `cms:`.
pub(crate) fn outputs(site: &Site) -> Vec<Output> {
    let Some(cms) = &site.config.cms else {
        return Vec::new();
    };
    let input = input(site, cms);
    let mut out = vec![
        Output {
            path: format!("{ADMIN}/index.html"),
            data: OutputData::Bytes(index_html(&input).into_bytes()),
        },
        Output {
            path: format!("{ADMIN}/config.yml"),
            data: OutputData::Bytes(schema::config_yaml(&input).into_bytes()),
        },
    ];
    for file in DECAP.files() {
        let name = file.path().to_string_lossy();
        if name == "README.md" {
            continue;
        }
        out.push(Output {
            path: format!("{ADMIN}/{name}"),
            data: OutputData::Copy(FileSource::Embedded(file.contents())),
        });
    }
    out
}

/// What the configuration is generated from.
pub(crate) fn input<'a>(site: &'a Site, cms: &'a crate::config::CmsConfig) -> Input<'a> {
    let config = &site.config;
    let default = &config.default_language;
    let sections = site
        .section_names
        .iter()
        .map(|name| {
            let label = site
                .sections
                .get(&(name.clone(), default.clone()))
                .map(|(id, _)| site.pages[*id].title.clone())
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| name.clone());
            let articles = || {
                site.sources
                    .iter()
                    .filter(|s| s.kind == Kind::Article && s.section.as_deref() == Some(name))
            };
            let folders = articles().any(|s| is_folder_article(&s.file));
            let plain = articles().any(|s| !is_folder_article(&s.file));
            Section {
                name: name.clone(),
                label,
                folders,
                plain,
            }
        })
        .collect();
    let loose_pages = site
        .sources
        .iter()
        .any(|s| s.kind == Kind::Article && s.section.is_none());
    Input {
        cms,
        title: &config.title,
        languages: config
            .languages
            .iter()
            .map(|l| l.code.as_str().to_owned())
            .collect(),
        sectors: &config.sectors,
        units: config
            .units
            .iter()
            .map(|u| {
                (
                    u.id.clone(),
                    u.name(config.fallback_chain(default)).to_owned(),
                )
            })
            .collect(),
        site_url: format!("{}{}", config.origin, config.base_path),
        origin: &config.origin,
        sections,
        loose_pages,
    }
}

/// `SLUG/index.md` or `SLUG/index.LANG.md`.
pub(crate) fn is_folder_article(file: &std::path::Path) -> bool {
    file.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n == "index.md" || n.starts_with("index.") && n.ends_with(".md"))
}

/// The app's page: its script from `/admin/`, which reads `config.yml`
/// beside the page (Decap's default; a `cms-config-url` link is not valid HTML).
fn index_html(input: &Input<'_>) -> String {
    let lang = input.languages.first().map(String::as_str).unwrap_or("en");
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <title>{} · Decap CMS</title>\n\
         </head>\n<body>\n\
         <!-- Decap CMS {DECAP_VERSION} (MIT, see LICENSE), built into mekong: nothing is loaded from another site -->\n\
         <script src=\"decap-cms.js\"></script>\n</body>\n</html>\n",
        escape(input.title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vendored_app_is_complete() {
        assert!(DECAP.get_file("decap-cms.js").is_some());
        assert!(DECAP.get_file("LICENSE").is_some());
        let chunks = DECAP
            .files()
            .filter(|f| f.path().to_string_lossy().ends_with(".decap-cms.js"))
            .count();
        assert!(chunks > 50, "{chunks} chunks");
    }

    #[test]
    fn folder_articles_are_told_apart() {
        assert!(is_folder_article(std::path::Path::new(
            "content/t/a/index.md"
        )));
        assert!(is_folder_article(std::path::Path::new(
            "content/t/a/index.en.md"
        )));
        assert!(!is_folder_article(std::path::Path::new(
            "content/t/index-of.md"
        )));
    }
}
