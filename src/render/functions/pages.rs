//! `pages(section?, limit?, sort?, lang?)`: a section's articles in its
//! order, or every article newest first; `sort` by date (newest first),
//! title or weight; at most `limit`.

use super::super::lists::ListKey;
use super::{current_lang, Shared};
use std::sync::Arc;
use tera::{Error, Function, Kwargs, State, TeraResult, Value};

/// The `pages` function.
pub(crate) struct Pages(pub(crate) Arc<Shared>);

impl Function<TeraResult<Value>> for Pages {
    fn call(&self, kwargs: Kwargs, state: &State) -> TeraResult<Value> {
        let lists = &self.0.lists;
        let lang = current_lang(&kwargs, state)?;
        let section: Option<String> = kwargs.get("section")?;
        let limit: Option<usize> = kwargs.get("limit")?;
        let sort: Option<String> = kwargs.get("sort")?;
        if let Some(other) = sort
            .as_deref()
            .filter(|k| !matches!(*k, "date" | "title" | "weight"))
        {
            return Err(Error::message(format!(
                "pages(): sort must be date, title or weight, not `{other}`"
            )));
        }
        let ids = match &section {
            Some(sec) => lists.sections.get(&(sec.clone(), lang.clone())),
            None => lists.all.get(&lang),
        }
        .map_or(&[][..], Vec::as_slice);
        let lang_of_list = lang.clone();
        let key = ListKey::Pages {
            section,
            lang,
            limit,
            sort: sort.clone(),
        };
        let limit = limit.unwrap_or(usize::MAX);
        Ok(lists.get_or_make(key, || {
            let items = match sort.as_deref() {
                None => lists.views(&ids[..limit.min(ids.len())]),
                Some(key) => sorted(lists.views(ids), key, limit, |title| {
                    lists.collators.key(&lang_of_list, title)
                }),
            };
            Value::from(items)
        }))
    }
}

/// The first `limit` items by `key`; dates newest first, titles in the
/// language's alphabetical order (`collate` gives a title's key), each
/// tie in the list's own order.
fn sorted(
    mut v: Vec<Value>,
    key: &str,
    limit: usize,
    collate: impl Fn(&str) -> crate::collation::SortKey,
) -> Vec<Value> {
    let field = |x: &Value| x.get_from_path(key).cloned().unwrap_or_else(Value::none);
    if key == "title" {
        v.sort_by_cached_key(|x| collate(field(x).as_str().unwrap_or_default()));
        v.truncate(limit);
        v.shrink_to_fit();
        return v;
    }
    v.sort_by(|a, b| {
        let (fa, fb) = (field(a), field(b));
        let ord = fa.partial_cmp(&fb).unwrap_or(std::cmp::Ordering::Equal);
        if key == "date" {
            ord.reverse()
        } else {
            ord
        }
    });
    v.truncate(limit);
    v.shrink_to_fit();
    v
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{error_of, ids, item, lists_of, render, shared_with};

    fn shared() -> super::Shared {
        let mut s = shared_with(&[]);
        s.lists = lists_of(vec![
            item("B", "2024-01-02", 2),
            item("A", "2024-03-01", 3),
            item("C", "2023-05-05", 1),
            item("Z", "2020-01-01", 9),
        ]);
        s.lists
            .sections
            .insert(("news".into(), "vi".into()), ids(0..3));
        s.lists.all.insert(
            "vi".into(),
            ids(1..2).into_iter().chain(ids(3..4)).collect(),
        );
        s
    }

    fn titles(template: &str) -> String {
        render(shared(), "vi", template).expect("renders")
    }

    #[test]
    fn a_section_keeps_its_order_and_limit() {
        assert_eq!(
            titles("{% for p in pages(section=\"news\", limit=2) %}{{ p.title }}{% endfor %}"),
            "BA"
        );
    }

    #[test]
    fn without_a_section_every_article_of_the_language() {
        assert_eq!(
            titles("{% for p in pages() %}{{ p.title }}{% endfor %}"),
            "AZ"
        );
        let other = render(shared(), "en", "{{ pages() | length }}");
        assert_eq!(other.expect("renders"), "0");
    }

    #[test]
    fn sorting_by_date_is_newest_first_and_by_weight_lightest_first() {
        assert_eq!(
            titles(
                "{% for p in pages(section=\"news\", sort=\"date\") %}{{ p.title }}{% endfor %}"
            ),
            "ABC"
        );
        assert_eq!(
            titles("{% for p in pages(section=\"news\", sort=\"weight\", limit=2) %}{{ p.title }}{% endfor %}"),
            "CB"
        );
    }

    #[test]
    fn an_unknown_sort_key_is_an_error() {
        let err = error_of(render(shared(), "vi", "{{ pages(sort=\"colour\") }}"));
        assert!(err.contains("not `colour`"), "{err}");
    }
}
