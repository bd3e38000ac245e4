//! What the editing app cannot represent: front-matter keys of articles
//! that have no field in the generated schema. `mekong check` reports them
//! (with `cms:` in `site.yaml`) so the site and the app stay in step: an
//! editor who opens such an article in `/admin/` cannot see or change the
//! value.

use super::schema::FIELD_KEYS;
use crate::content::front_matter::FrontMatter;
use crate::content::{Kind, SourcePage};
use crate::diagnostics::Diagnostic;
use crate::source_text::key_line;
use std::path::Path;

/// Article keys the app has no field for, each with whether `front` has it.
fn unrepresented(front: &FrontMatter) -> [(&'static str, bool); 3] {
    [
        ("translation_key", front.translation_key.is_some()),
        ("template", front.template.is_some()),
        (
            "extra",
            !front.extra.is_null() && front.extra.as_object().is_none_or(|m| !m.is_empty()),
        ),
    ]
}

/// One warning per key per file, on the key's line.
pub(crate) fn check<'a>(
    root: &Path,
    sources: impl Iterator<Item = &'a SourcePage>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for page in sources.filter(|p| p.kind == Kind::Article) {
        for (key, _) in unrepresented(&page.front).iter().filter(|(_, has)| *has) {
            let line = std::fs::read_to_string(root.join(&page.file))
                .ok()
                .and_then(|text| {
                    let split = crate::content::front_matter::split(&text).ok()?;
                    key_line(split.yaml, &[key]).map(|l| l + 1)
                });
            let d = Diagnostic::warning(page.file.clone(), crate::msg!("cms.no-field", key = *key))
                .hint(crate::msg!(
                    "cms.no-field.hint",
                    key = *key,
                    fields = FIELD_KEYS.join(", ")
                ));
            out.push(match line {
                Some(l) => d.at_line(Some(l)),
                None => d,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::front_matter::ARTICLE_KEYS;

    #[test]
    fn every_article_key_is_a_field_or_reported() {
        let reported = unrepresented(&FrontMatter::default()).map(|(k, _)| k);
        for key in ARTICLE_KEYS {
            assert!(
                FIELD_KEYS.contains(key) || reported.contains(key),
                "front-matter key `{key}` is neither a field of the editing app nor reported by check"
            );
        }
    }
}
