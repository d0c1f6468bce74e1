//! c = a == 0 ? 0 : min(255, round(c·255/a)) on R, G, B; alpha unchanged.

pub fn scalar(px: &mut [u8]) {
    for p in px.as_chunks_mut::<4>().0 {
        let a = u32::from(p[3]);
        for c in &mut p[..3] {
            // round(q) = floor(q + 1/2) = floor((2·255c + a) / 2a).
            *c = if a == 0 { 0 } else { ((510 * u32::from(*c) + a) / (2 * a)).min(255) as u8 };
        }
    }
}

/// In f32, floor(c·255/a + 0.5) is exact wherever the result is below 256:
/// a true quotient that is not a half lies at least 1/510 from one, far more
/// than f32's rounding error below 256; larger results clamp to 255.
#[cfg(target_feature = "simd128")]
pub fn simd(px: &mut [u8]) {
    use crate::simd::{WholeToI32, channel, hoist, pack_rgba};
    use core::arch::wasm32::*;
    let [k255, half] = [f32x4_splat(255.0), f32x4_splat(0.5)].map(hoist);
    let [ff, zero, alpha] = [0xff, 0, 0xff00_0000].map(|k| hoist(u32x4_splat(k)));
    let to_int = WholeToI32::new();
    crate::simd::map_blocks(
        px,
        |v| {
            if crate::simd::opaque(v, alpha) {
                return v;
            }
            let a_int = u32x4_shr(v, 24);
            let a = f32x4_convert_i32x4(a_int);
            let [r, g, b] = [0, 8, 16].map(|s| {
                let c = f32x4_convert_i32x4(channel(v, s, ff));
                let q = f32x4_add(f32x4_div(f32x4_mul(c, k255), a), half);
                // pmin keeps a NaN (0/0), which the alpha == 0 mask clears.
                to_int.apply(f32x4_floor(f32x4_pmin(q, k255)))
            });
            let rgb = v128_andnot(pack_rgba(r, g, b, zero), i32x4_eq(a_int, zero));
            v128_or(rgb, v128_and(v, alpha))
        },
    );
}

#[cfg(not(target_feature = "simd128"))]
pub use scalar as run;
#[cfg(target_feature = "simd128")]
pub use simd as run;
