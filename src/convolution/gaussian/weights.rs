//! The Gaussian's weights in fixed point, for the SIMD kernels' i16 lanes.

use crate::limits::SIGMA_MAX;
use crate::math::exp_neg;
use core::ops::Deref;

/// The longest list of taps: u_0..u_R for R = ceil(3·SIGMA_MAX), one spare.
const MOST: usize = 3 * SIGMA_MAX as usize + 2;

/// The largest σ (≈ 0.20599) whose off-centre taps all round to 0: up to
/// it, the Gaussian filters leave the image exactly as it was.
pub const IDENTITY_UP_TO: f32 = f32::from_bits(0x3e52_ef49);

/// The taps, on the stack: reading them needs no scratch, so they are ready
/// before anything is reserved or written.
pub struct Taps {
    k: [i16; MOST],
    len: usize,
}

impl Deref for Taps {
    type Target = [i16];
    fn deref(&self) -> &[i16] {
        &self.k[..self.len]
    }
}

/// The radius R = ceil(3σ), the weights exp(-k²/2σ²) for k in 0..=R (not
/// normalised) and their total over -R..=R, in double: the Gaussian every
/// blur starts from (these taps, and the linear-light blur's f32 weights).
pub fn exact(sigma: f32) -> (usize, [f64; MOST - 1], f64) {
    let sigma = f64::from(sigma);
    let radius = (3.0 * sigma) as usize;
    let radius = radius + usize::from((radius as f64) < 3.0 * sigma);
    // exp(-k²/2σ²) = g^(k²) with g = exp(-1/2σ²): successive weights differ
    // by g^(2k+1), so one `exp` serves all of them.
    let g = exp_neg(-0.5 / (sigma * sigma));
    let mut weights = [0.0f64; MOST - 1];
    let (mut w, mut step, mut total) = (1.0, g, -1.0);
    for x in &mut weights[..=radius] {
        *x = w;
        total += 2.0 * w;
        (w, step) = (w * step, step * g * g);
    }
    (radius, weights, total)
}

/// The taps u_0..u_R of the separable kernel exp(-k²/2σ²), |k| <= ceil(3σ),
/// normalised and scaled to 2^16 in total with the kernel's symmetry folded
/// in: a pass computes Σ_k u_k·(x[i-k] + x[i+k]), so u_0 is half the centre
/// weight (the centre pairs with itself) and u_0 + Σ_{k>0} u_k = 2^15.
/// Each u_k for k > 0 is rounded, u_0 takes up the rounding, and trailing
/// zero taps are dropped; `None` when all of them are zero, where the blur
/// leaves every pixel unchanged (tiny σ). The list has an even length, zero
/// padded, because the kernels take the taps in pairs; every u_k fits an i16
/// (u_0 < 2^15 once any other tap is non-zero).
pub fn taps(sigma: f32) -> Option<Taps> {
    let (radius, weights, total) = exact(sigma);
    let mut k = [0i16; MOST];
    for (t, w) in k.iter_mut().zip(&weights[..=radius]) {
        *t = (w / total * 65536.0 + 0.5) as i16;
    }
    let last = k[1..=radius].iter().rposition(|&u| u > 0)?;
    // One spare zero where needed, for an even count.
    let len = (last + 2).next_multiple_of(2);
    k[0] = (32768 - k[1..len].iter().map(|&u| i32::from(u)).sum::<i32>()) as i16;
    Some(Taps { k, len })
}

#[cfg(test)]
mod tests {
    use super::{IDENTITY_UP_TO, taps};

    #[test]
    fn taps_sum_to_two_to_the_sixteen_and_fit_their_lanes_for_every_sigma() {
        for i in 1..=20_000 {
            let sigma = i as f32 / 200.0;
            let Some(t) = taps(sigma) else {
                assert!(sigma <= IDENTITY_UP_TO, "σ = {sigma} blurs nothing");
                continue;
            };
            assert!(t.len() % 2 == 0 && t.len() - 1 <= (3.0 * sigma).ceil() as usize + 1, "σ = {sigma}: {} taps", t.len());
            let sum: i32 = 2 * t[0..].iter().map(|&u| i32::from(u)).sum::<i32>();
            assert_eq!(sum, 65536, "σ = {sigma}");
            assert!(t.iter().all(|&u| u >= 0), "σ = {sigma}: {:?}", &t[..]);
        }
    }

    #[test]
    fn tiny_sigma_is_the_identity_and_the_radius_is_ceil_three_sigma() {
        assert!(taps(IDENTITY_UP_TO).is_none() && taps(IDENTITY_UP_TO.next_up()).is_some());
        assert!(taps(0.1).is_none());
        assert!(taps(1e-30).is_none());
        // σ = 100: ceil(300) = 300 taps after the centre, 301 padded to 302.
        assert_eq!(taps(100.0).unwrap().len(), 302);
        assert_eq!(taps(2.0).unwrap().len(), 8);
    }
}
