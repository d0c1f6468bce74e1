//! `gaussian_blur` and `sharpen`: a separable Gaussian over premultiplied
//! colour in fixed point. Each row is premultiplied into 14-bit lanes and
//! blurred horizontally into a ring of 2R+1 rows; each output row is the
//! vertical blur of the ring rows around it, finished straight into the
//! image. A row is overwritten only after every ring row that needs it was
//! made, so the filter works in place with scratch of 2R+2 rows of 8 bytes
//! per pixel.

pub mod finish;
pub mod fir;
pub mod horizontal;
pub mod vertical;
pub mod weights;

use super::{ZeroAll, premultiplied, reserve};
use finish::Finish;
use crate::ring::Ring;
use crate::status::Status;

/// Blurs the image of width `w` in `px` with standard deviation `sigma` in
/// (0, 100].
pub fn blur(px: &mut [u8], w: usize, sigma: f32) -> Result<(), Status> {
    filter(px, w, sigma, Finish::Blur)
}

/// Unsharp mask (docs/abi.md): `amount` in [0, 100], `threshold` in [0, 255].
pub fn sharpen(px: &mut [u8], w: usize, sigma: f32, amount: f32, threshold: u32) -> Result<(), Status> {
    filter(px, w, sigma, Finish::Sharpen { amount, threshold: threshold as f32 })
}

fn filter(px: &mut [u8], w: usize, sigma: f32, finish: Finish) -> Result<(), Status> {
    let Some(taps) = weights::taps(sigma) else {
        return Ok(());
    };
    let r = taps.len() - 1;
    let h = px.len() / (4 * w);
    let lanes = 4 * w.next_multiple_of(2);
    let depth = h.min(2 * r + 1);
    let (mut row, ring, mut rows) =
        (reserve::<i16>(lanes + 8 * r)?, reserve::<i16>(depth * lanes)?, reserve::<usize>(2 * taps.len())?).zeroed();
    let mut ring = Ring::new(ring, lanes);
    for y in 0..h {
        ring.make_until((y + r + 1).min(h), |n, slot| {
            premultiplied::run(&px[n * 4 * w..][..4 * w], &mut row, r);
            horizontal::run(&row, &taps, slot);
        });
        for (k, pair) in rows.as_chunks_mut::<2>().0.iter_mut().enumerate() {
            *pair = [ring.at(y.saturating_sub(k)), ring.at((y + k).min(h - 1))];
        }
        vertical::run(ring.rows(), &rows, &taps, &mut px[y * 4 * w..][..4 * w], finish);
    }
    Ok(())
}
