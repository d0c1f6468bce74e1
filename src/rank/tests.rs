//! The kernels against naive references: every window sorted for the
//! median, scanned for the minimum and maximum; sobel against SPEC's
//! formula in double precision.

use super::*;
use proptest::collection::vec;
use proptest::prelude::*;
use std::vec::Vec;

/// Each channel's values over the (2r+1)² window at (x, y), edges clamped.
fn window(px: &[u8], w: usize, x: usize, y: usize, r: usize, c: usize) -> Vec<u8> {
    let h = px.len() / 4 / w;
    let clamp = |v: isize, n: usize| v.clamp(0, n as isize - 1) as usize;
    let mut out = Vec::new();
    for dy in -(r as isize)..=r as isize {
        for dx in -(r as isize)..=r as isize {
            out.push(px[4 * (clamp(y as isize + dy, h) * w + clamp(x as isize + dx, w)) + c]);
        }
    }
    out
}

fn naive(px: &[u8], w: usize, r: usize, pick: impl Fn(Vec<u8>) -> u8) -> Vec<u8> {
    let h = px.len() / 4 / w;
    let mut out = px.to_vec();
    for y in 0..h {
        for x in 0..w {
            for c in 0..4 {
                out[4 * (y * w + x) + c] = pick(window(px, w, x, y, r, c));
            }
        }
    }
    out
}

fn median_of(mut v: Vec<u8>) -> u8 {
    v.sort();
    v[v.len() / 2]
}

fn image() -> impl Strategy<Value = (Vec<u8>, usize)> {
    (1usize..24, 1usize..20).prop_flat_map(|(w, h)| (vec(any::<u8>(), w * h * 4), Just(w)))
}

proptest! {
    #[test]
    fn erode_and_dilate_are_the_window_extremes((px, w) in image(), r in 1usize..12) {
        let (mut lo, mut hi) = (px.clone(), px.clone());
        morphology::filter::<[u8; 16]>(&mut lo, w, r, false).unwrap();
        morphology::filter::<[u8; 16]>(&mut hi, w, r, true).unwrap();
        prop_assert_eq!(lo, naive(&px, w, r, |v| *v.iter().min().unwrap()));
        prop_assert_eq!(hi, naive(&px, w, r, |v| *v.iter().max().unwrap()));
    }

    #[test]
    fn median_is_the_middle_of_the_sorted_window((px, w) in image(), r in 1usize..6) {
        let mut out = px.clone();
        median::sliding(&mut out, w, r).unwrap();
        prop_assert_eq!(out, naive(&px, w, r, median_of));
    }

    #[test]
    fn sobel_is_within_one_of_the_formula((px, w) in image(), scale in 0f32..=100.0) {
        let mut out = px.clone();
        sobel::scalar(&mut out, w, scale).unwrap();
        let h = px.len() / 4 / w;
        let luma = |x: isize, y: isize| {
            let p = &px[4 * (y.clamp(0, h as isize - 1) as usize * w + x.clamp(0, w as isize - 1) as usize)..];
            0.299 * f64::from(p[0]) + 0.587 * f64::from(p[1]) + 0.114 * f64::from(p[2])
        };
        for y in 0..h as isize {
            for x in 0..w as isize {
                let gx = luma(x + 1, y - 1) - luma(x - 1, y - 1) + 2.0 * (luma(x + 1, y) - luma(x - 1, y)) + luma(x + 1, y + 1) - luma(x - 1, y + 1);
                let gy = luma(x - 1, y + 1) + 2.0 * luma(x, y + 1) + luma(x + 1, y + 1) - luma(x - 1, y - 1) - 2.0 * luma(x, y - 1) - luma(x + 1, y - 1);
                let want = (f64::from(scale) * (gx * gx + gy * gy).sqrt()).clamp(0.0, 255.0);
                let i = 4 * (y as usize * w + x as usize);
                for c in 0..3 {
                    prop_assert!((f64::from(out[i + c]) - want).abs() <= 1.0, "({}, {}): {} vs {}", x, y, out[i + c], want);
                }
                prop_assert_eq!(out[i + 3], px[i + 3]);
            }
        }
    }
}

#[test]
fn wide_radii_on_small_images() {
    let px: Vec<u8> = (0..7 * 5 * 4).map(|i| (i * 37 % 251) as u8).collect();
    for r in [30, 100, 1000] {
        let mut lo = px.clone();
        morphology::filter::<[u8; 16]>(&mut lo, 7, r, false).unwrap();
        assert_eq!(lo, naive(&px, 7, r.min(8), |v| *v.iter().min().unwrap()), "erode r {r}");
    }
    let mut m = px.clone();
    median::sliding(&mut m, 7, 30).unwrap();
    assert_eq!(m, naive(&px, 7, 30, median_of));
}
