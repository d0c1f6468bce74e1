//! `median`: per channel, the median of the (2r+1)² window, edges clamped
//! (Pillow's `MedianFilter(2r + 1)`). Exact.
//!
//! Any radius: Huang's sliding histogram, one per channel, moved a column
//! at a time along each row (2·(2r + 1) updates per value) with the median
//! followed by a running count of the values below it; the histograms of
//! each row's first window slide down a row at a time the same way. The
//! source rows the windows read are kept in a ring, as the image is
//! written in place. r = 1 with SIMD128: each row's three source rows are
//! sorted byte by byte into low, middle and high rows, and the median of
//! nine is the median of (the max of three lows, the median of three
//! middles, the min of three highs), 16 bytes at a time.

use crate::ring::Ring;
use crate::scratch::reserve;
use crate::status::Status;

/// Source row `src` (w pixels) into a ring slot, with `pad` copies of its
/// edge pixels each side.
fn padded(src: &[u8], slot: &mut [u8], pad: usize) {
    let w = src.len() / 4;
    for x in 0..w + 2 * pad {
        let from = 4 * x.saturating_sub(pad).min(w - 1);
        slot[4 * x..][..4].copy_from_slice(&src[from..][..4]);
    }
}

/// Makes every ring row below `end` not made yet: source row n of the
/// w-pixel-wide `px`, padded by `pad` pixels each side.
#[inline(never)]
fn keep(ring: &mut Ring<u8>, px: &[u8], w: usize, pad: usize, end: usize) {
    ring.make_until(end, |n, slot| padded(&px[4 * w * n..][..4 * w], slot, pad));
}

/// Row y of the ring (made, and not yet overwritten).
fn row(ring: &Ring<u8>, y: usize, len: usize) -> &[u8] {
    &ring.rows()[ring.at(y)..][..len]
}

/// The largest radius (limits::MEDIAN_RADIUS).
const MOST: usize = 100;

/// The median of every window, by sliding histograms (r in 1..=MOST).
pub fn sliding(px: &mut [u8], w: usize, r: usize) -> Result<(), Status> {
    let h = px.len() / 4 / w;
    let (k, stride) = (2 * r + 1, 4 * w);
    let rank = (k * k / 2) as u32;
    let len = 4 * (w + 2 * r);
    let rows = reserve::<u8>(k.checked_mul(len).ok_or(Status::OutOfMemory)?)?.zeroed();
    // The source rows the windows read, as they were before being
    // overwritten: row y in slot y mod 2r + 1.
    let mut ring = Ring::new(rows, len);
    // Each channel's histogram of the first window of the row.
    let mut first = [[0u32; 256]; 4];
    let clamp = |y: isize| y.clamp(0, h as isize - 1) as usize;
    keep(&mut ring, px, w, r, r.min(h - 1) + 1);
    for dy in -(r as isize)..=r as isize {
        for p in row(&ring, clamp(dy), len)[..4 * k].chunks_exact(4) {
            for c in 0..4 {
                first[c][usize::from(p[c])] += 1;
            }
        }
    }
    for y in 0..h {
        if y > 0 {
            // Down a row: the top row of the window out, then a new bottom
            // row in (kept first, into the slot the top row leaves).
            for p in row(&ring, clamp(y as isize - r as isize - 1), len)[..4 * k].chunks_exact(4) {
                for c in 0..4 {
                    first[c][usize::from(p[c])] -= 1;
                }
            }
            keep(&mut ring, px, w, r, (y + r).min(h - 1) + 1);
            for p in row(&ring, clamp((y + r) as isize), len)[..4 * k].chunks_exact(4) {
                for c in 0..4 {
                    first[c][usize::from(p[c])] += 1;
                }
            }
        }
        let mut hist = first;
        let mut median = [0usize; 4];
        let mut below = [0u32; 4];
        // The window's rows, found once per row.
        let mut rows = [&[][..]; 2 * MOST + 1];
        for (dy, at) in rows[..k].iter_mut().enumerate() {
            *at = row(&ring, clamp((y + dy) as isize - r as isize), len);
        }
        for x in 0..w {
            if x > 0 {
                // Right a column: column x − r − 1 out, column x + r in
                // (padded: x − 1 and x + 2r).
                for line in &rows[..k] {
                    let (gone, come) = (&line[4 * (x - 1)..][..4], &line[4 * (x + 2 * r)..][..4]);
                    for c in 0..4 {
                        let (g, n) = (usize::from(gone[c]), usize::from(come[c]));
                        hist[c][g] -= 1;
                        hist[c][n] += 1;
                        below[c] = below[c] - u32::from(g < median[c]) + u32::from(n < median[c]);
                    }
                }
            }
            for c in 0..4 {
                // The median: the value m with `below` < rank + 1 ≤ `below` + hist[m].
                let (hc, m, b) = (&hist[c], &mut median[c], &mut below[c]);
                while *b > rank {
                    *m -= 1;
                    *b -= hc[*m];
                }
                while *b + hc[*m] <= rank {
                    *b += hc[*m];
                    *m += 1;
                }
                px[y * stride + 4 * x + c] = *m as u8;
            }
        }
    }
    Ok(())
}

