//! Building a [`Value`] from `saphyr-parser` events, in one pass that also
//! records every node's position, checks the limits of [`super::limits`]
//! before each node is kept, and finds what YAML allows but an author never
//! means (a field written twice, `&name` or `!name` in front of a value).
//!
//! Copies made with `*name` are expanded here, counted as written out, so
//! no document can grow beyond the limits however its anchors nest.

use super::bounded::{Bounded, Budget};
use super::limits::{self, Size, MAX_DEPTH, MAX_VALUE_BYTES};
use super::spans::{CharToByte, SpanIndex};
use super::value::{resolve_plain, Value};
use super::{syntax, Document};
use crate::diag::{shorten, Diagnostic, FileId, Span};
use saphyr_parser::{Event, Parser, ScalarStyle};
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

/// Parses `text` (starting at byte `base` of `file`) into a document.
pub(super) fn document(text: &str, file: FileId, base: usize) -> Result<Document, Diagnostic> {
    let mut b = Builder {
        text,
        file,
        base,
        to_byte: CharToByte::new(text),
        stack: Vec::new(),
        anchors: HashMap::new(),
        size: Size::default(),
        spans: SpanIndex::default(),
        root: None,
        documents: 0,
    };
    let budget = Rc::new(Budget::default());
    // Where the last event ended: where a read-ahead that went too far began.
    let mut last_end = 0;
    for ev in Parser::new(Bounded::new(text, budget.clone())) {
        if budget.tripped() {
            return Err(b.read_too_far(last_end));
        }
        budget.event();
        let (event, span) = ev.map_err(|e| {
            let at = b.to_byte.at(e.marker().index());
            syntax::explain(e.info(), text, at, file, base)
        })?;
        let range = b.to_byte.at(span.start.index())..b.to_byte.at(span.end.index());
        last_end = range.end.max(last_end);
        b.event(event, range)?;
    }
    if budget.tripped() {
        return Err(b.read_too_far(last_end));
    }
    b.unused_anchors();
    Ok(Document {
        value: b.root.unwrap_or_default(),
        spans: b.spans,
    })
}

struct Builder<'t> {
    text: &'t str,
    file: FileId,
    base: usize,
    to_byte: CharToByte<'t>,
    stack: Vec<Frame>,
    anchors: HashMap<usize, Anchor>,
    /// Values and text so far, copies written out.
    size: Size,
    spans: SpanIndex,
    root: Option<Value>,
    documents: usize,
}

struct Anchor {
    name: String,
    /// Where `&name` is written (byte), and the path of its node.
    at: usize,
    path: String,
    /// `None` while the anchored list or record is still open.
    value: Option<Value>,
    size: Size,
    copies: usize,
}

struct Frame {
    path: String,
    /// Byte where the collection starts (at its `&name` if it has one).
    start: usize,
    kind: FrameKind,
    anchor: usize,
    /// `size` when the collection started (its own size is the difference).
    size_at: Size,
    /// Whether this collection is a key of its parent mapping (`? [a]: b`).
    is_key: bool,
}

enum FrameKind {
    Seq(Vec<Value>),
    Map {
        entries: Vec<(Value, Value)>,
        /// The key read last, waiting for its value.
        key: Option<Key>,
        /// Each key's text and where it is written, to find one written twice.
        seen: HashMap<String, Range<usize>>,
    },
}

struct Key {
    value: Value,
    text: String,
    span: Range<usize>,
    /// A repeated key: its value is read and dropped.
    repeated: bool,
}

/// What a node is to its parent.
enum Role {
    /// A value, at this path, written after this key.
    Value(String, Option<Range<usize>>),
    /// The key of the mapping at this path.
    Key(String),
}

