//! `units:` in `site.yaml`: the departments that write for the portal, each
//! declared once with an id and its name per language. In: the section as
//! written (`id: { vi: name, en: name }`). Out: [`Units`], checked against
//! the site's languages, so that front matter `unit:` values and plan tasks
//! name a unit by id and every page shows the unit's name in its language.

use super::{Diagnostic, LangCode};
use crate::diagnostics::closest;
use crate::messages::Message;
use crate::msg;
use serde::Serialize;
use std::collections::BTreeMap;

/// One unit (department) of the province.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unit {
    /// The id used in front matter and plans (`so-tttt`).
    pub id: String,
    /// Its name per language, in the order of `site.yaml`.
    pub names: Vec<(LangCode, String)>,
}

/// The declared units, in the order of `site.yaml`. Empty when `units:` is
/// not given: `unit:` in front matter is then free text, as before units
/// existed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Units(Vec<Unit>);

/// `units:` as serde reads it: id → language → name.
pub(super) type RawUnits = BTreeMap<String, BTreeMap<String, String>>;

impl Units {
    /// Validates `units:`. `order` is the ids in file order (serde's map
    /// loses it); `err(path, message, hint)` builds a diagnostic at the
    /// line of `units.PATH`.
    pub(super) fn from_raw(
        raw: RawUnits,
        order: &[String],
        languages: &[&str],
        default_language: &str,
        err: impl Fn(&[&str], Message, Message) -> Diagnostic,
    ) -> (Units, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut units = Vec::new();
        let mut ids: Vec<&String> = order.iter().filter(|id| raw.contains_key(*id)).collect();
        ids.extend(raw.keys().filter(|id| !order.contains(id)));
        for id in ids {
            let names = &raw[id];
            if !is_unit_id(id) {
                diags.push(err(
                    &[id],
                    msg!("config.bad-unit-id", id = id),
                    msg!("config.bad-unit-id.hint"),
                ));
            }
            for lang in names.keys() {
                if !languages.contains(&lang.as_str()) {
                    let hint = match closest(lang, languages.iter().copied()) {
                        Some(c) => msg!("config.unit-name-language.did-you-mean", code = c),
                        None => msg!(
                            "config.unit-name-language.hint",
                            codes = languages.join(", ")
                        ),
                    };
                    diags.push(err(
                        &[id, lang],
                        msg!("config.unit-name-language", id = id, code = lang),
                        hint,
                    ));
                }
            }
            if !names.contains_key(default_language) {
                diags.push(err(
                    &[id],
                    msg!(
                        "config.unit-without-default-name",
                        id = id,
                        code = default_language
                    ),
                    msg!(
                        "config.unit-without-default-name.hint",
                        id = id,
                        code = default_language
                    ),
                ));
            }
            let names = languages
                .iter()
                .filter_map(|l| names.get(*l).map(|n| (LangCode(l.to_string()), n.clone())))
                .collect();
            units.push(Unit {
                id: id.clone(),
                names,
            });
        }
        (Units(units), diags)
    }

    /// Whether no unit is declared.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The units in the order of `site.yaml`.
    pub fn iter(&self) -> impl Iterator<Item = &Unit> {
        self.0.iter()
    }

    /// The unit with this id.
    pub fn get(&self, id: &str) -> Option<&Unit> {
        self.0.iter().find(|u| u.id == id)
    }

    /// Checks a `unit:` value (front matter or plan; `key` is how the value
    /// was written, `unit` or a plan's `lead`). `None` when it is fine: a
    /// declared id, or anything at all when no unit is declared. Otherwise
    /// the hint that fixes it: the id whose name was written, or the
    /// closest id.
    pub fn check(&self, value: &str, key: &str) -> Option<Message> {
        if self.is_empty() || self.get(value).is_some() {
            return None;
        }
        if let Some(u) = self
            .0
            .iter()
            .find(|u| u.names.iter().any(|(_, n)| n.trim() == value.trim()))
        {
            return Some(msg!("config.unit-name-not-id", key = key, id = &u.id));
        }
        let ids = self.0.iter().map(|u| u.id.as_str());
        Some(match closest(value, ids) {
            Some(c) => msg!("config.unknown-unit.did-you-mean", id = c),
            None => msg!(
                "config.unknown-unit.hint",
                ids = self
                    .0
                    .iter()
                    .map(|u| u.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        })
    }
}

impl Unit {
    /// The unit's name along a language's fallback chain; its id when it
    /// has no name in any of them.
    pub fn name<'a>(&'a self, chain: &[LangCode]) -> &'a str {
        chain
            .iter()
            .find_map(|l| self.names.iter().find(|(c, _)| c == l))
            .map_or(self.id.as_str(), |(_, n)| n.as_str())
    }
}

