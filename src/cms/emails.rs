//! The e-mails Netlify Identity sends officers (invitation, address
//! confirmation, password recovery, new address), in Indonesian; written
//! only for the legacy `git-gateway` backend ([`super::backend`]). Netlify
//! reads each from the published site: in the site's settings, Identity →
//! Emails → "Path to template", e.g. `/admin/email/undangan.html`
//! (docs/cms.md). Their links open `/admin/`, where the Identity widget
//! completes them; Netlify's own templates point at the home page, which
//! does not load the widget (readers should not pay for it).
//!
//! `{{ .SiteURL }}` and `{{ .Token }}` are Netlify's (Go template)
//! placeholders, filled in when the e-mail is sent.

use crate::site::Site;

/// Each e-mail: file name, subject line (the `<title>`), heading, text,
/// link text, and the token name Netlify's widget reads from the address.
pub const EMAILS: [(&str, &str, &str, &str, &str, &str); 4] = [
    (
        "undangan",
        "Undangan ke ruang redaksi",
        "Anda diundang ke ruang redaksi",
        "Anda diundang untuk menulis dan menyunting di situs",
        "Terima undangan dan buat kata sandi",
        "invite_token",
    ),
    (
        "konfirmasi",
        "Konfirmasi alamat e-mail",
        "Konfirmasi alamat e-mail Anda",
        "Satu langkah lagi untuk masuk ke ruang redaksi situs",
        "Konfirmasi alamat e-mail",
        "confirmation_token",
    ),
    (
        "pemulihan",
        "Atur ulang kata sandi",
        "Atur ulang kata sandi",
        "Ada permintaan untuk mengatur ulang kata sandi ruang redaksi situs",
        "Buat kata sandi baru",
        "recovery_token",
    ),
    (
        "ganti-email",
        "Konfirmasi alamat e-mail baru",
        "Konfirmasi alamat e-mail baru",
        "Ada permintaan untuk mengganti alamat e-mail akun ruang redaksi situs",
        "Konfirmasi alamat baru",
        "email_change_token",
    ),
];

/// `(URL path, bytes)` of every template.
pub fn files(site: &Site) -> Vec<(String, Vec<u8>)> {
    let title = super::esc(&site.config.title);
    EMAILS
        .iter()
        .map(|(name, subject, heading, text, link, token)| {
            let html = format!(
                "<!doctype html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n\
                 <title>{subject} · {title}</title>\n</head>\n<body>\n<h2>{heading}</h2>\n\
                 <p>{text} <strong>{title}</strong> ({{{{ .SiteURL }}}}).</p>\n\
                 <p><a href=\"{{{{ .SiteURL }}}}/admin/#{token}={{{{ .Token }}}}\">{link}</a></p>\n\
                 <p>Jika Anda tidak merasa meminta ini, abaikan e-mail ini.</p>\n</body>\n</html>\n"
            );
            (format!("/admin/email/{name}.html"), html.into_bytes())
        })
        .collect()
}
