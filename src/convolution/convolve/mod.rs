//! `convolve`: a size×size correlation on straight R, G, B, alpha kept, as
//! SVG `feConvolveMatrix` with `preserveAlpha`. Rows are widened to f32 into
//! a ring of `size` rows, edges clamped; each output row is summed from the
//! ring in one fixed order of f32 operations, which the SIMD kernel keeps
//! lane for lane, so both give the same bytes.

pub mod load;
pub mod rows;

use super::{Scratch, scratch};
use crate::status::Status;

/// The kernel's weights, read from the little-endian f32 bytes the caller
/// passed, before any pixel is written (the kernel may lie in the image).
pub fn weights(bytes: &[u8]) -> Result<Scratch<f32>, Status> {
    let mut k = scratch::<f32>(bytes.len() / 4)?;
    for (k, b) in k.iter_mut().zip(bytes.as_chunks::<4>().0) {
        *k = f32::from_le_bytes(*b);
    }
    Ok(k)
}

/// Convolves the image of width `w` in `px` with the `size`² `kernel`
/// (`size` odd), plus `bias`.
pub fn convolve(px: &mut [u8], w: usize, kernel: &[f32], size: usize, bias: f32) -> Result<(), Status> {
    let (h, r) = (px.len() / (4 * w), size / 2);
    // Ring rows hold whole fours of pixels, as the SIMD kernel takes them.
    let lanes = 4 * (w.next_multiple_of(4) + 2 * r);
    let depth = h.min(size);
    let mut ring = scratch::<f32>(depth * lanes)?;
    let mut rows = scratch::<usize>(size)?;
    let mut next = 0;
    for y in 0..h {
        while next < h && next <= y + r {
            load::run(&px[next * 4 * w..][..4 * w], &mut ring[next % depth * lanes..][..lanes], r);
            next += 1;
        }
        for (j, row) in rows.iter_mut().enumerate() {
            *row = (y + j).saturating_sub(r).min(h - 1) % depth * lanes;
        }
        rows::run(&ring, &rows, kernel, bias, &mut px[y * 4 * w..][..4 * w]);
    }
    Ok(())
}
