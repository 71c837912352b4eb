//! Percent-decoding (`%C3%A9` → `é`), strict: every `%` starts a two-digit
//! hex escape and the bytes decode to UTF-8. The one decoder of the server
//! (`serve::http`, which refuses what does not decode), the image
//! references (`images::gather`) and the link checker of the tests; and
//! [`encode`], for a text as one query value (the share links).
//! Written here rather than taken from `percent-encoding`: that crate is
//! not otherwise in the tree and decodes leniently (a stray `%` passes).

/// Why a text does not percent-decode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undecodable {
    /// A `%` not followed by two hex digits.
    Escape,
    /// The decoded bytes are not UTF-8.
    NotUtf8,
}

/// `s` with every `%XX` escape (either case) decoded.
pub fn decode(s: &str) -> Result<String, Undecodable> {
    let b = s.as_bytes();
    if !b.contains(&b'%') {
        return Ok(s.to_string());
    }
    let hex = |i: usize| {
        b.get(i)
            .and_then(|&c| (c as char).to_digit(16))
            .map(|d| d as u8)
    };
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let (hi, lo) = hex(i + 1).zip(hex(i + 2)).ok_or(Undecodable::Escape)?;
            out.push(hi << 4 | lo);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| Undecodable::NotUtf8)
}

/// Percent-encodes everything but RFC 3986's unreserved characters, so a
/// text is one query value in any URL (`&`, `#`, `+` and spaces included;
/// spaces as `%20`, which `mailto:` needs).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3 / 2);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoded_texts_are_one_query_value_and_decode_back() {
        assert_eq!(encode("a b&c=d#e+f"), "a%20b%26c%3Dd%23e%2Bf");
        assert_eq!(
            encode("Ruang baca \"Sehati\" <1>"),
            "Ruang%20baca%20%22Sehati%22%20%3C1%3E"
        );
        assert_eq!(encode("https://x.id/a/?b"), "https%3A%2F%2Fx.id%2Fa%2F%3Fb");
        for s in ["Pustaka Cahaya—Ṡ", "100% ~_-.", ""] {
            assert_eq!(decode(&encode(s)).unwrap(), s);
        }
    }

    #[test]
    fn decodes_escapes_and_refuses_the_malformed() {
        assert_eq!(decode("/tag/l%C3%A9/").unwrap(), "/tag/lé/");
        assert_eq!(decode("a%20b%2fc%2F").unwrap(), "a b/c/");
        assert_eq!(decode("plain").unwrap(), "plain");
        for bad in ["%", "%2", "%zz", "a%g0", "100%"] {
            assert_eq!(decode(bad), Err(Undecodable::Escape), "{bad}");
        }
        assert_eq!(decode("%ff"), Err(Undecodable::NotUtf8));
        assert_eq!(decode("%C3"), Err(Undecodable::NotUtf8));
    }
}
