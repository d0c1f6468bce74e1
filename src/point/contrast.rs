//! c = clamp(round((c - 127.5) * factor + 127.5)); alpha unchanged.
//!
//! In fixed point: round(x) = floor(x + 0.5), so the result is
//! floor(((2c - 255) * factor * 2^15 + 2^23) / 2^16). With the factor rounded
//! to 15 fractional bits the error is below 127.5 * 2^-16 < 0.002, well inside
//! the ±1 of docs/abi.md, and the arithmetic is exact integers on both paths.

/// The factor (in [0, 100]) with 15 fractional bits.
fn fixed(factor: f32) -> i32 {
    (factor * 32768.0 + 0.5) as i32
}

/// `(c * slope + offset) >> 16` is the rounded, not yet clamped result.
fn line(factor: f32) -> (i32, i32) {
    let f = fixed(factor);
    (2 * f, (1 << 23) - 255 * f)
}

pub fn scalar(px: &mut [u8], factor: f32) {
    let (slope, offset) = line(factor);
    for p in px.as_chunks_mut::<4>().0 {
        for c in &mut p[..3] {
            *c = ((i32::from(*c) * slope + offset) >> 16).clamp(0, 255) as u8;
        }
    }
}

#[cfg(target_feature = "simd128")]
pub fn simd(px: &mut [u8], factor: f32) {
    use crate::simd::{FourPixels, hoist};
    use core::arch::wasm32::*;
    let (slope, offset) = line(factor);
    let [slope, offset, zero, max, alpha] = [slope, offset, 0, 255, -1 << 24].map(|k| hoist(i32x4_splat(k)));
    let four = FourPixels::new();
    let level = |c| i32x4_min(i32x4_max(i32x4_shr(i32x4_add(i32x4_mul(c, slope), offset), 16), zero), max);
    crate::simd::map_blocks(px, |v| {
        let (lo, hi) = (u16x8_extend_low_u8x16(v), u16x8_extend_high_u8x16(v));
        let [a, b, c, d] = [
            u32x4_extend_low_u16x8(lo),
            u32x4_extend_high_u16x8(lo),
            u32x4_extend_low_u16x8(hi),
            u32x4_extend_high_u16x8(hi),
        ]
        .map(level);
        v128_bitselect(v, four.apply(a, b, c, d), alpha)
    });
}

#[cfg(not(target_feature = "simd128"))]
pub use scalar as run;
#[cfg(target_feature = "simd128")]
pub use simd as run;
