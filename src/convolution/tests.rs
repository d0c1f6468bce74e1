//! The scalar path (the same driver the module runs, with the scalar
//! kernels) against the formulas of docs/abi.md in double precision, on random images
//! of odd sizes, with and without alpha.

use super::{box_blur, convolve, gaussian, triple_box};
use proptest::prelude::*;
use std::vec::Vec;

/// Premultiplied double-precision pixels: R, G, B as c·a/255, then a.
type Premultiplied = Vec<[f64; 4]>;

fn premultiply(px: &[u8]) -> Premultiplied {
    px.chunks_exact(4)
        .map(|p| {
            let a = f64::from(p[3]);
            [0, 1, 2].map(|c| f64::from(p[c]) * a / 255.0).into_iter().chain([a]).collect::<Vec<_>>().try_into().unwrap()
        })
        .collect()
}

/// The separable filter with `weights` (index k + R for offset k), clamped
/// at the edges, rows then columns.
fn separable(p: &Premultiplied, w: usize, weights: &[f64]) -> Premultiplied {
    let h = p.len() / w;
    let r = (weights.len() / 2) as isize;
    let pass = |src: &Premultiplied, step: (isize, isize)| -> Premultiplied {
        (0..src.len())
            .map(|i| {
                let (x, y) = ((i % w) as isize, (i / w) as isize);
                let mut acc = [0.0; 4];
                for (j, wk) in weights.iter().enumerate() {
                    let k = j as isize - r;
                    let sx = (x + k * step.0).clamp(0, w as isize - 1) as usize;
                    let sy = (y + k * step.1).clamp(0, h as isize - 1) as usize;
                    for c in 0..4 {
                        acc[c] += wk * src[sy * w + sx][c];
                    }
                }
                acc
            })
            .collect()
    };
    pass(&pass(p, (1, 0)), (0, 1))
}

fn gaussian_weights(sigma: f64) -> Vec<f64> {
    let r = (3.0 * sigma).ceil() as i64;
    let raw: Vec<f64> = (-r..=r).map(|k| (-((k * k) as f64) / (2.0 * sigma * sigma)).exp()).collect();
    let total: f64 = raw.iter().sum();
    raw.iter().map(|x| x / total).collect()
}

fn box_weights(r: usize) -> Vec<f64> {
    std::vec![1.0 / (2 * r + 1) as f64; 2 * r + 1]
}

/// A blur's output against the premultiplied double result: alpha within
/// 1, and premultiplied colour within 2, or straight colour within 1 where
/// the image is opaque. Returns the largest errors (alpha/straight,
/// premultiplied) for reporting.
fn check_blur(px: &[u8], out: &[u8], want: &Premultiplied) -> (f64, f64) {
    let opaque = px.chunks_exact(4).all(|p| p[3] == 255);
    let (mut worst_straight, mut worst_premultiplied) = (0.0f64, 0.0f64);
    for (i, (o, want)) in out.chunks_exact(4).zip(want).enumerate() {
        let a = f64::from(o[3]);
        let alpha = (a - want[3]).abs();
        assert!(alpha <= 1.0, "pixel {i}: alpha {a}, want {}", want[3]);
        worst_straight = worst_straight.max(alpha);
        for c in 0..3 {
            if opaque {
                let e = (f64::from(o[c]) - want[c]).abs();
                assert!(e <= 1.0, "pixel {i} lane {c}: {} want {}", o[c], want[c]);
                worst_straight = worst_straight.max(e);
            } else {
                let e = (f64::from(o[c]) * a / 255.0 - want[c]).abs();
                assert!(e <= 2.0, "pixel {i} lane {c}: {o:?} premultiplied {}, want {}", f64::from(o[c]) * a / 255.0, want[c]);
                worst_premultiplied = worst_premultiplied.max(e);
            }
        }
    }
    (worst_straight, worst_premultiplied)
}

/// Images from 1×1 to 23×23, half of them opaque.
fn image() -> impl Strategy<Value = (Vec<u8>, usize)> {
    (1usize..24, 1usize..24, any::<bool>()).prop_flat_map(|(w, h, opaque)| {
        proptest::collection::vec(any::<u8>(), w * h * 4).prop_map(move |mut px| {
            for p in px.chunks_exact_mut(4) {
                if opaque {
                    p[3] = 255;
                } else if p[0] < 64 {
                    // Many fully transparent and fully opaque pixels too.
                    p[3] = if p[1] < 128 { 0 } else { 255 };
                }
            }
            (px, w)
        })
    })
}

