//! The last step of the Gaussian filters, per pixel, from the vertical
//! pass's sums: lanes of D·2^16, premultiplied (1/64 units, see
//! `premultiplied`).

/// What the vertical pass makes of the sums.
#[derive(Clone, Copy)]
pub enum Finish {
    /// Back to straight colour. With D = sums / 2^16 rounded, a = D_a/64
    /// and c = 255·D_c/D_a, both rounded; 0/0 (no alpha anywhere near) is
    /// NaN, which saturates to 0, as `unpremultiply` maps a = 0 to 0.
    Blur,
    /// Unsharp mask: the blurred colour b = S_c·(255/S_a) in f32 from the
    /// unrounded sums; d = c - b; c + amount·d, rounded and clamped, where
    /// |d| reaches the threshold. Alpha is kept, and so is c where S_a = 0
    /// (d is NaN). Where the window is opaque, S_a is 255·2^22 and 255/S_a
    /// is exactly 2^-22, so the SIMD kernel skips the division there.
    Sharpen { amount: f32, threshold: f32 },
}

impl Finish {
    pub fn scalar(self, sums: [i32; 4], p: [u8; 4]) -> [u8; 4] {
        match self {
            Finish::Blur => {
                let d = sums.map(|s| (s + 0x8000) >> 16);
                let c = |v: i32| (super::super::straight(v, d[3]) + 0.5) as u8;
                [c(d[0]), c(d[1]), c(d[2]), ((d[3] + 32) >> 6) as u8]
            }
            Finish::Sharpen { amount, threshold } => {
                let mut out = p;
                for c in 0..3 {
                    let v = f32::from(p[c]);
                    let d = v - sums[c] as f32 * (255.0 / sums[3] as f32);
                    if d.abs() >= threshold {
                        out[c] = (v + amount * d + 0.5) as u8;
                    }
                }
                out
            }
        }
    }
}

/// `Finish` on two pixels: their sums as two i32x4 and the pixels in the
/// low 8 bytes of a v128, which is also the result. The constants are made
/// once per row, out of the loop (see `simd::hoist`).
#[cfg(target_feature = "simd128")]
pub struct Simd {
    sharpen: bool,
    /// Whether a threshold applies: at 0 every finite d passes it.
    threshold: bool,
    k: [core::arch::wasm32::v128; 11],
}

/// An opaque window's alpha: the rounded sum 64·255 in i16 lanes 3 and 7
/// (the colour lanes are masked off), and the unrounded sum 255·2^22.
#[cfg(target_feature = "simd128")]
const OPAQUE: i16 = 64 * 255;
#[cfg(target_feature = "simd128")]
const OPAQUE_SUM: i32 = 255 << 22;

#[cfg(target_feature = "simd128")]
impl Simd {
    pub fn new(finish: Finish) -> Simd {
        use core::arch::wasm32::*;
        let (sharpen, amount, threshold) = match finish {
            Finish::Blur => (false, 0.0, 0.0),
            Finish::Sharpen { amount, threshold } => (true, amount, threshold),
        };
        let k = [
            i32x4_splat(0x8000),
            i16x8(0, 0, 0, OPAQUE, 0, 0, 0, OPAQUE),
            i16x8(-1, -1, -1, 0, -1, -1, -1, 0),
            i16x8_splat(32),
            f32x4_splat(255.0),
            f32x4_splat(0.5),
            i32x4(0, 0, 0, -1),
            f32x4_splat(amount),
            f32x4_splat(threshold),
            i32x4_splat(OPAQUE_SUM),
            f32x4_splat(1.0 / (1 << 22) as f32),
        ];
        Simd { sharpen, threshold: threshold > 0.0, k: k.map(crate::simd::hoist) }
    }

    #[inline(always)]
    pub fn apply(&self, s0: core::arch::wasm32::v128, s1: core::arch::wasm32::v128, p: core::arch::wasm32::v128) -> core::arch::wasm32::v128 {
        use core::arch::wasm32::*;
        let [half, opaque, colour, k32, k255, khalf, a_lane, amount, threshold, opaque_sum, inv] = self.k;
        // Lanes in [0, 255] (or saturating past them) to the result's bytes.
        let bytes = |a, b| {
            let x = i16x8_narrow_i32x4(a, b);
            u8x16_narrow_i16x8(x, x)
        };
        if self.sharpen {
            let p = u16x8_extend_low_u8x16(p);
            let (p0, p1) = (u32x4_extend_low_u16x8(p), u32x4_extend_high_u16x8(p));
            // c + amount·d, d = c - S·ratio for ratio = 255/S_a; and d.
            let formula = |s, v, ratio| {
                let d = f32x4_sub(v, f32x4_mul(f32x4_convert_i32x4(s), ratio));
                (i32x4_trunc_sat_f32x4(f32x4_add(f32x4_add(v, f32x4_mul(amount, d)), khalf)), d)
            };
            // The formula where |d| reaches the threshold, c elsewhere and
            // in the `keep` lanes.
            let one = |s, p, ratio, keep| {
                let (out, d) = formula(s, f32x4_convert_i32x4(p), ratio);
                v128_bitselect(out, p, v128_andnot(f32x4_ge(f32x4_abs(d), threshold), keep))
            };
            // Opaque: the ratio is 2^-22 exactly and d is finite, so at
            // threshold 0 every lane takes the formula; alpha may too, its d
            // being 0 (c + 0, or c where a threshold applies).
            if i32x4_all_true(i32x4_eq(i32x4_shuffle::<3, 7, 3, 7>(s0, s1), opaque_sum)) {
                if !self.threshold {
                    let out = |s, p| formula(s, f32x4_convert_i32x4(p), inv).0;
                    return bytes(out(s0, p0), out(s1, p1));
                }
                let none = i32x4_splat(0);
                return bytes(one(s0, p0, inv, none), one(s1, p1, inv, none));
            }
            let ratio = |s| f32x4_div(k255, f32x4_convert_i32x4(i32x4_shuffle::<3, 3, 3, 3>(s, s)));
            return bytes(one(s0, p0, ratio(s0), a_lane), one(s1, p1, ratio(s1), a_lane));
        }
        let d = super::fir::rounded(s0, s1, half);
        // (D + 32) >> 6 in every lane: alpha, and for opaque pixels colour
        // too, as 255·D_c/(64·255) is exactly D_c/64 and rounds the same.
        let a = u16x8_shr(i16x8_add(d, k32), 6);
        if i16x8_all_true(v128_or(i16x8_eq(d, opaque), colour)) {
            return u8x16_narrow_i16x8(a, a);
        }
        let ratio = |s| crate::simd::straight(s, k255);
        let straight = |d, a| v128_bitselect(a, i32x4_trunc_sat_f32x4(f32x4_add(ratio(d), khalf)), a_lane);
        bytes(
            straight(u32x4_extend_low_u16x8(d), u32x4_extend_low_u16x8(a)),
            straight(u32x4_extend_high_u16x8(d), u32x4_extend_high_u16x8(a)),
        )
    }
}
