//! The image pipeline: responsive variants in the configured widths and
//! formats, EXIF orientation, metadata stripping, the cache, `image()`, and
//! the errors for images that cannot be published.
//!
//! Fixture: `tests/fixtures/images-site/` (vi + en, base path `/portal/`),
//! with the photos of `tests/fixtures/images/` (see its README) copied in:
//! a folder article `tourism/ba-ra/` with `large.jpg` (2000 × 1000) beside
//! it, and `static/images/` with `gps.jpg`, `rotated.jpg` and `small.png`.

mod common;

use common::*;
use std::fs;
use std::path::Path;

fn photo(name: &str) -> Vec<u8> {
    fs::read(fixtures_dir().join("images").join(name)).expect("read fixture photo")
}

/// The fixture site with its photos in place.
fn site() -> Site {
    let site = Site::new("images-site");
    site.write("content/tourism/ba-ra/large.jpg", photo("large.jpg"));
    for name in ["gps.jpg", "rotated.jpg", "small.png"] {
        site.write(&format!("static/images/{name}"), photo(name));
    }
    site
}

fn decode(path: &Path) -> image::DynamicImage {
    image::open(path).unwrap_or_else(|e| panic!("decode {}: {e}", path.display()))
}

fn size(path: &Path) -> (u32, u32) {
    let img = decode(path);
    (img.width(), img.height())
}

/// Every output file whose name starts with `stem` (`images/gps`), with its bytes.
fn outputs_of(site: &Site, stem: &str) -> Vec<(String, Vec<u8>)> {
    let (dir, name) = stem.rsplit_once('/').unwrap_or(("", stem));
    let mut found: Vec<(String, Vec<u8>)> = fs::read_dir(site.public().join(dir))
        .expect("read output folder")
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(&format!("{name}."))
        })
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).expect("read output"),
            )
        })
        .collect();
    found.sort();
    found
}

#[test]
fn photos_get_variants_in_the_configured_widths_and_formats() {
    let site = site();
    site.build_ok(&[]);
    let dir = site.public().join("tourism/ba-ra");
    for (file, want) in [
        ("large.480w.webp", (480, 240)),
        ("large.960w.webp", (960, 480)),
        ("large.1600w.webp", (1600, 800)),
        ("large.480w.jpg", (480, 240)),
        ("large.960w.jpg", (960, 480)),
        // The original's path holds the largest JPEG.
        ("large.jpg", (1600, 800)),
    ] {
        assert_eq!(size(&dir.join(file)), want, "{file}");
    }
    assert!(
        !dir.join("large.1600w.jpg").exists(),
        "the largest JPEG is the original's path"
    );
    let html = site.read_public("tourism/ba-ra/index.html");
    let body = html.split("<main").nth(1).unwrap_or(&html);
    assert!(
        body.contains(concat!(
            "<picture><source type=\"image/webp\" srcset=\"/portal/tourism/ba-ra/large.480w.webp 480w, ",
            "/portal/tourism/ba-ra/large.960w.webp 960w, /portal/tourism/ba-ra/large.1600w.webp 1600w\""
        )),
        "{body}"
    );
    assert!(body.contains(concat!(
        "<img src=\"/portal/tourism/ba-ra/large.jpg\" srcset=\"/portal/tourism/ba-ra/large.480w.jpg 480w, ",
        "/portal/tourism/ba-ra/large.960w.jpg 960w, /portal/tourism/ba-ra/large.jpg 1600w\""
    )));
    assert!(body.contains(
        "width=\"1600\" height=\"800\" alt=\"Toàn cảnh núi Bà Rá\" loading=\"lazy\" decoding=\"async\"></picture>"
    ));
    // The English page shows the photo beside its own URL.
    assert!(site.has_public("en/tourism/ba-ra/large.480w.webp"));
    assert!(site
        .read_public("en/tourism/ba-ra/index.html")
        .contains("/portal/en/tourism/ba-ra/large.960w.webp 960w"));
}

#[test]
fn exif_orientation_is_applied_and_the_tag_dropped() {
    let site = site();
    site.build_ok(&[]);
    // Stored 64 × 32 with Orientation 6: displayed 32 × 64, red on top.
    let out = site.public().join("images/rotated.jpg");
    let img = decode(&out).to_rgb8();
    assert_eq!(img.dimensions(), (32, 64));
    let top = img.get_pixel(16, 8);
    let bottom = img.get_pixel(16, 56);
    assert!(
        top[0] > 200 && top[2] < 60,
        "top pixel {top:?} should be red"
    );
    assert!(
        bottom[2] > 200 && bottom[0] < 60,
        "bottom pixel {bottom:?} should be blue"
    );
    assert_eq!(
        size(&site.public().join("images/rotated.32w.webp")),
        (32, 64)
    );
    let html = site.read_public("tourism/dong-xoai/index.html");
    assert!(
        html.contains("width=\"32\" height=\"64\" alt=\"Tháp nước\""),
        "{html}"
    );
}

