//! R, G, B each to n levels L_k = round(255·k/(n − 1)); alpha unchanged.
//! Exact.
//!
//! Both methods read their result from a table built by the formula, so
//! the per-channel work is a lookup:
//! - ordered: the output depends only on (c, M) with M the Bayer entry of
//!   the pixel, a 64×256 table;
//! - Floyd–Steinberg: the output depends only on t = 16c + E, clamped to
//!   [0, 16·255] (k is 0 below and n − 1 above), a 4081-entry table. The
//!   diffusion is sequential along a row and from row to row, but the
//!   three channels are not: each pixel runs three independent chains the
//!   CPU overlaps, the error from the left travels in a register, and the
//!   shares for the row below are written once each, never read back
//!   within the row.

use crate::scratch::reserve;
use crate::status::Status;

pub const ORDERED: u32 = 0;
pub const FLOYD_STEINBERG: u32 = 1;

/// The 8×8 Bayer matrix: M₂ = [[0, 2], [3, 1]], M₂ₙ = [[4Mₙ, 4Mₙ + 2],
/// [4Mₙ + 3, 4Mₙ + 1]].
pub(crate) const BAYER: [[u8; 8]; 8] = {
    let mut m = [[0u8; 8]; 8];
    let mut n = 1;
    while n < 8 {
        let mut y = 0;
        while y < n {
            let mut x = 0;
            while x < n {
                let v = 4 * m[y][x];
                (m[y][x], m[y][x + n], m[y + n][x], m[y + n][x + n]) = (v, v + 2, v + 3, v + 1);
                x += 1;
            }
            y += 1;
        }
        n *= 2;
    }
    m
};

/// L_k = round(255·k/(n − 1)), with `top` = n − 1.
fn level(k: u32, top: u32) -> u8 {
    ((510 * k + top) / (2 * top)) as u8
}

/// Ordered: k = clamp(round((c + T·255/(n − 1))·(n − 1)/255), 0, n − 1),
/// T = (M + ½)/64 − ½. The argument of round is at least −½ + 1/128, so
/// round is floor(· + ½), which in integers is
/// floor((128·c·(n − 1) + 255·(2M + 1)) / 32640); it never exceeds n − 1.
pub fn ordered_level(c: u8, m: u8, top: u32) -> u8 {
    let k = (128 * u32::from(c) * top + 255 * (2 * u32::from(m) + 1)) / 32640;
    level(k.min(top), top)
}

/// Floyd–Steinberg's quantiser: k = clamp(⌊(t·(n − 1) + 8·255)/(16·255)⌋, 0, n − 1).
pub fn diffused_level(t: i32, top: u32) -> u8 {
    let k = (i64::from(t) * i64::from(top) + 8 * 255).div_euclid(16 * 255);
    level(k.clamp(0, i64::from(top)) as u32, top)
}

pub fn ordered(px: &mut [u8], w: usize, levels: u32) -> Result<(), Status> {
    let top = levels - 1;
    let mut table = reserve::<u8>(64 * 256)?.zeroed();
    for (m, row) in table.chunks_exact_mut(256).enumerate() {
        for (c, out) in row.iter_mut().enumerate() {
            *out = ordered_level(c as u8, m as u8, top);
        }
    }
    for (y, row) in px.chunks_exact_mut(w * 4).enumerate() {
        let bayer = &BAYER[y % 8];
        for (x, p) in row.as_chunks_mut::<4>().0.iter_mut().enumerate() {
            let t = &table[usize::from(bayer[x % 8]) * 256..][..256];
            for c in &mut p[..3] {
                *c = t[usize::from(*c)];
            }
        }
    }
    Ok(())
}

/// Floyd–Steinberg in integer 1/16 units: t = 16c + E, out L_k,
/// e = t − 16·L_k; E(x+1, y) += 7e >> 4, E(x−1, y+1) += 3e >> 4,
/// E(x, y+1) += 5e >> 4, E(x+1, y+1) += e >> 4; shares outside dropped.
pub fn floyd_steinberg(px: &mut [u8], w: usize, levels: u32) -> Result<(), Status> {
    let top = levels - 1;
    // The errors from the row above, per pixel and channel, with one
    // pixel of padding each side for the shares that fall outside.
    let (from_above, to_below) = (reserve::<[i32; 3]>(w + 2)?, reserve::<[i32; 3]>(w + 2)?);
    let (mut from_above, mut to_below) = (from_above.zeroed(), to_below.zeroed());
    let mut table = [0u8; 16 * 255 + 1];
    for (t, out) in table.iter_mut().enumerate() {
        *out = diffused_level(t as i32, top);
    }
    for row in px.chunks_exact_mut(w * 4) {
        let mut from_left = [0i32; 3];
        // The shares for the row below at x − 1 and x, still growing.
        let (mut below_left, mut below) = ([0i32; 3], [0i32; 3]);
        for (x, p) in row.as_chunks_mut::<4>().0.iter_mut().enumerate() {
            let above = from_above[x + 1];
            let mut below_right = [0i32; 3];
            for k in 0..3 {
                let t = 16 * i32::from(p[k]) + above[k] + from_left[k];
                let out = table[t.clamp(0, 16 * 255) as usize];
                let e = t - 16 * i32::from(out);
                p[k] = out;
                from_left[k] = (7 * e) >> 4;
                below_left[k] += (3 * e) >> 4;
                below[k] += (5 * e) >> 4;
                below_right[k] = e >> 4;
            }
            to_below[x] = below_left;
            (below_left, below) = (below, below_right);
        }
        to_below[w] = below_left;
        to_below[w + 1] = below;
        core::mem::swap(&mut from_above, &mut to_below);
    }
    Ok(())
}