/// Photo-like: smooth gradients plus noise, so neighbours are related.
fn smooth(w: usize, h: usize, seed: u64) -> Vec<u8> {
    let mut s = seed;
    (0..w * h)
        .flat_map(|i| {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let n = (s >> 60) as usize;
            let (x, y) = (i % w, i / w);
            [(x * 255 / w + n) as u8, (y * 255 / h) as u8, ((x + y) * 3 + n) as u8, 255]
        })
        .collect()
}

proptest! {
    #[test]
    fn gaussian_blur_is_within_spec_of_the_double_formula((px, w) in image(), sigma in 0.05f32..6.0) {
        let mut out = px.clone();
        gaussian::blur(&mut out, w, sigma).unwrap();
        check_blur(&px, &out, &separable(&premultiply(&px), w, &gaussian_weights(f64::from(sigma))));
    }

    #[test]
    fn box_blur_is_within_spec_of_the_double_formula((px, w) in image(), r in 1usize..30) {
        let mut out = px.clone();
        box_blur::blur(&mut out, w, r).unwrap();
        check_blur(&px, &out, &separable(&premultiply(&px), w, &box_weights(r)));
    }

    #[test]
    fn sharpen_is_within_spec_of_the_double_formula(
        (px, w) in image(), sigma in 0.05f32..6.0, amount in 0.0f32..4.0, threshold in 0u32..40,
    ) {
        let mut out = px.clone();
        gaussian::sharpen(&mut out, w, sigma, amount, threshold).unwrap();
        let blurred = separable(&premultiply(&px), w, &gaussian_weights(f64::from(sigma)));
        let opaque = px.chunks_exact(4).all(|p| p[3] == 255);
        for (i, ((p, o), b)) in px.chunks_exact(4).zip(out.chunks_exact(4)).zip(&blurred).enumerate() {
            prop_assert_eq!(o[3], p[3]);
            for c in 0..3 {
                let v = f64::from(p[c]);
                // Σw·a·c / Σw·a, from the premultiplied blur.
                let blurred = if b[3] > 0.0 { b[c] * 255.0 / b[3] } else { v };
                let d = v - blurred;
                // b is kept in 1/64 of a premultiplied level, so straight
                // it is as exact as the blurred alpha allows: near the
                // threshold either side is right.
                if (d.abs() - f64::from(threshold)).abs() < 0.01 + 8.0 / b[3] {
                    continue;
                }
                let want = if d.abs() >= f64::from(threshold) { (v + f64::from(amount) * d).round().clamp(0.0, 255.0) } else { v };
                let error = (f64::from(o[c]) - want).abs();
                if opaque {
                    prop_assert!(error <= 1.0, "pixel {} lane {}: {:?} -> {:?}, want {}", i, c, p, o, want);
                } else {
                    let premultiplied = error * f64::from(p[3]) / 255.0;
                    prop_assert!(premultiplied <= 2.0, "pixel {} lane {}: {:?} -> {:?}, want {}", i, c, p, o, want);
                }
            }
        }
    }

    #[test]
    fn convolve_is_within_one_of_the_double_formula(
        (px, w) in image(), half in 0usize..4, seed in any::<u64>(), bias in -100.0f32..100.0,
    ) {
        let size = 2 * half + 1;
        let mut s = seed;
        let kernel: Vec<f32> = (0..size * size)
            .map(|_| {
                s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                ((s >> 40) as f32 / (1u64 << 24) as f32 - 0.5) * 4.0
            })
            .collect();
        let mut out = px.clone();
        convolve::convolve(&mut out, w, &kernel, size, bias).unwrap();
        let h = px.len() / 4 / w;
        for (i, (p, o)) in px.chunks_exact(4).zip(out.chunks_exact(4)).enumerate() {
            prop_assert_eq!(o[3], p[3]);
            let (x, y) = ((i % w) as isize, (i / w) as isize);
            for c in 0..3 {
                let mut acc = 0.0f64;
                for j in 0..size {
                    for k in 0..size {
                        let sx = (x + k as isize - half as isize).clamp(0, w as isize - 1) as usize;
                        let sy = (y + j as isize - half as isize).clamp(0, h as isize - 1) as usize;
                        acc += f64::from(kernel[j * size + k]) * f64::from(px[(sy * w + sx) * 4 + c]);
                    }
                }
                let want = (acc + f64::from(bias)).round().clamp(0.0, 255.0);
                prop_assert!((f64::from(o[c]) - want).abs() <= 1.0, "pixel {} lane {}: {} want {}", i, c, o[c], want);
            }
        }
    }
}

