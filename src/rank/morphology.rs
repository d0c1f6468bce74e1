//! `erode` and `dilate`: the minimum or maximum of each channel over the
//! (2r+1)² window, edges clamped (Pillow's `MinFilter` and `MaxFilter`).
//! Exact.
//!
//! The window is square, so the filter is a row pass and a column pass,
//! each by van Herk and Gil–Werman: cut the edge-padded line into blocks of
//! k = 2r + 1, take running extremes forward (g) and backward (h) within
//! each block, and the window [x, x + k) is pick(h[x], g[x + k − 1]): three
//! picks per value at any radius. Both passes work on 16-byte blocks, the
//! same code on `v128` (SIMD128) and on `[u8; 16]` (the scalar module):
//! - rows: four rows at once, a block holding the same pixel of each;
//! - columns: strips of up to 16 blocks (64 pixels) side by side.
//! Dilation is erosion of the inverted bytes, inverted back as they are
//! stored: one kernel in the module.

use crate::scratch::{ZeroAll, reserve};
use crate::status::Status;

/// Sixteen bytes the passes treat alike: `pick` is the byte-wise minimum;
/// `flip` exclusive-ors, so that the maximum is the flipped minimum of the
/// flipped bytes (one kernel in the module for both filters).
pub trait Block: Copy {
    fn load(bytes: &[u8; 16]) -> Self;
    fn store(self, bytes: &mut [u8; 16]);
    fn pick(self, other: Self) -> Self;
    fn flip(self, mask: Self) -> Self;
}

impl Block for [u8; 16] {
    fn load(bytes: &[u8; 16]) -> Self {
        *bytes
    }
    fn store(self, bytes: &mut [u8; 16]) {
        *bytes = self;
    }
    fn pick(self, other: Self) -> Self {
        core::array::from_fn(|i| self[i].min(other[i]))
    }
    fn flip(self, mask: Self) -> Self {
        core::array::from_fn(|i| self[i] ^ mask[i])
    }
}

#[cfg(target_feature = "simd128")]
impl Block for core::arch::wasm32::v128 {
    #[inline(always)]
    fn load(bytes: &[u8; 16]) -> Self {
        // SAFETY: 16 readable bytes; v128 loads need no alignment.
        unsafe { core::arch::wasm32::v128_load(bytes.as_ptr().cast()) }
    }
    #[inline(always)]
    fn store(self, bytes: &mut [u8; 16]) {
        // SAFETY: 16 writable bytes; v128 stores need no alignment.
        unsafe { core::arch::wasm32::v128_store(bytes.as_mut_ptr().cast(), self) }
    }
    #[inline(always)]
    fn pick(self, other: Self) -> Self {
        core::arch::wasm32::u8x16_min(self, other)
    }
    #[inline(always)]
    fn flip(self, mask: Self) -> Self {
        core::arch::wasm32::v128_xor(self, mask)
    }
}

/// Blocks of 16 bytes side by side in a column strip.
const STRIP: usize = 16;

/// The van Herk–Gil–Werman extremes of a line of n padded values, `lanes`
/// blocks each, `f(i, l)` block l of the i-th: fills `g` and `h` (n·lanes
/// blocks each), after which window i, block l, is
/// `pick(h[i·lanes + l], g[(i + k − 1)·lanes + l])`.
fn extremes<B: Block>(n: usize, k: usize, lanes: usize, g: &mut [[u8; 16]], h: &mut [[u8; 16]], f: impl Fn(usize, usize) -> B) {
    for i in 0..n {
        for l in 0..lanes {
            let mut v = f(i, l);
            if i % k != 0 {
                v = v.pick(B::load(&g[(i - 1) * lanes + l]));
            }
            v.store(&mut g[i * lanes + l]);
        }
    }
    for i in (0..n).rev() {
        for l in 0..lanes {
            let mut v = f(i, l);
            if i % k != k - 1 && i != n - 1 {
                v = v.pick(B::load(&h[(i + 1) * lanes + l]));
            }
            v.store(&mut h[i * lanes + l]);
        }
    }
}

/// Window i, block l of the line `extremes` filled.
fn window<B: Block>(g: &[[u8; 16]], h: &[[u8; 16]], i: usize, l: usize, lanes: usize, k: usize) -> B {
    B::load(&h[i * lanes + l]).pick(B::load(&g[(i + k - 1) * lanes + l]))
}

