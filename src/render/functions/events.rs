//! `events(limit?, lang?)`: the language's articles with an `event:` block,
//! by start date; at most `limit`.

use super::super::lists::ListKey;
use super::{current_lang, Shared};
use std::sync::Arc;
use tera::{Function, Kwargs, State, TeraResult, Value};

/// The `events` function.
pub(crate) struct Events(pub(crate) Arc<Shared>);

impl Function<TeraResult<Value>> for Events {
    fn call(&self, kwargs: Kwargs, state: &State) -> TeraResult<Value> {
        let lists = &self.0.lists;
        let lang = current_lang(&kwargs, state)?;
        let limit: Option<usize> = kwargs.get("limit")?;
        let ids = lists.events.get(&lang).map_or(&[][..], Vec::as_slice);
        let n = limit.unwrap_or(usize::MAX).min(ids.len());
        let key = ListKey::Events { lang, limit };
        Ok(lists.get_or_make(key, || Value::from(lists.views(&ids[..n]))))
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{ids, item, lists_of, render, shared_with};

    fn shared() -> super::Shared {
        let mut s = shared_with(&[]);
        s.lists = lists_of(vec![
            item("Fair", "2024-01-01", 0),
            item("Forum", "2024-02-01", 0),
        ]);
        s.lists.events.insert("vi".into(), ids(0..2));
        s
    }

    #[test]
    fn events_of_the_pages_language_in_order_up_to_the_limit() {
        let all = render(
            shared(),
            "vi",
            "{% for e in events() %}{{ e.title }},{% endfor %}",
        );
        assert_eq!(all.expect("renders"), "Fair,Forum,");
        let one = render(
            shared(),
            "vi",
            "{% for e in events(limit=1) %}{{ e.title }}{% endfor %}",
        );
        assert_eq!(one.expect("renders"), "Fair");
    }

    #[test]
    fn a_language_without_events_gets_an_empty_list() {
        let out = render(shared(), "en", "{{ events() | length }}");
        assert_eq!(out.expect("renders"), "0");
    }
}
