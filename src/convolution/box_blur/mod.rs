//! `box_blur`: the mean over the (2r+1)² window, premultiplied, in two
//! passes of running sums, so the work per pixel does not depend on r.
//!
//! In place with any radius up to 1000 and little scratch: the horizontal
//! pass rewrites each row with its premultiplied horizontal means, rounded
//! to 8 bits; the vertical pass then walks strips of columns, keeping the
//! strip's last 2r+2 rows of those means in a ring (at most 1 MiB), and
//! finishes each pixel. On an opaque image both roundings together
//! stay within 1 of the exact mean; sums are exact integers throughout.

pub mod horizontal;
pub mod vertical;

use super::{ZeroAll, premultiplied, reserve};
use crate::status::Status;

/// Blurs the image of width `w` in `px` with radius `r` in [1, 1000].
pub fn blur(px: &mut [u8], w: usize, r: usize) -> Result<(), Status> {
    let h = px.len() / (4 * w);
    // Column strips as wide as a ring of 1 MiB allows, 64 to 1024 pixels.
    let depth = h.min(2 * r + 2).next_power_of_two();
    let strip = ((1 << 20) / depth).clamp(256, 4096);
    let (mut row, mut ring, mut sums) =
        (reserve::<i16>(4 * (w + 2 * r + 1))?, reserve::<u8>(strip * depth)?, reserve::<i32>(strip)?).zeroed();
    // 1/n for the means; as 1/(64n) for the premultiplied 1/64 units. Both
    // are exact roundings of the mean: an odd n keeps every mean at least
    // 1/2n from a tie, far more than f32's error.
    let n = (2 * r + 1) as f32;
    for line in px.as_chunks_mut::<4>().0.chunks_exact_mut(w) {
        premultiplied::run(line.as_flattened(), &mut row, r);
        horizontal::run(&row, 1.0 / (64.0 * n), line.as_flattened_mut());
    }
    for x in (0..w).step_by(strip / 4) {
        vertical::run(px, w, x, r, 1.0 / n, &mut ring, &mut sums);
    }
    Ok(())
}
