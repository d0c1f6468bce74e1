//! Scratch space for the kernels, in two steps: `reserve` takes blocks from
//! the module's heap without writing to them (only the allocator's own
//! bookkeeping changes), and `zeroed` clears them once everything an
//! operation needs is reserved. So an operation that can't get all its
//! scratch returns OUT_OF_MEMORY having written nothing.

use crate::status::Status;
use alloc::alloc::{Layout, alloc, dealloc};
use core::ops::{Deref, DerefMut};

/// A block of `len` `T`s, reserved but not written; given back on drop.
pub struct Reserved<T> {
    ptr: *mut T,
    len: usize,
    layout: Layout,
}

/// A zeroed block of `T`s from the module's heap, given back on drop. (A
/// `Vec` would do, but would also bring the allocator's `realloc` path,
/// 1.3 KB of code never run.)
pub struct Scratch<T>(Reserved<T>);

/// Every block's alignment: dlmalloc's own, enough for every scratch type
/// (numbers of at most 8 bytes), so dlmalloc's memalign is never needed.
const ALIGN: usize = 8;

/// Reserves `len` numbers (all the kernels' scratch types are numbers, for
/// which zero bits are valid), writing nothing.
pub fn reserve<T: Copy>(len: usize) -> Result<Reserved<T>, Status> {
    const { assert!(align_of::<T>() <= ALIGN) };
    let bytes = len.max(1).checked_mul(size_of::<T>()).ok_or(Status::OutOfMemory)?;
    let layout = Layout::from_size_align(bytes, ALIGN).map_err(|_| Status::OutOfMemory)?;
    let ptr = get(layout).cast::<T>();
    if ptr.is_null() { Err(Status::OutOfMemory) } else { Ok(Reserved { ptr, len, layout }) }
}

// The allocator's calls, once each in the module rather than inlined at
// every scratch buffer.
#[inline(never)]
fn get(layout: Layout) -> *mut u8 {
    // SAFETY: `reserve` asks for at least one item.
    unsafe { alloc(layout) }
}

#[inline(never)]
fn release(ptr: *mut u8, layout: Layout) {
    // SAFETY: `ptr` came from `get` with this layout.
    unsafe { dealloc(ptr, layout) }
}

impl<T> Reserved<T> {
    /// The block, cleared: the first write.
    pub fn zeroed(self) -> Scratch<T> {
        // SAFETY: the block holds `layout.size()` bytes, owned by `self`.
        unsafe { core::ptr::write_bytes(self.ptr.cast::<u8>(), 0, self.layout.size()) };
        Scratch(self)
    }
}

impl<T> Drop for Reserved<T> {
    fn drop(&mut self) {
        release(self.ptr.cast(), self.layout);
    }
}

/// Clears a tuple of reserved blocks at once, after the last reservation.
pub trait ZeroAll {
    type Out;
    fn zeroed(self) -> Self::Out;
}

macro_rules! zero_all {
    ($($t:ident $v:ident),+) => {
        impl<$($t),+> ZeroAll for ($(Reserved<$t>,)+) {
            type Out = ($(Scratch<$t>,)+);
            fn zeroed(self) -> Self::Out {
                let ($($v,)+) = self;
                ($($v.zeroed(),)+)
            }
        }
    };
}
zero_all!(A a, B b);
zero_all!(A a, B b, C c);
zero_all!(A a, B b, C c, D d);

impl<T> Deref for Scratch<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        // SAFETY: the block holds at least `len` zeroed numbers, owned by `self`.
        unsafe { core::slice::from_raw_parts(self.0.ptr, self.0.len) }
    }
}

impl<T> DerefMut for Scratch<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        // SAFETY: as for `deref`, borrowed mutably through `self`.
        unsafe { core::slice::from_raw_parts_mut(self.0.ptr, self.0.len) }
    }
}
