//! Nearest neighbour: output pixel x takes source pixel ⌊(x + ½)·sw/dw⌋,
//! computed exactly in integers; a source row picked twice is copied from
//! the output row before.

use super::Band;
use crate::scratch::reserve;
use crate::status::Status;

/// The output rows `band` says, from its source rows.
pub fn resize(src: &[u8], sw: usize, dst: &mut [u8], dw: usize, band: Band) -> Result<(), Status> {
    let Band { sh, top, dh, first } = band;
    let mut xs = reserve::<u32>(dw)?.zeroed();
    for (x, s) in xs.iter_mut().enumerate() {
        *s = pick(x, sw, dw) as u32;
    }
    let row = 4 * dw;
    for y in 0..dst.len() / row {
        let (done, out) = dst.split_at_mut(row * y);
        let out = &mut out[..row];
        let sy = pick(first + y, sh, dh);
        if y > 0 && pick(first + y - 1, sh, dh) == sy {
            out.copy_from_slice(&done[row * (y - 1)..]);
            continue;
        }
        let line = &src[4 * sw * (sy - top)..][..4 * sw];
        for (px, &sx) in out.as_chunks_mut::<4>().0.iter_mut().zip(xs.iter()) {
            px.copy_from_slice(&line[4 * sx as usize..][..4]);
        }
    }
    Ok(())
}

/// ⌊(2x + 1)·n_in / (2·n_out)⌋, below n_in for x < n_out. Sizes are below
/// 2^30 (an image is under 4 GiB), so the product fits a u64.
pub fn pick(x: usize, n_in: usize, n_out: usize) -> usize {
    ((2 * x as u64 + 1) * n_in as u64 / (2 * n_out as u64)) as usize
}
