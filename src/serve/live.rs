//! Live reload: the script added to every HTML page `warta serve` sends
//! (never to `warta build` output), the error overlay, and the hub that
//! sends Server-Sent Events to every open tab.
//!
//! Each tab holds an `EventSource` on [`EVENTS_PATH`]. On connecting it gets
//! a `hello` event with the current state; after each build every tab gets
//! `reload` (a good build: the tab saves its scroll position in
//! `sessionStorage` and reloads, then scrolls back) or `errors` (a failed
//! build: the tab shows the overlay and keeps its page; the server keeps
//! serving the last good site). The state is `{"version": "…", "errors":
//! [...] | null}`; a tab whose page is older than `version` reloads.

use super::engine::{DiagView, ErrorReport};
use crate::escape::html as esc;
use bytes::Bytes;
use std::sync::Mutex;
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};

/// The Server-Sent Events stream.
pub const EVENTS_PATH: &str = "/__warta/events";
/// The current state as JSON (for tools and tests).
pub const STATE_PATH: &str = "/__warta/state";
/// The live-reload script. It is a file, not inline, so the pages'
/// Content-Security-Policy (`script-src 'self'`) allows it; it styles the
/// overlay through CSSOM, which the policy allows, where `style="…"` in
/// markup would be refused.
pub const SCRIPT_PATH: &str = "/__warta/live.js";

/// The state sent to tabs.
#[derive(serde::Serialize)]
pub struct State<'a> {
    pub version: &'a str,
    pub errors: Option<&'a [DiagView]>,
}

impl State<'_> {
    pub fn json(&self) -> String {
        // `<` escaped so the JSON can sit inside a <script> element.
        serde_json::to_string(self)
            .unwrap_or_else(|_| "{}".into())
            .replace('<', "\\u003c")
    }
}

/// One SSE message.
pub fn event(name: &str, data: &str) -> Bytes {
    let mut s = format!("event: {name}\n");
    for line in data.lines() {
        s.push_str("data: ");
        s.push_str(line);
        s.push('\n');
    }
    s.push('\n');
    Bytes::from(s)
}

/// Every connected tab.
#[derive(Default)]
pub struct Hub {
    clients: Mutex<Vec<UnboundedSender<Bytes>>>,
}

impl Hub {
    pub fn subscribe(&self, first: Bytes) -> UnboundedReceiver<Bytes> {
        let (tx, rx) = unbounded_channel();
        let _ = tx.send(first);
        self.clients
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(tx);
        rx
    }
    /// Sends to every tab; forgets tabs that went away.
    pub fn broadcast(&self, msg: Bytes) {
        self.clients
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|c| c.send(msg.clone()).is_ok());
    }
    pub fn len(&self) -> usize {
        self.clients.lock().map(|c| c.len()).unwrap_or(0)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

const BOX: &str = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(17,17,17,.96);color:#fff;font:15px/1.5 system-ui,sans-serif;padding:2em";

/// The overlay, made on the server (so the errors are in the page even
/// before the script runs); the script rebuilds it, styled, on load and
/// when errors arrive by SSE.
pub fn overlay_html(report: &ErrorReport) -> String {
    let Some(words) = report.items.first().map(|d| &d.words) else {
        return String::new();
    };
    let mut h = format!(
        "<div id=\"__warta_overlay\" role=\"alert\"><div><h2>{}</h2><p>{}</p>",
        esc(&words.title),
        esc(&words.intro)
    );
    for d in &report.items {
        h.push_str("<div>");
        if let Some(l) = &d.location {
            h.push_str(&format!("<div>{}</div>", esc(l)));
        }
        h.push_str(&format!(
            "<div><b>{}[{}]:</b> {}</div>",
            esc(d.severity),
            esc(d.code),
            esc(&d.message)
        ));
        for (loc, label) in &d.related {
            h.push_str(&format!(
                "<div>{}: <span>{}</span> {}</div>",
                esc(&words.note),
                esc(loc),
                esc(label)
            ));
        }
        if let Some(help) = &d.help {
            h.push_str(&format!("<div>{}: {}</div>", esc(&words.help), esc(help)));
        }
        h.push_str("</div>");
    }
    h.push_str("</div></div>");
    h
}

/// What is added before `</body>` of every HTML page served: the overlay,
/// the state as an inert JSON block, and the script that reads it.
pub fn snippet(state_json: &str, report: Option<&ErrorReport>) -> String {
    let overlay = report.map(overlay_html).unwrap_or_default();
    format!(
        "{overlay}<script type=\"application/json\" id=\"__warta_state\">{state_json}</script>\
         <script id=\"__warta_live\" src=\"{SCRIPT_PATH}\"></script>"
    )
}

/// The script served at [`SCRIPT_PATH`].
pub static SCRIPT: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    SCRIPT_TEMPLATE
        .replace("__EVENTS__", EVENTS_PATH)
        .replace("__BOX__", BOX)
});

