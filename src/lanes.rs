//! Floating-point formulas written once, over `Lanes`: one f32 (the scalar
//! reference, one pixel at a time) or four (`F32x4`, four pixels at a time,
//! a channel per vector). Both run the same IEEE operations in the same
//! order, with no fused multiply-add, so they give the same bits; min and
//! max are the "pseudo" forms `b < a ? b : a`, which wasm's `f32x4.pmin`
//! computes and which agree on ±0, and rounding goes through truncation,
//! which both have exactly (see `to_byte`).

use core::ops::{Add, Div, Mul, Sub};

pub trait Lanes:
    Copy + Add<Output = Self> + Sub<Output = Self> + Mul<Output = Self> + Div<Output = Self>
{
    /// A comparison's result per lane.
    type Mask: Copy;
    fn splat(x: f32) -> Self;
    fn lt(self, other: Self) -> Self::Mask;
    fn le(self, other: Self) -> Self::Mask;
    fn eq(self, other: Self) -> Self::Mask;
    fn and(a: Self::Mask, b: Self::Mask) -> Self::Mask;
    /// `yes` where `mask`, else `no`.
    fn select(mask: Self::Mask, yes: Self, no: Self) -> Self;
    /// Correctly rounded, as IEEE and wasm's `f32.sqrt` define it.
    fn sqrt(self) -> Self;

    /// `other < self ? other : self`.
    fn min(self, other: Self) -> Self {
        Self::select(other.lt(self), other, self)
    }
    /// `self < other ? other : self`.
    fn max(self, other: Self) -> Self {
        Self::select(self.lt(other), other, self)
    }
    fn clamp01(self) -> Self {
        self.max(Self::splat(0.0)).min(Self::splat(1.0))
    }
}

impl Lanes for f32 {
    type Mask = bool;
    fn splat(x: f32) -> f32 {
        x
    }
    fn lt(self, other: f32) -> bool {
        self < other
    }
    fn le(self, other: f32) -> bool {
        self <= other
    }
    fn eq(self, other: f32) -> bool {
        self == other
    }
    fn and(a: bool, b: bool) -> bool {
        a & b
    }
    fn select(mask: bool, yes: f32, no: f32) -> f32 {
        if mask { yes } else { no }
    }
    fn sqrt(self) -> f32 {
        crate::math::sqrt(self)
    }
}

/// round(x) for x ≥ −0.5, clamped to [0, 255] (NaN gives 0): truncating
/// x + 0.5 is what both `as u32` and `i32x4.trunc_sat_f32x4` do.
pub fn to_byte(x: f32) -> u8 {
    ((x + 0.5) as u32).min(255) as u8
}

/// A byte's value in [0, 1], times the reciprocal (a division costs
/// several multiplications).
pub fn unit(c: u8) -> f32 {
    f32::from(c) * (1.0 / 255.0)
}

/// Runs `f` on each pixel's straight R, G, B in [0, 1] and stores the
/// rounded results; alpha unchanged.
pub fn map_rgb_scalar(px: &mut [u8], f: impl Fn([f32; 3]) -> [f32; 3]) {
    for p in px.as_chunks_mut::<4>().0 {
        let out = f([p[0], p[1], p[2]].map(unit));
        for (c, x) in p.iter_mut().zip(out) {
            *c = to_byte(255.0 * x);
        }
    }
}

#[cfg(target_feature = "simd128")]
pub use simd::{F32x4, map_rgb_simd};

#[cfg(target_feature = "simd128")]
pub mod simd {
    use super::Lanes;
    use crate::simd::{channel, hoist, pack_rgba};
    use core::arch::wasm32::*;
    use core::ops::{Add, Div, Mul, Sub};

    /// Four f32 lanes: one channel of four pixels.
    #[derive(Clone, Copy)]
    pub struct F32x4(pub v128);

    macro_rules! binary {
        ($($op:ident $f:ident $simd:ident),*) => {$(
            impl $op for F32x4 {
                type Output = F32x4;
                #[inline(always)]
                fn $f(self, o: F32x4) -> F32x4 {
                    F32x4($simd(self.0, o.0))
                }
            }
        )*};
    }
    binary!(Add add f32x4_add, Sub sub f32x4_sub, Mul mul f32x4_mul, Div div f32x4_div);

    impl Lanes for F32x4 {
        type Mask = v128;
        #[inline(always)]
        fn splat(x: f32) -> F32x4 {
            F32x4(f32x4_splat(x))
        }
        #[inline(always)]
        fn lt(self, o: F32x4) -> v128 {
            f32x4_lt(self.0, o.0)
        }
        #[inline(always)]
        fn le(self, o: F32x4) -> v128 {
            f32x4_le(self.0, o.0)
        }
        #[inline(always)]
        fn eq(self, o: F32x4) -> v128 {
            f32x4_eq(self.0, o.0)
        }
        #[inline(always)]
        fn and(a: v128, b: v128) -> v128 {
            v128_and(a, b)
        }
        #[inline(always)]
        fn select(mask: v128, yes: F32x4, no: F32x4) -> F32x4 {
            F32x4(v128_bitselect(yes.0, no.0, mask))
        }
        #[inline(always)]
        fn sqrt(self) -> F32x4 {
            F32x4(f32x4_sqrt(self.0))
        }
        // One instruction each, the same as the default bodies.
        #[inline(always)]
        fn min(self, o: F32x4) -> F32x4 {
            F32x4(f32x4_pmin(self.0, o.0))
        }
        #[inline(always)]
        fn max(self, o: F32x4) -> F32x4 {
            F32x4(f32x4_pmax(self.0, o.0))
        }
    }

    /// Channel `shift / 8` of four pixels in [0, 1], as `super::unit`; `ff`
    /// is the hoisted `u32x4_splat(0xff)`, `inv255` `f32x4_splat(1.0 / 255.0)`.
    #[inline(always)]
    pub fn unit(v: v128, shift: u32, ff: v128, inv255: v128) -> F32x4 {
        F32x4(f32x4_mul(f32x4_convert_u32x4(channel(v, shift, ff)), inv255))
    }

    /// `to_byte(255·x)` per lane, as an i32 lane; `zero` and `max` are the
    /// hoisted i32 0 and 255.
    #[inline(always)]
    pub fn to_byte(x: F32x4, k255: v128, half: v128, zero: v128, max: v128) -> v128 {
        crate::simd::trunc_clamped(f32x4_add(f32x4_mul(x.0, k255), half), zero, max)
    }

    /// `map_rgb_scalar` four pixels at a time.
    #[inline(always)]
    pub fn map_rgb_simd(px: &mut [u8], f: impl Fn([F32x4; 3]) -> [F32x4; 3]) {
        let [ff, k255, inv255, half, zero] =
            [u32x4_splat(0xff), f32x4_splat(255.0), f32x4_splat(1.0 / 255.0), f32x4_splat(0.5), u32x4_splat(0)].map(hoist);
        let alpha = hoist(u32x4_splat(0xff00_0000));
        crate::simd::map_blocks(px, |v| {
            let [r, g, b] =
                f([0, 8, 16].map(|s| unit(v, s, ff, inv255))).map(|x| to_byte(x, k255, half, zero, ff));
            v128_or(pack_rgba(r, g, b, u32x4_splat(0)), v128_and(v, alpha))
        });
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #[test]
    fn to_byte_rounds_halves_up_and_clamps() {
        assert_eq!(
            [0.0, 0.49, 0.5, 1.5, 254.5, 255.4, 300.0, -0.4, f32::NAN].map(super::to_byte),
            [0, 0, 1, 2, 255, 255, 255, 0, 0]
        );
    }
}
