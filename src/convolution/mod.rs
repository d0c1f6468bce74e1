//! Neighbourhood operations: Gaussian blur, box blur, unsharp mask and
//! convolution, in place. Each streams the image in rows through a small
//! ring of scratch, reserved in full before the first pixel is written, so
//! a 4K image needs a few percent of its size in scratch, and the work stays
//! in cache.
//!
//! As for the point operations, each kernel has a `scalar` reference and a
//! `simd` version beside it giving the same bytes; `run` names the one this
//! build uses (SIMD in the module, scalar on the host, where tests compare
//! it with SPEC's formulas in double precision).

pub mod box_blur;
pub mod convolve;
pub mod gaussian;
pub mod premultiplied;

#[cfg(test)]
mod tests;

use crate::status::Status;
use alloc::alloc::{Layout, alloc_zeroed, dealloc};
use core::ops::{Deref, DerefMut};

/// A zeroed block of `T`s from the module's heap, given back on drop.
/// Scratch is reserved before any pixel is written, so failing to get it
/// (OUT_OF_MEMORY) leaves the image as it was. (A `Vec` would do, but would
/// also bring the allocator's `realloc` path, 1.3 KB of code never run.)
pub struct Scratch<T> {
    ptr: *mut T,
    len: usize,
    layout: Layout,
}

/// `len` zeroed numbers (all the kernels' scratch types are numbers, for
/// which zero bits are valid).
fn scratch<T: Copy>(len: usize) -> Result<Scratch<T>, Status> {
    let layout = Layout::array::<T>(len.max(1)).map_err(|_| Status::OutOfMemory)?;
    let ptr = zeroed(layout).cast::<T>();
    if ptr.is_null() { Err(Status::OutOfMemory) } else { Ok(Scratch { ptr, len, layout }) }
}

// The allocator's calls, once each in the module rather than inlined at
// every scratch buffer.
#[inline(never)]
fn zeroed(layout: Layout) -> *mut u8 {
    // SAFETY: `scratch` asks for at least one item.
    unsafe { alloc_zeroed(layout) }
}

#[inline(never)]
fn release(ptr: *mut u8, layout: Layout) {
    // SAFETY: `ptr` came from `zeroed` with this layout.
    unsafe { dealloc(ptr, layout) }
}

impl<T> Scratch<T> {
    /// Keeps the first `len` items (the block stays as it is).
    fn truncate(&mut self, len: usize) {
        self.len = self.len.min(len);
    }
}

impl<T> Deref for Scratch<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        // SAFETY: `ptr` holds at least `len` numbers, owned by `self`.
        unsafe { core::slice::from_raw_parts(self.ptr, self.len) }
    }
}

impl<T> DerefMut for Scratch<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        // SAFETY: as for `deref`, borrowed mutably through `self`.
        unsafe { core::slice::from_raw_parts_mut(self.ptr, self.len) }
    }
}

impl<T> Drop for Scratch<T> {
    fn drop(&mut self) {
        release(self.ptr.cast(), self.layout);
    }
}

/// Fills the `left` pixels before and everything after the `w` pixels at
/// `left` with copies of the first and last of them: clamp-to-edge, so the
/// kernels index a padded row without bounds logic.
fn clamp_edges<T: Copy>(row: &mut [T], left: usize, w: usize) {
    let first = 4 * left;
    for i in 0..first {
        row[i] = row[first + i % 4];
    }
    for i in 4 * (left + w)..row.len() {
        row[i] = row[i - 4];
    }
}
