//! `site.yaml` → [`Config`]: parsed once, validated once, every key defaulted.
//!
//! Unknown keys are errors with the line and a "did you mean" hint: a typo in
//! configuration silently ignored is a day lost for a web team.

use crate::diagnostics::{closest, Diagnostic, Diagnostics};
use crate::messages::Message;
use crate::msg;
use crate::source_text::{key_line, yaml_error};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

mod base_url;
mod cms;
mod fonts;
mod images;
mod languages;
mod screens;
mod timezone;
mod units;

pub(crate) use base_url::split_base_url;
pub(crate) use cms::public_folder;
#[cfg(test)]
pub(crate) use cms::CmsBackend;
pub(crate) use cms::CmsConfig;
pub(crate) use fonts::Fonts;
use images::RawImagesConfig;
pub(crate) use images::{Format, ImagesConfig};
use languages::chain_of;
pub(crate) use languages::{LangCode, Language};
pub(crate) use screens::{Screen, Selector, Window};
pub(crate) use timezone::TimeZone;
pub(crate) use units::Units;

/// What to do with an article that has no translation in a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Untranslated {
    /// The article does not exist in that language.
    #[default]
    Hide,
    /// The source text is published in that language with a notice.
    Fallback,
}

/// Text direction of a script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right (every language of the demo portal).
    #[default]
    Ltr,
    /// Right to left.
    Rtl,
}

/// `markdown:`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MarkdownConfig {
    /// Sanitize raw HTML in Markdown (scripts, event handlers, `javascript:`).
    pub safe: bool,
}

/// The raw file, as serde reads it. Defaults here are the documented ones.
#[derive(Debug, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawConfig {
    title: Option<String>,
    base_url: String,
    default_language: Option<LangCode>,
    default_language_in_subdir: bool,
    languages: Vec<Language>,
    untranslated: Untranslated,
    paginate_by: usize,
    taxonomies: Vec<String>,
    theme: String,
    images: RawImagesConfig,
    feeds: bool,
    feed_limit: usize,
    search: bool,
    markdown: MarkdownConfig,
    sectors: Vec<String>,
    cms: Option<CmsConfig>,
    units: units::RawUnits,
    screens: Vec<screens::RawScreen>,
    fonts: Option<String>,
    license: Option<String>,
    timezone: Option<String>,
    extra: serde_yaml::Mapping,
}

impl Default for RawConfig {
    fn default() -> Self {
        RawConfig {
            title: None,
            base_url: "/".into(),
            default_language: None,
            default_language_in_subdir: false,
            languages: Vec::new(),
            untranslated: Untranslated::Hide,
            paginate_by: 10,
            taxonomies: vec!["tags".into()],
            theme: "default".into(),
            images: RawImagesConfig::default(),
            feeds: true,
            feed_limit: 20,
            search: true,
            markdown: MarkdownConfig::default(),
            sectors: DEFAULT_SECTORS.iter().map(|s| s.to_string()).collect(),
            cms: None,
            units: units::RawUnits::new(),
            screens: Vec::new(),
            fonts: None,
            license: None,
            timezone: None,
            extra: serde_yaml::Mapping::new(),
        }
    }
}

/// Investment sectors accepted in `project.sector` unless `sectors:` says otherwise.
pub(crate) const DEFAULT_SECTORS: &[&str] = &[
    "industry",
    "agriculture",
    "energy",
    "logistics",
    "tourism",
    "urban",
    "services",
];

