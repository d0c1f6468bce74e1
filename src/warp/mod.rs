//! `warp`: each destination pixel centre mapped through a projective 3×3
//! matrix to the source, sampled there (nearest, bilinear or bicubic with
//! a = −0.5) on premultiplied colour; taps outside the source, and every
//! tap where the map's s' ≤ 0, take the background colour.
//!
//! A pixel at a time: the coordinates and weights in scalar f32, the same
//! in both modules, and the four channels of each tap summed by `Quad`: a
//! `[f32; 4]` (the scalar reference) or an f32x4 (SIMD128), the same
//! operations lane for lane.

/// A 3×3 row-major matrix mapping (x + ½, y + ½, 1) of the destination to
/// (u', v', s') of the source.
pub type Matrix = [f32; 9];

#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Filter {
    Nearest,
    Bilinear,
    Bicubic,
}

impl Filter {
    pub fn from_code(code: u32) -> Option<Filter> {
        match code {
            0 => Some(Filter::Nearest),
            2 => Some(Filter::Bilinear),
            3 => Some(Filter::Bicubic),
            _ => None,
        }
    }
}

/// ⌊x⌋ as an i64, for any f32 (saturating; NaN is 0, which callers rule out).
fn floor(x: f32) -> i64 {
    let t = x as i64;
    if (t as f32) > x { t - 1 } else { t }
}

/// Keys' cubic with a = −0.5 at distance d.
fn cubic(d: f32) -> f32 {
    let d = if d < 0.0 { -d } else { d };
    if d <= 1.0 {
        (1.5 * d - 2.5) * d * d + 1.0
    } else if d < 2.0 {
        ((-0.5 * d + 2.5) * d - 4.0) * d + 2.0
    } else {
        0.0
    }
}

/// The four channels of a pixel, summed over the taps.
pub trait Quad: Copy {
    fn zero() -> Self;
    /// `self` + w·a·[r, g, b, 1] of the straight pixel `p` (bytes R, G, B, A
    /// from the lowest).
    fn add_tap(self, p: u32, w: f32) -> Self;
    /// α = clamp(round(Σw·a)), c = Σw·a ≤ 0 ? 0 : clamp(round(Σw·a·c / Σw·a)).
    fn finish(self) -> u32;
}

impl Quad for [f32; 4] {
    fn zero() -> Self {
        [0.0; 4]
    }
    fn add_tap(self, p: u32, w: f32) -> Self {
        let [r, g, b, a] = p.to_le_bytes().map(f32::from);
        let wa = w * a;
        [self[0] + wa * r, self[1] + wa * g, self[2] + wa * b, self[3] + wa * 1.0]
    }
    fn finish(self) -> u32 {
        use crate::lanes::to_byte;
        let a = self[3];
        let c = |x: f32| if a <= 0.0 { 0 } else { to_byte(x / a) };
        u32::from_le_bytes([c(self[0]), c(self[1]), c(self[2]), to_byte(a)])
    }
}

#[cfg(target_feature = "simd128")]
impl Quad for core::arch::wasm32::v128 {
    #[inline(always)]
    fn zero() -> Self {
        core::arch::wasm32::f32x4_splat(0.0)
    }
    #[inline(always)]
    fn add_tap(self, p: u32, w: f32) -> Self {
        use core::arch::wasm32::*;
        let px = f32x4_convert_u32x4(u32x4_extend_low_u16x8(u16x8_extend_low_u8x16(u32x4_splat(p))));
        // [r g b a] → [r g b 1], and w·a in every lane.
        let wa = f32x4_mul(f32x4_splat(w), i32x4_shuffle::<3, 3, 3, 3>(px, px));
        let rgb1 = f32x4_replace_lane::<3>(px, 1.0);
        f32x4_add(self, f32x4_mul(wa, rgb1))
    }
    #[inline(always)]
    fn finish(self) -> u32 {
        use core::arch::wasm32::*;
        let a = f32x4_extract_lane::<3>(self);
        let straight = f32x4_replace_lane::<3>(f32x4_div(self, f32x4_splat(a)), a);
        // A hoisted byte table below, where a constant one had its masks
        // rebuilt for every pixel.
        let bytes = crate::simd::trunc_clamped(f32x4_add(straight, f32x4_splat(0.5)), i32x4_splat(0), i32x4_splat(255));
        let bytes = if a <= 0.0 { i32x4_replace_lane::<0>(i32x4_replace_lane::<1>(i32x4_replace_lane::<2>(bytes, 0), 0), 0) } else { bytes };
        u32x4_extract_lane::<0>(crate::simd::FourPixels::new().one(bytes))
    }
}

/// The source as pixels, and what lies outside it.
struct Source<'a> {
    px: &'a [u8],
    w: i64,
    h: i64,
    background: u32,
    /// A pixel whose every tap is the background: where s' ≤ 0.
    behind: u32,
}