/// r = 1, sixteen bytes at a time (see the module's comment).
#[cfg(target_feature = "simd128")]
pub fn nine(px: &mut [u8], w: usize) -> Result<(), Status> {
    use crate::scratch::ZeroAll;
    use core::arch::wasm32::*;
    let h = px.len() / 4 / w;
    let stride = 4 * w;
    // Rows padded by a pixel each side, and 16 bytes more so the last
    // block's loads stay inside.
    let len = 4 * (w + 2) + 16;
    let (rows, sorted) = (reserve::<u8>(3 * len)?, reserve::<u8>(3 * len)?).zeroed();
    let mut ring = Ring::new(rows, len);
    let mut sorted = sorted;
    // Every offset below is at most 4w + 8, and 16 bytes from there end
    // inside a row of `len` bytes.
    // SAFETY: as said, inside `row`; v128 loads need no alignment.
    let load = |row: &[u8], at: usize| unsafe { v128_load(row.as_ptr().add(at).cast()) };
    for y in 0..h {
        keep(&mut ring, px, w, 1, (y + 1).min(h - 1) + 1);
        let [a, b, c] = [y.saturating_sub(1), y, (y + 1).min(h - 1)].map(|y| row(&ring, y, len));
        let (lo, rest) = sorted.split_at_mut(len);
        let (mid, hi) = rest.split_at_mut(len);
        for at in (0..4 * (w + 2)).step_by(16) {
            let (t1, t2) = (u8x16_min(load(a, at), load(b, at)), u8x16_max(load(a, at), load(b, at)));
            let vc = load(c, at);
            let (l, m) = (u8x16_min(t1, vc), u8x16_max(t1, vc));
            // SAFETY: `at` + 16 ≤ `len`, inside each sorted row.
            unsafe {
                v128_store(lo.as_mut_ptr().add(at).cast(), l);
                v128_store(mid.as_mut_ptr().add(at).cast(), u8x16_min(t2, m));
                v128_store(hi.as_mut_ptr().add(at).cast(), u8x16_max(t2, m));
            }
        }
        let med3 = |a: v128, b: v128, c: v128| u8x16_max(u8x16_min(a, b), u8x16_min(u8x16_max(a, b), c));
        let out = &mut px[y * stride..][..stride];
        for at in (0..stride).step_by(16) {
            let max = u8x16_max(u8x16_max(load(lo, at), load(lo, at + 4)), load(lo, at + 8));
            let med = med3(load(mid, at), load(mid, at + 4), load(mid, at + 8));
            let min = u8x16_min(u8x16_min(load(hi, at), load(hi, at + 4)), load(hi, at + 8));
            let mut bytes = [0u8; 16];
            // SAFETY: 16 bytes on the stack.
            unsafe { v128_store(bytes.as_mut_ptr().cast(), med3(max, med, min)) };
            let n = (stride - at).min(16);
            out[at..at + n].copy_from_slice(&bytes[..n]);
        }
    }
    Ok(())
}

pub fn run(px: &mut [u8], w: usize, r: usize) -> Result<(), Status> {
    #[cfg(target_feature = "simd128")]
    if r == 1 {
        return nine(px, w);
    }
    sliding(px, w, r)
}