/// The validated configuration every later stage reads.
#[derive(Debug, Clone, Serialize)]
pub struct Config {
    /// The folder holding `site.yaml`.
    #[serde(skip)]
    pub root: PathBuf,
    /// Site title; a Fluent `site-title` message overrides it per language.
    pub title: String,
    /// Scheme and host, e.g. `https://portal.example.org` (no trailing slash);
    /// empty when `base_url` is a bare path.
    pub origin: String,
    /// The path part of `base_url`, always starting and ending with `/`.
    pub base_path: String,
    /// The default language.
    pub default_language: LangCode,
    /// Whether the default language lives under `/vi/` too.
    pub default_language_in_subdir: bool,
    /// Languages in the order of `site.yaml`, the default first.
    pub languages: Vec<Language>,
    /// Untranslated articles: hidden or published from their source.
    pub untranslated: Untranslated,
    /// Articles per list page.
    pub paginate_by: usize,
    /// Taxonomies (only `tags` is read from front matter).
    pub taxonomies: Vec<String>,
    /// Theme name (`themes/NAME/`; `default` is also built in).
    pub theme: String,
    /// Image pipeline settings.
    pub images: ImagesConfig,
    /// Whether Atom feeds are written.
    pub feeds: bool,
    /// Newest entries per feed.
    pub feed_limit: usize,
    /// Whether the search index is written.
    pub search: bool,
    /// Markdown settings.
    pub markdown: MarkdownConfig,
    /// Sectors accepted in `project.sector`.
    pub sectors: Vec<String>,
    /// The editing app at `/admin/` (`cms:`), when the site has one.
    pub cms: Option<CmsConfig>,
    /// The departments that write for the portal (`units:`).
    pub units: Units,
    /// `screens:`: players for LED boards and kiosks (`/screens/NAME/`).
    pub screens: Vec<Screen>,
    /// `fonts:`: whether Lao and Khmer fonts are published with the site.
    pub fonts: Fonts,
    /// The URL of the licence of the site's content and open data.
    pub license: Option<String>,
    /// The zone of a front-matter time written without one (`timezone:`).
    pub timezone: TimeZone,
    /// Free map for templates.
    pub extra: serde_yaml::Mapping,
}

const KNOWN_KEYS: &[&str] = &[
    "title",
    "base_url",
    "default_language",
    "default_language_in_subdir",
    "languages",
    "untranslated",
    "paginate_by",
    "taxonomies",
    "theme",
    "images",
    "feeds",
    "feed_limit",
    "search",
    "markdown",
    "sectors",
    "cms",
    "units",
    "screens",
    "fonts",
    "license",
    "timezone",
    "extra",
];

impl Config {
    /// Reads `ROOT/site.yaml`.
    pub fn load(root: &Path) -> Result<Config, Diagnostics> {
        let path = root.join("site.yaml");
        let file = PathBuf::from("site.yaml");
        let bytes = std::fs::read(&path).map_err(|e| {
            Diagnostics::from_iter([Diagnostic::error(
                file.clone(),
                msg!("config.cannot-read", error = e.to_string()),
            )
            .hint(msg!("config.cannot-read.hint"))])
        })?;
        let text = match crate::source_text::decode_utf8(&bytes) {
            Ok(t) => t,
            Err(d) => return Err(Diagnostics::from_iter([d.located_in(file)])),
        };
        Config::parse(root, &text)
    }

