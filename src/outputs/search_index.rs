//! The search index of each language, in parts, so that a query downloads
//! only what it needs (the default theme's `js/search.js` reads it):
//!
//! - `{lang}/search/index.json`: the small entry file: how many documents,
//!   the first term and file of each term chunk, and the content hash of
//!   each fragment file. Its name is fixed; every other name carries a
//!   content hash, so those files can be cached for good.
//! - `{lang}/search/c/{hash}.json.gz`: term chunks, in term order. Each entry
//!   is a folded term (Latin diacritics dropped) followed by its spellings
//!   as written and, for each, its postings. A Lao, Thai, Khmer or Myanmar
//!   term is a syllable or a pair of adjacent syllables (`search::words`);
//!   a Chinese or Japanese word is also filed under each of its endings that
//!   begin at a Han character, so that a query the browser cut elsewhere
//!   than the build is still found by prefix.
//! - `{lang}/search/f/{n}-{hash}.json.gz`: fragment files of `per`
//!   consecutive documents each: URL, title, description and plain text,
//!   for the result list and its highlighted excerpt.
//!
//! Chunks and fragment files are gzipped JSON (the script inflates them
//! with the browser's `DecompressionStream`): a third of the bytes, and
//! fragment files four times as large as before at about the same bytes
//! per query, so a quarter as many files for the build to create.
//!
//! In: the resolved [`Site`] (each article's terms were computed with its
//! Markdown). Out: the files of every language, handed to the sink one
//! language after the other and each fragment file as soon as it is made,
//! so that at most one language's index is in memory.

use crate::config::LangCode;
use crate::diagnostics::Diagnostic;
use crate::output::{Output, OutputData, Record, Sink};
use crate::search::{Key, Spill};
use crate::site::{PageId, Site};
use hashbrown::HashTable;
use rayon::prelude::*;
use rustc_hash::FxBuildHasher;
use std::cmp::Ordering;
use std::collections::HashSet;
use std::fmt::Write as _;
use std::hash::BuildHasher as _;

/// A term chunk is cut once it holds this many bytes (before gzip)...
const CHUNK_BYTES: usize = 32 * 1024;
/// ...unless that would make more chunk files than this per language.
const MAX_CHUNKS: usize = 2000;
/// A fragment file holds about this many bytes of documents (before gzip,
/// which makes them about a third)...
const FRAGMENT_BYTES: usize = 40 * 1024;
/// ...unless that would make more fragment files than this per language.
const MAX_FRAGMENTS: usize = 1000;
/// Bumped when the format changes (the script checks it).
const VERSION: u32 = 5;
/// The gzip level of chunks and fragment files (libdeflate's): on L's
/// fragment files, level 2 makes them 8 % smaller than level 1 at 1.3
/// times its time, and level 6 only 9 % smaller again at 2.5 times.
const GZIP_LEVEL: i32 = 2;

/// Writes the files of every language's index into `sink`, or with `only`
/// (`serve`, after an edit) those of the languages it names: an index holds
/// its language's articles alone.
pub(super) fn write(
    site: &Site,
    only: Option<&HashSet<LangCode>>,
    sink: &dyn Sink,
) -> Vec<Result<Record, Diagnostic>> {
    let mut written = Vec::new();
    for lang in &site.config.languages {
        if only.is_some_and(|langs| !langs.contains(&lang.code)) {
            continue;
        }
        let prefix = site.config.lang_prefix(&lang.code);
        language(
            site,
            &lang.code,
            prefix.trim_start_matches('/'),
            sink,
            &mut written,
        );
    }
    written
}

/// Terms compare as JavaScript compares strings (UTF-16 code units), so that
/// the script's binary search over chunks agrees with the order written.
fn js_order(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

fn json_str(out: &mut String, s: &str) {
    out.push_str(&serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into()));
}

fn short_hash(hash: &blake3::Hash, hex_len: usize) -> String {
    hash.to_hex()[..hex_len].to_string()
}

/// `json` (whose hash is `hash`) gzipped: the last build's bytes when the
/// search cache `store` has them, gzipped now otherwise (and remembered
/// under the key returned).
fn gzip_remembered(
    store: Option<&Spill>,
    hash: &blake3::Hash,
    json: &[u8],
) -> (Vec<u8>, Option<Key>) {
    match store {
        Some(store) => {
            let key = store.key(&[b"gzip", hash.as_bytes()]);
            (store.remembered(key, || gzip(json)), Some(key))
        }
        None => (gzip(json), None),
    }
}

