//! The scalar kernels against the formulas of docs/abi.md in double precision:
//! exhaustively where the input space is small, by property tests on random
//! images of odd sizes elsewhere.

use super::*;
use proptest::collection::vec;
use proptest::prelude::*;
use std::vec::Vec;

/// docs/abi.md's round: nearest, halves away from zero.
fn round(x: f64) -> f64 {
    x.signum() * (x.abs() + 0.5).floor()
}

fn clamp(x: f64) -> f64 {
    x.clamp(0.0, 255.0)
}

/// Random RGBA images from 1×1 up to 19×19, odd sizes included.
fn image() -> impl Strategy<Value = Vec<u8>> {
    (1usize..20, 1usize..20).prop_flat_map(|(w, h)| vec(any::<u8>(), w * h * 4))
}

/// Applies `f` to each pixel of `px` and compares with `kernel`'s output.
fn check_pixels(px: &[u8], out: &[u8], f: impl Fn([u8; 4]) -> [u8; 4]) {
    for (i, (p, o)) in px.chunks_exact(4).zip(out.chunks_exact(4)).enumerate() {
        let want = f(p.try_into().unwrap());
        assert_eq!(o, want, "pixel {i}: {p:?}");
    }
}

/// Every (c, a) pair, as the pixels (c, c, c, a).
fn all_colour_alpha_pairs() -> Vec<u8> {
    (0..=255u8).flat_map(|a| (0..=255u8).flat_map(move |c| [c, c, c, a])).collect()
}

#[test]
fn grayscale_is_within_one_of_the_double_formula_for_every_colour() {
    let mut px: Vec<u8> = (0..1u32 << 24).flat_map(|rgb| { let [r, g, b, _] = rgb.to_le_bytes(); [r, g, b, 77] }).collect();
    let orig = px.clone();
    grayscale::scalar(&mut px);
    for (p, o) in orig.chunks_exact(4).zip(px.chunks_exact(4)) {
        let y = round(0.299 * f64::from(p[0]) + 0.587 * f64::from(p[1]) + 0.114 * f64::from(p[2]));
        assert!((f64::from(o[0]) - y).abs() <= 1.0, "{p:?} -> {o:?}, want {y}");
        assert_eq!([o[0], o[0], 77], [o[1], o[2], o[3]]);
    }
}

#[test]
fn grayscale_rounds_exact_decimal_halves_up() {
    // 0.114 · 250 = 28.5 exactly: the half rounds up to 29.
    let mut px = [0, 0, 250, 255];
    grayscale::scalar(&mut px);
    assert_eq!(px, [29, 29, 29, 255]);
}

/// Runs `kernel` on every (c, a) pair and compares with `want(c, a)`.
fn check_every_colour_and_alpha(kernel: fn(&mut [u8]), want: impl Fn(f64, f64) -> f64) {
    let mut px = all_colour_alpha_pairs();
    let orig = px.clone();
    kernel(&mut px);
    check_pixels(&orig, &px, |[c, _, _, a]| {
        let v = want(f64::from(c), f64::from(a)) as u8;
        [v, v, v, a]
    });
}

#[test]
fn premultiply_is_exact_for_every_colour_and_alpha() {
    check_every_colour_and_alpha(premultiply::scalar, |c, a| round(c * a / 255.0));
}

#[test]
fn unpremultiply_is_exact_for_every_colour_and_alpha() {
    check_every_colour_and_alpha(unpremultiply::scalar, |c, a| if a == 0.0 { 0.0 } else { round(c * 255.0 / a).min(255.0) });
}

#[test]
fn unpremultiply_undoes_premultiply_on_opaque_pixels() {
    let mut px: Vec<u8> = (0..=255).flat_map(|c| [c, 255 - c, c / 2, 255]).collect();
    let orig = px.clone();
    premultiply::scalar(&mut px);
    unpremultiply::scalar(&mut px);
    assert_eq!(px, orig);
}

fn check_contrast(factor: f32) {
    let mut px: Vec<u8> = (0..=255).flat_map(|c| [c, c, c, 255 - c]).collect();
    let orig = px.clone();
    contrast::scalar(&mut px, factor);
    for (p, o) in orig.chunks_exact(4).zip(px.chunks_exact(4)) {
        let want = clamp(round((f64::from(p[0]) - 127.5) * f64::from(factor) + 127.5));
        assert!((f64::from(o[0]) - want).abs() <= 1.0, "factor {factor}: {p:?} -> {o:?}, want {want}");
        assert_eq!([o[0], o[0], p[3]], [o[1], o[2], o[3]]);
    }
}

#[test]
fn contrast_is_within_one_of_the_double_formula_at_landmark_factors() {
    for factor in [0.0, 1e-6, 0.001, 0.25, 0.5, 0.999, 1.0, 1.001, 1.5, 2.0, 3.3, 10.0, 99.99, 100.0] {
        check_contrast(factor);
    }
}

#[test]
fn contrast_one_is_the_identity_and_zero_is_mid_grey() {
    let mut px: Vec<u8> = (0..=255).flat_map(|c| [c, c, c, c]).collect();
    let orig = px.clone();
    contrast::scalar(&mut px, 1.0);
    assert_eq!(px, orig);
    contrast::scalar(&mut px, 0.0);
    check_pixels(&orig, &px, |[.., a]| [128, 128, 128, a]);
}

