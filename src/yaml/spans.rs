//! Positions of YAML nodes, recorded while a document is built.

use crate::diag::Diagnostic;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

/// Byte spans of every node of a document, keyed by path (`3/kpi/0/period`),
/// and the problems found inside records (a field written twice…), kept
/// here so that whoever loads a record reports the ones inside it.
#[derive(Debug, Default)]
pub struct SpanIndex {
    nodes: HashMap<String, NodeSpan>,
    /// By path of the node concerned, for a quick look-up per record.
    problems: BTreeMap<String, Vec<Diagnostic>>,
}

#[derive(Debug, Clone)]
struct NodeSpan {
    key: Option<Range<usize>>,
    value: Range<usize>,
}

impl SpanIndex {
    /// Indexes `text`, whose first byte is at `base` in its file; empty when
    /// the text is not valid YAML (the parse reports why).
    pub fn build(text: &str, base: usize) -> SpanIndex {
        super::build::document(text, crate::diag::FileId(0), base)
            .map(|d| d.spans)
            .unwrap_or_default()
    }

    pub(super) fn insert(&mut self, path: String, key: Option<Range<usize>>, value: Range<usize>) {
        self.nodes.insert(path, NodeSpan { key, value });
    }

    /// Sets the end of the node at `path` (a collection, when it closes).
    pub(super) fn close(&mut self, path: &str, end: usize) {
        if let Some(n) = self.nodes.get_mut(path) {
            n.value.end = end.max(n.value.start);
        }
    }

    pub(super) fn add_problem(&mut self, path: String, problem: Diagnostic) {
        self.problems.entry(path).or_default().push(problem);
    }

    /// The problems found inside the node at `prefix` ("" for all), in
    /// the order of their place in the file.
    pub fn problems_in(&self, prefix: &str) -> Vec<Diagnostic> {
        let mut out: Vec<Diagnostic> = if prefix.is_empty() {
            self.problems.values().flatten().cloned().collect()
        } else {
            // The node itself, then its descendants: `3/…` sorts between
            // `3/` and `30` (`/` comes just before `0`).
            let own = self.problems.get(prefix).into_iter().flatten();
            let below = self
                .problems
                .range(format!("{prefix}/")..format!("{prefix}0"))
                .flat_map(|(_, ds)| ds);
            own.chain(below).cloned().collect()
        };
        out.sort_by_key(|d| d.span.as_ref().map(|s| s.range.start));
        out
    }

    pub fn contains(&self, path: &str) -> bool {
        self.nodes.contains_key(path)
    }

    pub fn key(&self, path: &str) -> Option<Range<usize>> {
        self.nodes.get(path).and_then(|n| n.key.clone())
    }

    /// The value span at `path`, or of its nearest indexed ancestor.
    pub fn value_near(&self, path: &str) -> Range<usize> {
        let mut p = path;
        loop {
            if let Some(n) = self.nodes.get(p) {
                return n.value.clone();
            }
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None if !p.is_empty() => p = "",
                None => return 0..0,
            }
        }
    }

    /// A short span at the start of the node at `path`, for whole-record
    /// diagnostics (a caret on the first line, not the whole record).
    pub fn first_line(&self, path: &str) -> Range<usize> {
        let r = self.value_near(path);
        r.start..r.start
    }
}

/// saphyr counts characters; spans are bytes. Keeps the byte offset of
/// every 256th character (a few KB for the largest file) and walks from
/// the nearest one.
pub(super) struct CharToByte<'t> {
    text: &'t str,
    /// Byte offset of characters 0, 256, 512…; empty when the text is ASCII.
    marks: Vec<usize>,
    /// The last (character, byte) asked for: the parser's positions mostly
    /// move forward, so the next walk is short.
    last: std::cell::Cell<(usize, usize)>,
}

const STEP: usize = 256;

