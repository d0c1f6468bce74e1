//! The horizontal pass: rows of premultiplied source pixels to rows of the
//! output's width, each pixel Σ p·k over its window in Q22, rounded and
//! clamped to 8 bits as Pillow's `clip8`. Two rows at a time: the SIMD pass
//! shares each window's table entry, weights and loop between them.

use super::taps::{PRECISION, Taps, weights};

/// Scratch bytes per source pixel: the SIMD pass lays its two rows out as
/// pairs first (see `simd`); the scalar one reads the rows as they are.
#[cfg(target_feature = "simd128")]
pub const SCRATCH: usize = 32;
#[cfg(not(target_feature = "simd128"))]
pub const SCRATCH: usize = 0;

/// The reference: one row.
pub fn scalar(row: &[u8], taps: &Taps, out: &mut [u8]) {
    for (o, px) in out.as_chunks_mut::<4>().0.iter_mut().enumerate() {
        let (first, count, pairs) = taps.of(o);
        let mut ss = [1i32 << (PRECISION - 1); 4];
        for (p, k) in row[4 * first..][..4 * count].as_chunks::<4>().0.iter().zip(weights(pairs)) {
            for (s, &c) in ss.iter_mut().zip(p) {
                *s = s.wrapping_add(i32::from(c).wrapping_mul(k));
            }
        }
        *px = ss.map(clip8);
    }
}

/// `scalar` on each row, as the module without SIMD128 runs it.
#[cfg(not(target_feature = "simd128"))]
pub fn run(rows: [&[u8]; 2], taps: &Taps, _pairs: &mut [u8], out: [&mut [u8]; 2]) {
    for (row, out) in rows.into_iter().zip(out) {
        scalar(row, taps, out);
    }
}

/// Pillow's `clip8`: the Q22 sum (rounding half already added) to a byte.
pub fn clip8(ss: i32) -> u8 {
    (ss >> PRECISION).clamp(0, 255) as u8
}

/// Both rows are laid out once as pairs, entry x (32 bytes of `pairs`)
/// holding pixels x and x + 1 of row a, then of row b, channel by channel
/// as i16 lanes; then each step of a window is two loads, meeting the
/// weight pair's words in `i32x4.dot_i16x8` once for the weights' high
/// bits and once for the low: R, G, B, A sums of each row. (Building the
/// pair at each step instead cost V8 a dozen instructions; one row at a
/// time spent as much on the window's bookkeeping as on the sums.)
//
//   pairs[x]: [a.p.r a.q.r a.p.g a.q.g a.p.b a.q.b a.p.a a.q.a | b.p.r b.q.r … b.q.a]
//             (i16; p = pixel x, q = pixel x + 1)
#[cfg(target_feature = "simd128")]
pub fn simd(rows: [&[u8]; 2], taps: &Taps, pairs: &mut [u8], out: [&mut [u8]; 2]) {
    use core::arch::wasm32::*;
    let zero = crate::simd::hoist(i32x4_splat(0));
    let half = crate::simd::hoist(i32x4_splat(1 << (PRECISION - 1)));
    lay_out(rows[0], pairs, 0);
    lay_out(rows[1], pairs, 16);
    // The clamp to bytes and the pick of each lane's low byte as three
    // ops: the narrowing `i16x8`/`u8x16` pair became a dozen in V8.
    let k255 = crate::simd::hoist(i32x4_splat(255));
    let four = crate::simd::FourPixels::new();
    let byte = |s| u32x4_extract_lane::<0>(four.one(i32x4_min(i32x4_max(s, zero), k255))).to_le_bytes();
    let load = |entry: &[u8]| {
        let bytes = &entry[..32];
        // SAFETY: 32 bytes: loads at 0 and 16 read 16 each.
        unsafe { [v128_load(bytes.as_ptr().cast()), v128_load(bytes[16..].as_ptr().cast())] }
    };
    let [a, b] = out;
    for (o, (a, b)) in a.as_chunks_mut::<4>().0.iter_mut().zip(b.as_chunks_mut::<4>().0).enumerate() {
        let (first, count, k) = taps.of(o);
        // Entries first, first + 2, …: an odd window's last pair reaches one
        // pixel past it, whose weight is 0.
        let (steps, odd) = pairs[32 * first..][..32 * count].as_chunks::<64>();
        let (mut hi, mut lo) = ([zero; 2], [zero; 2]);
        let mut tap = |v: [v128; 2], k: &[u32; 2]| {
            let (khi, klo) = (u32x4_splat(k[0]), u32x4_splat(k[1]));
            for r in 0..2 {
                hi[r] = i32x4_add(hi[r], i32x4_dot_i16x8(v[r], khi));
                lo[r] = i32x4_add(lo[r], i32x4_dot_i16x8(v[r], klo));
            }
        };
        for (p, k) in steps.iter().zip(k) {
            tap(load(p), k);
        }
        if let Some(k) = k.get(steps.len()).filter(|_| !odd.is_empty()) {
            tap(load(odd), k);
        }
        *a = byte(sum(hi[0], lo[0], half));
        *b = byte(sum(hi[1], lo[1], half));
    }
}

