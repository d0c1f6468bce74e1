//! Linear light: `resize_linear` and `gaussian_blur_linear` filter colour
//! after the sRGB curve is undone, so mixing light and dark averages light,
//! not its encoding. Each byte goes to linear light by a table, premultiplied
//! by a/255; the filtering is in f32 (the four channels of a pixel in one
//! `Quad`: `[f32; 4]` for the scalar reference, an f32x4 with SIMD128, the
//! same operations lane for lane), each pass clamped to [0, 1]; then
//! unpremultiplied and encoded back by the thresholds between bytes.

pub mod curve;

#[cfg(test)]
mod tests;

use crate::resample::taps::{Taps, weights};
use crate::resample::{Band, Filter, nearest};
use crate::ring::Ring;
use crate::scratch::{ZeroAll, reserve};
use crate::status::Status;
use curve::Curve;

/// Four f32 channels: the sums of the passes.
pub trait Quad: Copy {
    fn zero() -> Self;
    fn load(from: &[f32]) -> Self;
    /// self + w·x
    fn add(self, w: f32, x: Self) -> Self;
    /// Clamped to [0, 1] into `to`.
    fn store01(self, to: &mut [f32]);
}

impl Quad for [f32; 4] {
    fn zero() -> Self {
        [0.0; 4]
    }
    fn load(from: &[f32]) -> Self {
        [from[0], from[1], from[2], from[3]]
    }
    fn add(self, w: f32, x: Self) -> Self {
        core::array::from_fn(|c| self[c] + w * x[c])
    }
    fn store01(self, to: &mut [f32]) {
        // The pseudo-min/max forms, as f32x4.pmin/pmax compute them.
        for (t, v) in to[..4].iter_mut().zip(self) {
            let v = if v < 0.0 { 0.0 } else { v };
            *t = if 1.0 < v { 1.0 } else { v };
        }
    }
}

#[cfg(target_feature = "simd128")]
impl Quad for core::arch::wasm32::v128 {
    #[inline(always)]
    fn zero() -> Self {
        core::arch::wasm32::f32x4_splat(0.0)
    }
    #[inline(always)]
    fn load(from: &[f32]) -> Self {
        assert!(from.len() >= 4);
        // SAFETY: four f32 checked above; v128 loads need no alignment.
        unsafe { core::arch::wasm32::v128_load(from.as_ptr().cast()) }
    }
    #[inline(always)]
    fn add(self, w: f32, x: Self) -> Self {
        use core::arch::wasm32::*;
        f32x4_add(self, f32x4_mul(f32x4_splat(w), x))
    }
    #[inline(always)]
    fn store01(self, to: &mut [f32]) {
        use core::arch::wasm32::*;
        assert!(to.len() >= 4);
        let v = f32x4_pmin(f32x4_splat(1.0), f32x4_pmax(f32x4_splat(0.0), self));
        // SAFETY: four f32 checked above.
        unsafe { v128_store(to.as_mut_ptr().cast(), v) }
    }
}

#[cfg(not(target_feature = "simd128"))]
pub type Lanes = [f32; 4];
#[cfg(target_feature = "simd128")]
pub type Lanes = core::arch::wasm32::v128;

/// A Q22 weight as f32 (exact: 23 bits at most).
fn weight(k: i32) -> f32 {
    k as f32 * (1.0 / 4_194_304.0)
}

/// A coefficient table with its weights as f32, `stride` a window, read
/// once rather than unpacked at every tap.
struct Floats<'a> {
    taps: &'a Taps,
    weights: &'a mut [f32],
    stride: usize,
}

impl Floats<'_> {
    fn fill(&mut self) {
        for (o, w) in self.weights.chunks_exact_mut(self.stride).enumerate() {
            let (_, count, pairs) = self.taps.of(o);
            for (w, k) in w.iter_mut().zip(weights(pairs).take(count)) {
                *w = weight(k);
            }
        }
    }

    /// Output `o`'s first source pixel and its weights.
    fn of(&self, o: usize) -> (usize, &[f32]) {
        let (first, count, _) = self.taps.of(o);
        (first, &self.weights[o * self.stride..][..count])
    }
}

/// One row filtered across: each output pixel the weighted sum of its
/// window of `row` (linear, premultiplied, 4 f32 a pixel), clamped.
fn across<Q: Quad>(row: &[f32], taps: &Floats, out: &mut [f32]) {
    for (x, o) in out.chunks_exact_mut(4).enumerate() {
        let (first, w) = taps.of(x);
        let mut sum = Q::zero();
        for (&w, p) in w.iter().zip(row[4 * first..].chunks_exact(4)) {
            sum = sum.add(w, Q::load(p));
        }
        sum.store01(o);
    }
}