    /// Parses and validates the text of `site.yaml`.
    pub fn parse(root: &Path, text: &str) -> Result<Config, Diagnostics> {
        let file = PathBuf::from("site.yaml");
        let raw: RawConfig = match serde_yaml::from_str(text) {
            Ok(r) => r,
            Err(e) => {
                return Err(Diagnostics::from_iter([yaml_error(
                    &file, text, 0, &e, KNOWN_KEYS,
                )]));
            }
        };
        let mut diags = Diagnostics::new();
        let line_of = |key: &str| key_line(text, &[key]);
        let err = |key: &str, msg: Message, hint: Message| {
            Diagnostic::error(file.clone(), msg)
                .at_line(line_of(key))
                .with_source(text)
                .hint(hint)
        };

        let (origin, base_path) = match split_base_url(&raw.base_url) {
            Some(parts) => parts,
            None => {
                diags.push(err(
                    "base_url",
                    msg!("config.bad-base-url", value = &raw.base_url),
                    msg!("config.bad-base-url.hint"),
                ));
                (String::new(), "/".into())
            }
        };
        if raw.languages.is_empty() {
            diags.push(err(
                "languages",
                msg!("config.no-languages"),
                msg!("config.no-languages.hint"),
            ));
            return Err(diags);
        }
        let codes: Vec<&str> = raw.languages.iter().map(|l| l.code.as_str()).collect();
        for (i, lang) in raw.languages.iter().enumerate() {
            if !is_lang_code(lang.code.as_str()) {
                diags.push(err(
                    "languages",
                    msg!("config.bad-language-code", code = lang.code.as_str()),
                    msg!("config.bad-language-code.hint"),
                ));
            }
            if codes[..i].contains(&lang.code.as_str()) {
                diags.push(err(
                    "languages",
                    msg!("config.language-twice", code = lang.code.as_str()),
                    msg!("config.language-twice.hint"),
                ));
            }
            for fb in &lang.fallback {
                if !codes.contains(&fb.as_str()) {
                    let hint = match closest(fb.as_str(), codes.iter().copied()) {
                        Some(c) => msg!("config.unknown-fallback.did-you-mean", code = c),
                        None => {
                            msg!("config.unknown-fallback.hint", codes = codes.join(", "))
                        }
                    };
                    diags.push(err(
                        "fallback",
                        msg!(
                            "config.unknown-fallback",
                            code = lang.code.as_str(),
                            fallback = fb.as_str()
                        ),
                        hint,
                    ));
                }
            }
        }
        let default_language = raw
            .default_language
            .clone()
            .unwrap_or_else(|| raw.languages[0].code.clone());
        if !codes.contains(&default_language.as_str()) {
            diags.push(err(
                "default_language",
                msg!(
                    "config.unknown-default-language",
                    code = default_language.as_str()
                ),
                msg!("config.use-one-of", values = codes.join(", ")),
            ));
        }
        if raw.paginate_by == 0 {
            diags.push(err(
                "paginate_by",
                msg!("config.paginate-by-zero"),
                msg!("config.paginate-by-zero.hint"),
            ));
        }
        for t in &raw.taxonomies {
            if t != "tags" {
                diags.push(err(
                    "taxonomies",
                    msg!("config.unknown-taxonomy", taxonomy = t),
                    msg!("config.unknown-taxonomy.hint"),
                ));
            }
        }
        for (key, msg, hint) in raw.cms.iter().flat_map(cms::problems) {
            diags.push(err(key, msg, hint));
        }
        if !(1..=100).contains(&raw.images.quality) {
            diags.push(err(
                "quality",
                msg!("config.bad-image-quality"),
                msg!("config.bad-image-quality.hint"),
            ));
        }
        let mut formats: Vec<Format> = Vec::new();
        for f in &raw.images.formats {
            match Format::parse(f) {
                // A format listed twice would only repeat its `<source>`.
                Some(format) if formats.contains(&format) => {}
                Some(format) => formats.push(format),
                None => diags.push(err(
                    "formats",
                    msg!("config.bad-image-format", format = f),
                    msg!("config.bad-image-format.hint"),
                )),
            }
        }
        if raw.images.formats.is_empty() {
            diags.push(err(
                "formats",
                msg!("config.no-image-formats"),
                msg!("config.no-image-formats.hint"),
            ));
        }
        if raw.images.widths.is_empty()
            || raw.images.widths.iter().any(|w| !(16..=8192).contains(w))
        {
            diags.push(err(
                "widths",
                msg!("config.bad-image-widths"),
                msg!("config.bad-image-widths.hint"),
            ));
        }
        let (units, unit_diags) = Units::from_raw(
            raw.units,
            &units::ids_in_order(text),
            &codes,
            default_language.as_str(),
            |path, msg, hint| {
                let mut full = vec!["units"];
                full.extend_from_slice(path);
                Diagnostic::error(file.clone(), msg)
                    .at_line(key_line(text, &full))
                    .with_source(text)
                    .hint(hint)
            },
        );
        diags.extend(unit_diags);
        let (screens, d) = screens::validate(raw.screens, &codes, text);
        diags.extend(d);
        let (fonts, d) = fonts::validate(raw.fonts.as_deref(), &codes, text);
        diags.extend(d);
        let absolute =
            |url: &str| split_base_url(url).is_some_and(|(origin, _)| !origin.is_empty());
        if let Some(l) = raw.license.as_deref().filter(|l| !absolute(l)) {
            diags.push(err(
                "license",
                msg!("config.bad-license", value = l),
                msg!("config.bad-license.hint"),
            ));
        }
        let timezone = match raw.timezone.as_deref() {
            None => TimeZone::default(),
            Some(t) => TimeZone::parse(t).unwrap_or_else(|closest| {
                let hint = match closest {
                    Some(name) => msg!("config.bad-timezone.did-you-mean", name = name),
                    None => msg!("config.bad-timezone.hint"),
                };
                diags.push(err(
                    "timezone",
                    msg!("config.bad-timezone", value = t),
                    hint,
                ));
                TimeZone::default()
            }),
        };
        if diags.has_errors() {
            return Err(diags);
        }
        // The default language goes first: it is the source of translations.
        let mut languages = raw.languages;
        if let Some(pos) = languages.iter().position(|l| l.code == default_language) {
            let lang = languages.remove(pos);
            languages.insert(0, lang);
        }
        for lang in &mut languages {
            lang.chain = chain_of(lang, &default_language);
        }
        Ok(Config {
            root: root.to_path_buf(),
            title: raw.title.unwrap_or_else(|| "mekong".into()),
            origin,
            base_path,
            default_language,
            default_language_in_subdir: raw.default_language_in_subdir,
            languages,
            untranslated: raw.untranslated,
            paginate_by: raw.paginate_by.max(1),
            taxonomies: raw.taxonomies,
            theme: raw.theme,
            images: ImagesConfig {
                widths: raw.images.widths,
                formats,
                quality: raw.images.quality,
            },
            feeds: raw.feeds,
            feed_limit: raw.feed_limit,
            search: raw.search,
            markdown: raw.markdown,
            sectors: raw.sectors,
            cms: raw.cms,
            units,
            screens,
            fonts,
            license: raw.license,
            timezone,
            extra: raw.extra,
        })
    }

