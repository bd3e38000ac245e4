//! `url(path, lang?)`: a link inside the site. `@/path.md` is an article's
//! URL in the page's language (or a fallback); a page path gets the
//! language's prefix, a file does not; external URLs pass unchanged.

use super::{current_lang, Shared};
use std::sync::Arc;
use tera::{Error, Function, Kwargs, State, TeraResult};

/// The `url` function.
pub(crate) struct Url(pub(crate) Arc<Shared>);

impl Function<TeraResult<String>> for Url {
    fn call(&self, kwargs: Kwargs, state: &State) -> TeraResult<String> {
        let path: String = kwargs.must_get("path")?;
        let lang = current_lang(&kwargs, state)?;
        if path.contains("://") || path.starts_with("//") || path.starts_with("mailto:") {
            return Ok(path);
        }
        if let Some(target) = path.strip_prefix("@/") {
            return self.article(&path, target, &lang);
        }
        let s = &self.0;
        let rel = path.trim_start_matches('/');
        let last = rel.trim_end_matches('/').rsplit('/').next().unwrap_or("");
        // Files (`/css/site.css`, `/sitemap.xml`) are the same in every language.
        let is_file = last.contains('.') && !rel.ends_with('/');
        let prefix = if is_file {
            "/".to_owned()
        } else {
            s.lang_prefixes
                .get(&lang)
                .cloned()
                .unwrap_or_else(|| "/".into())
        };
        let base = s.base_path.trim_end_matches('/');
        Ok(crate::urls::encode_path(&format!("{base}{prefix}{rel}")))
    }
}

impl Url {
    /// `@/target`, with its `#anchor` kept.
    fn article(&self, path: &str, target: &str, lang: &str) -> TeraResult<String> {
        let (p, anchor) = target
            .split_once('#')
            .map_or((target, None), |(p, a)| (p, Some(a)));
        let url = self
            .0
            .links
            .url(p, lang)
            .ok_or_else(|| Error::message(format!("url(): there is no article `{path}`")))?;
        Ok(match anchor {
            Some(a) => format!("{url}#{a}"),
            None => url.into_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{error_of, render, shared_with};
    use super::super::LinkTable;
    use crate::config::LangCode;
    use std::collections::HashMap;

    fn url(lang: &str, template: &str) -> String {
        render(shared_with(&[]), lang, template).expect("renders")
    }

    #[test]
    fn a_page_path_gets_the_base_path_and_language_prefix() {
        assert_eq!(url("vi", "{{ url(path=\"/news/\") }}"), "/portal/news/");
        assert_eq!(url("en", "{{ url(path=\"news/\") }}"), "/portal/en/news/");
    }

    #[test]
    fn a_file_is_the_same_in_every_language() {
        assert_eq!(
            url("en", "{{ url(path=\"/css/site.css\") }}"),
            "/portal/css/site.css"
        );
    }

    #[test]
    fn external_urls_pass_unchanged() {
        assert_eq!(
            url("en", "{{ url(path=\"https://x.org/a b\") }}"),
            "https://x.org/a b"
        );
        assert_eq!(
            url("en", "{{ url(path=\"mailto:a@x.org\") }}"),
            "mailto:a@x.org"
        );
    }

    #[test]
    fn an_article_link_finds_the_translation_and_keeps_the_anchor() {
        let mut shared = shared_with(&[]);
        shared.links = LinkTable::from_parts(
            HashMap::from([("news/flood.md".to_string(), 0)]),
            vec![vec![
                (LangCode("vi".into()), "/portal/tin/lu/".to_string()),
                (LangCode("en".into()), "/portal/en/news/flood/".to_string()),
            ]],
            HashMap::from([(
                "en".to_string(),
                vec![LangCode("en".into()), LangCode("vi".into())],
            )]),
        );
        let out = render(shared, "en", "{{ url(path=\"@/news/flood.md#map\") }}");
        assert_eq!(out.expect("renders"), "/portal/en/news/flood/#map");
    }

    #[test]
    fn an_unknown_article_is_an_error_naming_it() {
        let err = error_of(render(
            shared_with(&[]),
            "vi",
            "{{ url(path=\"@/nope.md\") }}",
        ));
        assert!(err.contains("no article `@/nope.md`"), "{err}");
    }
}
