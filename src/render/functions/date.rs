//! `date(format?, lang?)` filter: a date as the language writes it
//! (`short`, `medium`, `long`, ...), or as `YYYY-MM-DD` for a language
//! without formats; nothing for a missing date.

use super::{current_lang, Shared};
use crate::config::LangCode;
use crate::content::front_matter::{Date, TimeZone};
use std::sync::Arc;
use tera::{Error, Filter, Kwargs, State, TeraResult, Value};

/// The `date` filter.
pub(crate) struct DateFilter(pub(crate) Arc<Shared>);

impl Filter<Value, TeraResult<String>> for DateFilter {
    fn call(&self, value: Value, kwargs: Kwargs, state: &State) -> TeraResult<String> {
        if value.is_none() || value.is_undefined() {
            return Ok(String::new());
        }
        let text = value
            .as_str()
            .map(str::to_owned)
            .unwrap_or_else(|| value.to_string());
        // Only the calendar day is shown: the zone of a time does not matter.
        let date = Date::parse(&text, &TimeZone::UTC)
            .ok_or_else(|| Error::message(format!("date(): `{text}` is not a date")))?;
        let style: String = kwargs.get("format")?.unwrap_or_else(|| "medium".into());
        let lang = LangCode(current_lang(&kwargs, state)?);
        Ok(match self.0.locales.formats(&lang) {
            Some(f) => f.date(date.year, date.month, date.day, &style),
            None => date.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{error_of, render, shared_with};
    use crate::config::LangCode;
    use crate::content::front_matter::{Date, TimeZone};

    #[test]
    fn a_date_is_written_as_the_pages_language_writes_it() {
        let shared = shared_with(&[]);
        let date = Date::parse("2024-03-05", &TimeZone::UTC).expect("date");
        let expected = shared
            .locales
            .formats(&LangCode("vi".into()))
            .expect("vi formats")
            .date(date.year, date.month, date.day, "long");
        let out = render(shared, "vi", "{{ \"2024-03-05\" | date(format=\"long\") }}");
        assert_eq!(out.expect("renders"), expected);
        assert!(expected.contains("2024"), "{expected}");
    }

    #[test]
    fn a_missing_date_is_empty_and_a_bad_one_an_error() {
        let out = render(shared_with(&[]), "vi", "[{{ none | date }}]");
        assert_eq!(out.expect("renders"), "[]");
        let err = error_of(render(shared_with(&[]), "vi", "{{ \"soon\" | date }}"));
        assert!(err.contains("`soon` is not a date"), "{err}");
    }

    #[test]
    fn a_language_without_formats_gets_the_iso_date() {
        let out = render(shared_with(&[]), "xx", "{{ \"2024-03-05\" | date }}");
        assert_eq!(out.expect("renders"), "2024-03-05");
    }
}
