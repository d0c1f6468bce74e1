//! Every filter export and what each of its arguments is: the fuzz draws
//! valid and adversarial values from it, and the export-list tests check
//! that the module exports exactly these (and `memory`, `alloc`, `free`),
//! so a new export without a line here fails loudly. Ranges come from the
//! crate's `limits`, as the module's own checks do.

use rawpx::limits::{AMOUNT, BOX_RADIUS, DELTA, FACTOR, FILTERS, SIGMA_MAX, THRESHOLD, TURNS};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Arg {
    /// The image: in place, or the source of a geometry export.
    Image,
    Width,
    Height,
    /// A geometry export's destination image.
    Output,
    /// `resize`'s output size.
    OutWidth,
    OutHeight,
    /// A 4×5 f32 matrix (80 bytes), read.
    Matrix,
    /// A 1024-byte table, read.
    Lut,
    /// 1024 u32 counts (4096 bytes), written.
    Counts,
    /// Up to 15×15 f32 weights, read; their side follows as `KernelSize`.
    Kernel,
    KernelSize,
    /// `crop`'s rectangle.
    CropX,
    CropY,
    CropWidth,
    CropHeight,
    I32(i32, i32),
    U32(u32, u32),
    /// f32 in [lo, hi], or (lo, hi] when `above`.
    F32 { lo: f32, hi: f32, above: bool },
    /// Any finite f32.
    Finite,
}

use Arg::*;

const IMAGE: [Arg; 3] = [Image, Width, Height];
const SIGMA: Arg = F32 { lo: 0.0, hi: SIGMA_MAX, above: true };

const fn u32s(r: core::ops::RangeInclusive<u32>) -> Arg {
    U32(*r.start(), *r.end())
}

const fn f32s(r: core::ops::RangeInclusive<f32>) -> Arg {
    F32 { lo: *r.start(), hi: *r.end(), above: false }
}

/// Each filter export: its name and its arguments, in order.
pub const EXPORTS: &[(&str, &[Arg])] = &[
    ("grayscale", &IMAGE),
    ("invert", &IMAGE),
    ("brightness", &[Image, Width, Height, I32(*DELTA.start(), *DELTA.end())]),
    ("contrast", &[Image, Width, Height, f32s(FACTOR)]),
    ("color_matrix", &[Image, Width, Height, Matrix]),
    ("apply_lut", &[Image, Width, Height, Lut]),
    ("premultiply", &IMAGE),
    ("unpremultiply", &IMAGE),
    ("histogram", &[Image, Width, Height, Counts]),
    ("gaussian_blur", &[Image, Width, Height, SIGMA]),
    ("box_blur", &[Image, Width, Height, u32s(BOX_RADIUS)]),
    ("sharpen", &[Image, Width, Height, SIGMA, f32s(AMOUNT), u32s(THRESHOLD)]),
    ("convolve", &[Image, Width, Height, Kernel, KernelSize, Finite]),
    ("resize", &[Image, Width, Height, Output, OutWidth, OutHeight, U32(0, FILTERS - 1)]),
    ("crop", &[Image, Width, Height, CropX, CropY, CropWidth, CropHeight, Output]),
    ("rotate", &[Image, Width, Height, Output, u32s(TURNS)]),
    ("flip_horizontal", &IMAGE),
    ("flip_vertical", &IMAGE),
];

/// The names of `EXPORTS`.
pub fn names() -> impl Iterator<Item = &'static str> {
    EXPORTS.iter().map(|(name, _)| *name)
}
