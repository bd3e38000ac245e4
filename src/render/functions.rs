//! Template functions and filters: `t`, `url`, `pages`, `asset`; `date`,
//! `number`, `json`. Each reads the shared, immutable [`Shared`] data and
//! the page's `lang` from the template context.

use super::Shared;
use crate::config::LangCode;
use crate::content::front_matter::Date;
use fluent_bundle::{FluentArgs, FluentValue};
use std::sync::Arc;
use tera::{Error, Kwargs, State, Tera, TeraResult, Value};

fn current_lang(kwargs: &Kwargs, state: &State) -> TeraResult<String> {
    if let Some(l) = kwargs.get::<String>("lang")? {
        return Ok(l);
    }
    Ok(state.get::<String>("lang")?.unwrap_or_default())
}

/// Registers every function and filter name with a body that is never
/// called: enough for Tera to check templates before the site is resolved.
pub(crate) fn register_names(tera: &mut Tera) {
    for name in ["t", "url", "pages", "events", "projects", "asset", "image"] {
        tera.register_function(name, |_: Kwargs, _: &State| -> TeraResult<Value> {
            Ok(Value::none())
        });
    }
    for name in ["date", "number", "json", "slug"] {
        tera.register_filter(
            name,
            |v: Value, _: Kwargs, _: &State| -> TeraResult<Value> { Ok(v) },
        );
    }
}

