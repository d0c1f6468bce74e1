//! The scalar kernel against SPEC's formulas in double precision, written
//! out here from the W3C text (SetSat by sorting, as the spec does).

use super::{MODES, Overlap, scalar};
use std::prelude::rust_2024::*;

fn lum(c: [f64; 3]) -> f64 {
    0.3 * c[0] + 0.59 * c[1] + 0.11 * c[2]
}

fn clip_color(c: [f64; 3]) -> [f64; 3] {
    let l = lum(c);
    let n = c.iter().copied().fold(f64::INFINITY, f64::min);
    let x = c.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut c = c;
    if n < 0.0 {
        c = c.map(|v| l + (v - l) * l / (l - n));
    }
    if x > 1.0 {
        c = c.map(|v| l + (v - l) * (1.0 - l) / (x - l));
    }
    c
}

fn set_lum(c: [f64; 3], l: f64) -> [f64; 3] {
    let d = l - lum(c);
    clip_color(c.map(|v| v + d))
}

fn sat(c: [f64; 3]) -> f64 {
    c.iter().copied().fold(f64::NEG_INFINITY, f64::max)
        - c.iter().copied().fold(f64::INFINITY, f64::min)
}

fn set_sat(c: [f64; 3], s: f64) -> [f64; 3] {
    let mut order = [0, 1, 2];
    order.sort_by(|&i, &j| c[i].total_cmp(&c[j]));
    let [lo, mid, hi] = order;
    let mut out = [0.0; 3];
    if c[hi] > c[lo] {
        out[mid] = (c[mid] - c[lo]) * s / (c[hi] - c[lo]);
        out[hi] = s;
    }
    out
}

fn separable(mode: u32, b: f64, s: f64) -> f64 {
    let screen = |b: f64, s: f64| b + s - b * s;
    let hard = |b: f64, s: f64| {
        if s <= 0.5 {
            b * 2.0 * s
        } else {
            screen(b, 2.0 * s - 1.0)
        }
    };
    match mode {
        1 => b * s,
        2 => screen(b, s),
        3 => hard(s, b),
        4 => b.min(s),
        5 => b.max(s),
        6 => {
            if b == 0.0 {
                0.0
            } else if s == 1.0 {
                1.0
            } else {
                (b / (1.0 - s)).min(1.0)
            }
        }
        7 => {
            if b == 1.0 {
                1.0
            } else if s == 0.0 {
                0.0
            } else {
                1.0 - ((1.0 - b) / s).min(1.0)
            }
        }
        8 => hard(b, s),
        9 => {
            let d = if b <= 0.25 {
                ((16.0 * b - 12.0) * b + 4.0) * b
            } else {
                b.sqrt()
            };
            if s <= 0.5 {
                b - (1.0 - 2.0 * s) * b * (1.0 - b)
            } else {
                b + (2.0 * s - 1.0) * (d - b)
            }
        }
        10 => (b - s).abs(),
        11 => b + s - 2.0 * b * s,
        _ => unreachable!(),
    }
}

/// SPEC's result in f64: straight colour (0..255, unrounded) and alpha.
fn reference(mode: u32, opacity: f64, s: [u8; 4], b: [u8; 4]) -> ([f64; 3], f64) {
    let u = |c: u8| f64::from(c) / 255.0;
    let (a_s, a_b) = (opacity * u(s[3]), u(b[3]));
    let cs = [u(s[0]), u(s[1]), u(s[2])];
    let cb = [u(b[0]), u(b[1]), u(b[2])];
    let blended = match mode {
        1..=11 => Some(std::array::from_fn(|i| separable(mode, cb[i], cs[i]))),
        12 => Some(set_lum(set_sat(cs, sat(cb)), lum(cb))),
        13 => Some(set_lum(set_sat(cb, sat(cs)), lum(cb))),
        14 => Some(set_lum(cs, lum(cb))),
        15 => Some(set_lum(cb, lum(cs))),
        _ => None,
    };
    let cs = match blended {
        Some(m) => std::array::from_fn(|i| (1.0 - a_b) * cs[i] + a_b * m[i]),
        None => cs,
    };
    let (fa, fb) = match mode {
        16 => (a_b, 0.0),
        17 => (1.0 - a_b, 0.0),
        18 => (a_b, 1.0 - a_s),
        19 => (1.0 - a_b, 1.0),
        20 => (0.0, a_s),
        21 => (0.0, 1.0 - a_s),
        22 => (1.0 - a_b, a_s),
        23 => (1.0 - a_b, 1.0 - a_s),
        24 => (1.0, 1.0),
        25 => (1.0, 0.0),
        _ => (1.0, 1.0 - a_s),
    };
    let mut co: [f64; 3] = std::array::from_fn(|i| a_s * fa * cs[i] + a_b * fb * cb[i]);
    let mut ao = a_s * fa + a_b * fb;
    if mode == 24 {
        co = co.map(|c| c.min(1.0));
        ao = ao.min(1.0);
    }
    (
        co.map(|c| if ao == 0.0 { 0.0 } else { 255.0 * c / ao }),
        255.0 * ao,
    )
}

