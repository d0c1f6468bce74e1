//! `alloc`/`free`: the caller's blocks, from the same dlmalloc heap that
//! backs the module's own allocations, so freed blocks are reused.
//!
//! dlmalloc trusts `free`'s arguments: a wrong length fails its size check
//! (a trap), and a double free or a foreign pointer corrupts the heap. So
//! the module keeps a table of the blocks `alloc` handed out, with their
//! lengths, and `free` gives back only a block in it at its own length;
//! anything else is ignored, never a trap.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
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

/// The longest block: a `Layout`'s size, rounded up to ALIGN, must not pass
/// isize::MAX.
const MOST: u32 = (isize::MAX as usize - ALIGN) as u32;

fn layout(len: u32) -> Layout {
    // SAFETY: ALIGN is a power of two, and every length here is at most MOST.
    unsafe { Layout::from_size_align_unchecked(len as usize, ALIGN) }
}

/// A live block: its address (0 for an empty slot) and length.
#[derive(Clone, Copy)]
struct Block {
    ptr: u32,
    len: u32,
}

/// The live blocks, an open-addressing hash table with linear probing; it
/// grows at half full, so a probe ends at an empty slot.
struct Live {
    slots: *mut Block,
    /// log2 of the slot count; 0 before the first block.
    bits: u32,
    count: usize,
}

/// The table, in a static: the module runs on one thread.
struct Table(UnsafeCell<Live>);
// SAFETY: wasm32-unknown-unknown runs the module on one thread.
unsafe impl Sync for Table {}
static LIVE: Table = Table(UnsafeCell::new(Live { slots: core::ptr::null_mut(), bits: 0, count: 0 }));

impl Live {
    fn slots(&mut self) -> &mut [Block] {
        if self.bits == 0 {
            return &mut [];
        }
        // SAFETY: `grow` allocated 2^bits slots at `slots`, owned by the table.
        unsafe { core::slice::from_raw_parts_mut(self.slots, 1 << self.bits) }
    }

    /// The slot where a probe for `ptr` starts (Fibonacci hashing).
    fn home(&self, ptr: u32) -> usize {
        ((ptr >> 4).wrapping_mul(0x9E37_79B9) >> (32 - self.bits)) as usize
    }

    /// The slot holding `ptr`, or the empty one where it would go.
    fn find(&mut self, ptr: u32) -> usize {
        let mut i = self.home(ptr);
        let mask = (1 << self.bits) - 1;
        let slots = self.slots();
        while slots[i].ptr != 0 && slots[i].ptr != ptr {
            i = (i + 1) & mask;
        }
        i
    }

    /// Adds a block; false where the table could not grow.
    fn insert(&mut self, block: Block) -> bool {
        if 2 * (self.count + 1) > 1 << self.bits && !self.grow() {
            return false;
        }
        let i = self.find(block.ptr);
        self.slots()[i] = block;
        self.count += 1;
        true
    }

    /// Removes `ptr` if it is live at length `len`; whether it was.
    fn remove(&mut self, ptr: u32, len: u32) -> bool {
        if self.bits == 0 {
            return false;
        }
        let mut i = self.find(ptr);
        let slot = self.slots()[i];
        if slot.ptr == 0 || slot.len != len {
            return false;
        }
        // Backward-shift deletion: move each later entry of the run into the
        // hole if its home allows, so no probe ever stops short.
        let mask = (1 << self.bits) - 1;
        let mut j = i;
        loop {
            j = (j + 1) & mask;
            let next = self.slots()[j];
            if next.ptr == 0 {
                break;
            }
            let home = self.home(next.ptr);
            // `next` may move to i unless its home lies cyclically in (i, j].
            let stays = if i <= j { i < home && home <= j } else { i < home || home <= j };
            if !stays {
                self.slots()[i] = next;
                i = j;
            }
        }
        self.slots()[i] = Block { ptr: 0, len: 0 };
        self.count -= 1;
        true
    }

    /// Doubles the table (16 slots at first); false if memory can't grow.
    fn grow(&mut self) -> bool {
        let bits = if self.bits == 0 { 4 } else { self.bits + 1 };
        let bytes = (8usize << bits) as u32;
        // SAFETY: a non-zero size; zeroed slots are empty.
        let slots = unsafe { ALLOCATOR.alloc_zeroed(layout(bytes)) }.cast::<Block>();
        if slots.is_null() {
            return false;
        }
        let (old, old_bits) = (self.slots, self.bits);
        let old_len = if old_bits == 0 { 0 } else { 1usize << old_bits };
        (self.slots, self.bits) = (slots, bits);
        for k in 0..old_len {
            // SAFETY: `old` held `old_len` slots until now.
            let block = unsafe { *old.add(k) };
            if block.ptr != 0 {
                let i = self.find(block.ptr);
                self.slots()[i] = block;
            }
        }
        if old_bits != 0 {
            // SAFETY: `old` came from `grow` with this layout.
            unsafe { ALLOCATOR.dealloc(old.cast(), layout((8usize << old_bits) as u32)) }
        }
        true
    }
}

fn live() -> &'static mut Live {
    // SAFETY: one thread, and `alloc` and `free` (the only users) don't
    // re-enter each other, so this is the only reference while it lives.
    unsafe { &mut *LIVE.0.get() }
}

/// A 16-byte-aligned block of `len` bytes, or 0 when `len` is 0 or memory
/// can't grow.
#[unsafe(no_mangle)]
pub extern "C" fn alloc(len: u32) -> u32 {
    if len == 0 || len > MOST {
        return 0;
    }
    // SAFETY: the layout has a non-zero size.
    let ptr = unsafe { ALLOCATOR.alloc(layout(len)) };
    if ptr.is_null() {
        return 0;
    }
    if !live().insert(Block { ptr: ptr as u32, len }) {
        // SAFETY: just allocated with this layout.
        unsafe { ALLOCATOR.dealloc(ptr, layout(len)) };
        return 0;
    }
    ptr as u32
}

/// Gives back a block from `alloc`, of the length it was asked for. Any
/// other pointer or length (0, a block already freed, a wrong length, a
/// pointer into a block or outside the heap) is ignored.
#[unsafe(no_mangle)]
pub extern "C" fn free(ptr: u32, len: u32) {
    if ptr != 0 && live().remove(ptr, len) {
        // SAFETY: `alloc` returned `ptr` for exactly `len` bytes, and the
        // table held it, so it was not freed since.
        unsafe { ALLOCATOR.dealloc(ptr as *mut u8, layout(len)) }
    }
}
