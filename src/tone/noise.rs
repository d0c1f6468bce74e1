//! Per pixel index i and channel k of R, G, B (k = 0 for all three when
//! mono): n = mix(seed + 0x9E3779B9·(3i + k)) in u32 arithmetic, u = n/2³²,
//! c' = clamp(round(c + amount·(2u − 1))); alpha unchanged.
//!
//! 2u − 1 is taken from n's top 24 bits, which f32 holds exactly: u moves
//! by less than 2⁻²⁴, amount·2u by less than 2⁻¹⁵, far inside the ±1.

const GOLDEN: u32 = 0x9E37_79B9;

/// The integer hash (Chris Wellons' "lowbias32").
fn mix(mut x: u32) -> u32 {
    x ^= x >> 16;
    x = x.wrapping_mul(0x7FEB_352D);
    x ^= x >> 15;
    x = x.wrapping_mul(0x846C_A68B);
    x ^ (x >> 16)
}

/// 2u − 1 in [−1, 1): the top 24 bits of n, scaled, minus 1 (exact).
fn signed_unit(n: u32) -> f32 {
    (n >> 8) as f32 * (1.0 / 8_388_608.0) - 1.0
}

pub fn scalar(px: &mut [u8], amount: f32, seed: u32, mono: bool) {
    for (i, p) in px.as_chunks_mut::<4>().0.iter_mut().enumerate() {
        let base = seed.wrapping_add(GOLDEN.wrapping_mul(3u32.wrapping_mul(i as u32)));
        for (k, c) in p[..3].iter_mut().enumerate() {
            let k = if mono { 0 } else { k as u32 };
            let n = mix(base.wrapping_add(GOLDEN.wrapping_mul(k)));
            *c = crate::lanes::to_byte(f32::from(*c) + amount * signed_unit(n));
        }
    }
}

#[cfg(target_feature = "simd128")]
pub fn simd(px: &mut [u8], amount: f32, seed: u32, mono: bool) {
    use crate::simd::{channel, hoist, pack_rgba};
    use core::arch::wasm32::*;
    let [golden, k1, k2, mul1, mul2] =
        [GOLDEN, 0x7FEB_352D, 0x846C_A68B, 0, 0].map(|k| hoist(u32x4_splat(k)));
    let (g1, g2) = if mono {
        (mul1, mul2)
    } else {
        (golden, u32x4_splat(GOLDEN.wrapping_mul(2)))
    };
    let [ff, max, zero] = [0xff, 255, 0].map(|k| hoist(u32x4_splat(k)));
    let [scale, one, amount, half] =
        [1.0 / 8_388_608.0, 1.0, amount, 0.5].map(|k| hoist(f32x4_splat(k)));
    let alpha = hoist(u32x4_splat(0xff00_0000));
    // Lane j of block b hashes pixel 4b + j: its 3i steps by 12 per block.
    let three_i = hoist(u32x4(0, 3, 6, 9));
    let mix = |x: v128| {
        let x = v128_xor(x, u32x4_shr(x, 16));
        let x = i32x4_mul(x, k1);
        let x = v128_xor(x, u32x4_shr(x, 15));
        let x = i32x4_mul(x, k2);
        v128_xor(x, u32x4_shr(x, 16))
    };
    let noisy = |c: v128, n: v128| {
        let t = f32x4_sub(f32x4_mul(f32x4_convert_u32x4(u32x4_shr(n, 8)), scale), one);
        let x = f32x4_add(f32x4_convert_u32x4(c), f32x4_mul(amount, t));
        crate::simd::trunc_clamped(f32x4_add(x, half), zero, max)
    };
    crate::simd::each_block::<16>(px, |b, p| {
        let i3 = i32x4_add(u32x4_splat((b as u32).wrapping_mul(12)), three_i);
        let base = i32x4_add(u32x4_splat(seed), i32x4_mul(golden, i3));
        let (nr, ng, nb) = (
            mix(base),
            mix(i32x4_add(base, g1)),
            mix(i32x4_add(base, g2)),
        );
        // SAFETY: `each_block` passes pointers to 16 bytes; v128 access
        // needs no alignment.
        let v = unsafe { v128_load(p.cast()) };
        let [r, g, b] = [(0, nr), (8, ng), (16, nb)].map(|(s, n)| noisy(channel(v, s, ff), n));
        let out = v128_or(pack_rgba(r, g, b, u32x4_splat(0)), v128_and(v, alpha));
        // SAFETY: as above.
        unsafe { v128_store(p.cast(), out) };
    });
}

#[cfg(not(target_feature = "simd128"))]
pub use scalar as run;
#[cfg(target_feature = "simd128")]
pub use simd as run;
