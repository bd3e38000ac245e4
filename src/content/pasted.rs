//! Front matter pasted from a word processor: YAML text in; the same text
//! with Word's habits read the way the editor meant them out, and one
//! warning per line that was read so, at that line.
//!
//! - Typographic quotes around a whole value (`title: “Bình Phước: …”`,
//!   ‘…’, «…», „…“) are the editor's quotes: the value is read as quoted
//!   and published without them. A warning says so, since the marks could
//!   also have been meant as part of the text (a slogan), and says how to
//!   keep them.
//! - Non-breaking and other Unicode spaces, zero-width spaces and stray
//!   byte-order marks in the YAML syntax (the indentation, the key, around
//!   `title:`) are read as plain spaces or dropped: YAML does not count them
//!   as spaces, so it would read `title:` and the title as one word and
//!   report the next line.
//!
//! Only `key: value` lines and `- item` lines are read; text inside values
//! is never changed (a zero-width space separates Khmer and Lao words).

use crate::diagnostics::Diagnostic;
use crate::messages::Message;
use crate::msg;
use std::borrow::Cow;
use std::path::Path;

/// Opening typographic quotes and the closing marks each accepts.
const QUOTES: &[(char, &[char])] = &[
    ('“', &['”', '“']),
    ('„', &['“', '”']),
    ('”', &['”']),
    ('‘', &['’', '‘']),
    ('‚', &['‘', '’']),
    ('’', &['’']),
    ('«', &['»']),
    ('»', &['«']),
];

fn is_unicode_space(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}')
}

/// An editor's name for a character, with its code point.
fn named(c: char) -> Message {
    let code = format!("U+{:04X}", c as u32);
    match c {
        '\u{a0}' => msg!("pasted.nbsp", code = code),
        '\u{202f}' => msg!("pasted.narrow-nbsp", code = code),
        '\u{200b}' => msg!("pasted.zero-width-space", code = code),
        '\u{feff}' => msg!("pasted.byte-order-mark", code = code),
        '\u{200c}' | '\u{200d}' | '\u{2060}' => msg!("pasted.joiner", code = code),
        _ => msg!("pasted.typographic-space", code = code),
    }
}

/// What one line held.
#[derive(Debug, PartialEq)]
enum Found {
    /// A Unicode space or invisible character in the syntax, at a 1-based column.
    Space { col: usize, c: char, after: String },
    /// A value in typographic quotes, and the text published.
    Quotes {
        key: String,
        open: char,
        close: char,
        inner: String,
    },
}

