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
    use crate::simd::{channel, ALPHA};
    use core::arch::wasm32::*;
    let w = |k| u32x4_splat(k);
    crate::simd::map_blocks(
        px,
        |v| {
            let x = i32x4_add(
                i32x4_add(i32x4_mul(channel(v, 0), w(299)), i32x4_mul(channel(v, 8), w(587))),
                i32x4_add(i32x4_mul(channel(v, 16), w(114)), w(500)),
            );
            // x / 1000 = (x / 8) / 125, and for x <= 255500 the division by
            // 125 is exactly a multiply by 33555 and a shift by 22.
            let y = u32x4_shr(i32x4_mul(u32x4_shr(x, 3), w(33555)), 22);
            v128_or(i32x4_mul(y, w(0x0001_0101)), v128_and(v, ALPHA))
        },
    );
}
