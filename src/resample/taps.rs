//! Pillow's coefficient tables (`precompute_coeffs`, `normalize_coeffs_8bpc`),
//! one per axis and call: for each output pixel the first source pixel of
//! its window and the window's weights, computed in double with Pillow's
//! expressions in Pillow's order, then rounded to Q22.

use super::Filter;
use crate::math::sin;
use crate::scratch::{Reserved, Scratch, ZeroAll, reserve};
use crate::status::Status;

/// Pillow's fixed point: 32 bits less 8 for the pixel and 2 for overshoot.
pub const PRECISION: u32 = 22;

pub struct Taps {
    first: Scratch<u32>,
    count: Scratch<u32>,
    /// `pitch` weights per output pixel, zero after its `count`.
    pub(super) k: Scratch<i32>,
    pub(super) pitch: usize,
}

impl Filter {
    pub(super) fn support(self) -> f64 {
        match self {
            Filter::Nearest | Filter::Box => 0.5,
            Filter::Bilinear => 1.0,
            Filter::Bicubic => 2.0,
            Filter::Lanczos3 => 3.0,
        }
    }

    pub(super) fn weight(self, x: f64) -> f64 {
        let abs = if x < 0.0 { -x } else { x };
        match self {
            Filter::Nearest | Filter::Box => f64::from(u8::from(x > -0.5 && x <= 0.5)),
            Filter::Bilinear if abs < 1.0 => 1.0 - abs,
            // a = -0.5, written as Pillow does.
            Filter::Bicubic if abs < 1.0 => ((-0.5 + 2.0) * abs - (-0.5 + 3.0)) * abs * abs + 1.0,
            Filter::Bicubic if abs < 2.0 => (((abs - 5.0) * abs + 8.0) * abs - 4.0) * -0.5,
            Filter::Lanczos3 if (-3.0..3.0).contains(&x) => sinc(x) * sinc(x / 3.0),
            _ => 0.0,
        }
    }
}

fn sinc(x: f64) -> f64 {
    if x == 0.0 {
        return 1.0;
    }
    let x = x * core::f64::consts::PI;
    sin(x) / x
}

/// A table's blocks, reserved but not yet computed.
pub struct Reserve {
    size_in: usize,
    size_out: usize,
    filter: Filter,
    support: f64,
    ksize: usize,
    blocks: (Reserved<u32>, Reserved<u32>, Reserved<i32>, Reserved<f64>),
}

impl Reserve {
    /// The widest window any output pixel can have: a ring this deep holds
    /// every window of the table.
    pub fn widest(&self) -> usize {
        self.ksize.min(self.size_in)
    }

    /// Computes the table: Pillow's `precompute_coeffs` and
    /// `normalize_coeffs_8bpc`.
    #[inline(never)]
    pub fn compute(self) -> Taps {
        let Reserve { size_in, size_out, filter, support, ksize, blocks } = self;
        let (mut first, mut count, mut k, mut w) = blocks.zeroed();
        let scale = size_in as f64 / size_out as f64;
        let ss = 1.0 / scale.max(1.0);
        let pitch = ksize + 1;
        for (xx, k) in k.chunks_exact_mut(pitch).enumerate() {
            let center = (xx as f64 + 0.5) * scale;
            let xmin = ((center - support + 0.5) as i64).max(0);
            let xmax = ((center + support + 0.5) as i64).min(size_in as i64) - xmin;
            let w = &mut w[..(xmax.max(0) as usize).min(ksize)];
            let mut ww = 0.0;
            for (x, w) in w.iter_mut().enumerate() {
                *w = filter.weight(((x as i64 + xmin) as f64 - center + 0.5) * ss);
                ww += *w;
            }
            for (k, &w) in k.iter_mut().zip(w.iter()) {
                let w = if ww != 0.0 { w / ww } else { w };
                let q = w * f64::from(1u32 << PRECISION);
                *k = if w < 0.0 { (-0.5 + q) as i32 } else { (0.5 + q) as i32 };
            }
            first[xx] = xmin as u32;
            count[xx] = w.len() as u32;
        }
        #[cfg(target_feature = "simd128")]
        pack(&mut k);
        Taps { first, count, k, pitch }
    }
}

impl Taps {
    /// Reserves the table for `size_in` source pixels to `size_out` output
    /// pixels, writing nothing yet.
    pub fn reserve(size_in: usize, size_out: usize, filter: Filter) -> Result<Reserve, Status> {
        let scale = size_in as f64 / size_out as f64;
        let support = filter.support() * scale.max(1.0);
        let whole = support as usize;
        let ksize = 2 * (whole + usize::from((whole as f64) < support)) + 1;
        // Even, so the SIMD kernels take the weights two by two.
        let pitch = ksize + 1;
        let k = size_out.checked_mul(pitch).ok_or(Status::OutOfMemory)?;
        let blocks = (reserve::<u32>(size_out)?, reserve::<u32>(size_out)?, reserve::<i32>(k)?, reserve::<f64>(ksize)?);
        Ok(Reserve { size_in, size_out, filter, support, ksize, blocks })
    }

    /// The table, computed at once (for tests).
    pub fn new(size_in: usize, size_out: usize, filter: Filter) -> Result<Taps, Status> {
        Ok(Taps::reserve(size_in, size_out, filter)?.compute())
    }

    /// Output pixel `o`'s window: its first source pixel, its length, and
    /// its weights, with a zero after them if the length is odd (packed in
    /// pairs in the SIMD build).
    #[inline(always)]
    pub fn of(&self, o: usize) -> (usize, usize, &[i32]) {
        let count = self.count[o] as usize;
        (self.first[o] as usize, count, &self.k[o * self.pitch..][..count.next_multiple_of(2)])
    }
}

/// Rewrites each pair of Q22 weights (k0, k1) as the i16 pairs (k0 >> 11,
/// k1 >> 11) and (k0 & 2047, k1 & 2047), so `i32x4.dot_i16x8` takes two
/// pixels' taps at once and k·p = (hi·p << 11) + lo·p stays exact. |k| < 2^23
/// keeps hi in i16; sums wrap, but Pillow's own sum fits an i32, so the
/// wrapped parts add up to it.
#[cfg(target_feature = "simd128")]
fn pack(k: &mut [i32]) {
    for pair in k.as_chunks_mut::<2>().0 {
        let [a, b] = *pair;
        let half = |x: i32, y: i32| (x as u16 as u32 | (y as u32) << 16) as i32;
        *pair = [half(a >> 11, b >> 11), half(a & 2047, b & 2047)];
    }
}
