//! A ring of rows: the streaming driver of every filter that reads a window
//! of rows. Row n of an intermediate image (a premultiplied, horizontally
//! filtered or widened source row) lives in slot n % depth from when it is
//! made until it leaves the window, so the filter needs `depth` rows of
//! scratch, not a whole intermediate image, and an in-place filter can
//! overwrite an output row once every ring row that needs its source is made.

use crate::scratch::Scratch;

pub struct Ring<T> {
    rows: Scratch<T>,
    depth: usize,
    pitch: usize,
    /// The next row to make: rows are made in order, each once.
    next: usize,
}

impl<T> Ring<T> {
    /// A ring of `rows.len() / pitch` rows of `pitch` items.
    pub fn new(rows: Scratch<T>, pitch: usize) -> Ring<T> {
        Ring { depth: rows.len() / pitch, rows, pitch, next: 0 }
    }

    /// Makes, in order, every row below `end` not made yet: `make(n, slot)`
    /// fills the slot of row n.
    #[inline(always)]
    pub fn make_until(&mut self, end: usize, mut make: impl FnMut(usize, &mut [T])) {
        while self.next < end {
            let at = self.at(self.next);
            make(self.next, &mut self.rows[at..][..self.pitch]);
            self.next += 1;
        }
    }

    /// As `make_until`, but rows n and n + 1 at once, even where only row n
    /// is due: `make(n, [slot n, slot n + 1])` fills both. The ring must be
    /// a row deeper than any window it holds, so that row n + 1's slot
    /// holds no row still in use when row n is due.
    #[inline(always)]
    pub fn make_pairs_until(&mut self, end: usize, mut make: impl FnMut(usize, [&mut [T]; 2])) {
        while self.next < end {
            let (a, b) = (self.at(self.next), self.at(self.next + 1));
            let (low, high) = self.rows.split_at_mut(a.max(b));
            let (first, second) = (&mut low[a.min(b)..][..self.pitch], &mut high[..self.pitch]);
            make(self.next, if a < b { [first, second] } else { [second, first] });
            self.next += 2;
        }
    }

    /// No row below `n` will be needed: they are never made.
    pub fn skip_to(&mut self, n: usize) {
        self.next = self.next.max(n);
    }

    /// Where row n's slot starts in `rows()`.
    pub fn at(&self, n: usize) -> usize {
        n % self.depth * self.pitch
    }

    pub fn rows(&self) -> &[T] {
        &self.rows
    }
}
