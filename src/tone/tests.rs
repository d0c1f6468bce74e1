//! The scalar kernels against SPEC's formulas: in double precision for the
//! floating-point ones (within 1), exactly for the integer ones, written
//! out here independently of the kernels' shortcuts (tables, padding).

use super::*;
use proptest::collection::vec;
use proptest::prelude::*;
use std::vec;
use std::vec::Vec;

/// SPEC's round: nearest, halves away from zero, then clamped.
fn byte(x: f64) -> f64 {
    (x.signum() * (x.abs() + 0.5).floor()).clamp(0.0, 255.0)
}

fn within_one(got: &[u8], px: &[u8], f: impl Fn([f64; 3]) -> [f64; 3]) {
    for (i, (o, p)) in got.chunks_exact(4).zip(px.chunks_exact(4)).enumerate() {
        let want = f([p[0], p[1], p[2]].map(f64::from));
        for k in 0..3 {
            assert!(
                (f64::from(o[k]) - want[k]).abs() <= 1.0,
                "pixel {i} {p:?}: {o:?}, f64 {want:?}"
            );
        }
        assert_eq!(o[3], p[3], "alpha of pixel {i}");
    }
}

/// CSS Color 4's rgbToHsl, the adjustment, and hslToRgb, in f64 on 0..255.
fn hsl_f64(c: [f64; 3], hue: f64, saturation: f64, lightness: f64) -> [f64; 3] {
    let [r, g, b] = c.map(|x| x / 255.0);
    let (hi, lo) = (r.max(g).max(b), r.min(g).min(b));
    let (d, l) = (hi - lo, (hi + lo) / 2.0);
    let (mut h, mut s) = (0.0, 0.0);
    if d != 0.0 {
        s = d / if l <= 0.5 { hi + lo } else { 2.0 - hi - lo };
        h = 60.0
            * if hi == r {
                (g - b) / d + if g < b { 6.0 } else { 0.0 }
            } else if hi == g {
                (b - r) / d + 2.0
            } else {
                (r - g) / d + 4.0
            };
    }
    let h = (h + hue).rem_euclid(360.0);
    let s = (s * saturation).clamp(0.0, 1.0);
    let l = (l + lightness).clamp(0.0, 1.0);
    let f = |n: f64| {
        let k = (n + h / 30.0) % 12.0;
        let a = s * l.min(1.0 - l);
        l - a * (k - 3.0).min(9.0 - k).clamp(-1.0, 1.0)
    };
    [f(0.0), f(8.0), f(4.0)].map(|x| byte(255.0 * x))
}

fn vibrance_f64(c: [f64; 3], amount: f64) -> [f64; 3] {
    let c = c.map(|x| x / 255.0);
    let avg = (c[0] + c[1] + c[2]) / 3.0;
    let mx = c[0].max(c[1]).max(c[2]);
    let k = (mx - avg) * (-3.0 * amount);
    c.map(|x| byte(255.0 * (x + (mx - x) * k).clamp(0.0, 1.0)))
}

/// Colours on a grid of step 5 in each channel, alpha varied.
fn grid() -> Vec<u8> {
    let steps = (0..=255u8).step_by(5);
    steps
        .clone()
        .flat_map(|r| {
            steps
                .clone()
                .flat_map(move |g| (0..=255u8).step_by(5).map(move |b| [r, g, b, r ^ g]))
        })
        .flatten()
        .collect()
}

#[test]
fn hsl_is_within_one_on_a_grid_of_colours() {
    let px = grid();
    for (hue, sat, light) in [
        (0.0, 1.0, 0.0),
        (90.0, 1.0, 0.0),
        (-200.0, 0.5, 0.1),
        (359.0, 3.0, -0.3),
        (-360.0, 0.0, 0.5),
        (360.0, 10.0, -1.0),
        (15.5, 1.7, 1.0),
    ] {
        let mut out = px.clone();
        hsl::scalar(&mut out, hue, sat, light);
        within_one(&out, &px, |c| {
            hsl_f64(c, f64::from(hue), f64::from(sat), f64::from(light))
        });
    }
}

#[test]
fn vibrance_is_within_one_on_a_grid_of_colours() {
    let px = grid();
    for amount in [-1.0, -0.37, 0.0, 0.25, 0.8, 1.0] {
        let mut out = px.clone();
        vibrance::scalar(&mut out, amount);
        within_one(&out, &px, |c| vibrance_f64(c, f64::from(amount)));
    }
}

/// Images of 1×1 up to 19×19, with their width.
fn image() -> impl Strategy<Value = (Vec<u8>, usize)> {
    (1usize..20, 1usize..20).prop_flat_map(|(w, h)| (vec(any::<u8>(), w * h * 4), Just(w)))
}

fn mix(mut x: u32) -> u32 {
    x ^= x >> 16;
    x = x.wrapping_mul(0x7FEB352D);
    x ^= x >> 15;
    x = x.wrapping_mul(0x846CA68B);
    x ^ (x >> 16)
}

/// The 8×8 Bayer matrix entry, by the interleaved bits of x ^ y and y.
fn bayer(x: usize, y: usize) -> u32 {
    let (x, y) = (x % 8, y % 8);
    (0..3)
        .map(|b| {
            let (xb, yb) = ((x >> (2 - b)) & 1, (y >> (2 - b)) & 1);
            (((xb ^ yb) << 1 | yb) as u32) << (2 * b)
        })
        .sum()
}

