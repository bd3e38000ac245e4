//! Text as editors save it: UTF-8 decoding (with a byte-order mark and
//! Windows line ends accepted) and YAML errors turned into diagnostics with
//! the line shown. In: bytes or serde_yaml errors. Out: text or a
//! [`Diagnostic`] naming the line.

use crate::diagnostics::{closest, line_col, Diagnostic};
use crate::messages::Message;
use crate::msg;
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
            Err(Diagnostic::error(None, msg!("source.not-utf8"))
                .at(line, col)
                .hint(msg!("source.not-utf8.hint")))
        }
    }
}

fn yaml_hint(message: &str) -> Message {
    if message.contains("invalid type") {
        msg!("yaml.invalid-type.hint")
    } else if message.contains("mapping values are not allowed") {
        msg!("yaml.colon.hint")
    } else if message.contains("did not find expected") {
        msg!("yaml.not-closed.hint")
    } else {
        msg!("yaml.syntax.hint")
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
    let line = e.location().map(|loc| loc.line() + line_offset);
    let source_line = line.and_then(|l| text.lines().nth(l.saturating_sub(1)).map(str::to_owned));
    let (said, hint) = if let Some(name) = message
        .strip_prefix("unknown field `")
        .and_then(|r| r.split('`').next())
    {
        let hint = match closest(name, known.iter().copied()) {
            Some(c) => msg!("yaml.did-you-mean", key = c),
            None => msg!("yaml.known-keys", keys = known.join(", ")),
        };
        (msg!("yaml.unknown-key", key = name), hint)
    } else if source_line
        .as_deref()
        .is_some_and(|l| l.starts_with('\t') || l.contains(":\t"))
    {
        (msg!("yaml.tab", error = &message), msg!("yaml.tab.hint"))
    } else if let Some((key, number)) = too_big_a_number(&message) {
        let said = msg!(
            "yaml.number-too-big",
            key = key,
            min = i64::MIN.to_string(),
            max = i64::MAX.to_string(),
            number = number
        );
        (said, msg!("yaml.number-too-big.hint", key = key))
    } else {
        (msg!("yaml.invalid", error = &message), yaml_hint(&message))
    };
    let mut d = Diagnostic::error(file.to_path_buf(), said).hint(hint);
    if let (Some(loc), Some(line)) = (e.location(), line) {
        d = d.at(line, loc.column());
        d.source_line = source_line;
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
