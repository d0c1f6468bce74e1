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

/// `color_matrices` gives the bytes of the scalar chain (each result
/// clamped, not rounded, the last rounded) for chains of 1 to 8 matrices on
/// every size class, and one matrix is `color_matrix` exactly.
#[test]
fn color_matrices_equal_the_scalar_chain() {
    use rawpx_wasm_tests::point::color_matrix::{self, Matrix};
    let mut rx = Rawpx::new();
    let mut rng = Rng(5);
    for &(w, h) in rawpx_wasm_tests::SIZES {
        let px = rng.image(w, h);
        for n in 1..=8usize {
            let chain: Vec<[f32; 20]> = (0..n).map(|_| std::array::from_fn(|_| rng.f32(-1.5, 1.5))).collect();
            let floats: Vec<u8> = chain.iter().flatten().flat_map(|x| x.to_le_bytes()).collect();
            let m = rx.put(&floats);
            let got = rawpx_wasm_tests::in_place(&mut rx, &px, format_args!("color_matrices {w}×{h} of {n}"), |rx, ptr| rx.call("color_matrices", (ptr, w, h, m, n as u32)));
            let matrices: Vec<Matrix> = chain.iter().enumerate().map(|(i, m)| Matrix::in_chain(m, i + 1 == n)).collect();
            let mut want = px.clone();
            color_matrix::scalar(&mut want, &matrices);
            rawpx_wasm_tests::assert_same_pixels(&got, &want, Some(&px), format_args!("color_matrices {w}×{h} of {n}"));
            if n == 1 {
                let one = rawpx_wasm_tests::in_place(&mut rx, &px, "color_matrix", |rx, ptr| rx.call("color_matrix", (ptr, w, h, m)));
                assert_eq!(one, got, "one matrix is color_matrix");
            }
            rx.free(m, floats.len() as u32);
        }
    }
}