/// Reads `yaml` (which starts on line `line_offset + 1` of the file) as the
/// editor meant it; warnings name `file` and the line.
pub(super) fn clean<'a>(
    file: &Path,
    text: &str,
    yaml: &'a str,
    line_offset: usize,
) -> (Cow<'a, str>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut lines = Vec::new();
    let mut changed = false;
    // The indentation of a `key: |` or `key: >` line while its block runs:
    // the lines of a block are text, never read as `key: value`.
    let mut block: Option<usize> = None;
    for (i, line) in yaml.split('\n').enumerate() {
        if let Some(indent) = block {
            if line.trim().is_empty() || indent_of(line) > indent {
                lines.push(Cow::Borrowed(line));
                continue;
            }
            block = None;
        }
        let line = match clean_line(line) {
            Some((new, found)) => {
                changed = true;
                let n = i + 1 + line_offset;
                diags.extend(found.into_iter().map(|f| warning(file, text, n, f)));
                Cow::Owned(new)
            }
            None => Cow::Borrowed(line),
        };
        if opens_block(&line) {
            block = Some(indent_of(&line));
        }
        lines.push(line);
    }
    if changed {
        (Cow::Owned(lines.join("\n")), diags)
    } else {
        (Cow::Borrowed(yaml), diags)
    }
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Whether `key: |` (or `>`, `|-`, `>+2`…) starts a block of text lines.
fn opens_block(line: &str) -> bool {
    line.rsplit_once(':').is_some_and(|(_, v)| {
        let v = v.trim();
        v.starts_with(['|', '>']) && v.chars().all(|c| "|>-+0123456789".contains(c))
    })
}

fn warning(file: &Path, text: &str, line: usize, f: Found) -> Diagnostic {
    let (message, hint, col) = match f {
        Found::Space { col, c, after } => {
            let message = if after.is_empty() {
                msg!("pasted.space-at-line-start", what = named(c))
            } else {
                msg!("pasted.space-after", what = named(c), after = after)
            };
            let hint = if is_invisible(c) {
                msg!("pasted.space.invisible-hint")
            } else {
                msg!("pasted.space.hint")
            };
            (message, hint, Some(col))
        }
        Found::Quotes {
            key,
            open,
            close,
            inner,
        } => (
            msg!(
                "pasted.quotes",
                key = &key,
                open = open,
                close = close,
                inner = inner
            ),
            msg!("pasted.quotes.hint", key = key, open = open, close = close),
            None,
        ),
    };
    let mut d = Diagnostic::warning(file.to_path_buf(), message)
        .at_line(Some(line))
        .with_source(text)
        .hint(hint);
    if col.is_some() {
        d.col = col;
    }
    d
}

/// The line as the editor meant it, and what was found; `None` when it has
/// nothing to change.
fn clean_line(line: &str) -> Option<(String, Vec<Found>)> {
    if line.is_ascii() {
        return None;
    }
    let mut found = Vec::new();
    let mut out = String::with_capacity(line.len());
    let mut chars = line.char_indices().peekable();
    let mut col = 0usize;
    // Indentation.
    while let Some(&(_, c)) = chars.peek() {
        if c != ' ' && !is_unicode_space(c) && !is_invisible(c) {
            break;
        }
        col += 1;
        chars.next();
        if c == ' ' || is_unicode_space(c) {
            out.push(' ');
        }
        if c != ' ' {
            found.push(Found::Space {
                col,
                c,
                after: String::new(),
            });
        }
    }
    let rest_at = chars.peek().map_or(line.len(), |&(i, _)| i);
    let rest = &line[rest_at..];
    let (item, rest) = match rest.strip_prefix("- ") {
        Some(r) => ("- ", r),
        None => ("", rest),
    };
    col += item.chars().count();
    out.push_str(item);
    // The key, up to its colon.
    let mut key = String::new();
    let mut in_key = Vec::new();
    let mut value_at = None;
    for (i, c) in rest.char_indices() {
        if c == ':' {
            value_at = Some(i + 1);
            break;
        }
        col += 1;
        if is_invisible(c) {
            in_key.push(Found::Space {
                col,
                c,
                after: key.clone(),
            });
        } else if c.is_alphanumeric() || c == '_' || c == '-' {
            key.push(c);
        } else {
            break;
        }
    }
    let (value, key) = match value_at {
        Some(at) if !key.is_empty() => {
            found.append(&mut in_key);
            out.push_str(&key);
            out.push(':');
            col += 1;
            let after = &rest[at..];
            let trimmed = after
                .trim_start_matches(|c: char| c == ' ' || is_unicode_space(c) || is_invisible(c));
            // `key:word` is not a key (a URL); `key:` and `key: value` are.
            if trimmed.len() == after.len() && !after.is_empty() {
                return None;
            }
            let spaces = &after[..after.len() - trimmed.len()];
            for c in spaces.chars() {
                col += 1;
                if c != ' ' {
                    found.push(Found::Space {
                        col,
                        c,
                        after: format!("{key}:"),
                    });
                }
            }
            out.push(' ');
            (trimmed, key)
        }
        // A list item's value, or a line that is not `key: value`.
        _ if !item.is_empty() => (rest, "-".to_owned()),
        _ => return None,
    };
    match quoted(value.trim_end()) {
        Some((open, close, inner)) => {
            out.push('"');
            out.push_str(&inner.replace('\\', "\\\\").replace('"', "\\\""));
            out.push('"');
            found.push(Found::Quotes {
                key,
                open,
                close,
                inner: inner.to_owned(),
            });
        }
        None => out.push_str(value),
    }
    (!found.is_empty()).then_some((out, found))
}

/// The opening mark, the closing mark and the text between, when `value`
/// is wholly inside typographic quotes.
fn quoted(value: &str) -> Option<(char, char, &str)> {
    let open = value.chars().next()?;
    let close = value.chars().next_back()?;
    let (_, closers) = QUOTES.iter().find(|(o, _)| *o == open)?;
    if !closers.contains(&close) || value.chars().count() < 2 {
        return None;
    }
    let inner = &value[open.len_utf8()..value.len() - close.len_utf8()];
    Some((open, close, inner))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typographic_quotes_are_the_editors_quotes() {
        let (line, found) = clean_line("title: “Hội nghị: Bình Phước”").expect("changed");
        assert_eq!(line, "title: \"Hội nghị: Bình Phước\"");
        assert!(
            matches!(&found[0], Found::Quotes { inner, .. } if inner == "Hội nghị: Bình Phước")
        );
        let (line, _) = clean_line("- «Đồng \"Xoài\"»").expect("changed");
        assert_eq!(line, "- \"Đồng \\\"Xoài\\\"\"");
    }

    #[test]
    fn unicode_spaces_in_the_syntax_are_plain_spaces() {
        let (line, found) = clean_line("title:\u{a0}Núi Bà Rá").expect("changed");
        assert_eq!(line, "title: Núi Bà Rá");
        assert_eq!(
            found,
            [Found::Space {
                col: 7,
                c: '\u{a0}',
                after: "title:".into()
            }]
        );
        assert_eq!(
            clean_line("\u{feff}ti\u{200b}tle: A").map(|(l, _)| l),
            Some("title: A".into())
        );
    }

    #[test]
    fn the_lines_of_a_text_block_are_text() {
        let yaml = "description: |\n  Khẩu hiệu: “Bình Phước”\ntitle: “A”\n";
        let (out, diags) = clean(Path::new("a.md"), yaml, yaml, 1);
        assert_eq!(
            out,
            "description: |\n  Khẩu hiệu: “Bình Phước”\ntitle: \"A\"\n"
        );
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].line, Some(4));
    }

    #[test]
    fn values_and_plain_lines_are_left_alone() {
        assert_eq!(clean_line("title: Bình\u{a0}Phước"), None);
        assert_eq!(clean_line("title: \"“Khẩu hiệu”\""), None);
        assert_eq!(clean_line("title: “Đồng Xoài” và Bình Phước"), None);
        assert_eq!(clean_line("  - a"), None);
        assert_eq!(clean_line("url:https://x"), None);
    }
}
