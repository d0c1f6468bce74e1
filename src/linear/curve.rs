//! The sRGB curve both ways, by tables built per call (no libm): decoding
//! a byte is a lookup; encoding a linear value is the byte whose interval
//! [decode((k − ½)/255), decode((k + ½)/255)) holds it, found by binary
//! search over the 255 boundaries, which is round(255·encode(l)) without
//! the power function.

use crate::math::{exp_neg, ln};

/// The sRGB decoding of c in [0, 1]: c/12.92 up to 0.04045, else
/// ((c + 0.055)/1.055)^2.4.
pub fn decode(c: f64) -> f64 {
    if c <= 0.04045 { c / 12.92 } else { exp_neg(2.4 * ln((c + 0.055) / 1.055)) }
}

/// Buckets of linear light for `encode`'s first guess: narrow enough that
/// each holds at most one byte boundary (the curve's steepest part, near
/// 0, rises 255·12.92/4096 ≈ 0.8 bytes a bucket).
const BUCKETS: usize = 4096;

pub struct Curve {
    linear: [f32; 256],
    /// bounds[k]: where byte k + 1 begins.
    bounds: [f32; 255],
    /// The byte at the start of each bucket.
    guess: [u8; BUCKETS + 1],
}

impl Curve {
    pub fn new() -> Curve {
        let bounds: [f32; 255] = core::array::from_fn(|k| decode((k as f64 + 0.5) / 255.0) as f32);
        let mut guess = [0u8; BUCKETS + 1];
        let mut k = 0;
        for (i, g) in guess.iter_mut().enumerate() {
            let l = i as f32 * (1.0 / BUCKETS as f32);
            while k < 255 && bounds[k] <= l {
                k += 1;
            }
            *g = k as u8;
        }
        Curve { linear: core::array::from_fn(|c| decode(c as f64 / 255.0) as f32), bounds, guess }
    }

    /// The byte nearest to the encoding of the linear value `l` in [0, 1]:
    /// the number of bounds at or below l, from its bucket's first byte.
    pub fn encode(&self, l: f32) -> u8 {
        // Past 1 (colour above its alpha after a lobe) is the last bucket.
        let mut k = usize::from(self.guess[(l.min(1.0) * BUCKETS as f32) as usize]);
        while k < 255 && self.bounds[k] <= l {
            k += 1;
        }
        k as u8
    }

    /// A row of bytes to linear light, premultiplied: [r·a, g·a, b·a, a]
    /// with a = A/255.
    pub fn decode_row(&self, src: &[u8], out: &mut [f32]) {
        for (p, o) in src.as_chunks::<4>().0.iter().zip(out.as_chunks_mut::<4>().0) {
            let a = f32::from(p[3]) * (1.0 / 255.0);
            *o = [self.linear[usize::from(p[0])] * a, self.linear[usize::from(p[1])] * a, self.linear[usize::from(p[2])] * a, a];
        }
    }

    /// A row of premultiplied linear values (each in [0, 1]) back to bytes:
    /// unpremultiplied (0 where alpha is 0), encoded, alpha rounded.
    pub fn encode_row(&self, row: &[f32], out: &mut [u8]) {
        for (v, o) in row.as_chunks::<4>().0.iter().zip(out.as_chunks_mut::<4>().0) {
            let a = v[3];
            let c = |x: f32| if a > 0.0 { self.encode(x / a) } else { 0 };
            *o = [c(v[0]), c(v[1]), c(v[2]), crate::lanes::to_byte(a * 255.0)];
        }
    }
}
