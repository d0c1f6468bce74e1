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

#[cfg(target_arch = "wasm32")]
pub fn simd(px: &mut [u8]) {
    use crate::simd::{channel, hoist};
    use core::arch::wasm32::*;
    let [k299, k587, k114, k500, k125, k3x, ff, alpha] =
        [299, 587, 114, 500, 33555, 0x0001_0101, 0xff, 0xff00_0000].map(|k| hoist(u32x4_splat(k)));
    crate::simd::map_blocks(
        px,
        |v| {
            let x = i32x4_add(
                i32x4_add(i32x4_mul(channel(v, 0, ff), k299), i32x4_mul(channel(v, 8, ff), k587)),
                i32x4_add(i32x4_mul(channel(v, 16, ff), k114), k500),
            );
            // x / 1000 = (x / 8) / 125, and for x <= 255500 the division by
            // 125 is exactly a multiply by 33555 and a shift by 22.
            let y = u32x4_shr(i32x4_mul(u32x4_shr(x, 3), k125), 22);
            v128_or(i32x4_mul(y, k3x), v128_and(v, alpha))
        },
    );
}
