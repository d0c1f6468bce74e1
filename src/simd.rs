//! Helpers shared by the SIMD128 kernels.

use core::arch::wasm32::*;

/// Calls `block(i, p)` for each N-byte block of `px` in order, `p` pointing
/// at block i. The last 1 to N-1 bytes, if any, go through a zero-padded
/// block on the stack, copied back after; one loop serves both, so `block`
/// is inlined once and the module needs no scalar tail for any kernel.
#[inline(always)]
pub fn each_block<const N: usize>(px: &mut [u8], mut block: impl FnMut(usize, *mut u8)) {
    let (blocks, rest) = px.as_chunks_mut::<N>();
    let whole = blocks.len();
    let blocks = blocks.as_mut_ptr();
    let mut pad = [0u8; N];
    pad[..rest.len()].copy_from_slice(rest);
    for i in 0..whole + usize::from(!rest.is_empty()) {
        // SAFETY: the first `whole` indices are blocks of `px`, the last one
        // is `pad`; both N bytes.
        block(i, if i < whole { unsafe { blocks.add(i).cast() } } else { pad.as_mut_ptr() });
    }
    rest.copy_from_slice(&pad[..rest.len()]);
}

/// Replaces every 16-byte block of `px` by `block(v)` (see `each_block`).
#[inline(always)]
pub fn map_blocks(px: &mut [u8], block: impl Fn(v128) -> v128) {
    // SAFETY: `each_block` passes pointers to 16 bytes; v128 access needs no
    // alignment.
    each_block::<16>(px, |_, p| unsafe { v128_store(p.cast(), block(v128_load(p.cast()))) });
}

/// A constant the loop keeps in a local. V8 rebuilds a `v128.const` at each
/// use, inside loops too, several instructions each; LLVM would fold every
/// splat back into such constants, so kernels hoist theirs through this.
#[inline(always)]
pub fn hoist(v: v128) -> v128 {
    core::hint::black_box(v)
}

/// Whether all four pixels are opaque; `alpha` is `u32x4_splat(0xff00_0000)`,
/// hoisted. Alpha ops skip such blocks: most of most images.
#[inline(always)]
pub fn opaque(v: v128, alpha: v128) -> bool {
    u32x4_all_true(u32x4_ge(v, alpha))
}

/// Channel `shift / 8` of each pixel (R at 0, G at 8, B at 16) as an i32
/// lane; `ff` is `u32x4_splat(0xff)`, hoisted.
#[inline(always)]
pub fn channel(v: v128, shift: u32, ff: v128) -> v128 {
    v128_and(u32x4_shr(v, shift), ff)
}

/// Each f32 lane truncated to an integer and clamped to [0, max] (`zero`
/// and `max` below 2^31, both hoisted); NaN gives 0. The same lanes as
/// `u32x4_min(u32x4_trunc_sat_f32x4(x), max)`, in half the instructions V8
/// spends on the unsigned conversion.
#[inline(always)]
pub fn trunc_clamped(x: v128, zero: v128, max: v128) -> v128 {
    i32x4_min(i32x4_max(i32x4_trunc_sat_f32x4(x), zero), max)
}

/// Converts whole f32 lanes in [0, 2^23) to i32 in two cheap ops: adding 2^23
/// puts the integer in the low mantissa bits, and subtracting the bits of
/// 2^23 leaves it.
pub struct WholeToI32 {
    float: v128,
    bits: v128,
}

impl WholeToI32 {
    #[inline(always)]
    pub fn new() -> WholeToI32 {
        WholeToI32 { float: hoist(f32x4_splat(8_388_608.0)), bits: hoist(i32x4_splat(0x4b00_0000)) }
    }

    #[inline(always)]
    pub fn apply(&self, x: v128) -> v128 {
        i32x4_sub(f32x4_add(x, self.float), self.bits)
    }
}

/// Packs four i32 lanes of values in [0, 255] into bytes 0, 1, 2, 3 of each
/// lane: the R, G, B, A of one pixel per lane.
#[inline(always)]
pub fn pack_rgba(r: v128, g: v128, b: v128, a: v128) -> v128 {
    v128_or(v128_or(r, i32x4_shl(g, 8)), v128_or(i32x4_shl(b, 16), i32x4_shl(a, 24)))
}

/// Four pixels' i32 lanes (values in [0, 255]) back to their 16 RGBA bytes,
/// pixel a first: packed lane by lane (`pack_rgba`), then transposed by a
/// swizzle with a hoisted table. Saturating narrows, or shuffles, cost V8
/// their masks or clamp constants rebuilt on every use.
//
//   packed: [a0 b0 c0 d0 | a1 b1 c1 d1 | …]  →  [a0 a1 a2 a3 | b0 b1 b2 b3 | …]
pub struct FourPixels(v128);

impl FourPixels {
    #[inline(always)]
    pub fn new() -> FourPixels {
        // Byte 4k + q of the result is byte 4q + k of the packed lanes.
        FourPixels(hoist(u8x16(0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15)))
    }

    #[inline(always)]
    pub fn apply(&self, a: v128, b: v128, c: v128, d: v128) -> v128 {
        i8x16_swizzle(pack_rgba(a, b, c, d), self.0)
    }

    /// One pixel: the low byte of each lane of `a`, in bytes 0 to 3.
    #[inline(always)]
    pub fn one(&self, a: v128) -> v128 {
        i8x16_swizzle(a, self.0)
    }
}

/// Straight colour from premultiplied sums: 255·c / a per lane, a being
/// the pixel's own sum in lane 3 (0/0 is NaN, which converts to 0);
/// `k255` is the hoisted 255.0. As `crate::convolution::straight`.
#[inline(always)]
pub fn straight(sums: v128, k255: v128) -> v128 {
    let a = f32x4_convert_i32x4(i32x4_shuffle::<3, 3, 3, 3>(sums, sums));
    f32x4_div(f32x4_mul(f32x4_convert_i32x4(sums), k255), a)
}
