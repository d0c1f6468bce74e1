//! `composite` in the module gives exactly the bytes of the scalar
//! reference: every mode, opacities, offsets on every side (negative
//! included), odd sizes; and only the overlap changes.

use rawpx::composite;
use rawpx_wasm_tests::{Rawpx, Rng, SIZES, assert_same_pixels, in_place};

/// `src` (sw×sh) drawn onto `dst` (dw×dh) at (x, y) in the module, against
/// the crate's scalar path on the host: the same bytes.
#[allow(clippy::too_many_arguments)]
fn assert_same(rx: &mut Rawpx, dst: &[u8], dw: u32, dh: u32, src: &[u8], sw: u32, sh: u32, x: i32, y: i32, mode: u32, opacity: f32) {
    let s = rx.put(src);
    let what = format!("mode {mode}, opacity {opacity}, {sw}×{sh} at ({x}, {y}) onto {dw}×{dh}");
    let got = in_place(rx, dst, &what, |rx, d| rx.call("composite", (d, dw, dh, s, sw, sh, x, y, mode, opacity)));
    rx.free(s, src.len() as u32);
    let mut want = dst.to_vec();
    if let Some(at) = composite::Overlap::new(dw, dh, sw, sh, x, y) {
        composite::composite(&mut want, dw as usize, src, sw as usize, &at, mode, opacity);
    }
    assert_same_pixels(&got, &want, Some(dst), what);
}

#[test]
fn every_mode_equals_the_scalar_reference() {
    let mut rx = Rawpx::new();
    let mut rng = Rng(21);
    for mode in 0..composite::MODES {
        for (k, &(dw, dh)) in SIZES.iter().enumerate() {
            let (sw, sh) = SIZES[(k * 7 + mode as usize) % SIZES.len()];
            let (dst, src) = (rng.image(dw, dh), rng.image(sw, sh));
            let x = (rng.next() % (u64::from(dw + sw) + 1)) as i32 - sw as i32;
            let y = (rng.next() % (u64::from(dh + sh) + 1)) as i32 - sh as i32;
            for opacity in [1.0, 0.0, rng.f32(0.0, 1.0)] {
                assert_same(&mut rx, &dst, dw, dh, &src, sw, sh, x, y, mode, opacity);
            }
        }
        // Long rows, opaque and clear blocks among them, for the fast paths.
        let (mut dst, mut src) = (rng.image(301, 5), rng.image(203, 4));
        for (i, p) in src.chunks_exact_mut(4).enumerate() {
            p[3] = [255, 0, p[3]][i / 8 % 3];
        }
        for (i, p) in dst.chunks_exact_mut(4).enumerate() {
            if i % 13 == 0 {
                p.copy_from_slice(&[0, 0, 0, 0]);
            }
        }
        for (x, y) in [(0, 0), (50, 1), (-17, -1), (150, 2)] {
            for opacity in [1.0, 0.5] {
                assert_same(&mut rx, &dst, 301, 5, &src, 203, 4, x, y, mode, opacity);
            }
        }
    }
}

#[test]
fn every_colour_and_alpha_pair_equals_the_reference() {
    // 256 × 256 pixels: every (c, a) of the source over a grid of backdrops.
    let src: Vec<u8> = (0..=255u8)
        .flat_map(|a| (0..=255u8).flat_map(move |c| [c, 255 - c, c / 3, a]))
        .collect();
    let dst: Vec<u8> = (0..256 * 256u32)
        .flat_map(|i| {
            [
                (i * 7) as u8,
                (i / 3) as u8,
                (i % 251) as u8,
                (i * 13 / 7) as u8,
            ]
        })
        .collect();
    let mut rx = Rawpx::new();
    for mode in 0..composite::MODES {
        assert_same(&mut rx, &dst, 256, 256, &src, 256, 256, 0, 0, mode, 1.0);
    }
}
