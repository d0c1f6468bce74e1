//! The exported filters. Each export is a line of argument checks and a
//! kernel call; `exports!` gives every one the same shape (an `extern "C"`
//! function returning 0 or a status code), and `Call` is the only way to
//! the caller's memory: it hands out slices only for checked spans, and a
//! source and a destination only together, once they are known not to share
//! a byte. Parameter blocks are copied out first, so every check is done
//! before the first write. Kernels behind it take safe slices and cannot
//! fail except for scratch (OUT_OF_MEMORY), which they reserve in full
//! before writing.

// A module of some groups only (features) leaves some checks unused.
#![cfg_attr(
    not(all(
        feature = "point",
        feature = "colour",
        feature = "blur",
        feature = "resize",
        feature = "geometry",
        feature = "composite",
        feature = "tone",
        feature = "rank",
        feature = "warp",
        feature = "linear"
    )),
    allow(unused_imports, dead_code)
)]

use crate::limits::{
    AMOUNT, BLOCK, BOX_RADIUS, DELTA, DITHER_METHODS, EDGES, FACTOR, HUE, LEVELS, LIGHTNESS, MATRICES, MATRICES_MAX, MEDIAN_RADIUS, MODES, MORPH_RADIUS,
    NOISE, OPACITY, SATURATION, SOBEL_SCALE, THRESHOLD, TRIPLE_BOX_SIGMA_MAX, TURNS, VIBRANCE, kernel_ok, sigma_ok,
};
use crate::memory::in_caller_block;
use crate::status::{Status, code};
use crate::{composite, convolution, geometry, linear, point, rank, resample, tone, warp};

type Checked<T = ()> = Result<T, Status>;

/// A checked span of the caller's memory: inside one of its blocks, not yet touched.
#[derive(Clone, Copy)]
struct Span {
    ptr: u32,
    len: u32,
}

/// `[ptr, ptr + len)`, which must lie inside one of the caller's blocks.
fn span(ptr: u32, len: u64) -> Checked<Span> {
    if !in_caller_block(u64::from(ptr), len) {
        return Err(Status::OutOfBounds);
    }
    Ok(Span { ptr, len: len as u32 })
}

/// A w×h RGBA image at `ptr`: no zero side, w·h·4 computed exactly (2^31 ×
/// 2^31 × 4 overflows a u64) and inside memory.
fn image(ptr: u32, w: u32, h: u32) -> Checked<Span> {
    if w == 0 || h == 0 {
        return Err(Status::InvalidArgument);
    }
    let len = u64::from(w).checked_mul(u64::from(h)).and_then(|n| n.checked_mul(4));
    match len {
        Some(len) if len <= u64::from(u32::MAX) => span(ptr, len),
        _ => Err(Status::OutOfBounds),
    }
}

/// INVALID_ARGUMENT unless `ok`.
fn check(ok: bool) -> Checked {
    if ok { Ok(()) } else { Err(Status::InvalidArgument) }
}

/// One export call's access to the caller's memory. Slices borrow it
/// mutably, so an export holds one set of them at a time and can't make two
/// that alias.
struct Call(());

impl Call {
    /// # Safety
    /// One per export call, which is the only code touching the caller's
    /// memory while it runs.
    unsafe fn new() -> Call {
        Call(())
    }

    /// Copies the `out.len()` bytes at `ptr` (a matrix, table or kernel):
    /// read before any write, so the block may lie anywhere in the caller's
    /// memory, inside the image too.
    fn read(&self, ptr: u32, out: &mut [u8]) -> Checked {
        let at = span(ptr, out.len() as u64)?;
        // SAFETY: `span` checked the bytes lie inside memory; no slice of
        // this call is alive (they borrow `self` mutably).
        out.copy_from_slice(unsafe { core::slice::from_raw_parts(at.ptr as *const u8, at.len as usize) });
        Ok(())
    }

    /// `N` little-endian f32 at `ptr`, copied; each must be finite.
    fn floats<const N: usize>(&self, ptr: u32, n: usize) -> Checked<[f32; N]> {
        let mut bytes = [[0u8; 4]; N];
        self.read(ptr, bytes[..n].as_flattened_mut())?;
        let floats = bytes.map(f32::from_le_bytes);
        check(floats.iter().all(|x| x.is_finite()))?;
        Ok(floats)
    }

