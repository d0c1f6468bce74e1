//! The horizontal pass: each pixel becomes the mean of the 2r+1 around it,
//! in premultiplied 8-bit values, from a running sum.

/// `row` holds the line's D lanes padded by r pixels before and r+1 after,
/// so the window spans row pixels - line pixels; `scale` is 1/(64·span).
pub fn scalar(row: &[i16], scale: f32, line: &mut [u8]) {
    let span = row.len() / 4 - line.len() / 4;
    let at = |p: usize, c: usize| i32::from(row[4 * p + c]);
    let mut sum: [i32; 4] = core::array::from_fn(|c| (0..span).map(|p| at(p, c)).sum());
    for (x, o) in line.as_chunks_mut::<4>().0.iter_mut().enumerate() {
        *o = sum.map(|s| (s as f32 * scale + 0.5) as u8);
        for (c, s) in sum.iter_mut().enumerate() {
            *s += at(x + span, c) - at(x, c);
        }
    }
}

/// As `scalar`, the four lanes of a pixel in one i32x4.
#[cfg(target_feature = "simd128")]
#[inline(never)]
pub fn simd(row: &[i16], scale: f32, line: &mut [u8]) {
    use core::arch::wasm32::*;
    let span = row.len() / 4 - line.len() / 4;
    let [scale, half] = [f32x4_splat(scale), f32x4_splat(0.5)].map(crate::simd::hoist);
    let four = crate::simd::FourPixels::new();
    // SAFETY: pixel p's four lanes lie in `row` for p < row.len() / 4.
    let at = |p: usize| unsafe { u32x4_load_extend_u16x4(row[..4 * p + 4].as_ptr().add(4 * p).cast()) };
    let mut sum = (0..span).fold(i32x4_splat(0), |s, p| i32x4_add(s, at(p)));
    for (x, o) in line.as_chunks_mut::<4>().0.iter_mut().enumerate() {
        let mean = i32x4_trunc_sat_f32x4(f32x4_add(f32x4_mul(f32x4_convert_i32x4(sum), scale), half));
        // SAFETY: `o` is 4 bytes.
        unsafe { v128_store32_lane::<0>(four.one(mean), o.as_mut_ptr().cast()) };
        sum = i32x4_add(sum, i32x4_sub(at(x + span), at(x)));
    }
}

#[cfg(not(target_feature = "simd128"))]
pub use scalar as run;
#[cfg(target_feature = "simd128")]
pub use simd as run;
