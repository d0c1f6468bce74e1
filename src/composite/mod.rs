//! `composite`: src drawn onto dst at (x, y), in place on dst, with the
//! canvas's 26 `globalCompositeOperation` modes as W3C Compositing and
//! Blending Level 1 defines them. The formulas are written once over
//! `Lanes` (`formula`), so the scalar reference (a pixel at a time) and the
//! SIMD128 kernel (four at a time, a channel per vector) are the same code.

mod formula;

pub use formula::pixel;

/// Modes 0..=15 blend colour, then draw source-over; 16..=25 are
/// Porter–Duff operators on the source colour as it is.
pub use crate::limits::MODES;
pub const SOURCE_OVER: u32 = 0;
/// The last blend mode (`luminosity`).
pub const LAST_BLEND: u32 = 15;
pub const COPY: u32 = 25;

/// Whether `mode` leaves dst as it is where the source is fully
/// transparent: its dst factor is 1 at αs = 0.
pub fn keeps_dst_under_clear_source(mode: u32) -> bool {
    matches!(mode, 0..=15 | 18 | 19 | 21 | 23 | 24)
}

/// The overlap of src (sw×sh at (x, y)) with dst (dw wide, dh high):
/// its first dst column and row, first src column and row, and size; None
/// when they do not overlap.
pub struct Overlap {
    pub dst_x: usize,
    pub dst_y: usize,
    pub src_x: usize,
    pub src_y: usize,
    pub width: usize,
    pub height: usize,
}

impl Overlap {
    pub fn new(dw: u32, dh: u32, sw: u32, sh: u32, x: i32, y: i32) -> Option<Overlap> {
        // One axis: the dst range [max(0, at), min(size, at + len)), in i64.
        let axis = |size: u32, len: u32, at: i32| {
            let (at, size, len) = (i64::from(at), i64::from(size), i64::from(len));
            let (from, to) = (at.max(0), (at + len).min(size));
            (from < to).then(|| (from as usize, (from - at) as usize, (to - from) as usize))
        };
        let (dst_x, src_x, width) = axis(dw, sw, x)?;
        let (dst_y, src_y, height) = axis(dh, sh, y)?;
        Some(Overlap {
            dst_x,
            dst_y,
            src_x,
            src_y,
            width,
            height,
        })
    }
}

/// Draws src (sw pixels wide) onto dst (dw wide) over `at`.
pub fn composite(
    dst: &mut [u8],
    dw: usize,
    src: &[u8],
    sw: usize,
    at: &Overlap,
    mode: u32,
    opacity: f32,
) {
    for row in 0..at.height {
        let d = ((at.dst_y + row) * dw + at.dst_x) * 4;
        let s = ((at.src_y + row) * sw + at.src_x) * 4;
        run(
            &mut dst[d..d + at.width * 4],
            &src[s..s + at.width * 4],
            mode,
            opacity,
        );
    }
}

/// Whether `mode` at opacity 1 onto an opaque pixel takes the integer path
/// (`onto_opaque`) rather than the float formula: source-over and the
/// blends whose B is exact or one rounding in integers.
fn integer_path(mode: u32, opacity: f32) -> bool {
    matches!(mode, 0 | 1 | 2 | 4 | 5 | 10) && opacity == 1.0
}

/// round(x/255) for x ≤ 65025: (t + (t >> 8)) >> 8 with t = x + 128.
fn div255(x: u32) -> u32 {
    let t = x + 128;
    (t + (t >> 8)) >> 8
}

/// B(Cb, Cs) on bytes for the integer path's modes: exact for source-over,
/// darken, lighten and difference; multiply and screen rounded once
/// (screen's Cb + Cs − round(Cb·Cs/255) is the rounded screen: no ties).
fn blend_bytes(mode: u32, cb: u32, cs: u32) -> u32 {
    match mode {
        1 => div255(cb * cs),
        2 => cb + cs - div255(cb * cs),
        4 => cb.min(cs),
        5 => cb.max(cs),
        10 => cb.abs_diff(cs),
        _ => cs,
    }
}

/// `mode` onto an opaque pixel at opacity 1: αo = 1 and Cs' = B, so
/// 255·co = (A·B + (255 − A)·Cb)/255, rounded (never a tie: the numerator
/// would be 255k + 127.5); alpha stays 255. Exact for source-over; where B
/// was rounded (by at most ½), the result moves by at most A/255·½, inside
/// the ±1 of the formula.
pub fn onto_opaque(mode: u32, b: [u8; 4], s: [u8; 4]) -> [u8; 4] {
    let a = u32::from(s[3]);
    let lerp = |cb: u8, cs: u8| {
        let (cb, cs) = (u32::from(cb), u32::from(cs));
        ((a * blend_bytes(mode, cb, cs) + (255 - a) * cb + 127) / 255) as u8
    };
    [lerp(b[0], s[0]), lerp(b[1], s[1]), lerp(b[2], s[2]), 255]
}

/// One row: `src` drawn onto `dst`, the same length.
pub fn scalar(dst: &mut [u8], src: &[u8], mode: u32, opacity: f32) {
    use crate::lanes::{to_byte, unit};
    let integer = integer_path(mode, opacity);
    for (b, s) in dst.as_chunks_mut::<4>().0.iter_mut().zip(src.as_chunks::<4>().0) {
        if integer && b[3] == 255 {
            *b = onto_opaque(mode, *b, *s);
            continue;
        }
        let (colour, alpha) = pixel(mode, opacity, s.map(unit), b.map(unit));
        *b = [colour[0], colour[1], colour[2], alpha].map(|x| to_byte(x * 255.0));
    }
}

