//! Links and images whose path has a space: `![Cửa khẩu](/images/Ảnh cửa
//! khẩu.png)` is no image in CommonMark (a destination ends at a space
//! unless it is written in `<…>`), so the page would show the Markdown as
//! text and no check would ever see the path.
//!
//! The same goes for a reference definition, `[bản đồ]: /images/ban do.png`:
//! CommonMark takes the line as text, so every `[…][bản đồ]` and
//! `![…][bản đồ]` that uses it is left as text too, without a word.
//!
//! Comes in: the body and the byte ranges of its plain text (outside code
//! spans and code blocks, which the parser already set apart). Goes out: an
//! error at each `[…](…)` or `[label]: …` left as text whose destination
//! looks like a path with a space, with the path written the way that works.

use super::WithBody;
use crate::diagnostics::Diagnostic;
use crate::msg;
use std::ops::Range;
use std::path::Path;

/// The errors of `body`'s broken links and images; `text` are the ranges of
/// its text events, in order.
pub(super) fn check(
    file: &Path,
    body: &str,
    body_line: usize,
    text: &[Range<usize>],
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for run in runs(text) {
        let run_text = &body[run.clone()];
        let mut from = 0;
        while let Some(found) = run_text[from..].find("](") {
            let at = from + found;
            from = at + 2;
            let rest = &run_text[from..];
            let Some(close) = rest.find([')', '\n']) else {
                break;
            };
            if rest[close..].starts_with('\n') {
                continue;
            }
            let (path, title) = split_title(&rest[..close]);
            if path.starts_with('<') || !path.contains(' ') || !looks_like_path(path) {
                continue;
            }
            let (at, end) = (run.start + at, run.start + from + close + 1);
            diags.push(error(file, body, body_line, at..end, path, title));
        }
    }
    diags.extend(definitions(file, body, body_line, text));
    diags
}

/// The errors of reference definitions left as text: a line that starts
/// (after at most three spaces, or a quote's `>`) with `[label]:` in text.
fn definitions(
    file: &Path,
    body: &str,
    body_line: usize,
    text: &[Range<usize>],
) -> Vec<Diagnostic> {
    let in_text = |at: usize| text.iter().any(|r| r.contains(&at));
    let mut diags = Vec::new();
    let mut line_start = 0;
    for line in body.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        let line = line.trim_end_matches(['\n', '\r']);
        let indent = line.len() - line.trim_start_matches([' ', '>']).len();
        let rest = &line[indent..];
        if !rest.starts_with('[') || !in_text(start + indent) {
            continue;
        }
        let Some((label, dest)) = rest[1..].split_once("]:") else {
            continue;
        };
        // `[^1]:` is a footnote's, whose text may well hold spaces.
        if label.trim().is_empty() || label.starts_with('^') || label.contains(['[', ']']) {
            continue;
        }
        let (path, title) = split_title(dest);
        if path.starts_with('<') || !path.contains(' ') || !looks_like_path(path) {
            continue;
        }
        let written = rest.trim_end();
        let fixed = format!("[{label}]: <{path}>{title}");
        let message = msg!(
            "link.reference-with-space",
            written = written,
            path = path,
            label = label
        );
        let (line, col) = super::body_line_col(body, body_line, start + indent);
        diags.push(
            Diagnostic::error(file.to_path_buf(), message)
                .at(line, col)
                .with_source_body(body, body_line)
                .hint(msg!("link.path-with-space.hint", fixed = fixed)),
        );
    }
    diags
}

/// Text events side by side (`[`, `Cửa khẩu`, `](/a b.png)`) as one range.
fn runs(text: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    for r in text {
        match runs.last_mut() {
            Some(last) if last.end == r.start => last.end = r.end,
            _ => runs.push(r.clone()),
        }
    }
    runs
}

/// `/a b.png "Title"` → (`/a b.png`, ` "Title"`).
fn split_title(dest: &str) -> (&str, &str) {
    let dest = dest.trim();
    for quote in ['"', '\''] {
        if dest.len() > 1 && dest.ends_with(quote) {
            if let Some(i) = dest[..dest.len() - 1].rfind(&format!(" {quote}")) {
                return (dest[..i].trim_end(), &dest[i..]);
            }
        }
    }
    (dest, "")
}

/// A path or address rather than words in brackets: it starts like one
/// (`/`, `./`, `../`, `@/`, `https://`) or ends in a file extension or `/`.
fn looks_like_path(dest: &str) -> bool {
    let starts =
        ["/", "./", "../", "@/"].iter().any(|p| dest.starts_with(p)) || dest.contains("://");
    let name = dest.split(['#', '?']).next().unwrap_or(dest);
    let extension = name.rsplit_once('.').is_some_and(|(_, ext)| {
        (2..=5).contains(&ext.len())
            && ext.starts_with(|c: char| c.is_ascii_alphabetic())
            && ext.chars().all(|c| c.is_ascii_alphanumeric())
    });
    starts || extension || name.ends_with('/')
}

