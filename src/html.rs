//! HTML text escaping, shared by every stage that writes markup by hand
//! (Markdown, outputs, the serve overlay). In: text. Out: text safe inside
//! an element or a quoted attribute.

/// Escapes text for XML and HTML, in text and in attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
