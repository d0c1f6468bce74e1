//! Every pixel becomes the four bytes of `rgba` (byte 0, the lowest, R). Exact.

pub fn scalar(px: &mut [u8], rgba: u32) {
    for p in px.as_chunks_mut::<4>().0 {
        *p = rgba.to_le_bytes();
    }
}

#[cfg(target_feature = "simd128")]
pub fn simd(px: &mut [u8], rgba: u32) {
    let v = crate::simd::hoist(core::arch::wasm32::u32x4_splat(rgba));
    crate::simd::map_blocks(px, |_| v);
}

#[cfg(not(target_feature = "simd128"))]
pub use scalar as run;
#[cfg(target_feature = "simd128")]
pub use simd as run;
