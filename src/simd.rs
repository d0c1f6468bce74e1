//! Helpers shared by the SIMD128 kernels.

use core::arch::wasm32::*;

/// Replaces every 16-byte block of `px` by `block(v)`. The last 1 to 3
/// pixels, if any, go through a zero-padded block on the stack, so the module
/// needs no scalar copy of each kernel, and `block` is inlined once.
#[inline(always)]
pub fn map_blocks(px: &mut [u8], block: impl Fn(v128) -> v128) {
    let (blocks, rest) = px.as_chunks_mut::<16>();
    let mut pad = [0u8; 16];
    pad[..rest.len()].copy_from_slice(rest);
    let tail = if rest.is_empty() { None } else { Some(&mut pad) };
    for b in blocks.iter_mut().chain(tail) {
        // SAFETY: `b` is 16 bytes; v128 loads and stores need no alignment.
        unsafe { v128_store(b.as_mut_ptr().cast(), block(v128_load(b.as_ptr().cast()))) }
    }
    rest.copy_from_slice(&pad[..rest.len()]);
}

/// A mask of each pixel's alpha byte.
pub const ALPHA: v128 = u32x4(0xff00_0000, 0xff00_0000, 0xff00_0000, 0xff00_0000);

/// Channel `shift / 8` of each pixel (R at 0, G at 8, B at 16) as an i32 lane.
#[inline(always)]
pub fn channel(v: v128, shift: u32) -> v128 {
    v128_and(u32x4_shr(v, shift), u32x4_splat(0xff))
}

/// Adding 2^23 to a whole f32 in [0, 2^23) puts the integer in the low
/// mantissa bits; subtracting the bits of 2^23 leaves it as an i32.
#[inline(always)]
pub fn whole_f32_to_i32(x: v128) -> v128 {
    i32x4_sub(f32x4_add(x, f32x4_splat(8_388_608.0)), i32x4_splat(0x4b00_0000))
}

/// Packs four i32 lanes of channel values in [0, 255] into RGBA pixels.
#[inline(always)]
pub fn pack_rgba(r: v128, g: v128, b: v128, a: v128) -> v128 {
    v128_or(v128_or(r, i32x4_shl(g, 8)), v128_or(i32x4_shl(b, 16), i32x4_shl(a, 24)))
}
