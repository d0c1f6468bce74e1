//! The little floating-point maths the kernels' set-up needs, without libm:
//! `core` has no `exp`, and libm's would cost kilobytes.

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
}
