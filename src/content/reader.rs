//! The front matter reader: a YAML mapping and the file's text in; typed
//! values out, and for every key of the wrong type or shape a diagnostic on
//! the key's line, with the caret on its value. Both the top level
//! (`front_matter.rs`) and the typed blocks (`blocks.rs`) read through it.

use super::date::Date;
use crate::config::TimeZone;
use crate::diagnostics::{closest, Diagnostic};
use crate::messages::Message;
use crate::msg;
use crate::source_text::key_line;
use serde::de::DeserializeOwned;
use serde_yaml::{Mapping, Value};
use std::cell::RefCell;
use std::path::PathBuf;

/// Reads a front matter mapping key by key, collecting diagnostics.
pub(super) struct Reader<'a> {
    pub(super) file: &'a PathBuf,
    pub(super) text: &'a str,
    pub(super) yaml: &'a str,
    pub(super) line_offset: usize,
    pub(super) diags: RefCell<Vec<Diagnostic>>,
    /// The zone of a time written without one.
    pub(super) zone: &'a TimeZone,
}

impl Reader<'_> {
    pub(super) fn line(&self, path: &[&str]) -> Option<usize> {
        key_line(self.yaml, path).map(|l| l + self.line_offset)
    }

    pub(super) fn error(&self, path: &[&str], message: Message, hint: Message) {
        let mut d = Diagnostic::error(self.file.clone(), message)
            .at_line(self.line(path))
            .with_source(self.text)
            .hint(hint);
        // Point the caret at the value when the line is `key: value`.
        let key = path.last().copied().unwrap_or_default();
        if let Some(src) = &d.source_line {
            if let Some(at) = src.find(&format!("{key}:")) {
                let rest = &src[at + key.len() + 1..];
                let value_at = at + key.len() + 1 + (rest.len() - rest.trim_start().len());
                d.col = Some(src[..value_at].chars().count() + 1);
            }
        }
        self.diags.borrow_mut().push(d);
    }

    pub(super) fn get<T: DeserializeOwned>(
        &self,
        map: &Mapping,
        path: &[&str],
        expected: Message,
    ) -> Option<T> {
        let key = path.last().copied().unwrap_or_default();
        let value = map.get(key)?;
        if value.is_null() {
            return None;
        }
        match serde_yaml::from_value::<T>(value.clone()) {
            Ok(v) => Some(v),
            Err(_) => {
                self.error(
                    path,
                    msg!(
                        "front-matter.wrong-type",
                        key = path.join("."),
                        expected = expected.clone(),
                        actual = describe(value)
                    ),
                    msg!("front-matter.wrong-type.hint", expected = expected),
                );
                None
            }
        }
    }

    pub(super) fn string(&self, map: &Mapping, path: &[&str]) -> Option<String> {
        let key = path.last().copied().unwrap_or_default();
        match map.get(key)? {
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => self.get(map, path, msg!("expected.text")),
        }
    }

    /// A list of words (`tags`, `plan`): a YAML list, or one line split at
    /// commas (`tags: cửa khẩu, thương mại`), as web editors' tag boxes take
    /// them; an item of a YAML list is taken as written.
    pub(super) fn words(&self, map: &Mapping, path: &[&str], expected: Message) -> Vec<String> {
        let key = path.last().copied().unwrap_or_default();
        match map.get(key) {
            Some(Value::String(s)) => s
                .split([',', ';', '，', '、'])
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .map(str::to_owned)
                .collect(),
            _ => self.get(map, path, expected).unwrap_or_default(),
        }
    }

    pub(super) fn date(&self, map: &Mapping, path: &[&str]) -> Option<Date> {
        let raw: String = self.string(map, path)?;
        let date = Date::parse(&raw, self.zone);
        if date.is_none() {
            self.error(
                path,
                msg!("front-matter.bad-date", key = path.join("."), value = raw),
                msg!("front-matter.bad-date.hint"),
            );
        }
        date
    }

    pub(super) fn sub_map<'m>(&self, map: &'m Mapping, key: &str) -> Option<&'m Mapping> {
        match map.get(key)? {
            Value::Mapping(m) => Some(m),
            Value::Null => None,
            other => {
                self.error(
                    &[key],
                    msg!(
                        "front-matter.not-a-block",
                        key = key,
                        actual = describe(other)
                    ),
                    msg!("front-matter.not-a-block.hint", key = key),
                );
                None
            }
        }
    }

    pub(super) fn check_keys(&self, map: &Mapping, prefix: &str, known: &[&str]) {
        for key in map.keys() {
            let Some(name) = key.as_str() else { continue };
            if !known.contains(&name) {
                let hint = match closest(name, known.iter().copied()) {
                    Some(c) => msg!("front-matter.did-you-mean", key = c),
                    None => msg!("front-matter.known-keys", keys = known.join(", ")),
                };
                self.error(
                    &[prefix, name],
                    msg!(
                        "front-matter.unknown-block-key",
                        key = format!("{prefix}.{name}")
                    ),
                    hint,
                );
            }
        }
    }
}

pub(super) fn describe(v: &Value) -> Message {
    match v {
        Value::Null => msg!("value.empty"),
        Value::Bool(b) => msg!("value.bool", value = b.to_string()),
        Value::Number(n) => msg!("value.number", value = n.to_string()),
        Value::String(s) => msg!("value.text", value = s),
        Value::Sequence(_) => msg!("value.list"),
        Value::Mapping(_) => msg!("value.block"),
        Value::Tagged(_) => msg!("value.tagged"),
    }
}
