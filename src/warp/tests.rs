//! The scalar kernel against SPEC's formula in double precision (within 1
//! on opaque images, 2 on premultiplied values with alpha), nearest exact
//! away from pixel edges, and a quarter turn by `warp` equal to `rotate`.

use super::*;
use proptest::collection::vec as bytes;
use proptest::prelude::*;
use std::vec;
use std::vec::Vec;

fn cubic64(d: f64) -> f64 {
    let d = d.abs();
    if d <= 1.0 { (1.5 * d - 2.5) * d * d + 1.0 } else if d < 2.0 { ((-0.5 * d + 2.5) * d - 4.0) * d + 2.0 } else { 0.0 }
}

/// SPEC's result for destination pixel (x, y), in f64: straight colour and
/// alpha, unrounded; and whether (u, v) lies within 1/512 of a pixel edge.
fn reference(src: &[u8], sw: usize, m: &Matrix, filter: Filter, bg: u32, x: usize, y: usize) -> ([f64; 4], bool) {
    let sh = src.len() / 4 / sw;
    let m: Vec<f64> = m.iter().map(|&v| f64::from(v)).collect();
    let (fx, fy) = (x as f64 + 0.5, y as f64 + 0.5);
    let s = m[6] * fx + m[7] * fy + m[8];
    let tap = |i: i64, j: i64| -> [f64; 4] {
        let p = if s <= 0.0 || i < 0 || j < 0 || i >= sw as i64 || j >= sh as i64 {
            bg.to_le_bytes()
        } else {
            src[4 * (j as usize * sw + i as usize)..][..4].try_into().unwrap()
        };
        p.map(f64::from)
    };
    let (u, v) = ((m[0] * fx + m[1] * fy + m[2]) / s, (m[3] * fx + m[4] * fy + m[5]) / s);
    let near_edge = (u - u.round()).abs() < 1.0 / 512.0 || (v - v.round()).abs() < 1.0 / 512.0;
    let taps: Vec<(i64, i64, f64)> = if s <= 0.0 {
        vec![(0, 0, 1.0)]
    } else {
        match filter {
            Filter::Nearest => vec![(u.floor() as i64, v.floor() as i64, 1.0)],
            Filter::Bilinear => {
                let (uu, vv) = (u - 0.5, v - 0.5);
                let (i, j) = (uu.floor() as i64, vv.floor() as i64);
                let (tx, ty) = (uu - i as f64, vv - j as f64);
                vec![(i, j, (1.0 - tx) * (1.0 - ty)), (i + 1, j, tx * (1.0 - ty)), (i, j + 1, (1.0 - tx) * ty), (i + 1, j + 1, tx * ty)]
            }
            Filter::Bicubic => {
                let (uu, vv) = (u - 0.5, v - 0.5);
                let (i, j) = (uu.floor() as i64, vv.floor() as i64);
                let (tx, ty) = (uu - i as f64, vv - j as f64);
                let mut t = Vec::new();
                for dj in -1..=2 {
                    for di in -1..=2 {
                        t.push((i + di, j + dj, cubic64(tx - di as f64) * cubic64(ty - dj as f64)));
                    }
                }
                t
            }
        }
    };
    let (mut sum, mut alpha) = ([0.0; 3], 0.0);
    for (i, j, w) in taps {
        let p = tap(i, j);
        alpha += w * p[3];
        for c in 0..3 {
            sum[c] += w * p[3] * p[c];
        }
    }
    let colour = sum.map(|s| if alpha <= 0.0 { 0.0 } else { (s / alpha).clamp(0.0, 255.0) });
    ([colour[0], colour[1], colour[2], alpha.clamp(0.0, 255.0)], near_edge)
}