#[test]
fn large_sigma_wider_than_the_image_stays_within_spec() {
    for (w, h, sigma) in [(1, 1, 100.0f32), (7, 3, 100.0), (13, 11, 30.0), (40, 2, 55.5), (2, 40, 99.9)] {
        for px in [smooth(w, h, 1), (0..w * h * 4).map(|i| (i * 37 % 256) as u8).collect()] {
            let mut out = px.clone();
            gaussian::blur(&mut out, w, sigma).unwrap();
            check_blur(&px, &out, &separable(&premultiply(&px), w, &gaussian_weights(f64::from(sigma))));
        }
    }
}

#[test]
fn box_radius_up_to_a_thousand_stays_within_spec() {
    for (w, h, r) in [(1, 1, 1000), (9, 5, 1000), (31, 17, 12), (3, 60, 250)] {
        let px = smooth(w, h, 3);
        let mut out = px.clone();
        box_blur::blur(&mut out, w, r).unwrap();
        check_blur(&px, &out, &separable(&premultiply(&px), w, &box_weights(r)));
    }
}

#[test]
fn tiny_sigma_leaves_the_image_unchanged() {
    let px: Vec<u8> = (0..17 * 3 * 4).map(|i| (i * 97 % 256) as u8).collect();
    for sigma in [1e-30f32, 0.01, 0.1, gaussian::weights::IDENTITY_UP_TO] {
        let mut out = px.clone();
        gaussian::blur(&mut out, 17, sigma).unwrap();
        assert_eq!(out, px, "blur σ = {sigma}");
        gaussian::sharpen(&mut out, 17, sigma, 100.0, 0).unwrap();
        assert_eq!(out, px, "sharpen σ = {sigma}");
    }
}

#[test]
fn a_flat_opaque_image_stays_flat() {
    let px: Vec<u8> = [12u8, 200, 255, 255].repeat(19 * 7);
    for run in [
        (|p: &mut [u8]| gaussian::blur(p, 19, 7.5)) as fn(&mut [u8]) -> _,
        |p| gaussian::sharpen(p, 19, 2.0, 5.0, 0),
        |p| box_blur::blur(p, 19, 4),
        |p| convolve::convolve(p, 19, &[0.0, 0.25, 0.0, 0.25, 0.0, 0.25, 0.0, 0.25, 0.0], 3, 0.0),
    ] {
        let mut out = px.clone();
        run(&mut out).unwrap();
        assert_eq!(out, px);
    }
}

#[test]
fn blurs_never_bleed_the_colour_of_transparent_pixels() {
    // Opaque red beside transparent green: no green may appear.
    let px: Vec<u8> = (0..16 * 4).flat_map(|i| if i % 16 < 8 { [255, 0, 0, 255] } else { [0, 255, 0, 0] }).collect();
    for sigma in [0.5f32, 2.0, 9.0] {
        let mut out = px.clone();
        gaussian::blur(&mut out, 16, sigma).unwrap();
        assert!(out.chunks_exact(4).all(|p| p[1] == 0 && (p[3] == 0 || p[0] == 255)), "σ = {sigma}: {out:?}");
    }
    let mut out = px.clone();
    box_blur::blur(&mut out, 16, 3).unwrap();
    assert!(out.chunks_exact(4).all(|p| p[1] == 0 && (p[3] == 0 || p[0] == 255)), "{out:?}");
}