impl<'t> CharToByte<'t> {
    pub fn new(text: &'t str) -> Self {
        let marks = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices().step_by(STEP).map(|(i, _)| i).collect()
        };
        CharToByte {
            text,
            marks,
            last: Default::default(),
        }
    }
    pub fn at(&self, char_index: usize) -> usize {
        if self.marks.is_empty() {
            return char_index.min(self.text.len());
        }
        let Some(&mark) = self.marks.get(char_index / STEP) else {
            return self.text.len();
        };
        let (last_char, last_byte) = self.last.get();
        let (from_char, from) = if last_char <= char_index && char_index - last_char < STEP {
            (last_char, last_byte)
        } else {
            (char_index - char_index % STEP, mark)
        };
        let at = self.text[from..]
            .char_indices()
            .nth(char_index - from_char)
            .map_or(self.text.len(), |(i, _)| from + i);
        self.last.set((char_index, at));
        at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at<'a>(text: &'a str, idx: &SpanIndex, path: &str) -> &'a str {
        &text[idx.value_near(path)]
    }

    #[test]
    fn indexes_lists_of_records() {
        let text = "- id: a\n  province: jawa-tengah\n  kpi:\n    - period: '2024'\n      category: tinggi\n- id: b\n  tags: [x, y]\n";
        let idx = SpanIndex::build(text, 0);
        assert_eq!(at(text, &idx, "0/province"), "jawa-tengah");
        assert_eq!(at(text, &idx, "0/kpi/0/category"), "tinggi");
        assert_eq!(at(text, &idx, "1/id"), "b");
        assert_eq!(at(text, &idx, "1/tags/1"), "y");
        assert_eq!(&text[idx.key("0/province").unwrap()], "province");
        // Absent paths fall back to the closest ancestor.
        assert_eq!(
            idx.value_near("1/nothing").start,
            text.find("id: b").unwrap()
        );
    }

    #[test]
    fn non_ascii_text_gives_byte_spans() {
        let text = "nama: Perpustakaan Ñusantara\nkota: Semarang\n";
        let idx = SpanIndex::build(text, 0);
        assert_eq!(at(text, &idx, "kota"), "Semarang");
        // Far past the first mark of CharToByte.
        let long = format!("a: {}\nkota: Semarang\n", "é".repeat(1000));
        let idx = SpanIndex::build(&long, 0);
        assert_eq!(at(&long, &idx, "kota"), "Semarang");
    }

    #[test]
    fn char_to_byte_walks_from_marks() {
        let text = "é".repeat(600) + "x";
        let c = CharToByte::new(&text);
        assert_eq!(c.at(0), 0);
        assert_eq!(c.at(300), 600);
        assert_eq!(c.at(301), 602);
        assert_eq!(c.at(299), 598);
        assert_eq!(c.at(600), 1200);
        assert_eq!(c.at(601), text.len());
        assert_eq!(c.at(10_000), text.len());
    }

    #[test]
    fn problems_are_found_by_record() {
        let mut idx = SpanIndex::default();
        let d = |at| {
            Diagnostic::error(
                crate::diag::Span::new(crate::diag::FileId(0), at..at),
                crate::msg!("yaml-tab"),
            )
        };
        idx.add_problem("3/social".into(), d(30));
        idx.add_problem("3".into(), d(20));
        idx.add_problem("30".into(), d(300));
        idx.add_problem("31/a".into(), d(310));
        let at = |ds: Vec<Diagnostic>| -> Vec<usize> {
            ds.iter()
                .map(|d| d.span.clone().unwrap().range.start)
                .collect()
        };
        assert_eq!(at(idx.problems_in("3")), vec![20, 30]);
        assert_eq!(at(idx.problems_in("30")), vec![300]);
        assert_eq!(at(idx.problems_in("4")), Vec::<usize>::new());
        assert_eq!(at(idx.problems_in("")), vec![20, 30, 300, 310]);
    }

    #[test]
    fn block_scalars_do_not_confuse_keys() {
        let text = "summary: |\n  kota: bukan kunci\nkota: Semarang\n";
        let idx = SpanIndex::build(text, 0);
        assert_eq!(at(text, &idx, "kota"), "Semarang");
    }
}
