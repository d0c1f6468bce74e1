//! Pillow's conversions around the filters: RGBA → RGBa is docs/abi.md's
//! `premultiply` (the same rounding), skipped for rows that are all opaque,
//! where it changes nothing; RGBa → RGBA is Pillow's own, which truncates
//! and leaves colour as it is where alpha is 0 or 255.

/// Whether every pixel of the row has alpha 255.
pub mod opaque {
    pub fn scalar(px: &[u8]) -> bool {
        px.as_chunks::<4>().0.iter().all(|p| p[3] == 255)
    }

    #[cfg(target_feature = "simd128")]
    pub fn simd(px: &[u8]) -> bool {
        use core::arch::wasm32::*;
        let alpha = crate::simd::hoist(u32x4_splat(0xff00_0000));
        let (blocks, rest) = px.as_chunks::<16>();
        // SAFETY: each block is 16 bytes.
        blocks.iter().all(|b| crate::simd::opaque(unsafe { v128_load(b.as_ptr().cast()) }, alpha)) && scalar(rest)
    }

    #[cfg(not(target_feature = "simd128"))]
    pub use scalar as run;
    #[cfg(target_feature = "simd128")]
    pub use simd as run;
}

/// c = min(255, ⌊255·c / a⌋) where 0 < a < 255 (Pillow's `rgba2rgbA`).
pub mod unpremultiply {
    // Out of line: the SIMD version calls it twice.
    #[inline(never)]
    pub fn scalar(px: &mut [u8]) {
        for p in px.as_chunks_mut::<4>().0 {
            let a = u32::from(p[3]);
            if a != 0 && a != 255 {
                for c in &mut p[..3] {
                    *c = (255 * u32::from(*c) / a).min(255) as u8;
                }
            }
        }
    }

    /// Skips four pixels at a time where each alpha is 0 or 255 (most of
    /// most images); the rest divide as `scalar`.
    #[cfg(target_feature = "simd128")]
    pub fn simd(px: &mut [u8]) {
        use core::arch::wasm32::*;
        let [alpha, one, extreme] =
            [u32x4_splat(0xff00_0000), u32x4_splat(0x0100_0000), u32x4_splat(0xfe00_0000)].map(crate::simd::hoist);
        let (blocks, rest) = px.as_chunks_mut::<16>();
        for b in blocks {
            // SAFETY: the block is 16 bytes.
            let a = v128_and(unsafe { v128_load(b.as_ptr().cast()) }, alpha);
            // a - 1 (as the top byte) is 255 for a = 0 and 254 for a = 255.
            if !u32x4_all_true(u32x4_ge(i32x4_sub(a, one), extreme)) {
                scalar(b);
            }
        }
        scalar(rest);
    }

    #[cfg(not(target_feature = "simd128"))]
    pub use scalar as run;
    #[cfg(target_feature = "simd128")]
    pub use simd as run;
}