/// Entry x of `pairs`, from byte `at` of it ← pixels x and x + 1 of `row`
/// (0 past its end) as i16 lanes, channel by channel. Four entries per
/// step: v holds pixels x to x + 3 and w pixels x + 1 to x + 4, so
/// unpacking them byte by byte gives
///
///   low(v, w):  [p0.r p1.r p0.g p1.g p0.b p1.b p0.a p1.a | p1.r p2.r … p1.a p2.a]
///   high(v, w): [p2.r p3.r … p2.a p3.a | p3.r p4.r … p3.a p4.a]
///
/// and widening each half to i16 gives entries x, x + 1, x + 2, x + 3.
#[cfg(target_feature = "simd128")]
fn lay_out(row: &[u8], pairs: &mut [u8], at: usize) {
    use core::arch::wasm32::*;
    let n = row.len() / 4;
    // Whole steps while w's last pixel is in the row; the rest one by one.
    let steps = n.saturating_sub(1) / 4;
    for (x, entries) in pairs.as_chunks_mut::<128>().0[..steps].iter_mut().enumerate() {
        let bytes = &row[16 * x..][..20];
        // SAFETY: `bytes` is 20 bytes: loads at 0 and 4 read 16 each.
        let (v, w) = unsafe { (v128_load(bytes.as_ptr().cast()), v128_load(bytes[4..].as_ptr().cast())) };
        let low = i8x16_shuffle::<0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23>(v, w);
        let high = i8x16_shuffle::<8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31>(v, w);
        let wide = [u16x8_extend_low_u8x16(low), u16x8_extend_high_u8x16(low), u16x8_extend_low_u8x16(high), u16x8_extend_high_u8x16(high)];
        for (entry, v) in entries.as_chunks_mut::<32>().0.iter_mut().zip(wide) {
            let lanes = &mut entry[at..][..16];
            // SAFETY: 16 bytes.
            unsafe { v128_store(lanes.as_mut_ptr().cast(), v) }
        }
    }
    for x in 4 * steps..n {
        let q = row.get(4 * x + 4..4 * x + 8).unwrap_or(&[0; 4]);
        for (c, lanes) in pairs[32 * x + at..][..16].as_chunks_mut::<4>().0.iter_mut().enumerate() {
            *lanes = [row[4 * x + c], 0, q[c], 0];
        }
    }
}

/// Pillow's Q22 sums from the packed halves: ((hi << 11) + lo + the
/// rounding half) >> 22, before the clamp (which the narrowing does);
/// `half` is the hoisted 2^21.
#[cfg(target_feature = "simd128")]
#[inline(always)]
pub fn sum(hi: core::arch::wasm32::v128, lo: core::arch::wasm32::v128, half: core::arch::wasm32::v128) -> core::arch::wasm32::v128 {
    use core::arch::wasm32::*;
    i32x4_shr(i32x4_add(i32x4_add(i32x4_shl(hi, 11), lo), half), PRECISION)
}

#[cfg(target_feature = "simd128")]
pub use simd as run;
