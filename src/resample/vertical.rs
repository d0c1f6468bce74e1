//! The vertical pass: one output row from the window of intermediate rows
//! (offsets into the ring, in order; an odd window ends with any row, its
//! weight being 0), Σ p·k per byte in Q22, as Pillow.

use super::horizontal::clip8;
use super::taps::{PRECISION, Pair, weights};

pub fn scalar(ring: &[u8], rows: &[usize], k: &[Pair], out: &mut [u8]) {
    for (i, o) in out.iter_mut().enumerate() {
        let mut ss = 1i32 << (PRECISION - 1);
        for (&at, k) in rows.iter().zip(weights(k)) {
            ss = ss.wrapping_add(i32::from(ring[at + i]).wrapping_mul(k));
        }
        *o = clip8(ss);
    }
}

/// Sixteen bytes per block, two rows per step: their bytes interleaved
/// (a0 b0 a1 b1 …) as i16 lanes meet the packed weight pair in
/// `i32x4.dot_i16x8`. Ring rows are padded to whole blocks and checked
/// once, not at every load.
#[cfg(target_feature = "simd128")]
pub fn simd(ring: &[u8], rows: &[usize], k: &[Pair], out: &mut [u8]) {
    use core::arch::wasm32::*;
    let zero = crate::simd::hoist(i32x4_splat(0));
    let half = crate::simd::hoist(i32x4_splat(1 << (PRECISION - 1)));
    let padded = out.len().next_multiple_of(16);
    assert!(rows.len() == 2 * k.len() && rows.iter().all(|&at| at + padded <= ring.len()));
    let pairs = rows.as_chunks::<2>().0;
    crate::simd::each_block::<16>(out, |b, p| {
        // SAFETY: bytes 16b .. 16b + 15 of every row lie in the ring
        // (checked above: each_block's b < padded / 16).
        let load = |at: usize| unsafe { v128_load(ring.as_ptr().add(at + 16 * b).cast()) };
        let mut acc = [zero; 8];
        for (&[a, c], k) in pairs.iter().zip(k) {
            let (a, c) = (load(a), load(c));
            let low = i8x16_shuffle::<0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23>(a, c);
            let high = i8x16_shuffle::<8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31>(a, c);
            let lanes = [
                u16x8_extend_low_u8x16(low),
                u16x8_extend_high_u8x16(low),
                u16x8_extend_low_u8x16(high),
                u16x8_extend_high_u8x16(high),
            ];
            let (hi, lo) = (u32x4_splat(k[0]), u32x4_splat(k[1]));
            for (i, v) in lanes.into_iter().enumerate() {
                acc[i] = i32x4_add(acc[i], i32x4_dot_i16x8(v, hi));
                acc[4 + i] = i32x4_add(acc[4 + i], i32x4_dot_i16x8(v, lo));
            }
        }
        let s = [0, 1, 2, 3].map(|i| super::horizontal::sum(acc[i], acc[4 + i], half));
        let bytes = u8x16_narrow_i16x8(i16x8_narrow_i32x4(s[0], s[1]), i16x8_narrow_i32x4(s[2], s[3]));
        // SAFETY: `each_block` passes 16 writable bytes.
        unsafe { v128_store(p.cast(), bytes) }
    });
}

#[cfg(not(target_feature = "simd128"))]
pub use scalar as run;
#[cfg(target_feature = "simd128")]
pub use simd as run;
