//! Colour and tone: HSL adjustment, vibrance, channel shuffles, fill,
//! pixelation, noise and dithering, in place. The floating-point ones
//! (`hsl`, `vibrance`) are written once over `Lanes`, so the scalar
//! reference and the SIMD128 kernel are the same formula; the integer ones
//! are exact.

pub mod dither;
pub mod fill;
pub mod hsl;
pub mod noise;
pub mod pixelate;
pub mod shuffle;
pub mod vibrance;

#[cfg(test)]
mod tests;
