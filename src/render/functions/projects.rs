//! `projects(lang?)`: the language's articles with a `project:` block as
//! `items`, and the `sectors`, `statuses` and `locations` to filter them by.

use super::{current_lang, Shared};
use std::sync::Arc;
use tera::{Function, Kwargs, State, TeraResult, Value};

/// The `projects` function.
pub(crate) struct Projects(pub(crate) Arc<Shared>);

impl Function<TeraResult<Value>> for Projects {
    fn call(&self, kwargs: Kwargs, state: &State) -> TeraResult<Value> {
        let lang = current_lang(&kwargs, state)?;
        Ok(self
            .0
            .projects
            .get(&lang)
            .cloned()
            .unwrap_or_else(Value::none))
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{render, shared_with};
    use tera::Value;

    fn shared() -> super::Shared {
        let mut s = shared_with(&[]);
        s.projects.insert(
            "vi".into(),
            Value::from_serializable(&serde_json::json!({
                "items": [{"title": "Dam"}],
                "sectors": ["energy", "water"],
            })),
        );
        s
    }

    #[test]
    fn the_languages_projects_and_facets() {
        let out = render(
            shared(),
            "vi",
            "{% set p = projects() %}{{ p.items[0].title }}: {{ p.sectors | join(sep=\",\") }}",
        );
        assert_eq!(out.expect("renders"), "Dam: energy,water");
    }

    #[test]
    fn a_language_without_projects_gets_none() {
        let out = render(
            shared(),
            "en",
            "{% if projects() %}some{% else %}none{% endif %}",
        );
        assert_eq!(out.expect("renders"), "none");
    }
}
