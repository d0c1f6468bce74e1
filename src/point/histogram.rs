//! Counts of each value per channel R, G, B, A, as 1024 little-endian u32.
//!
//! Scalar only: counting is a scattered read-modify-write SIMD128 can't do.

pub fn scalar(px: &[u8], out: &mut [u8; 4096]) {
    // Two sets of counters, for even and odd pixels, so a run of equal pixels
    // does not wait on one counter's previous increment.
    let mut counts = [[[0u32; 256]; 4]; 2];
    let (pairs, rest) = px.as_chunks::<8>();
    for pair in pairs {
        for (i, &c) in pair.iter().enumerate() {
            counts[i / 4][i % 4][usize::from(c)] += 1;
        }
    }
    for (ch, &c) in rest.iter().enumerate() {
        counts[0][ch][usize::from(c)] += 1;
    }
    let (even, odd) = (counts[0].as_flattened(), counts[1].as_flattened());
    for ((o, e), d) in out.as_chunks_mut::<4>().0.iter_mut().zip(even).zip(odd) {
        *o = (e + d).to_le_bytes();
    }
}
