//! Resampling: `resize` gives Pillow's `Image.resize` result. Like Pillow,
//! the other filters run on colour premultiplied to 8 bits, horizontally then
//! vertically, with Pillow's own fixed point (Q22 taps, each pass rounded and
//! clamped to 8 bits), and Pillow's unpremultiply at the end, so the bytes
//! are Pillow's, not merely close. Nearest copies pixels.
//!
//! The horizontal pass streams into a ring of rows that the vertical pass
//! reads, so scratch is the ring (a window of rows of the output's width)
//! and a row of the source, not a whole intermediate image.

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

/// Resizes the sw×sh image `src` into the dw×dh image `dst`.
pub fn resize(src: &[u8], sw: usize, sh: usize, dst: &mut [u8], dw: usize, dh: usize, filter: Filter) -> Result<(), Status> {
    // Pillow returns a copy, without the premultiplied round trip.
    if (sw, sh) == (dw, dh) {
        dst.copy_from_slice(src);
        return Ok(());
    }
    if filter == Filter::Nearest {
        return nearest::resize(src, sw, sh, dst, dw, dh);
    }
    // As Pillow, an axis whose size stays is not filtered at all. Everything
    // is reserved before the tables are computed or a pixel is written.
    let across = if sw != dw { Some(Taps::reserve(sw, dw, filter)?) } else { None };
    let down = if sh != dh { Some(Taps::reserve(sh, dh, filter)?) } else { None };
    let premultiplied = reserve::<u8>(4 * sw)?;
    let Some(down) = down else {
        let (across, mut premultiplied) = (across.map(Reserve::compute), premultiplied.zeroed());
        for (y, out) in dst.chunks_exact_mut(4 * dw).enumerate() {
            make_row(&src[4 * sw * y..][..4 * sw], across.as_ref(), &mut premultiplied, out);
            alpha::unpremultiply::run(out);
        }
        return Ok(());
    };
    // Rows padded to whole v128s, for the vertical pass's last block.
    let pitch = (4 * dw).next_multiple_of(16);
    let depth = down.widest();
    let ring = reserve::<u8>(depth.checked_mul(pitch).ok_or(Status::OutOfMemory)?)?;
    let rows = reserve::<usize>(depth)?;
    let (mut premultiplied, ring, mut rows) = (premultiplied, ring, rows).zeroed();
    let (across, down) = (across.map(Reserve::compute), down.compute());
    let mut ring = Ring::new(ring, pitch);
    for (y, out) in dst.chunks_exact_mut(4 * dw).enumerate() {
        let (first, count, k) = down.of(y);
        // Windows only move down: rows above this one are done with.
        ring.skip_to(first);
        ring.make_until(first + count, |n, slot| {
            make_row(&src[4 * sw * n..][..4 * sw], across.as_ref(), &mut premultiplied, &mut slot[..4 * dw]);
        });
        let rows = &mut rows[..count];
        for (j, at) in rows.iter_mut().enumerate() {
            *at = ring.at(first + j);
        }
        vertical::run(ring.rows(), rows, k, out);
        alpha::unpremultiply::run(out);
    }
    Ok(())
}

/// One row of the intermediate image: the source row premultiplied, and
/// filtered horizontally if the width changes.
#[inline(never)]
fn make_row(src: &[u8], across: Option<&Taps>, premultiplied: &mut [u8], out: &mut [u8]) {
    let row = if alpha::opaque::run(src) {
        src
    } else {
        premultiplied.copy_from_slice(src);
        point::premultiply::run(premultiplied);
        premultiplied
    };
    match across {
        Some(taps) => horizontal::run(row, taps, out),
        None => out.copy_from_slice(row),
    }
}
