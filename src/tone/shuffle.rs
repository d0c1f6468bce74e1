//! Output channel i takes selector byte i of `order`: 0..=3 input R, G, B,
//! A; 4 the value 0; 5 the value 255. Exact.

/// Whether every selector byte of `order` is 0..=5.
pub fn valid(order: u32) -> bool {
    order.to_le_bytes().iter().all(|&s| s <= 5)
}

pub fn scalar(px: &mut [u8], order: u32) {
    let order = order.to_le_bytes();
    for p in px.as_chunks_mut::<4>().0 {
        let input = *p;
        for (c, &sel) in p.iter_mut().zip(&order) {
            *c = match sel {
                4 => 0,
                5 => 255,
                s => input[usize::from(s)],
            };
        }
    }
}

#[cfg(target_feature = "simd128")]
pub fn simd(px: &mut [u8], order: u32) {
    use core::arch::wasm32::*;
    // Byte 4j + i of the output takes byte 4j + order[i] of the input; an
    // index of 16 or more gives 0, and the 255s are or-ed in after.
    //   selectors: [o3 o2 o1 o0] × 4   +   [12 12 12 12 … 0 0 0 0]
    let selectors = u32x4_splat(order);
    let pixel_starts = u8x16(0, 0, 0, 0, 4, 4, 4, 4, 8, 8, 8, 8, 12, 12, 12, 12);
    let channel = u8x16_lt(selectors, u8x16_splat(4));
    let index = crate::simd::hoist(v128_or(
        v128_and(u8x16_add(selectors, pixel_starts), channel),
        v128_not(channel),
    ));
    let ones = crate::simd::hoist(i8x16_eq(selectors, u8x16_splat(5)));
    crate::simd::map_blocks(px, |v| v128_or(i8x16_swizzle(v, index), ones));
}

#[cfg(not(target_feature = "simd128"))]
pub use scalar as run;
#[cfg(target_feature = "simd128")]
pub use simd as run;