    /// The chain a language falls back through: itself, its `fallback`
    /// list, then the default language; each once. A code that is not a
    /// language of the site falls back to the default language alone.
    pub fn fallback_chain(&self, code: &LangCode) -> &[LangCode] {
        self.language(code.as_str())
            .map_or(std::slice::from_ref(&self.default_language), |l| {
                l.chain.as_slice()
            })
    }

    /// What a page in `lang` shows for a `unit:` value: the unit's name
    /// along the language's fallback chain, or the value itself when it is
    /// not a declared unit (free text on a site without `units:`).
    pub fn unit_name<'a>(&'a self, value: &'a str, lang: &LangCode) -> &'a str {
        self.units
            .get(value)
            .map_or(value, |u| u.name(self.fallback_chain(lang)))
    }

    /// The URL prefix of a language: `/en/`, or `/` for the default language
    /// at the root. Relative to the base path.
    pub fn lang_prefix(&self, code: &LangCode) -> String {
        if *code == self.default_language && !self.default_language_in_subdir {
            "/".into()
        } else {
            format!("/{code}/")
        }
    }

    /// The folder of the theme.
    pub fn theme_dir(&self) -> PathBuf {
        self.root.join("themes").join(&self.theme)
    }
}

fn is_lang_code(code: &str) -> bool {
    code.parse::<unic_langid::LanguageIdentifier>().is_ok()
        && !code.is_empty()
        && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, Diagnostics> {
        Config::parse(Path::new("/site"), text)
    }

    #[test]
    fn a_three_line_site_yaml_works() {
        let c = parse("title: T\nlanguages:\n  - { code: vi, name: Tiếng Việt }\n").expect("valid");
        assert_eq!(c.default_language.as_str(), "vi");
        assert_eq!(c.paginate_by, 10);
        assert_eq!(c.base_path, "/");
    }

    #[test]
    fn unknown_key_is_an_error_with_line_and_suggestion() {
        let err = parse("title: T\ntitel: x\nlanguages: [{ code: vi, name: V }]\n")
            .expect_err("unknown key");
        let d = &err.items()[0];
        assert_eq!(d.line, Some(2));
        assert!(d.message.contains("titel"), "{}", d.message);
        assert_eq!(d.hint.as_deref(), Some("did you mean `title`?"));
    }

    #[test]
    fn base_url_with_a_sub_path_is_split() {
        let c = parse("base_url: https://example.org/portal\nlanguages: [{ code: vi, name: V }]\n")
            .expect("valid");
        assert_eq!(c.origin, "https://example.org");
        assert_eq!(c.base_path, "/portal/");
    }

    #[test]
    fn fallback_chain_ends_with_the_default_language() {
        let c = parse("default_language: vi\nlanguages:\n  - { code: vi, name: V }\n  - { code: en, name: E }\n  - { code: lo, name: L, fallback: [en] }\n").expect("valid");
        let chain: Vec<_> = c
            .fallback_chain(&LangCode("lo".into()))
            .iter()
            .map(|l| l.0.clone())
            .collect();
        assert_eq!(chain, ["lo", "en", "vi"]);
    }

    #[test]
    fn unknown_fallback_language_is_named() {
        let err = parse(
            "languages:\n  - { code: vi, name: V }\n  - { code: lo, name: L, fallback: [em] }\n",
        )
        .expect_err("bad fallback");
        assert!(err.items()[0].message.contains("`em`"));
    }
}
