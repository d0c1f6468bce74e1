//! Scratch space for the kernels: zeroed blocks from the module's heap.

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
pub fn scratch<T: Copy>(len: usize) -> Result<Scratch<T>, Status> {
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
    pub fn truncate(&mut self, len: usize) {
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

