//! Clockwise quarter turns, src to dst. Pixel (x, y) of the w×h source goes
//! to column, row: 1 turn (h-1-y, x), 2 turns (w-1-x, h-1-y), 3 turns
//! (y, w-1-x) of the destination, which is h×w for odd turns.

/// Where source pixel (x, y) lands: its index in the destination.
fn target(x: usize, y: usize, w: usize, h: usize, turns: u32) -> usize {
    match turns {
        0 => y * w + x,
        1 => x * h + (h - 1 - y),
        2 => (h - 1 - y) * w + (w - 1 - x),
        _ => (w - 1 - x) * h + y,
    }
}

pub fn scalar(src: &[u8], w: usize, dst: &mut [u8], turns: u32) {
    let h = src.len() / (4 * w);
    let (src, dst) = (src.as_chunks::<4>().0, dst.as_chunks_mut::<4>().0);
    for (i, p) in src.iter().enumerate() {
        dst[target(i % w, i / w, w, h, turns)] = *p;
    }
}

/// As `scalar`. No turn is one copy and a half turn is left to `scalar`;
/// quarter turns, the ones that move pixels across rows, transpose 4×4
/// tiles of pixels in registers, and the pixels past the last whole tile go
/// one by one.
#[cfg(target_feature = "simd128")]
pub fn simd(src: &[u8], w: usize, dst: &mut [u8], turns: u32) {
    use core::arch::wasm32::*;
    let h = src.len() / (4 * w);
    if turns == 0 {
        return dst.copy_from_slice(src);
    }
    if turns == 2 {
        return scalar(src, w, dst, turns);
    }
    let (tw, th) = (w / 4 * 4, h / 4 * 4);
    let (src32, dst32) = (src.as_chunks::<4>().0, dst.as_chunks_mut::<4>().0);
    for y0 in (0..th).step_by(4) {
        for x0 in (0..tw).step_by(4) {
            // SAFETY: rows y0..y0+4 hold pixels x0..x0+4 (whole tiles only).
            let [a, b, c, d] = core::array::from_fn(|k| unsafe { v128_load(src32[(y0 + k) * w + x0..][..4].as_ptr().cast()) });
            // A clockwise turn reads each source column bottom to top into
            // a destination row, a counter-clockwise one top to bottom.
            let [a, b, c, d] = if turns == 1 { [d, c, b, a] } else { [a, b, c, d] };
            let (lo_ab, lo_cd) = (i32x4_shuffle::<0, 4, 1, 5>(a, b), i32x4_shuffle::<0, 4, 1, 5>(c, d));
            let (hi_ab, hi_cd) = (i32x4_shuffle::<2, 6, 3, 7>(a, b), i32x4_shuffle::<2, 6, 3, 7>(c, d));
            let columns = [
                i64x2_shuffle::<0, 2>(lo_ab, lo_cd),
                i64x2_shuffle::<1, 3>(lo_ab, lo_cd),
                i64x2_shuffle::<0, 2>(hi_ab, hi_cd),
                i64x2_shuffle::<1, 3>(hi_ab, hi_cd),
            ];
            for (j, column) in columns.into_iter().enumerate() {
                // The tile's column j starts where its first pixel in
                // destination order lands.
                let at = if turns == 1 { target(x0 + j, y0 + 3, w, h, 1) } else { target(x0 + j, y0, w, h, 3) };
                // SAFETY: the four pixels from `at` are one destination row's.
                unsafe { v128_store(dst32[at..][..4].as_mut_ptr().cast(), column) };
            }
        }
    }
    for y in 0..h {
        for x in if y < th { tw..w } else { 0..w } {
            dst32[target(x, y, w, h, turns)] = src32[y * w + x];
        }
    }
}

#[cfg(not(target_feature = "simd128"))]
pub use scalar as run;
#[cfg(target_feature = "simd128")]
pub use simd as run;
