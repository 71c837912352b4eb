//! The term chunk format (docs/search.md, "Term chunk"): written by
//! [`super::index`], read back by [`super::reader`] as `client.js` reads it.

use foldhash::HashMap;

/// LEB128: 7 bits a byte, low first.
pub fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Encodes one posting list (doc ids ascending, with their field code):
/// sparse (gaps) or dense (two bits a document), whichever is smaller.
pub fn encode_postings(list: &[(u32, u8)], out: &mut Vec<u8>) {
    let mut sparse = Vec::with_capacity(list.len() * 2);
    let mut prev: i64 = -1;
    for &(d, f) in list {
        let gap = (i64::from(d) - prev - 1) as u64;
        put_varint(&mut sparse, (gap << 2) | u64::from(f));
        prev = i64::from(d);
    }
    let (first, last) = (list[0].0, list[list.len() - 1].0);
    let span = (last - first + 1) as usize;
    let dense_len = span.div_ceil(4) + 10;
    if dense_len < sparse.len() {
        put_varint(out, ((list.len() as u64) << 1) | 1);
        put_varint(out, u64::from(first));
        put_varint(out, span as u64);
        let mut bits = vec![0u8; span.div_ceil(4)];
        for &(d, f) in list {
            let i = (d - first) as usize;
            bits[i / 4] |= f << ((i % 4) * 2);
        }
        out.extend_from_slice(&bits);
    } else {
        put_varint(out, (list.len() as u64) << 1);
        out.extend_from_slice(&sparse);
    }
}

/// What a dictionary word leads to.
pub enum Target {
    Stop,
    List(usize),
    /// A derived form that does not occur: look up this stem instead.
    Alias(String),
}

#[derive(Default)]
pub struct Chunk {
    pub surfaces: Vec<(String, Target)>,
    pub lists: Vec<Vec<u8>>,
    pub list_of: HashMap<u32, usize>,
    pub size: usize,
}

impl Chunk {
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.size + 16);
        put_varint(&mut out, self.lists.len() as u64);
        for l in &self.lists {
            out.extend_from_slice(l);
        }
        put_varint(&mut out, self.surfaces.len() as u64);
        let mut prev = "";
        for (s, list) in &self.surfaces {
            let shared = prev
                .bytes()
                .zip(s.bytes())
                .take_while(|(a, b)| a == b)
                .count();
            put_varint(&mut out, shared as u64);
            put_varint(&mut out, (s.len() - shared) as u64);
            out.extend_from_slice(&s.as_bytes()[shared..]);
            match list {
                Target::Stop => put_varint(&mut out, 0),
                Target::List(i) => put_varint(&mut out, (*i as u64) << 1 | 1),
                Target::Alias(stem) => {
                    put_varint(&mut out, (stem.len() as u64) << 1);
                    out.extend_from_slice(stem.as_bytes());
                }
            }
            prev = s;
        }
        out
    }
}

pub struct Term {
    pub surface: String,
    pub list: Target,
}

pub struct ChunkData {
    pub lists: Vec<Vec<(u32, u8)>>,
    pub terms: Vec<Term>,
}

fn varint(b: &[u8], pos: &mut usize) -> u64 {
    let mut v = 0u64;
    let mut shift = 0;
    loop {
        let x = b[*pos];
        *pos += 1;
        v |= u64::from(x & 0x7f) << shift;
        if x < 0x80 {
            return v;
        }
        shift += 7;
    }
}

pub fn decode_chunk(b: &[u8]) -> ChunkData {
    let mut pos = 0;
    let nl = varint(b, &mut pos) as usize;
    let mut lists = Vec::with_capacity(nl);
    for _ in 0..nl {
        let h = varint(b, &mut pos);
        let count = (h >> 1) as usize;
        let mut list = Vec::with_capacity(count);
        if h & 1 == 1 {
            let first = varint(b, &mut pos) as u32;
            let span = varint(b, &mut pos) as usize;
            for i in 0..span {
                let f = (b[pos + i / 4] >> ((i % 4) * 2)) & 3;
                if f > 0 {
                    list.push((first + i as u32, f));
                }
            }
            pos += span.div_ceil(4);
        } else {
            let mut prev: i64 = -1;
            for _ in 0..count {
                let v = varint(b, &mut pos);
                let d = prev + 1 + (v >> 2) as i64;
                list.push((d as u32, (v & 3) as u8));
                prev = d;
            }
        }
        lists.push(list);
    }
    let ns = varint(b, &mut pos) as usize;
    let mut terms = Vec::with_capacity(ns);
    let mut prev = String::new();
    for _ in 0..ns {
        let shared = varint(b, &mut pos) as usize;
        let len = varint(b, &mut pos) as usize;
        let mut s = prev[..shared].to_string();
        s.push_str(std::str::from_utf8(&b[pos..pos + len]).expect("ASCII"));
        pos += len;
        let v = varint(b, &mut pos) as usize;
        let list = if v == 0 {
            Target::Stop
        } else if v & 1 == 1 {
            Target::List(v >> 1)
        } else {
            let stem = std::str::from_utf8(&b[pos..pos + (v >> 1)])
                .expect("ASCII")
                .to_string();
            pos += v >> 1;
            Target::Alias(stem)
        };
        terms.push(Term {
            surface: s.clone(),
            list,
        });
        prev = s;
    }
    ChunkData { lists, terms }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_pick_the_smaller_encoding() {
        let mut sparse = Vec::new();
        encode_postings(
            &[
                (3, super::super::index::TITLE),
                (1000, super::super::index::BODY),
            ],
            &mut sparse,
        );
        assert_eq!(sparse[0], 4, "two docs, sparse");
        let all: Vec<(u32, u8)> = (0..400).map(|d| (d, super::super::index::BODY)).collect();
        let mut dense = Vec::new();
        encode_postings(&all, &mut dense);
        assert_eq!(dense[0] & 1, 1, "dense");
        assert!(dense.len() < 120, "{}", dense.len());
    }

    #[test]
    fn decodes_what_index_encodes() {
        let list = vec![(0, 3), (5, 1), (6, 2), (900, 1)];
        let mut b = vec![1u8];
        encode_postings(&list, &mut b);
        b.push(1); // one surface
        b.extend([0, 4]);
        b.extend(b"baca");
        b.push(1);
        let c = decode_chunk(&b);
        assert_eq!(c.lists[0], list);
        assert_eq!(c.terms[0].surface, "baca");
        assert!(matches!(c.terms[0].list, Target::List(0)));
        let dense: Vec<(u32, u8)> = (10..300).map(|d| (d, (d % 3 + 1) as u8)).collect();
        let mut b = vec![1u8];
        encode_postings(&dense, &mut b);
        b.push(0);
        assert_eq!(decode_chunk(&b).lists[0], dense);
    }
}
