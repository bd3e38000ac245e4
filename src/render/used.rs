//! What each page's render read, so that `serve` renders again only the
//! pages an edit of messages, templates or static files reaches.
//!
//! In: while a job renders, its template ([`Recorder::begin`]), the
//! Fluent messages `t()` asked for in each language, and the static files
//! `image()` and `asset()` named ([`Recorder::read`]). Out: [`Usage`], per
//! page file the sorted names it read, interned as numbers; pages of one
//! template mostly read the same names, so identical sets are shared.
//! [`Narrow`] is what an edit changed, in those names; it selects the jobs
//! whose names meet it.

use super::jobs::Job;
use crate::config::LangCode;
use crate::site::Site;
use crate::urls::file_of;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::thread::ThreadId;

/// The name of something a page reads.
pub(crate) enum Read<'a> {
    /// A template, by name (its own; what it extends or includes is
    /// followed from the templates, see `pipeline::dependencies`).
    Template(&'a str),
    /// A Fluent message id (without attribute) as asked in a language.
    Message(&'a str, &'a str),
    /// A static file, by its output path (`images/a.jpg`).
    Static(&'a str),
}

impl Read<'_> {
    fn key(&self) -> String {
        match self {
            Read::Template(name) => format!("t\u{1f}{name}"),
            Read::Message(lang, id) => {
                let id = id.split_once('.').map_or(*id, |(m, _)| m);
                format!("m\u{1f}{lang}\u{1f}{id}")
            }
            Read::Static(path) => format!("s\u{1f}{}", path.trim_start_matches('/')),
        }
    }
}

/// Names as numbers.
#[derive(Default)]
struct Names(HashMap<Box<str>, u32>);

impl Names {
    fn intern(&mut self, key: String) -> u32 {
        let next = self.0.len() as u32;
        *self.0.entry(key.into_boxed_str()).or_insert(next)
    }
}

/// What the rendered pages read, kept by `serve` between builds.
#[derive(Default)]
pub(crate) struct Usage {
    names: Names,
    /// Identical sets, shared.
    sets: HashSet<Arc<[u32]>>,
    /// Per page file, the sorted names its last render read.
    by_file: HashMap<Box<str>, Arc<[u32]>>,
    /// Whether a template function read a message or file outside any
    /// job (a component, whose context is its own): who read it is unknown.
    unattributed: bool,
}

impl Usage {
    /// Whether every read so far is known by page.
    pub(crate) fn is_complete(&self) -> bool {
        !self.unattributed
    }

    /// The number of a name some page read, `None` if none did.
    pub(crate) fn number(&self, read: Read<'_>) -> Option<u32> {
        self.names.0.get(read.key().as_str()).copied()
    }

    /// A recorder for one render, holding the names so far.
    pub(crate) fn recorder(&mut self) -> Recorder {
        Recorder(Mutex::new(Recording {
            names: std::mem::take(&mut self.names),
            running: HashMap::new(),
            jobs: HashMap::new(),
            unattributed: false,
        }))
    }

    /// Takes in what a render read; `all` when it rendered every page
    /// (records of pages that went are dropped then).
    pub(crate) fn take(&mut self, recorder: &Recorder, all: bool) {
        let Ok(mut r) = recorder.0.lock() else {
            return;
        };
        self.names = std::mem::take(&mut r.names);
        if all {
            self.by_file.clear();
            self.sets.clear();
            self.unattributed = false;
        }
        self.unattributed |= r.unattributed;
        for (file, names) in r.jobs.drain() {
            let Some(mut names) = names else {
                self.by_file.remove(&file);
                continue;
            };
            names.sort_unstable();
            names.dedup();
            let set = match self.sets.get(names.as_slice()) {
                Some(set) => set.clone(),
                None => {
                    let set: Arc<[u32]> = names.into();
                    self.sets.insert(set.clone());
                    set
                }
            };
            self.by_file.insert(file, set);
        }
    }

    /// The names page file `file` read at its last render.
    fn of(&self, file: &str) -> Option<&[u32]> {
        self.by_file.get(file).map(|s| &s[..])
    }
}

/// Records the reads of one render's jobs (shared by its threads). A job
/// renders on one thread from start to end, so the thread says whose a
/// read is; template components, which see only their own arguments,
/// cannot say it themselves. A thread waiting inside a job (the data
/// page's open data is made in parallel) may run another job meanwhile:
/// that one starts and ends before the first goes on, so each thread
/// keeps a stack.
pub(crate) struct Recorder(Mutex<Recording>);

/// A job rendering: the file it writes and its reads so far.
type Running = (Box<str>, Vec<u32>);

struct Recording {
    names: Names,
    /// Per thread, the jobs rendering there (the innermost last): their
    /// files and their reads so far.
    running: HashMap<ThreadId, Vec<Running>>,
    /// Jobs rendered: their reads (`None`: the job failed).
    jobs: HashMap<Box<str>, Option<Vec<u32>>>,
    unattributed: bool,
}

impl Recorder {
    /// A job writing `file` starts rendering with `template` on this thread.
    pub(crate) fn begin(&self, file: &str, template: &str) {
        if let Ok(mut r) = self.0.lock() {
            let n = r.names.intern(Read::Template(template).key());
            r.running
                .entry(std::thread::current().id())
                .or_default()
                .push((file.into(), vec![n]));
        }
    }

