//! The module's memory contract: exports and imports, the initial size,
//! alloc/free edge cases, reuse of freed blocks, and failure under a cap.

use rawpx_wasm_tests::{Rawpx, Rng, module};

#[test]
fn the_module_imports_nothing_and_exports_the_spec() {
    let module = module();
    assert_eq!(module.imports().count(), 0, "imports: {:?}", module.imports().map(|i| i.name().to_string()).collect::<Vec<_>>());
    let mut exports: Vec<&str> = module.exports().map(|e| e.name()).collect();
    exports.sort();
    let mut want: Vec<&str> = rawpx_wasm_tests::exports::names().chain(["alloc", "free", "memory"]).collect();
    want.sort();
    assert_eq!(exports, want, "the exports src/abi.rs declares for RAWPX_GROUPS, and memory, alloc, free");
}

#[test]
fn a_fresh_instance_starts_with_at_most_128_kib() {
    assert!(Rawpx::new().memory_size() <= 128 * 1024);
}

#[test]
fn alloc_of_zero_or_absurd_sizes_returns_zero() {
    let mut rx = Rawpx::new();
    for len in [0, u32::MAX, u32::MAX - 15, 0x8000_0000, 0xffff_0000] {
        assert_eq!(rx.alloc(len), 0, "alloc({len:#x})");
    }
    // The heap still works afterwards.
    assert_ne!(rx.alloc(100), 0);
}

#[test]
fn blocks_are_aligned_disjoint_and_writable() {
    let mut rx = Rawpx::new();
    let mut blocks: Vec<(u32, u32)> = Vec::new();
    for len in [1, 3, 15, 16, 17, 100, 4096, 65536, 1 << 20, 7] {
        let ptr = rx.alloc(len);
        assert!(ptr != 0 && ptr % 16 == 0, "alloc({len}) = {ptr}");
        assert!(ptr as usize + len as usize <= rx.memory_size());
        rx.write(ptr, &vec![len as u8; len as usize]);
        blocks.push((ptr, len));
    }
    for &(ptr, len) in &blocks {
        assert!(rx.read(ptr, len as usize).iter().all(|&b| b == len as u8), "block at {ptr} was overwritten");
    }
}

#[test]
fn free_ignores_null_and_pointers_alloc_never_returns() {
    let mut rx = Rawpx::new();
    let ptr = rx.alloc(64);
    let end = rx.memory_size() as u32;
    for bad in [0, 8, 64, ptr + 1, ptr + 4, end, end + 16, u32::MAX - 15] {
        rx.free(bad, 64);
    }
    rx.free(ptr, 64);
    assert_eq!(rx.alloc(64), ptr, "the freed block is handed out again");
}

#[test]
fn alloc_past_a_memory_cap_returns_zero_without_a_trap() {
    let cap = 4 << 20;
    let mut rx = Rawpx::with_memory_limit(cap);
    let (w, h) = (512, 512);
    let len = w * h * 4;
    let mut blocks = Vec::new();
    loop {
        let ptr = rx.alloc(len);
        if ptr == 0 {
            break;
        }
        blocks.push(ptr);
        assert!(blocks.len() < 8, "a 4 MiB cap held more than 7 MiB");
    }
    assert!(rx.memory_size() <= cap);
    // What was allocated still holds what is written, and freeing makes
    // room again.
    let pattern = Rng(10).bytes(len as usize);
    rx.write(blocks[0], &pattern);
    assert_eq!(rx.read(blocks[0], pattern.len()), pattern);
    for &ptr in &blocks {
        rx.free(ptr, len);
    }
    assert_ne!(rx.alloc(len), 0);
}

/// Blocks of several sizes can be had, are disjoint and hold what is
/// written to them, and are handed out again once freed: the heap works.
fn assert_heap_works(rx: &mut Rawpx) {
    let sizes = [16u32, 100, 1024, 5000, 70_000, 16, 1024];
    for round in 0..2 {
        let blocks: Vec<(u32, u32)> = sizes.iter().map(|&len| (rx.alloc(len), len)).collect();
        for (i, &(ptr, len)) in blocks.iter().enumerate() {
            assert!(ptr != 0 && ptr % 16 == 0, "alloc({len}) = {ptr}");
            rx.write(ptr, &vec![i as u8 + 1; len as usize]);
        }
        for (i, &(ptr, len)) in blocks.iter().enumerate() {
            assert!(rx.read(ptr, len as usize).iter().all(|&b| b == i as u8 + 1), "block {i} at {ptr} was overwritten");
        }
        let size = rx.memory_size();
        rx.free_all(blocks);
        if round == 1 {
            assert_eq!(rx.memory_size(), size, "the same blocks again grew memory");
        }
    }
}

#[test]
fn free_with_a_wrong_length_is_ignored() {
    let mut rx = Rawpx::new();
    let ptr = rx.alloc(1024);
    for len in [0, 1, 16, 1008, 1023, 1025, 1040, 5000, u32::MAX] {
        rx.free(ptr, len);
        assert_heap_works(&mut rx);
        assert_ne!(rx.alloc(1024), ptr, "free({ptr}, {len}) gave the 1024-byte block back");
    }
    rx.free(ptr, 1024);
    assert_eq!(rx.alloc(1024), ptr, "the right length frees it");
}

#[test]
fn a_block_freed_twice_is_freed_once() {
    let mut rx = Rawpx::new();
    let (a, b) = (rx.alloc(256), rx.alloc(256));
    rx.free(a, 256);
    rx.free(a, 256);
    assert_heap_works(&mut rx);
    // Freed twice into dlmalloc, `a` would now be handed out twice.
    let (c, d) = (rx.alloc(256), rx.alloc(256));
    assert!(c != d && c != b && d != b, "one block handed out twice: {a} {b} {c} {d}");
    rx.free(b, 256);
    rx.free(b, 256);
    assert_heap_works(&mut rx);
}

#[test]
fn free_ignores_pointers_into_blocks_and_outside_the_heap() {
    let mut rx = Rawpx::new();
    let ptr = rx.alloc(4096);
    let end = rx.memory_size() as u32;
    for bad in [16, 65536, ptr + 16, ptr + 1024, ptr - 16, ptr - 8, end - 16, end, u32::MAX - 15, 0x8000_0000] {
        rx.free(bad, 4096);
        assert_heap_works(&mut rx);
    }
    // The block itself is still live and can be freed.
    rx.free(ptr, 4096);
    assert_eq!(rx.alloc(4096), ptr);
}

#[test]
fn many_live_blocks_are_each_freed_by_their_own_length_only() {
    let mut rx = Rawpx::new();
    let mut rng = Rng(11);
    let blocks: Vec<(u32, u32)> = (0..3000).map(|_| 1 + (rng.next() % 300) as u32).map(|len| (rx.alloc(len), len)).collect();
    assert!(blocks.iter().all(|&(ptr, _)| ptr != 0));
    for &(ptr, len) in blocks.iter().step_by(2) {
        rx.free(ptr, len + 1);
        rx.free(ptr, len);
        rx.free(ptr, len);
    }
    let size = rx.memory_size();
    for &(ptr, len) in blocks.iter().skip(1).step_by(2) {
        rx.free(ptr, len);
    }
    // Everything is free again: the same blocks fit in the same memory.
    let again: Vec<(u32, u32)> = blocks.iter().map(|&(_, len)| (rx.alloc(len), len)).collect();
    assert!(again.iter().all(|&(ptr, _)| ptr != 0));
    assert_eq!(rx.memory_size(), size);
    assert_heap_works(&mut rx);
}
