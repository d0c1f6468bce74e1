//! The exported filters: each checks all its arguments here, before the first
//! write, and returns a status code (SPEC.md). Kernels behind it take safe
//! slices and cannot fail.

use crate::memory::in_heap;
use crate::{convolution, geometry, point, resample};
use crate::status::{Status, code};

type Checked<T = ()> = Result<T, Status>;

/// A span of linear memory inside the caller's part of it.
#[derive(Clone, Copy)]
struct Buffer {
    ptr: u32,
    len: u32,
}

impl Buffer {
    fn new(ptr: u32, len: u64) -> Checked<Buffer> {
        if !in_heap(u64::from(ptr), len) {
            return Err(Status::OutOfBounds);
        }
        Ok(Buffer { ptr, len: len as u32 })
    }

    /// A w×h RGBA image at `ptr`.
    fn image(ptr: u32, w: u32, h: u32) -> Checked<Buffer> {
        if w == 0 || h == 0 {
            return Err(Status::InvalidArgument);
        }
        let len = u64::from(w) * u64::from(h) * 4;
        if len > u64::from(u32::MAX) {
            return Err(Status::OutOfBounds);
        }
        Buffer::new(ptr, len)
    }

    fn disjoint(self, other: Buffer) -> Checked {
        let (a, b) = (u64::from(self.ptr), u64::from(other.ptr));
        let shared = a < b + u64::from(other.len) && b < a + u64::from(self.len);
        if shared { Err(Status::Overlap) } else { Ok(()) }
    }

    fn bytes<'a>(self) -> &'a mut [u8] {
        // SAFETY: `new` checked the span lies inside memory, above the
        // module's own data; nothing else refers to it during the call.
        unsafe { core::slice::from_raw_parts_mut(self.ptr as *mut u8, self.len as usize) }
    }

    /// The buffer as an array; `new` was given exactly `N` bytes.
    fn array<'a, const N: usize>(self) -> &'a mut [u8; N] {
        debug_assert_eq!(self.len as usize, N);
        // SAFETY: as for `bytes`, and the span is N bytes long.
        unsafe { &mut *(self.ptr as *mut [u8; N]) }
    }
}

fn param(ok: bool) -> Checked {
    if ok { Ok(()) } else { Err(Status::InvalidArgument) }
}

#[unsafe(no_mangle)]
pub extern "C" fn grayscale(ptr: u32, w: u32, h: u32) -> i32 {
    code(Buffer::image(ptr, w, h).map(|img| point::grayscale::run(img.bytes())))
}

#[unsafe(no_mangle)]
pub extern "C" fn invert(ptr: u32, w: u32, h: u32) -> i32 {
    code(Buffer::image(ptr, w, h).map(|img| point::invert::run(img.bytes())))
}

#[unsafe(no_mangle)]
pub extern "C" fn brightness(ptr: u32, w: u32, h: u32, delta: i32) -> i32 {
    code((|| {
        let img = Buffer::image(ptr, w, h)?;
        param((-255..=255).contains(&delta))?;
        point::brightness::run(img.bytes(), delta);
        Ok(())
    })())
}

#[unsafe(no_mangle)]
pub extern "C" fn contrast(ptr: u32, w: u32, h: u32, factor: f32) -> i32 {
    code((|| {
        let img = Buffer::image(ptr, w, h)?;
        param((0.0..=100.0).contains(&factor))?;
        point::contrast::run(img.bytes(), factor);
        Ok(())
    })())
}

#[unsafe(no_mangle)]
pub extern "C" fn color_matrix(ptr: u32, w: u32, h: u32, m: u32) -> i32 {
    code((|| {
        let img = Buffer::image(ptr, w, h)?;
        // Read before any write, so a matrix inside the image is harmless.
        let bytes = Buffer::new(m, 80)?.array::<80>().as_chunks::<4>().0;
        let m: [f32; 20] = core::array::from_fn(|i| f32::from_le_bytes(bytes[i]));
        param(m.iter().all(|x| x.is_finite()))?;
        point::color_matrix::run(img.bytes(), &point::color_matrix::Matrix::new(&m));
        Ok(())
    })())
}

#[unsafe(no_mangle)]
pub extern "C" fn apply_lut(ptr: u32, w: u32, h: u32, lut: u32) -> i32 {
    code((|| {
        let img = Buffer::image(ptr, w, h)?;
        // Copied before any write, so a table inside the image is harmless.
        let table: [u8; 1024] = *Buffer::new(lut, 1024)?.array();
        point::apply_lut::scalar(img.bytes(), &table);
        Ok(())
    })())
}

#[unsafe(no_mangle)]
pub extern "C" fn premultiply(ptr: u32, w: u32, h: u32) -> i32 {
    code(Buffer::image(ptr, w, h).map(|img| point::premultiply::run(img.bytes())))
}

#[unsafe(no_mangle)]
pub extern "C" fn unpremultiply(ptr: u32, w: u32, h: u32) -> i32 {
    code(Buffer::image(ptr, w, h).map(|img| point::unpremultiply::run(img.bytes())))
}

