//! Front matter: a Markdown file's text in; the YAML between `---` lines
//! split from the body ([`split`]) and read into [`FrontMatter`] key by key
//! ([`parse`]) out, with diagnostics, so that a wrong type is reported on the
//! line of its key and one bad key does not hide the others.
//!
//! Dates (`content/date.rs`) and the typed `project:`, `place:` and `event:`
//! blocks (`content/blocks.rs`) live beside this file and are re-exported
//! here, where the rest of the crate has always named them.

use super::blocks::{event, place, project};
use super::reader::{describe, Reader};
use crate::diagnostics::{closest, line_col, Diagnostic};
use crate::messages::Message;
use crate::msg;
use crate::urls::{shorten_segment, MAX_SEGMENT_BYTES};
use serde::Serialize;
use serde_yaml::{Mapping, Value};
use std::cell::RefCell;
use std::path::{Path, PathBuf};

// Other modules name these through `front_matter`, where they were first
// defined; the re-exports keep those paths.
pub(crate) use super::blocks::{Event, Place, Project, ProjectStatus};
pub(crate) use super::date::Date;
pub(crate) use crate::config::TimeZone;

/// How a section orders its articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SortBy {
    /// Newest first.
    #[default]
    Date,
    /// Lightest first, then newest.
    Weight,
    /// Alphabetical.
    Title,
}

/// Everything front matter may say, validated.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FrontMatter {
    /// Title (required for articles).
    pub title: Option<String>,
    /// Publication date.
    pub date: Option<Date>,
    /// Last update.
    pub updated: Option<Date>,
    /// One-sentence description for lists, feeds and social cards.
    pub description: Option<String>,
    /// Lead image.
    pub image: Option<String>,
    /// The line of `image:`, for errors about it.
    pub image_line: Option<usize>,
    /// Tags.
    pub tags: Vec<String>,
    /// Drafts are built only with `--drafts`.
    pub draft: bool,
    /// Order within `sort_by: weight` sections.
    pub weight: Option<i64>,
    /// Localized URL slug.
    pub slug: Option<String>,
    /// Old URLs that redirect here.
    pub aliases: Vec<String>,
    /// Links files with other names as translations.
    pub translation_key: Option<String>,
    /// Template override.
    pub template: Option<String>,
    /// Responsible department.
    pub unit: Option<String>,
    /// Plan tasks the article serves (`plan: [task-id, …]`).
    pub plan: Vec<String>,
    /// Free map for templates.
    pub extra: serde_json::Value,
    /// Investment project.
    pub project: Option<Project>,
    /// Destination.
    pub place: Option<Place>,
    /// Event.
    pub event: Option<Event>,
    /// Section order (section `_index` only).
    pub sort_by: Option<SortBy>,
    /// Section page size (section `_index` only).
    pub paginate_by: Option<usize>,
}

/// Keys of articles and sections.
pub(crate) const ARTICLE_KEYS: &[&str] = &[
    "title",
    "date",
    "updated",
    "description",
    "image",
    "tags",
    "draft",
    "weight",
    "slug",
    "aliases",
    "translation_key",
    "template",
    "unit",
    "plan",
    "extra",
    "project",
    "place",
    "event",
];
/// Keys only a section's `_index` takes.
pub(crate) const SECTION_KEYS: &[&str] = &["sort_by", "paginate_by"];

/// The parts of a Markdown file.
pub(crate) struct Split<'a> {
    /// The YAML text, without the `---` lines.
    pub yaml: &'a str,
    /// The Markdown body.
    pub body: &'a str,
    /// 1-based line of the body's first line in the file.
    pub body_line: usize,
}

/// Splits front matter from the body. A file without front matter is all
/// body; a front matter block that is never closed is an error, since the
/// whole article would otherwise vanish into YAML.
pub(crate) fn split(text: &str) -> Result<Split<'_>, Diagnostic> {
    let first_line_end = text.find('\n').unwrap_or(text.len());
    if text[..first_line_end].trim_end() != "---" {
        return Ok(Split {
            yaml: "",
            body: text,
            body_line: 1,
        });
    }
    let yaml_start = (first_line_end + 1).min(text.len());
    let mut pos = yaml_start;
    let mut line = 2;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let l = text[pos..end].trim_end();
        if l == "---" || l == "..." {
            let body_start = (end + 1).min(text.len());
            return Ok(Split {
                yaml: &text[yaml_start..pos],
                body: &text[body_start..],
                body_line: line + 1,
            });
        }
        pos = end + 1;
        line += 1;
    }
    Err(Diagnostic::error(None, msg!("front-matter.not-closed"))
        .at(1, 1)
        .with_source(text)
        .hint(msg!("front-matter.not-closed.hint")))
}

