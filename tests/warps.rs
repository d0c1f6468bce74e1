//! `warp` in the module gives exactly the bytes of the scalar reference:
//! every filter, rotations, shears, perspectives (some looking past the
//! horizon), odd sizes, any background; bad filters and matrices refused.

use rawpx::warp::{self, Filter, Matrix};
use rawpx_wasm_tests::{Rawpx, Rng, SIZES, Status, assert_same_pixels};

fn run(rx: &mut Rawpx, src: &[u8], sw: u32, sh: u32, dw: u32, dh: u32, m: &Matrix, filter: u32, bg: u32) -> (i32, Vec<u8>) {
    let (s, d) = (rx.put(src), rx.alloc(dw * dh * 4));
    let bytes: Vec<u8> = m.iter().flat_map(|x| x.to_le_bytes()).collect();
    let mp = rx.put(&bytes);
    let status: i32 = rx.call("warp", (s, sw, sh, d, dw, dh, mp, filter, bg));
    let out = rx.read(d, (dw * dh * 4) as usize);
    (rx.free(s, src.len() as u32), rx.free(d, dw * dh * 4), rx.free(mp, 36));
    (status, out)
}

fn matrices(rng: &mut Rng, sw: u32, sh: u32) -> Vec<Matrix> {
    let (cx, cy) = (sw as f32 / 2.0, sh as f32 / 2.0);
    let mut all = vec![
        [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0],
        [0.0, 1.0, 0.0, -1.0, 0.0, sh as f32, 0.0, 0.0, 1.0],
        [0.866, 0.5, cx - 0.866 * cx - 0.5 * cy, -0.5, 0.866, cy + 0.5 * cx - 0.866 * cy, 0.0, 0.0, 1.0],
        [0.5, 0.3, -2.0, 0.1, 1.7, 1.5, 0.0, 0.0, 1.0],
        [1.0, 0.2, 0.0, 0.0, 1.0, 0.0, 0.02, 0.01, 1.0],
        [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, -0.3, 1.0],
    ];
    all.push(std::array::from_fn(|i| if i >= 6 { rng.f32(-0.05, 0.05) + if i == 8 { 1.0 } else { 0.0 } } else { rng.f32(-3.0, 3.0) }));
    all
}

#[test]
fn every_filter_equals_the_scalar_reference() {
    let mut rx = Rawpx::new();
    let mut rng = Rng(51);
    for &(sw, sh) in SIZES.iter().chain(&[(97, 61)]) {
        let src = rng.image(sw, sh);
        let (dw, dh) = (1 + (rng.next() % 40) as u32, 1 + (rng.next() % 30) as u32);
        for m in matrices(&mut rng, sw, sh) {
            for (code, filter) in [(0, Filter::Nearest), (2, Filter::Bilinear), (3, Filter::Bicubic)] {
                let bg = rng.next() as u32;
                let (status, got) = run(&mut rx, &src, sw, sh, dw, dh, &m, code, bg);
                assert_eq!(status, 0);
                let mut want = vec![0u8; got.len()];
                warp::scalar(&src, sw as usize, &mut want, dw as usize, &m, filter, bg);
                assert_same_pixels(&got, &want, None, format_args!("{filter:?} {m:?} {sw}×{sh} → {dw}×{dh}"));
            }
        }
    }
}

#[test]
fn bad_filters_matrices_and_sharing_are_refused() {
    let mut rx = Rawpx::new();
    let src = Rng(52).image(8, 4);
    let id = [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0];
    for filter in [1u32, 4, 5, u32::MAX] {
        assert_eq!(run(&mut rx, &src, 8, 4, 3, 2, &id, filter, 0).0, Status::InvalidArgument as i32, "filter {filter}");
    }
    for bad in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY] {
        let mut m = id;
        m[4] = bad;
        assert_eq!(run(&mut rx, &src, 8, 4, 3, 2, &m, 2, 0).0, Status::InvalidArgument as i32);
    }
    let s = rx.put(&src);
    let m = rx.put(&id.iter().flat_map(|x| x.to_le_bytes()).collect::<Vec<_>>());
    let before = rx.snapshot();
    assert_eq!(rx.call::<_, i32>("warp", (s, 8u32, 4u32, s + 4, 2u32, 2u32, m, 2u32, 0u32)), Status::Overlap as i32);
    assert!(rx.snapshot() == before);
}
