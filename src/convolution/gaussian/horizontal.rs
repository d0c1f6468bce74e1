//! The horizontal pass: a row of premultiplied D lanes, padded by R pixels
//! on each side, into a ring row at the same 1/64 scale, rounded.

/// `row` holds `out`'s pixels plus R = taps.len() - 1 on each side.
pub fn scalar(row: &[i16], taps: &[i16], out: &mut [i16]) {
    let r = taps.len() - 1;
    for (i, o) in out.iter_mut().enumerate() {
        let at = |p: usize| i32::from(row[i + 4 * p]);
        *o = ((super::fir::scalar(taps, |k| at(r - k) + at(r + k)) + 0x8000) >> 16) as i16;
    }
}

/// As `scalar`, two pixels at a time; `out` holds whole pairs of pixels.
#[cfg(target_feature = "simd128")]
#[inline(never)]
pub fn simd(row: &[i16], taps: &[i16], out: &mut [i16]) {
    use core::arch::wasm32::*;
    let r = taps.len() - 1;
    let row = &row[..out.len() + 8 * r];
    let half = crate::simd::hoist(i32x4_splat(0x8000));
    for (b, o) in out.as_chunks_mut::<8>().0.iter_mut().enumerate() {
        // SAFETY: lanes 8b + 4p .. + 8 for p <= 2R lie in `row`, sliced above.
        let at = |p: usize| unsafe { v128_load(row.as_ptr().add(8 * b + 4 * p).cast()) };
        let (lo, hi) = super::fir::simd(taps, |k| i16x8_add(at(r - k), at(r + k)));
        let d = super::fir::rounded(lo, hi, half);
        // SAFETY: `o` is eight i16, 16 bytes.
        unsafe { v128_store(o.as_mut_ptr().cast(), d) }
    }
}

#[cfg(not(target_feature = "simd128"))]
pub use scalar as run;
#[cfg(target_feature = "simd128")]
pub use simd as run;