    /// The image at `at`, to change in place.
    fn pixels(&mut self, at: Span) -> &mut [u8] {
        // SAFETY: `at` was checked inside memory, above the module's own
        // data; this borrow of `self` is the only slice alive.
        unsafe { core::slice::from_raw_parts_mut(at.ptr as *mut u8, at.len as usize) }
    }

    /// The w×h image at `ptr`, to change in place.
    fn image(&mut self, ptr: u32, w: u32, h: u32) -> Checked<&mut [u8]> {
        Ok(self.pixels(image(ptr, w, h)?))
    }

    /// `src` to read and `dst` to write, which must not share a byte.
    fn src_dst(&mut self, src: Span, dst: Span) -> Checked<(&[u8], &mut [u8])> {
        let (a, b) = (u64::from(src.ptr), u64::from(dst.ptr));
        check_disjoint(a < b + u64::from(dst.len) && b < a + u64::from(src.len))?;
        // SAFETY: both spans were checked inside memory, and they are
        // disjoint, so the shared and the mutable slice don't alias; they
        // borrow `self`, so no other slice of this call is alive.
        unsafe {
            Ok((
                core::slice::from_raw_parts(src.ptr as *const u8, src.len as usize),
                core::slice::from_raw_parts_mut(dst.ptr as *mut u8, dst.len as usize),
            ))
        }
    }
}

/// OVERLAP where two buffers share a byte.
fn check_disjoint(shared: bool) -> Checked {
    if shared { Err(Status::Overlap) } else { Ok(()) }
}

