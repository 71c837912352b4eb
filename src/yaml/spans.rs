//! Positions of YAML nodes, from `saphyr-parser` events.

use saphyr_parser::{Event, Parser};
use std::collections::HashMap;
use std::ops::Range;

/// Byte spans of every node of a document, keyed by path (`3/kpi/0/period`).
#[derive(Debug, Default)]
pub struct SpanIndex {
    nodes: HashMap<String, NodeSpan>,
}

#[derive(Debug, Clone)]
struct NodeSpan {
    key: Option<Range<usize>>,
    value: Range<usize>,
}

enum Frame {
    Map {
        path: String,
        /// The key just read, waiting for its value.
        key: Option<(String, Range<usize>)>,
    },
    Seq {
        path: String,
        next: usize,
    },
}

impl SpanIndex {
    /// Indexes `text`, whose first byte is at `base` in its file. A document
    /// the parser rejects is indexed up to the error (serde_yaml reports it).
    pub fn build(text: &str, base: usize) -> SpanIndex {
        let to_byte = CharToByte::new(text);
        let mut nodes = HashMap::new();
        let mut stack: Vec<Frame> = Vec::new();
        // (path, start) of open containers, to close their spans on End.
        let mut open: Vec<String> = Vec::new();
        for ev in Parser::new_from_str(text) {
            let Ok((event, span)) = ev else { break };
            let start = base + to_byte.at(span.start.index());
            let end = base + to_byte.at(span.end.index());
            match event {
                Event::Scalar(..)
                | Event::Alias(..)
                | Event::MappingStart(..)
                | Event::SequenceStart(..) => {
                    // A scalar in key position is a key, not a node.
                    if let Some(Frame::Map { key, .. }) = stack.last_mut() {
                        if key.is_none() {
                            if let Event::Scalar(s, ..) = &event {
                                *key = Some((s.to_string(), start..end));
                                continue;
                            }
                        }
                    }
                    let (path, key_span) = match stack.last_mut() {
                        None => (String::new(), None),
                        Some(Frame::Map { path, key }) => {
                            let (k, ks) = key.take().unwrap_or_default();
                            (join(path, &k), Some(ks))
                        }
                        Some(Frame::Seq { path, next }) => {
                            *next += 1;
                            (join(path, &(*next - 1).to_string()), None)
                        }
                    };
                    nodes.insert(
                        path.clone(),
                        NodeSpan {
                            key: key_span,
                            value: start..end,
                        },
                    );
                    match event {
                        Event::MappingStart(..) => {
                            open.push(path.clone());
                            stack.push(Frame::Map { path, key: None });
                        }
                        Event::SequenceStart(..) => {
                            open.push(path.clone());
                            stack.push(Frame::Seq { path, next: 0 });
                        }
                        _ => {}
                    }
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                    if let Some(path) = open.pop() {
                        if let Some(n) = nodes.get_mut(&path) {
                            n.value.end = end.max(n.value.start);
                        }
                    }
                }
                _ => {}
            }
        }
        SpanIndex { nodes }
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

fn join(parent: &str, child: &str) -> String {
    if parent.is_empty() {
        child.to_string()
    } else {
        format!("{parent}/{child}")
    }
}

/// saphyr counts characters; spans are bytes.
struct CharToByte {
    /// Byte offset of each character, or empty when the text is ASCII.
    offsets: Vec<usize>,
    len: usize,
}

impl CharToByte {
    fn new(text: &str) -> Self {
        let offsets = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices().map(|(i, _)| i).collect()
        };
        CharToByte {
            offsets,
            len: text.len(),
        }
    }
    fn at(&self, char_index: usize) -> usize {
        if self.offsets.is_empty() {
            char_index.min(self.len)
        } else {
            self.offsets.get(char_index).copied().unwrap_or(self.len)
        }
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
    }

    #[test]
    fn block_scalars_do_not_confuse_keys() {
        let text = "summary: |\n  kota: bukan kunci\nkota: Semarang\n";
        let idx = SpanIndex::build(text, 0);
        assert_eq!(at(text, &idx, "kota"), "Semarang");
    }
}
