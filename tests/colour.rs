//! The colour group's exports give exactly the bytes of the scalar
//! references.

use rawpx_wasm_tests::{PointOp, Rawpx, Rng, assert_same_as_reference as assert_same};

#[test]
fn color_matrix_equals_the_reference_for_extreme_matrices() {
    let px: Vec<u8> = (0..=255u8).flat_map(|c| [c, 255 - c, c ^ 0xa5, c]).collect();
    let mut rx = Rawpx::new();
    let mut rng = Rng(3);
    let mut overflow = [0.0; 20];
    overflow[0] = f32::MAX;
    overflow[1] = -f32::MAX;
    let sepia = [
        0.393, 0.769, 0.189, 0.0, 0.0, 0.349, 0.686, 0.168, 0.0, 0.0, 0.272, 0.534, 0.131, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0,
    ];
    let mut matrices = vec![overflow, sepia, [f32::MIN_POSITIVE; 20], [-1e30; 20], [0.5; 20]];
    matrices.extend((0..50).map(|_| std::array::from_fn(|_| rng.f32(-300.0, 300.0))));
    for m in matrices {
        assert_same(&mut rx, &PointOp::ColorMatrix(m), &px, 32, 8);
    }
}
