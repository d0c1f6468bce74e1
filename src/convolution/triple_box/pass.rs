//! One axis of the triple box: `n` steps along the axis, each across `k`
//! neighbouring pixels (1 for a row, a strip's width for columns), pixel i
//! of the axis starting at byte `first + i·stride` of `px`. Step j feeds pixel
//! j − reach (an edge pixel or transparent black before 0 and past n − 1)
//! into the three running sums and writes pixel j − 2·reach, so each pixel
//! is read before it is written, and the pass works in place.
//!
//! Each sum adds what the one before it holds and, after the output, drops
//! what its ring kept from d − 1 steps ago (as Skia's GaussPass does).
//! `sums` holds 3k pixels' sums, `ring` the three rings, slot-major.

use super::Boxes;

/// The pixel step `j` feeds; None for transparent black.
fn source(j: usize, reach: usize, n: usize, transparent: bool) -> Option<usize> {
    match j.checked_sub(reach) {
        Some(i) if i < n => Some(i),
        _ if transparent => None,
        i => Some(i.map_or(0, |_| n - 1)),
    }
}

/// The next slot of a ring of `len`.
fn next(slot: usize, len: usize) -> usize {
    if slot + 1 == len { 0 } else { slot + 1 }
}

/// The three sums and the three rings, cleared (the last sum to `half`).
fn start<'a>(k: usize, b: &Boxes, sums: &'a mut [[u32; 4]], ring: &'a mut [[u32; 4]]) -> [[&'a mut [[u32; 4]]; 3]; 2] {
    let [r0, r1, r2] = b.rings();
    let (s0, rest) = sums[..3 * k].split_at_mut(k);
    let (s1, s2) = rest.split_at_mut(k);
    let (g0, rest) = ring[..(r0 + r1 + r2) * k].split_at_mut(r0 * k);
    let (g1, g2) = rest.split_at_mut(r1 * k);
    for part in [&mut *s0, &mut *s1, &mut *g0, &mut *g1, &mut *g2] {
        part.fill([0; 4]);
    }
    s2.fill([b.half; 4]);
    [[s0, s1, s2], [g0, g1, g2]]
}

#[allow(clippy::too_many_arguments)]
pub fn scalar(px: &mut [u8], n: usize, (first, stride): (usize, usize), k: usize, b: &Boxes, transparent: bool, sums: &mut [[u32; 4]], ring: &mut [[u32; 4]]) {
    let [_, r1, r2] = b.rings();
    let [[s0, s1, s2], [g0, g1, g2]] = start(k, b, sums, ring);
    let (mut c1, mut c2) = (0, 0);
    for j in 0..n + 2 * b.reach {
        let from = source(j, b.reach, n, transparent).map(|i| first + i * stride);
        let to = j.checked_sub(2 * b.reach).map(|i| first + i * stride);
        for q in 0..k {
            let x = from.map_or([0; 4], |o| px.as_chunks::<4>().0[o / 4 + q].map(u32::from));
            let (a, m, z) = (&mut s0[q], &mut s1[q], &mut s2[q]);
            let (e0, e1, e2) = (&mut g0[c1 * k + q], &mut g1[c1 * k + q], &mut g2[c2 * k + q]);
            for l in 0..4 {
                a[l] += x[l];
                m[l] += a[l];
                z[l] += m[l];
            }
            let out = z.map(|v| b.divide(v));
            let less = |s: &[u32; 4], e: &[u32; 4]| core::array::from_fn(|l| s[l] - e[l]);
            (*z, *e2) = (less(z, e2), *m);
            (*m, *e1) = (less(m, e1), *a);
            (*a, *e0) = (less(a, e0), x);
            if let Some(o) = to {
                px.as_chunks_mut::<4>().0[o / 4 + q] = out;
            }
        }
        (c1, c2) = (next(c1, r1), next(c2, r2));
    }
}

