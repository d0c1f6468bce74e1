//! c = 255 - c on R, G, B; alpha unchanged.

pub fn scalar(px: &mut [u8]) {
    for p in px.as_chunks_mut::<4>().0 {
        for c in &mut p[..3] {
            *c = 255 - *c;
        }
    }
}

#[cfg(target_feature = "simd128")]
pub fn simd(px: &mut [u8]) {
    use core::arch::wasm32::*;
    // 255 - c is c with every bit flipped.
    let rgb = crate::simd::hoist(u32x4_splat(0x00ff_ffff));
    crate::simd::map_blocks(px, |v| v128_xor(v, rgb));
}

#[cfg(not(target_feature = "simd128"))]
pub use scalar as run;
#[cfg(target_feature = "simd128")]
pub use simd as run;
