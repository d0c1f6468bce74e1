//! `sobel`: Y = 0.299R + 0.587G + 0.114B (unrounded), gx and gy its 3×3
//! Sobel correlations, R = G = B = clamp(round(scale·√(gx² + gy²))); alpha
//! unchanged; edges clamped. The luma of three rows lives in a `Ring` of
//! f32 rows padded by a pixel each side; the magnitude is written once over
//! `Lanes` (a pixel, or four).

use crate::lanes::Lanes;
use crate::ring::Ring;
use crate::scratch::reserve;
use crate::status::Status;

/// Luma rows: one pixel of padding each side, and three more f32 so four
/// lanes can be read from any pixel.
fn row_len(w: usize) -> usize {
    w + 2 + 3
}

/// Y of one pixel.
fn y_of(p: &[u8]) -> f32 {
    0.299 * f32::from(p[0]) + 0.587 * f32::from(p[1]) + 0.114 * f32::from(p[2])
}

/// Y of row `src` into `out` from index 1, its edges repeated at 0 and w + 1.
fn luma(src: &[u8], out: &mut [f32]) {
    let w = src.len() / 4;
    for (y, p) in out[1..=w].iter_mut().zip(src.as_chunks::<4>().0) {
        *y = y_of(p);
    }
    (out[0], out[w + 1]) = (out[1], out[w]);
}

/// `luma`, four pixels at a time, the same operations in the same order.
#[cfg(target_feature = "simd128")]
fn luma_simd(src: &[u8], out: &mut [f32]) {
    use core::arch::wasm32::*;
    let w = src.len() / 4;
    let ff = crate::simd::hoist(u32x4_splat(0xff));
    let [kr, kg, kb] = [0.299f32, 0.587, 0.114].map(|k| crate::simd::hoist(f32x4_splat(k)));
    let (blocks, rest) = src.as_chunks::<16>();
    for (b, block) in blocks.iter().enumerate() {
        // SAFETY: 16 bytes; v128 loads need no alignment.
        let v = unsafe { v128_load(block.as_ptr().cast()) };
        let c = |shift| f32x4_convert_u32x4(crate::simd::channel(v, shift, ff));
        let y = f32x4_add(f32x4_add(f32x4_mul(kr, c(0)), f32x4_mul(kg, c(8))), f32x4_mul(kb, c(16)));
        let to = &mut out[1 + 4 * b..][..4];
        // SAFETY: four f32 of `out`, checked by the slice above.
        unsafe { v128_store(to.as_mut_ptr().cast(), y) };
    }
    for (y, p) in out[1 + 4 * blocks.len()..=w].iter_mut().zip(rest.as_chunks::<4>().0) {
        *y = y_of(p);
    }
    (out[0], out[w + 1]) = (out[1], out[w]);
}

/// The magnitude at padded column `x` (pixel x − 1) of the three rows,
/// `load(row, at)` reading lanes from pixel `at` on.
#[inline(always)]
fn magnitude<L: Lanes>(rows: [&[f32]; 3], x: usize, scale: f32, load: impl Fn(&[f32], usize) -> L) -> L {
    let [a, b, c] = rows;
    let two = L::splat(2.0);
    let gx = (load(a, x + 1) - load(a, x - 1)) + two * (load(b, x + 1) - load(b, x - 1)) + (load(c, x + 1) - load(c, x - 1));
    let gy = (load(c, x - 1) + two * load(c, x) + load(c, x + 1)) - (load(a, x - 1) + two * load(a, x) + load(a, x + 1));
    L::splat(scale) * (gx * gx + gy * gy).sqrt()
}

/// Runs `each_row(rows, out)` for every row with its three luma rows,
/// made by `luma`.
fn rows(px: &mut [u8], w: usize, luma: fn(&[u8], &mut [f32]), mut each_row: impl FnMut([&[f32]; 3], &mut [u8])) -> Result<(), Status> {
    let h = px.len() / 4 / w;
    let (len, stride) = (row_len(w), 4 * w);
    // Row y's luma is made before row y is written: rows y − 1..=y + 1.
    let mut ring = Ring::new(reserve::<f32>(3 * len)?.zeroed(), len);
    for y in 0..h {
        ring.make_until((y + 1).min(h - 1) + 1, |n, slot| luma(&px[n * stride..][..stride], slot));
        let row = |y: usize| &ring.rows()[ring.at(y)..][..len];
        let rows = [row(y.saturating_sub(1)), row(y), row((y + 1).min(h - 1))];
        each_row(rows, &mut px[y * stride..][..stride]);
    }
    Ok(())
}

pub fn scalar(px: &mut [u8], w: usize, scale: f32) -> Result<(), Status> {
    rows(px, w, luma, |rows, out| {
        for (x, p) in out.as_chunks_mut::<4>().0.iter_mut().enumerate() {
            let v = crate::lanes::to_byte(magnitude(rows, x + 1, scale, |row, at| row[at]));
            p[..3].fill(v);
        }
    })
}

#[cfg(target_feature = "simd128")]
pub fn simd(px: &mut [u8], w: usize, scale: f32) -> Result<(), Status> {
    use crate::lanes::F32x4;
    use crate::simd::hoist;
    use core::arch::wasm32::*;
    let [half, alpha, max, zero] = [f32x4_splat(0.5), u32x4_splat(0xff00_0000), u32x4_splat(255), u32x4_splat(0)].map(hoist);
    // SAFETY: rows hold w + 5 f32 and `at` ≤ w + 1: four lanes fit.
    let load = |row: &[f32], at: usize| F32x4(unsafe { v128_load(row.as_ptr().add(at).cast()) });
    rows(px, w, luma_simd, |rows, out| {
        crate::simd::each_block::<16>(out, |b, p| {
            let m = magnitude(rows, 4 * b + 1, scale, load);
            let v = crate::simd::trunc_clamped(f32x4_add(m.0, half), zero, max);
            let grey = v128_or(v128_or(v, i32x4_shl(v, 8)), i32x4_shl(v, 16));
            // SAFETY: `each_block` passes 16 bytes; no alignment needed.
            unsafe { v128_store(p.cast(), v128_or(grey, v128_and(v128_load(p.cast()), alpha))) };
        });
    })
}

#[cfg(not(target_feature = "simd128"))]
pub use scalar as run;
#[cfg(target_feature = "simd128")]
pub use simd as run;
