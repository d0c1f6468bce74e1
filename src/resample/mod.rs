//! Resampling: `resize` gives Pillow's `Image.resize` result. Like Pillow,
//! the other filters run on colour premultiplied to 8 bits, horizontally then
//! vertically, with Pillow's own fixed point (Q22 taps, each pass rounded and
//! clamped to 8 bits), and Pillow's unpremultiply at the end, so the bytes
//! are Pillow's, not merely close. Nearest copies pixels.
//!
//! The horizontal pass streams into a ring of rows that the vertical pass
//! reads, so scratch is the ring (a window of rows of the output's width,
//! and one more) and two source rows' worth of pixels (ten with the SIMD
//! horizontal pass's pairs), not a whole intermediate image.

pub mod alpha;
pub mod horizontal;
pub mod nearest;
pub mod taps;
pub mod vertical;

#[cfg(test)]
mod tests;

use crate::point;
use crate::ring::Ring;
use crate::scratch::{ZeroAll, reserve};
use crate::status::Status;
use taps::{Reserve, Taps};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Filter {
    Nearest,
    Box,
    Bilinear,
    Bicubic,
    Lanczos3,
}

impl Filter {
    /// The filter with its number in docs/abi.md.
    pub fn from_code(code: u32) -> Option<Filter> {
        [Filter::Nearest, Filter::Box, Filter::Bilinear, Filter::Bicubic, Filter::Lanczos3].get(code as usize).copied()
    }
}

/// Where the rows of a resize lie: `src` holds rows `top..` of a source
/// image `sh` rows tall, and `dst` gets rows `first..` of the `dh` rows of
/// its resize. A band of output rows needs only the source rows their
/// windows read (`reads`), so strips of a resize can run apart.
#[derive(Clone, Copy)]
pub struct Band {
    pub sh: usize,
    pub top: usize,
    pub dh: usize,
    pub first: usize,
}

impl Band {
    /// The whole resize of sh rows to dh.
    pub fn whole(sh: usize, dh: usize) -> Band {
        Band { sh, top: 0, dh, first: 0 }
    }

    /// The source rows [start, end) that output rows [first, first + n)
    /// read (n ≥ 1): the same rows where the height stays, whether or not
    /// the width changes.
    pub fn reads(self, filter: Filter, n: usize) -> (usize, usize) {
        let last = self.first + n - 1;
        match filter {
            _ if self.sh == self.dh => (self.first, last + 1),
            Filter::Nearest => (nearest::pick(self.first, self.sh, self.dh), nearest::pick(last, self.sh, self.dh) + 1),
            _ => taps::reads(self.sh, self.dh, filter, self.first, n),
        }
    }
}

/// Resizes the sw×sh image `src` into the dw×dh image `dst`.
pub fn resize(src: &[u8], sw: usize, sh: usize, dst: &mut [u8], dw: usize, dh: usize, filter: Filter) -> Result<(), Status> {
    resize_band(src, sw, dst, dw, Band::whole(sh, dh), filter)
}

