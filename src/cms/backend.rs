//! Where the editor signs in and commits: `cms.backend` of `data/site.yaml`
//! (docs/cms.md, "Signing in"). GitHub through the OAuth provider Netlify
//! runs for the sites it hosts is the default; GitLab and Gitea sign in
//! with PKCE (an OAuth app, no server of our own); Git Gateway (Netlify
//! Identity, deprecated by Netlify) stays as a legacy choice.
//!
//! The names of the backends are `model::CmsBackend`; what `cms:` must
//! say to sign in is checked by `validate::cms`, for `check` and `build`.

use crate::model::records::CmsRecord;
use crate::model::{cms_setting, CmsBackend};
use serde::Serialize;

/// Only Git Gateway signs in through Netlify Identity, which needs its
/// widget on the page and its e-mails.
pub fn uses_identity(cms: &CmsRecord) -> bool {
    CmsBackend::of(cms) == CmsBackend::GitGateway
}

/// Netlify's OAuth provider for GitHub (site settings → Access control →
/// OAuth): Decap opens `<base_url>/<auth_endpoint>` in a pop-up.
pub const NETLIFY_OAUTH: &str = "https://api.netlify.com";
pub const NETLIFY_AUTH_ENDPOINT: &str = "auth";
const GITHUB_API: &str = "https://api.github.com";
const GITLAB: &str = "https://gitlab.com";

/// `backend:` of `admin/config.yml`.
#[derive(Serialize)]
pub struct Backend<'a> {
    name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    repo: Option<&'a str>,
    branch: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    base_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    auth_endpoint: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    auth_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    app_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    api_root: Option<String>,
    commit_messages: CommitMessages,
}

#[derive(Serialize)]
struct CommitMessages {
    create: &'static str,
    update: &'static str,
    delete: &'static str,
    #[serde(rename = "uploadMedia")]
    upload_media: &'static str,
    #[serde(rename = "deleteMedia")]
    delete_media: &'static str,
}

/// The backend settings Decap reads, with warta's defaults filled in.
pub fn config(cms: &CmsRecord) -> Backend<'_> {
    let kind = CmsBackend::of(cms);
    let base = cms_setting(&cms.base_url);
    let api = cms_setting(&cms.api_root);
    let mut b = Backend {
        name: kind.as_str(),
        repo: cms_setting(&cms.repo),
        branch: cms_setting(&cms.branch).unwrap_or("main"),
        base_url: None,
        auth_endpoint: None,
        auth_type: None,
        app_id: cms_setting(&cms.app_id),
        api_root: api.map(str::to_string),
        commit_messages: CommitMessages {
            create: "Tambah {{collection}} “{{slug}}” (lewat editor)",
            update: "Ubah {{collection}} “{{slug}}” (lewat editor)",
            delete: "Hapus {{collection}} “{{slug}}” (lewat editor)",
            upload_media: "Unggah “{{path}}” (lewat editor)",
            delete_media: "Hapus “{{path}}” (lewat editor)",
        },
    };
    match kind {
        CmsBackend::GitHub => {
            b.base_url = Some(base.unwrap_or(NETLIFY_OAUTH).to_string());
            b.auth_endpoint =
                Some(cms_setting(&cms.auth_endpoint).unwrap_or(NETLIFY_AUTH_ENDPOINT));
        }
        CmsBackend::GitLab => {
            b.auth_type = Some("pkce");
            b.base_url = base.map(str::to_string);
            b.auth_endpoint = cms_setting(&cms.auth_endpoint);
            // A self-hosted GitLab's API lives on the same server.
            if b.api_root.is_none() {
                b.api_root = base.map(|u| format!("{u}/api/v4"));
            }
        }
        CmsBackend::Gitea => {
            b.base_url = base.map(str::to_string);
            // Decap's default is try.gitea.io: always the site's own server.
            if b.api_root.is_none() {
                b.api_root = base.map(|u| format!("{u}/api/v1"));
            }
        }
        CmsBackend::GitGateway => {
            b.repo = None;
            b.app_id = None;
            b.api_root = None;
        }
    }
    b
}