/// Registers mekong's functions and filters.
pub(crate) fn register(tera: &mut Tera, shared: Arc<Shared>) {
    let s = shared.clone();
    tera.register_function("t", move |kwargs: Kwargs, state: &State| -> TeraResult<String> {
        let key: String = kwargs.must_get("key")?;
        let lang = LangCode(current_lang(&kwargs, state)?);
        let mut args = FluentArgs::new();
        for (k, v) in kwargs.iter() {
            let name = k.to_string();
            if name == "key" || name == "lang" || name == "default" {
                continue;
            }
            let value: FluentValue<'static> = match v.as_f64() {
                Some(n) if v.is_number() => FluentValue::from(n),
                _ => FluentValue::from(v.as_str().map(str::to_owned).unwrap_or_else(|| v.to_string())),
            };
            args.set(name, value);
        }
        let args = (!kwargs.iter().all(|(k, _)| matches!(k.to_string().as_str(), "key" | "lang" | "default"))).then_some(&args);
        let default: Option<String> = kwargs.get("default")?;
        match s.locales.message(&lang, &key, args) {
            Ok(Some(text)) => Ok(text),
            Ok(None) if default.is_some() => Ok(default.unwrap_or_default()),
            Ok(None) => Err(Error::message(format!(
                "no Fluent message `{key}` in `{lang}` or its fallback languages; add `{key} = ...` to locales/{lang}/*.ftl"
            ))),
            Err(e) => Err(Error::message(e)),
        }
    });

    let s = shared.clone();
    tera.register_function(
        "url",
        move |kwargs: Kwargs, state: &State| -> TeraResult<String> {
            let path: String = kwargs.must_get("path")?;
            let lang = current_lang(&kwargs, state)?;
            if path.contains("://") || path.starts_with("//") || path.starts_with("mailto:") {
                return Ok(path);
            }
            if let Some(target) = path.strip_prefix("@/") {
                let (p, anchor) = target
                    .split_once('#')
                    .map_or((target, None), |(p, a)| (p, Some(a)));
                let url = s.links.url(p, &lang).ok_or_else(|| {
                    Error::message(format!("url(): there is no article `{path}`"))
                })?;
                return Ok(match anchor {
                    Some(a) => format!("{url}#{a}"),
                    None => url.to_owned(),
                });
            }
            let rel = path.trim_start_matches('/');
            let last = rel.trim_end_matches('/').rsplit('/').next().unwrap_or("");
            // Files (`/css/site.css`, `/sitemap.xml`) are the same in every language.
            let is_file = last.contains('.') && !rel.ends_with('/');
            let prefix = if is_file {
                "/".to_owned()
            } else {
                s.lang_prefixes
                    .get(&lang)
                    .cloned()
                    .unwrap_or_else(|| "/".into())
            };
            let base = s.base_path.trim_end_matches('/');
            Ok(crate::urls::encode_path(&format!("{base}{prefix}{rel}")))
        },
    );

    let s = shared.clone();
    tera.register_function(
        "pages",
        move |kwargs: Kwargs, state: &State| -> TeraResult<Value> {
            let lang = current_lang(&kwargs, state)?;
            let section: Option<String> = kwargs.get("section")?;
            let limit: Option<usize> = kwargs.get("limit")?;
            let sort: Option<String> = kwargs.get("sort")?;
            let list: &[Value] = match &section {
                Some(sec) => s
                    .lists
                    .get(&(sec.clone(), lang.clone()))
                    .map_or(&[], Vec::as_slice),
                None => s.all.get(&lang).map_or(&[], Vec::as_slice),
            };
            let mut items: Vec<Value> = match sort.as_deref() {
                None => list
                    .iter()
                    .take(limit.unwrap_or(usize::MAX))
                    .cloned()
                    .collect(),
                Some(key @ ("date" | "title" | "weight")) => {
                    let mut v = list.to_vec();
                    let field =
                        |x: &Value| x.get_from_path(key).cloned().unwrap_or_else(Value::none);
                    v.sort_by(|a, b| {
                        let (fa, fb) = (field(a), field(b));
                        let ord = fa.partial_cmp(&fb).unwrap_or(std::cmp::Ordering::Equal);
                        if key == "date" {
                            ord.reverse()
                        } else {
                            ord
                        }
                    });
                    v.truncate(limit.unwrap_or(usize::MAX));
                    v
                }
                Some(other) => {
                    return Err(Error::message(format!(
                        "pages(): sort must be date, title or weight, not `{other}`"
                    )))
                }
            };
            items.shrink_to_fit();
            Ok(Value::from(items))
        },
    );

    let s = shared.clone();
    tera.register_function(
        "events",
        move |kwargs: Kwargs, state: &State| -> TeraResult<Value> {
            let lang = current_lang(&kwargs, state)?;
            let limit: Option<usize> = kwargs.get("limit")?;
            let list = s.events.get(&lang).map_or(&[][..], Vec::as_slice);
            Ok(Value::from(
                list.iter()
                    .take(limit.unwrap_or(usize::MAX))
                    .cloned()
                    .collect::<Vec<_>>(),
            ))
        },
    );

    tera.register_filter("slug", |value: String, _: Kwargs, _: &State| -> String {
        crate::content::slug::slugify(&value)
    });

    let s = shared.clone();
    tera.register_function(
        "projects",
        move |kwargs: Kwargs, state: &State| -> TeraResult<Value> {
            let lang = current_lang(&kwargs, state)?;
            Ok(s.projects.get(&lang).cloned().unwrap_or_else(Value::none))
        },
    );

    let s = shared.clone();
    tera.register_function(
        "asset",
        move |kwargs: Kwargs, _: &State| -> TeraResult<String> {
            let path: String = kwargs.must_get("path")?;
            let rel = path.trim_start_matches('/');
            let hash = s.statics.fingerprint(rel).ok_or_else(|| {
                Error::message(format!(
                    "asset(): there is no static file `{rel}` in static/ or the theme's static/"
                ))
            })?;
            let base = s.base_path.trim_end_matches('/');
            Ok(format!(
                "{}?v={hash}",
                crate::urls::encode_path(&format!("{base}/{rel}"))
            ))
        },
    );

    let s = shared.clone();
    tera.register_function(
        "image",
        move |kwargs: Kwargs, _: &State| -> TeraResult<Value> {
            let src: String = kwargs.must_get("src")?;
            let widths: Option<Vec<u32>> = kwargs.get("widths")?;
            image(&s, &src, widths.as_deref())
                .map_err(|e| Error::message(format!("image(src=\"{src}\"): {e}")))
        },
    );

    let s = shared.clone();
    tera.register_filter(
        "date",
        move |value: Value, kwargs: Kwargs, state: &State| -> TeraResult<String> {
            if value.is_none() || value.is_undefined() {
                return Ok(String::new());
            }
            let text = value
                .as_str()
                .map(str::to_owned)
                .unwrap_or_else(|| value.to_string());
            let date = Date::parse(&text)
                .ok_or_else(|| Error::message(format!("date(): `{text}` is not a date")))?;
            let style: String = kwargs.get("format")?.unwrap_or_else(|| "medium".into());
            let lang = LangCode(current_lang(&kwargs, state)?);
            Ok(match s.locales.formats(&lang) {
                Some(f) => f.date(&date, &style),
                None => date.to_string(),
            })
        },
    );

    let s = shared.clone();
    tera.register_filter(
        "number",
        move |value: Value, kwargs: Kwargs, state: &State| -> TeraResult<String> {
            let n = value
                .as_f64()
                .ok_or_else(|| Error::message(format!("number(): `{value}` is not a number")))?;
            let decimals: Option<usize> = kwargs.get("decimals")?;
            let lang = LangCode(current_lang(&kwargs, state)?);
            Ok(match s.locales.formats(&lang) {
                Some(f) => f.number(n, decimals),
                None => n.to_string(),
            })
        },
    );

    let _ = &shared.origin;
    tera.register_filter(
        "json",
        |value: Value, _: Kwargs, _: &State| -> TeraResult<Value> {
            let text =
                serde_json::to_string(&value).map_err(|e| Error::message(format!("json: {e}")))?;
            // Safe inside <script>: every `<` escaped, so neither `</script>` nor `<!--` ends it early.
            Ok(Value::safe_string(&text.replace('<', "\\u003c")))
        },
    );
}

