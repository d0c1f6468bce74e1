//! Point operations: each output pixel depends on the same input pixel only.
//!
//! Every kernel has a plain `scalar` reference and, where SIMD128 can do the
//! work, a `simd` version beside it; the two give the same bytes, which the
//! wasmtime tests check. Kernels take whole-pixel slices (length a multiple
//! of 4) and never fail: the ABI edge has checked everything.

pub mod apply_lut;
pub mod brightness;
pub mod color_matrix;
pub mod contrast;
pub mod grayscale;
pub mod histogram;
pub mod invert;
pub mod premultiply;
pub mod unpremultiply;

#[cfg(test)]
mod tests;
