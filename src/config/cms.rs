//! `cms:` in `site.yaml`: the editing app published at `/admin/`.
//! In: the section as written. Out: [`CmsConfig`]; `src/cms/` turns it and
//! the rest of the configuration into the app's own configuration.

use crate::messages::Message;
use crate::msg;
use serde::{Deserialize, Serialize};

/// `cms:` as written. Present (even as `cms: {}`) means: publish `/admin/`.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct CmsConfig {
    /// Where uploaded images of plain articles go, relative to the site
    /// (`static/images`); folder articles keep theirs beside the article.
    pub media_folder: String,
    /// The git server the app commits to when it is not opened from
    /// `mekong serve` (a department's Gitea or Forgejo); without it the app
    /// only works through `mekong serve`.
    pub backend: Option<CmsBackend>,
}

impl Default for CmsConfig {
    fn default() -> Self {
        CmsConfig {
            media_folder: "static/images".into(),
            backend: None,
        }
    }
}

/// A git server for the app, passed to it as Decap's `backend:` settings.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CmsBackend {
    /// `gitea` (Gitea and Forgejo), `gitlab` or `github`.
    pub name: String,
    /// `owner/name` of the repository.
    pub repo: String,
    /// The branch to commit to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub branch: Option<String>,
    /// The server's address, for the login (`https://git.example.org`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// The server's API (`https://git.example.org/api/v1`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_root: Option<String>,
    /// The OAuth application's client id on that server.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_id: Option<String>,
}

/// Backends Decap can commit to that a department can run itself or use.
pub(crate) const BACKENDS: &[&str] = &["gitea", "gitlab", "github"];

/// The URL path of files in `media_folder` (`static/images` → `/images`);
/// `None` when the folder is not a plain folder under `static/`.
pub(crate) fn public_folder(media_folder: &str) -> Option<String> {
    let rest = media_folder.trim_end_matches('/').strip_prefix("static/")?;
    let plain = !rest.contains('\\')
        && rest
            .split('/')
            .all(|s| !s.is_empty() && s != "." && s != "..");
    plain.then(|| format!("/{rest}"))
}

/// What is wrong in `cms:`, as (key for the line, message, hint).
pub(super) fn problems(cms: &CmsConfig) -> Vec<(&'static str, Message, Message)> {
    let mut out = Vec::new();
    if public_folder(&cms.media_folder).is_none() {
        out.push((
            "cms",
            msg!("config.bad-media-folder", value = &cms.media_folder),
            msg!("config.bad-media-folder.hint"),
        ));
    }
    if let Some(b) = &cms.backend {
        if !BACKENDS.contains(&b.name.as_str()) {
            out.push((
                "cms",
                msg!("config.unknown-cms-backend", value = &b.name),
                msg!(
                    "config.unknown-cms-backend.hint",
                    values = BACKENDS.join(", ")
                ),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_folders_stay_in_static() {
        assert_eq!(public_folder("static/images").as_deref(), Some("/images"));
        assert_eq!(public_folder("static/a/b/").as_deref(), Some("/a/b"));
        for bad in ["../outside", "static/../../x", "", "static/", "content/x"] {
            assert_eq!(public_folder(bad), None, "{bad}");
        }
    }
}
