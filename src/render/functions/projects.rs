//! `projects(lang?)`: the language's articles with a `project:` block as
//! `items`, and the `sectors`, `statuses` and `locations` to filter them by.

use super::super::lists::ListKey;
use super::{current_lang, Shared};
use std::sync::Arc;
use tera::{Function, Kwargs, State, TeraResult, Value};

/// The `projects` function.
pub(crate) struct Projects(pub(crate) Arc<Shared>);

impl Function<TeraResult<Value>> for Projects {
    fn call(&self, kwargs: Kwargs, state: &State) -> TeraResult<Value> {
        let lists = &self.0.lists;
        let lang = current_lang(&kwargs, state)?;
        let Some((ids, facets)) = lists.projects.get(&lang) else {
            return Ok(Value::none());
        };
        Ok(lists.get_or_make(ListKey::Projects { lang }, || {
            let mut map = facets.clone();
            map.insert("items".into(), Value::from(lists.views(ids)));
            Value::from(map)
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{ids, lists_of, render, shared_with};
    use tera::Value;

    fn shared() -> super::Shared {
        let mut s = shared_with(&[]);
        s.lists = lists_of(vec![Value::from_serializable(
            &serde_json::json!({"title": "Dam"}),
        )]);
        let facets = Value::from_serializable(&serde_json::json!({
            "sectors": ["energy", "water"],
        }));
        let facets = facets.into_map().unwrap_or_default();
        s.lists.projects.insert("vi".into(), (ids(0..1), facets));
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
