//! The parser's input, with a bound on how far it may read ahead.
//!
//! `saphyr-parser` reads a whole inline list (`[…]`, `{…}`) before it
//! hands over the list's first event, because the list might turn out to
//! be a key; it keeps ~170 bytes of tokens per byte of it, so a 2 MB list
//! would take ~340 MB before any limit of `build` could see it. This input
//! counts the characters the parser takes between two events (not spaces
//! or comments, which cost nothing) and, past [`MAX_LOOKAHEAD`], ends the
//! input early and raises a flag: the document is then refused.

use saphyr_parser::input::SkipTabs;
use saphyr_parser::{Input, StrInput};
use std::cell::Cell;
use std::rc::Rc;

/// Characters read between two events: one value of the longest allowed
/// length ([`super::limits::MAX_VALUE_BYTES`]) and room around it.
pub(super) const MAX_LOOKAHEAD: usize = super::limits::MAX_VALUE_BYTES + 16 * 1024;

/// Shared between the input (inside the parser) and the loop reading
/// events.
#[derive(Default)]
pub(super) struct Budget {
    /// Characters taken so far (not spaces or comments).
    taken: Cell<usize>,
    /// `taken` when the last event was handed over.
    at_event: Cell<usize>,
    tripped: Cell<bool>,
}

impl Budget {
    /// An event was handed over: the parser may read ahead afresh.
    pub fn event(&self) {
        self.at_event.set(self.taken.get());
    }
    /// Whether the parser read too far ahead and its input was cut.
    pub fn tripped(&self) -> bool {
        self.tripped.get()
    }
}

pub(super) struct Bounded<'t> {
    inner: StrInput<'t>,
    budget: Rc<Budget>,
}

impl<'t> Bounded<'t> {
    pub fn new(text: &'t str, budget: Rc<Budget>) -> Self {
        Bounded {
            inner: StrInput::new(text),
            budget,
        }
    }
    fn take(&mut self, n: usize) {
        let b = &self.budget;
        b.taken.set(b.taken.get() + n);
        if b.taken.get() - b.at_event.get() > MAX_LOOKAHEAD && !b.tripped.get() {
            b.tripped.set(true);
            self.inner = StrInput::new("");
        }
    }
}

/// Every method goes to `StrInput` (keeping its fast paths); the ones
/// that consume characters count them first.
impl Input for Bounded<'_> {
    fn lookahead(&mut self, count: usize) {
        self.inner.lookahead(count);
    }
    fn buflen(&self) -> usize {
        self.inner.buflen()
    }
    fn bufmaxlen(&self) -> usize {
        self.inner.bufmaxlen()
    }
    fn buf_is_empty(&self) -> bool {
        self.inner.buf_is_empty()
    }
    fn raw_read_ch(&mut self) -> char {
        let c = self.inner.raw_read_ch();
        self.take(1);
        c
    }
    fn raw_read_non_breakz_ch(&mut self) -> Option<char> {
        let c = self.inner.raw_read_non_breakz_ch();
        if c.is_some() {
            self.take(1);
        }
        c
    }
    fn skip(&mut self) {
        self.inner.skip();
        self.take(1);
    }
    fn skip_n(&mut self, count: usize) {
        self.inner.skip_n(count);
        self.take(count);
    }
    fn peek(&self) -> char {
        self.inner.peek()
    }
    fn peek_nth(&self, n: usize) -> char {
        self.inner.peek_nth(n)
    }
    fn peek_opt(&self) -> Option<char> {
        self.inner.peek_opt()
    }
    fn look_ch(&mut self) -> char {
        self.inner.look_ch()
    }
    fn next_char_is(&self, c: char) -> bool {
        self.inner.next_char_is(c)
    }
    fn nth_char_is(&self, n: usize, c: char) -> bool {
        self.inner.nth_char_is(n, c)
    }
    fn next_2_are(&self, c1: char, c2: char) -> bool {
        self.inner.next_2_are(c1, c2)
    }
    fn next_3_are(&self, c1: char, c2: char, c3: char) -> bool {
        self.inner.next_3_are(c1, c2, c3)
    }
    fn next_is_document_indicator(&self) -> bool {
        self.inner.next_is_document_indicator()
    }
    fn next_is_document_start(&self) -> bool {
        self.inner.next_is_document_start()
    }
    fn next_is_document_end(&self) -> bool {
        self.inner.next_is_document_end()
    }
    /// Spaces (and a comment after them): not counted.
    fn skip_ws_to_eol(&mut self, skip_tabs: SkipTabs) -> (usize, Result<SkipTabs, &'static str>) {
        self.inner.skip_ws_to_eol(skip_tabs)
    }
    fn next_can_be_plain_scalar(&self, in_flow: bool) -> bool {
        self.inner.next_can_be_plain_scalar(in_flow)
    }
    fn next_is_blank_or_break(&self) -> bool {
        self.inner.next_is_blank_or_break()
    }
    fn next_is_blank_or_breakz(&self) -> bool {
        self.inner.next_is_blank_or_breakz()
    }
    fn next_is_blank(&self) -> bool {
        self.inner.next_is_blank()
    }
    fn next_is_break(&self) -> bool {
        self.inner.next_is_break()
    }
    fn next_is_breakz(&self) -> bool {
        self.inner.next_is_breakz()
    }
    fn next_is_z(&self) -> bool {
        self.inner.next_is_z()
    }
    fn next_is_flow(&self) -> bool {
        self.inner.next_is_flow()
    }
    fn next_is_digit(&self) -> bool {
        self.inner.next_is_digit()
    }
    fn next_is_alpha(&self) -> bool {
        self.inner.next_is_alpha()
    }
    /// The text of a comment: not counted.
    fn skip_while_non_breakz(&mut self) -> usize {
        self.inner.skip_while_non_breakz()
    }
    /// Spaces: not counted.
    fn skip_while_blank(&mut self) -> usize {
        self.inner.skip_while_blank()
    }
    fn fetch_while_is_alpha(&mut self, out: &mut String) -> usize {
        let n = self.inner.fetch_while_is_alpha(out);
        self.take(n);
        n
    }
    fn fetch_while_is_yaml_non_space(&mut self, out: &mut String) -> usize {
        let n = self.inner.fetch_while_is_yaml_non_space(out);
        self.take(n);
        n
    }
}
