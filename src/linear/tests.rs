//! The scalar kernels against SPEC's formulas in double precision: within
//! 1 on opaque images, alpha within 1, premultiplied colour within 2; the
//! curve's encoding exact against the rounded power function.

use super::*;
use proptest::collection::vec;
use proptest::prelude::*;
use std::vec;
use std::vec::Vec;

fn encode64(l: f64) -> f64 {
    let c = if l <= 0.0031308 { l * 12.92 } else { 1.055 * l.powf(1.0 / 2.4) - 0.055 };
    (255.0 * c).round()
}

fn decode64(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
}

/// Premultiplied linear pixels (f64) back to straight bytes, as SPEC says.
fn finish(p: [f64; 4]) -> [f64; 4] {
    let a = p[3];
    let c = |x: f64| if a > 0.0 { encode64((x / a).min(1.0)) } else { 0.0 };
    [c(p[0]), c(p[1]), c(p[2]), (255.0 * a).round()]
}

fn close(got: &[u8], want: [f64; 4]) -> bool {
    if (f64::from(got[3]) - want[3]).abs() > 1.0 {
        return false;
    }
    (0..3).all(|c| {
        if want[3] == 255.0 {
            (f64::from(got[c]) - want[c]).abs() <= 1.0
        } else {
            let pm = |v: f64, a: f64| (v * a / 255.0).round();
            (pm(f64::from(got[c]), f64::from(got[3])) - pm(want[c], want[3])).abs() <= 2.0
        }
    })
}

fn linear_image(px: &[u8]) -> Vec<[f64; 4]> {
    px.chunks_exact(4).map(|p| {
        let a = f64::from(p[3]) / 255.0;
        [decode64(p[0]) * a, decode64(p[1]) * a, decode64(p[2]) * a, a]
    }).collect()
}

#[test]
fn the_curve_round_trips_and_encodes_as_the_power_function() {
    let curve = Curve::new();
    for c in 0..=255u8 {
        assert_eq!(curve.encode(curve::decode(f64::from(c) / 255.0) as f32), c);
    }
    for i in 0..=100_000 {
        let l = f64::from(i) / 100_000.0;
        let want = encode64(l);
        let got = f64::from(curve.encode(l as f32));
        assert!((got - want).abs() <= 1.0 && (got == want || (l - curve::decode((got.min(want) + 0.5) / 255.0)).abs() < 1e-6), "encode({l}) = {got}, want {want}");
    }
}

fn resize64(px: &[u8], sw: usize, sh: usize, dw: usize, dh: usize, filter: Filter) -> Vec<[f64; 4]> {
    let lin = linear_image(px);
    let pass = |rows: &dyn Fn(usize, usize) -> [f64; 4], n_in: usize, n_out: usize, count: usize| -> Vec<[f64; 4]> {
        let taps = (n_in != n_out).then(|| Taps::new(n_in, n_out, filter).unwrap());
        let mut out = Vec::new();
        for line in 0..count {
            for o in 0..n_out {
                let mut s = [0.0; 4];
                match &taps {
                    Some(t) => {
                        let (first, c, pairs) = t.of(o);
                        for (j, k) in weights(pairs).take(c).enumerate() {
                            let p = rows(line, first + j);
                            for ch in 0..4 {
                                s[ch] += f64::from(k) / 4_194_304.0 * p[ch];
                            }
                        }
                    }
                    None => s = rows(line, o),
                }
                out.push(s.map(|v| v.clamp(0.0, 1.0)));
            }
        }
        out
    };
    let across = pass(&|y, x| lin[y * sw + x], sw, dw, sh);
    let down = pass(&|x, y| across[y * dw + x], sh, dh, dw);
    // `down` is column-major: transpose.
    (0..dh * dw).map(|i| finish(down[(i % dw) * dh + i / dw])).collect()
}

fn image() -> impl Strategy<Value = (Vec<u8>, usize)> {
    (1usize..18, 1usize..14).prop_flat_map(|(w, h)| (vec(any::<u8>(), w * h * 4), Just(w)))
}