#[test]
fn metadata_and_gps_positions_are_not_published() {
    let site = site();
    site.build_ok(&[]);
    let files = outputs_of(&site, "images/gps");
    assert!(
        files.len() >= 2,
        "expected gps.jpg and its WebP, got {:?}",
        files.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    for (name, bytes) in &files {
        for secret in [
            &b"GPSLatitude"[..],
            b"secret-comment",
            b"MekongPhone",
            b"Exif\0\0",
            b"http://ns.adobe.com/xap/1.0/",
        ] {
            assert!(
                !bytes.windows(secret.len()).any(|w| w == secret),
                "{name} contains {}",
                String::from_utf8_lossy(secret)
            );
        }
    }
    // 200 px wide: never upscaled to 480.
    assert_eq!(size(&site.public().join("images/gps.jpg")), (200, 100));
    assert!(!site.has_public("images/gps.480w.webp"));
}

#[test]
fn small_images_are_not_upscaled_and_transparency_is_kept() {
    let site = site();
    site.build_ok(&[]);
    let names: Vec<String> = outputs_of(&site, "images/small")
        .into_iter()
        .map(|f| f.0)
        .collect();
    assert_eq!(
        names,
        ["small.300w.webp", "small.png"],
        "only the original size"
    );
    let webp = decode(&site.public().join("images/small.300w.webp")).to_rgba8();
    assert_eq!(webp.dimensions(), (300, 200));
    assert_eq!(
        webp.get_pixel(250, 100)[3],
        0,
        "the right half stays transparent"
    );
    assert_eq!(webp.get_pixel(50, 100)[3], 255);
}

#[test]
fn photos_no_page_shows_are_still_stripped() {
    let site = site();
    site.write("static/images/unused.jpg", photo("gps.jpg"));
    site.build_ok(&[]);
    let bytes = fs::read(site.public().join("images/unused.jpg")).expect("published");
    assert!(!bytes.windows(11).any(|w| w == b"GPSLatitude"));
    assert!(
        !site.has_public("images/unused.480w.webp"),
        "no variants for an unused photo"
    );
}

#[test]
fn a_second_build_takes_every_image_from_the_cache_and_unused_entries_are_pruned() {
    let site = site();
    site.build_ok(&[]);
    let cache = site.path(".mekong-cache/images");
    let entries: Vec<_> = fs::read_dir(&cache)
        .expect("cache folder")
        .flatten()
        .map(|e| e.path())
        .collect();
    assert!(entries.len() >= 10, "{} cache entries", entries.len());
    // Mark every cache entry: if the next build re-encoded anything, its
    // output would not carry the mark.
    for e in &entries {
        let mut bytes = fs::read(e).expect("read cache entry");
        bytes.extend_from_slice(b"CACHED");
        fs::write(e, bytes).expect("mark cache entry");
    }
    site.build_ok(&[]);
    for rel in [
        "tourism/ba-ra/large.480w.webp",
        "tourism/ba-ra/large.jpg",
        "images/rotated.jpg",
        "images/small.png",
    ] {
        let bytes = fs::read(site.public().join(rel)).expect("output");
        assert!(
            bytes.ends_with(b"CACHED"),
            "{rel} was made again instead of taken from the cache"
        );
    }
    // A photo that is gone leaves the cache with the next build.
    fs::remove_file(site.path("static/images/small.png")).expect("remove photo");
    site.write(
        "content/tourism/ba-ra/index.md",
        read(&site.path("content/tourism/ba-ra/index.md"))
            .replace("![Tranh thổ cẩm](/images/small.png)", ""),
    );
    site.build_ok(&[]);
    let after = fs::read_dir(&cache).expect("cache folder").count();
    assert_eq!(
        after,
        entries.len() - 2,
        "small.png's two entries are pruned"
    );
}

#[test]
fn the_image_function_gives_templates_the_variants() {
    let site = site();
    site.write(
        "templates/page.html",
        r#"{% extends "base.html" %}{% block main %}{% if page.image %}{% set img = image(src=page.image, widths=[200, 400]) %}<p id="lead" data-src="{{ img.src }}" data-srcset="{{ img.srcset }}" data-w="{{ img.width }}" data-h="{{ img.height }}">{% for s in img.sources %}<span data-type="{{ s.type }}" data-srcset="{{ s.srcset }}"></span>{% endfor %}</p>{% endif %}{% endblock %}"#,
    );
    site.build_ok(&[]);
    let html = site.read_public("tourism/ba-ra/index.html");
    assert!(
        html.contains(r#"data-src="/portal/tourism/ba-ra/large.jpg""#),
        "{html}"
    );
    assert!(html.contains(r#"data-srcset="/portal/tourism/ba-ra/large.200w.jpg 200w, /portal/tourism/ba-ra/large.400w.jpg 400w""#), "{html}");
    assert!(html.contains(r#"data-w="1600" data-h="800""#));
    assert!(html.contains(r#"data-type="image/webp" data-srcset="/portal/tourism/ba-ra/large.200w.webp 200w, /portal/tourism/ba-ra/large.400w.webp 400w""#));
    assert_eq!(
        size(&site.public().join("tourism/ba-ra/large.400w.webp")),
        (400, 200)
    );
}

#[test]
fn the_lead_image_is_a_url_templates_can_use() {
    let site = site();
    site.build_ok(&[]);
    let html = site.read_public("tourism/ba-ra/index.html");
    assert!(
        html.contains("/portal/tourism/ba-ra/large.jpg"),
        "page.image is the published photo's URL"
    );
}

#[test]
fn a_missing_alt_text_is_a_warning_with_file_and_line() {
    let site = site();
    site.write(
        "content/tourism/dong-xoai.md",
        "---\ntitle: Đồng Xoài\n---\nẢnh.\n\n![](/images/gps.jpg)\n",
    );
    let run = site.build_ok(&[]);
    run.expect(&Expect {
        severity: "warning",
        file: Some("content/tourism/dong-xoai.md"),
        line: Some(6),
        message: &["no alt text"],
        ..Default::default()
    });
}

/// A build that must fail without writing `public/`.
fn fails(site: &Site) -> Run {
    let run = site.build(&[]);
    run.assert_code(1);
    assert!(!site.public().exists(), "a failed build wrote public/");
    run
}

#[test]
fn a_truncated_photo_is_an_error_at_the_line_that_shows_it() {
    let site = site();
    site.write("static/images/cut.jpg", photo("truncated.jpg"));
    site.write(
        "content/tourism/dong-xoai.md",
        "---\ntitle: Đồng Xoài\n---\nẢnh.\n\n![Chợ](/images/cut.jpg)\n",
    );
    let run = fails(&site);
    run.expect(&Expect {
        severity: "error",
        file: Some("content/tourism/dong-xoai.md"),
        line: Some(6),
        message: &["cut.jpg", "truncated"],
        ..Default::default()
    });
}

#[test]
fn a_file_that_is_not_an_image_is_an_error() {
    let site = site();
    site.write("content/tourism/ba-ra/fake.jpg", photo("not-an-image.jpg"));
    site.write(
        "content/tourism/ba-ra/index.md",
        "---\ntitle: Núi Bà Rá\nimage: fake.jpg\n---\nĐỉnh núi.\n",
    );
    let run = fails(&site);
    run.expect(&Expect {
        severity: "error",
        file: Some("content/tourism/ba-ra/index.md"),
        line: Some(3),
        message: &["fake.jpg", "not an image"],
        ..Default::default()
    });
}

#[test]
fn a_broken_photo_no_page_shows_is_an_error_naming_it() {
    let site = site();
    site.write("static/images/cut.jpg", photo("truncated.jpg"));
    let run = fails(&site);
    run.expect(&Expect {
        severity: "error",
        file: Some("static/images/cut.jpg"),
        message: &["truncated"],
        ..Default::default()
    });
}

#[test]
fn a_lead_image_that_leaves_the_site_or_is_missing_is_an_error_at_its_line() {
    let site = site();
    site.write(
        "content/tourism/dong-xoai.md",
        "---\ntitle: Đồng Xoài\nimage: ../../../etc/passwd\n---\nẢnh.\n",
    );
    site.write(
        "content/tourism/ba-ra/index.en.md",
        "---\ntitle: Ba Ra\nimage: nowhere.jpg\n---\nText.\n",
    );
    let run = fails(&site);
    run.expect(&Expect {
        severity: "error",
        file: Some("content/tourism/dong-xoai.md"),
        line: Some(3),
        message: &["leaves the site"],
        ..Default::default()
    });
    run.expect(&Expect {
        severity: "error",
        file: Some("content/tourism/ba-ra/index.en.md"),
        line: Some(3),
        message: &["nowhere.jpg"],
        ..Default::default()
    });
}

#[test]
fn a_photo_symlinked_from_outside_the_site_is_refused() {
    use std::os::unix::fs::symlink;
    let site = site();
    let outside = site.outside("secret.jpg");
    fs::write(&outside, photo("gps.jpg")).expect("write outside");
    symlink(&outside, site.path("content/tourism/ba-ra/secret.jpg")).expect("symlink");
    site.write(
        "content/tourism/ba-ra/index.md",
        "---\ntitle: Núi Bà Rá\n---\n![x](secret.jpg)\n",
    );
    let run = fails(&site);
    run.expect(&Expect {
        severity: "error",
        message: &["secret.jpg"],
        ..Default::default()
    });
}

#[test]
fn unknown_image_formats_in_site_yaml_are_errors() {
    let site = site();
    site.write(
        "site.yaml",
        read(&site.path("site.yaml")) + "images: { widths: [480], formats: [avif, jpeg] }\n",
    );
    let run = fails(&site);
    run.expect(&Expect {
        severity: "error",
        file: Some("site.yaml"),
        message: &["avif"],
        ..Default::default()
    });
}
