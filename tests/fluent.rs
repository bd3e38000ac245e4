//! Fluent messages through templates: fallback chains, plurals per language,
//! numbers and dates formatted for the page's language.
//!
//! Fixture `tests/fixtures/fluent/`: one article in vi, en, lo and km, and
//! the site's own templates; `templates/page.html` prints one value per
//! `<p id=..>`, so each assertion reads exactly one thing.

mod common;

use common::*;

fn built() -> Site {
    let site = Site::new("fluent");
    site.build_ok(&[]);
    site
}

/// The text of `<p id="ID">` in the article of language `lang`.
fn field(site: &Site, lang: &str, id: &str) -> String {
    let file = match lang {
        "vi" => "news/so-lieu/index.html".to_string(),
        l => format!("{l}/news/so-lieu/index.html"),
    };
    let html = site.read_public(&file);
    let open = format!("<p id=\"{id}\">");
    let start = html
        .find(&open)
        .unwrap_or_else(|| panic!("no {open} in {file}:\n{html}"))
        + open.len();
    let end = html[start..].find("</p>").expect("closed") + start;
    html[start..end].to_string()
}

#[test]
fn a_message_missing_in_lao_and_khmer_comes_from_english_first() {
    let site = built();
    assert_eq!(
        field(&site, "vi", "only-vi-en"),
        "Chỉ có ở tiếng Việt và tiếng Anh (vi)"
    );
    assert_eq!(
        field(&site, "en", "only-vi-en"),
        "Only in Vietnamese and English (en)"
    );
    assert_eq!(
        field(&site, "lo", "only-vi-en"),
        "Only in Vietnamese and English (en)",
        "lo falls back to [en, vi]: en first"
    );
    assert_eq!(
        field(&site, "km", "only-vi-en"),
        "Only in Vietnamese and English (en)"
    );
}

#[test]
fn a_message_only_the_default_language_has_ends_the_fallback_chain() {
    let site = built();
    for lang in ["vi", "en", "lo", "km"] {
        assert_eq!(
            field(&site, lang, "only-vi"),
            "Chỉ có ở tiếng Việt",
            "{lang}"
        );
    }
}

#[test]
fn t_with_an_explicit_lang_uses_that_language() {
    let site = built();
    for lang in ["vi", "lo", "km"] {
        assert_eq!(
            field(&site, lang, "explicit-lang"),
            "Only in Vietnamese and English (en)",
            "{lang}"
        );
    }
}

#[test]
fn english_plurals_have_a_singular_and_a_plural_form() {
    let site = built();
    assert_eq!(field(&site, "en", "one"), "1 article");
    assert_eq!(field(&site, "en", "two"), "2 articles");
}

#[test]
fn vietnamese_lao_and_khmer_plurals_have_one_form() {
    let site = built();
    // Each file also has a [one] variant: CLDR gives these languages only
    // `other`, so it must never be chosen.
    assert_eq!(field(&site, "vi", "one"), "1 bài viết");
    assert_eq!(field(&site, "vi", "two"), "2 bài viết");
    assert_eq!(field(&site, "lo", "one"), "1 ບົດຄວາມ");
    assert_eq!(field(&site, "lo", "two"), "2 ບົດຄວາມ");
    assert_eq!(field(&site, "km", "one"), "1 អត្ថបទ");
    assert_eq!(field(&site, "km", "two"), "2 អត្ថបទ");
}

#[test]
fn the_number_filter_groups_digits_for_the_language() {
    let site = built();
    assert_eq!(field(&site, "vi", "number"), "1.234.567");
    assert_eq!(field(&site, "en", "number"), "1,234,567");
    assert_eq!(field(&site, "vi", "decimals"), "2,50");
    assert_eq!(field(&site, "en", "decimals"), "2.50");
    for lang in ["lo", "km"] {
        let n = field(&site, lang, "number");
        assert_ne!(n, "1234567", "{lang}: digits are grouped");
        assert_eq!(
            n.chars().filter(char::is_ascii_digit).collect::<String>(),
            "1234567",
            "{lang}: {n}"
        );
    }
}

#[test]
fn numbers_inside_fluent_messages_are_formatted_for_the_language() {
    let site = built();
    assert_eq!(field(&site, "vi", "fluent-number"), "1.234.567 lượt khách");
    assert_eq!(field(&site, "en", "fluent-number"), "1,234,567 visitors");
    assert_eq!(
        field(&site, "lo", "fluent-number"),
        format!("ນັກທ່ອງທ່ຽວ {} ຄົນ", field(&site, "lo", "number")),
        "Fluent placeables and the number filter agree"
    );
    assert_eq!(
        field(&site, "km", "fluent-number"),
        format!("ភ្ញៀវ {} នាក់", field(&site, "km", "number"))
    );
}

#[test]
fn dates_are_written_in_the_language_of_the_page() {
    let site = built();
    assert_eq!(field(&site, "en", "date"), "May 12, 2026");
    let vi = field(&site, "vi", "date");
    assert!(
        vi.contains("12") && vi.contains("tháng 5") && vi.contains("2026"),
        "{vi}"
    );
    assert!(!vi.contains("May"), "{vi}");
    let lo = field(&site, "lo", "date");
    assert!(
        lo.contains("ພຶດສະພາ") && lo.contains("2026"),
        "Lao month name: {lo}"
    );
    let km = field(&site, "km", "date");
    assert!(
        km.contains("ឧសភា") && km.contains("2026"),
        "Khmer month name: {km}"
    );
    for lang in ["vi", "en", "lo", "km"] {
        assert_eq!(field(&site, lang, "date-pattern"), "12/05/2026", "{lang}");
    }
}

