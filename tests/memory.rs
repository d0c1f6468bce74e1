//! The module's memory contract: exports and imports, the initial size,
//! alloc/free edge cases, reuse of freed blocks, and failure under a cap.

use rawpx_wasm_tests::{PointOp, Rawpx, Rng, assert_memory_flat, module};

#[test]
fn the_module_imports_nothing_and_exports_the_spec() {
    let module = module();
    assert_eq!(module.imports().count(), 0, "imports: {:?}", module.imports().map(|i| i.name().to_string()).collect::<Vec<_>>());
    let mut exports: Vec<&str> = module.exports().map(|e| e.name()).collect();
    exports.sort();
    assert_eq!(
        exports,
        [
            "alloc", "apply_lut", "box_blur", "brightness", "color_matrix", "contrast", "convolve", "crop",
            "flip_horizontal", "flip_vertical", "free", "gaussian_blur", "grayscale", "histogram", "invert", "memory",
            "premultiply", "resize", "rotate", "sharpen", "unpremultiply"
        ]
    );
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
fn memory_stays_flat_over_200_rounds_of_alloc_op_free() {
    let mut rx = Rawpx::new();
    let mut rng = Rng(9);
    let (w, h) = (640, 480);
    let px = rng.image(w, h);
    let ops = PointOp::all(&mut rng);
    assert_memory_flat(&mut rx, &px, 200, |rx, ptr| {
        for op in &ops {
            assert_eq!(op.run(rx, ptr, w, h), 0);
        }
        let out = rx.alloc(4096);
        assert_eq!(rx.call::<_, i32>("histogram", (ptr, w, h, out)), 0);
        rx.free(out, 4096);
    });
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
    // What was allocated still works, and freeing makes room again.
    assert_eq!(PointOp::Invert.run(&mut rx, blocks[0], w, h), 0);
    for &ptr in &blocks {
        rx.free(ptr, len);
    }
    assert_ne!(rx.alloc(len), 0);
}
