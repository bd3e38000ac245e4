//! The pages a reader has open in `serve`: the last HTML files the browser
//! asked for, most recent first. The next rebuild renders and writes them
//! before the others and has them reload at once (see
//! [`crate::output::WantedFirst`]): after a template or message change the
//! page in front of the editor shows it long before the whole site is
//! rendered again, and every other page is still brought up to date.

use std::collections::VecDeque;
use std::sync::Mutex;

/// How many pages are remembered: the tabs an editor keeps open.
const KEEP: usize = 8;

/// The recently viewed pages, as output paths (`culture/x/index.html`).
#[derive(Default)]
pub(crate) struct Viewed {
    recent: Mutex<VecDeque<String>>,
}

impl Viewed {
    /// Notes that the browser asked for `file` (an HTML file of the output).
    pub(crate) fn saw(&self, file: &str) {
        let Ok(mut recent) = self.recent.lock() else {
            return;
        };
        recent.retain(|f| f != file);
        recent.push_front(file.to_owned());
        recent.truncate(KEEP);
    }

    /// The pages viewed last, most recent first.
    pub(crate) fn files(&self) -> Vec<String> {
        self.recent
            .lock()
            .map(|r| r.iter().cloned().collect())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_last_pages_once_each_most_recent_first() {
        let viewed = Viewed::default();
        for n in 0..10 {
            viewed.saw(&format!("news/{n}/index.html"));
        }
        viewed.saw("news/5/index.html");
        let files = viewed.files();
        assert_eq!(files.len(), KEEP);
        assert_eq!(files[0], "news/5/index.html");
        assert_eq!(files[1], "news/9/index.html");
        assert_eq!(
            files.iter().filter(|f| *f == "news/5/index.html").count(),
            1
        );
        assert!(!files.contains(&"news/0/index.html".to_string()));
    }
}