/// Whether `got` is within SPEC's accuracy of the f64 result.
fn close(got: [u8; 4], want: ([f64; 3], f64)) -> bool {
    let (colour, alpha) = want;
    let round = |x: f64| x.round();
    let a = round(alpha);
    if (f64::from(got[3]) - a).abs() > 1.0 {
        return false;
    }
    (0..3).all(|i| {
        if a == 255.0 {
            (f64::from(got[i]) - colour[i]).abs() <= 1.0
        } else {
            let stored = |c: f64, a: f64| round(c * a / 255.0);
            (stored(f64::from(got[i]), f64::from(got[3])) - stored(round(colour[i]), a)).abs()
                <= 2.0
        }
    })
}

fn check(mode: u32, opacity: f32, s: [u8; 4], b: [u8; 4]) {
    let mut out = b;
    scalar(&mut out, &s, mode, opacity);
    let want = reference(mode, f64::from(opacity), s, b);
    assert!(
        close(out, want),
        "mode {mode}, opacity {opacity}: {s:?} onto {b:?} gives {out:?}, f64 {want:?}"
    );
}

#[test]
fn every_mode_on_a_grid_of_colours_and_alphas() {
    let levels: Vec<u8> = (0..17).map(|k| (k * 16).min(255) as u8).collect();
    let alphas = [0, 1, 64, 128, 200, 254, 255];
    for mode in 0..MODES {
        for &cb in &levels {
            for &cs in &levels {
                for &ab in &alphas {
                    for &a_s in &alphas {
                        // Three channels that differ, so the non-separable
                        // modes see hue and saturation.
                        let b = [cb, 255 - cb, cb / 2, ab];
                        let s = [cs, cs / 3, 255 - cs, a_s];
                        for opacity in [1.0, 0.5] {
                            check(mode, opacity, s, b);
                        }
                    }
                }
            }
        }
    }
}

proptest::proptest! {
    #[test]
    fn random_pixels_within_the_accuracy(mode in 0..MODES, s: [u8; 4], b: [u8; 4], opacity in 0.0f32..=1.0) {
        check(mode, opacity, s, b);
    }

    #[test]
    fn only_the_overlap_changes(dw in 1u32..9, dh in 1u32..9, sw in 1u32..9, sh in 1u32..9, x in -10i32..10, y in -10i32..10) {
        let dst: Vec<u8> = (0..dw * dh * 4).map(|i| (i * 37 % 256) as u8).collect();
        let src = vec![200u8; (sw * sh * 4) as usize];
        let mut out = dst.clone();
        if let Some(at) = Overlap::new(dw, dh, sw, sh, x, y) {
            super::composite(&mut out, dw as usize, &src, sw as usize, &at, super::COPY, 1.0);
        }
        for py in 0..dh as i32 {
            for px in 0..dw as i32 {
                let inside = px >= x && px < x + sw as i32 && py >= y && py < y + sh as i32;
                let i = ((py as u32 * dw + px as u32) * 4) as usize;
                let want: &[u8] = if inside { &[200; 4] } else { &dst[i..i + 4] };
                proptest::prop_assert_eq!(&out[i..i + 4], want);
            }
        }
    }
}
