//! `t(key, lang?, default?, ...args)`: the Fluent message `key` in the
//! page's language or its fallbacks, with the other arguments as Fluent
//! variables; `default` when no language has the message.

use super::{current_lang, Shared};
use crate::config::LangCode;
use fluent_bundle::{FluentArgs, FluentValue};
use std::sync::Arc;
use tera::{Error, Function, Kwargs, State, TeraResult};

/// The `t` function.
pub(crate) struct Translate(pub(crate) Arc<Shared>);

/// Arguments of `t` itself, not passed on to Fluent.
fn is_own_argument(name: &str) -> bool {
    matches!(name, "key" | "lang" | "default")
}

impl Function<TeraResult<String>> for Translate {
    fn call(&self, kwargs: Kwargs, state: &State) -> TeraResult<String> {
        let key: String = kwargs.must_get("key")?;
        let lang = LangCode(current_lang(&kwargs, state)?);
        let mut args = FluentArgs::new();
        for (k, v) in kwargs.iter() {
            let name = k.to_string();
            if is_own_argument(&name) {
                continue;
            }
            let value: FluentValue<'static> = match v.as_f64() {
                Some(n) if v.is_number() => FluentValue::from(n),
                _ => FluentValue::from(
                    v.as_str()
                        .map(str::to_owned)
                        .unwrap_or_else(|| v.to_string()),
                ),
            };
            args.set(name, value);
        }
        let args = (!kwargs.iter().all(|(k, _)| is_own_argument(&k.to_string()))).then_some(&args);
        let default: Option<String> = kwargs.get("default")?;
        self.0
            .note(super::super::used::Read::Message(lang.as_str(), &key));
        match self.0.locales.message(&lang, &key, args) {
            Ok(Some(text)) => Ok(text),
            Ok(None) if default.is_some() => Ok(default.unwrap_or_default()),
            Ok(None) => Err(Error::message(format!(
                "no Fluent message `{key}` in `{lang}` or its fallback languages; add `{key} = ...` to locales/{lang}/*.ftl"
            ))),
            Err(e) => Err(Error::message(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{error_of, render, shared_with};

    const MESSAGES: [(&str, &str); 2] = [
        (
            "vi",
            "hello = Xin chào\ngreet = Chào { $name }\nitems = { $count } mục\nonly-vi = Chỉ tiếng Việt\n",
        ),
        ("en", "hello = Hello\ngreet = Hi { $name }\n"),
    ];

    #[test]
    fn a_message_is_in_the_pages_language() {
        let out = render(shared_with(&MESSAGES), "en", "{{ t(key=\"hello\") }}");
        assert_eq!(out.expect("renders"), "Hello");
    }

    #[test]
    fn lang_overrides_the_pages_language() {
        let out = render(
            shared_with(&MESSAGES),
            "en",
            "{{ t(key=\"hello\", lang=\"vi\") }}",
        );
        assert_eq!(out.expect("renders"), "Xin chào");
    }

    #[test]
    fn other_arguments_are_fluent_variables() {
        let out = render(
            shared_with(&MESSAGES),
            "vi",
            "{{ t(key=\"greet\", name=\"Lan\") }} / {{ t(key=\"items\", count=3) }}",
        );
        assert_eq!(out.expect("renders"), "Chào Lan / 3 mục");
    }

    #[test]
    fn a_missing_translation_falls_back_to_vietnamese() {
        let out = render(shared_with(&MESSAGES), "en", "{{ t(key=\"only-vi\") }}");
        assert_eq!(out.expect("renders"), "Chỉ tiếng Việt");
    }

    #[test]
    fn a_missing_message_is_the_default_or_an_error_naming_the_file() {
        let out = render(
            shared_with(&MESSAGES),
            "en",
            "{{ t(key=\"nope\", default=\"Fallback\") }}",
        );
        assert_eq!(out.expect("renders"), "Fallback");
        let err = error_of(render(
            shared_with(&MESSAGES),
            "en",
            "{{ t(key=\"nope\") }}",
        ));
        assert!(err.contains("locales/en/*.ftl"), "{err}");
    }
}
