//! The module's SIMD128 kernels give exactly the bytes of the scalar
//! references, on random images of every size class and on exhaustive inputs.

use rawpx_wasm_tests::{PointOp, Rawpx, Rng, SIZES, assert_memory_flat, assert_same_as_reference as assert_same};


#[test]
fn every_point_op_equals_its_scalar_reference_on_random_images() {
    let mut rx = Rawpx::new();
    let mut rng = Rng(1);
    for round in 0..4 {
        for &(w, h) in SIZES {
            let px = rng.image(w, h);
            for op in PointOp::all(&mut rng) {
                assert_same(&mut rx, &op, &px, w, h);
            }
        }
        // A wide image, so the kernels' main loops run long.
        let px = rng.image(1000 + round, 7);
        for op in PointOp::all(&mut rng) {
            assert_same(&mut rx, &op, &px, 1000 + round, 7);
        }
    }
}

#[test]
fn grayscale_equals_the_reference_for_every_colour() {
    let px: Vec<u8> = (0..1u32 << 24).flat_map(|rgb| rgb.to_le_bytes()).collect();
    assert_same(&mut Rawpx::new(), &PointOp::Grayscale, &px, 4096, 4096);
}

#[test]
fn alpha_ops_equal_the_reference_for_every_colour_and_alpha() {
    let px: Vec<u8> = (0..=255u8).flat_map(|a| (0..=255u8).flat_map(move |c| [c, 255 - c, c / 3, a])).collect();
    let mut rx = Rawpx::new();
    for op in [PointOp::Premultiply, PointOp::Unpremultiply] {
        assert_same(&mut rx, &op, &px, 256, 256);
    }
}

#[test]
fn contrast_equals_the_reference_across_its_range() {
    let px: Vec<u8> = (0..=255u8).flat_map(|c| [c, 255 - c, c ^ 0xa5, c]).collect();
    let mut rx = Rawpx::new();
    let mut rng = Rng(2);
    let landmarks = [0.0, 1e-7, 0.5, 1.0, 2.0, 50.0, 99.999, 100.0];
    for f in landmarks.into_iter().chain((0..200).map(|_| rng.f32(0.0, 100.0))) {
        assert_same(&mut rx, &PointOp::Contrast(f), &px, 16, 16);
    }
}

#[test]
fn histogram_equals_the_reference() {
    let mut rx = Rawpx::new();
    let mut rng = Rng(4);
    for &(w, h) in SIZES.iter().chain(&[(640, 480)]) {
        let px = rng.image(w, h);
        let ptr = rx.put(&px);
        let out = rx.alloc(4096);
        assert_eq!(rx.call::<_, i32>("histogram", (ptr, w, h, out)), 0);
        let mut want = [0u8; 4096];
        rawpx_wasm_tests::point::histogram::scalar(&px, &mut want);
        assert_eq!(rx.read(out, 4096), want, "{w}×{h}");
        assert_eq!(rx.read(ptr, px.len()), px, "histogram changed the pixels");
        rx.free(ptr, px.len() as u32);
        rx.free(out, 4096);
    }
}

#[test]
fn a_chain_of_ops_on_one_buffer_equals_the_chained_references() {
    let mut rx = Rawpx::new();
    let mut rng = Rng(5);
    let (w, h) = (97, 31);
    let mut want = rng.image(w, h);
    let ptr = rx.put(&want);
    for op in PointOp::all(&mut rng).iter().chain(&PointOp::all(&mut rng)) {
        assert_eq!(op.run(&mut rx, ptr, w, h), 0);
        op.reference(&mut want);
    }
    assert_eq!(rx.read(ptr, want.len()), want);
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