/// Adds the snippet to a page: before the last `</body>`, or at the end.
pub fn inject(html: &[u8], snippet: &str) -> Vec<u8> {
    let at = find_last_ci(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + snippet.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(snippet.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn find_last_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if hay.len() < needle.len() {
        return None;
    }
    (0..=hay.len() - needle.len())
        .rev()
        .find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// A page for when no build has succeeded yet: only the overlay and the
/// script, so it reloads into the site once the errors are fixed.
pub fn no_site_page(snippet: &str) -> Vec<u8> {
    format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>warta serve</title></head><body><p>No good build yet.</p>{snippet}</body></html>"
    )
    .into_bytes()
}

const SCRIPT_TEMPLATE: &str = r#"(function(){
var S={};try{S=JSON.parse(document.getElementById("__warta_state").textContent)}catch(e){}
var K="warta-scroll:"+location.pathname;
try{var y=sessionStorage.getItem(K);if(y!==null){sessionStorage.removeItem(K);var go=function(){window.scrollTo(0,+y)};go();if(document.readyState!=="complete")addEventListener("load",go);}}catch(e){}
function reload(){try{sessionStorage.setItem(K,String(window.scrollY||0));history.scrollRestoration="manual"}catch(e){}location.reload();}
function el(t,css,txt){var e=document.createElement(t);if(css)e.style.cssText=css;if(txt!=null)e.textContent=txt;return e;}
function overlay(items){
var o=document.getElementById("__warta_overlay");if(o)o.remove();
if(!items||!items.length)return;
o=el("div","__BOX__");o.id="__warta_overlay";o.setAttribute("role","alert");
var w=el("div","max-width:60em;margin:auto");o.appendChild(w);
var W=items[0].words;
w.appendChild(el("h2","color:#ff8080;margin:0 0 .5em",W.title));
w.appendChild(el("p","margin:0 0 1em;color:#ccc",W.intro));
items.forEach(function(d){
var b=el("div","margin:0 0 1.2em;padding:.8em 1em;border-left:4px solid #ff8080;background:#2a2a2a");
if(d.location)b.appendChild(el("div","font-family:monospace;color:#9cf",d.location));
var m=el("div");m.appendChild(el("b","",d.severity+"["+d.code+"]:"));m.appendChild(document.createTextNode(" "+d.message));b.appendChild(m);
(d.related||[]).forEach(function(r){b.appendChild(el("div","color:#ccc",W.note+": "+r[0]+" "+r[1]))});
if(d.help)b.appendChild(el("div","color:#9f9",W.help+": "+d.help));
w.appendChild(b);});
document.body.appendChild(o);}
window.__warta={state:S};
function onState(ev){var d;try{d=JSON.parse(ev.data)}catch(e){return}
if(d.errors){overlay(d.errors);return;}
if(d.version!==S.version){reload();return;}
overlay(null);}
overlay(S.errors);
if(!window.EventSource)return;
var es=new EventSource("__EVENTS__");
["hello","reload","errors"].forEach(function(n){es.addEventListener(n,onState)});
})();"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn injects_before_the_last_body_end() {
        let out = inject(b"<html><body>x</BODY></html>", "<s>");
        assert_eq!(out, b"<html><body>x<s></BODY></html>");
        assert_eq!(inject(b"plain", "<s>"), b"plain<s>");
    }

    #[test]
    fn overlay_escapes_messages() {
        let r = ErrorReport {
            items: vec![DiagView {
                severity: "error",
                code: "unknown-field",
                location: Some("content/berita/a.md:2:1".into()),
                message: "bad <script>alert(1)</script>".into(),
                related: vec![],
                help: Some("use \"x\" & y".into()),
                words: super::super::engine::OverlayWords::new(&crate::diag::Catalog::new(
                    crate::diag::Lang::Id,
                )),
            }],
        };
        let h = overlay_html(&r);
        assert!(h.contains("bad &lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(h.contains("use &quot;x&quot; &amp; y"));
        assert!(h.contains("<b>error[unknown-field]:</b>"), "{h}");
        assert!(h.contains("<h2>warta: situs ini punya error</h2>"), "{h}");
        let state = State {
            version: "1",
            errors: Some(&r.items),
        }
        .json();
        assert!(!state.contains("</script>"));
    }

    #[test]
    fn events_are_framed() {
        assert_eq!(&event("reload", "{}")[..], b"event: reload\ndata: {}\n\n");
    }
}
