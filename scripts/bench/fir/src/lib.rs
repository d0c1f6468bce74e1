//! fast_image_resize's RGBA8 resize behind raw exports, for the bench:
//! `alloc`, `free`, and `resize` with rawpx's argument order and filter
//! numbers (alpha handled by fir: multiplied before, divided after).

use fast_image_resize::images::{Image, ImageRef};
use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};

#[unsafe(no_mangle)]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    let mut v = vec![0u8; len].into_boxed_slice();
    let ptr = v.as_mut_ptr();
    core::mem::forget(v);
    ptr
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn free(ptr: *mut u8, len: usize) {
    // SAFETY: `ptr` came from `alloc(len)`.
    drop(unsafe { Box::from_raw(core::ptr::slice_from_raw_parts_mut(ptr, len)) });
}

/// Filter 0 nearest, 1 box, 2 bilinear, 3 bicubic (Catmull-Rom), 4 lanczos3.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn resize(src: *const u8, sw: u32, sh: u32, dst: *mut u8, dw: u32, dh: u32, filter: u32) -> i32 {
    let alg = match filter {
        0 => ResizeAlg::Nearest,
        1 => ResizeAlg::Convolution(FilterType::Box),
        2 => ResizeAlg::Convolution(FilterType::Bilinear),
        3 => ResizeAlg::Convolution(FilterType::CatmullRom),
        _ => ResizeAlg::Convolution(FilterType::Lanczos3),
    };
    // SAFETY: the bench passes blocks of sw·sh·4 and dw·dh·4 bytes.
    let (src, dst) = unsafe {
        (
            core::slice::from_raw_parts(src, (sw * sh * 4) as usize),
            core::slice::from_raw_parts_mut(dst, (dw * dh * 4) as usize),
        )
    };
    let (Ok(src), Ok(mut dst)) = (ImageRef::new(sw, sh, src, PixelType::U8x4), Image::from_slice_u8(dw, dh, dst, PixelType::U8x4)) else {
        return -1;
    };
    match Resizer::new().resize(&src, &mut dst, &ResizeOptions::new().resize_alg(alg)) {
        Ok(()) => 0,
        Err(_) => -2,
    }
}