/// Each export: its arguments, the `Call` it reaches memory through, and a
/// body that checks and runs, as an `extern "C"` function returning the
/// status code.
macro_rules! exports {
    ($($(#[$doc:meta])* fn $name:ident($($arg:ident: $ty:ty),*) |$call:ident| $body:expr;)*) => {$(
        $(#[$doc])*
        #[unsafe(no_mangle)]
        pub extern "C" fn $name($($arg: $ty),*) -> i32 {
            // SAFETY: this is the call's only `Call`.
            let $call = &mut unsafe { Call::new() };
            code((|| -> Checked { $body })())
        }
    )*};
}

#[cfg(feature = "point")]
exports! {
    fn grayscale(ptr: u32, w: u32, h: u32) |c| Ok(point::grayscale::run(c.image(ptr, w, h)?));
    fn invert(ptr: u32, w: u32, h: u32) |c| Ok(point::invert::run(c.image(ptr, w, h)?));
    fn premultiply(ptr: u32, w: u32, h: u32) |c| Ok(point::premultiply::run(c.image(ptr, w, h)?));
    fn unpremultiply(ptr: u32, w: u32, h: u32) |c| Ok(point::unpremultiply::run(c.image(ptr, w, h)?));

    fn brightness(ptr: u32, w: u32, h: u32, delta: i32) |c| {
        check(DELTA.contains(&delta))?;
        Ok(point::brightness::run(c.image(ptr, w, h)?, delta))
    };

    fn contrast(ptr: u32, w: u32, h: u32, factor: f32) |c| {
        check(FACTOR.contains(&factor))?;
        Ok(point::contrast::run(c.image(ptr, w, h)?, factor))
    };

    fn apply_lut(ptr: u32, w: u32, h: u32, lut: u32) |c| {
        let mut table = [0u8; 1024];
        c.read(lut, &mut table)?;
        Ok(point::apply_lut::scalar(c.image(ptr, w, h)?, &table))
    };

    fn histogram(ptr: u32, w: u32, h: u32, out: u32) |c| {
        let (px, out) = c.src_dst(image(ptr, w, h)?, span(out, 4096)?)?;
        Ok(point::histogram::scalar(px, out.try_into().map_err(|_| Status::OutOfBounds)?))
    };
}

/// `color_matrices`, and `color_matrix` as a chain of one.
fn matrix_chain(c: &mut Call, ptr: u32, w: u32, h: u32, matrices: u32, count: u32) -> Checked {
    use point::color_matrix::Matrix;
    check(MATRICES.contains(&count))?;
    let n = count as usize;
    let floats = c.floats::<{ 20 * MATRICES_MAX as usize }>(matrices, 20 * n)?;
    let (all, _) = floats.as_chunks::<20>();
    let chain: [Matrix; MATRICES_MAX as usize] = core::array::from_fn(|i| Matrix::in_chain(&all[i], i + 1 == n));
    Ok(point::color_matrix::run(c.image(ptr, w, h)?, &chain[..n]))
}

#[cfg(feature = "colour")]
exports! {
    fn color_matrix(ptr: u32, w: u32, h: u32, m: u32) |c| matrix_chain(c, ptr, w, h, m, 1);

    /// `count` matrices of 20 f32 at `matrices`, applied in turn with each
    /// result clamped but not rounded, the last rounded (as Skia composes
    /// colour filters; CSS filter chains).
    fn color_matrices(ptr: u32, w: u32, h: u32, matrices: u32, count: u32) |c| matrix_chain(c, ptr, w, h, matrices, count);
}

#[cfg(feature = "blur")]
exports! {
    fn gaussian_blur(ptr: u32, w: u32, h: u32, sigma: f32) |c| {
        check(sigma_ok(sigma))?;
        convolution::gaussian::blur(c.image(ptr, w, h)?, w as usize, sigma)
    };

    fn box_blur(ptr: u32, w: u32, h: u32, radius: u32) |c| {
        check(BOX_RADIUS.contains(&radius))?;
        convolution::box_blur::blur(c.image(ptr, w, h)?, w as usize, radius as usize)
    };

    fn triple_box_blur(ptr: u32, w: u32, h: u32, sigma: f32, edges: u32) |c| {
        check(sigma > 0.0 && sigma <= TRIPLE_BOX_SIGMA_MAX && edges < EDGES)?;
        convolution::triple_box::blur(c.image(ptr, w, h)?, w as usize, sigma, edges == 1)
    };

    fn sharpen(ptr: u32, w: u32, h: u32, sigma: f32, amount: f32, threshold: u32) |c| {
        check(sigma_ok(sigma) && AMOUNT.contains(&amount) && THRESHOLD.contains(&threshold))?;
        convolution::gaussian::sharpen(c.image(ptr, w, h)?, w as usize, sigma, amount, threshold)
    };

    fn convolve(ptr: u32, w: u32, h: u32, kernel: u32, size: u32, bias: f32) |c| {
        check(kernel_ok(size) && bias.is_finite())?;
        let n = (size * size) as usize;
        let weights = c.floats::<225>(kernel, n)?;
        convolution::convolve::convolve(c.image(ptr, w, h)?, w as usize, &weights[..n], size as usize, bias)
    };
}

/// A resize's arguments, checked: `src` (sw×sh) is rows `top..` of a
/// source `whole_sh` rows tall, `dst` (dw×dh) gets rows `first..` of its
/// `whole_dh`-row resize (the whole resize: 0, 0, sh, dh). Both whole
/// images must be possible images, and `src` must hold every row that
/// `dst`'s windows read.
struct Resize<'a> {
    src: &'a [u8],
    sw: usize,
    dst: &'a mut [u8],
    dw: usize,
    band: resample::Band,
    filter: resample::Filter,
}

fn resizing(c: &mut Call, [src, sw, sh, dst, dw, dh, filter]: [u32; 7], [top, first, whole_sh, whole_dh]: [u32; 4]) -> Checked<Resize<'_>> {
    let filter = resample::Filter::from_code(filter).ok_or(Status::InvalidArgument)?;
    let (src, dst) = (image(src, sw, sh)?, image(dst, dw, dh)?);
    let within = |at: u32, n: u32, total: u32| u64::from(at) + u64::from(n) <= u64::from(total);
    let possible = |w: u32, h: u32| u64::from(w) * u64::from(h) * 4 <= u64::from(u32::MAX);
    check(within(top, sh, whole_sh) && within(first, dh, whole_dh) && possible(sw, whole_sh) && possible(dw, whole_dh))?;
    let [sw, sh, dw, dh, top, first, whole_sh, whole_dh] = [sw, sh, dw, dh, top, first, whole_sh, whole_dh].map(|n| n as usize);
    let band = resample::Band { sh: whole_sh, top, dh: whole_dh, first };
    let (start, end) = band.reads(filter, dh);
    check(top <= start && end <= top + sh)?;
    let (src, dst) = c.src_dst(src, dst)?;
    Ok(Resize { src, sw, dst, dw, band, filter })
}

