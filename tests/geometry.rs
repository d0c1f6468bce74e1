//! crop, rotate and the flips in the module give exactly the bytes of the
//! crate's scalar kernels, on every size class.

use rawpx_wasm_tests::{Rawpx, Rng, SIZES, geometry};

/// Every size class, and a few with many whole 4×4 tiles and ragged edges.
fn sizes() -> impl Iterator<Item = (u32, u32)> {
    SIZES.iter().copied().chain([(64, 48), (67, 45), (101, 7), (8, 203)])
}

#[test]
fn rotate_equals_the_scalar_kernel_for_every_turn() {
    let mut rx = Rawpx::new();
    let mut rng = Rng(21);
    for (w, h) in sizes() {
        let px = rng.image(w, h);
        let src = rx.put(&px);
        let dst = rx.alloc(px.len() as u32);
        for turns in 0..4u32 {
            assert_eq!(rx.call::<_, i32>("rotate", (src, w, h, dst, turns)), 0);
            let mut want = vec![0; px.len()];
            geometry::rotate::scalar(&px, w as usize, &mut want, turns);
            assert!(rx.read(dst, px.len()) == want, "rotate {w}×{h} by {turns}");
        }
        assert_eq!(rx.read(src, px.len()), px, "the source is untouched");
        rx.free(src, px.len() as u32);
        rx.free(dst, px.len() as u32);
    }
}

#[test]
fn flips_equal_the_scalar_kernels() {
    let mut rx = Rawpx::new();
    let mut rng = Rng(22);
    for (w, h) in sizes() {
        let px = rng.image(w, h);
        for (name, kernel) in [
            ("flip_horizontal", geometry::flip::horizontal_scalar as fn(&mut [u8], usize)),
            ("flip_vertical", geometry::flip::vertical_scalar),
        ] {
            let ptr = rx.put(&px);
            assert_eq!(rx.call::<_, i32>(name, (ptr, w, h)), 0);
            let mut want = px.clone();
            kernel(&mut want, w as usize);
            assert!(rx.read(ptr, px.len()) == want, "{name} {w}×{h}");
            rx.free(ptr, px.len() as u32);
        }
    }
}

#[test]
fn crop_equals_the_scalar_kernel_on_random_rectangles() {
    let mut rx = Rawpx::new();
    let mut rng = Rng(23);
    for (w, h) in sizes() {
        let px = rng.image(w, h);
        let src = rx.put(&px);
        for _ in 0..8 {
            let (x, y) = (rng.next() as u32 % w, rng.next() as u32 % h);
            let (cw, ch) = (1 + rng.next() as u32 % (w - x), 1 + rng.next() as u32 % (h - y));
            let len = (cw * ch * 4) as usize;
            let dst = rx.alloc(len as u32);
            assert_eq!(rx.call::<_, i32>("crop", (src, w, h, x, y, cw, ch, dst)), 0);
            let mut want = vec![0; len];
            geometry::crop::crop(&px, w as usize, x as usize, y as usize, cw as usize, &mut want);
            assert_eq!(rx.read(dst, len), want, "crop {cw}×{ch} at ({x}, {y}) of {w}×{h}");
            rx.free(dst, len as u32);
        }
        rx.free(src, px.len() as u32);
    }
}
