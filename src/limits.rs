//! Every parameter range of the exports, defined once: the ABI edge checks
//! against these, and the tests (host and wasmtime) draw their in-range and
//! just-out-of-range values from them.

use core::ops::RangeInclusive;

/// `brightness`' delta.
pub const DELTA: RangeInclusive<i32> = -255..=255;
/// `contrast`'s factor.
pub const FACTOR: RangeInclusive<f32> = 0.0..=100.0;
/// How many 4×5 matrices `color_matrices` chains.
pub const MATRICES_MAX: u32 = 8;
pub const MATRICES: RangeInclusive<u32> = 1..=MATRICES_MAX;
/// σ of `gaussian_blur` and `sharpen`: (0, SIGMA_MAX].
pub const SIGMA_MAX: f32 = 100.0;
/// σ of `triple_box_blur`: (0, TRIPLE_BOX_SIGMA_MAX], so the box width is
/// at most 254 and 255·d³ fits its u32 sums (Skia's bound too).
pub const TRIPLE_BOX_SIGMA_MAX: f32 = 135.0;
/// `triple_box_blur`'s edges: 0 the edge pixels, 1 transparent black.
pub const EDGES: u32 = 2;
/// `box_blur`'s radius.
pub const BOX_RADIUS: RangeInclusive<u32> = 1..=1000;
/// `sharpen`'s amount.
pub const AMOUNT: RangeInclusive<f32> = 0.0..=100.0;
/// `sharpen`'s threshold.
pub const THRESHOLD: RangeInclusive<u32> = 0..=255;
/// `convolve`'s kernel side: odd, up to this.
pub const KERNEL_MAX: u32 = 15;
/// `resize`'s filters: 0 nearest .. 4 lanczos3.
pub const FILTERS: u32 = 5;
/// `rotate`'s quarter turns.
pub const TURNS: RangeInclusive<u32> = 0..=3;

/// `composite`'s modes: 0 source-over .. 25 copy.
pub const MODES: u32 = 26;
/// `composite`'s opacity.
pub const OPACITY: RangeInclusive<f32> = 0.0..=1.0;
/// `hsl_adjust`'s hue turn in degrees, saturation factor and lightness step.
pub const HUE: RangeInclusive<f32> = -360.0..=360.0;
pub const SATURATION: RangeInclusive<f32> = 0.0..=10.0;
pub const LIGHTNESS: RangeInclusive<f32> = -1.0..=1.0;
/// `vibrance`'s amount.
pub const VIBRANCE: RangeInclusive<f32> = -1.0..=1.0;
/// `noise`'s amount, in levels.
pub const NOISE: RangeInclusive<f32> = 0.0..=255.0;
/// `pixelate`'s block side.
pub const BLOCK: RangeInclusive<u32> = 1..=4096;
/// `dither`'s number of levels per channel.
pub const LEVELS: RangeInclusive<u32> = 2..=255;
/// `dither`'s methods: 0 ordered, 1 Floyd–Steinberg.
pub const DITHER_METHODS: u32 = 2;

/// `median`'s radius.
pub const MEDIAN_RADIUS: RangeInclusive<u32> = 1..=100;
/// `erode`'s and `dilate`'s radius.
pub const MORPH_RADIUS: RangeInclusive<u32> = 1..=1000;
/// `sobel`'s scale.
pub const SOBEL_SCALE: RangeInclusive<f32> = 0.0..=100.0;

/// σ in (0, SIGMA_MAX]; NaN is not.
pub fn sigma_ok(sigma: f32) -> bool {
    sigma > 0.0 && sigma <= SIGMA_MAX
}

/// Whether `size` is an odd kernel side up to KERNEL_MAX.
pub fn kernel_ok(size: u32) -> bool {
    size % 2 == 1 && size <= KERNEL_MAX
}
