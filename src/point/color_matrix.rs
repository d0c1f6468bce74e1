//! out_i = clamp(round(Σ_j m[i][j]·in_j + m[i][4]·255)) over R, G, B, A, as SVG
//! `feColorMatrix`; a chain of matrices applies each in turn to the one
//! before's result clamped to [0, 255] but not rounded, and rounds once at
//! the end, as Skia runs composed colour filters (CSS filter chains). f32
//! arithmetic, in the same order on both paths.

/// A 4×5 matrix ready to apply: `rows[i][j]` weighs input channel j in
/// output channel i; `offset[i]` is m[i][4]·255, plus the 0.5 of rounding
/// for the last matrix of a chain.
pub struct Matrix {
    rows: [[f32; 4]; 4],
    offset: [f32; 4],
}

impl Matrix {
    /// From the 20 row-major values of docs/abi.md (all finite: the ABI
    /// checks), as the last (or only) matrix of a chain.
    pub fn new(m: &[f32; 20]) -> Matrix {
        Matrix::in_chain(m, true)
    }

    /// A matrix of a chain: only the `last` one's result is rounded.
    pub fn in_chain(m: &[f32; 20], last: bool) -> Matrix {
        let half = if last { 0.5 } else { 0.0 };
        Matrix {
            rows: core::array::from_fn(|i| core::array::from_fn(|j| m[5 * i + j])),
            offset: core::array::from_fn(|i| m[5 * i + 4] * 255.0 + half),
        }
    }
}

/// x clamped to [0, 255], NaN (from inf - inf) to 0, as the SIMD path's
/// pmax and pmin compute it.
fn clamp(x: f32) -> f32 {
    let x = if 0.0 < x { x } else { 0.0 };
    if 255.0 < x { 255.0 } else { x }
}

/// The matrices of `chain` in turn (1 to `MATRICES`), the last rounded.
pub fn scalar(px: &mut [u8], chain: &[Matrix]) {
    for p in px.as_chunks_mut::<4>().0 {
        let mut v = p.map(f32::from);
        for m in chain {
            let [r, g, b, a] = v;
            v = core::array::from_fn(|i| {
                let w = &m.rows[i];
                clamp(w[0] * r + w[1] * g + w[2] * b + w[3] * a + m.offset[i])
            });
        }
        *p = v.map(|x| x as u8);
    }
}

#[cfg(target_feature = "simd128")]
pub fn simd(px: &mut [u8], chain: &[Matrix]) {
    use crate::simd::{WholeToI32, channel, hoist, pack_rgba};
    use core::arch::wasm32::*;
    let [zero, max, ff] = [f32x4_splat(0.0), f32x4_splat(255.0), u32x4_splat(0xff)].map(hoist);
    let to_int = WholeToI32::new();
    // Row i of a matrix: its four weights and its offset, splat.
    let splat = |m: &Matrix, i: usize| {
        let [w0, w1, w2, w3] = m.rows[i];
        [w0, w1, w2, w3, m.offset[i]].map(|x| f32x4_splat(x))
    };
    // Σ w·c + offset, clamped; pmax(0, x) maps NaN to 0, like `clamp`.
    let apply = |[w0, w1, w2, w3, offset]: [v128; 5], [r, g, b, a]: [v128; 4]| {
        let x = f32x4_add(f32x4_mul(w0, r), f32x4_mul(w1, g));
        let x = f32x4_add(f32x4_add(f32x4_add(x, f32x4_mul(w2, b)), f32x4_mul(w3, a)), offset);
        f32x4_pmin(f32x4_pmax(zero, x), max)
    };
    // The last matrix (the only one, mostly) splat once; those before it
    // splat from memory as they are used (v128.load32_splat), as a chain's
    // weights would not stay in registers anyway.
    let (last, before) = chain.split_last().expect("a chain has a matrix");
    let last: [[v128; 5]; 4] = core::array::from_fn(|i| splat(last, i).map(hoist));
    crate::simd::map_blocks(
        px,
        |v| {
            // Four pixels, one channel per vector, one pixel per lane.
            let [r, g, b] = [0, 8, 16].map(|s| f32x4_convert_i32x4(channel(v, s, ff)));
            let mut v = [r, g, b, f32x4_convert_i32x4(u32x4_shr(v, 24))];
            for m in before {
                v = core::array::from_fn(|i| apply(splat(m, i), v));
            }
            let [r, g, b, a] = core::array::from_fn(|i| to_int.apply(f32x4_floor(apply(last[i], v))));
            pack_rgba(r, g, b, a)
        },
    );
}

#[cfg(not(target_feature = "simd128"))]
pub use scalar as run;
#[cfg(target_feature = "simd128")]
pub use simd as run;
