//! Blocks of size×size from (0, 0), cut at the right and bottom edges;
//! every pixel of a block takes the block's alpha-weighted mean:
//! a = round(Σa/n), c = Σa = 0 ? 0 : round(Σa·c/Σa). Exact, in integers.
//!
//! One kernel for both modules: two passes over each block's pixels (sum,
//! then write) are bound by memory, not arithmetic.

/// round(num/den) for num ≥ 0, den > 0, halves up.
fn rounded(num: u64, den: u64) -> u8 {
    ((2 * num + den) / (2 * den)) as u8
}

pub fn run(px: &mut [u8], w: usize, size: usize) {
    let h = px.len() / 4 / w;
    for y0 in (0..h).step_by(size) {
        let rows = y0..(y0 + size).min(h);
        for x0 in (0..w).step_by(size) {
            let cols = x0 * 4..(x0 + size).min(w) * 4;
            // Σa, and Σa·c per colour channel (at most 4096² · 255² < 2^41).
            let (mut alpha, mut colour) = (0u64, [0u64; 3]);
            for y in rows.clone() {
                for p in px[y * w * 4..][cols.clone()].as_chunks::<4>().0 {
                    let a = u64::from(p[3]);
                    alpha += a;
                    for (sum, &c) in colour.iter_mut().zip(p) {
                        *sum += a * u64::from(c);
                    }
                }
            }
            let n = (rows.len() * cols.len() / 4) as u64;
            let mean = if alpha == 0 {
                [0, 0, 0, rounded(0, n)]
            } else {
                [
                    rounded(colour[0], alpha),
                    rounded(colour[1], alpha),
                    rounded(colour[2], alpha),
                    rounded(alpha, n),
                ]
            };
            for y in rows.clone() {
                for p in px[y * w * 4..][cols.clone()].as_chunks_mut::<4>().0 {
                    *p = mean;
                }
            }
        }
    }
}
