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

/// Two neighbouring taps' Q22 weights k0, k1 as the two u32 words every
/// kernel reads, [hi, lo]: hi holds the i16 pair (k0 >> 11, k1 >> 11) and lo
/// the pair (k0 & 2047, k1 & 2047), so k = (hi << 11) + lo exactly (|k| <
/// 2^23 keeps hi in i16). The SIMD kernels splat each word, and
/// `i32x4.dot_i16x8` takes two pixels' taps at once; the scalar ones put
/// the weights back together with `weights`.
//
//   hi: [k1 >> 11 | k0 >> 11]   lo: [k1 & 2047 | k0 & 2047]   (16 bits each, k0 low)
pub type Pair = [u32; 2];

fn pair(k0: i32, k1: i32) -> Pair {
    let words = |a: i32, b: i32| u32::from(a as u16) | u32::from(b as u16) << 16;
    [words(k0 >> 11, k1 >> 11), words(k0 & 2047, k1 & 2047)]
}

/// The Q22 weights of a window, tap by tap (a zero after an odd count).
pub fn weights(pairs: &[Pair]) -> impl Iterator<Item = i32> + '_ {
    let half = |word: u32, at: u32| i32::from((word >> at) as u16 as i16);
    pairs.iter().flat_map(move |&[hi, lo]| [0, 16].map(|at| (half(hi, at) << 11) + half(lo, at)))
}

/// One record per output pixel, `stride` words long: the first source
/// pixel of its window, the window's length, then its weights as `Pair`s
/// (two words each), zero after the window.
pub struct Taps {
    table: Scratch<u32>,
    stride: usize,
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
    blocks: (Reserved<u32>, Reserved<f64>),
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
        let (mut table, mut w) = blocks.zeroed();
        let (scale, _) = reach(size_in, size_out, filter);
        let ss = 1.0 / scale.max(1.0);
        let stride = table.len() / size_out;
        for (xx, record) in table.chunks_exact_mut(stride).enumerate() {
            let (center, xmin, xmax) = window(size_in, scale, support, xx);
            let w = &mut w[..(xmax - xmin).min(ksize)];
            let mut ww = 0.0;
            for (x, w) in w.iter_mut().enumerate() {
                *w = filter.weight(((x + xmin) as f64 - center + 0.5) * ss);
                ww += *w;
            }
            let q22 = |w: f64| {
                let w = if ww != 0.0 { w / ww } else { w };
                let q = w * f64::from(1u32 << PRECISION);
                if w < 0.0 { (-0.5 + q) as i32 } else { (0.5 + q) as i32 }
            };
            let (head, pairs) = record.split_at_mut(2);
            head.copy_from_slice(&[xmin as u32, w.len() as u32]);
            for (words, k) in pairs.as_chunks_mut::<2>().0.iter_mut().zip(w.chunks(2)) {
                *words = pair(q22(k[0]), k.get(1).map_or(0, |&k| q22(k)));
            }
        }
        Taps { table, stride }
    }
}

/// Pillow's scale and support for `size_in` pixels to `size_out`.
fn reach(size_in: usize, size_out: usize, filter: Filter) -> (f64, f64) {
    let scale = size_in as f64 / size_out as f64;
    (scale, filter.support() * scale.max(1.0))
}

/// Pillow's window of output pixel `o`: its centre in the source, its first
/// source pixel and the end of its reach, [xmin, xmax) (the table may cut it
/// to `ksize`). xmin < size_in, and xmax > xmin: the support is at least ½.
fn window(size_in: usize, scale: f64, support: f64, o: usize) -> (f64, usize, usize) {
    let center = (o as f64 + 0.5) * scale;
    let xmin = ((center - support + 0.5) as i64).max(0) as usize;
    let xmax = ((center + support + 0.5) as i64).min(size_in as i64) as usize;
    (center, xmin, xmax.max(xmin))
}

/// The source pixels [start, end) that output pixels [first, first + n)
/// of `size_in` to `size_out` read (n ≥ 1): windows only move forward, so
/// the first one's start and the last one's end.
pub fn reads(size_in: usize, size_out: usize, filter: Filter, first: usize, n: usize) -> (usize, usize) {
    let (scale, support) = reach(size_in, size_out, filter);
    (window(size_in, scale, support, first).1, window(size_in, scale, support, first + n - 1).2)
}

impl Taps {
    /// Reserves the table for `size_in` source pixels to `size_out` output
    /// pixels, writing nothing yet.
    #[inline(never)]
    pub fn reserve(size_in: usize, size_out: usize, filter: Filter) -> Result<Reserve, Status> {
        let (_, support) = reach(size_in, size_out, filter);
        let whole = support as usize;
        // Two words of head, and a word per tap padded to whole pairs;
        // checked, as a band's whole height is not bounded by memory.
        let ksize = whole.checked_add(usize::from((whole as f64) < support)).and_then(|n| n.checked_mul(2)).and_then(|n| n.checked_add(1));
        let stride = ksize.and_then(|k| k.checked_add(3));
        let (ksize, words) = ksize.zip(stride.and_then(|s| size_out.checked_mul(s))).ok_or(Status::OutOfMemory)?;
        let blocks = (reserve::<u32>(words)?, reserve::<f64>(ksize)?);
        Ok(Reserve { size_in, size_out, filter, support, ksize, blocks })
    }

    /// The table, computed at once (for tests).
    pub fn new(size_in: usize, size_out: usize, filter: Filter) -> Result<Taps, Status> {
        Ok(Taps::reserve(size_in, size_out, filter)?.compute())
    }

    /// Output pixel `o`'s window: its first source pixel, its length, and
    /// its weights in pairs.
    #[inline(always)]
    pub fn of(&self, o: usize) -> (usize, usize, &[Pair]) {
        let record = &self.table[o * self.stride..][..self.stride];
        let count = record[1] as usize;
        (record[0] as usize, count, record[2..][..count.next_multiple_of(2)].as_chunks::<2>().0)
    }
}
