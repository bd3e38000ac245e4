//! `mekong new` and `mekong init`: files an editor or a web team starts from.

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::messages::{Message, Messages};
use crate::msg;
use std::path::Path;

fn one(d: Diagnostic) -> Diagnostics {
    Diagnostics::from_iter([d])
}

/// Today's date (UTC) as `YYYY-MM-DD`, from the system clock.
fn today() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0) as i64;
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn title_of(slug: &str) -> String {
    let words = slug.replace(['-', '_'], " ");
    let mut c = words.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// `mekong new SECTION/SLUG [--lang L]`: a draft article with its front matter.
/// The article's starting text is in `messages`' language.
pub fn new_article(
    root: &Path,
    path: &str,
    lang: Option<&str>,
    messages: &Messages,
) -> Result<Message, Diagnostics> {
    let config = crate::config::Config::load(root)?;
    let path = path.trim_matches('/').trim_end_matches(".md");
    let lang_code = lang.unwrap_or(config.default_language.as_str());
    if !config.has_language(lang_code) {
        return Err(super::translate::unknown_language(&config, lang_code));
    }
    // A page outside any section (`about`) is only translated, never started here.
    if lang.is_some() && !path.contains('/') {
        if let Some(t) =
            super::translate::translation(root, &config, None, path, lang_code, messages)?
        {
            return write_new(root, &t.rel, &t.text).map(|()| t.said);
        }
    }
    let (section, slug) = path.split_once('/').ok_or_else(|| {
        one(
            Diagnostic::error(None, msg!("new.not-section-slug", path = path))
                .hint(msg!("new.not-section-slug.hint")),
        )
    })?;
    let section_clean = crate::content::slug::slugify(section);
    if section.contains("..") || section_clean != section {
        return Err(bad_path(&format!("{section}/{slug}"), &section_clean, slug));
    }
    let lang = lang_code;
    super::translate::check_section(root, section)?;
    // The article exists in some language (named by its file name or its
    // published slug): this is its translation.
    if !slug.contains('/') {
        if let Some(t) =
            super::translate::translation(root, &config, Some(section), slug, lang, messages)?
        {
            return write_new(root, &t.rel, &t.text).map(|()| t.said);
        }
    }
    let slug_clean = crate::content::slug::slugify(slug);
    if slug.contains('/') || slug_clean != slug {
        return Err(bad_path(&format!("{section}/{slug}"), section, &slug_clean));
    }
    let suffix = if lang == config.default_language.as_str() {
        String::new()
    } else {
        format!(".{lang}")
    };
    let rel = format!("content/{section}/{slug}{suffix}.md");
    let file = root.join(&rel);
    if file.exists() {
        return Err(one(Diagnostic::error(
            std::path::PathBuf::from(&rel),
            msg!("new.exists"),
        )
        .hint(msg!("new.exists.hint"))));
    }
    let say = |m: Message| messages.text(&m);
    let text = format!(
        "---\ntitle: \"{}\"\ndate: {}\ndescription: \"\"\ntags: []\ndraft: true\n---\n\n{}\n\n<!-- more -->\n\n## {}\n\n{}\n\n<!-- {} -->\n",
        title_of(slug),
        today(),
        say(msg!("new.body.first")),
        say(msg!("new.body.heading")),
        say(msg!("new.body.more")),
        say(msg!("new.body.links")),
    );
    write_new(root, &rel, &text)?;
    Ok(msg!("new.wrote", file = &rel))
}

/// `path` cannot name a new article: the hint gives it as a slug.
fn bad_path(path: &str, section: &str, slug: &str) -> Diagnostics {
    let clean = format!("{section}/{}", crate::content::slug::slugify(slug));
    one(Diagnostic::error(None, msg!("new.bad-path", path = path))
        .hint(msg!("new.bad-path.hint", path = clean)))
}

/// Writes `text` into `root/rel`, making its folder.
fn write_new(root: &Path, rel: &str, text: &str) -> Result<(), Diagnostics> {
    let file = root.join(rel);
    let io = |e: std::io::Error| {
        one(Diagnostic::error(
            std::path::PathBuf::from(rel),
            msg!("new.cannot-write", error = e.to_string()),
        ))
    };
    std::fs::create_dir_all(file.parent().unwrap_or(root)).map_err(io)?;
    std::fs::write(&file, text).map_err(io)
}

const SITE_YAML: &str = "title: My Province Portal
base_url: https://portal.example.org/
default_language: vi
languages:
  - code: vi
    name: Tiếng Việt
  - code: en
    name: English
    fallback: [vi]
  - code: lo
    name: ພາສາລາວ
    fallback: [en, vi]
  - code: km
    name: ភាសាខ្មែរ
    fallback: [en, vi]
untranslated: hide
paginate_by: 10
taxonomies: [tags]
feeds: true
feed_limit: 20
";

/// `mekong init DIR`: a new portal with four languages, the four sections
/// and a sample article in each, built with the built-in theme.
pub fn init(dir: &Path) -> Result<Message, Diagnostics> {
    if let Some(name) = first_visible_entry(dir) {
        return Err(one(Diagnostic::error(
            None,
            msg!("init.not-empty", folder = shown(dir), name = name),
        )
        .hint(msg!("init.not-empty.hint"))));
    }
    let sections: [(&str, [&str; 4], i32); 4] = [
        (
            "investment",
            ["Đầu tư", "Investment", "ການລົງທຶນ", "ការវិនិយោគ"],
            10,
        ),
        ("tourism", ["Du lịch", "Tourism", "ທ່ອງທ່ຽວ", "ទេសចរណ៍"], 20),
        ("culture", ["Văn hóa", "Culture", "ວັດທະນະທຳ", "វប្បធម៌"], 30),
        ("news", ["Tin tức", "News", "ຂ່າວ", "ព័ត៌មាន"], 40),
    ];
    let langs = ["vi", "en", "lo", "km"];
    let home = ["Cổng thông tin", "Portal", "ປະຕູຂໍ້ມູນ", "វិបផតថល"];
    let mut files: Vec<(String, String)> = vec![
        ("site.yaml".into(), SITE_YAML.into()),
        // The output and the image cache are made by builds, not written by hand.
        (".gitignore".into(), "/public/\n/.mekong-cache/\n".into()),
    ];
    for (i, lang) in langs.iter().enumerate() {
        let suffix = if *lang == "vi" {
            String::new()
        } else {
            format!(".{lang}")
        };
        files.push((
            format!("content/_index{suffix}.md"),
            format!("---\ntitle: \"{}\"\n---\n", home[i]),
        ));
        files.push((
            format!("locales/{lang}/site.ftl"),
            format!("site-title = {}\n", home[i]),
        ));
        for (name, titles, weight) in &sections {
            files.push((
                format!("content/{name}/_index{suffix}.md"),
                format!("---\ntitle: \"{}\"\nweight: {weight}\n---\n", titles[i]),
            ));
        }
    }
    let date = today();
    for (name, titles, _) in &sections {
        files.push((
            format!("content/{name}/welcome.md"),
            format!("---\ntitle: \"{} – bài viết mẫu\"\ndate: {date}\ndescription: \"Bài viết mẫu.\"\ntags: [{name}]\n---\n\nĐây là bài viết mẫu. Thay bằng nội dung của bạn.\n", titles[0]),
        ));
        files.push((
            format!("content/{name}/welcome.en.md"),
            format!("---\ntitle: \"{} – a sample article\"\ndate: {date}\ndescription: \"A sample article.\"\ntags: [{name}]\n---\n\nThis is a sample article. Replace it with your own.\n", titles[1]),
        ));
    }
    files.push(("static/.gitkeep".into(), String::new()));
    // A folder may already be a git repository with its own .gitignore:
    // add the lines it lacks rather than replacing it.
    if let Ok(existing) = std::fs::read_to_string(dir.join(".gitignore")) {
        if let Some((_, ours)) = files.iter_mut().find(|(rel, _)| rel == ".gitignore") {
            let missing: String = ours
                .lines()
                .filter(|l| !existing.lines().any(|e| e.trim() == *l))
                .map(|l| format!("{l}\n"))
                .collect();
            let sep = if existing.is_empty() || existing.ends_with('\n') {
                ""
            } else {
                "\n"
            };
            *ours = format!("{existing}{sep}{missing}");
        }
    }
    for (rel, text) in &files {
        let path = dir.join(rel);
        let io = |e: std::io::Error| {
            one(Diagnostic::error(
                path.clone(),
                msg!("new.cannot-write", error = e.to_string()),
            ))
        };
        std::fs::create_dir_all(path.parent().unwrap_or(dir)).map_err(io)?;
        std::fs::write(&path, text).map_err(io)?;
    }
    let build = if is_here(dir) {
        "`mekong build`".to_owned()
    } else {
        let dir = super::shell_word(&dir.display().to_string());
        format!("`mekong build --root {dir}`")
    };
    Ok(msg!(
        "init.wrote",
        folder = shown(dir),
        files = files.len(),
        build = build
    ))
}

/// Whether `dir` is the current folder (`.`, or a path to it).
fn is_here(dir: &Path) -> bool {
    dir.as_os_str().is_empty()
        || dir == Path::new(".")
        || std::env::current_dir()
            .ok()
            .zip(dir.canonicalize().ok())
            .is_some_and(|(cwd, d)| cwd == d)
}

fn shown(dir: &Path) -> Message {
    if is_here(dir) {
        msg!("init.current-folder")
    } else {
        msg!("init.folder", folder = dir)
    }
}

/// The first entry of `dir` that is not hidden: a folder that holds only
/// `.git` or `.gitignore` is as good as empty for a new site. `None` when
/// the folder does not exist yet.
fn first_visible_entry(dir: &Path) -> Option<String> {
    let entries = std::fs::read_dir(dir).ok()?;
    let mut names: Vec<String> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    names.into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn init_writes_a_portal_that_builds() {
        let dir = tempfile::tempdir().expect("tempdir");
        let site = dir.path().join("portal");
        init(&site).expect("init");
        let opts = crate::pipeline::Options {
            root: site.clone(),
            ..Default::default()
        };
        let built = crate::pipeline::build(&opts, &crate::output::Discard)
            .unwrap_or_else(|d| panic!("{:?}", d.items()));
        assert!(built.html_count() > 20);
        let ignore = std::fs::read_to_string(site.join(".gitignore")).unwrap_or_default();
        assert!(ignore.contains("/.mekong-cache/"), "{ignore}");
        assert!(init(&site).is_err(), "a non-empty folder is refused");
    }

    #[test]
    fn new_writes_a_draft_with_front_matter() {
        let dir = tempfile::tempdir().expect("tempdir");
        let site = dir.path().join("portal");
        init(&site).expect("init");
        new_article(&site, "tourism/thac-mo", None, Messages::english()).expect("new");
        let text =
            std::fs::read_to_string(site.join("content/tourism/thac-mo.md")).expect("written");
        assert!(text.contains("title: \"Thac mo\"") && text.contains("draft: true"));
        assert!(
            new_article(&site, "tourism/thac-mo", None, Messages::english()).is_err(),
            "existing file refused"
        );
        new_article(&site, "tourism/thac-mo", Some("en"), Messages::english())
            .expect("translation");
        assert!(site.join("content/tourism/thac-mo.en.md").is_file());
        assert!(new_article(&site, "tourism/Bad Slug", None, Messages::english()).is_err());
    }

    #[test]
    fn today_is_a_valid_date() {
        assert!(crate::content::front_matter::Date::parse(&today(), &Default::default()).is_some());
    }
}
