//! Text as editors save it: UTF-8 decoding (with a byte-order mark and
//! Windows line ends accepted) and YAML errors turned into diagnostics with
//! the line shown. In: bytes or serde_yaml errors. Out: text or a
//! [`Diagnostic`] naming the line.

use crate::diagnostics::{closest, line_col, Diagnostic};
use std::path::Path;

/// Decodes file bytes: UTF-8 only, a BOM accepted and dropped, Windows line
/// endings turned into `\n` (line numbers stay the same).
pub(crate) fn decode_utf8(bytes: &[u8]) -> Result<String, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(if s.contains('\r') {
            s.replace("\r\n", "\n")
        } else {
            s.to_owned()
        }),
        Err(e) => {
            let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
            let (line, col) = line_col(&valid, valid.len());
            Err(Diagnostic::error(None, "the file is not valid UTF-8 text")
                .at(line, col)
                .hint("save the file as UTF-8 in your editor (in Notepad: File > Save as > Encoding: UTF-8)"))
        }
    }
}

fn yaml_hint(message: &str) -> &'static str {
    if message.contains("invalid type") {
        "check the value's type: text, a number, a date (YYYY-MM-DD), a list [a, b] or true/false"
    } else if message.contains("mapping values are not allowed") {
        "a value containing `: ` must be quoted: title: \"Bình Phước: tiềm năng\""
    } else if message.contains("did not find expected") {
        "check the indentation and that quotes and brackets are closed"
    } else {
        "check the syntax near this line; quote values that contain `:` or `#`"
    }
}

/// Turns a serde_yaml error into a diagnostic: the line and column, the
/// offending line, and for unknown keys the closest known one.
pub(crate) fn yaml_error(
    file: &Path,
    text: &str,
    line_offset: usize,
    e: &serde_yaml::Error,
    known: &[&str],
) -> Diagnostic {
    let raw = e.to_string();
    // serde_yaml appends " at line L column C"; we show the location ourselves.
    let message = raw
        .split(" at line ")
        .next()
        .unwrap_or(&raw)
        .trim()
        .to_string();
    let mut d = Diagnostic::error(file.to_path_buf(), String::new());
    if let Some(loc) = e.location() {
        d = d.at(loc.line() + line_offset, loc.column());
        d.source_line = text
            .lines()
            .nth((loc.line() + line_offset).saturating_sub(1))
            .map(str::to_owned);
    }
    if let Some(name) = message
        .strip_prefix("unknown field `")
        .and_then(|r| r.split('`').next())
    {
        d.message = format!("unknown key `{name}`");
        d.hint = Some(match closest(name, known.iter().copied()) {
            Some(c) => format!("did you mean `{c}`?"),
            None => format!("known keys are: {}", known.join(", ")),
        });
    } else if d
        .source_line
        .as_deref()
        .is_some_and(|l| l.starts_with('\t') || l.contains(":\t"))
    {
        d.message = format!("a tab is used for indentation; YAML allows only spaces ({message})");
        d.hint = Some("replace the tab at the start of the line with spaces".into());
    } else if let Some((key, number)) = too_big_a_number(&message) {
        d.message = format!(
            "{key} must be a whole number between {} and {}, but is {number}",
            i64::MIN,
            i64::MAX
        );
        d.hint = Some(format!("write a smaller number, like `{key}: 10`"));
    } else {
        d.message = format!("invalid YAML: {message}");
        d.hint = Some(yaml_hint(&message).into());
    }
    d
}

/// The key and the number of serde_yaml's message for an integer it cannot
/// hold (`weight: invalid type: integer `1…0` as u128, expected any YAML
/// value`), which names Rust types an editor cannot act on.
fn too_big_a_number(message: &str) -> Option<(&str, &str)> {
    let (key, rest) = message.split_once(": invalid type: integer `")?;
    let (number, rest) = rest.split_once('`')?;
    (rest.starts_with(" as u128") || rest.starts_with(" as i128")).then_some((key, number))
}

/// The 1-based line (within `yaml`) of the key at `path`, by indentation.
/// Flow mappings on one line (`project: { sector: x }`) give the parent's line.
pub(crate) fn key_line(yaml: &str, path: &[&str]) -> Option<usize> {
    let mut found_line = None;
    let mut min_indent = 0usize;
    let mut start = 0usize;
    let lines: Vec<&str> = yaml.lines().collect();
    for key in path {
        let mut hit = None;
        for (i, l) in lines.iter().enumerate().skip(start) {
            let indent = l.len() - l.trim_start().len();
            let trimmed = l.trim_start().trim_start_matches("- ");
            if i > start && found_line.is_some() && indent < min_indent && !l.trim().is_empty() {
                break;
            }
            if indent >= min_indent
                && (trimmed.starts_with(&format!("{key}:"))
                    || trimmed.starts_with(&format!("\"{key}\":")))
            {
                hit = Some((i, indent));
                break;
            }
        }
        match hit {
            Some((i, indent)) => {
                found_line = Some(i + 1);
                start = i + 1;
                min_indent = indent + 1;
            }
            None => return found_line,
        }
    }
    found_line
}
