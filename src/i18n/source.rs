//! The source text of messages, as translators copy it: `.ftl` files in;
//! each entry's lines (`id = …` and its indented lines, `-term = …` too)
//! out, in file order, so that a work list or a new language's file can
//! show the text beside the id.

use super::{Layer, LocaleFile};
use crate::config::LangCode;

/// One message or term, as written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Entry {
    /// `nav-home`, or `-brand` for a term.
    pub id: String,
    /// Its lines, from `id =` to the last indented line.
    pub text: String,
    /// Theme or site.
    pub layer: Layer,
}

/// The id an entry's first line starts, if it starts one.
fn entry_id(line: &str) -> Option<&str> {
    let (id, _) = line.split_once('=')?;
    let id = id.trim_end();
    let name = id.strip_prefix('-').unwrap_or(id);
    let mut chars = name.chars();
    (chars.next()?.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
    .then_some(id)
}

/// The entries of one file, in order.
fn entries(text: &str, layer: Layer) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    let mut open = false;
    for line in text.lines() {
        if let Some(id) = entry_id(line) {
            out.push(Entry {
                id: id.to_owned(),
                text: line.to_owned(),
                layer,
            });
            open = true;
        } else if open && (line.starts_with([' ', '\t', '}']) || line.trim().is_empty()) {
            if let Some(e) = out.last_mut() {
                e.text.push('\n');
                e.text.push_str(line);
            }
        } else {
            open = false;
        }
    }
    for e in &mut out {
        e.text = e.text.trim_end().to_owned();
    }
    out
}

/// Every entry of `lang`, theme files then site files, each id once: a
/// site message replaces the theme's text where the theme had it.
pub(crate) fn entries_of(files: &[LocaleFile], lang: &LangCode) -> Vec<Entry> {
    let mut mine: Vec<&LocaleFile> = files.iter().filter(|f| &f.lang == lang).collect();
    mine.sort_by(|a, b| (a.layer, &a.file).cmp(&(b.layer, &b.file)));
    let mut out: Vec<Entry> = Vec::new();
    for f in mine {
        for e in entries(&f.text, f.layer) {
            match out.iter_mut().find(|o| o.id == e.id) {
                Some(o) => *o = e,
                None => out.push(e),
            }
        }
    }
    out
}

/// The first line of an entry's value, for a one-line list
/// (`Trang chủ`, `{ $minutes ->` for a select).
pub(crate) fn first_line(text: &str) -> String {
    let value = text.split_once('=').map_or("", |(_, v)| v).trim();
    let line = value.lines().next().unwrap_or_default().trim();
    if line.is_empty() {
        text.lines().nth(1).unwrap_or_default().trim().to_owned()
    } else {
        line.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_keep_their_lines_and_the_site_replaces_the_theme() {
        let f = |layer, text: &str| LocaleFile {
            lang: LangCode("vi".into()),
            layer,
            file: "x.ftl".into(),
            text: text.into(),
        };
        let files = [
            f(Layer::Theme, "# c\nnav-home = Trang chủ\nmins = { $n ->\n   *[other] { $n } phút\n}\n\n-brand = B\n"),
            f(Layer::Site, "nav-home = Nhà\n"),
        ];
        let e = entries_of(&files, &LangCode("vi".into()));
        let ids: Vec<&str> = e.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["nav-home", "mins", "-brand"]);
        assert_eq!(e[0].text, "nav-home = Nhà");
        assert_eq!(e[1].text, "mins = { $n ->\n   *[other] { $n } phút\n}");
        assert_eq!(first_line(&e[1].text), "{ $n ->");
    }
}
