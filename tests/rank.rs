//! The rank group in the module: every export gives exactly the bytes of
//! the crate's host references on odd sizes and radii 1..7, 30 and 100;
//! the morphology and median against Pillow's MinFilter, MaxFilter and
//! MedianFilter (goldens from tests/pillow/rank.py); all scratch reserved
//! before the first write; memory flat over repeated calls.

use rawpx::rank;
use rawpx_wasm_tests::{
    Rawpx, Rng, SCRATCH_IMAGE, SIZES, ScratchCall, assert_memory_flat, assert_out_of_memory_writes_only_bookkeeping, assert_same_pixels,
    in_place,
};
use std::path::PathBuf;

#[derive(Clone, Copy, Debug)]
enum Rank {
    Median(u32),
    Erode(u32),
    Dilate(u32),
    Sobel(f32),
}

impl Rank {
    fn name(self) -> &'static str {
        match self {
            Rank::Median(_) => "median",
            Rank::Erode(_) => "erode",
            Rank::Dilate(_) => "dilate",
            Rank::Sobel(_) => "sobel",
        }
    }

    fn reference(self, px: &mut [u8], w: u32) {
        let w = w as usize;
        match self {
            Rank::Median(r) => rank::median::sliding(px, w, r as usize),
            Rank::Erode(r) => rank::morphology::filter::<[u8; 16]>(px, w, r as usize, false),
            Rank::Dilate(r) => rank::morphology::filter::<[u8; 16]>(px, w, r as usize, true),
            Rank::Sobel(s) => rank::sobel::scalar(px, w, s),
        }
        .expect("the host has the scratch");
    }

    fn run(self, rx: &mut Rawpx, ptr: u32, w: u32, h: u32) -> i32 {
        match self {
            Rank::Median(r) | Rank::Erode(r) | Rank::Dilate(r) => rx.call(self.name(), (ptr, w, h, r)),
            Rank::Sobel(s) => rx.call("sobel", (ptr, w, h, s)),
        }
    }
}

fn assert_same(rx: &mut Rawpx, op: Rank, px: &[u8], w: u32, h: u32) {
    let got = in_place(rx, px, format_args!("{op:?} on {w}×{h}"), |rx, ptr| op.run(rx, ptr, w, h));
    let mut want = px.to_vec();
    op.reference(&mut want, w);
    assert_same_pixels(&got, &want, Some(px), format_args!("{op:?} on {w}×{h}"));
}

#[test]
fn every_rank_op_equals_the_reference() {
    let mut rx = Rawpx::new();
    let mut rng = Rng(41);
    let radii = [1, 2, 3, 4, 5, 6, 7, 30, 100];
    for &(w, h) in SIZES.iter().chain(&[(131, 37)]) {
        let px = rng.image(w, h);
        for r in radii {
            for op in [Rank::Median(r), Rank::Erode(r), Rank::Dilate(r)] {
                assert_same(&mut rx, op, &px, w, h);
            }
        }
        for s in [0.0, 0.25, 1.0, 3.7, 100.0] {
            assert_same(&mut rx, Rank::Sobel(s), &px, w, h);
        }
    }
    let px = rng.image(1000, 9);
    for op in [Rank::Median(1), Rank::Median(5), Rank::Erode(1000), Rank::Dilate(15), Rank::Sobel(1.0)] {
        assert_same(&mut rx, op, &px, 1000, 9);
    }
}

/// Pillow's results (tests/pillow/rank.py): per case the name, size, source
/// and for each filter size (3, 5, 11, 61) MedianFilter, MinFilter and
/// MaxFilter.
#[test]
fn median_erode_and_dilate_give_pillows_bytes() {
    let path = std::env::var_os("RAWPX_RANK_GOLDENS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("out/pillow/rank.bin"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e} (make tests/out/pillow/rank.bin)", path.display()));
    assert_eq!(&bytes[..4], b"RPXR");
    let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap());
    let (cases, mut at) = (u32_at(4), 8);
    let mut rx = Rawpx::new();
    let mut compared = 0;
    for _ in 0..cases {
        let n = bytes[at] as usize;
        let name = String::from_utf8_lossy(&bytes[at + 1..at + 1 + n]).into_owned();
        at += 1 + n;
        let (w, h) = (u32_at(at), u32_at(at + 4));
        at += 8;
        let len = (w * h * 4) as usize;
        let src = bytes[at..at + len].to_vec();
        at += len;
        for size in [3u32, 5, 11, 61] {
            for op in [Rank::Median(size / 2), Rank::Erode(size / 2), Rank::Dilate(size / 2)] {
                let want = &bytes[at..at + len];
                at += len;
                let got = in_place(&mut rx, &src, format_args!("{name} {w}×{h}, {op:?}"), |rx, ptr| op.run(rx, ptr, w, h));
                assert_same_pixels(&got, want, Some(&src), format_args!("{name} {w}×{h}, {op:?} against Pillow"));
                compared += 1;
            }
        }
    }
    assert!(compared >= 36, "{compared} comparisons");
}

#[test]
fn out_of_memory_writes_nothing_but_bookkeeping() {
    let (w, h) = SCRATCH_IMAGE;
    let mut calls: Vec<(String, ScratchCall)> = Vec::new();
    for op in [Rank::Median(1), Rank::Median(4), Rank::Erode(3), Rank::Dilate(200), Rank::Sobel(1.0)] {
        calls.push((format!("{op:?}"), Box::new(move |rx: &mut Rawpx, src, _, _| op.run(rx, src, w, h))));
    }
    assert_out_of_memory_writes_only_bookkeeping(&calls);
}

#[test]
fn repeated_rank_ops_do_not_grow_memory() {
    let mut rx = Rawpx::new();
    let (w, h) = (300, 200);
    let px = Rng(42).image(w, h);
    let ops = [Rank::Median(1), Rank::Median(3), Rank::Erode(5), Rank::Dilate(40), Rank::Sobel(2.0)];
    assert_memory_flat(&mut rx, &px, 4, |rx, ptr| {
        for op in ops {
            assert_eq!(op.run(rx, ptr, w, h), 0);
        }
    });
}
