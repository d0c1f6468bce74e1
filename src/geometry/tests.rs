//! The geometry kernels against their definitions, on random images of odd
//! sizes: exact.

use super::*;
use proptest::prelude::*;
use std::vec::Vec;

fn image() -> impl Strategy<Value = (Vec<u8>, usize)> {
    (1usize..23, 1usize..23).prop_flat_map(|(w, h)| (proptest::collection::vec(any::<u8>(), w * h * 4), Just(w)))
}

fn pixel(px: &[u8], w: usize, x: usize, y: usize) -> &[u8] {
    &px[4 * (y * w + x)..][..4]
}

proptest! {
    #[test]
    fn rotate_moves_each_pixel_where_the_turn_takes_it((px, w) in image(), turns in 0u32..4) {
        let h = px.len() / 4 / w;
        let mut out = std::vec![0; px.len()];
        rotate::scalar(&px, w, &mut out, turns);
        let dw = if turns % 2 == 1 { h } else { w };
        for y in 0..h {
            for x in 0..w {
                // Clockwise: (x, y) -> (h-1-y, x); then again for each turn.
                let (mut cx, mut cy, mut cw, mut ch) = (x, y, w, h);
                for _ in 0..turns {
                    (cx, cy, cw, ch) = (ch - 1 - cy, cx, ch, cw);
                }
                prop_assert_eq!(pixel(&out, dw, cx, cy), pixel(&px, w, x, y));
                prop_assert_eq!((cw, ch), (dw, px.len() / 4 / dw));
            }
        }
    }

    #[test]
    fn flips_mirror_and_undo_themselves((px, w) in image()) {
        let h = px.len() / 4 / w;
        let (mut hz, mut vt) = (px.clone(), px.clone());
        flip::horizontal_scalar(&mut hz, w);
        flip::vertical_scalar(&mut vt, w);
        for y in 0..h {
            for x in 0..w {
                prop_assert_eq!(pixel(&hz, w, w - 1 - x, y), pixel(&px, w, x, y));
                prop_assert_eq!(pixel(&vt, w, x, h - 1 - y), pixel(&px, w, x, y));
            }
        }
        // Both flips are the half turn.
        let mut half = std::vec![0; px.len()];
        rotate::scalar(&px, w, &mut half, 2);
        flip::vertical_scalar(&mut hz, w);
        prop_assert_eq!(&hz, &half);
    }

    #[test]
    fn crop_copies_the_rectangle((px, w) in image(), a in any::<(u8, u8, u8, u8)>()) {
        let h = px.len() / 4 / w;
        let (x, y) = (a.0 as usize % w, a.1 as usize % h);
        let (cw, ch) = (1 + a.2 as usize % (w - x), 1 + a.3 as usize % (h - y));
        let mut out = std::vec![0; cw * ch * 4];
        crop::crop(&px, w, x, y, cw, &mut out);
        for r in 0..ch {
            for c in 0..cw {
                prop_assert_eq!(pixel(&out, cw, c, r), pixel(&px, w, x + c, y + r));
            }
        }
    }
}