#[test]
fn check_lists_every_message_a_language_takes_from_its_fallbacks() {
    let site = Site::new("fluent");
    let run = site.check(&[]);
    run.assert_ok();
    for (lang, id, from) in [
        ("lo", "only-vi-en", "en"),
        ("km", "only-vi-en", "en"),
        ("en", "only-vi", "vi"),
        ("lo", "only-vi", "vi"),
    ] {
        run.expect(&Expect {
            severity: "warning",
            message: &[
                &format!("`{id}`"),
                &format!("`{lang}`"),
                &format!("`{from}`"),
            ],
            hint: &[&format!("locales/{lang}/")],
            ..Default::default()
        });
    }
    assert!(
        !site.public().exists(),
        "check writes nothing: {}",
        site.public().display()
    );
}

// --- A translator's mistakes, reported at the translator's file and line ---

/// The fixture with a Thai translation (falling back to English, then
/// Vietnamese) whose files are `files`: (name under locales/th/, text).
fn with_thai(files: &[(&str, &str)]) -> Site {
    let site = Site::new("fluent");
    site.edit_site_yaml(
        "search: false",
        "  - code: th\n    name: ไทย\n    fallback: [en, vi]\nsearch: false",
    );
    for (name, text) in files {
        site.write(&format!("locales/th/{name}"), text);
    }
    site
}

#[test]
fn an_id_the_default_language_lacks_is_a_warning_with_the_near_id() {
    let site = with_thai(&[(
        "site.ftl",
        "only-vi = เฉพาะภาษาเวียดนาม\nvisitrs = ผู้เยี่ยมชม { $count } คน\n",
    )]);
    let run = site.check(&[]);
    run.assert_ok();
    run.expect(&Expect {
        severity: "warning",
        file: Some("locales/th/site.ftl"),
        line: Some(2),
        message: &["`visitrs`", "default language `vi`"],
        hint: &["did you mean `visitors`?"],
    });
    let elsewhere: Vec<_> = run
        .diagnostics()
        .into_iter()
        .filter(|d| d.message.contains("`visitrs`") && !d.message.contains("not a message"))
        .collect();
    assert!(
        elsewhere.is_empty(),
        "a stray id is not missing in the other languages: {elsewhere:?}"
    );
}

#[test]
fn a_variable_the_default_message_lacks_is_an_error_at_the_translation() {
    let site = Site::new("fluent");
    site.write(
        "locales/lo/site.ftl",
        "n-articles = { $count ->\n   *[other] { $count } ບົດຄວາມ\n}\nvisitors = ນັກທ່ອງທ່ຽວ { $cont } ຄົນ\n",
    );
    let run = site.build(&[]);
    run.assert_code(1);
    run.expect(&Expect {
        severity: "error",
        file: Some("locales/lo/site.ftl"),
        line: Some(4),
        message: &["`visitors`", "`$cont`"],
        hint: &["did you mean `$count`?"],
    });
    for d in run.diagnostics() {
        assert!(
            !(d.message.contains("Fluent")
                && d.file.as_deref().is_some_and(|f| f.contains("templates"))),
            "a message's failure is the message's, not the template's: {d:?}"
        );
    }
}

#[test]
fn a_select_without_a_default_variant_is_an_error_at_the_translation() {
    let site = with_thai(&[(
        "site.ftl",
        "only-vi = เฉพาะภาษาเวียดนาม\nn-articles = { $count ->\n    [other] { $count } บทความ\n}\n",
    )]);
    let run = site.check(&[]);
    run.assert_code(1);
    run.expect(&Expect {
        severity: "error",
        file: Some("locales/th/site.ftl"),
        line: Some(2),
        message: &["default variant"],
        hint: &["*[other]"],
    });
}

#[test]
fn a_message_failing_at_render_time_is_reported_at_its_ftl_line() {
    let site = Site::new("fluent");
    let page = site.path("templates/page.html");
    let mut template = std::fs::read_to_string(&page).expect("read page.html");
    template.push_str("<p id=\"no-count\">{{ t(key='visitors') }}</p>\n");
    site.write("templates/page.html", template);
    let run = site.build(&[]);
    run.assert_code(1);
    run.expect(&Expect {
        severity: "error",
        file: Some("locales/vi/site.ftl"),
        line: Some(8),
        message: &["`visitors`", "$count"],
        hint: &["page.html:", "/news/so-lieu/"],
    });
    run.expect(&Expect {
        severity: "error",
        file: Some("locales/lo/site.ftl"),
        line: Some(6),
        message: &["`visitors`", "$count"],
        ..Default::default()
    });
}

#[test]
fn an_unclosed_brace_is_reported_on_its_own_line() {
    let site = with_thai(&[(
        "site.ftl",
        "only-vi = เฉพาะภาษาเวียดนาม\nvisitors = ผู้เยี่ยมชม { $count คน\nonly-vi-en = ภาษาไทย\n",
    )]);
    let run = site.check(&[]);
    run.assert_code(1);
    run.expect(&Expect {
        severity: "error",
        file: Some("locales/th/site.ftl"),
        line: Some(2),
        message: &["syntax"],
        hint: &["`}`"],
    });
}

#[test]
fn a_duplicate_id_names_both_files_and_both_lines() {
    let site = with_thai(&[
        ("a.ftl", "only-vi = เฉพาะภาษาเวียดนาม\n"),
        ("b.ftl", "# Thai\n\nonly-vi = อีกครั้ง\n"),
    ]);
    let run = site.check(&[]);
    run.assert_code(1);
    run.expect(&Expect {
        severity: "error",
        file: Some("locales/th/b.ftl"),
        line: Some(3),
        message: &["`only-vi`", "defined twice", "locales/th/a.ftl:1"],
        ..Default::default()
    });
}
