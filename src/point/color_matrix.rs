//! out_i = clamp(round(Σ_j m[i][j]·in_j + m[i][4]·255)) over R, G, B, A, as SVG
//! `feColorMatrix`. f32 arithmetic, in the same order on both paths.

/// A 4×5 matrix ready to apply: `rows[i][j]` weighs input channel j in
/// output channel i; `offset[i]` is m[i][4]·255 plus the 0.5 of rounding.
pub struct Matrix {
    rows: [[f32; 4]; 4],
    offset: [f32; 4],
}

impl Matrix {
    /// From the 20 row-major values of docs/abi.md (all finite: the ABI checks).
    pub fn new(m: &[f32; 20]) -> Matrix {
        Matrix {
            rows: core::array::from_fn(|i| core::array::from_fn(|j| m[5 * i + j])),
            offset: core::array::from_fn(|i| m[5 * i + 4] * 255.0 + 0.5),
        }
    }
}

/// floor(x) clamped to [0, 255], NaN (from inf - inf) to 0, as the SIMD path
/// computes it.
fn to_u8(x: f32) -> u8 {
    let x = if 0.0 < x { x } else { 0.0 };
    let x = if 255.0 < x { 255.0 } else { x };
    x as u8
}

pub fn scalar(px: &mut [u8], m: &Matrix) {
    for p in px.as_chunks_mut::<4>().0 {
        let [r, g, b, a] = p.map(f32::from);
        *p = core::array::from_fn(|i| {
            let w = &m.rows[i];
            to_u8(w[0] * r + w[1] * g + w[2] * b + w[3] * a + m.offset[i])
        });
    }
}

#[cfg(target_feature = "simd128")]
pub fn simd(px: &mut [u8], m: &Matrix) {
    use crate::simd::{WholeToI32, channel, hoist, pack_rgba};
    use core::arch::wasm32::*;
    let rows = m.rows.map(|row| row.map(|x| hoist(f32x4_splat(x))));
    let offset = m.offset.map(|x| hoist(f32x4_splat(x)));
    let [zero, max, ff] = [f32x4_splat(0.0), f32x4_splat(255.0), u32x4_splat(0xff)].map(hoist);
    let to_int = WholeToI32::new();
    crate::simd::map_blocks(
        px,
        |v| {
            // Four pixels, one channel per vector, one pixel per lane.
            let [r, g, b] = [0, 8, 16].map(|s| f32x4_convert_i32x4(channel(v, s, ff)));
            let a = f32x4_convert_i32x4(u32x4_shr(v, 24));
            let [r, g, b, a] = core::array::from_fn(|i| {
                let w = &rows[i];
                let x = f32x4_add(f32x4_mul(w[0], r), f32x4_mul(w[1], g));
                let x = f32x4_add(f32x4_add(f32x4_add(x, f32x4_mul(w[2], b)), f32x4_mul(w[3], a)), offset[i]);
                // pmax(0, x) maps NaN to 0, like `to_u8`.
                to_int.apply(f32x4_floor(f32x4_pmin(f32x4_pmax(zero, x), max)))
            });
            pack_rgba(r, g, b, a)
        },
    );
}

#[cfg(not(target_feature = "simd128"))]
pub use scalar as run;
#[cfg(target_feature = "simd128")]
pub use simd as run;
