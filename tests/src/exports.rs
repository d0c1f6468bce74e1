//! Every filter export, read from where it is declared: the `exports!`
//! blocks of `src/abi.rs`, each under its group's feature. Each parameter's
//! kind follows from its name (the same name means the same thing in every
//! export), with ranges from the crate's `limits`, as the module's own
//! checks have them; a parameter name this file does not know fails the
//! tests, so a new kind of argument gets a line here, a new export none.
//!
//! `RAWPX_GROUPS` (comma-separated) says which groups the module under test
//! was built with, for subset modules (`make MODULE=...`); all by default.

use rawpx::limits::{
    AMOUNT, BLOCK, BOX_RADIUS, DELTA, DITHER_METHODS, FACTOR, FILTERS, HUE, LEVELS, LIGHTNESS, MATRICES, MODES, NOISE, OPACITY, SATURATION,
    SIGMA_MAX, THRESHOLD, TRIPLE_BOX_SIGMA_MAX, EDGES, TURNS, VIBRANCE, MEDIAN_RADIUS, MORPH_RADIUS, SOBEL_SCALE,
};
use std::sync::OnceLock;

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
    /// A band of a resize (`resize_band`): where the source rows start in
    /// the whole source, where the output rows start in the whole output,
    /// and the two whole heights.
    Top,
    First,
    WholeHeight,
    WholeOutHeight,
    /// A 4×5 f32 matrix (80 bytes), read.
    Matrix,
    /// `color_matrices`' matrices (up to 8 of 80 bytes), read; their number
    /// follows as `U32`.
    Matrices,
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
    /// `composite`'s position of the source on the destination: any i32.
    Offset,
    /// `shuffle`'s four selector bytes, each 0..=5.
    Order,
    /// One of these codes (`warp`'s filters).
    Choice(&'static [u32]),
    I32(i32, i32),
    U32(u32, u32),
    /// f32 in [lo, hi], or (lo, hi] when `above`.
    F32 { lo: f32, hi: f32, above: bool },
    /// Any finite f32.
    Finite,
}

/// An export as `src/abi.rs` declares it.
#[derive(Debug)]
pub struct Export {
    pub name: &'static str,
    pub group: &'static str,
    pub args: Vec<Arg>,
}

/// Every group of exports, a cargo feature each.
pub const GROUPS: [&str; 10] = ["point", "colour", "blur", "resize", "geometry", "composite", "tone", "rank", "warp", "linear"];

const fn u32s(r: core::ops::RangeInclusive<u32>) -> Arg {
    Arg::U32(*r.start(), *r.end())
}

const fn f32s(r: core::ops::RangeInclusive<f32>) -> Arg {
    Arg::F32 { lo: *r.start(), hi: *r.end(), above: false }
}

