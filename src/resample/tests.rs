//! The resampling kernels on the host: Pillow's tables, and properties any
//! resize must have. (The module is held against Pillow's own output in
//! tests/resize.rs.)

use super::*;
use proptest::prelude::*;
use std::vec::Vec;

const FILTERS: [Filter; 4] = [Filter::Box, Filter::Bilinear, Filter::Bicubic, Filter::Lanczos3];

fn run(src: &[u8], sw: usize, sh: usize, dw: usize, dh: usize, filter: Filter) -> Vec<u8> {
    let mut out = std::vec![0; 4 * dw * dh];
    resize(src, sw, sh, &mut out, dw, dh, filter).unwrap();
    out
}

/// Pillow's filter in double precision throughout, with the intermediate
/// rounded and clamped to bytes as Pillow's is (opaque images only); each
/// value with how far the module's may be: ½ for its own rounding, plus
/// Σ|w| of the vertical weights, as an intermediate byte exactly at a half
/// may round the other way under Q22 weights (which also move a sum by up
/// to 0.01 here).
fn reference(src: &[u8], sw: usize, sh: usize, dw: usize, dh: usize, filter: Filter) -> Vec<(f64, f64)> {
    let weights = |n_in: usize, n_out: usize, o: usize| {
        let scale = n_in as f64 / n_out as f64;
        let support = filter.support() * scale.max(1.0);
        let center = (o as f64 + 0.5) * scale;
        let lo = ((center - support + 0.5) as i64).max(0) as usize;
        let hi = ((center + support + 0.5) as usize).min(n_in);
        let w: Vec<f64> = (lo..hi).map(|x| filter.weight((x as f64 - center + 0.5) / scale.max(1.0))).collect();
        let sum: f64 = w.iter().sum();
        (lo, w.into_iter().map(|w| w / sum).collect::<Vec<_>>())
    };
    let across = |x: usize, row: &dyn Fn(usize) -> f64| {
        if sw == dw { return row(x) }
        let (lo, w) = weights(sw, dw, x);
        w.iter().enumerate().map(|(i, w)| w * row(lo + i)).sum::<f64>()
    };
    let exact: Vec<f64> = (0..sh)
        .flat_map(|y| (0..dw * 4).map(move |i| (y, i)))
        .map(|(y, i)| across(i / 4, &|x| f64::from(src[4 * (y * sw + x) + i % 4])).clamp(0.0, 255.0))
        .collect();
    let mid: Vec<u8> = exact.iter().map(|v| v.round() as u8).collect();
    (0..dh * dw * 4)
        .map(|i| {
            let (y, rest) = (i / (4 * dw), i % (4 * dw));
            if sh == dh { return (exact[i], 0.51) }
            let (lo, w) = weights(sh, dh, y);
            let v = w.iter().enumerate().map(|(j, w)| w * f64::from(mid[(lo + j) * 4 * dw + rest])).sum::<f64>();
            (v.clamp(0.0, 255.0), 0.5 + w.iter().map(|w| w.abs()).sum::<f64>())
        })
        .collect()
}

fn opaque_image() -> impl Strategy<Value = (Vec<u8>, usize, usize)> {
    (1usize..20, 1usize..20).prop_flat_map(|(w, h)| {
        (proptest::collection::vec(any::<u8>(), w * h * 4), Just(w), Just(h)).prop_map(|(mut px, w, h)| {
            px.iter_mut().skip(3).step_by(4).for_each(|a| *a = 255);
            (px, w, h)
        })
    })
}

