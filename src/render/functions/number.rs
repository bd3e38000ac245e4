//! `number(decimals?, lang?)` filter: a number with the language's digit
//! grouping and decimal sign.

use super::{current_lang, Shared};
use crate::config::LangCode;
use std::sync::Arc;
use tera::{Error, Filter, Kwargs, State, TeraResult, Value};

/// The `number` filter.
pub(crate) struct NumberFilter(pub(crate) Arc<Shared>);

impl Filter<Value, TeraResult<String>> for NumberFilter {
    fn call(&self, value: Value, kwargs: Kwargs, state: &State) -> TeraResult<String> {
        let n = value
            .as_f64()
            .ok_or_else(|| Error::message(format!("number(): `{value}` is not a number")))?;
        let decimals: Option<usize> = kwargs.get("decimals")?;
        let lang = LangCode(current_lang(&kwargs, state)?);
        Ok(match self.0.locales.formats(&lang) {
            Some(f) => f.number(n, decimals),
            None => n.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{error_of, render, shared_with};

    #[test]
    fn vietnamese_groups_with_dots_and_english_with_commas() {
        let vi = render(shared_with(&[]), "vi", "{{ 1234567 | number }}");
        assert_eq!(vi.expect("renders"), "1.234.567");
        let en = render(shared_with(&[]), "en", "{{ 1234.5 | number(decimals=2) }}");
        assert_eq!(en.expect("renders"), "1,234.50");
    }

    #[test]
    fn text_is_not_a_number() {
        let err = error_of(render(shared_with(&[]), "vi", "{{ \"many\" | number }}"));
        assert!(err.contains("is not a number"), "{err}");
    }
}