fn double_matrix(m: &[f32; 20], p: [u8; 4]) -> [f64; 4] {
    std::array::from_fn(|i| {
        let row = &m[5 * i..5 * i + 5];
        let sum: f64 = (0..4).map(|j| f64::from(row[j]) * f64::from(p[j])).sum();
        clamp(round(sum + f64::from(row[4]) * 255.0))
    })
}

#[test]
fn color_matrix_identity_leaves_every_value() {
    let mut m = [0.0f32; 20];
    for i in 0..4 {
        m[6 * i] = 1.0;
    }
    let mut px: Vec<u8> = (0..=255).flat_map(|c| [c, 255 - c, c ^ 0x55, c]).collect();
    let orig = px.clone();
    color_matrix::scalar(&mut px, &[color_matrix::Matrix::new(&m)]);
    assert_eq!(px, orig);
}

#[test]
fn color_matrix_overflow_to_nan_gives_zero_not_garbage() {
    let mut m = [0.0f32; 20];
    m[0] = f32::MAX;
    m[1] = -f32::MAX;
    let mut px = [255, 255, 9, 9];
    color_matrix::scalar(&mut px, &[color_matrix::Matrix::new(&m)]);
    assert_eq!(px[0], 0);
}

proptest! {
    #[test]
    fn invert_flips_colour_keeps_alpha(mut px in image()) {
        let orig = px.clone();
        invert::scalar(&mut px);
        check_pixels(&orig, &px, |[r, g, b, a]| [255 - r, 255 - g, 255 - b, a]);
    }

    #[test]
    fn brightness_adds_and_clamps(mut px in image(), delta in -255i32..=255) {
        let orig = px.clone();
        brightness::scalar(&mut px, delta);
        let add = |c: u8| clamp(f64::from(c) + f64::from(delta)) as u8;
        check_pixels(&orig, &px, |[r, g, b, a]| [add(r), add(g), add(b), a]);
    }

    #[test]
    fn contrast_is_within_one_of_the_double_formula(factor in 0.0f32..=100.0) {
        check_contrast(factor);
    }

    #[test]
    fn a_chain_of_matrices_is_within_one_of_the_double_formula_rounded_once(
        mut px in image(),
        chain in proptest::collection::vec(proptest::array::uniform20(-1.0f32..1.0), 1..=8),
    ) {
        let orig = px.clone();
        let n = chain.len();
        let matrices: Vec<_> = chain.iter().enumerate().map(|(i, m)| color_matrix::Matrix::in_chain(m, i + 1 == n)).collect();
        color_matrix::scalar(&mut px, &matrices);
        for (p, o) in orig.chunks_exact(4).zip(px.chunks_exact(4)) {
            // Each result clamped, in double; rounded once at the end.
            let mut v = [0, 1, 2, 3].map(|c| f64::from(p[c]));
            for m in &chain {
                v = std::array::from_fn(|i| clamp((0..4).map(|j| f64::from(m[5 * i + j]) * v[j]).sum::<f64>() + f64::from(m[5 * i + 4]) * 255.0));
            }
            for (c, w) in o.iter().zip(v) {
                prop_assert!((f64::from(*c) - w).abs() <= 1.0, "{:?} -> {:?}, want {:?}", p, o, v);
            }
        }
    }

    #[test]
    fn color_matrix_is_within_one_of_the_double_formula(
        mut px in image(),
        m in proptest::array::uniform20(-4.0f32..4.0),
    ) {
        let orig = px.clone();
        color_matrix::scalar(&mut px, &[color_matrix::Matrix::new(&m)]);
        for (p, o) in orig.chunks_exact(4).zip(px.chunks_exact(4)) {
            let want = double_matrix(&m, p.try_into().unwrap());
            for (c, w) in o.iter().zip(want) {
                prop_assert!((f64::from(*c) - w).abs() <= 1.0, "{:?} -> {:?}, want {:?}", p, o, want);
            }
        }
    }

    #[test]
    fn apply_lut_looks_up_each_channel(mut px in image(), lut in vec(any::<u8>(), 1024)) {
        let orig = px.clone();
        let lut: [u8; 1024] = lut.try_into().unwrap();
        apply_lut::scalar(&mut px, &lut);
        check_pixels(&orig, &px, |p| std::array::from_fn(|ch| lut[256 * ch + usize::from(p[ch])]));
    }

    #[test]
    fn histogram_counts_every_value_of_every_channel(px in image()) {
        let mut out = [0u8; 4096];
        histogram::scalar(&px, &mut out);
        let mut want = [0u32; 1024];
        for p in px.chunks_exact(4) {
            for ch in 0..4 {
                want[256 * ch + usize::from(p[ch])] += 1;
            }
        }
        let got: Vec<u32> = out.chunks_exact(4).map(|b| u32::from_le_bytes(b.try_into().unwrap())).collect();
        prop_assert_eq!(got, want.to_vec());
    }

    #[test]
    fn premultiply_keeps_alpha_and_never_brightens(mut px in image()) {
        let orig = px.clone();
        premultiply::scalar(&mut px);
        for (p, o) in orig.chunks_exact(4).zip(px.chunks_exact(4)) {
            prop_assert_eq!(o[3], p[3]);
            prop_assert!(o[..3].iter().zip(&p[..3]).all(|(o, p)| o <= p));
        }
    }
}