impl Source<'_> {
    /// The pixel at (i, j), which must be inside.
    #[inline(always)]
    fn inside(&self, i: i64, j: i64) -> u32 {
        let at = 4 * (j * self.w + i) as usize;
        u32::from_le_bytes(self.px[at..at + 4].try_into().expect("4 bytes"))
    }

    #[inline(always)]
    fn at(&self, i: i64, j: i64) -> u32 {
        if i < 0 || j < 0 || i >= self.w || j >= self.h {
            return self.background;
        }
        let at = 4 * (j * self.w + i) as usize;
        u32::from_le_bytes(self.px[at..at + 4].try_into().expect("4 bytes"))
    }
}

/// Destination pixel (x, y), sampled through `m`.
#[inline(always)]
fn pixel<Q: Quad>(src: &Source, m: &Matrix, filter: Filter, x: usize, y: usize) -> u32 {
    let (fx, fy) = (x as f32 + 0.5, y as f32 + 0.5);
    let s = m[6] * fx + m[7] * fy + m[8];
    if !(s > 0.0) {
        return src.behind;
    }
    // An affine map has s = 1 exactly, and x / 1 is x: no division.
    let (u, v) = (m[0] * fx + m[1] * fy + m[2], m[3] * fx + m[4] * fy + m[5]);
    let (u, v) = if s == 1.0 { (u, v) } else { (u / s, v / s) };
    match filter {
        // One tap of weight 1: a·c/a is c exactly in f32, so the formula
        // gives the pixel itself, or 0, 0, 0, 0 where it is clear.
        Filter::Nearest => {
            let p = src.at(floor(u), floor(v));
            if p >> 24 == 0 { 0 } else { p }
        }
        Filter::Bilinear => {
            let (u, v) = (u - 0.5, v - 0.5);
            let (i, j) = (floor(u), floor(v));
            let (tx, ty) = (u - i as f32, v - j as f32);
            // The four taps, read without a check each where all are inside.
            let taps = if i >= 0 && j >= 0 && i + 1 < src.w && j + 1 < src.h {
                [src.inside(i, j), src.inside(i + 1, j), src.inside(i, j + 1), src.inside(i + 1, j + 1)]
            } else {
                [src.at(i, j), src.at(i + 1, j), src.at(i, j + 1), src.at(i + 1, j + 1)]
            };
            let weights = [(1.0 - tx) * (1.0 - ty), tx * (1.0 - ty), (1.0 - tx) * ty, tx * ty];
            let mut q = Q::zero();
            for (p, w) in taps.into_iter().zip(weights) {
                q = q.add_tap(p, w);
            }
            q.finish()
        }
        Filter::Bicubic => {
            let (u, v) = (u - 0.5, v - 0.5);
            let (i, j) = (floor(u), floor(v));
            let (tx, ty) = (u - i as f32, v - j as f32);
            let wx = [cubic(tx + 1.0), cubic(tx), cubic(1.0 - tx), cubic(2.0 - tx)];
            let wy = [cubic(ty + 1.0), cubic(ty), cubic(1.0 - ty), cubic(2.0 - ty)];
            let mut q = Q::zero();
            for (dj, wy) in wy.into_iter().enumerate() {
                for (di, wx) in wx.into_iter().enumerate() {
                    q = q.add_tap(src.at(i + di as i64 - 1, j + dj as i64 - 1), wx * wy);
                }
            }
            q.finish()
        }
    }
}

/// Warps `src` (sw wide) into `dst` (dw wide).
pub fn warp_with<Q: Quad>(src: &[u8], sw: usize, dst: &mut [u8], dw: usize, m: &Matrix, filter: Filter, background: u32) {
    let sh = src.len() / 4 / sw;
    let behind = Q::zero().add_tap(background, 1.0).finish();
    let source = Source { px: src, w: sw as i64, h: sh as i64, background, behind };
    for (y, row) in dst.chunks_exact_mut(4 * dw).enumerate() {
        for (x, p) in row.as_chunks_mut::<4>().0.iter_mut().enumerate() {
            *p = pixel::<Q>(&source, m, filter, x, y).to_le_bytes();
        }
    }
}

pub fn scalar(src: &[u8], sw: usize, dst: &mut [u8], dw: usize, m: &Matrix, filter: Filter, background: u32) {
    warp_with::<[f32; 4]>(src, sw, dst, dw, m, filter, background);
}

#[cfg(target_feature = "simd128")]
pub fn simd(src: &[u8], sw: usize, dst: &mut [u8], dw: usize, m: &Matrix, filter: Filter, background: u32) {
    warp_with::<core::arch::wasm32::v128>(src, sw, dst, dw, m, filter, background);
}

#[cfg(not(target_feature = "simd128"))]
pub use scalar as run;
#[cfg(target_feature = "simd128")]
pub use simd as run;

#[cfg(test)]
mod tests;