/// The error for the destination in `dest` (from its `](` to its `)`),
/// naming what was written from its `[` (or `![`) when that is on the
/// same line.
fn error(
    file: &Path,
    body: &str,
    body_line: usize,
    dest: Range<usize>,
    path: &str,
    title: &str,
) -> Diagnostic {
    let at = dest.start;
    let line_start = body[..at].rfind('\n').map_or(0, |i| i + 1);
    let open = body[line_start..at].rfind('[').map(|i| line_start + i);
    let image = open.is_some_and(|o| o > 0 && body[..o].ends_with('!'));
    let start = match open {
        Some(o) if image => o - 1,
        Some(o) => o,
        None => at,
    };
    let written = &body[start..dest.end];
    let label = &body[start..at + 2];
    let fixed = format!("{label}<{path}>{title})");
    let message = if image {
        msg!("image.path-with-space", written = written, path = path)
    } else {
        msg!("link.path-with-space", written = written, path = path)
    };
    let (line, col) = super::body_line_col(body, body_line, start);
    Diagnostic::error(file.to_path_buf(), message)
        .at(line, col)
        .with_source_body(body, body_line)
        .hint(msg!("link.path-with-space.hint", fixed = fixed))
}

#[cfg(test)]
mod tests {
    use crate::markdown::tests::render_simple;

    #[test]
    fn an_image_whose_path_has_a_space_is_an_error_with_the_fix() {
        let (_, d) = render_simple("Trước.\n\n![Cửa khẩu](/images/Ảnh cửa khẩu.png)\n");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].is_error());
        assert_eq!((d[0].line, d[0].col), (Some(7), Some(1)));
        assert!(
            d[0].message
                .contains("`![Cửa khẩu](/images/Ảnh cửa khẩu.png)` is not an image"),
            "{}",
            d[0].message
        );
        let hint = d[0].hint.clone().unwrap_or_default();
        assert!(
            hint.contains("`![Cửa khẩu](</images/Ảnh cửa khẩu.png>)`") && hint.contains("%20"),
            "{hint}"
        );
    }

    #[test]
    fn a_link_whose_path_has_a_space_is_an_error_keeping_its_title() {
        let (_, d) =
            render_simple("Xem [báo cáo *năm*](../files/bao cao.pdf \"Báo cáo\") và [x](a b)\n");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("is not a link"), "{}", d[0].message);
        assert_eq!(d[0].col, Some(5));
        let hint = d[0].hint.clone().unwrap_or_default();
        assert!(
            hint.contains("`[báo cáo *năm*](<../files/bao cao.pdf> \"Báo cáo\")`"),
            "{hint}"
        );
    }

    #[test]
    fn a_reference_definition_whose_path_has_a_space_is_an_error_at_its_line() {
        let body = "Xem ![Bản đồ][map] và [báo cáo][bc].\n\n[map]: /images/ban do.png\n   [bc]: ../files/bao cao.pdf \"Báo cáo\"\n> [q]: ./a b.md\n";
        let (_, d) = render_simple(body);
        let at: Vec<_> = d.iter().map(|d| (d.line, d.col)).collect();
        assert_eq!(
            at,
            [(Some(7), Some(1)), (Some(8), Some(4)), (Some(9), Some(3))],
            "{d:?}"
        );
        assert!(d.iter().all(|d| d.is_error()));
        assert!(
            d[0].message
                .contains("`[map]: /images/ban do.png` does not define `[map]`"),
            "{}",
            d[0].message
        );
        let hint = d[1].hint.clone().unwrap_or_default();
        assert!(
            hint.contains("`[bc]: <../files/bao cao.pdf> \"Báo cáo\"`") && hint.contains("%20"),
            "{hint}"
        );
    }

    #[test]
    fn working_reference_definitions_and_code_are_left_alone() {
        let body = "![a][m] [b][n] [c][o]\n\n[m]: <ok a b.png>\n[n]: @/tourism/a.md\n[o]: /images/x.pdf (the title)\n\n    [p]: /a b.png\n\n```\n[q]: /a b.png\n```\n\n[not a definition]: just words here\n\nNote[^1].\n\n[^1]: See /files/bao cao.pdf\n[^2]: /files/bao cao.pdf\n";
        let (r, d) = render_simple(body);
        assert!(d.is_empty(), "{d:?}");
        assert!(r.html.contains("src=\"/img/ok a b.png\""), "{}", r.html);
    }

    #[test]
    fn code_and_working_paths_are_left_alone() {
        let body = "`![a](/images/a b.png)`\n\n```\n![a](/images/a b.png)\n```\n\n    [a](/x y.pdf)\n\n![a](<ok a b.png>) [b](/tourism/a/) (see [1](the note))\n";
        let (r, d) = render_simple(body);
        assert!(d.is_empty(), "{d:?}");
        assert!(r.html.contains("src=\"/img/ok a b.png\""), "{}", r.html);
    }
}
