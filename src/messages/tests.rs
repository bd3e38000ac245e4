//! The catalogs agree with the code: every id the code uses exists in
//! English and Vietnamese, every id of a file is used, no file is broken.

use super::*;
use std::collections::BTreeSet;
use std::path::Path;

/// Every `msg!("id"` in the source, comments left out.
fn ids_in_code() -> BTreeSet<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut ids = BTreeSet::new();
    for entry in walkdir::WalkDir::new(&src) {
        let entry = entry.expect("walk src/");
        // This file names `msg!(` in its own code.
        if entry.path().extension().is_none_or(|e| e != "rs") || entry.path().ends_with(file!()) {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).expect("read a source file");
        let code: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let mut rest = code.as_str();
        while let Some(at) = rest.find("msg!(") {
            rest = rest[at + 5..].trim_start();
            if let Some(literal) = rest.strip_prefix('"') {
                if let Some(end) = literal.find('"') {
                    ids.insert(literal[..end].to_owned());
                }
            }
        }
    }
    ids
}

/// The ids (dotted) of one language's files; panics on a syntax error or
/// a duplicate.
fn ids_in_files(lang: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for (path, text) in sources(lang) {
        let resource = fluent_syntax::parser::parse(text)
            .unwrap_or_else(|(_, errors)| panic!("{path}: {errors:?}"));
        for entry in resource.body {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                let id = m.id.name.replace('_', ".");
                assert!(ids.insert(id), "{path}: `{}` defined twice", m.id.name);
            }
        }
    }
    ids
}

#[test]
fn every_message_the_code_uses_is_in_english_and_vietnamese() {
    let used = ids_in_code();
    assert!(used.len() > 20, "the scan found the ids: {used:?}");
    for lang in [ENGLISH, "vi"] {
        let defined = ids_in_files(lang);
        let missing: Vec<_> = used.difference(&defined).collect();
        assert!(
            missing.is_empty(),
            "missing from src/messages/{lang}/: {missing:?}"
        );
    }
}

#[test]
fn every_message_of_a_file_is_used_by_the_code() {
    let used = ids_in_code();
    for lang in Messages::available() {
        let defined = ids_in_files(lang);
        let unused: Vec<_> = defined.difference(&used).collect();
        assert!(
            unused.is_empty(),
            "src/messages/{lang}/ has ids the code never uses: {unused:?}"
        );
    }
}

#[test]
fn ids_use_dots_and_hyphens_only() {
    for id in ids_in_code() {
        assert!(
            id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-'),
            "`{id}`: lowercase letters, digits, `-` and `.` only (`.` becomes `_` in Fluent)"
        );
    }
}

#[test]
fn plurals_and_numbers_follow_the_language() {
    let en = Messages::new("en");
    let vi = Messages::new("vi");
    let errors = |m: &Messages, n: usize| m.text(&crate::msg!("summary.errors", count = n));
    assert_eq!(errors(&en, 1), "1 error");
    assert_eq!(errors(&en, 3), "3 errors");
    assert_eq!(errors(&vi, 1), "1 lỗi");
    assert_eq!(errors(&vi, 1234), "1.234 lỗi");
    assert_eq!(errors(&en, 1234), "1,234 errors");
}

#[test]
fn a_language_without_a_message_falls_back_to_english() {
    assert_eq!(Messages::new("de").lang(), "en");
    let vi = Messages::new("vi");
    assert_eq!(vi.get("no.such-id", &[]), "no.such-id");
}

#[test]
fn every_file_on_disk_is_listed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/messages");
    for lang in std::fs::read_dir(&dir).expect("read src/messages") {
        let lang = lang.expect("an entry");
        if !lang.path().is_dir() {
            continue;
        }
        let code = lang.file_name().to_string_lossy().into_owned();
        for file in std::fs::read_dir(lang.path()).expect("read a language folder") {
            let name = file
                .expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned();
            assert!(
                FILES.iter().any(|f| f.0 == code && f.1 == name),
                "src/messages/{code}/{name} is not listed in FILES (src/messages/mod.rs)"
            );
        }
    }
}
