//! `alloc`/`free`: the caller's blocks, from the same dlmalloc heap that
//! backs the module's own allocations, so freed blocks are reused.

use core::alloc::{GlobalAlloc, Layout};
use dlmalloc::GlobalDlmalloc;

#[global_allocator]
static ALLOCATOR: GlobalDlmalloc = GlobalDlmalloc;

unsafe extern "C" {
    /// Set by the linker: where the heap starts, above the stack and statics.
    static __heap_base: u8;
}

/// Whether `[start, start + len)` lies in the heap: between the module's own
/// stack and statics, which no caller's buffer may touch, and the end of
/// memory.
pub fn in_heap(start: u64, len: u64) -> bool {
    let base = (&raw const __heap_base) as usize as u64;
    let end = core::arch::wasm32::memory_size::<0>() as u64 * 65536;
    start >= base && start + len <= end
}

/// Blocks start on 16 bytes so a row of pixels starts on a whole v128.
const ALIGN: usize = 16;

/// A 16-byte-aligned block of `len` bytes, or 0 when `len` is 0 or memory
/// can't grow.
#[unsafe(no_mangle)]
pub extern "C" fn alloc(len: u32) -> u32 {
    match Layout::from_size_align(len as usize, ALIGN) {
        // SAFETY: the layout has a non-zero size.
        Ok(layout) if len > 0 => unsafe { ALLOCATOR.alloc(layout) as u32 },
        _ => 0,
    }
}

/// Gives back a block from `alloc`. 0, and pointers `alloc` can never
/// return (unaligned, below the heap, past memory), are ignored rather than
/// handed to dlmalloc, which would trap.
#[unsafe(no_mangle)]
pub extern "C" fn free(ptr: u32, len: u32) {
    if ptr as usize % ALIGN != 0 || !in_heap(u64::from(ptr), 1) {
        return;
    }
    if let Ok(layout) = Layout::from_size_align(len.max(1) as usize, ALIGN) {
        // SAFETY: the caller passes a block from `alloc`; dlmalloc finds the
        // block's size from its header, not from `layout`.
        unsafe { ALLOCATOR.dealloc(ptr as *mut u8, layout) }
    }
}
