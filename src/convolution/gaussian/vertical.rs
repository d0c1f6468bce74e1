//! The vertical pass over the ring, fused with the step that turns each
//! pixel's sums into its output (`finish`), so no third pass is needed.

use super::finish::Finish;

/// For each pixel of the output row `px`: per lane Σ_k u_k·(above_k +
/// below_k), where `rows[2k]` and `rows[2k + 1]` are the ring offsets of the
/// rows k above and k below (clamped); then `finish`.
pub fn scalar(ring: &[i16], rows: &[usize], taps: &[i16], px: &mut [u8], finish: Finish) {
    for (x, p) in px.as_chunks_mut::<4>().0.iter_mut().enumerate() {
        let at = |row: usize, c: usize| i32::from(ring[row + 4 * x + c]);
        let sums = core::array::from_fn(|c| super::fir::scalar(taps, |k| at(rows[2 * k], c) + at(rows[2 * k + 1], c)));
        *p = finish.scalar(sums, *p);
    }
}

/// As `scalar`, two pixels at a time. Each ring row holds whole pairs of
/// pixels; an odd last pixel goes through a copy (`each_block`).
#[cfg(target_feature = "simd128")]
#[inline(never)]
pub fn simd(
    ring: &[i16],
    rows: &[usize],
    taps: &[i16],
    px: &mut [u8],
    finish: Finish,
) {
    use core::arch::wasm32::*;
    let finish = super::finish::Simd::new(finish);
    let lanes = px.len().div_ceil(8) * 8;
    assert!(rows.len() == 2 * taps.len() && rows.iter().all(|&row| row + lanes <= ring.len()));
    crate::simd::each_block::<8>(px, |b, p| {
        // SAFETY: every offset in `rows` starts `lanes` lanes inside `ring`
        // (checked above), and 8b + 8 <= lanes.
        let at = |k: usize| unsafe { v128_load(ring.as_ptr().add(*rows.get_unchecked(k) + 8 * b).cast()) };
        let (lo, hi) = super::fir::simd(taps, |k| i16x8_add(at(2 * k), at(2 * k + 1)));
        // SAFETY: `p` points at the block's 8 bytes.
        unsafe { v128_store64_lane::<0>(finish.apply(lo, hi, v128_load64_zero(p.cast())), p.cast()) };
    });
}

#[cfg(not(target_feature = "simd128"))]
pub use scalar as run;
#[cfg(target_feature = "simd128")]
pub use simd as run;