#[cfg(feature = "resize")]
exports! {
    fn resize(src: u32, sw: u32, sh: u32, dst: u32, dw: u32, dh: u32, filter: u32) |c| {
        let r = resizing(c, [src, sw, sh, dst, dw, dh, filter], [0, 0, sh, dh])?;
        resample::resize_band(r.src, r.sw, r.dst, r.dw, r.band, r.filter)
    };

    /// Rows `first..` of the resize of a source `whole_sh` rows tall to
    /// `whole_dh`, from its rows `top..`: a strip of `resize`, byte for byte.
    fn resize_band(src: u32, sw: u32, sh: u32, dst: u32, dw: u32, dh: u32, filter: u32, top: u32, first: u32, whole_sh: u32, whole_dh: u32) |c| {
        let r = resizing(c, [src, sw, sh, dst, dw, dh, filter], [top, first, whole_sh, whole_dh])?;
        resample::resize_band(r.src, r.sw, r.dst, r.dw, r.band, r.filter)
    };
}

#[cfg(feature = "geometry")]
exports! {
    fn crop(src: u32, w: u32, h: u32, x: u32, y: u32, cw: u32, ch: u32, dst: u32) |c| {
        let inside = |at: u32, len: u32, size: u32| len > 0 && u64::from(at) + u64::from(len) <= u64::from(size);
        check(inside(x, cw, w) && inside(y, ch, h))?;
        let (src, dst) = c.src_dst(image(src, w, h)?, image(dst, cw, ch)?)?;
        Ok(geometry::crop::crop(src, w as usize, x as usize, y as usize, cw as usize, dst))
    };

    fn rotate(src: u32, w: u32, h: u32, dst: u32, quarter_turns: u32) |c| {
        check(TURNS.contains(&quarter_turns))?;
        let img = image(src, w, h)?;
        // The same bytes either way round.
        let (src, dst) = c.src_dst(img, span(dst, u64::from(img.len))?)?;
        Ok(geometry::rotate::run(src, w as usize, dst, quarter_turns))
    };

    fn flip_horizontal(ptr: u32, w: u32, h: u32) |c| Ok(geometry::flip::horizontal(c.image(ptr, w, h)?, w as usize));
    fn flip_vertical(ptr: u32, w: u32, h: u32) |c| Ok(geometry::flip::vertical(c.image(ptr, w, h)?, w as usize));
}

#[cfg(feature = "composite")]
exports! {
    fn composite(dst: u32, dw: u32, dh: u32, src: u32, sw: u32, sh: u32, x: i32, y: i32, mode: u32, opacity: f32) |c| {
        check(mode < MODES && OPACITY.contains(&opacity))?;
        let (src, dst) = c.src_dst(image(src, sw, sh)?, image(dst, dw, dh)?)?;
        if let Some(at) = composite::Overlap::new(dw, dh, sw, sh, x, y) {
            composite::composite(dst, dw as usize, src, sw as usize, &at, mode, opacity);
        }
        Ok(())
    };
}

