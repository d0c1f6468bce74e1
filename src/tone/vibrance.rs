//! avg = (R + G + B)/3, mx = max(R, G, B), k = (mx − avg)·(−3·amount),
//! c' = clamp01(c + (mx − c)·k), on straight colour in [0, 1]; alpha unchanged.

use crate::lanes::Lanes;

#[inline(always)]
pub fn adjust<L: Lanes>(c: [L; 3], amount: f32) -> [L; 3] {
    let [r, g, b] = c;
    let avg = (r + g + b) * L::splat(1.0 / 3.0);
    let mx = r.max(g).max(b);
    let k = (mx - avg) * L::splat(-3.0 * amount);
    c.map(|c| (c + (mx - c) * k).clamp01())
}

pub fn scalar(px: &mut [u8], amount: f32) {
    crate::lanes::map_rgb_scalar(px, |c| adjust(c, amount));
}

#[cfg(target_feature = "simd128")]
pub fn simd(px: &mut [u8], amount: f32) {
    crate::lanes::map_rgb_simd(px, |c| adjust(c, amount));
}

#[cfg(not(target_feature = "simd128"))]
pub use scalar as run;
#[cfg(target_feature = "simd128")]
pub use simd as run;
