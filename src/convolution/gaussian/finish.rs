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
    /// Unsharp mask: the blurred colour b = 255·S_c/S_a from the unrounded
    /// sums; d = c - b; c + amount·d, rounded and clamped, where |d|
    /// reaches the threshold. Alpha is kept, and so is c where S_a = 0 (d
    /// is NaN).
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
                    let d = v - super::super::straight(sums[c], sums[3]);
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
    k: [core::arch::wasm32::v128; 10],
}

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
            i32x4_splat(64 * 255),
            i32x4_splat(32),
            f32x4_splat(255.0),
            f32x4_splat(0.5),
            i32x4(0, 0, 0, -1),
            f32x4_splat(amount),
            f32x4_splat(threshold),
            i32x4_splat(0),
            i32x4_splat(255),
        ];
        Simd { sharpen, k: k.map(crate::simd::hoist) }
    }

    #[inline(always)]
    pub fn apply(&self, s0: core::arch::wasm32::v128, s1: core::arch::wasm32::v128, p: core::arch::wasm32::v128) -> core::arch::wasm32::v128 {
        use core::arch::wasm32::*;
        let [half, opaque, k32, k255, khalf, a_lane, amount, threshold, zero, max] = self.k;
        let pack = crate::simd::low_bytes;
        let ratio = |s| crate::simd::straight(s, k255);
        if self.sharpen {
            let one = |s, p| {
                let v = f32x4_convert_i32x4(p);
                let d = f32x4_sub(v, ratio(s));
                let out = i32x4_trunc_sat_f32x4(f32x4_add(f32x4_add(v, f32x4_mul(amount, d)), khalf));
                let out = i32x4_min(i32x4_max(out, zero), max);
                v128_bitselect(out, p, v128_andnot(f32x4_ge(f32x4_abs(d), threshold), a_lane))
            };
            let p = u16x8_extend_low_u8x16(p);
            return pack(one(s0, u32x4_extend_low_u16x8(p)), one(s1, u32x4_extend_high_u16x8(p)));
        }
        let d0 = i32x4_shr(i32x4_add(s0, half), 16);
        let d1 = i32x4_shr(i32x4_add(s1, half), 16);
        let a = |d| i32x4_shr(i32x4_add(d, k32), 6);
        // Opaque pixels: 255·D_c/(64·255) is exactly D_c/64, so the integer
        // rounding gives the same bytes without a division.
        if i32x4_all_true(i32x4_eq(i32x4_shuffle::<3, 7, 3, 7>(d0, d1), opaque)) {
            return pack(a(d0), a(d1));
        }
        let straight = |d| v128_bitselect(a(d), i32x4_trunc_sat_f32x4(f32x4_add(ratio(d), khalf)), a_lane);
        pack(straight(d0), straight(d1))
    }
}
