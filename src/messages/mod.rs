//! mekong's own texts in its editors' language: diagnostics, hints,
//! summaries, progress lines, `--help`.
//!
//! In: the Fluent files `src/messages/LANG/*.ftl`, built into the binary,
//! and a [`Message`] (an id and its arguments, written with [`msg!`](crate::msg)).
//! Out: the text in the chosen language, falling back to English message by
//! message, numbers formatted per the language (ICU, as the sites' own
//! messages are). The language is chosen once, in `main` ([`locale::choose`]);
//! library code never picks one: it returns [`Message`]s, or English text
//! from [`Messages::english`] where a `String` is needed.
//!
//! A message id is written with dots in the code (`front-matter.bad-date`,
//! the stable code scripts read in the JSON output) and with underscores in
//! the Fluent files (`front-matter_bad-date`), since Fluent ids have no dots.

pub mod cli;
pub mod locale;

use crate::formats::Formats;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::LazyLock;

/// The Fluent files: (language, file, text). Listed one by one rather than
/// embedded as a folder so that cargo rebuilds when one changes; the
/// catalog test fails when a file of `src/messages/LANG/` is not listed.
const FILES: &[(&str, &str, &str)] = &[
    ("en", "images.ftl", include_str!("en/images.ftl")),
    ("en", "links.ftl", include_str!("en/links.ftl")),
    ("en", "output.ftl", include_str!("en/output.ftl")),
    ("en", "site.ftl", include_str!("en/site.ftl")),
    (
        "en",
        "translations.ftl",
        include_str!("en/translations.ftl"),
    ),
    ("en", "cli.ftl", include_str!("en/cli.ftl")),
    ("en", "diagnostics.ftl", include_str!("en/diagnostics.ftl")),
    (
        "en",
        "front-matter.ftl",
        include_str!("en/front-matter.ftl"),
    ),
    ("en", "summary.ftl", include_str!("en/summary.ftl")),
    ("en", "config.ftl", include_str!("en/config.ftl")),
    ("en", "content.ftl", include_str!("en/content.ftl")),
    ("en", "plan.ftl", include_str!("en/plan.ftl")),
    ("en", "write.ftl", include_str!("en/write.ftl")),
    ("en", "build.ftl", include_str!("en/build.ftl")),
    ("en", "commands.ftl", include_str!("en/commands.ftl")),
    ("en", "serve.ftl", include_str!("en/serve.ftl")),
    ("vi", "images.ftl", include_str!("vi/images.ftl")),
    ("vi", "links.ftl", include_str!("vi/links.ftl")),
    ("vi", "output.ftl", include_str!("vi/output.ftl")),
    ("vi", "site.ftl", include_str!("vi/site.ftl")),
    (
        "vi",
        "translations.ftl",
        include_str!("vi/translations.ftl"),
    ),
    ("vi", "cli.ftl", include_str!("vi/cli.ftl")),
    ("vi", "diagnostics.ftl", include_str!("vi/diagnostics.ftl")),
    (
        "vi",
        "front-matter.ftl",
        include_str!("vi/front-matter.ftl"),
    ),
    ("vi", "summary.ftl", include_str!("vi/summary.ftl")),
    ("vi", "config.ftl", include_str!("vi/config.ftl")),
    ("vi", "content.ftl", include_str!("vi/content.ftl")),
    ("vi", "plan.ftl", include_str!("vi/plan.ftl")),
    ("vi", "write.ftl", include_str!("vi/write.ftl")),
    ("vi", "build.ftl", include_str!("vi/build.ftl")),
    ("vi", "commands.ftl", include_str!("vi/commands.ftl")),
    ("vi", "serve.ftl", include_str!("vi/serve.ftl")),
];

/// The language every message exists in, and the fallback of every other.
pub const ENGLISH: &str = "en";

/// A message to show: its id (a string literal, so that the test of the
/// catalogs finds every id used) and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The stable id, `group.name`.
    pub id: &'static str,
    /// Named arguments, `$name` in the Fluent text.
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    /// A message with its arguments; [`msg!`](crate::msg) is shorter.
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Message {
        Message { id, args }
    }

    /// The message in English (tests, and text that must be a `String`
    /// before a language is known).
    pub fn english(&self) -> String {
        Messages::english().text(self)
    }
}

/// One argument of a message: a text (a file name, a value from the
/// editor's file) or a number (counts choose the plural form).
#[derive(Debug, Clone)]
pub enum Arg {
    /// Shown as is.
    Text(String),
    /// Formatted per the language; selects plural forms.
    Number(f64),
    /// A message said in the same language (`the number 3`, `a list`).
    Message(Box<Message>),
}

