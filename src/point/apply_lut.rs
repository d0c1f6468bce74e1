//! c = lut[256·ch + c] on all four channels.
//!
//! Scalar only: SIMD128 has no gather, and a 256-entry lookup built from
//! 16-entry swizzles costs more per byte than the plain loads below.

pub fn scalar(px: &mut [u8], lut: &[u8; 1024]) {
    let (tables, _) = lut.as_chunks::<256>();
    for p in px.as_chunks_mut::<4>().0 {
        for (c, table) in p.iter_mut().zip(tables) {
            *c = table[usize::from(*c)];
        }
    }
}