/// The key of a language's whole index in the search cache `store`: its
/// articles' keys in index order (`None` when one has none: its terms
/// are in memory).
fn language_key(
    store: &Spill,
    site: &Site,
    lang: &LangCode,
    ids: &[PageId],
    dir: &str,
) -> Option<Key> {
    let mut keys = Vec::with_capacity(ids.len() * 32);
    for &id in ids {
        keys.extend(site.pages[id].rendered.search_doc.as_ref()?.key());
    }
    Some(store.key(&[b"language", lang.as_str().as_bytes(), dir.as_bytes(), &keys]))
}

/// Where the documents `ids` wait (`None` in `serve`, which keeps them).
fn store<'s>(site: &'s Site, ids: &[PageId]) -> Option<&'s Spill> {
    ids.iter()
        .find_map(|&id| site.pages[id].rendered.search_doc.as_ref())
        .map(|doc| &**doc.spill())
}

/// `bytes` gzipped, with no file name and no time in the header (the same
/// bytes on every build).
fn gzip(bytes: &[u8]) -> Vec<u8> {
    use libdeflater::{CompressionLvl, Compressor};
    let level = CompressionLvl::new(GZIP_LEVEL).unwrap_or_default();
    let mut compressor = Compressor::new(level);
    let mut out = vec![0; compressor.gzip_compress_bound(bytes.len())];
    // The bound is the most any input of that length can take.
    let len = compressor.gzip_compress(bytes, &mut out).unwrap_or(0);
    out.truncate(len);
    out
}

fn language(
    site: &Site,
    lang: &LangCode,
    dir: &str,
    sink: &dyn Sink,
    written: &mut Vec<Result<Record, Diagnostic>>,
) {
    // Oldest first: a new article (the usual edit of a portal) takes the
    // next number, so the older documents keep theirs, and with them their
    // fragment files and the beginnings of their postings lists, which the
    // search cache then finds unchanged. The script ranks ties newest
    // (highest number) first.
    let ids: Vec<PageId> = site
        .by_date
        .get(lang)
        .map(|v| {
            v.iter()
                .rev()
                .copied()
                .filter(|&i| {
                    let page = &site.pages[i];
                    !page.is_fallback
                        && (page.rendered.search_doc.is_some()
                            || !page.rendered.search_terms.is_empty())
                })
                .collect()
        })
        .unwrap_or_default();
    let store = store(site, &ids);
    let key = store.and_then(|store| Some((store, language_key(store, site, lang, &ids, dir)?)));
    // Nothing of the language changed: its files are the last build's.
    if let Some(files) = key.and_then(|(store, key)| store.recall_files(&key)) {
        for (path, bytes) in files {
            written.push(sink.put(&Output {
                path,
                data: OutputData::Bytes(bytes),
            }));
        }
        return;
    }
    let mut files = Vec::new();
    let chunks = match term_chunks(site, &ids, store, dir, sink, written) {
        Ok(chunks) => chunks,
        Err(d) => {
            written.push(Err(d));
            return;
        }
    };
    let (per, hashes) = fragments(site, &ids, store, dir, sink, written, &mut files);
    let mut entry = String::new();
    let _ = write!(
        entry,
        "{{\"version\":{VERSION},\"lang\":\"{}\",\"docs\":{},\"per\":{per},\"frags\":\"{hashes}\",\"chunks\":[",
        lang.as_str(),
        ids.len()
    );
    for (i, (first, file, gz_key)) in chunks.iter().enumerate() {
        files.push((format!("{dir}search/{file}"), *gz_key));
        if i > 0 {
            entry.push(',');
        }
        entry.push('[');
        json_str(&mut entry, first);
        entry.push(',');
        json_str(&mut entry, file);
        entry.push(']');
    }
    entry.push_str("]}");
    let path = format!("{dir}search/index.json");
    if let Some((store, key)) = key {
        let entry_key = store.key(&[b"entry", entry.as_bytes()]);
        store.remembered(entry_key, || entry.as_bytes().to_vec());
        files.push((path.clone(), Some(entry_key)));
        store.remember_files(key, &files);
    }
    written.push(sink.put(&Output {
        path,
        data: OutputData::Bytes(entry.into_bytes()),
    }));
}