/// `image(src, widths?)`: the responsive variants of a photo. `src` is a URL
/// as `page.image` gives it, or a path under static/ or content/.
fn image(s: &Shared, src: &str, widths: Option<&[u32]>) -> Result<Value, String> {
    let base = s.base_path.trim_end_matches('/');
    let url = |p: &str| crate::urls::encode_path(&format!("{base}/{p}"));
    let plain = |u: String| {
        Value::from_serializable(&serde_json::json!({
            "src": u, "width": null, "height": null, "type": null, "srcset": "", "sources": [],
        }))
    };
    if src.contains("://") || src.starts_with("//") || src.starts_with("data:") {
        return Ok(plain(src.to_owned()));
    }
    let decoded = percent_encoding::percent_decode_str(src.split(['?', '#']).next().unwrap_or(src))
        .decode_utf8_lossy()
        .into_owned();
    let within = decoded
        .strip_prefix(base)
        .filter(|rest| rest.starts_with('/'))
        .unwrap_or(&decoded);
    let path = crate::paths::normalize_inside(std::path::Path::new(within.trim_start_matches('/')))
        .ok_or("the path leaves the site")?
        .to_string_lossy()
        .replace('\\', "/");
    if !crate::images::is_raster(&path) {
        return Ok(plain(url(&path)));
    }
    // A photo of the built-in theme is used as it is.
    if matches!(
        s.statics.source(&path),
        Some(crate::output::FileSource::Embedded(_))
    ) {
        return Ok(plain(url(&path)));
    }
    let lookup = |p: &str| -> Option<std::path::PathBuf> {
        if let Some(crate::output::FileSource::Disk(abs)) = s.statics.source(p) {
            return Some(abs.clone());
        }
        let abs = s.root.join("content").join(p);
        (abs.is_file() && crate::paths::is_inside(&s.root, &abs)).then_some(abs)
    };
    let picture = s.images.request(&path, widths, &lookup)?;
    Ok(Value::from_serializable(&picture.value(&url)))
}
