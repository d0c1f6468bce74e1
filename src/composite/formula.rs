//! The compositing formulas of W3C Compositing and Blending Level 1, over
//! `Lanes`: a blend function B(Cb, Cs) for modes 1..=15, the Porter–Duff
//! factors for every mode, and the straight result.

use crate::lanes::Lanes;

/// One pixel (or four) of `src` (`s`) drawn onto `dst` (`b`, the backdrop),
/// both straight R, G, B, A in [0, 1]: the stored colour co/αo (0 where
/// αo = 0) and αo, still to be scaled by 255 and rounded.
#[inline(always)]
pub fn pixel<L: Lanes>(mode: u32, opacity: f32, s: [L; 4], b: [L; 4]) -> ([L; 3], L) {
    let one = L::splat(1.0);
    let zero = L::splat(0.0);
    let (a_s, a_b) = (s[3] * L::splat(opacity), b[3]);
    let (cs, cb) = ([s[0], s[1], s[2]], [b[0], b[1], b[2]]);
    // Source-over's own B is Cs, and (1 − αb)·Cs + αb·Cs is Cs.
    let cs = if mode == 0 || mode > super::LAST_BLEND {
        cs
    } else {
        let mixed = blend(mode, cb, cs);
        core::array::from_fn(|i| (one - a_b) * cs[i] + a_b * mixed[i])
    };
    let (fa, fb) = match mode {
        16 => (a_b, zero),
        17 => (one - a_b, zero),
        18 => (a_b, one - a_s),
        19 => (one - a_b, one),
        20 => (zero, a_s),
        21 => (zero, one - a_s),
        22 => (one - a_b, a_s),
        23 => (one - a_b, one - a_s),
        24 => (one, one),
        25 => (one, zero),
        _ => (one, one - a_s),
    };
    let (ws, wb) = (a_s * fa, a_b * fb);
    let mut co: [L; 3] = core::array::from_fn(|i| ws * cs[i] + wb * cb[i]);
    let mut ao = ws + wb;
    if mode == 24 {
        co = co.map(|c| c.min(one));
        ao = ao.min(one);
    }
    let (clear, inv) = (ao.eq(zero), one / ao);
    (co.map(|c| L::select(clear, zero, c * inv)), ao)
}

/// B(Cb, Cs) of blend mode 1..=15.
#[inline(always)]
fn blend<L: Lanes>(mode: u32, cb: [L; 3], cs: [L; 3]) -> [L; 3] {
    if mode <= 11 {
        core::array::from_fn(|i| separable(mode, cb[i], cs[i]))
    } else {
        non_separable(mode, cb, cs)
    }
}

/// B(Cb, Cs) of the separable modes 1..=11, one channel. Not inlined: one
/// copy of the eleven formulas serves the three channels.
#[inline(never)]
fn separable<L: Lanes>(mode: u32, b: L, s: L) -> L {
    match mode {
        1 => b * s,
        2 => screen(b, s),
        3 => hard_light(s, b),
        4 => b.min(s),
        5 => b.max(s),
        6 => color_dodge(b, s),
        7 => color_burn(b, s),
        8 => hard_light(b, s),
        9 => soft_light(b, s),
        10 => (b - s).max(s - b),
        _ => b + s - L::splat(2.0) * b * s,
    }
}

/// hue SetLum(SetSat(Cs, Sat(Cb)), Lum(Cb)), saturation SetLum(SetSat(Cb,
/// Sat(Cs)), Lum(Cb)), color SetLum(Cs, Lum(Cb)), luminosity SetLum(Cb,
/// Lum(Cs)): one SetSat and one SetLum in the module rather than four.
#[inline(never)]
fn non_separable<L: Lanes>(mode: u32, cb: [L; 3], cs: [L; 3]) -> [L; 3] {
    let (from, to) = if mode == 12 || mode == 14 {
        (cs, cb)
    } else {
        (cb, cs)
    };
    let c = if mode <= 13 {
        set_sat(from, sat(to))
    } else {
        from
    };
    set_lum(c, if mode == 15 { lum(cs) } else { lum(cb) })
}

fn screen<L: Lanes>(b: L, s: L) -> L {
    b + s - b * s
}

fn hard_light<L: Lanes>(b: L, s: L) -> L {
    let two_s = L::splat(2.0) * s;
    L::select(
        s.le(L::splat(0.5)),
        b * two_s,
        screen(b, two_s - L::splat(1.0)),
    )
}

fn color_dodge<L: Lanes>(b: L, s: L) -> L {
    let (zero, one) = (L::splat(0.0), L::splat(1.0));
    L::select(
        b.eq(zero),
        zero,
        L::select(s.eq(one), one, (b / (one - s)).min(one)),
    )
}

fn color_burn<L: Lanes>(b: L, s: L) -> L {
    let (zero, one) = (L::splat(0.0), L::splat(1.0));
    L::select(
        b.eq(one),
        one,
        L::select(s.eq(zero), zero, one - ((one - b) / s).min(one)),
    )
}

fn soft_light<L: Lanes>(b: L, s: L) -> L {
    let (one, two) = (L::splat(1.0), L::splat(2.0));
    let d = L::select(
        b.le(L::splat(0.25)),
        ((L::splat(16.0) * b - L::splat(12.0)) * b + L::splat(4.0)) * b,
        b.sqrt(),
    );
    let darker = b - (one - two * s) * b * (one - b);
    let lighter = b + (two * s - one) * (d - b);
    L::select(s.le(L::splat(0.5)), darker, lighter)
}

fn lum<L: Lanes>(c: [L; 3]) -> L {
    L::splat(0.3) * c[0] + L::splat(0.59) * c[1] + L::splat(0.11) * c[2]
}

fn lowest<L: Lanes>(c: [L; 3]) -> L {
    c[0].min(c[1]).min(c[2])
}

fn highest<L: Lanes>(c: [L; 3]) -> L {
    c[0].max(c[1]).max(c[2])
}

fn sat<L: Lanes>(c: [L; 3]) -> L {
    highest(c) - lowest(c)
}

/// The spec's SetSat without sorting: (C − min)·s/(max − min) is 0 for
/// the lowest channel, s for the highest and the spec's value between.
fn set_sat<L: Lanes>(c: [L; 3], s: L) -> [L; 3] {
    let (lo, hi) = (lowest(c), highest(c));
    let grey = hi.le(lo);
    c.map(|x| L::select(grey, L::splat(0.0), (x - lo) * s / (hi - lo)))
}

fn set_lum<L: Lanes>(c: [L; 3], l: L) -> [L; 3] {
    let d = l - lum(c);
    clip_color(c.map(|x| x + d))
}

fn clip_color<L: Lanes>(c: [L; 3]) -> [L; 3] {
    let l = lum(c);
    let (lo, hi) = (lowest(c), highest(c));
    let zero = L::splat(0.0);
    let one = L::splat(1.0);
    let c = c.map(|x| L::select(lo.lt(zero), l + (x - l) * l / (l - lo), x));
    c.map(|x| L::select(one.lt(hi), l + (x - l) * (one - l) / (hi - l), x))
}