/// What a parameter is, by its name in `src/abi.rs`. `crop`'s and
/// `resize`'s sizes are told apart by the export's other parameters.
fn kind(param: &str, export: &str) -> Arg {
    use Arg::*;
    match (param, export) {
        ("ptr" | "src", _) => Image,
        ("w" | "sw", _) => Width,
        ("h" | "sh", _) => Height,
        ("dst", _) => Output,
        ("dw", _) => OutWidth,
        ("dh", _) => OutHeight,
        ("top", _) => Top,
        ("first", _) => First,
        ("whole_sh", _) => WholeHeight,
        ("whole_dh", _) => WholeOutHeight,
        ("m", _) => Matrix,
        ("matrices", _) => Matrices,
        ("count", "color_matrices") => u32s(MATRICES),
        ("lut", _) => Lut,
        ("out", _) => Counts,
        ("kernel", _) => Kernel,
        ("size", _) => KernelSize,
        ("x" | "y", "composite") => Offset,
        ("x", _) => CropX,
        ("y", _) => CropY,
        ("cw", _) => CropWidth,
        ("ch", _) => CropHeight,
        ("delta", _) => I32(*DELTA.start(), *DELTA.end()),
        ("factor", _) => f32s(FACTOR),
        ("sigma", "triple_box_blur") => F32 { lo: 0.0, hi: TRIPLE_BOX_SIGMA_MAX, above: true },
        ("sigma", _) => F32 { lo: 0.0, hi: SIGMA_MAX, above: true },
        ("edges", _) => U32(0, EDGES - 1),
        ("radius", "box_blur") => u32s(BOX_RADIUS),
        ("radius", "median") => u32s(MEDIAN_RADIUS),
        ("radius", "erode" | "dilate") => u32s(MORPH_RADIUS),
        ("scale", "sobel") => f32s(SOBEL_SCALE),
        ("amount", "vibrance") => f32s(VIBRANCE),
        ("amount", "noise") => f32s(NOISE),
        ("amount", _) => f32s(AMOUNT),
        ("threshold", _) => u32s(THRESHOLD),
        ("bias", _) => Finite,
        ("filter", "resize" | "resize_linear" | "resize_band" | "resize_linear_band") => U32(0, FILTERS - 1),
        ("filter", "warp") => Choice(&[0, 2, 3]),
        ("background", _) => U32(0, u32::MAX),
        ("quarter_turns", _) => u32s(TURNS),
        ("mode", _) => U32(0, MODES - 1),
        ("opacity", _) => f32s(OPACITY),
        ("hue", _) => f32s(HUE),
        ("saturation", _) => f32s(SATURATION),
        ("lightness", _) => f32s(LIGHTNESS),
        ("order", _) => Order,
        ("rgba" | "seed" | "mono", _) => U32(0, u32::MAX),
        ("block", _) => u32s(BLOCK),
        ("levels", _) => u32s(LEVELS),
        ("method", "dither") => U32(0, DITHER_METHODS - 1),
        _ => panic!("{export}: tests/src/exports.rs does not know the parameter `{param}`"),
    }
}

/// Every filter export declared in `src/abi.rs`, with its group and its
/// parameters, in order.
pub fn declared() -> &'static [Export] {
    static ALL: OnceLock<Vec<Export>> = OnceLock::new();
    ALL.get_or_init(|| {
        let abi = include_str!("../../src/abi.rs");
        let mut all = Vec::new();
        for block in abi.split("#[cfg(feature = \"").skip(1) {
            let (group, body) = block.split_once('"').expect("a feature name");
            let group = GROUPS.into_iter().find(|g| *g == group).unwrap_or_else(|| panic!("unknown group {group}"));
            let Some(body) = body.split_once("exports! {").map(|(_, b)| b) else { continue };
            let body = &body[..body.find("\n}\n").expect("the end of the exports! block")];
            for item in body.split("    fn ").skip(1) {
                let (name, rest) = item.split_once('(').expect("fn name(");
                let params = &rest[..rest.find(')').expect("the parameter list")];
                let args = params.split(',').map(|p| kind(p.split(':').next().unwrap().trim(), name)).collect();
                all.push(Export { name, group, args });
            }
        }
        assert!(all.len() >= 18, "read {} exports from src/abi.rs", all.len());
        all
    })
}

/// The groups of the module under test: `RAWPX_GROUPS`, or all.
pub fn groups() -> Vec<&'static str> {
    match std::env::var("RAWPX_GROUPS") {
        Ok(list) => GROUPS.into_iter().filter(|g| list.split(',').any(|x| x.trim() == *g)).collect(),
        Err(_) => GROUPS.to_vec(),
    }
}

/// The exports the module under test has.
pub fn present() -> impl Iterator<Item = &'static Export> {
    let groups = groups();
    declared().iter().filter(move |e| groups.contains(&e.group))
}

/// The names of the exports the module under test has.
pub fn names() -> impl Iterator<Item = &'static str> {
    present().map(|e| e.name)
}
