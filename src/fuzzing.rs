//! Entry points for the fuzzers (`fuzz/`) and their regression test
//! (`tests/no_panic.rs`): each takes arbitrary bytes and must never panic.

use crate::config::{Config, LangCode};
use crate::content::front_matter;
use crate::i18n::{Layer, LocaleFile, Locales};
use crate::source_text::decode_utf8;
use std::path::{Path, PathBuf};

/// Bytes as a Markdown file: decode, split, parse the front matter.
pub fn front_matter(data: &[u8]) {
    let Ok(text) = decode_utf8(data) else { return };
    let file = PathBuf::from("content/fuzz.md");
    if let Ok(split) = front_matter::split(&text) {
        let sectors = vec!["industry".to_string()];
        let parsed = front_matter::parse(&file, &text, &split, true, &sectors, &Default::default());
        for d in parsed.diagnostics {
            let _ = d.to_human(false);
        }
    }
}

/// Bytes as an article body: render with links and images that resolve
/// for some paths and not others.
pub fn markdown(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let link = |p: &str| p.len().is_multiple_of(2).then(|| format!("/x/{p}/"));
    let image = |s: &str, alt: &str| {
        if s.len().is_multiple_of(3) {
            Ok(crate::markdown::ImageHtml {
                html: crate::markdown::plain_img(&format!("/img/{s}"), alt),
                picture: None,
            })
        } else {
            Err(crate::msg!("image.not-found", path = s))
        }
    };
    let known = |_: &str| None;
    let relative = |p: &str| (p.len() % 2 == 1).then(|| p.to_owned());
    let site_path = |p: &str| {
        if p.len().is_multiple_of(2) {
            Ok(format!("/base{p}"))
        } else {
            Err(None)
        }
    };
    let resolver = crate::markdown::Resolver {
        link: &link,
        image: &image,
        known_paths: &known,
        relative: &relative,
        site_path: &site_path,
        page_path: "/fuzz/",
    };
    for safe in [false, true] {
        let (r, diags) =
            crate::markdown::render(Path::new("content/fuzz.md"), &text, 3, safe, &resolver);
        let _ = (r.html.len(), r.toc.len());
        for d in diags {
            let _ = d.to_plain();
        }
    }
}

/// Bytes as a `.ftl` file in every language: build the bundles and format
/// every message it defines, with and without arguments.
pub fn fluent(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    let Ok(config) = Config::parse(
        Path::new("/fuzz"),
        "languages:\n  - { code: vi, name: V }\n  - { code: en, name: E, fallback: [vi] }\n",
    ) else {
        return;
    };
    let files = vec![
        LocaleFile {
            lang: LangCode("vi".into()),
            layer: Layer::Site,
            file: PathBuf::from("locales/vi/a.ftl"),
            text: text.clone(),
        },
        LocaleFile {
            lang: LangCode("en".into()),
            layer: Layer::Theme,
            file: PathBuf::from("theme/en/a.ftl"),
            text,
        },
    ];
    let (locales, diags) = Locales::build(&config, files);
    for d in diags {
        let _ = d.to_human(false);
    }
    let en = LangCode("en".into());
    let ids: Vec<String> = locales.own_ids(&LangCode("vi".into())).cloned().collect();
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("count", 3);
    args.set("name", "x");
    for id in ids {
        let _ = locales.message(&en, &id, None);
        let _ = locales.message(&en, &id, Some(&args));
    }
}
