//! To HSL as CSS Color 4's `rgbToHsl`, h' = (h + hue) mod 360,
//! s' = clamp01(s·saturation), l' = clamp01(l + lightness), back as
//! `hslToRgb`; alpha unchanged.

use crate::lanes::Lanes;

/// The adjustment of one pixel (or four), straight R, G, B in [0, 1].
#[inline(always)]
pub fn adjust<L: Lanes>(c: [L; 3], hue: f32, saturation: f32, lightness: f32) -> [L; 3] {
    let [r, g, b] = c;
    let (zero, one, half) = (L::splat(0.0), L::splat(1.0), L::splat(0.5));
    let (hi, lo) = (r.max(g).max(b), r.min(g).min(b));
    let d = hi - lo;
    let l = (hi + lo) * half;
    let grey = d.eq(zero);
    let s = L::select(
        grey,
        zero,
        d / L::select(l.le(half), hi + lo, L::splat(2.0) - hi - lo),
    );
    // The sector formula, in sixths of a turn; where d = 0 the quotients
    // are NaN and the hue is 0.
    let per_d = one / d;
    let sixths = L::select(
        hi.eq(r),
        (g - b) * per_d + L::select(g.lt(b), L::splat(6.0), zero),
        L::select(
            hi.eq(g),
            (b - r) * per_d + L::splat(2.0),
            (r - g) * per_d + L::splat(4.0),
        ),
    );
    let h = L::select(grey, zero, sixths * L::splat(60.0));
    // h + hue lies in [−360, 720): one turn either way brings it into [0, 360).
    let turn = L::splat(360.0);
    let h = h + L::splat(hue);
    let h = L::select(h.lt(zero), h + turn, L::select(h.lt(turn), h, h - turn));
    let s = (s * L::splat(saturation)).clamp01();
    let l = (l + L::splat(lightness)).clamp01();
    let a = s * l.min(one - l);
    let twelfths = h * L::splat(1.0 / 30.0);
    [0.0, 8.0, 4.0].map(|n| {
        // n + h/30 lies in [0, 20): mod 12 is at most one subtraction.
        let k = L::splat(n) + twelfths;
        let k = L::select(k.lt(L::splat(12.0)), k, k - L::splat(12.0));
        let m = (k - L::splat(3.0))
            .min(L::splat(9.0) - k)
            .min(one)
            .max(L::splat(-1.0));
        l - a * m
    })
}

pub fn scalar(px: &mut [u8], hue: f32, saturation: f32, lightness: f32) {
    crate::lanes::map_rgb_scalar(px, |c| adjust(c, hue, saturation, lightness));
}

#[cfg(target_feature = "simd128")]
pub fn simd(px: &mut [u8], hue: f32, saturation: f32, lightness: f32) {
    crate::lanes::map_rgb_simd(px, |c| adjust(c, hue, saturation, lightness));
}

#[cfg(not(target_feature = "simd128"))]
pub use scalar as run;
#[cfg(target_feature = "simd128")]
pub use simd as run;