/// What reading a file's front matter gave: the values, and the problems.
pub(crate) struct Parsed {
    /// The values read (best effort when there are errors).
    pub front: FrontMatter,
    /// Errors and warnings, with lines in the file.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads front matter text. `is_section` allows `sort_by` and `paginate_by`;
/// `sectors` is the site's list for `project.sector`; a time written
/// without a zone is in `zone` (the site's `timezone:`).
///
/// The steps run in a fixed order (key names, then values top to bottom,
/// then the typed blocks) so that diagnostics come out in the same order
/// for the same file.
pub(crate) fn parse(
    file: &PathBuf,
    text: &str,
    split: &Split<'_>,
    is_section: bool,
    sectors: &[String],
    zone: &TimeZone,
) -> Parsed {
    let mut front = FrontMatter::default();
    if split.yaml.trim().is_empty() {
        return Parsed {
            front,
            diagnostics: Vec::new(),
        };
    }
    // Word's quotes and spaces read as the editor meant them, with a warning each.
    let (yaml, mut pasted) = super::pasted::clean(file, text, split.yaml, 1);
    let map = match mapping(file, text, &yaml) {
        Ok(map) => map,
        Err(d) => {
            pasted.push(d);
            return Parsed {
                front,
                diagnostics: pasted,
            };
        }
    };
    let r = Reader {
        file,
        text,
        yaml: &yaml,
        line_offset: 1,
        diags: RefCell::new(pasted),
        zone,
    };
    check_top_keys(&r, &map, is_section);
    read_article_keys(&r, &map, &mut front);
    if is_section {
        read_section_keys(&r, &map, &mut front);
    }
    check_slug(&r, &mut front);
    check_image(&r, &mut front);
    check_tags(&r, &mut front);
    front.project = r
        .sub_map(&map, "project")
        .and_then(|m| project(&r, m, sectors));
    front.place = r.sub_map(&map, "place").and_then(|m| place(&r, m));
    front.event = r.sub_map(&map, "event").and_then(|m| event(&r, m));
    Parsed {
        front,
        diagnostics: r.diags.into_inner(),
    }
}

/// The YAML as a mapping of keys; one error when it is not YAML or not
/// `key: value` lines (a list, a lone word), since nothing else can be read.
fn mapping(file: &Path, text: &str, yaml: &str) -> Result<Mapping, Diagnostic> {
    match serde_yaml::from_str::<Value>(yaml) {
        Ok(Value::Mapping(m)) => Ok(m),
        Ok(Value::Null) => Ok(Mapping::new()),
        Ok(other) => Err(Diagnostic::error(
            file.to_path_buf(),
            msg!("front-matter.not-key-value", actual = describe(&other)),
        )
        .at(2, 1)
        .with_source(text)
        .hint(msg!("front-matter.not-key-value.hint"))),
        Err(e) => {
            let d = crate::source_text::yaml_error(file, text, 1, &e, ARTICLE_KEYS);
            Err(if d.source_line.is_none() {
                d.with_source(text)
            } else {
                d
            })
        }
    }
}

/// Warns about keys this kind of page does not take: a typo gets a "did you
/// mean", a section-only key in an article says where it belongs.
fn check_top_keys(r: &Reader<'_>, map: &Mapping, is_section: bool) {
    for key in map.keys() {
        let Some(name) = key.as_str() else {
            r.error(
                &[],
                msg!("front-matter.key-not-text"),
                msg!("front-matter.key-not-text.hint"),
            );
            continue;
        };
        let known = ARTICLE_KEYS.contains(&name) || (is_section && SECTION_KEYS.contains(&name));
        if !known {
            let all = ARTICLE_KEYS.iter().chain(SECTION_KEYS).copied();
            let (message, hint) = if SECTION_KEYS.contains(&name) {
                (
                    msg!("front-matter.section-only-key", key = name),
                    msg!("front-matter.section-only-key.hint"),
                )
            } else {
                let hint = match closest(name, all) {
                    Some(c) => msg!("front-matter.unknown-key.did-you-mean", key = c),
                    None => msg!("front-matter.unknown-key.hint"),
                };
                (msg!("front-matter.unknown-key", key = name), hint)
            };
            let d = Diagnostic::warning(r.file.clone(), message)
                .at_line(r.line(&[name]))
                .hint(hint);
            r.diags.borrow_mut().push(d);
        }
    }
}

/// The plain keys every article and section takes.
fn read_article_keys(r: &Reader<'_>, map: &Mapping, front: &mut FrontMatter) {
    // A blank title is no title: `read_page` reports it like a missing one.
    front.title = r.string(map, &["title"]).filter(|t| !t.trim().is_empty());
    front.date = r.date(map, &["date"]);
    front.updated = r.date(map, &["updated"]);
    front.description = r.string(map, &["description"]);
    front.image = r.string(map, &["image"]);
    front.image_line = r.line(&["image"]);
    front.tags = r.words(map, &["tags"], msg!("expected.tags"));
    front.draft = r
        .get(map, &["draft"], msg!("expected.bool"))
        .unwrap_or(false);
    front.weight = r.get(map, &["weight"], msg!("expected.whole-number"));
    front.slug = r.string(map, &["slug"]);
    front.aliases = r
        .get(map, &["aliases"], msg!("expected.aliases"))
        .unwrap_or_default();
    front.translation_key = r.string(map, &["translation_key"]);
    front.template = r.string(map, &["template"]);
    front.unit = r.string(map, &["unit"]);
    front.plan = r.words(map, &["plan"], msg!("expected.plan"));
    front.extra = map
        .get("extra")
        .and_then(|v| serde_json::to_value(v).ok())
        .unwrap_or(serde_json::Value::Object(Default::default()));
}

/// `sort_by` and `paginate_by`, which only a section's `_index` takes.
fn read_section_keys(r: &Reader<'_>, map: &Mapping, front: &mut FrontMatter) {
    front.sort_by = r.get(map, &["sort_by"], msg!("expected.sort-by"));
    front.paginate_by = r.get(map, &["paginate_by"], msg!("expected.whole-number"));
    if front.paginate_by == Some(0) {
        r.error(
            &["paginate_by"],
            msg!("front-matter.paginate-by-zero"),
            msg!("front-matter.paginate-by-zero.hint"),
        );
        front.paginate_by = None;
    }
}

/// `image: ""` names no file: an error on its line, not a search for the
/// folder the empty path points at.
fn check_image(r: &Reader<'_>, front: &mut FrontMatter) {
    if front.image.as_deref().is_some_and(|i| i.trim().is_empty()) {
        r.error(
            &["image"],
            msg!("front-matter.empty-image"),
            msg!("front-matter.empty-image.hint"),
        );
        front.image = None;
    }
}

/// A tag whose slug is empty (`"!!!"`, `""`, `".."`) would link to
/// `/tags//`, one longer than a file name can be could not be written: an
/// error on its line, and the tag is dropped.
fn check_tags(r: &Reader<'_>, front: &mut FrontMatter) {
    let key_line = r.line(&["tags"]);
    front.tags.retain(|tag| {
        let slug = super::slug::slugify(tag);
        let (message, hint) = if slug.is_empty() {
            (
                msg!("front-matter.empty-tag", tag = format!("{tag:?}")),
                msg!("front-matter.empty-tag.hint"),
            )
        } else if let Some(long) = long_segment(Segment::Tag, tag, &slug) {
            long
        } else {
            return true;
        };
        let d = Diagnostic::error(r.file.clone(), message)
            .at_line(tag_line(r.text, key_line, tag).or(key_line))
            .with_source(r.text)
            .hint(hint);
        r.diags.borrow_mut().push(d);
        false
    });
}

/// The 1-based line of `tag` as an item of a block list under `tags:` (at
/// `key_line`); none for a flow list (`tags: [a, b]`), which is on the key's line.
fn tag_line(text: &str, key_line: Option<usize>, tag: &str) -> Option<usize> {
    let from = key_line?;
    fn item(l: &str) -> Option<&str> {
        l.trim_start()
            .strip_prefix("- ")
            .map(|v| v.trim().trim_matches(|c| c == '"' || c == '\''))
    }
    text.lines()
        .enumerate()
        .skip(from)
        .take_while(|(_, l)| item(l).is_some())
        .find(|(_, l)| item(l) == Some(tag))
        .map(|(i, _)| i + 1)
}

/// A slug is one URL segment: one with a `/`, a blank one, one without
/// letters or digits (`!!!`) and one longer than a file name can be are
/// dropped with an error (the file name gives the URL instead).
fn check_slug(r: &Reader<'_>, front: &mut FrontMatter) {
    let Some(s) = &front.slug else { return };
    let slug = super::slug::slugify(s);
    let (message, hint) = if s.contains('/') || s.trim().is_empty() {
        (
            msg!("front-matter.bad-slug", slug = s),
            msg!("front-matter.bad-slug.hint"),
        )
    } else if slug.is_empty() {
        (
            msg!("front-matter.slug-no-letters", slug = s),
            msg!("front-matter.slug-no-letters.hint"),
        )
    } else if let Some(long) = long_segment(Segment::Slug, s, &slug) {
        long
    } else {
        return;
    };
    r.error(&["slug"], message, hint);
    front.slug = None;
}

/// What a URL segment is made from, for the message when it is too long.
#[derive(Debug, Clone, Copy)]
enum Segment {
    Slug,
    Tag,
}

/// The error (message and hint) for a `slug:` or a tag, as `written`,
/// whose URL segment `slug` is longer than a file name can be
/// ([`MAX_SEGMENT_BYTES`]); `None` when it fits.
fn long_segment(what: Segment, written: &str, slug: &str) -> Option<(Message, Message)> {
    if slug.len() <= MAX_SEGMENT_BYTES {
        return None;
    }
    let (shown, bytes) = (shorten_segment(written), slug.len());
    Some(match what {
        Segment::Slug => (
            msg!("front-matter.long-slug", slug = shown, bytes = bytes),
            msg!("front-matter.long-slug.hint"),
        ),
        Segment::Tag => (
            msg!("front-matter.long-tag", tag = shown, bytes = bytes),
            msg!("front-matter.long-tag.hint"),
        ),
    })
}

/// The 1-based line of a byte offset in the whole file, for body diagnostics.
pub(crate) fn body_line_col(body: &str, body_line: usize, offset: usize) -> (usize, usize) {
    let (l, c) = line_col(body, offset);
    (l + body_line - 1, c)
}

/// Parses a whole test file as `a.md` of a site whose only sector is `industry`.
#[cfg(test)]
pub(super) fn parse_text(text: &str) -> Parsed {
    let s = split(text).expect("closed");
    parse(
        &PathBuf::from("a.md"),
        text,
        &s,
        false,
        &["industry".to_string()],
        &TimeZone::default(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_split_from_the_body() {
        let s = split("---\ntitle: A\n---\n\nBody\n").expect("closed");
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(s.body, "\nBody\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        assert!(split("---\ntitle: A\n\nBody\n").is_err());
    }

    #[test]
    fn wrong_types_are_reported_on_their_line() {
        let p = parse_text("---\ntitle: A\ndate: yesterday\nweight: high\n---\n");
        let lines: Vec<_> = p.diagnostics.iter().map(|d| d.line).collect();
        assert_eq!(lines, [Some(3), Some(4)]);
        assert!(p.diagnostics[0].message.contains("yesterday"));
    }

    #[test]
    fn tags_written_as_one_line_with_commas_are_several_tags() {
        let p = parse_text("---\ntitle: A\ntags: cửa khẩu, thương mại; logistics,\n---\n");
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        assert_eq!(p.front.tags, ["cửa khẩu", "thương mại", "logistics"]);
        let p = parse_text("---\ntitle: A\ntags: [\"a, b\"]\n---\n");
        assert_eq!(p.front.tags, ["a, b"], "a list is taken as written");
        let p = parse_text("---\ntitle: A\nplan: ban-tin, thu-hut-dau-tu\n---\n");
        assert_eq!(
            p.front.plan,
            ["ban-tin", "thu-hut-dau-tu"],
            "plan is a list of words too"
        );
    }

    #[test]
    fn a_slug_or_a_tag_longer_than_a_file_name_is_dropped_with_its_length() {
        let (fits, long) = ("a".repeat(255), "a".repeat(256));
        let p = parse_text(&format!(
            "---\ntitle: A\nslug: {fits}\ntags: [{fits}]\n---\n"
        ));
        assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
        assert_eq!(p.front.slug.as_deref(), Some(fits.as_str()));
        assert_eq!(p.front.tags, [fits.as_str()]);
        let p = parse_text(&format!(
            "---\ntitle: A\nslug: {long}\ntags:\n  - ok\n  - {long}\n---\n"
        ));
        let found: Vec<_> = p
            .diagnostics
            .iter()
            .map(|d| (d.line, d.is_error()))
            .collect();
        assert_eq!(found, [(Some(3), true), (Some(6), true)]);
        assert!(
            p.diagnostics[0].message.contains("slug:"),
            "{}",
            p.diagnostics[0].message
        );
        assert!(p.diagnostics.iter().all(|d| d.message.contains("256")));
        assert!(p.diagnostics[1].message.contains("tag"));
        assert_eq!(p.front.slug, None);
        assert_eq!(p.front.tags, ["ok"]);
    }

    #[test]
    fn unknown_key_is_a_warning_with_a_suggestion() {
        let p = parse_text("---\ntitle: A\ntags: [a]\ndescripton: x\n---\n");
        assert_eq!(p.diagnostics.len(), 1);
        let d = &p.diagnostics[0];
        assert!(!d.is_error());
        assert_eq!(d.line, Some(4));
        assert!(d.hint.as_deref().unwrap_or("").contains("description"));
    }
}