/// Makes the term chunks of the documents `ids`, their terms read back from
/// where the build put them (or kept in memory, in `serve`), and writes
/// them into `sink` as they are made (gzipped, or copied from the search
/// cache `store`); returns `(first folded term, file name, key in the
/// search cache)` of each chunk, in term order, for the entry file.
fn term_chunks(
    site: &Site,
    ids: &[PageId],
    store: Option<&Spill>,
    dir: &str,
    sink: &dyn Sink,
    written: &mut Vec<Result<Record, Diagnostic>>,
) -> Result<Vec<(String, String, Option<Key>)>, Diagnostic> {
    let (spellings, postings) = postings(site, ids)?;
    let mut order: Vec<(String, u32)> = spellings
        .par_iter()
        .enumerate()
        .map(|(n, s)| (crate::search::fold(s), n as u32))
        .collect();
    order.par_sort_unstable_by(|a, b| {
        js_order(&a.0, &b.0)
            .then_with(|| js_order(&spellings[a.1 as usize], &spellings[b.1 as usize]))
    });
    // One JSON entry per folded term: [folded, spelling, [postings], ...].
    let groups: Vec<&[(String, u32)]> = order.chunk_by(|a, b| a.0 == b.0).collect();
    // Where the chunks are cut is found from the entries' sizes; each
    // chunk is then made, gzipped and written on its own, so that only the
    // chunks in the making are in memory, not the language's whole index.
    let sizes: Vec<usize> = groups
        .par_iter()
        .map(|group| entry_len(group, &spellings, &postings))
        .collect();
    let total: usize = sizes.iter().map(|size| size + 1).sum();
    let target = CHUNK_BYTES.max(total.div_ceil(MAX_CHUNKS));
    let mut cuts = Vec::new();
    // A chunk's bytes: `[`, its entries and a comma between each two.
    let (mut start, mut body) = (0, 0);
    for (i, size) in sizes.iter().enumerate() {
        body += size + 1;
        if body >= target {
            cuts.push(start..i + 1);
            (start, body) = (i + 1, 0);
        }
    }
    if start < groups.len() {
        cuts.push(start..groups.len());
    }
    type Made = ((String, String, Option<Key>), Result<Record, Diagnostic>);
    let made: Vec<Made> = cuts
        .into_par_iter()
        .map(|range| {
            let mut body = String::from("[");
            for (k, group) in groups[range.clone()].iter().enumerate() {
                if k > 0 {
                    body.push(',');
                }
                body.push_str(&entry(group, &spellings, &postings));
            }
            body.push(']');
            let hash = blake3::hash(body.as_bytes());
            let name = format!("c/{}.json.gz", short_hash(&hash, 16));
            let (gz, key) = gzip_remembered(store, &hash, body.as_bytes());
            let record = sink.put(&Output {
                path: format!("{dir}search/{name}"),
                data: OutputData::Bytes(gz),
            });
            ((groups[range.start][0].0.clone(), name, key), record)
        })
        .collect();
    let mut index = Vec::with_capacity(made.len());
    for (chunk, record) in made {
        index.push(chunk);
        written.push(record);
    }
    Ok(index)
}

/// Every spelling of a language's documents and its postings.
type Postings = (Vec<Box<str>>, Vec<Vec<u32>>);

/// Every spelling of the documents `ids` and its postings (`document << 3
/// | fields`, in document order), the documents' terms read back from
/// where the build put them (or kept in memory, in `serve`). Each worker
/// files a run of consecutive documents; the runs are then merged in
/// order, so every list stays in document order.
fn postings(site: &Site, ids: &[PageId]) -> Result<Postings, Diagnostic> {
    let run = ids.len().div_ceil(rayon::current_num_threads()).max(64);
    let runs: Vec<Filed> = ids
        .par_chunks(run)
        .enumerate()
        .map(|(k, run_ids)| {
            let mut filed = Filed::default();
            for (i, &id) in run_ids.iter().enumerate() {
                let rendered = &site.pages[id].rendered;
                let read_back;
                let terms = match &rendered.search_doc {
                    Some(spilled) => {
                        read_back = spilled.terms().map_err(spill_unreadable)?;
                        &read_back
                    }
                    None => &rendered.search_terms,
                };
                let doc = (k * run + i) as u32;
                for (term, fields) in terms.iter() {
                    for spelling in crate::search::suffixes(term) {
                        filed.add(spelling, (doc << 3) | u32::from(fields & 7));
                    }
                }
            }
            Ok(filed)
        })
        .collect::<Result<_, Diagnostic>>()?;
    let all = Filed::merge(runs);
    Ok((all.spellings, all.postings))
}

