//! The cw×ch rectangle at (x, y) of an image of width `w`, row by row: each
//! row is one `memory.copy`, which no kernel beats.

/// `dst` holds cw×ch pixels; the rectangle lies inside `src` (checked at
/// the ABI edge).
pub fn crop(src: &[u8], w: usize, x: usize, y: usize, cw: usize, dst: &mut [u8]) {
    for (r, row) in dst.chunks_exact_mut(4 * cw).enumerate() {
        row.copy_from_slice(&src[4 * ((y + r) * w + x)..][..4 * cw]);
    }
}
