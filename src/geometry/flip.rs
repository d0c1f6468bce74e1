//! In-place flips: `vertical` swaps rows top for bottom, `horizontal`
//! reverses the pixels of each row.

pub fn vertical_scalar(px: &mut [u8], w: usize) {
    let line = 4 * w;
    let h = px.len() / line;
    for y in 0..h / 2 {
        let (top, bottom) = px.split_at_mut((h - 1 - y) * line);
        top[y * line..][..line].swap_with_slice(&mut bottom[..line]);
    }
}

pub fn horizontal_scalar(px: &mut [u8], w: usize) {
    for row in px.chunks_exact_mut(4 * w) {
        row.as_chunks_mut::<4>().0.reverse();
    }
}

/// As `vertical_scalar`, sixteen bytes at a time; the last 1-3 pixels of a
/// row are swapped one by one.
#[cfg(target_feature = "simd128")]
pub fn vertical_simd(px: &mut [u8], w: usize) {
    use core::arch::wasm32::*;
    let line = 4 * w;
    let h = px.len() / line;
    for y in 0..h / 2 {
        let (top, bottom) = px.split_at_mut((h - 1 - y) * line);
        let (a, b) = (&mut top[y * line..][..line], &mut bottom[..line]);
        let (a16, a_rest) = a.as_chunks_mut::<16>();
        let (b16, b_rest) = b.as_chunks_mut::<16>();
        for (p, q) in a16.iter_mut().zip(b16) {
            // SAFETY: `p` and `q` are 16 bytes each.
            unsafe {
                let (u, v) = (v128_load(p.as_ptr().cast()), v128_load(q.as_ptr().cast()));
                v128_store(p.as_mut_ptr().cast(), v);
                v128_store(q.as_mut_ptr().cast(), u);
            }
        }
        // Whole pixels: a row is 4w bytes.
        for (p, q) in a_rest.as_chunks_mut::<4>().0.iter_mut().zip(b_rest.as_chunks_mut::<4>().0) {
            core::mem::swap(p, q);
        }
    }
}

/// As `horizontal_scalar`: four pixels from each end of a row at a time,
/// reversed in a register; the middle 0-7 pixels one by one.
#[cfg(target_feature = "simd128")]
pub fn horizontal_simd(px: &mut [u8], w: usize) {
    use core::arch::wasm32::*;
    for row in px.chunks_exact_mut(4 * w) {
        let mut n = 0;
        while 8 * (n + 1) <= w {
            let (left, right) = (16 * n, 4 * w - 16 * (n + 1));
            // SAFETY: both 16-byte blocks lie in `row` (8(n+1) <= w) and do
            // not overlap.
            unsafe {
                let p = row.as_mut_ptr();
                let (l, r) = (v128_load(p.add(left).cast()), v128_load(p.add(right).cast()));
                v128_store(p.add(left).cast(), i32x4_shuffle::<3, 2, 1, 0>(r, r));
                v128_store(p.add(right).cast(), i32x4_shuffle::<3, 2, 1, 0>(l, l));
            }
            n += 1;
        }
        row[16 * n..4 * w - 16 * n].as_chunks_mut::<4>().0.reverse();
    }
}

#[cfg(not(target_feature = "simd128"))]
pub use {horizontal_scalar as horizontal, vertical_scalar as vertical};
#[cfg(target_feature = "simd128")]
pub use {horizontal_simd as horizontal, vertical_simd as vertical};