proptest! {
    #[test]
    fn opaque_resizes_are_close_to_double_precision((px, w, h) in opaque_image(), dw in 1usize..40, dh in 1usize..40, f in 0usize..4) {
        let got = run(&px, w, h, dw, dh, FILTERS[f]);
        if (w, h) == (dw, dh) {
            prop_assert_eq!(got, px);
        } else {
            for (i, (g, (r, bound))) in got.iter().zip(reference(&px, w, h, dw, dh, FILTERS[f])).enumerate() {
                prop_assert!((f64::from(*g) - r).abs() <= bound + 1e-9, "{:?} byte {}: {} vs {}", FILTERS[f], i, g, r);
            }
        }
    }

    #[test]
    fn flat_images_stay_flat(w in 1usize..30, h in 1usize..30, dw in 1usize..60, dh in 1usize..60, f in 0usize..5, c in any::<[u8; 3]>()) {
        let px: Vec<u8> = (0..w * h).flat_map(|_| [c[0], c[1], c[2], 255]).collect();
        let filter = Filter::from_code(f as u32).unwrap();
        prop_assert!(run(&px, w, h, dw, dh, filter).chunks(4).all(|p| p == [c[0], c[1], c[2], 255]));
    }

    #[test]
    fn nearest_repeats_each_pixel_on_whole_enlargements((px, w, h) in opaque_image(), k in 1usize..5) {
        let got = run(&px, w, h, k * w, k * h, Filter::Nearest);
        for (i, p) in got.chunks(4).enumerate() {
            let (x, y) = (i % (k * w) / k, i / (k * w) / k);
            prop_assert_eq!(p, &px[4 * (y * w + x)..][..4]);
        }
    }

    #[test]
    fn a_band_gives_the_whole_resize_rows((px, w, h) in opaque_image(), dw in 1usize..30, dh in 1usize..30, f in 0usize..5,
        cut in any::<(usize, usize)>(), alpha in any::<u8>()) {
        // Any alpha, so the premultiplied path runs too.
        let px: Vec<u8> = px.chunks(4).enumerate().flat_map(|(i, p)| [p[0], p[1], p[2], if i % 3 == 0 { alpha } else { 255 }]).collect();
        let filter = Filter::from_code(f as u32).unwrap();
        let whole = run(&px, w, h, dw, dh, filter);
        // Output rows [first, first + n), from only the source rows they read.
        let first = cut.0 % dh;
        let n = 1 + cut.1 % (dh - first);
        let band = Band { sh: h, top: 0, dh, first };
        let (top, end) = band.reads(filter, n);
        prop_assert!(top < end && end <= h);
        let mut out = std::vec![0; 4 * dw * n];
        resize_band(&px[4 * w * top..4 * w * end], w, &mut out, dw, Band { top, ..band }, filter).unwrap();
        prop_assert_eq!(&out[..], &whole[4 * dw * first..][..4 * dw * n]);
    }

    #[test]
    fn windows_lie_inside_and_weights_sum_to_one(n_in in 1usize..300, n_out in 1usize..300, f in 0usize..4) {
        let taps = Taps::new(n_in, n_out, FILTERS[f]).unwrap();
        let mut last = 0;
        for o in 0..n_out {
            let (first, count, pairs) = taps.of(o);
            prop_assert!(count >= 1 && first + count <= n_in && first >= last);
            // What a band reads covers the window.
            let (start, end) = taps::reads(n_in, n_out, FILTERS[f], o, 1);
            prop_assert!(start == first && first + count <= end);
            last = first;
            let k: Vec<i32> = taps::weights(pairs).collect();
            prop_assert!(k.len() == count.next_multiple_of(2) && k[count..].iter().all(|&k| k == 0));
            let sum: i64 = k.iter().map(|&k| i64::from(k)).sum();
            prop_assert!((sum - (1 << taps::PRECISION)).abs() <= count as i64, "{sum}");
        }
    }
}

#[test]
fn transparent_colour_does_not_bleed() {
    // Opaque red beside transparent green: no green in any output pixel.
    let px: Vec<u8> = (0..16 * 4).flat_map(|i| if i % 16 < 8 { [255, 0, 0, 255] } else { [0, 255, 0, 0] }).collect();
    for filter in FILTERS {
        for (dw, dh) in [(7, 3), (40, 9), (3, 1)] {
            let out = run(&px, 16, 4, dw, dh, filter);
            assert!(out.chunks(4).all(|p| p[1] == 0), "{filter:?} {dw}×{dh}");
        }
    }
}
