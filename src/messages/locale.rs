//! Which language mekong speaks: `--messages LANG`, then `MEKONG_LANG`,
//! then the POSIX locale variables in their order (`LC_ALL`, `LC_MESSAGES`,
//! `LANG`). An empty variable is skipped, as POSIX says; `C` and `POSIX`
//! mean English; `vi_VN.UTF-8` means `vi`.

use super::{Messages, ENGLISH};

/// The variables read, strongest first, after the `--messages` option.
pub const VARIABLES: [&str; 4] = ["MEKONG_LANG", "LC_ALL", "LC_MESSAGES", "LANG"];

/// The language code for the option and the environment (`env` reads one
/// variable). A language mekong has no messages in gives English.
pub fn choose(option: Option<&str>, env: impl Fn(&str) -> Option<String>) -> String {
    let given = option
        .map(str::to_owned)
        .into_iter()
        .chain(VARIABLES.iter().filter_map(|v| env(v)))
        .find(|value| !value.trim().is_empty());
    let code = given.map_or_else(|| ENGLISH.to_owned(), |v| language_of(&v));
    if Messages::available().any(|l| l == code) {
        code
    } else {
        ENGLISH.to_owned()
    }
}

/// `vi_VN.UTF-8@euro` → `vi`; `C`, `POSIX` → `en`.
fn language_of(value: &str) -> String {
    let value = value.trim();
    let base = value
        .split(['.', '@'])
        .next()
        .unwrap_or(value)
        .split(['_', '-'])
        .next()
        .unwrap_or(value)
        .to_ascii_lowercase();
    match base.as_str() {
        "c" | "posix" | "" => ENGLISH.to_owned(),
        _ => base,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn a_vietnamese_locale_gives_vietnamese() {
        assert_eq!(choose(None, env(&[("LANG", "vi_VN.UTF-8")])), "vi");
    }

    #[test]
    fn posix_order_lc_all_then_lc_messages_then_lang() {
        let vars = [("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "vi_VN.UTF-8")];
        assert_eq!(choose(None, env(&vars)), "vi");
        let vars = [("LC_ALL", "C"), ("LC_MESSAGES", "vi_VN.UTF-8")];
        assert_eq!(choose(None, env(&vars)), "en");
        // An empty variable does not count.
        let vars = [("LC_ALL", ""), ("LANG", "vi_VN")];
        assert_eq!(choose(None, env(&vars)), "vi");
    }

    #[test]
    fn the_option_and_mekong_lang_override_the_locale() {
        let vars = [("LC_ALL", "vi_VN.UTF-8"), ("MEKONG_LANG", "en")];
        assert_eq!(choose(None, env(&vars)), "en");
        assert_eq!(choose(Some("vi"), env(&vars)), "vi");
    }

    #[test]
    fn an_unknown_language_or_none_gives_english() {
        assert_eq!(choose(None, env(&[("LANG", "de_DE.UTF-8")])), "en");
        assert_eq!(choose(None, env(&[])), "en");
        assert_eq!(choose(None, env(&[("LANG", "POSIX")])), "en");
    }
}