#[unsafe(no_mangle)]
pub extern "C" fn histogram(ptr: u32, w: u32, h: u32, out: u32) -> i32 {
    code((|| {
        let img = Buffer::image(ptr, w, h)?;
        let out = Buffer::new(out, 4096)?;
        img.disjoint(out)?;
        point::histogram::scalar(img.bytes(), out.array());
        Ok(())
    })())
}

#[unsafe(no_mangle)]
pub extern "C" fn gaussian_blur(ptr: u32, w: u32, h: u32, sigma: f32) -> i32 {
    code((|| {
        let img = Buffer::image(ptr, w, h)?;
        param(sigma > 0.0 && sigma <= 100.0)?;
        convolution::gaussian::blur(img.bytes(), w as usize, sigma)
    })())
}

#[unsafe(no_mangle)]
pub extern "C" fn box_blur(ptr: u32, w: u32, h: u32, radius: u32) -> i32 {
    code((|| {
        let img = Buffer::image(ptr, w, h)?;
        param((1..=1000).contains(&radius))?;
        convolution::box_blur::blur(img.bytes(), w as usize, radius as usize)
    })())
}

#[unsafe(no_mangle)]
pub extern "C" fn sharpen(ptr: u32, w: u32, h: u32, sigma: f32, amount: f32, threshold: u32) -> i32 {
    code((|| {
        let img = Buffer::image(ptr, w, h)?;
        param(sigma > 0.0 && sigma <= 100.0 && (0.0..=100.0).contains(&amount) && threshold <= 255)?;
        convolution::gaussian::sharpen(img.bytes(), w as usize, sigma, amount, threshold)
    })())
}

#[unsafe(no_mangle)]
pub extern "C" fn convolve(ptr: u32, w: u32, h: u32, kernel: u32, size: u32, bias: f32) -> i32 {
    code((|| {
        let img = Buffer::image(ptr, w, h)?;
        param(size % 2 == 1 && size <= 15)?;
        let kernel = Buffer::new(kernel, u64::from(size * size * 4))?;
        let finite = kernel.bytes().as_chunks::<4>().0.iter().all(|k| f32::from_le_bytes(*k).is_finite());
        param(finite && bias.is_finite())?;
        // Copied before any write, so a kernel inside the image is harmless.
        let weights = convolution::convolve::weights(kernel.bytes())?;
        convolution::convolve::convolve(img.bytes(), w as usize, &weights, size as usize, bias)
    })())
}

#[unsafe(no_mangle)]
pub extern "C" fn resize(src: u32, sw: u32, sh: u32, dst: u32, dw: u32, dh: u32, filter: u32) -> i32 {
    code((|| {
        let img = Buffer::image(src, sw, sh)?;
        let filter = resample::Filter::from_code(filter).ok_or(Status::InvalidArgument)?;
        let out = Buffer::image(dst, dw, dh)?;
        img.disjoint(out)?;
        let [sw, sh, dw, dh] = [sw, sh, dw, dh].map(|n| n as usize);
        resample::resize(img.bytes(), sw, sh, out.bytes(), dw, dh, filter)
    })())
}

#[unsafe(no_mangle)]
pub extern "C" fn crop(src: u32, w: u32, h: u32, x: u32, y: u32, cw: u32, ch: u32, dst: u32) -> i32 {
    code((|| {
        let img = Buffer::image(src, w, h)?;
        let inside = |at: u32, len: u32, size: u32| u64::from(at) + u64::from(len) <= u64::from(size);
        param(cw > 0 && ch > 0 && inside(x, cw, w) && inside(y, ch, h))?;
        let out = Buffer::image(dst, cw, ch)?;
        img.disjoint(out)?;
        geometry::crop::crop(img.bytes(), w as usize, x as usize, y as usize, cw as usize, out.bytes());
        Ok(())
    })())
}

#[unsafe(no_mangle)]
pub extern "C" fn rotate(src: u32, w: u32, h: u32, dst: u32, quarter_turns: u32) -> i32 {
    code((|| {
        let img = Buffer::image(src, w, h)?;
        param(quarter_turns <= 3)?;
        // Same bytes either way round.
        let out = Buffer::new(dst, u64::from(img.len))?;
        img.disjoint(out)?;
        geometry::rotate::run(img.bytes(), w as usize, out.bytes(), quarter_turns);
        Ok(())
    })())
}

#[unsafe(no_mangle)]
pub extern "C" fn flip_horizontal(ptr: u32, w: u32, h: u32) -> i32 {
    code(Buffer::image(ptr, w, h).map(|img| geometry::flip::horizontal(img.bytes(), w as usize)))
}

#[unsafe(no_mangle)]
pub extern "C" fn flip_vertical(ptr: u32, w: u32, h: u32) -> i32 {
    code(Buffer::image(ptr, w, h).map(|img| geometry::flip::vertical(img.bytes(), w as usize)))
}
