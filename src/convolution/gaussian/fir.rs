//! The multiply-accumulate both passes share: Σ_k u_k·s_k over the taps,
//! where s_k is the sum of the two samples k away on either side.

/// One lane: exact in i32, since Σ u_k·s_k <= 2^15·(2·16320).
#[inline(always)]
pub fn scalar(taps: &[i16], s: impl Fn(usize) -> i32) -> i32 {
    taps.iter().enumerate().map(|(k, &u)| i32::from(u) * s(k)).sum()
}

/// Eight lanes (two pixels) at once, as two i32x4 (first pixel, second).
/// Taps go in pairs: interleaving s_k and s_k+1 lets one `i32x4.dot_i16x8`
/// (a single pmaddwd on x86) do eight multiplies and four adds.
#[cfg(target_feature = "simd128")]
#[inline(always)]
pub fn simd(taps: &[i16], s: impl Fn(usize) -> core::arch::wasm32::v128) -> (core::arch::wasm32::v128, core::arch::wasm32::v128) {
    use core::arch::wasm32::*;
    let (mut lo, mut hi) = (i32x4_splat(0), i32x4_splat(0));
    for (j, pair) in taps.as_chunks::<2>().0.iter().enumerate() {
        let (s0, s1) = (s(2 * j), s(2 * j + 1));
        // SAFETY: `pair` is two i16, read as the one 32-bit word (u_k, u_k+1).
        let u = unsafe { v128_load32_splat(pair.as_ptr().cast()) };
        lo = i32x4_add(lo, i32x4_dot_i16x8(i16x8_shuffle::<0, 8, 1, 9, 2, 10, 3, 11>(s0, s1), u));
        hi = i32x4_add(hi, i32x4_dot_i16x8(i16x8_shuffle::<4, 12, 5, 13, 6, 14, 7, 15>(s0, s1), u));
    }
    (lo, hi)
}

/// The sums of `simd` rounded to units of 2^16, as eight i16 lanes: the
/// high halves of sum + 2^15 (`half`, hoisted), sums being non-negative.
#[cfg(target_feature = "simd128")]
#[inline(always)]
pub fn rounded(lo: core::arch::wasm32::v128, hi: core::arch::wasm32::v128, half: core::arch::wasm32::v128) -> core::arch::wasm32::v128 {
    use core::arch::wasm32::*;
    i8x16_shuffle::<2, 3, 6, 7, 10, 11, 14, 15, 18, 19, 22, 23, 26, 27, 30, 31>(i32x4_add(lo, half), i32x4_add(hi, half))
}
