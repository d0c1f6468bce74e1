//! The vertical pass, one strip of columns at a time: running column sums
//! of the horizontal means over 2r+1 rows, clamped at the top and bottom,
//! then each pixel straight again: a = round(S_a/n) and c = round(255·S_c/
//! S_a), 0 where S_a = 0 (0/0 is NaN, which saturates to 0). Rows above the
//! current one are already output, so the strip's rows of means live on in
//! `ring` until they leave the sum. Strips are as wide as the ring allows:
//! each visit to a row (a new page, 15 KB down a 4K image) reads a long run.

/// Where the sums come from at output row y: the row entering the window
/// (None when it is the bottom row again) and the ring slots of the rows
/// entering and leaving; a window of 2r+1 rows spans 2r+2 slots. The ring
/// has a power of two of them, so a slot is a mask, not a division.
fn step(y: usize, r: usize, h: usize, mask: usize) -> (Option<usize>, usize, usize) {
    let enter = y + r;
    ((enter < h).then_some(enter), enter.min(h - 1) & mask, y.saturating_sub(r + 1) & mask)
}

/// The rows before row 0's window, clamped: the window of "row -1".
fn first_window(r: usize, h: usize) -> impl Iterator<Item = usize> {
    (0..2 * r + 1).map(move |i| (i.saturating_sub(r + 1)).min(h - 1))
}

/// The strip at pixel column `x0` of the image of width `w` in `px`, as
/// many bytes wide as `sum` has lanes (a multiple of 16); `scale` is 1/n;
/// `ring` has a power of two of strip-wide slots, at least min(2r+2, h).
pub fn scalar(px: &mut [u8], w: usize, x0: usize, r: usize, scale: f32, ring: &mut [u8], sum: &mut [i32]) {
    let strip = sum.len();
    let (h, mask, bytes) = (px.len() / (4 * w), ring.len() / strip - 1, (4 * (w - x0)).min(strip));
    let at = |y: usize| 4 * (y * w + x0);
    let slot = |y: usize| (y & mask) * strip;
    for y in 0..r.min(h) {
        ring[slot(y)..][..bytes].copy_from_slice(&px[at(y)..][..bytes]);
    }
    sum.fill(0);
    for y in first_window(r, h) {
        for (s, &v) in sum.iter_mut().zip(&ring[slot(y)..][..strip]) {
            *s += i32::from(v);
        }
    }
    for y in 0..h {
        let (enter, e, l) = step(y, r, h, mask);
        if let Some(enter) = enter {
            ring[slot(enter)..][..bytes].copy_from_slice(&px[at(enter)..][..bytes]);
        }
        for (i, s) in sum.iter_mut().enumerate() {
            *s += i32::from(ring[e * strip + i]) - i32::from(ring[l * strip + i]);
        }
        for (o, s) in px[at(y)..][..bytes].as_chunks_mut::<4>().0.iter_mut().zip(sum.as_chunks::<4>().0) {
            let c = |v: i32| (super::super::straight(v, s[3]) + 0.5) as u8;
            *o = [c(s[0]), c(s[1]), c(s[2]), (s[3] as f32 * scale + 0.5) as u8];
        }
    }
}

