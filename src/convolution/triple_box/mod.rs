//! `triple_box_blur`: Filter Effects 1's approximation of a Gaussian of σ
//! (feGaussianBlur): three box blurs of d = ⌊σ·3√(2π)/4 + ½⌋ pixels; when d
//! is even, two of d pixels (shifted half a pixel left, then right) and one
//! of d + 1. It runs as Skia runs it for Chromium's canvas `filter`, so the
//! bytes are Chromium's: on premultiplied 8-bit colour, rows then columns,
//! each axis one pass of three running sums kept exact, the result
//! ⌊(Σ + ⌈D/2⌉)·round(2³²/D) / 2³²⌋ for the divisor D = d³ (d²(d + 1) when
//! d is even), so the rows' result is rounded to 8 bits between the axes.
//! The work per pixel does not depend on σ. d = 1 leaves the image as it is.
//!
//! Past the edges lie copies of the edge pixels, or transparent black (as
//! CSS and SVG filters see it).

pub mod pass;

use super::{ZeroAll, reserve};
use crate::point::{premultiply, unpremultiply};
use crate::status::Status;

/// √(2π) in f32, as Skia computes it (`sqrtf(2·π)` in f32; a host test
/// checks the digits).
pub const SQRT_2PI: f32 = 2.5066283;

/// The three boxes of one σ.
#[derive(Clone, Copy, Debug)]
pub struct Boxes {
    /// The box width d.
    pub d: usize,
    /// How far the three boxes reach to either side: the kernel spans
    /// 2·reach + 1 pixels.
    pub reach: usize,
    /// ⌈D/2⌉, where the last sum starts, so the division rounds.
    half: u32,
    /// round(2³²/D).
    factor: u64,
}

impl Boxes {
    pub fn new(sigma: f32) -> Boxes {
        // In f32, as Skia computes it (truncation is its floor: σ > 0).
        let d = ((sigma * 3.0 * SQRT_2PI / 4.0 + 0.5) as usize).max(1);
        let odd = d % 2 == 1;
        let reach = if odd { 3 * (d - 1) / 2 } else { 3 * d / 2 - 1 };
        let divisor = (d * d * (d + 1 - d % 2)) as u64;
        // round() in f64 as Skia: x < 2³¹, so x + ½ is exact.
        let factor = ((1.0 / divisor as f64) * 4_294_967_296.0 + 0.5) as u64;
        Boxes { d, reach, half: divisor.div_ceil(2) as u32, factor }
    }

    /// The lengths of the rings of the three sums: what enters a sum leaves
    /// it d − 1 steps later (d for the third box when d is even).
    pub fn rings(&self) -> [usize; 3] {
        [self.d - 1, self.d - 1, self.d - 1 + (1 - self.d % 2)]
    }

    /// The blurred value of the third sum (which started at `half`).
    #[inline(always)]
    pub fn divide(&self, sum: u32) -> u8 {
        ((u64::from(sum) * self.factor) >> 32) as u8
    }
}

/// Scratch of about 1 MiB at most for the column strips' rings.
const RING_LANES: usize = 1 << 16;

/// Blurs the image of width `w` in `px` with σ in (0, 135] (so d ≤ 254,
/// and 255·D fits the u32 sums); past the edges, transparent black if
/// `transparent`, else the edge pixels.
pub fn blur(px: &mut [u8], w: usize, sigma: f32, transparent: bool) -> Result<(), Status> {
    let boxes = Boxes::new(sigma);
    if boxes.d == 1 {
        return Ok(());
    }
    let h = px.len() / (4 * w);
    let ring_len: usize = boxes.rings().iter().sum();
    // Columns go in strips as wide as ~1 MiB of rings allows.
    let strip = (RING_LANES / ring_len).clamp(1, w);
    let (mut sums, mut ring) = (reserve::<[u32; 4]>(3 * strip)?, reserve::<[u32; 4]>(ring_len * strip)?).zeroed();
    premultiply::run(px);
    for y in 0..h {
        pass::run(px, w, (4 * y * w, 4), 1, &boxes, transparent, &mut sums, &mut ring);
    }
    for x in (0..w).step_by(strip) {
        let k = strip.min(w - x);
        pass::run(px, h, (4 * x, 4 * w), k, &boxes, transparent, &mut sums, &mut ring);
    }
    unpremultiply::run(px);
    Ok(())
}
