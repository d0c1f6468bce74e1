//! `alloc`/`free` and the caller's part of memory. The caller's blocks come
//! from the same dlmalloc heap that backs the module's own scratch, so freed
//! blocks are reused.
//!
//! dlmalloc trusts its callers: a wrong length fails its size check (a
//! trap), a double free or a foreign pointer corrupts the heap, and so does
//! a write over its chunk headers, which lie between blocks. So the module
//! keeps a table of the blocks `alloc` handed out, sorted by address:
//! `free` gives back only a block in it, at its own length, and ignores
//! anything else; and every buffer an export is given must lie inside one of
//! them, so no call can write over the allocator's bookkeeping or the
//! module's own scratch.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use dlmalloc::GlobalDlmalloc;

#[global_allocator]
static ALLOCATOR: GlobalDlmalloc = GlobalDlmalloc;

/// Blocks start on 16 bytes so a row of pixels starts on a whole v128.
/// dlmalloc aligns to 8: a block is asked for 8 bytes longer and starts 8
/// bytes in where needed, which keeps dlmalloc's memalign out of the module.
const ALIGN: usize = 16;
const SLACK: u32 = 8;
/// The longest block: a `Layout`'s size must not pass isize::MAX.
const MOST: u32 = (isize::MAX as usize - 2 * ALIGN) as u32;

fn layout(len: usize) -> Layout {
    // SAFETY: 8 is a power of two, and every length here is at most MOST.
    unsafe { Layout::from_size_align_unchecked(len, 8) }
}

/// A live block: where it starts, its length, and how far into dlmalloc's
/// block (0 or SLACK).
#[derive(Clone, Copy)]
struct Block {
    ptr: u32,
    len: u32,
    shift: u32,
}

/// The live blocks in address order, in a buffer of `capacity` that doubles
/// when full.
struct Live {
    blocks: *mut Block,
    count: usize,
    capacity: usize,
}

/// The table, in a static: the module runs on one thread.
struct Table(UnsafeCell<Live>);
// SAFETY: wasm32-unknown-unknown runs the module on one thread.
unsafe impl Sync for Table {}
static LIVE: Table = Table(UnsafeCell::new(Live { blocks: core::ptr::null_mut(), count: 0, capacity: 0 }));

fn live() -> &'static mut Live {
    // SAFETY: one thread, and no caller of this keeps the reference across
    // another call, so it is the only one while it lives.
    unsafe { &mut *LIVE.0.get() }
}

impl Live {
    fn blocks(&self) -> &[Block] {
        if self.capacity == 0 {
            return &[];
        }
        // SAFETY: `blocks` holds `count` entries, owned by the table.
        unsafe { core::slice::from_raw_parts(self.blocks, self.count) }
    }

    /// How many blocks start at or below `ptr`.
    fn rank(&self, ptr: u32) -> usize {
        self.blocks().partition_point(|b| b.ptr <= ptr)
    }

    /// Adds a block; false where the table could not grow.
    fn insert(&mut self, block: Block) -> bool {
        if self.count == self.capacity && !self.grow() {
            return false;
        }
        let at = self.rank(block.ptr);
        // SAFETY: capacity > count, so the entries from `at` move up by one
        // inside the buffer.
        unsafe {
            let slot = self.blocks.add(at);
            core::ptr::copy(slot, slot.add(1), self.count - at);
            slot.write(block);
        }
        self.count += 1;
        true
    }

    /// Removes the block at `ptr` if it is live with length `len`; its
    /// shift if it was.
    fn remove(&mut self, ptr: u32, len: u32) -> Option<u32> {
        let at = self.rank(ptr);
        match self.blocks()[..at].last() {
            Some(&b) if b.ptr == ptr && b.len == len => {
                // SAFETY: entry at - 1 exists; the ones after it move down.
                unsafe {
                    let slot = self.blocks.add(at - 1);
                    core::ptr::copy(slot.add(1), slot, self.count - at);
                }
                self.count -= 1;
                Some(b.shift)
            }
            _ => None,
        }
    }

    /// Doubles the buffer (16 entries at first); false if memory can't grow.
    fn grow(&mut self) -> bool {
        let capacity = (2 * self.capacity).max(16);
        // SAFETY: a non-zero size.
        let blocks = unsafe { ALLOCATOR.alloc(layout(12 * capacity)) }.cast::<Block>();
        if blocks.is_null() {
            return false;
        }
        if self.capacity > 0 {
            // SAFETY: the old buffer holds `count` entries and came from
            // `grow` with this layout; the new one has room for them.
            unsafe {
                core::ptr::copy_nonoverlapping(self.blocks, blocks, self.count);
                ALLOCATOR.dealloc(self.blocks.cast(), layout(12 * self.capacity));
            }
        }
        (self.blocks, self.capacity) = (blocks, capacity);
        true
    }
}

/// Whether `[start, start + len)` lies inside one live block from `alloc`:
/// the caller's part of memory.
#[inline(never)]
pub fn in_caller_block(start: u64, len: u64) -> bool {
    let live = live();
    let Ok(ptr) = u32::try_from(start) else { return false };
    match live.blocks()[..live.rank(ptr)].last() {
        Some(b) => start + len <= u64::from(b.ptr) + u64::from(b.len),
        None => false,
    }
}

/// A 16-byte-aligned block of `len` bytes, or 0 when `len` is 0 or memory
/// can't grow.
#[unsafe(no_mangle)]
pub extern "C" fn alloc(len: u32) -> u32 {
    if len == 0 || len > MOST {
        return 0;
    }
    let size = layout((len + SLACK) as usize);
    // SAFETY: the layout has a non-zero size.
    let got = unsafe { ALLOCATOR.alloc(size) };
    if got.is_null() {
        return 0;
    }
    let shift = got as u32 % ALIGN as u32;
    let ptr = got as u32 + shift;
    if !live().insert(Block { ptr, len, shift }) {
        // SAFETY: just allocated with this layout.
        unsafe { ALLOCATOR.dealloc(got, size) };
        return 0;
    }
    ptr
}

/// Gives back a block from `alloc`, of the length it was asked for. Any
/// other pointer or length (0, a block already freed, a wrong length, a
/// pointer into a block or outside the heap) is ignored.
#[unsafe(no_mangle)]
pub extern "C" fn free(ptr: u32, len: u32) {
    if let Some(shift) = live().remove(ptr, len) {
        // SAFETY: `alloc` got `ptr - shift` for exactly `len + SLACK` bytes,
        // and the table held it, so it was not freed since.
        unsafe { ALLOCATOR.dealloc((ptr - shift) as *mut u8, layout((len + SLACK) as usize)) }
    }
}
