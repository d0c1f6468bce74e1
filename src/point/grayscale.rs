//! R = G = B = round(0.299R + 0.587G + 0.114B); alpha unchanged.
//!
//! The weights are whole thousandths, so integer arithmetic gives the exact
//! decimal result (halves up): (299R + 587G + 114B + 500) / 1000.

pub fn scalar(px: &mut [u8]) {
    for p in px.as_chunks_mut::<4>().0 {
        let [r, g, b] = [p[0], p[1], p[2]].map(u32::from);
        let y = ((299 * r + 587 * g + 114 * b + 500) / 1000) as u8;
        p[..3].fill(y);
    }
}

#[cfg(target_feature = "simd128")]
pub fn simd(px: &mut [u8]) {
    use crate::simd::hoist;
    use core::arch::wasm32::*;
    let weights = hoist(i16x8(299, 587, 114, 0, 299, 587, 114, 0));
    let [k500, k125, alpha] = [500, 33555, 0xff00_0000].map(|k| hoist(u32x4_splat(k)));
    // The luma of each pixel into every byte of its R, G, B.
    let spread = hoist(u8x16(0, 0, 0, 16, 4, 4, 4, 16, 8, 8, 8, 16, 12, 12, 12, 16));
    crate::simd::map_blocks(px, |v| {
        // Per pixel pair (R·299 + G·587, B·114 + A·0) in i32 lanes.
        let lo = i32x4_dot_i16x8(u16x8_extend_low_u8x16(v), weights);
        let hi = i32x4_dot_i16x8(u16x8_extend_high_u8x16(v), weights);
        let sum = i32x4_add(i32x4_shuffle::<0, 2, 4, 6>(lo, hi), i32x4_shuffle::<1, 3, 5, 7>(lo, hi));
        // x / 1000 = (x / 8) / 125, and for x <= 255500 the division by
        // 125 is exactly a multiply by 33555 and a shift by 22.
        let y = u32x4_shr(i32x4_mul(u32x4_shr(i32x4_add(sum, k500), 3), k125), 22);
        // Index 16 of the swizzle is out of range and gives 0 under alpha.
        v128_or(i8x16_swizzle(y, spread), v128_and(v, alpha))
    });
}

#[cfg(not(target_feature = "simd128"))]
pub use scalar as run;
#[cfg(target_feature = "simd128")]
pub use simd as run;