/// The origins the editor's page talks to (for `connect-src`): the API of
/// the backend and, for PKCE, the server that hands out the token.
pub fn origins(cms: &CmsRecord) -> Vec<String> {
    let b = config(cms);
    let mut urls: Vec<String> = match CmsBackend::of(cms) {
        CmsBackend::GitHub => vec![b.api_root.unwrap_or_else(|| GITHUB_API.to_string())],
        CmsBackend::GitLab => vec![
            b.base_url.clone().unwrap_or_else(|| GITLAB.to_string()),
            b.api_root.unwrap_or_else(|| GITLAB.to_string()),
        ],
        CmsBackend::Gitea => b.base_url.into_iter().chain(b.api_root).collect(),
        CmsBackend::GitGateway => vec![],
    };
    urls.iter_mut().for_each(|u| *u = origin(u));
    urls.sort();
    urls.dedup();
    urls
}

/// `https://host[:port]` of an address.
fn origin(url: &str) -> String {
    let rest_at = url.find("://").map_or(0, |i| i + 3);
    let end = url[rest_at..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| rest_at + i);
    url[..end].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cms(yaml: &str) -> CmsRecord {
        serde_yaml::from_str(yaml).unwrap()
    }

    #[test]
    fn github_signs_in_through_netlify_by_default() {
        let c = cms("repo: a/b");
        let v = serde_json::to_value(config(&c)).unwrap();
        assert_eq!(v["name"], "github");
        assert_eq!(v["repo"], "a/b");
        assert_eq!(v["branch"], "main");
        assert_eq!(v["base_url"], NETLIFY_OAUTH);
        assert_eq!(v["auth_endpoint"], "auth");
        assert!(v.get("auth_type").is_none());
        assert_eq!(origins(&c), ["https://api.github.com"]);
    }

    #[test]
    fn gitlab_uses_pkce_and_a_self_hosted_server_for_its_api() {
        let c = cms("backend: gitlab\nrepo: g/s/n\napp_id: abc\n");
        let v = serde_json::to_value(config(&c)).unwrap();
        assert_eq!(v["auth_type"], "pkce");
        assert_eq!(v["app_id"], "abc");
        assert!(v.get("base_url").is_none(), "Decap's default: gitlab.com");
        assert_eq!(origins(&c), ["https://gitlab.com"]);
        let c = cms("backend: gitlab\nrepo: g/n\napp_id: abc\nbase_url: https://git.example.id/\n");
        let v = serde_json::to_value(config(&c)).unwrap();
        assert_eq!(v["base_url"], "https://git.example.id");
        assert_eq!(v["api_root"], "https://git.example.id/api/v4");
        assert_eq!(origins(&c), ["https://git.example.id"]);
    }

    #[test]
    fn gitea_talks_to_its_own_server_never_decaps_default() {
        let c =
            cms("backend: gitea\nrepo: a/b\napp_id: x\nbase_url: https://gitea.example.id:3000\n");
        let v = serde_json::to_value(config(&c)).unwrap();
        assert_eq!(v["api_root"], "https://gitea.example.id:3000/api/v1");
        assert_eq!(origins(&c), ["https://gitea.example.id:3000"]);
    }

    #[test]
    fn git_gateway_needs_no_repository_and_talks_only_to_the_site() {
        let c = cms("backend: git-gateway\nrepo: a/b\nbranch: terbit\n");
        let v = serde_json::to_value(config(&c)).unwrap();
        assert_eq!(v["name"], "git-gateway");
        assert_eq!(v["branch"], "terbit");
        assert!(v.get("repo").is_none() && v.get("base_url").is_none());
        assert!(origins(&c).is_empty());
        assert!(uses_identity(&c));
        assert!(!uses_identity(&cms("repo: a/b")));
    }
}