    /// The job on this thread, writing `file`, is done: what it read is
    /// kept if it succeeded (what a failed one read is not known, so it
    /// renders next time).
    pub(crate) fn end(&self, file: &str, succeeded: bool) {
        if let Ok(mut r) = self.0.lock() {
            let names = r
                .running
                .get_mut(&std::thread::current().id())
                .and_then(Vec::pop)
                .filter(|(f, _)| succeeded && **f == *file)
                .map(|(_, n)| n);
            r.jobs.insert(file.into(), names);
        }
    }

    /// The job rendering on this thread read `read`.
    pub(crate) fn read(&self, read: Read<'_>) {
        let Ok(mut r) = self.0.lock() else {
            return;
        };
        let n = r.names.intern(read.key());
        match r
            .running
            .get_mut(&std::thread::current().id())
            .and_then(|stack| stack.last_mut())
        {
            Some((_, names)) => names.push(n),
            None => r.unattributed = true,
        }
    }
}

/// What an edit changed, for [`Usage`] to pick the pages that read it.
#[derive(Debug, Default)]
pub(crate) struct Narrow {
    /// Languages rendered whole (a term or a site-wide message changed).
    pub(crate) langs: HashSet<LangCode>,
    /// Names (see [`Usage::number`]) whose readers render again.
    pub(crate) names: Vec<u32>,
    /// Whether what changed since the last site renders too (the pages
    /// and lists whose values changed: a photo replaced changes the
    /// Markdown of the pages that show it), and only the other outputs it
    /// reached are written; otherwise all of them are.
    pub(crate) since_previous: bool,
    /// Static files replaced (output paths): their variants not made
    /// again are gone.
    pub(crate) replaced: Vec<String>,
}

impl Narrow {
    /// Whether `job` read something this edit changed; a page whose reads
    /// are unknown renders.
    pub(crate) fn wants(&self, site: &Site, job: Job, usage: &Usage) -> bool {
        if self.langs.contains(&site.pages[job.page()].lang) {
            return true;
        }
        match usage.of(&file_of(&job.path(site))) {
            Some(read) => self.names.iter().any(|n| read.binary_search(n).is_ok()),
            None => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_are_kept_per_page_file_and_identical_sets_are_shared() {
        let mut usage = Usage::default();
        let rec = usage.recorder();
        for file in ["a/index.html", "b/index.html"] {
            rec.begin(file, "page.html");
            rec.read(Read::Message("en", "hello"));
            rec.read(Read::Message("en", "hello.title"));
            rec.read(Read::Static("/images/x.jpg"));
            rec.end(file, true);
        }
        rec.begin("index.html", "index.html");
        rec.end("index.html", true);
        usage.take(&rec, true);
        assert!(usage.is_complete());
        let a = usage.of("a/index.html").expect("a");
        assert_eq!(a.len(), 3, "template, message (attribute folded), file");
        let b = usage.by_file.get("b/index.html").expect("b");
        assert!(Arc::ptr_eq(&usage.by_file["a/index.html"], b));
        assert_eq!(usage.sets.len(), 2);
        let hello = usage.number(Read::Message("en", "hello")).expect("read");
        assert!(a.contains(&hello));
        assert!(!usage.of("index.html").expect("home").contains(&hello));
        assert_eq!(usage.number(Read::Message("vi", "hello")), None);
        let x = usage.number(Read::Static("images/x.jpg")).expect("file");
        assert!(a.contains(&x));
    }

    #[test]
    fn a_job_run_while_another_waits_on_the_same_thread_keeps_its_own_reads() {
        let mut usage = Usage::default();
        let rec = usage.recorder();
        rec.begin("data/index.html", "data.html");
        rec.begin("a/index.html", "page.html");
        rec.read(Read::Message("en", "inner"));
        rec.end("a/index.html", true);
        rec.read(Read::Message("en", "outer"));
        rec.end("data/index.html", true);
        usage.take(&rec, true);
        let inner = usage.number(Read::Message("en", "inner")).expect("inner");
        let outer = usage.number(Read::Message("en", "outer")).expect("outer");
        assert!(usage.of("a/index.html").expect("a").contains(&inner));
        assert!(!usage.of("a/index.html").expect("a").contains(&outer));
        assert!(usage.of("data/index.html").expect("data").contains(&outer));
        assert!(usage.is_complete());
    }

    #[test]
    fn a_read_outside_any_job_makes_the_usage_incomplete_until_a_full_render() {
        let mut usage = Usage::default();
        let rec = usage.recorder();
        rec.read(Read::Message("en", "hello"));
        usage.take(&rec, false);
        assert!(!usage.is_complete());
        let rec = usage.recorder();
        usage.take(&rec, true);
        assert!(usage.is_complete());
    }

    #[test]
    fn a_failed_job_is_forgotten_and_renders_next_time() {
        let mut usage = Usage::default();
        let rec = usage.recorder();
        rec.begin("a/index.html", "page.html");
        rec.end("a/index.html", true);
        usage.take(&rec, true);
        let rec = usage.recorder();
        rec.begin("a/index.html", "page.html");
        rec.end("a/index.html", false);
        usage.take(&rec, false);
        assert!(usage.of("a/index.html").is_none());
    }
}