#[cfg(target_feature = "simd128")]
pub fn simd(dst: &mut [u8], src: &[u8], mode: u32, opacity: f32) {
    use crate::lanes::{F32x4, simd::to_byte as byte, simd::unit};
    use crate::simd::{hoist, pack_rgba};
    use core::arch::wasm32::*;
    let [ff, alpha, zero] = [0xff, 0xff00_0000, 0].map(|k| hoist(u32x4_splat(k)));
    let [k255, inv255, half] = [255.0, 1.0 / 255.0, 0.5].map(|k| hoist(f32x4_splat(k)));
    let [k127, k255_16, one] = [127, 255, 1].map(|k| hoist(u16x8_splat(k)));
    let skip_clear = keeps_dst_under_clear_source(mode);
    let copy_opaque = mode == SOURCE_OVER && opacity == 1.0;
    let integer = integer_path(mode, opacity);
    let clear = opacity == 0.0;
    let k128 = hoist(u16x8_splat(128));
    // round(x/255) for x ≤ 65025, as `div255`.
    let div255 = |x: v128| {
        let t = i16x8_add(x, k128);
        u16x8_shr(i16x8_add(t, u16x8_shr(t, 8)), 8)
    };
    // `onto_opaque` on two pixels in 16-bit lanes.
    //   b, s: [a1 b1 g1 r1 a0 b0 g0 r0]   a: [a1 a1 a1 a1 a0 a0 a0 a0] (of s)
    let lerp = |b: v128, s: v128| {
        let a = i16x8_shuffle::<3, 3, 3, 3, 7, 7, 7, 7>(s, s);
        let blended = match mode {
            1 => div255(i16x8_mul(b, s)),
            2 => i16x8_sub(i16x8_add(b, s), div255(i16x8_mul(b, s))),
            4 => u16x8_min(b, s),
            5 => u16x8_max(b, s),
            10 => i16x8_sub(u16x8_max(b, s), u16x8_min(b, s)),
            _ => s,
        };
        let y = i16x8_add(i16x8_add(i16x8_mul(a, blended), i16x8_mul(i16x8_sub(k255_16, a), b)), k127);
        // ⌊y/255⌋ = (y + 1 + (y >> 8)) >> 8 for y < 65535; y is at most 65152.
        u16x8_shr(i16x8_add(i16x8_add(y, u16x8_shr(y, 8)), one), 8)
    };
    let onto_opaque = |vb: v128, vs: v128| {
        let low = lerp(u16x8_extend_low_u8x16(vb), u16x8_extend_low_u8x16(vs));
        let high = lerp(u16x8_extend_high_u8x16(vb), u16x8_extend_high_u8x16(vs));
        v128_or(u8x16_narrow_i16x8(low, high), alpha)
    };
    let mut block = |b: *mut u8, s: *const u8| {
        // SAFETY: `pairs` passes pointers to 16 bytes each; v128 access
        // needs no alignment.
        let (vb, vs) = unsafe { (v128_load(b.cast()), v128_load(s.cast())) };
        let opaque_dst = u32x4_ge(vb, alpha);
        let out = if skip_clear
            && (clear || !v128_any_true(v128_and(vs, alpha)))
            // Every dst pixel keeps its bytes: a visible one, or all zero,
            // as the formula writes a fully transparent result.
            && u32x4_all_true(v128_or(v128_and(vb, alpha), u32x4_eq(vb, u32x4_splat(0))))
        {
            return;
        } else if copy_opaque && crate::simd::opaque(vs, alpha) {
            vs
        } else {
            // Pixels onto opaque ones take the integer path, as the scalar does.
            let integer_lanes = (integer && v128_any_true(opaque_dst)).then(|| onto_opaque(vb, vs));
            match integer_lanes {
                Some(o) if u32x4_all_true(opaque_dst) => o,
                _ => {
                    let [s, b] = [vs, vb].map(|v| [0, 8, 16, 24].map(|shift| unit(v, shift, ff, inv255)));
                    let (c, a) = pixel::<F32x4>(mode, opacity, s, b);
                    let [r, g, b, a] = [c[0], c[1], c[2], a].map(|x| byte(x, k255, half, zero, ff));
                    let float = pack_rgba(r, g, b, a);
                    integer_lanes.map_or(float, |o| v128_bitselect(o, float, opaque_dst))
                }
            }
        };
        // SAFETY: as above.
        unsafe { v128_store(b.cast(), out) };
    };
    pairs(dst, src, &mut block);
}

/// Calls `block` on each pair of 16-byte blocks of `dst` and `src` (the
/// same length), the last partial pair through zero-padded copies.
#[cfg(target_feature = "simd128")]
#[inline(always)]
fn pairs(dst: &mut [u8], src: &[u8], block: &mut impl FnMut(*mut u8, *const u8)) {
    let (whole, rest) = dst.as_chunks_mut::<16>();
    let (src_whole, src_rest) = src.as_chunks::<16>();
    for (b, s) in whole.iter_mut().zip(src_whole) {
        block(b.as_mut_ptr(), s.as_ptr());
    }
    if !rest.is_empty() {
        let (mut b, mut s) = ([0u8; 16], [0u8; 16]);
        b[..rest.len()].copy_from_slice(rest);
        s[..src_rest.len()].copy_from_slice(src_rest);
        block(b.as_mut_ptr(), s.as_ptr());
        rest.copy_from_slice(&b[..rest.len()]);
    }
}

#[cfg(not(target_feature = "simd128"))]
pub use scalar as run;
#[cfg(target_feature = "simd128")]
pub use simd as run;

#[cfg(test)]
mod tests;