/// The rows `band` says of the resize (as `resample::resize_band`).
pub fn resize_with<Q: Quad>(src: &[u8], sw: usize, dst: &mut [u8], dw: usize, band: Band, filter: Filter) -> Result<(), Status> {
    if filter == Filter::Nearest {
        return nearest::resize(src, sw, dst, dw, band);
    }
    let Band { sh, top, dh, first: first_out } = band;
    // As `resize`: an axis whose size stays is not filtered.
    let across_taps = if sw != dw { Some(Taps::reserve(sw, dw, filter)?) } else { None };
    let down_taps = if sh != dh { Some(Taps::reserve(sh, dh, filter)?) } else { None };
    let depth = down_taps.as_ref().map_or(1, |t| t.widest());
    let (wide, deep) = (across_taps.as_ref().map_or(0, |t| t.widest()), depth);
    let pitch = 4 * dw;
    let linear = reserve::<f32>(4 * sw)?;
    let ring = reserve::<f32>(depth.checked_mul(pitch).ok_or(Status::OutOfMemory)?)?;
    let out = reserve::<f32>(pitch)?;
    let too_many = Status::OutOfMemory;
    let floats = (reserve::<f32>(dw.checked_mul(wide).ok_or(too_many)?)?, reserve::<f32>(dh.checked_mul(deep).ok_or(too_many)?)?);
    let (mut linear, ring, mut out) = (linear, ring, out).zeroed();
    let (mut wide_floats, mut deep_floats) = floats.zeroed();
    let (across_taps, down_taps) = (across_taps.map(|t| t.compute()), down_taps.map(|t| t.compute()));
    let across_taps = across_taps.as_ref().map(|taps| {
        let mut f = Floats { taps, weights: &mut wide_floats, stride: wide };
        f.fill();
        f
    });
    let down_taps = down_taps.as_ref().map(|taps| {
        let mut f = Floats { taps, weights: &mut deep_floats, stride: deep };
        f.fill();
        f
    });
    let curve = Curve::new();
    let mut ring = Ring::new(ring, pitch);
    for (i, dst_row) in dst.chunks_exact_mut(4 * dw).enumerate() {
        let y = first_out + i;
        let (first, count) = match &down_taps {
            Some(t) => {
                let (first, w) = t.of(y);
                (first, w.len())
            }
            None => (y, 1),
        };
        ring.skip_to(first);
        ring.make_until(first + count, |n, slot| {
            curve.decode_row(&src[4 * sw * (n - top)..][..4 * sw], &mut linear);
            match &across_taps {
                Some(t) => across::<Q>(&linear, t, slot),
                None => slot.copy_from_slice(&linear),
            }
        });
        let row = match &down_taps {
            Some(t) => {
                let (_, w) = t.of(y);
                for (x, o) in out.chunks_exact_mut(4).enumerate() {
                    let mut sum = Q::zero();
                    for (j, &w) in w.iter().enumerate() {
                        sum = sum.add(w, Q::load(&ring.rows()[ring.at(first + j) + 4 * x..]));
                    }
                    sum.store01(o);
                }
                &out[..]
            }
            None => &ring.rows()[ring.at(y)..][..pitch],
        };
        curve.encode_row(row, dst_row);
    }
    Ok(())
}

/// The Gaussian's weights for |k| ≤ ceil(3σ), normalised, as f32 (from
/// the blurs' own `weights::exact`): the radius and w_0..w_R (w_−k = w_k).
fn gaussian(sigma: f32) -> (usize, [f32; 302]) {
    let (r, w, total) = crate::convolution::gaussian::weights::exact(sigma);
    let mut out = [0.0f32; 302];
    for (o, v) in out.iter_mut().zip(&w[..=r]) {
        *o = (v / total) as f32;
    }
    (r, out)
}

pub fn blur_with<Q: Quad>(px: &mut [u8], w: usize, sigma: f32) -> Result<(), Status> {
    let h = px.len() / 4 / w;
    let (r, k) = gaussian(sigma);
    let depth = (2 * r + 1).min(h);
    let pitch = 4 * w;
    // The source row in linear light, padded by r pixels each side.
    let padded = reserve::<f32>((w + 2 * r).checked_mul(4).ok_or(Status::OutOfMemory)?)?;
    let ring = reserve::<f32>(depth.checked_mul(pitch).ok_or(Status::OutOfMemory)?)?;
    let out = reserve::<f32>(pitch)?;
    let (mut padded, ring, mut out) = (padded, ring, out).zeroed();
    let curve = Curve::new();
    let mut ring = Ring::new(ring, pitch);
    let stride = 4 * w;
    for y in 0..h {
        ring.make_until((y + r).min(h - 1) + 1, |n, slot| {
            curve.decode_row(&px[stride * n..][..stride], &mut padded[4 * r..][..4 * w]);
            // Edges clamped: the first and last pixels repeated r times.
            let (left, right) = (4 * r, 4 * (r + w - 1));
            for x in 0..r {
                padded.copy_within(left..left + 4, 4 * x);
                padded.copy_within(right..right + 4, 4 * (r + w + x));
            }
            for (x, o) in slot.chunks_exact_mut(4).enumerate() {
                let mut sum = Q::zero().add(k[0], Q::load(&padded[4 * (x + r)..]));
                for d in 1..=r {
                    sum = sum.add(k[d], Q::load(&padded[4 * (x + r - d)..]));
                    sum = sum.add(k[d], Q::load(&padded[4 * (x + r + d)..]));
                }
                sum.store01(o);
            }
        });
        // The window's rows above and below, found once per row.
        let mut above = [0usize; 301];
        let mut below = [0usize; 301];
        for d in 0..=r {
            above[d] = ring.at(y.saturating_sub(d));
            below[d] = ring.at((y + d).min(h - 1));
        }
        let rows = ring.rows();
        for (x, o) in out.chunks_exact_mut(4).enumerate() {
            let at = |row: usize| Q::load(&rows[row + 4 * x..]);
            let mut sum = Q::zero().add(k[0], at(above[0]));
            for d in 1..=r {
                sum = sum.add(k[d], at(above[d]));
                sum = sum.add(k[d], at(below[d]));
            }
            sum.store01(o);
        }
        curve.encode_row(&out, &mut px[stride * y..][..stride]);
    }
    Ok(())
}

pub fn resize_linear(src: &[u8], sw: usize, dst: &mut [u8], dw: usize, band: Band, filter: Filter) -> Result<(), Status> {
    resize_with::<Lanes>(src, sw, dst, dw, band, filter)
}

pub fn gaussian_blur_linear(px: &mut [u8], w: usize, sigma: f32) -> Result<(), Status> {
    blur_with::<Lanes>(px, w, sigma)
}
