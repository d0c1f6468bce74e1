//! `convolve`: a size×size correlation on straight R, G, B, alpha kept, as
//! SVG `feConvolveMatrix` with `preserveAlpha`. Rows are widened to f32 into
//! a ring of `size` rows, edges clamped; each output row is summed from the
//! ring in one fixed order of f32 operations, which the SIMD kernel keeps
//! lane for lane, so both give the same bytes.

pub mod load;
pub mod rows;

use super::{ZeroAll, reserve};
use crate::status::Status;

/// Convolves the image of width `w` in `px` with the `size`² `kernel`
/// (`size` odd), plus `bias`.
pub fn convolve(px: &mut [u8], w: usize, kernel: &[f32], size: usize, bias: f32) -> Result<(), Status> {
    let (h, r) = (px.len() / (4 * w), size / 2);
    // Ring rows hold whole fours of pixels, as the SIMD kernel takes them.
    let lanes = 4 * (w.next_multiple_of(4) + 2 * r);
    let depth = h.min(size);
    let (mut ring, mut rows) = (reserve::<f32>(depth * lanes)?, reserve::<usize>(size)?).zeroed();
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
