//! c = clamp(round((c - 127.5) * factor + 127.5)); alpha unchanged.
//!
//! In fixed point: round(x) = floor(x + 0.5), so the result is
//! floor(((2c - 255) * factor * 2^15 + 2^23) / 2^16). With the factor rounded
//! to 15 fractional bits the error is below 127.5 * 2^-16 < 0.002, well inside
//! SPEC's ±1, and the arithmetic is exact integers on both paths.

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

#[cfg(target_arch = "wasm32")]
pub fn simd(px: &mut [u8], factor: f32) {
    use crate::simd::ALPHA;
    use core::arch::wasm32::*;
    let (slope, offset) = line(factor);
    let (slope, offset) = (i32x4_splat(slope), i32x4_splat(offset));
    let level = |c| i32x4_shr(i32x4_add(i32x4_mul(c, slope), offset), 16);
    crate::simd::map_blocks(
        px,
        |v| {
            let (lo, hi) = (u16x8_extend_low_u8x16(v), u16x8_extend_high_u8x16(v));
            let lo = i16x8_narrow_i32x4(level(u32x4_extend_low_u16x8(lo)), level(u32x4_extend_high_u16x8(lo)));
            let hi = i16x8_narrow_i32x4(level(u32x4_extend_low_u16x8(hi)), level(u32x4_extend_high_u16x8(hi)));
            // The saturating narrows clamp to [0, 255].
            v128_bitselect(v, u8x16_narrow_i16x8(lo, hi), ALPHA)
        },
    );
}
