//! Neighbourhood operations: Gaussian blur, box blur, unsharp mask and
//! convolution, in place. Each streams the image in rows through a small
//! ring of scratch, reserved in full before the first pixel is written, so
//! a 4K image needs a few percent of its size in scratch, and the work stays
//! in cache.
//!
//! As for the point operations, each kernel has a `scalar` reference and a
//! `simd` version beside it giving the same bytes; `run` names the one this
//! build uses (SIMD in the module, scalar on the host, where tests compare
//! it with the formulas of docs/abi.md in double precision).

pub mod box_blur;
pub mod convolve;
pub mod gaussian;
pub mod premultiplied;
pub mod triple_box;

#[cfg(test)]
mod tests;

pub use crate::scratch::{ZeroAll, reserve};

/// Fills the `left` pixels before and everything after the `w` pixels at
/// `left` with copies of the first and last of them: clamp-to-edge, so the
/// kernels index a padded row without bounds logic.
fn clamp_edges<T: Copy>(row: &mut [T], left: usize, w: usize) {
    let first = 4 * left;
    for i in 0..first {
        row[i] = row[first + i % 4];
    }
    for i in 4 * (left + w)..row.len() {
        row[i] = row[i - 4];
    }
}

/// Straight colour from premultiplied sums: 255·c / a in f32, exactly as
/// the SIMD kernels' `simd::straight` computes it (0/0 is NaN, which a
/// cast to u8 saturates to 0).
fn straight(c: i32, a: i32) -> f32 {
    (c as f32 * 255.0) / a as f32
}
