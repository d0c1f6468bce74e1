//! The vertical pass, one strip of 4 pixels (16 bytes) at a time: running
//! column sums of the horizontal means over 2r+1 rows, clamped at the top
//! and bottom, then each pixel straight again: a = round(S_a/n) and
//! c = round(255·S_c/S_a), 0 where S_a = 0 (0/0 is NaN, which saturates to
//! 0). Rows above the current one are already output, so the strip's rows
//! of means live on in `ring` (16 bytes per row) until they leave the sum.

/// Where the sums come from at output row y: the row entering the window
/// (None when it is the bottom row again) and the ring slots of the rows
/// entering and leaving; a window of 2r+1 rows spans 2r+2 slots.
fn step(y: usize, r: usize, h: usize, depth: usize) -> (Option<usize>, usize, usize) {
    let enter = y + r;
    ((enter < h).then_some(enter), enter.min(h - 1) % depth, y.saturating_sub(r + 1) % depth)
}

/// The rows before row 0's window, clamped: the window of "row -1".
fn first_window(r: usize, h: usize) -> impl Iterator<Item = usize> {
    (0..2 * r + 1).map(move |i| (i.saturating_sub(r + 1)).min(h - 1))
}

/// The strip at pixel column `x0` of the image of width `w` in `px`;
/// `scale` is 1/n.
pub fn scalar(px: &mut [u8], w: usize, x0: usize, r: usize, scale: f32, ring: &mut [u8]) {
    let (h, depth, bytes) = (px.len() / (4 * w), ring.len() / 16, (4 * (w - x0)).min(16));
    let at = |y: usize| 4 * (y * w + x0);
    for y in 0..r.min(h) {
        ring[y % depth * 16..][..bytes].copy_from_slice(&px[at(y)..][..bytes]);
    }
    let mut sum = [0i32; 16];
    for y in first_window(r, h) {
        for (s, &v) in sum.iter_mut().zip(&ring[y % depth * 16..][..16]) {
            *s += i32::from(v);
        }
    }
    for y in 0..h {
        let (enter, e, l) = step(y, r, h, depth);
        if let Some(enter) = enter {
            ring[enter % depth * 16..][..bytes].copy_from_slice(&px[at(enter)..][..bytes]);
        }
        for (i, s) in sum.iter_mut().enumerate() {
            *s += i32::from(ring[e * 16 + i]) - i32::from(ring[l * 16 + i]);
        }
        for (o, s) in px[at(y)..][..bytes].as_chunks_mut::<4>().0.iter_mut().zip(sum.as_chunks::<4>().0) {
            let c = |v: i32| ((v as f32 * 255.0) / s[3] as f32 + 0.5) as u8;
            *o = [c(s[0]), c(s[1]), c(s[2]), (s[3] as f32 * scale + 0.5) as u8];
        }
    }
}

/// As `scalar`, the strip's 16 bytes as one v128 and its sums as four
/// i32x4; a narrower last strip goes through a copy.
#[cfg(target_arch = "wasm32")]
#[inline(never)]
pub fn simd(px: &mut [u8], w: usize, x0: usize, r: usize, scale: f32, ring: &mut [u8]) {
    use crate::simd::hoist;
    use core::arch::wasm32::*;
    let (h, depth, bytes) = (px.len() / (4 * w), ring.len() / 16, (4 * (w - x0)).min(16));
    let at = |y: usize| 4 * (y * w + x0);
    let ring = ring.as_chunks_mut::<16>().0;
    // SAFETY (all four): the pointers are to 16 bytes, of a ring slot, a
    // whole strip or `block`.
    let load = |slot: &[u8; 16]| unsafe { v128_load(slot.as_ptr().cast()) };
    let copy_in = |ring: &mut [[u8; 16]], px: &[u8], y: usize| {
        let slot = &mut ring[y % depth];
        match px[at(y)..].first_chunk::<16>() {
            Some(strip) if bytes == 16 => unsafe { v128_store(slot.as_mut_ptr().cast(), v128_load(strip.as_ptr().cast())) },
            _ => slot[..bytes].copy_from_slice(&px[at(y)..][..bytes]),
        }
    };
    let widen = |v: v128| {
        let (lo, hi) = (i16x8_extend_low_u8x16(v), i16x8_extend_high_u8x16(v));
        [i32x4_extend_low_i16x8(lo), i32x4_extend_high_i16x8(lo), i32x4_extend_low_i16x8(hi), i32x4_extend_high_i16x8(hi)]
    };
    let add = |sum: [v128; 4], d: [v128; 4]| core::array::from_fn::<v128, 4, _>(|j| i32x4_add(sum[j], d[j]));
    for y in 0..r.min(h) {
        copy_in(ring, px, y);
    }
    let mut sum = first_window(r, h).fold([i32x4_splat(0); 4], |s, y| add(s, widen(load(&ring[y % depth]))));
    let [scale, k255, half, opaque, a_lane] = [
        f32x4_splat(scale),
        f32x4_splat(255.0),
        f32x4_splat(0.5),
        i32x4_splat((255 * (2 * r + 1)) as i32),
        i32x4(0, 0, 0, -1),
    ]
    .map(hoist);
    for y in 0..h {
        let (enter, e, l) = step(y, r, h, depth);
        if let Some(enter) = enter {
            copy_in(ring, px, enter);
        }
        let (e, l) = (load(&ring[e]), load(&ring[l]));
        let lo = i16x8_sub(u16x8_extend_low_u8x16(e), u16x8_extend_low_u8x16(l));
        let hi = i16x8_sub(u16x8_extend_high_u8x16(e), u16x8_extend_high_u8x16(l));
        sum = add(sum, [i32x4_extend_low_i16x8(lo), i32x4_extend_high_i16x8(lo), i32x4_extend_low_i16x8(hi), i32x4_extend_high_i16x8(hi)]);
        let mean = |s: v128| i32x4_trunc_sat_f32x4(f32x4_add(f32x4_mul(f32x4_convert_i32x4(s), scale), half));
        let all_opaque = sum.iter().fold(i32x4_splat(-1), |m, &s| v128_and(m, i32x4_eq(s, opaque)));
        // Opaque pixels: 255·S_c/(255·n) rounds exactly as S_c/n does.
        let out = if i32x4_extract_lane::<3>(all_opaque) != 0 {
            sum.map(mean)
        } else {
            sum.map(|s| {
                let a = f32x4_convert_i32x4(i32x4_shuffle::<3, 3, 3, 3>(s, s));
                let c = f32x4_div(f32x4_mul(f32x4_convert_i32x4(s), k255), a);
                v128_bitselect(mean(s), i32x4_trunc_sat_f32x4(f32x4_add(c, half)), a_lane)
            })
        };
        let pack = |a, b| i8x16_shuffle::<0, 4, 8, 12, 16, 20, 24, 28, 0, 4, 8, 12, 16, 20, 24, 28>(a, b);
        let out = i64x2_shuffle::<0, 2>(pack(out[0], out[1]), pack(out[2], out[3]));
        match px[at(y)..].first_chunk_mut::<16>() {
            Some(strip) if bytes == 16 => unsafe { v128_store(strip.as_mut_ptr().cast(), out) },
            _ => {
                let mut block = [0u8; 16];
                unsafe { v128_store(block.as_mut_ptr().cast(), out) };
                px[at(y)..][..bytes].copy_from_slice(&block[..bytes]);
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use scalar as run;
#[cfg(target_arch = "wasm32")]
pub use simd as run;