/// Spellings and their postings as a run of documents files them: the
/// table finds a spelling's number (its place in both lists) by its hash.
#[derive(Default)]
struct Filed {
    spellings: Vec<Box<str>>,
    postings: Vec<Vec<u32>>,
    table: HashTable<u32>,
}

impl Filed {
    /// The number of `spelling`, filed now if it was not yet (a run's
    /// spellings are moved into the merged one, not copied).
    fn number(&mut self, spelling: impl AsRef<str> + Into<Box<str>>) -> usize {
        let hash = FxBuildHasher.hash_one(spelling.as_ref());
        let spellings = &self.spellings;
        let same = |&n: &u32| *spellings[n as usize] == *spelling.as_ref();
        if let Some(&n) = self.table.find(hash, same) {
            return n as usize;
        }
        self.spellings.push(spelling.into());
        self.postings.push(Vec::new());
        let (spellings, n) = (&self.spellings, self.spellings.len() - 1);
        self.table.insert_unique(hash, n as u32, |&n| {
            FxBuildHasher.hash_one(&*spellings[n as usize])
        });
        n
    }

    /// One filing of `runs` of consecutive documents, in order: a
    /// spelling's postings from a later run follow those of the earlier.
    fn merge(runs: Vec<Filed>) -> Filed {
        let mut runs = runs.into_iter();
        let mut all = runs.next().unwrap_or_default();
        for later in runs {
            for (spelling, list) in later.spellings.into_iter().zip(later.postings) {
                let n = all.number(spelling);
                all.postings[n].extend(list);
            }
        }
        all
    }

    /// Files `posting` under `spelling`: a document's fields join its
    /// posting when the document already has one.
    fn add(&mut self, spelling: &str, posting: u32) {
        let n = self.number(spelling);
        let list = &mut self.postings[n];
        match list.last_mut() {
            Some(last) if *last >> 3 == posting >> 3 => *last |= posting,
            _ => list.push(posting),
        }
    }
}

/// A chunk's entry for `group`, one folded term and its spellings:
/// `[folded, spelling, [postings], ...]`, each posting `(document −
/// previous document) × 8 + fields`.
fn entry(group: &[(String, u32)], spellings: &[Box<str>], postings: &[Vec<u32>]) -> String {
    let mut e = String::from("[");
    json_str(&mut e, &group[0].0);
    for &(_, n) in group {
        e.push(',');
        json_str(&mut e, &spellings[n as usize]);
        e.push_str(",[");
        let mut previous = 0u32;
        for (k, p) in postings[n as usize].iter().enumerate() {
            if k > 0 {
                e.push(',');
            }
            let doc = p >> 3;
            let _ = write!(e, "{}", ((doc - previous) << 3) | (p & 7));
            previous = doc;
        }
        e.push(']');
    }
    e.push(']');
    e
}

/// The length of [`entry`] for `group`, without writing it.
fn entry_len(group: &[(String, u32)], spellings: &[Box<str>], postings: &[Vec<u32>]) -> usize {
    let json_len = |s: &str| serde_json::to_string(s).map_or(2, |j| j.len());
    let digits = |mut n: u32| {
        let mut d = 1;
        while n >= 10 {
            n /= 10;
            d += 1;
        }
        d
    };
    let mut len = 2 + json_len(&group[0].0);
    for &(_, n) in group {
        let list = &postings[n as usize];
        len += 1 + json_len(&spellings[n as usize]) + 3 + list.len().saturating_sub(1);
        let mut previous = 0u32;
        for p in list {
            let doc = p >> 3;
            len += digits(((doc - previous) << 3) | (p & 7));
            previous = doc;
        }
    }
    len
}

