//! The rules of `cms:` in `data/site.yaml` beyond serde's: a known backend,
//! and what it needs to sign in (docs/cms.md, "Signing in"). The editor
//! itself (`cms::backend`) reads the same settings through the same
//! [`CmsBackend`] and [`cms_setting`], so what passes here is what it uses.

use crate::diag::{shorten, suggest, Diagnostic, Diagnostics};
use crate::model::records::CmsRecord;
use crate::model::{cms_setting, CmsBackend};
use crate::yaml::Origin;

/// Run by `check` and `build` alike (from `rules::config`).
pub fn check(cms: &CmsRecord, o: &Origin, diags: &mut Diagnostics) {
    let kind = match cms.backend.as_deref().map(str::trim) {
        None => CmsBackend::GitHub,
        Some(name) => match CmsBackend::parse(name) {
            Some(k) => k,
            None => {
                diags.push(
                    Diagnostic::error(
                        o.value("cms/backend"),
                        crate::msg!("cms-backend-unknown", backend = shorten(name)),
                    )
                    .with_help_opt(suggest::did_you_mean(
                        name,
                        CmsBackend::NAMES.iter().copied(),
                    )),
                );
                return;
            }
        },
    };
    // A site that says nothing about the editor keeps local editing
    // (`warta serve` + decap-server); the page itself explains what is
    // missing. Once `cms:` is written, what it lacks is an error.
    if !o.has("cms") || kind == CmsBackend::GitGateway {
        return;
    }
    let example = "perpusnas/situs-tpbis";
    match cms_setting(&cms.repo) {
        None => diags.push(
            Diagnostic::error(
                o.value("cms"),
                crate::msg!("cms-repo-missing", backend = kind.as_str()),
            )
            .with_help(crate::msg!("cms-repo-missing-help", example = example)),
        ),
        Some(repo) if !repo_shape(repo, kind == CmsBackend::GitLab) => diags.push(
            Diagnostic::error(
                o.value("cms/repo"),
                crate::msg!("cms-repo-shape", repo = shorten(repo)),
            )
            .with_help(crate::msg!("cms-repo-shape-help", example = example)),
        ),
        Some(_) => {}
    }
    if matches!(kind, CmsBackend::GitLab | CmsBackend::Gitea) && cms_setting(&cms.app_id).is_none()
    {
        diags.push(
            Diagnostic::error(
                o.value("cms"),
                crate::msg!("cms-app-id-missing", backend = kind.as_str()),
            )
            .with_help(crate::msg!("cms-app-id-missing-help")),
        );
    }
    if kind == CmsBackend::Gitea && cms_setting(&cms.base_url).is_none() {
        diags.push(
            Diagnostic::error(o.value("cms"), crate::msg!("cms-gitea-base-url"))
                .with_help(crate::msg!("cms-gitea-base-url-help")),
        );
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