/// Filter Effects' three boxes for a width of d, as one kernel of integer
/// weights at offsets −reach..=reach, built from the spec's words: three
/// boxes of d centred on the pixel when d is odd; else one of d centred on
/// the boundary to the left, one on the boundary to the right, one of d + 1.
fn triple_box_kernel(d: usize) -> Vec<u64> {
    let h = (d / 2) as isize;
    let boxes = if d % 2 == 1 { [(-h, h); 3] } else { [(-h, h - 1), (-h + 1, h), (-h, h)] };
    let mut kernel = std::vec![1u64];
    for (lo, hi) in boxes {
        let n = (hi - lo + 1) as usize;
        kernel = (0..kernel.len() + n - 1).map(|i| (i.saturating_sub(n - 1)..kernel.len().min(i + 1)).map(|j| kernel[j]).sum()).collect();
    }
    kernel
}

/// `triple_box_blur` by its definition (docs/abi.md): direct sums of the
/// kernel, not running sums, over the SPEC's premultiply.
fn triple_box_reference(px: &[u8], w: usize, sigma: f32, transparent: bool) -> Vec<u8> {
    let d = ((sigma * 3.0 * (2.0 * core::f32::consts::PI).sqrt() / 4.0 + 0.5).floor() as usize).max(1);
    if d == 1 {
        return px.to_vec();
    }
    let kernel = triple_box_kernel(d);
    let (divisor, reach) = (kernel.iter().sum::<u64>(), (kernel.len() / 2) as isize);
    let (half, factor) = (divisor.div_ceil(2), ((1u64 << 32) as f64 / divisor as f64).round() as u64);
    let h = px.len() / (4 * w);
    let mut p: Vec<u64> = px.chunks_exact(4).flat_map(|q| [0, 1, 2, 3].map(|c| if c == 3 { u64::from(q[3]) } else { (u64::from(q[c]) * u64::from(q[3]) + 127) / 255 })).collect();
    let idx = |x: usize, y: usize| 4 * (y * w + x);
    for rows in [true, false] {
        let src = p.clone();
        for (x, y) in (0..h).flat_map(|y| (0..w).map(move |x| (x, y))) {
            let (pos, n) = if rows { (x as isize, w as isize) } else { (y as isize, h as isize) };
            for c in 0..4 {
                let sum: u64 = (-reach..=reach)
                    .map(|k| {
                        let at = match pos + k {
                            at if (0..n).contains(&at) => at as usize,
                            _ if transparent => return 0,
                            at => at.clamp(0, n - 1) as usize,
                        };
                        let (sx, sy) = if rows { (at, y) } else { (x, at) };
                        kernel[(k + reach) as usize] * src[idx(sx, sy) + c]
                    })
                    .sum();
                p[idx(x, y) + c] = ((sum + half) * factor) >> 32;
            }
        }
    }
    p.chunks_exact(4)
        .flat_map(|q| {
            let a = q[3];
            [0, 1, 2].map(|c| if a == 0 { 0 } else { ((510 * q[c] + a) / (2 * a)).min(255) as u8 }).into_iter().chain([a as u8])
        })
        .collect()
}

proptest! {
    #[test]
    fn triple_box_blur_is_its_definition((px, w) in image(), sigma in 0.5f32..14.0, transparent in any::<bool>()) {
        let mut out = px.clone();
        triple_box::blur(&mut out, w, sigma, transparent).unwrap();
        prop_assert_eq!(out, triple_box_reference(&px, w, sigma, transparent));
    }
}

#[test]
fn triple_box_constants_are_skias() {
    assert_eq!(triple_box::SQRT_2PI, (2.0 * core::f32::consts::PI).sqrt());
    // σ: d, reach (the kernel's half width), as Chromium 156 blurs.
    for (sigma, d, reach) in [(0.79, 1, 0), (0.8, 2, 2), (1.0, 2, 2), (2.0, 4, 5), (2.5, 5, 6), (5.0, 9, 12), (10.0, 19, 27), (135.0, 254, 380)] {
        let b = triple_box::Boxes::new(sigma);
        assert_eq!((b.d, b.reach), (d, reach), "σ {sigma}");
        assert_eq!(triple_box_kernel(d).len(), 2 * reach + 1);
    }
}

#[test]
fn triple_box_blur_of_a_wide_sigma_on_a_small_image_is_its_definition() {
    let px = smooth(13, 9, 5);
    for transparent in [false, true] {
        let mut out = px.clone();
        triple_box::blur(&mut out, 13, 40.0, transparent).unwrap();
        assert_eq!(out, triple_box_reference(&px, 13, 40.0, transparent));
    }
}
