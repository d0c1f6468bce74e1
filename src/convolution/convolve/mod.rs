//! `convolve`: a size×size correlation on straight R, G, B, alpha kept, as
//! SVG `feConvolveMatrix` with `preserveAlpha`. Rows are widened to f32 into
//! a ring of `size` rows, edges clamped; each output row is summed from the
//! ring in one fixed order of f32 operations, which the SIMD kernel keeps
//! lane for lane, so both give the same bytes.

pub mod load;
pub mod rows;

use super::{ZeroAll, reserve};
use crate::ring::Ring;
use crate::status::Status;

/// Convolves the image of width `w` in `px` with the `size`² `kernel`
/// (`size` odd), plus `bias`.
pub fn convolve(px: &mut [u8], w: usize, kernel: &[f32], size: usize, bias: f32) -> Result<(), Status> {
    let (h, r) = (px.len() / (4 * w), size / 2);
    // Ring rows hold whole fours of pixels, as the SIMD kernel takes them.
    let lanes = 4 * (w.next_multiple_of(4) + 2 * r);
    let depth = h.min(size);
    let (ring, mut rows) = (reserve::<f32>(depth * lanes)?, reserve::<usize>(size)?).zeroed();
    let mut ring = Ring::new(ring, lanes);
    for y in 0..h {
        ring.make_until((y + r + 1).min(h), |n, slot| load::run(&px[n * 4 * w..][..4 * w], slot, r));
        for (j, row) in rows.iter_mut().enumerate() {
            *row = ring.at((y + j).saturating_sub(r).min(h - 1));
        }
        rows::run(ring.rows(), &rows, kernel, bias, &mut px[y * 4 * w..][..4 * w]);
    }
    Ok(())
}