fn is_unit_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// The ids of `units:` in file order: the keys indented under `units:`.
pub(super) fn ids_in_order(text: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut inside = false;
    let mut indent = None;
    for line in text.lines() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        if lead == 0 {
            inside = line.starts_with("units:");
            continue;
        }
        if !inside {
            continue;
        }
        let ind = *indent.get_or_insert(lead);
        if lead == ind {
            if let Some((key, _)) = line.trim().split_once(':') {
                ids.push(key.trim().trim_matches(['"', '\'']).to_string());
            }
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::super::Config;
    use std::path::Path;

    const SITE: &str = "languages:\n  - { code: vi, name: V }\n  - { code: en, name: E }\n  - { code: lo, name: L, fallback: [en] }\nunits:\n  so-tttt: { vi: Sở Thông tin và Truyền thông, en: Department of Information and Communications }\n  ban-dan-toc:\n    vi: Ban Dân tộc tỉnh\n";

    #[test]
    fn units_keep_their_order_and_names_follow_the_fallback_chain() {
        let c = Config::parse(Path::new("/s"), SITE).expect("valid");
        let ids: Vec<_> = c.units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["so-tttt", "ban-dan-toc"]);
        let unit = c.units.get("so-tttt").expect("declared");
        let lo = c.fallback_chain(&super::LangCode("lo".into()));
        assert_eq!(
            unit.name(lo),
            "Department of Information and Communications"
        );
        assert_eq!(
            c.unit_name("ban-dan-toc", &super::LangCode("en".into())),
            "Ban Dân tộc tỉnh"
        );
    }

    #[test]
    fn a_unit_value_gets_did_you_mean_or_its_id() {
        let c = Config::parse(Path::new("/s"), SITE).expect("valid");
        assert_eq!(c.units.check("so-tttt", "unit"), None);
        assert_eq!(
            c.units.check("so-ttt", "unit").map(|m| m.english()),
            Some("did you mean `so-tttt`?".to_owned())
        );
        let hint = c
            .units
            .check("Ban Dân tộc tỉnh", "unit")
            .expect("a name is not an id")
            .english();
        assert!(hint.contains("`unit: ban-dan-toc`"), "{hint}");
    }

    #[test]
    fn a_unit_named_in_an_unknown_language_is_located() {
        let text = SITE.replace("ban-dan-toc:\n    vi:", "ban-dan-toc:\n    km: x\n    vi:");
        let err = Config::parse(Path::new("/s"), &text).expect_err("km is not a site language");
        let d = &err.items()[0];
        assert!(d.message.contains("`km`"), "{}", d.message);
        assert_eq!(d.line, Some(8));
    }

    #[test]
    fn a_unit_without_a_default_language_name_is_an_error() {
        let text = SITE.replace("    vi: Ban Dân tộc tỉnh\n", "    en: Ethnic Affairs\n");
        let err = Config::parse(Path::new("/s"), &text).expect_err("no vi name");
        assert!(err.items()[0].message.contains("default language"));
    }

    #[test]
    fn without_units_any_unit_value_is_free_text() {
        let c =
            Config::parse(Path::new("/s"), "languages: [{ code: vi, name: V }]\n").expect("valid");
        assert_eq!(c.units.check("Sở Ngoại vụ", "unit"), None);
        assert_eq!(
            c.unit_name("Sở Ngoại vụ", &super::LangCode("vi".into())),
            "Sở Ngoại vụ"
        );
    }
}