impl From<Message> for Arg {
    fn from(m: Message) -> Arg {
        Arg::Message(Box::new(m))
    }
}

impl PartialEq for Arg {
    fn eq(&self, other: &Arg) -> bool {
        match (self, other) {
            (Arg::Text(a), Arg::Text(b)) => a == b,
            (Arg::Number(a), Arg::Number(b)) => a.to_bits() == b.to_bits(),
            (Arg::Message(a), Arg::Message(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for Arg {}

macro_rules! text_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(v: $t) -> Arg {
                Arg::Text(v.to_string())
            }
        }
    )*};
}
text_arg!(&str, String, &String, char);

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn from(v: $t) -> Arg {
                Arg::Number(v as f64)
            }
        }
    )*};
}
number_arg!(usize, u64, u32, u16, i64, i32, f64);

impl From<&std::path::Path> for Arg {
    fn from(v: &std::path::Path) -> Arg {
        Arg::Text(v.display().to_string())
    }
}

impl From<&std::path::PathBuf> for Arg {
    fn from(v: &std::path::PathBuf) -> Arg {
        Arg::Text(v.display().to_string())
    }
}

/// A [`Message`]: `msg!("front-matter.bad-date", field = "date", value = raw)`.
/// The id must be a string literal: the catalog test reads the source for it.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::Message::new(
            $id,
            vec![$((stringify!($name), $crate::messages::Arg::from($value))),*],
        )
    };
}

/// The catalog of one language, with English behind it.
pub struct Messages {
    lang: String,
    /// The language's bundle first, then English (absent when it is English).
    bundles: Vec<FluentBundle<FluentResource>>,
    formats: Formats,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages")
            .field("lang", &self.lang)
            .finish()
    }
}

static ENGLISH_MESSAGES: LazyLock<Messages> = LazyLock::new(|| Messages::new(ENGLISH));

impl Messages {
    /// The catalog of `lang` (a code such as `vi`); English when mekong has
    /// no messages in that language.
    pub fn new(lang: &str) -> Messages {
        let lang = if Messages::available().any(|l| l == lang) {
            lang
        } else {
            ENGLISH
        };
        let mut bundles = vec![bundle(lang)];
        if lang != ENGLISH {
            bundles.push(bundle(ENGLISH));
        }
        Messages {
            lang: lang.to_owned(),
            bundles,
            formats: Formats::new(lang),
        }
    }

    /// The English catalog, built once.
    pub fn english() -> &'static Messages {
        &ENGLISH_MESSAGES
    }

    /// The languages mekong has messages in.
    pub fn available() -> impl Iterator<Item = &'static str> {
        let mut langs: Vec<&str> = FILES.iter().map(|f| f.0).collect();
        langs.dedup();
        langs.into_iter()
    }

    /// The language of this catalog.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// Numbers and dates in this catalog's language.
    pub fn formats(&self) -> &Formats {
        &self.formats
    }

    /// A message in this language (English when it has no translation; the
    /// id itself when no language has it, which the catalog test forbids).
    pub fn text(&self, message: &Message) -> String {
        self.get(message.id, &message.args)
    }

    /// The message `id` (dotted) with `args`.
    pub fn get(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let fluent_id = fluent_id(id);
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(s) => fargs.set(*name, FluentValue::from(s.as_str())),
                Arg::Number(n) => fargs.set(*name, FluentValue::from(*n)),
                Arg::Message(m) => fargs.set(*name, FluentValue::from(self.text(m))),
            }
        }
        for bundle in &self.bundles {
            let Some(pattern) = bundle.get_message(&fluent_id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
            return text.into_owned();
        }
        id.to_owned()
    }
}

/// `front-matter.bad-date` → `front-matter_bad-date`.
pub(crate) fn fluent_id(id: &str) -> String {
    id.replace('.', "_")
}

/// The files of one language: (file name, text).
fn sources(lang: &str) -> Vec<(&'static str, &'static str)> {
    FILES
        .iter()
        .filter(|f| f.0 == lang)
        .map(|f| (f.1, f.2))
        .collect()
}

fn bundle(lang: &str) -> FluentBundle<FluentResource> {
    let langid: unic_langid::LanguageIdentifier = lang.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(crate::formats::fluent_number));
    for (_, text) in sources(lang) {
        // A broken entry is left out (and fails the catalog test); the
        // rest of the file still loads.
        let resource = FluentResource::try_new(text.to_owned()).unwrap_or_else(|(r, _)| r);
        // A duplicate keeps the first (the catalog test forbids them).
        let _ = bundle.add_resource(resource);
    }
    bundle
}

#[cfg(test)]
mod tests;