/// Writes the fragment files into `sink`, in parallel, each as soon as it
/// is made (gzipped, or copied from the search cache `store`); returns the documents per file and the files' hashes (8 hex
/// digits each, concatenated), and adds each file's path and key in the
/// search cache to `files`.
fn fragments(
    site: &Site,
    ids: &[PageId],
    store: Option<&Spill>,
    dir: &str,
    sink: &dyn Sink,
    written: &mut Vec<Result<Record, Diagnostic>>,
    files: &mut Vec<(String, Option<Key>)>,
) -> (usize, String) {
    // The size of a document, estimated from its HTML without its tags.
    let total: usize = ids
        .par_iter()
        .map(|&id| {
            let page = &site.pages[id];
            let text_len = match &page.rendered.search_doc {
                Some(doc) => doc.text_len,
                None => crate::search::html_text_len(&page.rendered.html),
            };
            text_len + page.title.len() + page.path.len() + 16
        })
        .sum();
    let average = total / ids.len().max(1);
    let per = (FRAGMENT_BYTES / average.max(1))
        .max(1)
        .max(ids.len().div_ceil(MAX_FRAGMENTS));
    type Made = (String, String, Option<Key>, Result<Record, Diagnostic>);
    let made: Vec<Made> = ids
        .par_chunks(per)
        .enumerate()
        .map(|(n, group)| {
            let mut file = vec![b'['];
            for (k, &id) in group.iter().enumerate() {
                if k > 0 {
                    file.push(b',');
                }
                if let Err(d) = document(site, id, &mut file) {
                    return (String::new(), String::new(), None, Err(d));
                }
            }
            file.push(b']');
            let full_hash = blake3::hash(&file);
            let hash = short_hash(&full_hash, 8);
            let path = format!("{dir}search/f/{n}-{hash}.json.gz");
            let (gz, key) = gzip_remembered(store, &full_hash, &file);
            let record = sink.put(&Output {
                path: path.clone(),
                data: OutputData::Bytes(gz),
            });
            (hash, path, key, record)
        })
        .collect();
    let mut hashes = String::with_capacity(made.len() * 8);
    for (hash, path, key, record) in made {
        hashes.push_str(&hash);
        files.push((path, key));
        written.push(record);
    }
    (per, hashes)
}

/// A document of a fragment file: `[url, title, description, plain text]`,
/// read back from where the build put it while rendering the article's
/// Markdown, or made from the HTML it kept (`serve`).
fn document(site: &Site, id: PageId, out: &mut Vec<u8>) -> Result<(), Diagnostic> {
    let page = &site.pages[id];
    if let Some(doc) = &page.rendered.search_doc {
        return doc.read_into(out).map_err(spill_unreadable);
    }
    let description = site
        .source(page)
        .and_then(|s| s.front.description.as_deref())
        .unwrap_or_default();
    let text = crate::search::plain_text(&page.rendered.html);
    let url = site.url(&page.path);
    out.extend(crate::search::document(
        &url,
        &page.title,
        description,
        &text,
    ));
    Ok(())
}

/// Why the index could not be written: its temporary file failed.
fn spill_unreadable(e: std::io::Error) -> Diagnostic {
    Diagnostic::error(
        None,
        crate::msg!("search.spill-unreadable", error = e.to_string()),
    )
    .hint(crate::msg!("search.spill-unreadable.hint"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_documents_merge_into_lists_in_document_order() {
        let file = |docs: &[(&str, u32, u32)]| {
            let mut filed = Filed::default();
            for &(spelling, doc, fields) in docs {
                filed.add(spelling, doc << 3 | fields);
            }
            filed
        };
        let whole = file(&[
            ("a", 0, 1),
            ("b", 0, 4),
            ("a", 0, 2),
            ("b", 1, 1),
            ("c", 2, 1),
            ("a", 3, 1),
        ]);
        let runs = vec![
            file(&[("a", 0, 1), ("b", 0, 4), ("a", 0, 2), ("b", 1, 1)]),
            file(&[("c", 2, 1), ("a", 3, 1)]),
            Filed::default(),
        ];
        let merged = Filed::merge(runs);
        assert_eq!(merged.spellings, whole.spellings);
        assert_eq!(merged.postings, whole.postings);
        assert_eq!(merged.postings[0], [3, 3 << 3 | 1]);
        assert_eq!(Filed::merge(Vec::new()).spellings.len(), 0);
    }

    #[test]
    fn an_entry_is_as_long_as_its_length_says() {
        let spellings: Vec<Box<str>> = vec!["đường".into(), "dương".into(), "a\"b\\".into()];
        let postings = vec![
            vec![5, 8 << 3 | 1, 1234567 << 3 | 4],
            vec![],
            vec![9 << 3 | 2],
        ];
        let group = [("duong".to_owned(), 0), ("duong".to_owned(), 1)];
        let e = entry(&group, &spellings, &postings);
        assert_eq!(e, r#"["duong","đường",[5,65,9876476],"dương",[]]"#);
        assert_eq!(entry_len(&group, &spellings, &postings), e.len());
        let group = [("a\"b\\".to_owned(), 2)];
        let e = entry(&group, &spellings, &postings);
        assert_eq!(entry_len(&group, &spellings, &postings), e.len());
    }
}
