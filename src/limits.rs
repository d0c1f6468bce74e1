//! Every parameter range of the exports, defined once: the ABI edge checks
//! against these, and the tests (host and wasmtime) draw their in-range and
//! just-out-of-range values from them.

use core::ops::RangeInclusive;

/// `brightness`' delta.
pub const DELTA: RangeInclusive<i32> = -255..=255;
/// `contrast`'s factor.
pub const FACTOR: RangeInclusive<f32> = 0.0..=100.0;
/// σ of `gaussian_blur` and `sharpen`: (0, SIGMA_MAX].
pub const SIGMA_MAX: f32 = 100.0;
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

/// σ in (0, SIGMA_MAX]; NaN is not.
pub fn sigma_ok(sigma: f32) -> bool {
    sigma > 0.0 && sigma <= SIGMA_MAX
}

/// Whether `size` is an odd kernel side up to KERNEL_MAX.
pub fn kernel_ok(size: u32) -> bool {
    size % 2 == 1 && size <= KERNEL_MAX
}