#[cfg(feature = "tone")]
exports! {
    fn hsl_adjust(ptr: u32, w: u32, h: u32, hue: f32, saturation: f32, lightness: f32) |c| {
        check(HUE.contains(&hue) && SATURATION.contains(&saturation) && LIGHTNESS.contains(&lightness))?;
        Ok(tone::hsl::run(c.image(ptr, w, h)?, hue, saturation, lightness))
    };

    fn vibrance(ptr: u32, w: u32, h: u32, amount: f32) |c| {
        check(VIBRANCE.contains(&amount))?;
        Ok(tone::vibrance::run(c.image(ptr, w, h)?, amount))
    };

    fn shuffle(ptr: u32, w: u32, h: u32, order: u32) |c| {
        check(tone::shuffle::valid(order))?;
        Ok(tone::shuffle::run(c.image(ptr, w, h)?, order))
    };

    fn fill(ptr: u32, w: u32, h: u32, rgba: u32) |c| Ok(tone::fill::run(c.image(ptr, w, h)?, rgba));

    fn pixelate(ptr: u32, w: u32, h: u32, block: u32) |c| {
        check(BLOCK.contains(&block))?;
        Ok(tone::pixelate::run(c.image(ptr, w, h)?, w as usize, block as usize))
    };

    fn noise(ptr: u32, w: u32, h: u32, amount: f32, seed: u32, mono: u32) |c| {
        check(NOISE.contains(&amount))?;
        Ok(tone::noise::run(c.image(ptr, w, h)?, amount, seed, mono != 0))
    };

    fn dither(ptr: u32, w: u32, h: u32, levels: u32, method: u32) |c| {
        check(LEVELS.contains(&levels) && method < DITHER_METHODS)?;
        let px = c.image(ptr, w, h)?;
        match method {
            tone::dither::ORDERED => tone::dither::ordered(px, w as usize, levels),
            _ => tone::dither::floyd_steinberg(px, w as usize, levels),
        }
    };
}

#[cfg(feature = "rank")]
exports! {
    fn median(ptr: u32, w: u32, h: u32, radius: u32) |c| {
        check(MEDIAN_RADIUS.contains(&radius))?;
        rank::median::run(c.image(ptr, w, h)?, w as usize, radius as usize)
    };

    fn erode(ptr: u32, w: u32, h: u32, radius: u32) |c| {
        check(MORPH_RADIUS.contains(&radius))?;
        rank::morphology::erode(c.image(ptr, w, h)?, w as usize, radius as usize)
    };

    fn dilate(ptr: u32, w: u32, h: u32, radius: u32) |c| {
        check(MORPH_RADIUS.contains(&radius))?;
        rank::morphology::dilate(c.image(ptr, w, h)?, w as usize, radius as usize)
    };

    fn sobel(ptr: u32, w: u32, h: u32, scale: f32) |c| {
        check(SOBEL_SCALE.contains(&scale))?;
        rank::sobel::run(c.image(ptr, w, h)?, w as usize, scale)
    };
}

#[cfg(feature = "warp")]
exports! {
    fn warp(src: u32, sw: u32, sh: u32, dst: u32, dw: u32, dh: u32, m: u32, filter: u32, background: u32) |c| {
        let filter = warp::Filter::from_code(filter).ok_or(Status::InvalidArgument)?;
        let m = c.floats::<9>(m, 9)?;
        let (src, dst) = c.src_dst(image(src, sw, sh)?, image(dst, dw, dh)?)?;
        Ok(warp::run(src, sw as usize, dst, dw as usize, &m, filter, background))
    };
}

#[cfg(feature = "linear")]
exports! {
    fn resize_linear(src: u32, sw: u32, sh: u32, dst: u32, dw: u32, dh: u32, filter: u32) |c| {
        let r = resizing(c, [src, sw, sh, dst, dw, dh, filter], [0, 0, sh, dh])?;
        linear::resize_linear(r.src, r.sw, r.dst, r.dw, r.band, r.filter)
    };

    /// `resize_band` in linear light.
    fn resize_linear_band(src: u32, sw: u32, sh: u32, dst: u32, dw: u32, dh: u32, filter: u32, top: u32, first: u32, whole_sh: u32, whole_dh: u32) |c| {
        let r = resizing(c, [src, sw, sh, dst, dw, dh, filter], [top, first, whole_sh, whole_dh])?;
        linear::resize_linear(r.src, r.sw, r.dst, r.dw, r.band, r.filter)
    };

    fn gaussian_blur_linear(ptr: u32, w: u32, h: u32, sigma: f32) |c| {
        check(sigma_ok(sigma))?;
        linear::gaussian_blur_linear(c.image(ptr, w, h)?, w as usize, sigma)
    };
}
