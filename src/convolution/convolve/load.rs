//! A row of RGBA8 as f32 lanes, `left` pixels of clamped edge before it and
//! the rest of `out` after it.

pub fn scalar(src: &[u8], out: &mut [f32], left: usize) {
    for (v, o) in src.iter().zip(&mut out[4 * left..]) {
        *o = f32::from(*v);
    }
    super::super::clamp_edges(out, left, src.len() / 4);
}

#[cfg(target_feature = "simd128")]
#[inline(never)]
pub fn simd(src: &[u8], out: &mut [f32], left: usize) {
    use core::arch::wasm32::*;
    let out_px = out[4 * left..].as_chunks_mut::<4>().0;
    for (p, o) in src.as_chunks::<4>().0.iter().zip(out_px) {
        // SAFETY: `p` is 4 bytes, `o` 16.
        unsafe {
            let v = u32x4_extend_low_u16x8(u16x8_extend_low_u8x16(v128_load32_zero(p.as_ptr().cast())));
            v128_store(o.as_mut_ptr().cast(), f32x4_convert_i32x4(v));
        }
    }
    super::super::clamp_edges(out, left, src.len() / 4);
}

#[cfg(not(target_feature = "simd128"))]
pub use scalar as run;
#[cfg(target_feature = "simd128")]
pub use simd as run;
