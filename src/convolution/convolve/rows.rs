//! One output row: per pixel and colour lane, acc = Σ_j Σ_i k[j][i]·v (j
//! over the kernel's rows, i over its columns, in that order, from 0), then
//! c = clamp(round(acc + bias)); alpha is the pixel's own.

/// `rows[j]` is the ring offset of the image row under kernel row j; ring
/// rows are padded by size/2 pixels each side.
pub fn scalar(ring: &[f32], rows: &[usize], kernel: &[f32], bias: f32, px: &mut [u8]) {
    let size = rows.len();
    for (x, p) in px.as_chunks_mut::<4>().0.iter_mut().enumerate() {
        for (c, out) in p[..3].iter_mut().enumerate() {
            let mut acc = 0.0f32;
            for (&row, k) in rows.iter().zip(kernel.chunks_exact(size)) {
                for (i, &k) in k.iter().enumerate() {
                    acc += k * ring[row + 4 * (x + i) + c];
                }
            }
            // Saturating: rounds half up, clamps, and NaN (inf - inf) is 0.
            *out = (acc + bias + 0.5) as u8;
        }
    }
}

/// As `scalar`, four pixels at a time, each pixel's lanes in one f32x4
/// (the alpha lane is computed and dropped), so each weight is splatted
/// once per four pixels; ring rows hold whole fours of pixels, and the
/// last one to three go through a copy (`each_block`).
#[cfg(target_feature = "simd128")]
pub fn simd(ring: &[f32], rows: &[usize], kernel: &[f32], bias: f32, px: &mut [u8]) {
    use crate::simd::hoist;
    use core::arch::wasm32::*;
    let size = rows.len();
    let lanes = 4 * (px.len().div_ceil(16) * 4 + size - 1);
    assert!(kernel.len() == size * size && rows.iter().all(|&row| row + lanes <= ring.len()));
    let [bias, half, zero, max, alpha] =
        [f32x4_splat(bias), f32x4_splat(0.5), i32x4_splat(0), i32x4_splat(255), u32x4_splat(0xff00_0000)].map(hoist);
    let four = crate::simd::FourPixels::new();
    crate::simd::each_block::<16>(px, |b, p| {
        let mut acc = [f32x4_splat(0.0); 4];
        for (&row, k) in rows.iter().zip(kernel.as_chunks::<1>().0.chunks_exact(size)) {
            for (i, k) in k.iter().enumerate() {
                // SAFETY: pixels 4b + i .. 4b + i + 3 of the row lie in its
                // `lanes` lanes (checked above); `k` is one f32.
                unsafe {
                    let at = ring.as_ptr().add(row + 16 * b + 4 * i);
                    let k = v128_load32_splat(k.as_ptr().cast());
                    for (p, acc) in acc.iter_mut().enumerate() {
                        *acc = f32x4_add(*acc, f32x4_mul(k, v128_load(at.add(4 * p).cast())));
                    }
                }
            }
        }
        let round = |a| i32x4_min(i32x4_max(i32x4_trunc_sat_f32x4(f32x4_add(f32x4_add(a, bias), half)), zero), max);
        let [a, b, c, d] = acc.map(round);
        let rgb = four.apply(a, b, c, d);
        // SAFETY: `p` points at the block's 16 bytes.
        unsafe { v128_store(p.cast(), v128_bitselect(v128_load(p.cast()), rgb, alpha)) };
    });
}

#[cfg(not(target_feature = "simd128"))]
pub use scalar as run;
#[cfg(target_feature = "simd128")]
pub use simd as run;
