//! The site's icons and web manifest, so a shared or installed page shows
//! the site's icon and no page asks for a `/favicon.ico` that is not there.
//!
//! With `icon:` in site.yaml (a square PNG or JPEG of at least 512 px,
//! checked by the image pipeline) every size is made from it by the image
//! pipeline; without it, the theme's icon is drawn here (the site's
//! initial on the theme colour, `images::icon`). Either way the site gets
//! `/favicon.ico`, PNGs of 32, 180 (Apple touch icon), 192 and 512 pixels,
//! and `/manifest.webmanifest` (docs/images.md).

use super::{view::Cx, OutFile};
use crate::images::{icon, Fit, Format, Plan};
use serde::Serialize;
use serde_json::json;

/// The theme's colours when site.yaml names none.
pub const THEME_COLOR: &str = "#0b5563";
pub const BACKGROUND_COLOR: &str = "#ffffff";
/// Where the manifest is published.
pub const MANIFEST: &str = "/manifest.webmanifest";

/// A `<link>` of every page's head.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct IconLink {
    pub rel: &'static str,
    pub href: String,
    pub sizes: Option<&'static str>,
    #[serde(rename = "type")]
    pub mime: &'static str,
}

/// What every page's head links, and the files behind the links.
pub struct Icons {
    pub links: Vec<IconLink>,
    pub theme_color: String,
    pub files: Vec<OutFile>,
}

/// The icon sizes: (side, rel, the `sizes` attribute, in the manifest).
const SIZES: [(u32, &str, &str, bool); 4] = [
    (32, "icon", "32x32", false),
    (180, "apple-touch-icon", "180x180", false),
    (192, "", "192x192", true),
    (512, "", "512x512", true),
];

/// The icons and manifest of the site. `plan` makes a site's own icon in
/// every size (without it, as in `warta serve`, the original is linked).
/// `draw: false` gives the links alone (for pages rendered again).
pub fn build(cx: &Cx, plan: Option<&Plan>, draw: bool) -> Result<Icons, String> {
    let app = &cx.site.config.app;
    let theme_color = app.theme_color.clone().unwrap_or(THEME_COLOR.into());
    let background = app
        .background_color
        .clone()
        .unwrap_or(BACKGROUND_COLOR.into());
    let mut files = Vec::new();
    let mut links = Vec::new();
    // (URL, side) of each size, for the links and the manifest.
    let mut made: Vec<(String, u32)> = Vec::new();
    let maskable;
    match &app.icon {
        Some(own) => {
            maskable = false;
            for (side, ..) in SIZES {
                let url = match plan {
                    Some(p) => {
                        p.resize(&own.url, side, side, Fit::Cover, Some(Format::Png))?
                            .url
                    }
                    None => own.url.clone(),
                };
                made.push((url, side));
            }
            if let Some(p) = plan {
                let ico = p.resize(&own.url, 32, 32, Fit::Cover, Some(Format::Ico))?;
                p.publish_at(&ico, "/favicon.ico");
            }
        }
        None => {
            // Full bleed, the letter well inside the middle 80 %: fit for
            // the round and squircle masks of phone home screens.
            maskable = true;
            let letter = icon::initial(app.short_name.as_deref().unwrap_or(&cx.site.config.title));
            let rgb = rgb(&theme_color);
            for (side, ..) in SIZES {
                // iOS asks for `/apple-touch-icon.png` even unlinked.
                let url = match side {
                    180 => "/apple-touch-icon.png".to_string(),
                    _ => format!("/icon-{side}.png"),
                };
                files.push(OutFile {
                    path: url[1..].to_string(),
                    bytes: if draw {
                        icon::png(letter, rgb, side)
                    } else {
                        Vec::new()
                    },
                });
                made.push((url, side));
            }
            if !draw {
                files.clear();
            }
            files.extend(draw.then(|| OutFile {
                path: "favicon.ico".into(),
                bytes: icon::ico(&icon::png(letter, rgb, 32), 32, 32),
            }));
            files.extend(draw.then(|| OutFile {
                path: "favicon.svg".into(),
                bytes: icon::svg(letter, rgb).into_bytes(),
            }));
            links.push(IconLink {
                rel: "icon",
                href: "/favicon.svg".into(),
                sizes: None,
                mime: "image/svg+xml",
            });
        }
    }
    for ((url, _), (_, rel, sizes, _)) in made.iter().zip(SIZES) {
        if !rel.is_empty() {
            links.push(IconLink {
                rel,
                href: url.clone(),
                sizes: Some(sizes),
                mime: "image/png",
            });
        }
    }
    let icons: Vec<serde_json::Value> = made
        .iter()
        .zip(SIZES)
        .filter(|(_, (.., listed))| *listed)
        .map(|((url, _), (_, _, sizes, _))| {
            json!({
                "src": url,
                "sizes": sizes,
                "type": "image/png",
                "purpose": if maskable { "any maskable" } else { "any" },
            })
        })
        .collect();
    let c = &cx.site.config;
    let mut manifest = json!({
        "id": "/",
        "name": c.title,
        "short_name": app.short_name.clone().unwrap_or_else(|| short(&c.title)),
        "lang": c.language,
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "theme_color": theme_color,
        "background_color": background,
        "icons": icons,
    });
    if let Some(d) = &c.description {
        manifest["description"] = json!(d.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    files.push(OutFile {
        path: MANIFEST[1..].to_string(),
        // `<`, `>`, `&` as `\u` escapes: the same JSON, and no text from
        // site.yaml looks like markup to anything that sniffs the file.
        bytes: crate::escape::json_for_script(&manifest).into_bytes(),
    });
    Ok(Icons {
        links,
        theme_color,
        files,
    })
}

/// The short name when site.yaml gives none: the title up to its first
/// dash or colon (`TPBIS — Transformasi …` → `TPBIS`), else its first
/// word.
fn short(title: &str) -> String {
    let head = title
        .split(['—', '–', ':', '|'])
        .next()
        .unwrap_or(title)
        .trim();
    if head.chars().count() <= 12 && !head.is_empty() {
        return head.to_string();
    }
    head.split_whitespace().next().unwrap_or("").to_string()
}

/// `#rrggbb` (checked by validate) as RGB; the theme's teal otherwise.
fn rgb(hex: &str) -> [u8; 3] {
    let h = hex.trim_start_matches('#');
    let byte = |i: usize| h.get(i..i + 2).and_then(|b| u8::from_str_radix(b, 16).ok());
    match (byte(0), byte(2), byte(4)) {
        (Some(r), Some(g), Some(b)) if h.len() == 6 => [r, g, b],
        _ => [11, 85, 99],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_and_colours() {
        assert_eq!(short("TPBIS — Transformasi Perpustakaan"), "TPBIS");
        assert_eq!(
            short("Perpustakaan Nasional Republik Indonesia"),
            "Perpustakaan"
        );
        assert_eq!(short("Warta"), "Warta");
        assert_eq!(rgb("#0b5563"), [11, 85, 99]);
        assert_eq!(rgb("#ffffff"), [255, 255, 255]);
    }
}