/// Floyd–Steinberg as SPEC states it, with a whole error image.
fn floyd_steinberg_spec(px: &mut [u8], w: usize, n: u32) {
    let h = px.len() / 4 / w;
    let top = i64::from(n - 1);
    let mut err = vec![[0i64; 3]; w * h];
    for y in 0..h {
        for x in 0..w {
            for k in 0..3 {
                let t = 16 * i64::from(px[(y * w + x) * 4 + k]) + err[y * w + x][k];
                let q = ((t * top + 8 * 255) as f64 / (16.0 * 255.0)).floor() as i64;
                let level = ((255 * q.clamp(0, top)) as f64 / top as f64 + 0.5).floor() as i64;
                px[(y * w + x) * 4 + k] = level as u8;
                let e = t - 16 * level;
                let mut share = |dx: i64, dy: usize, part: i64| {
                    let (xx, yy) = (x as i64 + dx, y + dy);
                    if xx >= 0 && (xx as usize) < w && yy < h {
                        err[yy * w + xx as usize][k] += part;
                    }
                };
                share(1, 0, (7 * e) >> 4);
                share(-1, 1, (3 * e) >> 4);
                share(0, 1, (5 * e) >> 4);
                share(1, 1, e >> 4);
            }
        }
    }
}

#[test]
fn bayer_matrix_is_the_recursive_one() {
    for y in 0..8 {
        for x in 0..8 {
            assert_eq!(u32::from(dither::BAYER[y][x]), bayer(x, y), "({x}, {y})");
        }
    }
}

proptest! {
    #[test]
    fn hsl_random((px, _) in image(), hue in -360f32..=360.0, sat in 0f32..=10.0, light in -1f32..=1.0) {
        let mut out = px.clone();
        hsl::scalar(&mut out, hue, sat, light);
        within_one(&out, &px, |c| hsl_f64(c, f64::from(hue), f64::from(sat), f64::from(light)));
    }

    #[test]
    fn shuffle_picks_channels((px, _) in image(), order in prop::array::uniform4(0u8..=5)) {
        let mut out = px.clone();
        shuffle::scalar(&mut out, u32::from_le_bytes(order));
        for (o, p) in out.chunks_exact(4).zip(px.chunks_exact(4)) {
            let want = order.map(|s| [p[0], p[1], p[2], p[3], 0, 255][usize::from(s)]);
            prop_assert_eq!(o, &want[..]);
        }
    }

    #[test]
    fn fill_sets_every_pixel((px, _) in image(), rgba: u32) {
        let mut out = px;
        fill::scalar(&mut out, rgba);
        prop_assert!(out.chunks_exact(4).all(|p| p == rgba.to_le_bytes()));
    }

    #[test]
    fn pixelate_is_the_weighted_block_mean((px, w) in image(), size in 1usize..8) {
        let mut out = px.clone();
        pixelate::run(&mut out, w, size);
        let h = px.len() / 4 / w;
        for y in 0..h {
            for x in 0..w {
                let (bx, by) = (x / size * size, y / size * size);
                let (mut n, mut sa, mut sc) = (0u64, 0u64, [0u64; 3]);
                for yy in by..(by + size).min(h) {
                    for xx in bx..(bx + size).min(w) {
                        let p = &px[(yy * w + xx) * 4..][..4];
                        n += 1;
                        sa += u64::from(p[3]);
                        for k in 0..3 { sc[k] += u64::from(p[3]) * u64::from(p[k]); }
                    }
                }
                let r = |num: u64, den: u64| (num as f64 / den as f64 + 0.5).floor() as u8;
                let want = if sa == 0 { [0, 0, 0, r(0, n)] } else { [r(sc[0], sa), r(sc[1], sa), r(sc[2], sa), r(sa, n)] };
                prop_assert_eq!(&out[(y * w + x) * 4..][..4], &want[..], "pixel ({}, {})", x, y);
            }
        }
    }

    #[test]
    fn noise_is_within_one_of_the_formula((px, _) in image(), amount in 0f32..=255.0, seed: u32, mono: bool) {
        let mut out = px.clone();
        noise::scalar(&mut out, amount, seed, mono);
        for (i, (o, p)) in out.chunks_exact(4).zip(px.chunks_exact(4)).enumerate() {
            for k in 0..3u32 {
                let idx = 3u32.wrapping_mul(i as u32).wrapping_add(if mono { 0 } else { k });
                let n = mix(seed.wrapping_add(0x9E3779B9u32.wrapping_mul(idx)));
                let u = f64::from(n) / 4294967296.0;
                let want = byte(f64::from(p[k as usize]) + f64::from(amount) * (2.0 * u - 1.0));
                prop_assert!((f64::from(o[k as usize]) - want).abs() <= 1.0, "pixel {} channel {}", i, k);
            }
            prop_assert_eq!(o[3], p[3]);
        }
    }

    #[test]
    fn ordered_dither_is_exact((px, w) in image(), levels in 2u32..=255) {
        let mut out = px.clone();
        dither::ordered(&mut out, w, levels).unwrap();
        let top = f64::from(levels - 1);
        for (i, (o, p)) in out.chunks_exact(4).zip(px.chunks_exact(4)).enumerate() {
            let t = (f64::from(bayer(i % w, i / w)) + 0.5) / 64.0 - 0.5;
            for k in 0..3 {
                let q = byte((f64::from(p[k]) + t * 255.0 / top) * top / 255.0).min(top);
                prop_assert_eq!(f64::from(o[k]), byte(255.0 * q / top), "pixel {} channel {}", i, k);
            }
            prop_assert_eq!(o[3], p[3]);
        }
    }

    #[test]
    fn floyd_steinberg_is_exact((px, w) in image(), levels in 2u32..=255) {
        let (mut out, mut want) = (px.clone(), px.clone());
        dither::floyd_steinberg(&mut out, w, levels).unwrap();
        floyd_steinberg_spec(&mut want, w, levels);
        prop_assert_eq!(out, want);
    }
}