/// Rows of a resize of sw-wide rows to dw-wide: `src` holds the source rows
/// and `dst` gets the output rows that `band` says, and `src` holds every
/// row `dst`'s windows read.
pub fn resize_band(src: &[u8], sw: usize, dst: &mut [u8], dw: usize, band: Band, filter: Filter) -> Result<(), Status> {
    let Band { sh, top, dh, first } = band;
    // Source row n of the whole image; past the rows `src` holds, its last
    // (the horizontal pass makes rows two at a time, and a pair's second
    // may be one that no window reads).
    let end = top + src.len() / (4 * sw);
    let row = |n: usize| &src[4 * sw * (n.min(end - 1) - top)..][..4 * sw];
    // Pillow returns a copy, without the premultiplied round trip.
    if (sw, sh) == (dw, dh) {
        dst.copy_from_slice(&src[4 * sw * (first - top)..][..dst.len()]);
        return Ok(());
    }
    if filter == Filter::Nearest {
        return nearest::resize(src, sw, dst, dw, band);
    }
    // As Pillow, an axis whose size stays is not filtered at all. Everything
    // is reserved before the tables are computed or a pixel is written.
    let across = if sw != dw { Some(Taps::reserve(sw, dw, filter)?) } else { None };
    let down = if sh != dh { Some(Taps::reserve(sh, dh, filter)?) } else { None };
    let premultiplied = reserve::<u8>(8 * sw)?;
    let pairs = reserve::<u8>(if across.is_some() { horizontal::SCRATCH * sw } else { 0 })?;
    let Some(down) = down else {
        // Output rows two at a time, the last alone beside a spare row.
        let spare = reserve::<u8>(4 * dw)?;
        let (across, (mut premultiplied, mut pairs, mut spare)) = (across.map(Reserve::compute), (premultiplied, pairs, spare).zeroed());
        for (y, out) in dst.chunks_mut(8 * dw).enumerate() {
            let (a, b) = out.split_at_mut(4 * dw);
            let b = if b.is_empty() { &mut spare[..] } else { b };
            make_rows([row(first + 2 * y), row(first + 2 * y + 1)], across.as_ref(), (&mut premultiplied, &mut pairs), [&mut *a, &mut *b]);
            alpha::unpremultiply::run(a);
            alpha::unpremultiply::run(b);
        }
        return Ok(());
    };
    // Rows padded to whole v128s, for the vertical pass's last block; a row
    // more than the widest window, for `make_pairs_until`.
    let pitch = (4 * dw).next_multiple_of(16);
    let depth = down.widest() + 1;
    let ring = reserve::<u8>(depth.checked_mul(pitch).ok_or(Status::OutOfMemory)?)?;
    let rows = reserve::<usize>(depth)?;
    let (mut premultiplied, mut pairs, ring, mut rows) = (premultiplied, pairs, ring, rows).zeroed();
    let (across, down) = (across.map(Reserve::compute), down.compute());
    let mut ring = Ring::new(ring, pitch);
    for (y, out) in dst.chunks_exact_mut(4 * dw).enumerate() {
        let (start, count, k) = down.of(first + y);
        // Windows only move down: rows above this one are done with.
        ring.skip_to(start);
        ring.make_pairs_until(start + count, |n, [a, b]| {
            make_rows([row(n), row(n + 1)], across.as_ref(), (&mut premultiplied, &mut pairs), [&mut a[..4 * dw], &mut b[..4 * dw]]);
        });
        // Whole pairs of rows: an odd window's last tap, of weight 0, reads
        // its last row again (the ring's extra row leaves room).
        let rows = &mut rows[..count.next_multiple_of(2)];
        for (j, at) in rows.iter_mut().enumerate() {
            *at = ring.at(start + j.min(count - 1));
        }
        vertical::run(ring.rows(), rows, k, out);
        alpha::unpremultiply::run(out);
    }
    Ok(())
}

/// Two rows of the intermediate image: the source rows premultiplied, and
/// filtered horizontally if the width changes; the scratch is two rows for
/// the premultiplied pixels and the horizontal pass's own.
#[inline(never)]
fn make_rows(src: [&[u8]; 2], across: Option<&Taps>, (premultiplied, pairs): (&mut [u8], &mut [u8]), out: [&mut [u8]; 2]) {
    let (a, b) = premultiplied.split_at_mut(src[0].len());
    let rows = [(src[0], a), (src[1], b)].map(|(src, buf)| -> &[u8] {
        if alpha::opaque::run(src) {
            return src;
        }
        buf.copy_from_slice(src);
        point::premultiply::run(buf);
        buf
    });
    match across {
        Some(taps) => horizontal::run(rows, taps, pairs, out),
        None => {
            for (row, out) in rows.into_iter().zip(out) {
                out.copy_from_slice(row);
            }
        }
    }
}
