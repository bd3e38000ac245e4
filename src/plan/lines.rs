//! Where things are in a plan file's text: serde_yaml's values carry no
//! positions, so the lines of tasks, keys and list items are found in the
//! text, to report each mistake at its own line.

/// The line of the n-th `- ` item directly under `tasks:`.
pub(super) fn task_lines(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut inside = false;
    let mut indent = None;
    for (i, l) in text.lines().enumerate() {
        let t = l.trim_start();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let lead = l.len() - t.len();
        if lead == 0 && !t.starts_with('-') {
            inside = t.starts_with("tasks:");
            continue;
        }
        if inside && t.starts_with('-') && *indent.get_or_insert(lead) == lead {
            out.push(i + 1);
        }
    }
    out
}

/// The lines of the `- ` items of the block list under `key:` at
/// `key_line`, each with the line of its end (the next item's, or past
/// the list). Empty for a list written on one line (`[…]`).
pub(super) fn items(text: &str, key_line: Option<usize>) -> Vec<(usize, usize)> {
    let Some(start) = key_line else {
        return Vec::new();
    };
    let lines: Vec<&str> = text.lines().collect();
    let indent_of = |l: &str| l.len() - l.trim_start().len();
    let Some(key) = lines.get(start - 1) else {
        return Vec::new();
    };
    // The column of the key itself, after a `- ` that starts its task.
    let t = key.trim_start();
    let key_indent = key.len() - t.strip_prefix("- ").unwrap_or(t).trim_start().len();
    let mut items: Vec<usize> = Vec::new();
    let mut item_indent = None;
    let mut end = lines.len() + 1;
    for (i, l) in lines.iter().enumerate().skip(start) {
        let t = l.trim_start();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let lead = indent_of(l);
        if lead < key_indent || (lead == key_indent && !t.starts_with('-')) {
            end = i + 1;
            break;
        }
        if t.starts_with('-') && *item_indent.get_or_insert(lead) == lead {
            items.push(i + 1);
        } else if item_indent.is_some_and(|n| lead < n) {
            end = i + 1;
            break;
        }
    }
    let ends = items.iter().skip(1).copied().chain([end]);
    items.iter().copied().zip(ends).collect()
}

/// The line of `key:` within lines `from..to`, else `from`.
pub(super) fn within(text: &str, (from, to): (usize, usize), key: &str) -> usize {
    text.lines()
        .enumerate()
        .take(to.saturating_sub(1))
        .skip(from - 1)
        .find(|(_, l)| {
            let t = l
                .trim_start()
                .trim_start_matches("- ")
                .trim_start_matches('{');
            t.trim_start().starts_with(&format!("{key}:"))
        })
        .map_or(from, |(i, _)| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "tasks:\n  - id: a\n    targets:\n      - { articles: 0 }\n      - articles: 2\n        lang: fr\n    period: 2026\n  - id: b\n    targets: [{ events: 1 }]\n";

    #[test]
    fn each_item_of_a_block_list_is_found_with_its_keys() {
        let items = items(TEXT, Some(3));
        assert_eq!(items, vec![(4, 5), (5, 7)]);
        assert_eq!(within(TEXT, items[0], "articles"), 4);
        assert_eq!(within(TEXT, items[1], "lang"), 6);
        assert_eq!(within(TEXT, items[1], "events"), 5);
    }

    #[test]
    fn a_list_on_one_line_has_no_item_lines() {
        assert!(items(TEXT, Some(9)).is_empty());
        assert_eq!(task_lines(TEXT), vec![2, 8]);
    }
}
