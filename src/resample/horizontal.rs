//! The horizontal pass: one row of premultiplied source pixels to a row of
//! the output's width, each pixel Σ p·k over its window in Q22, rounded and
//! clamped to 8 bits as Pillow's `clip8`.

use super::taps::{PRECISION, Taps, weights};

pub fn scalar(row: &[u8], taps: &Taps, out: &mut [u8]) {
    for (o, px) in out.as_chunks_mut::<4>().0.iter_mut().enumerate() {
        let (first, count, pairs) = taps.of(o);
        let mut ss = [1i32 << (PRECISION - 1); 4];
        for (p, k) in row[4 * first..][..4 * count].as_chunks::<4>().0.iter().zip(weights(pairs)) {
            for (s, &c) in ss.iter_mut().zip(p) {
                *s = s.wrapping_add(i32::from(c).wrapping_mul(k));
            }
        }
        *px = ss.map(clip8);
    }
}

/// Pillow's `clip8`: the Q22 sum (rounding half already added) to a byte.
pub fn clip8(ss: i32) -> u8 {
    (ss >> PRECISION).clamp(0, 255) as u8
}

/// Two source pixels per step: their channels interleaved as i16 lanes
/// (r0 r1 g0 g1 …) meet the weight pair's words in `i32x4.dot_i16x8`, once
/// for the weights' high bits and once for the low, giving R, G, B, A sums.
#[cfg(target_feature = "simd128")]
pub fn simd(row: &[u8], taps: &Taps, out: &mut [u8]) {
    use core::arch::wasm32::*;
    let zero = crate::simd::hoist(i32x4_splat(0));
    let half = crate::simd::hoist(i32x4_splat(1 << (PRECISION - 1)));
    let pair = |v| i8x16_shuffle::<0, 16, 4, 16, 1, 16, 5, 16, 2, 16, 6, 16, 3, 16, 7, 16>(v, zero);
    let pixel = |o: usize| {
        let (first, count, k) = taps.of(o);
        let (pairs, odd) = row[4 * first..][..4 * count].as_chunks::<8>();
        let (mut hi, mut lo) = (zero, zero);
        let mut tap = |v, k: &[u32; 2]| {
            hi = i32x4_add(hi, i32x4_dot_i16x8(pair(v), u32x4_splat(k[0])));
            lo = i32x4_add(lo, i32x4_dot_i16x8(pair(v), u32x4_splat(k[1])));
        };
        for (p, k) in pairs.iter().zip(k) {
            // SAFETY: `p` is 8 bytes.
            tap(unsafe { v128_load64_zero(p.as_ptr().cast()) }, k);
        }
        if let Some(k) = k.get(pairs.len()).filter(|_| odd.len() == 4) {
            // SAFETY: `odd` is the window's last pixel, 4 bytes.
            tap(unsafe { v128_load32_zero(odd.as_ptr().cast()) }, k);
        }
        sum(hi, lo, half)
    };
    for (o, px) in out.as_chunks_mut::<4>().0.iter_mut().enumerate() {
        let s = i16x8_narrow_i32x4(pixel(o), zero);
        *px = u32x4_extract_lane::<0>(u8x16_narrow_i16x8(s, zero)).to_le_bytes();
    }
}

/// Pillow's Q22 sums from the packed halves: ((hi << 11) + lo + the
/// rounding half) >> 22, before the clamp (which the narrowing does);
/// `half` is the hoisted 2^21.
#[cfg(target_feature = "simd128")]
#[inline(always)]
pub fn sum(hi: core::arch::wasm32::v128, lo: core::arch::wasm32::v128, half: core::arch::wasm32::v128) -> core::arch::wasm32::v128 {
    use core::arch::wasm32::*;
    i32x4_shr(i32x4_add(i32x4_add(i32x4_shl(hi, 11), lo), half), PRECISION)
}

#[cfg(not(target_feature = "simd128"))]
pub use scalar as run;
#[cfg(target_feature = "simd128")]
pub use simd as run;
