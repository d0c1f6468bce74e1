//! Resampling: `resize` gives Pillow's `Image.resize` result. Like Pillow,
//! the other filters run on colour premultiplied to 8 bits, horizontally then
//! vertically, with Pillow's own fixed point (Q22 taps, each pass rounded and
//! clamped to 8 bits), and Pillow's unpremultiply at the end, so the bytes
//! are Pillow's, not merely close. Nearest copies pixels.
//!
//! The horizontal pass streams into a ring of rows that the vertical pass
//! reads, so scratch is the ring (a window of rows of the output's width)
//! and a source row's worth of pixels (five with the SIMD horizontal pass's
//! pairs), not a whole intermediate image.

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
    // Source row n of the whole image.
    let row = |n: usize| &src[4 * sw * (n - top)..][..4 * sw];
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
    let premultiplied = reserve::<u8>(4 * sw)?;
    let pairs = reserve::<u8>(if across.is_some() { horizontal::SCRATCH * sw } else { 0 })?;
    let Some(down) = down else {
        let (across, (mut premultiplied, mut pairs)) = (across.map(Reserve::compute), (premultiplied, pairs).zeroed());
        for (y, out) in dst.chunks_exact_mut(4 * dw).enumerate() {
            make_row(row(first + y), across.as_ref(), (&mut premultiplied, &mut pairs), out);
            alpha::unpremultiply::run(out);
        }
        return Ok(());
    };
    // Rows padded to whole v128s, for the vertical pass's last block.
    let pitch = (4 * dw).next_multiple_of(16);
    let depth = down.widest();
    let ring = reserve::<u8>(depth.checked_mul(pitch).ok_or(Status::OutOfMemory)?)?;
    let rows = reserve::<usize>(depth)?;
    let (mut premultiplied, mut pairs, ring, mut rows) = (premultiplied, pairs, ring, rows).zeroed();
    let (across, down) = (across.map(Reserve::compute), down.compute());
    let mut ring = Ring::new(ring, pitch);
    for (y, out) in dst.chunks_exact_mut(4 * dw).enumerate() {
        let (start, count, k) = down.of(first + y);
        // Windows only move down: rows above this one are done with.
        ring.skip_to(start);
        ring.make_until(start + count, |n, slot| {
            make_row(row(n), across.as_ref(), (&mut premultiplied, &mut pairs), &mut slot[..4 * dw]);
        });
        let rows = &mut rows[..count];
        for (j, at) in rows.iter_mut().enumerate() {
            *at = ring.at(start + j);
        }
        vertical::run(ring.rows(), rows, k, out);
        alpha::unpremultiply::run(out);
    }
    Ok(())
}

/// One row of the intermediate image: the source row premultiplied, and
/// filtered horizontally if the width changes; the scratch is a row for the
/// premultiplied pixels and the horizontal pass's own.
#[inline(never)]
fn make_row(src: &[u8], across: Option<&Taps>, (premultiplied, pairs): (&mut [u8], &mut [u8]), out: &mut [u8]) {
    let row = if alpha::opaque::run(src) {
        src
    } else {
        premultiplied.copy_from_slice(src);
        point::premultiply::run(premultiplied);
        premultiplied
    };
    match across {
        Some(taps) => horizontal::run(row, taps, pairs, out),
        None => out.copy_from_slice(row),
    }
}
