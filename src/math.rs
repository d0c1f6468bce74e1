//! The little floating-point maths the kernels' set-up needs, without libm:
//! `core` has no `exp` or `sin`, and libm's would cost kilobytes.

/// e^x for x <= 0, within a few ulps: x = n·ln2 + r with |r| <= ln2/2, a
/// Taylor series for e^r, then the exponent bits for 2^n. Below -700 the
/// result (< 1e-304) is 0, which no weight can tell apart.
#[inline(never)]
pub fn exp_neg(x: f64) -> f64 {
    if x < -700.0 {
        return 0.0;
    }
    let n = (x * core::f64::consts::LOG2_E - 0.5) as i64;
    // ln 2 in two parts (Cody and Waite), the first exact times any n here.
    let r = (x - n as f64 * 6.931_471_803_691_238_164_9e-1) - n as f64 * 1.908_214_929_270_587_700_02e-10;
    let (mut term, mut sum) = (1.0, 1.0);
    for k in 1..=14 {
        term *= r / k as f64;
        sum += term;
    }
    sum * f64::from_bits(((1023 + n) as u64) << 52)
}

/// sin(x) for |x| <= 16 (Lanczos needs |x| <= 3π), within an ulp or two of
/// libm's, so coefficient tables come out as Pillow's: x = n·π/2 + r with
/// |r| <= π/4, then fdlibm's minimax polynomials for sin r or cos r.
#[inline(never)]
pub fn sin(x: f64) -> f64 {
    let n = (x * core::f64::consts::FRAC_2_PI + if x < 0.0 { -0.5 } else { 0.5 }) as i64;
    // π/2 in two parts (Cody and Waite), the first exact times any n here.
    let r = (x - n as f64 * 1.570_796_326_734_125_614_17) - n as f64 * 6.077_100_506_506_192_249_32e-11;
    let z = r * r;
    let s = r + r * z * (-1.666_666_666_666_663_243_48e-1
        + z * (8.333_333_333_322_489_461_24e-3
            + z * (-1.984_126_982_985_794_931_34e-4
                + z * (2.755_731_370_707_006_767_89e-6
                    + z * (-2.505_076_025_340_686_341_95e-8 + z * 1.589_690_995_211_550_102_21e-10)))));
    let c = 1.0 - 0.5 * z
        + z * z * (4.166_666_666_666_660_190_37e-2
            + z * (-1.388_888_888_887_410_957_49e-3
                + z * (2.480_158_728_947_672_941_78e-5
                    + z * (-2.755_731_435_139_066_330_35e-7
                        + z * (2.087_572_321_298_174_827_90e-9 + z * -1.135_964_755_778_819_482_65e-11)))));
    match n & 3 {
        0 => s,
        1 => c,
        2 => -s,
        _ => -c,
    }
}

/// ln x for x > 0 (finite, normal), to about an ulp: x = m·2^e with m in
/// [√½, √2), ln m = 2·atanh((m − 1)/(m + 1)) by its series (|z| ≤ 0.172,
/// so twelve terms reach 1e-19), plus e·ln 2.
#[inline(never)]
pub fn ln(x: f64) -> f64 {
    let bits = x.to_bits();
    let mut e = ((bits >> 52) & 0x7ff) as i64 - 1023;
    let mut m = f64::from_bits((bits & ((1 << 52) - 1)) | (1023 << 52));
    if m > core::f64::consts::SQRT_2 {
        m *= 0.5;
        e += 1;
    }
    let z = (m - 1.0) / (m + 1.0);
    let (z2, mut term, mut sum) = (z * z, z, 0.0);
    for k in 0..12 {
        sum += term / f64::from(2 * k + 1);
        term *= z2;
    }
    2.0 * sum + e as f64 * core::f64::consts::LN_2
}

/// √x for x ≥ 0, correctly rounded as IEEE's (and wasm's) `f32.sqrt`,
/// which `core` lacks: Newton's method in f64 gets within an ulp, then the
/// midpoints to the neighbours, squared exactly in f64 (25-bit numbers),
/// pick the nearest f32 (√ of an f32 never lies on a midpoint).
pub fn sqrt(x: f32) -> f32 {
    if x <= 0.0 || x.is_nan() || x.is_infinite() {
        return x;
    }
    let x64 = f64::from(x);
    let mut y = f64::from(f32::from_bits((x.to_bits() >> 1) + 0x1fc0_0000));
    for _ in 0..6 {
        y = 0.5 * (y + x64 / y);
    }
    let mut r = y as f32;
    let mid_squared = |a: f32, b: f32| {
        let m = (f64::from(a) + f64::from(b)) * 0.5;
        m * m
    };
    while mid_squared(r, r.next_up()) < x64 {
        r = r.next_up();
    }
    while mid_squared(r, r.next_down()) > x64 {
        r = r.next_down();
    }
    r
}

#[cfg(test)]
mod tests {
    #[test]
    fn exp_neg_matches_std_to_a_few_ulps() {
        for i in 0..=700_000 {
            let x = -f64::from(i) / 1000.0;
            let (got, want) = (super::exp_neg(x), x.exp());
            assert!((got - want).abs() <= want * 2e-15, "exp({x}) = {got}, want {want}");
        }
        assert_eq!(super::exp_neg(-701.0), 0.0);
        assert_eq!(super::exp_neg(0.0), 1.0);
    }

    #[test]
    fn ln_matches_std() {
        for i in 1..=200_000 {
            let x = f64::from(i) / 100_000.0;
            let (got, want) = (super::ln(x), x.ln());
            assert!((got - want).abs() <= 4e-16 * want.abs().max(1.0), "ln({x}) = {got}, want {want}");
        }
    }

    #[test]
    fn sqrt_is_correctly_rounded() {
        let mut bits = 0u32;
        while bits < 0x7f80_0000 {
            let x = f32::from_bits(bits);
            assert_eq!(super::sqrt(x).to_bits(), x.sqrt().to_bits(), "sqrt({x})");
            bits += 997;
        }
        for c in 0..=255u8 {
            let x = f32::from(c) / 255.0;
            assert_eq!(super::sqrt(x), x.sqrt());
        }
    }

    #[test]
    fn sin_matches_std_to_two_ulps() {
        for i in -1_600_000..=1_600_000 {
            let x = f64::from(i) / 100_000.0;
            let (got, want) = (super::sin(x), x.sin());
            let ulp = f64::EPSILON * want.abs().max(f64::MIN_POSITIVE);
            // Near a zero of sin the reduction's own error (~1e-26) is what is left.
            assert!((got - want).abs() <= (2.0 * ulp).max(1e-25), "sin({x}) = {got}, want {want}");
        }
        let pi = core::f64::consts::PI;
        for k in -5..=5 {
            let x = f64::from(k) * pi;
            assert!((super::sin(x) - x.sin()).abs() <= 1e-25, "sin({k}π)");
        }
    }
}