impl Builder<'_> {
    fn span(&self, r: &Range<usize>) -> Span {
        Span::new(self.file, self.base + r.start..self.base + r.end)
    }

    fn event(&mut self, event: Event, range: Range<usize>) -> Result<(), Diagnostic> {
        match event {
            Event::DocumentStart(_) => {
                self.documents += 1;
                if self.documents > 1 {
                    return Err(syntax::second_document(
                        self.span(&(range.start..range.start)),
                    ));
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                if text.len() > MAX_VALUE_BYTES {
                    return Err(limits::value_too_long(self.span(&range), Some(text.len())));
                }
                self.grow(
                    Size {
                        values: 1,
                        text: text.len(),
                    },
                    &range,
                )?;
                let value = match style {
                    ScalarStyle::Plain => resolve_plain(&text),
                    _ => Value::String(text.into_owned()),
                };
                let role = self.role();
                if tag.is_some() {
                    self.tag_problem(&role, &range);
                }
                if anchor > 0 {
                    let size = Size {
                        values: 1,
                        text: value.as_str().map_or(0, str::len),
                    };
                    self.anchor(anchor, &role, &range, Some(value.clone()), size);
                }
                self.attach(role, value, range);
            }
            Event::Alias(id) => {
                let name = self.name_at(range.start);
                let Some(a) = self.anchors.get_mut(&id) else {
                    return Err(syntax::explain(
                        "while parsing node, found unknown anchor",
                        self.text,
                        range.start,
                        self.file,
                        self.base,
                    ));
                };
                let Some(value) = &a.value else {
                    return Err(Diagnostic::error(
                        Span::new(self.file, self.base + range.start..self.base + range.end),
                        crate::msg!("yaml-alias-inside-anchor", name = &name),
                    )
                    .with_help(crate::msg!("yaml-alias-inside-anchor-help", name = &name)));
                };
                let after = self.size.plus(a.size);
                if !after.fits() {
                    let (copies, at) = (a.copies, self.span(&range));
                    return Err(limits::copied_too_often(at, &name, copies, after));
                }
                a.copies += 1;
                let value = value.clone();
                self.size = after;
                let role = self.role();
                self.attach(role, value, range);
            }
            Event::SequenceStart(anchor, ref tag) | Event::MappingStart(anchor, ref tag) => {
                if self.stack.len() >= MAX_DEPTH {
                    return Err(limits::too_deep(self.span(&(range.start..range.start))));
                }
                let size_at = self.size;
                self.grow(Size { values: 1, text: 0 }, &range)?;
                let role = self.role();
                if tag.is_some() {
                    self.tag_problem(&role, &range);
                }
                if anchor > 0 {
                    self.anchor(anchor, &role, &range, None, Size::default());
                }
                let (path, is_key) = match role {
                    Role::Value(path, key) => {
                        let at = self.base + range.start..self.base + range.end;
                        self.spans.insert(path.clone(), key, at);
                        (path, false)
                    }
                    Role::Key(parent) => (join(&parent, "?"), true),
                };
                let kind = if matches!(event, Event::SequenceStart(..)) {
                    FrameKind::Seq(Vec::new())
                } else {
                    FrameKind::Map {
                        entries: Vec::new(),
                        key: None,
                        seen: HashMap::new(),
                    }
                };
                self.stack.push(Frame {
                    path,
                    start: range.start,
                    kind,
                    anchor,
                    size_at,
                    is_key,
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(frame) = self.stack.pop() else {
                    return Ok(());
                };
                self.spans.close(&frame.path, self.base + range.end);
                let value = match frame.kind {
                    FrameKind::Seq(items) => Value::Seq(items),
                    FrameKind::Map { entries, .. } => Value::Map(entries),
                };
                if let Some(a) = self.anchors.get_mut(&frame.anchor) {
                    a.size = self.size.minus(frame.size_at);
                    a.value = Some(value.clone());
                }
                let start = self
                    .spans
                    .value_near(&frame.path)
                    .start
                    .saturating_sub(self.base);
                let role = if frame.is_key {
                    Role::Key(parent_path(&frame.path))
                } else {
                    Role::Value(frame.path, None)
                };
                self.attach_node(role, value, start..range.end);
            }
            _ => {}
        }
        Ok(())
    }

    /// The parser read too far past byte `from` without handing over an
    /// event: an inline list never closed or too long, or a value too long.
    fn read_too_far(&self, from: usize) -> Diagnostic {
        // Inside an inline list: the outermost one is too long or not closed.
        let inline = self.stack.iter().find_map(|f| {
            let at = next_sign(self.text, f.start);
            let c = self.text[at..].chars().next()?;
            matches!(c, '[' | '{').then_some((at, c))
        });
        if let Some((at, c)) = inline {
            return limits::inline_too_long(self.span(&(at..at)), c);
        }
        let at = next_sign(self.text, from);
        let span = self.span(&(at..at));
        match self.text[at..].chars().next() {
            Some(c @ ('[' | '{')) => limits::inline_too_long(span, c),
            _ => limits::value_too_long(span, None),
        }
    }

    /// Counts a node before it is kept; refuses one past the limits.
    fn grow(&mut self, by: Size, range: &Range<usize>) -> Result<(), Diagnostic> {
        let after = self.size.plus(by);
        if !after.fits() {
            return Err(limits::too_many_values(self.span(range)));
        }
        self.size = after;
        Ok(())
    }

    /// Where a node starting now goes: a key or a value, and its path.
    fn role(&mut self) -> Role {
        let Some(top) = self.stack.last_mut() else {
            return Role::Value(String::new(), None);
        };
        match &mut top.kind {
            FrameKind::Seq(items) => Role::Value(join(&top.path, &items.len().to_string()), None),
            FrameKind::Map { key: None, .. } => Role::Key(top.path.clone()),
            FrameKind::Map { key: Some(k), .. } => {
                Role::Value(join(&top.path, &k.text), Some(k.span.clone()))
            }
        }
    }

    /// Keeps a scalar or copied value: indexes its position, then attaches it.
    fn attach(&mut self, role: Role, value: Value, range: Range<usize>) {
        if let Role::Value(path, key) = &role {
            self.spans.insert(
                path.clone(),
                key.clone(),
                self.base + range.start..self.base + range.end,
            );
        }
        self.attach_node(role, value, range);
    }

    /// Puts a finished node into its parent (or makes it the root).
    fn attach_node(&mut self, role: Role, value: Value, range: Range<usize>) {
        let Some(top) = self.stack.last_mut() else {
            self.root = Some(value);
            return;
        };
        match (&mut top.kind, role) {
            (FrameKind::Seq(items), _) => items.push(value),
            (FrameKind::Map { key, seen, .. }, Role::Key(map_path)) => {
                let text = value.key_text();
                let mut repeated = false;
                if let Some(first) = seen.get(&text) {
                    repeated = true;
                    let d = Diagnostic::error(
                        Span::new(self.file, self.base + range.start..self.base + range.end),
                        crate::msg!("field-written-twice", field = shorten(&text)),
                    )
                    .with_related(
                        Span::new(self.file, self.base + first.start..self.base + first.end),
                        crate::msg!("first-written-here"),
                    )
                    .with_help(crate::msg!(
                        "field-written-twice-help",
                        field = shorten(&text)
                    ));
                    self.spans.add_problem(map_path, d);
                } else {
                    seen.insert(text.clone(), range.clone());
                }
                *key = Some(Key {
                    value,
                    text,
                    span: self.base + range.start..self.base + range.end,
                    repeated,
                });
            }
            (FrameKind::Map { entries, key, .. }, Role::Value(..)) => {
                if let Some(k) = key.take() {
                    if !k.repeated {
                        entries.push((k.value, value));
                    }
                }
            }
        }
    }

    fn anchor(
        &mut self,
        id: usize,
        role: &Role,
        range: &Range<usize>,
        value: Option<Value>,
        size: Size,
    ) {
        let name = self.name_at(range.start);
        let path = match role {
            Role::Value(p, _) | Role::Key(p) => p.clone(),
        };
        self.anchors.insert(
            id,
            Anchor {
                name,
                at: range.start,
                path,
                value,
                size,
                copies: 0,
            },
        );
    }

    /// The name after the `&`, `*` or `!` at byte `at`, as it may be
    /// quoted in a message.
    fn name_at(&self, at: usize) -> String {
        let name: String = self.text[at.min(self.text.len())..]
            .chars()
            .skip(1)
            .take_while(|c| !c.is_whitespace() && !",[]{}".contains(*c))
            .take(crate::diag::QUOTE_CHARS + 1)
            .collect();
        shorten(&name)
    }

    /// `!name` before a value: a tag, which warta's files never use; the
    /// author meant text starting with `!`.
    fn tag_problem(&mut self, role: &Role, range: &Range<usize>) {
        let path = match role {
            Role::Value(p, _) | Role::Key(p) => p.clone(),
        };
        let tag = self.name_at(range.start);
        let d = syntax::must_quote(range.start, '!', self.file, self.base).with_help(crate::msg!(
            "yaml-tag-help",
            line = syntax::quoted_line(self.text, range.start),
            tag = tag
        ));
        self.spans.add_problem(path, d);
    }

    /// `&name` that no `*name` copies: the author wrote text starting with
    /// `&`, which YAML took as an anchor and dropped from the value.
    fn unused_anchors(&mut self) {
        let mut unused: Vec<&Anchor> = self.anchors.values().filter(|a| a.copies == 0).collect();
        unused.sort_by_key(|a| a.at);
        for a in unused {
            let d = syntax::must_quote(a.at, '&', self.file, self.base).with_help(crate::msg!(
                "yaml-anchor-help",
                line = syntax::quoted_line(self.text, a.at),
                name = &a.name
            ));
            self.spans.add_problem(a.path.clone(), d);
        }
    }
}

fn join(parent: &str, child: &str) -> String {
    if parent.is_empty() {
        child.to_string()
    } else {
        format!("{parent}/{child}")
    }
}

/// The first byte from `from` on that starts a value: past spaces, line
/// breaks, comments, the signs `:`, `-`, `?`, `,` and any `&name`/`!name`.
fn next_sign(text: &str, from: usize) -> usize {
    let b = text.as_bytes();
    let mut i = from.min(b.len());
    while i < b.len() {
        match b[i] {
            b' ' | b'\t' | b'\r' | b'\n' | b':' | b'-' | b'?' | b',' => i += 1,
            b'#' => {
                i += b[i..]
                    .iter()
                    .position(|&c| c == b'\n')
                    .unwrap_or(b.len() - i)
            }
            b'&' | b'!' => {
                i += b[i..]
                    .iter()
                    .position(|&c| c == b' ' || c == b'\n')
                    .unwrap_or(b.len() - i)
            }
            _ => break,
        }
    }
    i.min(b.len())
}

fn parent_path(path: &str) -> String {
    path.rsplit_once('/').map_or("", |(p, _)| p).to_string()
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    #[test]
    fn copies_are_written_out() {
        let doc = parse("a: &x [1, {k: v}]\nb: *x\n", FileId(0), 0).unwrap();
        assert_eq!(doc.value.get("b"), doc.value.get("a"));
        assert!(doc.spans.problems_in("").is_empty());
        // A copy points at the `*x` it came from.
        assert_eq!(doc.spans.value_near("b/1/k"), 21..23);
    }

    #[test]
    fn an_anchor_never_copied_is_a_problem_of_its_record() {
        let text = format!("- id: a\n  name: &{} Perpus\n- id: b\n", "n".repeat(500));
        let doc = parse(&text, FileId(0), 0).unwrap();
        assert!(doc.spans.problems_in("1").is_empty());
        let p = doc.spans.problems_in("0");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].span.as_ref().unwrap().range.start, 16);
        let help = p[0].help.as_ref().map(|h| h.en()).unwrap();
        assert!(help.contains('…') && help.len() < 400, "{help}");
        // The value is what YAML made of it: the text after the anchor.
        assert_eq!(
            doc.value.at("0/name").and_then(Value::as_str),
            Some("Perpus")
        );
    }

    #[test]
    fn a_repeated_key_keeps_the_first_value() {
        let doc = parse("- a: 1\n  b: 2\n  a: 3\n", FileId(0), 0).unwrap();
        assert_eq!(doc.value.at("0/a"), Some(&Value::Int(1)));
        let p = doc.spans.problems_in("0");
        assert_eq!(p[0].span.as_ref().unwrap().range, 16..17);
        assert_eq!(p[0].related[0].0.range, 2..3);
    }

    #[test]
    fn a_copy_inside_its_own_anchor_is_refused() {
        let e = parse("a: &x [*x]\n", FileId(0), 0).unwrap_err();
        assert!(e
            .message
            .en()
            .contains("`*x` is used inside the value it copies"));
    }

    #[test]
    fn empty_documents_are_nothing() {
        for text in ["", "# komentar\n", "---\n", "---\n...\n"] {
            assert!(
                parse(text, FileId(0), 0).unwrap().value.is_null(),
                "{text:?}"
            );
        }
    }
}