/// As `scalar`, each pixel's four sums in one u32x4: a row (k = 1) keeps
/// its sums in locals, a strip of columns in `sums`. The division is a
/// widening multiply whose high halves' low bytes are the results:
///   lo = [c0·f | c1·f] (u64), hi = [c2·f | c3·f] → bytes 4, 12 of lo, 4, 12 of hi.
#[cfg(target_feature = "simd128")]
#[inline(never)]
#[allow(clippy::too_many_arguments)]
pub fn simd(px: &mut [u8], n: usize, (first, stride): (usize, usize), k: usize, b: &Boxes, transparent: bool, sums: &mut [[u32; 4]], ring: &mut [[u32; 4]]) {
    use core::arch::wasm32::*;
    let [_, r1, r2] = b.rings();
    let [[s0, s1, s2], [g0, g1, g2]] = start(k, b, sums, ring);
    let (s0, s1, s2) = (s0.as_mut_ptr(), s1.as_mut_ptr(), s2.as_mut_ptr());
    let (g0, g1, g2) = (g0.as_mut_ptr(), g1.as_mut_ptr(), g2.as_mut_ptr());
    let factor = crate::simd::hoist(u32x4_splat(b.factor as u32));
    let zero = u32x4_splat(0);
    // The products' high words are the means: one shuffle V8 knows
    // (`shufps`) gathers them, and a swizzle their low bytes.
    let four = crate::simd::FourPixels::new();
    // Every pixel the pass touches: first + i·stride + 4q for i < n, q < k.
    let span = &mut px[first..first + (n - 1) * stride + 4 * k];
    let px = span.as_mut_ptr();
    // SAFETY (all loads and stores below): pixels at i·stride + 4q with i <
    // n, q < k lie in `span`; sums at q < k in `s*`, ring slots c1 < r1 =
    // r0 and c2 < r2 (`next` wraps them) at c·k + q in `g*`, as `start` cut them.
    let pixel = |i: usize, q: usize| unsafe { u32x4_extend_low_u16x8(u16x8_extend_low_u8x16(v128_load32_zero(px.add(i * stride + 4 * q).cast()))) };
    // Pixel q of step j's source, or transparent black.
    let feed = |from: Option<usize>, q: usize| from.map_or(zero, |i| pixel(i, q));
    // One step of the three sums for lane group q, entering x; the output.
    let step = |(a, m, z): (v128, v128, v128), x: v128, q: usize, c1: usize, c2: usize| unsafe {
        let a = i32x4_add(a, x);
        let m = i32x4_add(m, a);
        let z = i32x4_add(z, m);
        let (lo, hi) = (u64x2_extmul_low_u32x4(z, factor), u64x2_extmul_high_u32x4(z, factor));
        let out = four.one(i32x4_shuffle::<1, 3, 5, 7>(lo, hi));
        let (e0, e1, e2) = (g0.add(c1 * k + q).cast::<v128>(), g1.add(c1 * k + q).cast::<v128>(), g2.add(c2 * k + q).cast::<v128>());
        let next = (i32x4_sub(a, v128_load(e0)), i32x4_sub(m, v128_load(e1)), i32x4_sub(z, v128_load(e2)));
        v128_store(e2, m);
        v128_store(e1, a);
        v128_store(e0, x);
        (next, out)
    };
    let put = |i: usize, q: usize, out: v128| unsafe { v128_store32_lane::<0>(out, px.add(i * stride + 4 * q).cast()) };
    let (mut c1, mut c2) = (0, 0);
    if k == 1 {
        let mut sums = (zero, zero, u32x4_splat(b.half));
        for j in 0..n + 2 * b.reach {
            let out;
            (sums, out) = step(sums, feed(source(j, b.reach, n, transparent), 0), 0, c1, c2);
            if j >= 2 * b.reach {
                put(j - 2 * b.reach, 0, out);
            }
            (c1, c2) = (next(c1, r1), next(c2, r2));
        }
        return;
    }
    for j in 0..n + 2 * b.reach {
        let from = source(j, b.reach, n, transparent);
        for q in 0..k {
            // SAFETY: as above.
            let sums = unsafe { (v128_load(s0.add(q).cast()), v128_load(s1.add(q).cast()), v128_load(s2.add(q).cast())) };
            let ((a, m, z), out) = step(sums, feed(from, q), q, c1, c2);
            // SAFETY: as above.
            unsafe {
                v128_store(s0.add(q).cast(), a);
                v128_store(s1.add(q).cast(), m);
                v128_store(s2.add(q).cast(), z);
            }
            if j >= 2 * b.reach {
                put(j - 2 * b.reach, q, out);
            }
        }
        (c1, c2) = (next(c1, r1), next(c2, r2));
    }
}

#[cfg(not(target_feature = "simd128"))]
pub use scalar as run;
#[cfg(target_feature = "simd128")]
pub use simd as run;