fn check(src: &[u8], sw: usize, dw: usize, dh: usize, m: &Matrix, filter: Filter, bg: u32) {
    let mut out = vec![0u8; dw * dh * 4];
    scalar(src, sw, &mut out, dw, m, filter, bg);
    for y in 0..dh {
        for x in 0..dw {
            let got = &out[4 * (y * dw + x)..][..4];
            let (want, near_edge) = reference(src, sw, m, filter, bg, x, y);
            if filter == Filter::Nearest {
                if !near_edge {
                    let exact = want.map(|v| v.round() as u8);
                    assert_eq!(got, &exact[..], "nearest ({x}, {y})");
                }
                continue;
            }
            let a = want[3].round();
            assert!((f64::from(got[3]) - want[3]).abs() <= 1.0, "{filter:?} ({x}, {y}) alpha {} vs {}", got[3], want[3]);
            for c in 0..3 {
                let ok = if a == 255.0 {
                    (f64::from(got[c]) - want[c]).abs() <= 1.0
                } else {
                    let pm = |c: f64, a: f64| (c * a / 255.0).round();
                    (pm(f64::from(got[c]), f64::from(got[3])) - pm(want[c].round(), a)).abs() <= 2.0
                };
                assert!(ok, "{filter:?} ({x}, {y}) channel {c}: {got:?} vs {want:?}");
            }
        }
    }
}

fn rotation(deg: f32, sw: usize, sh: usize, dw: usize, dh: usize) -> Matrix {
    // Destination centre to source centre, turned by -deg.
    let (s, c) = (deg.to_radians().sin(), deg.to_radians().cos());
    let (cx, cy) = (sw as f32 / 2.0, sh as f32 / 2.0);
    let (dx, dy) = (dw as f32 / 2.0, dh as f32 / 2.0);
    [c, s, cx - c * dx - s * dy, -s, c, cy + s * dx - c * dy, 0.0, 0.0, 1.0]
}

proptest! {
    #[test]
    fn rotations_and_perspectives_are_within_spec(
        (src, sw) in (1usize..20, 1usize..16).prop_flat_map(|(w, h)| (bytes(any::<u8>(), w * h * 4), Just(w))),
        deg in -180f32..180.0,
        k in 0.0f32..0.02,
        bg: u32,
        filter in prop::sample::select(vec![Filter::Nearest, Filter::Bilinear, Filter::Bicubic]),
    ) {
        let sh = src.len() / 4 / sw;
        let mut m = rotation(deg, sw, sh, sw + 3, sh + 2);
        m[6] = k;
        m[7] = -k / 2.0;
        check(&src, sw, sw + 3, sh + 2, &m, filter, bg);
    }
}

#[test]
fn opaque_images_within_one() {
    let (sw, sh) = (23, 17);
    let src: Vec<u8> = (0..sw * sh).flat_map(|i| [(i * 7) as u8, (i * 13 / 5) as u8, (i % 200) as u8, 255]).collect();
    for filter in [Filter::Bilinear, Filter::Bicubic] {
        for deg in [0.0, 30.0, 45.0, 90.0, -135.0] {
            check(&src, sw, 30, 25, &rotation(deg, sw, sh, 30, 25), filter, 0xff00_0000);
        }
        check(&src, sw, 40, 40, &[0.5, 0.1, 2.0, -0.05, 0.6, 1.0, 0.001, 0.002, 1.0], filter, 0xff20_4060);
    }
}

#[test]
fn a_quarter_turn_with_nearest_is_rotate() {
    let (w, h) = (13, 7);
    let src: Vec<u8> = (0..w * h * 4).map(|i| (i * 31 % 256) as u8).collect();
    // Clockwise: destination (x, y) of the h×w result comes from (y, h − 1 − x).
    let m = [0.0, 1.0, 0.0, -1.0, 0.0, h as f32, 0.0, 0.0, 1.0];
    let mut out = vec![0u8; w * h * 4];
    scalar(&src, w, &mut out, h, &m, Filter::Nearest, 0);
    let mut want = vec![0u8; w * h * 4];
    crate::geometry::rotate::scalar(&src, w, &mut want, 1);
    assert_eq!(out, want);
}

#[test]
fn behind_the_viewer_is_background() {
    let src = vec![9u8; 4 * 4 * 4];
    let mut out = vec![0u8; 2 * 2 * 4];
    scalar(&src, 4, &mut out, 2, &[1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, -1.0], Filter::Bicubic, 0x8040_2010);
    assert!(out.chunks_exact(4).all(|p| p == [0x10, 0x20, 0x40, 0x80]), "{out:?}");
}
