//! c = round(c·a/255) on R, G, B; alpha unchanged.

/// round(x / 255) for x <= 255·255 without a division (no ties: 255 is odd).
fn div255(x: u16) -> u8 {
    let t = x + 128;
    ((t + (t >> 8)) >> 8) as u8
}

pub fn scalar(px: &mut [u8]) {
    for p in px.as_chunks_mut::<4>().0 {
        let a = u16::from(p[3]);
        for c in &mut p[..3] {
            *c = div255(u16::from(*c) * a);
        }
    }
}

#[cfg(target_feature = "simd128")]
pub fn simd(px: &mut [u8]) {
    use core::arch::wasm32::*;
    let [opaque, k128, alpha] = [u8x16_splat(255), u16x8_splat(128), u32x4_splat(0xff00_0000)].map(crate::simd::hoist);
    // `div255` on eight u16 lanes.
    let mul = |c, a| {
        let t = i16x8_add(i16x8_mul(c, a), k128);
        u16x8_shr(i16x8_add(t, u16x8_shr(t, 8)), 8)
    };
    crate::simd::map_blocks(
        px,
        |v| {
            if crate::simd::opaque(v, alpha) {
                return v;
            }
            // Each pixel's alpha under its R, G, B and 255 under its A, which
            // multiplies A by 1.
            let a = i8x16_shuffle::<3, 3, 3, 16, 7, 7, 7, 16, 11, 11, 11, 16, 15, 15, 15, 16>(v, opaque);
            let lo = mul(u16x8_extend_low_u8x16(v), u16x8_extend_low_u8x16(a));
            let hi = mul(u16x8_extend_high_u8x16(v), u16x8_extend_high_u8x16(a));
            u8x16_narrow_i16x8(lo, hi)
        },
    );
}

#[cfg(not(target_feature = "simd128"))]
pub use scalar as run;
#[cfg(target_feature = "simd128")]
pub use simd as run;
