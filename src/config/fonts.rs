//! `fonts:` in `site.yaml`: whether the site publishes the Lao and Khmer
//! fonts its pages need (`embed`) or leaves them to the reader's computer
//! (`system`, the default). In: the value as written. Out: [`Fonts`], or an
//! error on its line with the fix.

use crate::diagnostics::{closest, Diagnostic};
use crate::msg;
use crate::source_text::key_line;
use serde::Serialize;
use std::path::PathBuf;

/// Where the pages' Lao and Khmer letters come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Fonts {
    /// The reader's own fonts (no font files published).
    #[default]
    System,
    /// Fonts published with the site, at `/fonts/`, and linked from every page.
    Embed,
}

const VALUES: [&str; 2] = ["system", "embed"];

/// `fonts:` as written → [`Fonts`]; an unknown value is an error, and
/// `embed` on a site without Lao or Khmer a warning (nothing to embed).
pub(super) fn validate(raw: Option<&str>, codes: &[&str], text: &str) -> (Fonts, Vec<Diagnostic>) {
    let at = |d: Diagnostic| d.at_line(key_line(text, &["fonts"])).with_source(text);
    let file = || PathBuf::from("site.yaml");
    match raw.map(str::trim) {
        None | Some("system") => (Fonts::System, Vec::new()),
        Some("embed") => {
            let mut diags = Vec::new();
            if !crate::fonts::needed_for(codes.iter().copied()) {
                diags.push(at(Diagnostic::warning(
                    file(),
                    msg!("config.fonts-unneeded"),
                )
                .hint(msg!("config.fonts-unneeded.hint"))));
            }
            (Fonts::Embed, diags)
        }
        Some(other) => {
            let hint = match closest(other, VALUES) {
                Some(v) => msg!("config.bad-fonts.did-you-mean", value = v),
                None => msg!("config.bad-fonts.hint"),
            };
            let d = Diagnostic::error(file(), msg!("config.bad-fonts", value = other)).hint(hint);
            (Fonts::System, vec![at(d)])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use std::path::Path;

    const LANGS: &str = "languages:\n  - { code: vi, name: V }\n  - { code: km, name: K }\n";

    fn parse(text: &str) -> Result<Config, crate::diagnostics::Diagnostics> {
        Config::parse(Path::new("/site"), text)
    }

    #[test]
    fn embed_and_system_are_read_and_system_is_the_default() {
        let c = parse(&format!("fonts: embed\n{LANGS}")).expect("valid");
        assert_eq!(c.fonts, Fonts::Embed);
        assert_eq!(parse(LANGS).expect("valid").fonts, Fonts::System);
        let c = parse(&format!("{LANGS}fonts: system\n")).expect("valid");
        assert_eq!(c.fonts, Fonts::System);
    }

    #[test]
    fn a_misspelt_value_is_an_error_on_its_line_with_the_fix() {
        let err = parse(&format!("title: T\nfonts: embedd\n{LANGS}")).expect_err("bad value");
        let d = &err.items()[0];
        assert_eq!(d.line, Some(2));
        assert!(d.message.contains("`fonts: embedd`"), "{}", d.message);
        assert_eq!(d.hint.as_deref(), Some("did you mean `fonts: embed`?"));
        let err = parse(&format!("fonts: yes please\n{LANGS}")).expect_err("bad value");
        let hint = err.items()[0].hint.clone().unwrap_or_default();
        assert!(hint.contains("`fonts: embed`"), "{hint}");
    }

    #[test]
    fn embed_without_lao_or_khmer_is_a_warning() {
        let (fonts, diags) = validate(Some("embed"), &["vi", "en"], "fonts: embed\n");
        assert_eq!(fonts, Fonts::Embed);
        assert_eq!(diags.len(), 1);
        assert!(!diags[0].is_error());
        assert_eq!(diags[0].line, Some(1));
    }
}
