//! Where the editor signs in and commits: `cms.backend` of `data/site.yaml`
//! (docs/cms.md, "Signing in"). GitHub through the OAuth provider Netlify
//! runs for the sites it hosts is the default; GitLab and Gitea sign in
//! with PKCE (an OAuth app, no server of our own); Git Gateway (Netlify
//! Identity, deprecated by Netlify) stays as a legacy choice.

use crate::diag::{shorten, suggest, Diagnostic, Diagnostics};
use crate::model::records::CmsRecord;
use crate::yaml::Origin;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    GitHub,
    GitLab,
    Gitea,
    GitGateway,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::GitHub, Kind::GitLab, Kind::Gitea, Kind::GitGateway];

    /// The name in `site.yaml`, which is also Decap's.
    pub fn name(self) -> &'static str {
        match self {
            Kind::GitHub => "github",
            Kind::GitLab => "gitlab",
            Kind::Gitea => "gitea",
            Kind::GitGateway => "git-gateway",
        }
    }

    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The backend the site chose; an unknown name (refused by `check`)
    /// counts as the default.
    pub fn of(cms: &CmsRecord) -> Kind {
        cms.backend
            .as_deref()
            .and_then(Kind::parse)
            .unwrap_or(Kind::GitHub)
    }

    /// Only Git Gateway signs in through Netlify Identity, which needs its
    /// widget on the page and its e-mails.
    pub fn uses_identity(self) -> bool {
        self == Kind::GitGateway
    }
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

fn trimmed(v: &Option<String>) -> Option<&str> {
    v.as_deref()
        .map(|s| s.trim().trim_end_matches('/'))
        .filter(|s| !s.is_empty())
}

/// The backend settings Decap reads, with warta's defaults filled in.
pub fn config(cms: &CmsRecord) -> Backend<'_> {
    let kind = Kind::of(cms);
    let base = trimmed(&cms.base_url);
    let api = trimmed(&cms.api_root);
    let mut b = Backend {
        name: kind.name(),
        repo: trimmed(&cms.repo),
        branch: trimmed(&cms.branch).unwrap_or("main"),
        base_url: None,
        auth_endpoint: None,
        auth_type: None,
        app_id: trimmed(&cms.app_id),
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
        Kind::GitHub => {
            b.base_url = Some(base.unwrap_or(NETLIFY_OAUTH).to_string());
            b.auth_endpoint = Some(trimmed(&cms.auth_endpoint).unwrap_or(NETLIFY_AUTH_ENDPOINT));
        }
        Kind::GitLab => {
            b.auth_type = Some("pkce");
            b.base_url = base.map(str::to_string);
            b.auth_endpoint = trimmed(&cms.auth_endpoint);
            // A self-hosted GitLab's API lives on the same server.
            if b.api_root.is_none() {
                b.api_root = base.map(|u| format!("{u}/api/v4"));
            }
        }
        Kind::Gitea => {
            b.base_url = base.map(str::to_string);
            // Decap's default is try.gitea.io: always the site's own server.
            if b.api_root.is_none() {
                b.api_root = base.map(|u| format!("{u}/api/v1"));
            }
        }
        Kind::GitGateway => {
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
    let mut urls: Vec<String> = match Kind::of(cms) {
        Kind::GitHub => vec![b.api_root.unwrap_or_else(|| GITHUB_API.to_string())],
        Kind::GitLab => vec![
            b.base_url.clone().unwrap_or_else(|| GITLAB.to_string()),
            b.api_root.unwrap_or_else(|| GITLAB.to_string()),
        ],
        Kind::Gitea => b.base_url.into_iter().chain(b.api_root).collect(),
        Kind::GitGateway => vec![],
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

/// Whether a repository name has the `owner/name` shape (GitLab groups
/// may nest: `group/subgroup/name`).
fn repo_shape(repo: &str, nested: bool) -> bool {
    let parts: Vec<&str> = repo.split('/').collect();
    let ok_part = |p: &&str| {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    };
    (parts.len() == 2 || (nested && parts.len() > 2)) && parts.iter().all(ok_part)
}

/// The rules of `cms:` beyond serde's: a known backend, and what it needs
/// to sign in. Run by `check` and `build` alike (validate::rules).
pub fn check(cms: &CmsRecord, o: &Origin, diags: &mut Diagnostics) {
    let names = Kind::ALL.map(Kind::name);
    let kind = match cms.backend.as_deref().map(str::trim) {
        None => Kind::GitHub,
        Some(name) => match Kind::parse(name) {
            Some(k) => k,
            None => {
                diags.push(
                    Diagnostic::error(
                        o.value("cms/backend"),
                        crate::msg!("cms-backend-unknown", backend = shorten(name)),
                    )
                    .with_help_opt(suggest::did_you_mean(name, names.iter().copied())),
                );
                return;
            }
        },
    };
    // A site that says nothing about the editor keeps local editing
    // (`warta serve` + decap-server); the page itself explains what is
    // missing. Once `cms:` is written, what it lacks is an error.
    if !o.has("cms") || kind == Kind::GitGateway {
        return;
    }
    let example = "perpusnas/situs-tpbis";
    match trimmed(&cms.repo) {
        None => diags.push(
            Diagnostic::error(
                o.value("cms"),
                crate::msg!("cms-repo-missing", backend = kind.name()),
            )
            .with_help(crate::msg!("cms-repo-missing-help", example = example)),
        ),
        Some(repo) if !repo_shape(repo, kind == Kind::GitLab) => diags.push(
            Diagnostic::error(
                o.value("cms/repo"),
                crate::msg!("cms-repo-shape", repo = shorten(repo)),
            )
            .with_help(crate::msg!("cms-repo-shape-help", example = example)),
        ),
        Some(_) => {}
    }
    if matches!(kind, Kind::GitLab | Kind::Gitea) && trimmed(&cms.app_id).is_none() {
        diags.push(
            Diagnostic::error(
                o.value("cms"),
                crate::msg!("cms-app-id-missing", backend = kind.name()),
            )
            .with_help(crate::msg!("cms-app-id-missing-help")),
        );
    }
    if kind == Kind::Gitea && trimmed(&cms.base_url).is_none() {
        diags.push(
            Diagnostic::error(o.value("cms"), crate::msg!("cms-gitea-base-url"))
                .with_help(crate::msg!("cms-gitea-base-url-help")),
        );
    }
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
        assert!(Kind::of(&c).uses_identity());
        assert!(!Kind::of(&cms("repo: a/b")).uses_identity());
    }

    #[test]
    fn repository_names_have_an_owner_and_a_name() {
        for ok in ["a/b", "perpusnas/situs-tpbis", "A_1/b.c"] {
            assert!(repo_shape(ok, false), "{ok}");
        }
        for bad in [
            "",
            "a",
            "a/",
            "/b",
            "a b/c",
            "https://github.com/a/b",
            "a/b/c",
        ] {
            assert!(!repo_shape(bad, false), "{bad}");
        }
        assert!(repo_shape("g/s/n", true));
    }
}