/// As `scalar`, 16 bytes (4 pixels) at a time, each pixel's sums in one
/// i32x4; a narrower last piece goes through a copy.
#[cfg(target_feature = "simd128")]
pub fn simd(px: &mut [u8], w: usize, x0: usize, r: usize, scale: f32, ring: &mut [u8], sum: &mut [i32]) {
    use crate::simd::hoist;
    use core::arch::wasm32::*;
    let strip = sum.len();
    let (h, mask, bytes) = (px.len() / (4 * w), ring.len() / strip - 1, (4 * (w - x0)).min(strip));
    let at = |y: usize| 4 * (y * w + x0);
    let slot = |y: usize| (y & mask) * strip;
    let sum = sum.as_chunks_mut::<16>().0;
    // SAFETY (loads and stores below): each pointer is to 16 bytes: of a
    // ring slot, of the strip's row in `px`, of `piece`, or 4 lanes of `sum`.
    let copy_in = |ring: &mut [u8], px: &[u8], y: usize| {
        let (slot, row) = (&mut ring[slot(y)..][..strip], &px[at(y)..][..bytes]);
        let (whole, rest) = row.as_chunks::<16>();
        for (i, v) in whole.iter().enumerate() {
            unsafe { v128_store(slot[16 * i..].as_mut_ptr().cast(), v128_load(v.as_ptr().cast())) };
        }
        slot[bytes - rest.len()..bytes].copy_from_slice(rest);
    };
    let load = |ring: &[u8], at: usize| unsafe { v128_load(ring[at..at + 16].as_ptr().cast()) };
    for y in 0..r.min(h) {
        copy_in(ring, px, y);
    }
    sum.fill([0; 16]);
    for y in first_window(r, h) {
        for (i, s) in sum.iter_mut().enumerate() {
            let v = load(ring, slot(y) + 16 * i);
            let (lo, hi) = (u16x8_extend_low_u8x16(v), u16x8_extend_high_u8x16(v));
            let parts = [u32x4_extend_low_u16x8(lo), u32x4_extend_high_u16x8(lo), u32x4_extend_low_u16x8(hi), u32x4_extend_high_u16x8(hi)];
            for (j, p) in parts.into_iter().enumerate() {
                let s = s[4 * j..].as_mut_ptr().cast::<v128>();
                unsafe { v128_store(s, i32x4_add(v128_load(s), p)) };
            }
        }
    }
    let [scale, k255, half, opaque, a_lane] = [
        f32x4_splat(scale),
        f32x4_splat(255.0),
        f32x4_splat(0.5),
        i32x4_splat((255 * (2 * r + 1)) as i32),
        i32x4(0, 0, 0, -1),
    ]
    .map(hoist);
    let four = crate::simd::FourPixels::new();
    let mean = |s: v128| i32x4_trunc_sat_f32x4(f32x4_add(f32x4_mul(f32x4_convert_i32x4(s), scale), half));
    for y in 0..h {
        let (enter, e, l) = step(y, r, h, mask);
        if let Some(enter) = enter {
            copy_in(ring, px, enter);
        }
        let row = &mut px[at(y)..][..bytes];
        for (i, s) in sum.iter_mut().take(bytes.div_ceil(16)).enumerate() {
            let (e, l) = (load(ring, e * strip + 16 * i), load(ring, l * strip + 16 * i));
            let lo = i16x8_sub(u16x8_extend_low_u8x16(e), u16x8_extend_low_u8x16(l));
            let hi = i16x8_sub(u16x8_extend_high_u8x16(e), u16x8_extend_high_u8x16(l));
            let d = [i32x4_extend_low_i16x8(lo), i32x4_extend_high_i16x8(lo), i32x4_extend_low_i16x8(hi), i32x4_extend_high_i16x8(hi)];
            let s: [v128; 4] = core::array::from_fn(|j| {
                let s = s[4 * j..].as_mut_ptr().cast::<v128>();
                unsafe {
                    let v = i32x4_add(v128_load(s), d[j]);
                    v128_store(s, v);
                    v
                }
            });
            let all_opaque = s.iter().fold(i32x4_splat(-1), |m, &s| v128_and(m, i32x4_eq(s, opaque)));
            // Opaque pixels: 255·S_c/(255·n) rounds exactly as S_c/n does.
            let out = if i32x4_extract_lane::<3>(all_opaque) != 0 {
                s.map(mean)
            } else {
                s.map(|s| {
                    let c = crate::simd::straight(s, k255);
                    v128_bitselect(mean(s), i32x4_trunc_sat_f32x4(f32x4_add(c, half)), a_lane)
                })
            };
            let out = four.apply(out[0], out[1], out[2], out[3]);
            match row[16 * i..].first_chunk_mut::<16>() {
                Some(piece) => unsafe { v128_store(piece.as_mut_ptr().cast(), out) },
                None => {
                    let mut piece = [0u8; 16];
                    unsafe { v128_store(piece.as_mut_ptr().cast(), out) };
                    let rest = &mut row[16 * i..];
                    let n = rest.len();
                    rest.copy_from_slice(&piece[..n]);
                }
            }
        }
    }
}

#[cfg(not(target_feature = "simd128"))]
pub use scalar as run;
#[cfg(target_feature = "simd128")]
pub use simd as run;
