//! The linear-light exports in the module give exactly the bytes of the
//! scalar references (odd sizes, every filter, σ across its range); all
//! scratch is reserved before the first write; memory stays flat.

use rawpx::linear;
use rawpx::resample::Filter;
use rawpx_wasm_tests::{
    Rawpx, Rng, SCRATCH_IMAGE, SIZES, ScratchCall, assert_memory_flat, assert_out_of_memory_writes_only_bookkeeping, assert_same_pixels,
    in_place,
};

const FILTERS: [(u32, Filter); 5] = [(0, Filter::Nearest), (1, Filter::Box), (2, Filter::Bilinear), (3, Filter::Bicubic), (4, Filter::Lanczos3)];

#[test]
fn resize_linear_equals_the_reference() {
    let mut rx = Rawpx::new();
    let mut rng = Rng(61);
    for &(sw, sh) in SIZES.iter().chain(&[(131, 67)]) {
        let src = rng.image(sw, sh);
        for &(dw, dh) in &[(1, 1), (sw, sh), (sw.div_ceil(3), sh + 5), (sw * 2 + 1, sh.div_ceil(2)), (17, 9)] {
            for (code, filter) in FILTERS {
                let (s, d) = (rx.put(&src), rx.alloc(dw * dh * 4));
                assert_eq!(rx.call::<_, i32>("resize_linear", (s, sw, sh, d, dw, dh, code)), 0);
                let got = rx.read(d, (dw * dh * 4) as usize);
                (rx.free(s, src.len() as u32), rx.free(d, dw * dh * 4));
                let mut want = vec![0u8; got.len()];
                linear::resize_with::<[f32; 4]>(&src, sw as usize, &mut want, dw as usize, rawpx_wasm_tests::resample::Band::whole(sh as usize, dh as usize), filter).unwrap();
                assert_same_pixels(&got, &want, None, format_args!("{filter:?} {sw}×{sh} → {dw}×{dh}"));
            }
        }
    }
}

#[test]
fn gaussian_blur_linear_equals_the_reference() {
    let mut rx = Rawpx::new();
    let mut rng = Rng(62);
    for &(w, h) in SIZES.iter().chain(&[(211, 13)]) {
        let px = rng.image(w, h);
        for sigma in [0.1, 0.5, 1.0, 2.0, 3.7, 10.0, 41.0] {
            let what = format!("σ {sigma} on {w}×{h}");
            let got = in_place(&mut rx, &px, &what, |rx, p| rx.call("gaussian_blur_linear", (p, w, h, sigma)));
            let mut want = px.clone();
            linear::blur_with::<[f32; 4]>(&mut want, w as usize, sigma).unwrap();
            assert_same_pixels(&got, &want, Some(&px), what);
        }
    }
}

#[test]
fn out_of_memory_writes_nothing_but_bookkeeping() {
    let (w, h) = SCRATCH_IMAGE;
    let mut calls: Vec<(String, ScratchCall)> = Vec::new();
    for sigma in [0.7f32, 5.0, 30.0] {
        calls.push((format!("gaussian_blur_linear σ {sigma}"), Box::new(move |rx: &mut Rawpx, src, _, _| rx.call("gaussian_blur_linear", (src, w, h, sigma)))));
    }
    for (code, (dw, dh)) in [(4u32, (200u32, 130u32)), (2, (31, 20)), (1, (200, 7))] {
        calls.push((format!("resize_linear {code} to {dw}×{dh}"), Box::new(move |rx: &mut Rawpx, src, dst, _| rx.call("resize_linear", (src, w, h, dst, dw, dh, code)))));
    }
    assert_out_of_memory_writes_only_bookkeeping(&calls);
}

#[test]
fn repeated_calls_do_not_grow_memory() {
    let mut rx = Rawpx::new();
    let (w, h) = (300, 200);
    let px = Rng(63).image(w, h);
    let out = rx.alloc(150 * 100 * 4);
    assert_memory_flat(&mut rx, &px, 4, |rx, ptr| {
        assert_eq!(rx.call::<_, i32>("gaussian_blur_linear", (ptr, w, h, 2.5f32)), 0);
        assert_eq!(rx.call::<_, i32>("resize_linear", (ptr, w, h, out, 150u32, 100u32, 4u32)), 0);
    });
}
