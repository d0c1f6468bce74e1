//! c = clamp(c + delta) on R, G, B; alpha unchanged. `delta` is in [-255, 255].

pub fn scalar(px: &mut [u8], delta: i32) {
    for p in px.as_chunks_mut::<4>().0 {
        for c in &mut p[..3] {
            *c = (i32::from(*c) + delta).clamp(0, 255) as u8;
        }
    }
}

#[cfg(target_feature = "simd128")]
pub fn simd(px: &mut [u8], delta: i32) {
    use core::arch::wasm32::*;
    // The step in the R, G, B bytes and 0 in alpha, which saturating
    // arithmetic then leaves alone; one of `up` and `down` is zero.
    let step = |d: i32| crate::simd::hoist(u32x4_splat(d.max(0) as u32 * 0x0001_0101));
    let (up, down) = (step(delta), step(-delta));
    crate::simd::map_blocks(px, |v| u8x16_sub_sat(u8x16_add_sat(v, up), down));
}

#[cfg(not(target_feature = "simd128"))]
pub use scalar as run;
#[cfg(target_feature = "simd128")]
pub use simd as run;
