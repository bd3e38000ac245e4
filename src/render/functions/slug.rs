//! `slug` filter: text as a URL slug, the way mekong slugs titles and tags.

use tera::{Filter, Kwargs, State};

/// The `slug` filter.
pub(crate) struct Slug;

impl Filter<String, String> for Slug {
    fn call(&self, value: String, _: Kwargs, _: &State) -> String {
        crate::content::slug::slugify(&value)
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{render, shared_with};

    #[test]
    fn vietnamese_text_becomes_an_ascii_slug() {
        let out = render(shared_with(&[]), "vi", "{{ \"Tin tức Hà Nội\" | slug }}");
        assert_eq!(
            out.expect("renders"),
            crate::content::slug::slugify("Tin tức Hà Nội")
        );
        assert_eq!(
            crate::content::slug::slugify("Tin tức Hà Nội"),
            "tin-tuc-ha-noi"
        );
    }
}
