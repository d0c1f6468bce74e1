//! Loads a row of straight RGBA8 pixels as premultiplied 14-bit lanes for
//! the blurs: D = (t + ⌊t/255⌋) >> 2 with t = c·a, and t = 255·a for alpha.
//! That is c·a/255 in units of 1/64, so an opaque colour becomes exactly
//! 64·c and alpha 64·a: opaque images blur as if never premultiplied, and
//! the extra 6 bits carry the blur's fractions to the end. Two lanes of D
//! always fit an i16, as the kernels' pair sums need.

/// ⌊t/255⌋ for t <= 255·255, without a division.
fn div255_floor(t: u16) -> u16 {
    (t + 1 + (t >> 8)) >> 8
}

fn lane(c: u8, a: u8) -> i16 {
    let t = u16::from(c) * u16::from(a);
    ((t + div255_floor(t)) >> 2) as i16
}

/// `src` (w pixels) into `out` at pixel `left`, edges clamped into the rest
/// of `out`, which must hold at least one pixel past them when w is odd.
pub fn scalar(src: &[u8], out: &mut [i16], left: usize) {
    let w = src.len() / 4;
    for (p, d) in src.as_chunks::<4>().0.iter().zip(out[left * 4..].as_chunks_mut::<4>().0) {
        *d = [lane(p[0], p[3]), lane(p[1], p[3]), lane(p[2], p[3]), lane(255, p[3])];
    }
    super::clamp_edges(out, left, w);
}

#[cfg(target_feature = "simd128")]
#[inline(never)]
pub fn simd(src: &[u8], out: &mut [i16], left: usize) {
    use core::arch::wasm32::*;
    let w = src.len() / 4;
    let [alpha, one] = [u64x2_splat(0x00ff << 48), u16x8_splat(1)].map(crate::simd::hoist);
    let mut pad = [0u8; 8];
    pad[..src.len() % 8].copy_from_slice(&src[src.len() / 8 * 8..]);
    let dst = out[left * 4..(left + w.next_multiple_of(2)) * 4].as_mut_ptr();
    for i in 0..w.div_ceil(2) {
        let from = if 8 * i + 8 <= src.len() { src[8 * i..].as_ptr() } else { pad.as_ptr() };
        // SAFETY: `from` has 8 readable bytes; `dst` has 8 lanes at 8·i, the
        // slice above being whole pairs of pixels.
        unsafe {
            let v = u16x8_load_extend_u8x8(from);
            let a = i8x16_shuffle::<6, 7, 6, 7, 6, 7, 6, 7, 14, 15, 14, 15, 14, 15, 14, 15>(v, v);
            let t = i16x8_mul(v128_or(v, alpha), a);
            let q = u16x8_shr(i16x8_add(i16x8_add(t, one), u16x8_shr(t, 8)), 8);
            v128_store(dst.add(8 * i).cast(), u16x8_shr(i16x8_add(t, q), 2));
        }
    }
    super::clamp_edges(out, left, w);
}

#[cfg(not(target_feature = "simd128"))]
pub use scalar as run;
#[cfg(target_feature = "simd128")]
pub use simd as run;