/// Block `b` of a row, zero-padded past the row's end.
#[inline(always)]
fn read_block<B: Block>(row: &[u8], b: usize) -> B {
    if let Some(whole) = row.get(b * 16..b * 16 + 16) {
        return B::load(whole.try_into().expect("16 bytes"));
    }
    let mut bytes = [0u8; 16];
    let from = &row[(b * 16).min(row.len())..];
    let n = from.len().min(16);
    bytes[..n].copy_from_slice(&from[..n]);
    B::load(&bytes)
}

#[inline(always)]
fn write_block<B: Block>(row: &mut [u8], b: usize, v: B) {
    if let Some(whole) = row.get_mut(b * 16..b * 16 + 16) {
        return v.store(whole.try_into().expect("16 bytes"));
    }
    let mut bytes = [0u8; 16];
    v.store(&mut bytes);
    let to = &mut row[b * 16..];
    let n = to.len().min(16);
    to[..n].copy_from_slice(&bytes[..n]);
}

/// Erodes (or, when `max`, dilates) the w-pixel-wide image by radius `r`.
pub fn filter<B: Block>(px: &mut [u8], w: usize, r: usize, max: bool) -> Result<(), Status> {
    let mask = B::load(&[if max { 255 } else { 0 }; 16]);
    let h = px.len() / 4 / w;
    let k = 2 * r + 1;
    let (across, down) = (w + 2 * r, h + 2 * r);
    // The longer of the two passes' lines, reserved before any write.
    let len = across.max(down.checked_mul(STRIP).ok_or(Status::OutOfMemory)?);
    let (mut g, mut hh, mut line) = (reserve::<[u8; 16]>(len)?, reserve::<[u8; 16]>(len)?, reserve::<[u8; 16]>(across)?).zeroed();
    let stride = w * 4;
    // Rows, four at a time: bytes 4j..4j + 4 of a block are row y0 + j
    // (the last row repeated past the image, and not written back).
    for y0 in (0..h).step_by(4) {
        // The padded line, gathered once.
        let rows = [0, 1, 2, 3].map(|j| (y0 + j).min(h - 1) * stride);
        for (i, bytes) in line.iter_mut().enumerate() {
            let x = 4 * i.saturating_sub(r).min(w - 1);
            for (j, row) in rows.iter().enumerate() {
                bytes[4 * j..][..4].copy_from_slice(&px[row + x..][..4]);
            }
        }
        extremes::<B>(across, k, 1, &mut g, &mut hh, |i, _| B::load(&line[i]).flip(mask));
        for x in 0..w {
            let mut bytes = [0u8; 16];
            window::<B>(&g, &hh, x, 0, 1, k).flip(mask).store(&mut bytes);
            for j in 0..4.min(h - y0) {
                px[(y0 + j) * stride + 4 * x..][..4].copy_from_slice(&bytes[4 * j..][..4]);
            }
        }
    }
    // Columns, in strips of up to STRIP blocks.
    let blocks = stride.div_ceil(16);
    for b0 in (0..blocks).step_by(STRIP) {
        let lanes = STRIP.min(blocks - b0);
        let row = |i: usize, l: usize| {
            let y = i.saturating_sub(r).min(h - 1);
            read_block::<B>(&px[y * stride..][..stride], b0 + l).flip(mask)
        };
        extremes::<B>(down, k, lanes, &mut g, &mut hh, row);
        for y in 0..h {
            let out = &mut px[y * stride..][..stride];
            for l in 0..lanes {
                write_block(out, b0 + l, window::<B>(&g, &hh, y, l, lanes, k).flip(mask));
            }
        }
    }
    Ok(())
}

#[cfg(not(target_feature = "simd128"))]
pub type Lanes = [u8; 16];
#[cfg(target_feature = "simd128")]
pub type Lanes = core::arch::wasm32::v128;

pub fn erode(px: &mut [u8], w: usize, r: usize) -> Result<(), Status> {
    filter::<Lanes>(px, w, r, false)
}

pub fn dilate(px: &mut [u8], w: usize, r: usize) -> Result<(), Status> {
    filter::<Lanes>(px, w, r, true)
}