proptest! {
    #[test]
    fn resize_linear_is_within_spec((px, sw) in image(), dw in 1usize..20, dh in 1usize..16,
        filter in prop::sample::select(std::vec![Filter::Box, Filter::Bilinear, Filter::Bicubic, Filter::Lanczos3])) {
        let sh = px.len() / 4 / sw;
        let mut out = vec![0u8; dw * dh * 4];
        resize_with::<[f32; 4]>(&px, sw, &mut out, dw, Band::whole(sh, dh), filter).unwrap();
        let want = resize64(&px, sw, sh, dw, dh, filter);
        for (i, (g, w)) in out.chunks_exact(4).zip(&want).enumerate() {
            prop_assert!(close(g, *w), "pixel {}: {:?} vs {:?}", i, g, w);
        }
    }

    #[test]
    fn a_band_gives_the_whole_resize_rows((px, sw) in image(), dw in 1usize..20, dh in 1usize..16, f in 0u32..5, cut in any::<(usize, usize)>()) {
        let (sh, filter) = (px.len() / 4 / sw, Filter::from_code(f).unwrap());
        let mut whole = vec![0u8; dw * dh * 4];
        resize_with::<[f32; 4]>(&px, sw, &mut whole, dw, Band::whole(sh, dh), filter).unwrap();
        let first = cut.0 % dh;
        let n = 1 + cut.1 % (dh - first);
        let band = Band { sh, top: 0, dh, first };
        let (top, end) = band.reads(filter, n);
        let mut out = vec![0u8; dw * n * 4];
        resize_with::<[f32; 4]>(&px[4 * sw * top..4 * sw * end], sw, &mut out, dw, Band { top, ..band }, filter).unwrap();
        prop_assert_eq!(&out[..], &whole[4 * dw * first..][..4 * dw * n]);
    }

    #[test]
    fn gaussian_blur_linear_is_within_spec((px, w) in image(), sigma in 0.1f32..6.0) {
        let h = px.len() / 4 / w;
        let mut out = px.clone();
        blur_with::<[f32; 4]>(&mut out, w, sigma).unwrap();
        let lin = linear_image(&px);
        let s = f64::from(sigma);
        let r = (3.0 * s).ceil() as isize;
        let ws: Vec<f64> = (-r..=r).map(|k| (-((k * k) as f64) / (2.0 * s * s)).exp()).collect();
        let total: f64 = ws.iter().sum();
        let at = |x: isize, y: isize| lin[y.clamp(0, h as isize - 1) as usize * w + x.clamp(0, w as isize - 1) as usize];
        let across: Vec<[f64; 4]> = (0..h as isize).flat_map(|y| (0..w as isize).map(move |x| (x, y))).map(|(x, y)| {
            let mut s = [0.0; 4];
            for (i, k) in (-r..=r).enumerate() { for c in 0..4 { s[c] += ws[i] / total * at(x + k, y)[c]; } }
            s.map(|v| v.clamp(0.0, 1.0))
        }).collect();
        for y in 0..h as isize {
            for x in 0..w as isize {
                let mut s = [0.0; 4];
                for (i, k) in (-r..=r).enumerate() {
                    let p = across[(y + k).clamp(0, h as isize - 1) as usize * w + x as usize];
                    for c in 0..4 { s[c] += ws[i] / total * p[c]; }
                }
                let want = finish(s.map(|v| v.clamp(0.0, 1.0)));
                let i = 4 * (y as usize * w + x as usize);
                prop_assert!(close(&out[i..i + 4], want), "({}, {}): {:?} vs {:?}", x, y, &out[i..i + 4], want);
            }
        }
    }
}

#[test]
fn same_size_is_the_identity() {
    let px: Vec<u8> = (0..9 * 5 * 4).map(|i| (i * 53 % 256) as u8).collect::<Vec<_>>().chunks(4).flat_map(|p| [p[0], p[1], p[2], 255]).collect();
    let mut out = vec![0u8; px.len()];
    resize_with::<[f32; 4]>(&px, 9, &mut out, 9, Band::whole(5, 5), Filter::Lanczos3).unwrap();
    assert_eq!(out, px);
}
