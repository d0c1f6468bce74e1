//! `resize` in the module against Pillow's own `Image.resize` (golden
//! outputs written by tests/pillow/goldens.py with the pinned Pillow), and
//! against the crate's scalar kernels bit for bit.

use rawpx_wasm_tests::resample::{self, Filter};
use rawpx_wasm_tests::{Rawpx, Rng, SCRATCH_IMAGE, SIZES, ScratchCall, assert_out_of_memory_writes_only_bookkeeping};
use std::path::PathBuf;

const NAMES: [&str; 5] = ["nearest", "box", "bilinear", "bicubic", "lanczos3"];

struct Case {
    name: String,
    src: Vec<u8>,
    size: [u32; 4],
    pillow: Vec<Vec<u8>>,
}

/// The cases of `RAWPX_GOLDENS`, or of the file `make` writes.
fn goldens() -> Vec<Case> {
    let path = std::env::var_os("RAWPX_GOLDENS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("out/pillow/goldens.bin"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e} (run `make test`)", path.display()));
    assert_eq!(&bytes[..4], b"RPXG");
    let mut at = 8;
    let mut take = |n: usize| {
        at += n;
        &bytes[at - n..at]
    };
    let u32 = |b: &[u8]| u32::from_le_bytes(b.try_into().unwrap());
    let count = u32(&bytes[4..8]);
    (0..count)
        .map(|_| {
            let len = take(1)[0] as usize;
            let name = String::from_utf8(take(len).to_vec()).unwrap();
            let size: [u32; 4] = core::array::from_fn(|_| u32(take(4)));
            let [sw, sh, dw, dh] = size.map(|n| n as usize);
            let src = take(4 * sw * sh).to_vec();
            let pillow = (0..5).map(|_| take(4 * dw * dh).to_vec()).collect();
            Case { name, src, size, pillow }
        })
        .collect()
}

fn premultiplied(p: &[u8]) -> [i32; 4] {
    let a = u32::from(p[3]);
    [0, 1, 2].map(|c| ((u32::from(p[c]) * a + 127) / 255) as i32).into_iter().chain([a as i32]).collect::<Vec<_>>().try_into().unwrap()
}

/// Nearest: each pixel is the source pixel ⌊(x + ½)·sw/dw⌋ (docs/abi.md), where
/// at an exact tie either neighbour may be taken; Pillow's pick is one of
/// them too (it sums sw/dw step by step, and lands either side of a tie).
fn nearest_ok(case: &Case, got: &[u8]) {
    let [sw, sh, dw, dh] = case.size.map(|n| n as usize);
    let picks = |x: usize, n_in: usize, n_out: usize| {
        let at = (2 * x + 1) * n_in;
        let tie = at % (2 * n_out) == 0 && at > 0;
        [Some(at / (2 * n_out)), tie.then(|| at / (2 * n_out) - 1)].into_iter().flatten().collect::<Vec<_>>()
    };
    let mut ties = 0;
    for y in 0..dh {
        for x in 0..dw {
            let at = 4 * (y * dw + x);
            let (xs, ys) = (picks(x, sw, dw), picks(y, sh, dh));
            let allowed: Vec<&[u8]> = ys.iter().flat_map(|&sy| xs.iter().map(move |&sx| &case.src[4 * (sy * sw + sx)..][..4])).collect();
            let (g, w) = (&got[at..at + 4], &case.pillow[0][at..at + 4]);
            assert_eq!(g, allowed[0], "{} nearest ({x}, {y})", case.name);
            assert!(allowed.contains(&w), "{} nearest ({x}, {y}): Pillow's pick is neither neighbour", case.name);
            ties += usize::from(g != w);
        }
    }
    if ties > 0 {
        println!("{}: nearest took the other neighbour from Pillow's at {ties} exact ties", case.name);
    }
}

/// Runs `resize` in the module and returns the output.
fn resize(rx: &mut Rawpx, src: u32, [sw, sh, dw, dh]: [u32; 4], filter: u32) -> Vec<u8> {
    let len = (dw * dh * 4) as usize;
    let dst = rx.alloc(len as u32);
    assert_eq!(rx.call::<_, i32>("resize", (src, sw, sh, dst, dw, dh, filter)), 0);
    let out = rx.read(dst, len);
    rx.free(dst, len as u32);
    out
}

#[test]
fn resize_matches_pillow_on_every_filter() {
    let mut rx = Rawpx::new();
    // Per filter: bytes compared, bytes equal to Pillow's, largest difference.
    let mut stats = [(0usize, 0usize, 0i32); 5];
    for case in goldens() {
        let opaque = case.src.chunks(4).all(|p| p[3] == 255);
        let src = rx.put(&case.src);
        for (f, want) in case.pillow.iter().enumerate() {
            let got = resize(&mut rx, src, case.size, f as u32);
            let (n, same, worst) = &mut stats[f];
            *n += got.len();
            *same += got.iter().zip(want).filter(|(a, b)| a == b).count();
            if f == 0 {
                nearest_ok(&case, &got);
                continue;
            }
            for (i, (g, w)) in got.chunks(4).zip(want.chunks(4)).enumerate() {
                // docs/abi.md: 1 per channel on opaque images, 2 on premultiplied
                // values with alpha.
                let (d, bound) = if opaque {
                    (g.iter().zip(w).map(|(a, b)| (i32::from(*a) - i32::from(*b)).abs()).max().unwrap(), 1)
                } else {
                    let (g, w) = (premultiplied(g), premultiplied(w));
                    (g.iter().zip(w).map(|(a, b)| (a - b).abs()).max().unwrap(), 2)
                };
                *worst = (*worst).max(d);
                assert!(d <= bound, "{} {}: pixel {i}: {g:?}, Pillow {w:?}", case.name, NAMES[f]);
            }
        }
        rx.free(src, case.src.len() as u32);
    }
    for (f, (n, same, worst)) in stats.iter().enumerate() {
        println!("{:>9}: {same}/{n} bytes equal to Pillow's, largest difference {worst}", NAMES[f]);
    }
}

/// The scalar kernels on the host, as the module runs them without SIMD128.
fn scalar(src: &[u8], [sw, sh, dw, dh]: [u32; 4], filter: u32) -> Vec<u8> {
    let mut out = vec![0; (dw * dh * 4) as usize];
    let [sw, sh, dw, dh] = [sw, sh, dw, dh].map(|n| n as usize);
    resample::resize(src, sw, sh, &mut out, dw, dh, Filter::from_code(filter).unwrap()).unwrap();
    out
}

#[test]
fn resize_equals_the_scalar_kernels_on_every_size_class() {
    let mut rx = Rawpx::new();
    let mut rng = Rng(41);
    let extreme = [[4096, 2, 1, 2], [2, 4096, 2, 1], [1, 1, 4096, 3], [3, 1, 2, 4096], [1000, 999, 7, 1001]];
    let sizes = SIZES.iter().flat_map(|&(w, h)| {
        // Down, up, one axis only, a ratio just off 1, halving and doubling.
        [
            [w, h, w.div_ceil(3), h.div_ceil(2)],
            [w, h, 2 * w + 3, 3 * h + 1],
            [w, h, w + 5, h],
            [w, h, w, h + 1],
            [w, h, w.div_ceil(2), h.div_ceil(2)],
            [w, h, 2 * w, 2 * h],
        ]
    });
    for size in sizes.chain(extreme) {
        let [sw, sh, ..] = size;
        let px = rng.image(sw, sh);
        let src = rx.put(&px);
        for filter in 0..5 {
            let got = resize(&mut rx, src, size, filter);
            assert!(got == scalar(&px, size, filter), "{size:?} {}", NAMES[filter as usize]);
        }
        assert_eq!(rx.read(src, px.len()), px, "the source is untouched");
        rx.free(src, px.len() as u32);
    }
}

#[test]
fn out_of_memory_leaves_the_output_as_it_was_and_is_not_sticky() {
    let mut rx = Rawpx::with_memory_limit(2 << 20);
    let mut rng = Rng(42);
    let size = [64, 48, 37, 29];
    let px = rng.image(64, 48);
    let src = rx.put(&px);
    let before = rng.bytes(37 * 29 * 4);
    let dst = rx.put(&before);
    let fillers = rx.fill_memory();
    for filter in 0..5 {
        let [sw, sh, dw, dh] = size;
        assert_eq!(rx.call::<_, i32>("resize", (src, sw, sh, dst, dw, dh, filter)), -3, "{}", NAMES[filter as usize]);
        assert!(rx.read(dst, before.len()) == before, "{} wrote, then ran out of memory", NAMES[filter as usize]);
    }
    rx.free_all(fillers);
    for filter in 0..5 {
        assert_eq!(resize(&mut rx, src, size, filter), scalar(&px, size, filter));
    }
}

#[test]
fn repeated_resizes_do_not_grow_memory() {
    let mut rx = Rawpx::new();
    let px = Rng(43).image(500, 300);
    let src = rx.put(&px);
    let mut sizes = Vec::new();
    for _ in 0..5 {
        for (filter, size) in (0..5).flat_map(|f| [[500, 300, 123, 77], [500, 300, 1000, 301]].map(|s| (f, s))) {
            resize(&mut rx, src, size, filter);
        }
        sizes.push(rx.memory_size());
    }
    assert!(sizes.windows(2).all(|w| w[0] == w[1]), "memory grew: {sizes:?}");
}

#[test]
fn out_of_memory_at_any_point_writes_nothing_but_bookkeeping() {
    let (w, h) = SCRATCH_IMAGE;
    let mut calls: Vec<(String, ScratchCall)> = Vec::new();
    for f in 0..5u32 {
        for (dw, dh) in [(37u32, 29u32), (200, 130), (96, 20), (30, 64)] {
            calls.push((format!("resize {} to {dw}×{dh}", NAMES[f as usize]), Box::new(move |rx, src, dst, _| rx.call("resize", (src, w, h, dst, dw, dh, f)))));
        }
    }
    assert_out_of_memory_writes_only_bookkeeping(&calls);
}

/// `resize_band` and `resize_linear_band`, on three strips of output rows,
/// each from only the source rows `Band::reads` says (as the pool sends
/// them), give the rows of `resize` and `resize_linear`, byte for byte; a
/// strip one source row short at either end is refused, untouched.
#[test]
fn bands_give_the_whole_resize_rows_from_only_the_rows_they_read() {
    let mut rx = Rawpx::new();
    let mut rng = Rng(43);
    let sizes = SIZES.iter().flat_map(|&(w, h)| [[w, h, w.div_ceil(3), h.div_ceil(2) + 1], [w, h, 2 * w + 3, 3 * h + 2], [w, h, w + 5, h]]);
    for size in sizes.chain([[5, 300, 4, 7], [3, 7, 3, 7], [9, 2, 4, 5]]) {
        let [sw, sh, dw, dh] = size;
        let px = rng.image(sw, sh);
        let src = rx.put(&px);
        // The linear pair where the module under test has it (not the resize-only subset).
        let pairs = [("resize", "resize_band"), ("resize_linear", "resize_linear_band")];
        for (whole, band) in pairs.into_iter().filter(|(_, band)| rawpx_wasm_tests::exports::names().any(|n| n == *band)) {
            for filter in 0..5u32 {
                let len = dw * dh * 4;
                let dst = rx.alloc(len);
                assert_eq!(rx.call::<_, i32>(whole, (src, sw, sh, dst, dw, dh, filter)), 0);
                let want = rx.read(dst, len as usize);
                rx.free(dst, len);
                let strip = dh.div_ceil(3);
                for first in (0..dh).step_by(strip as usize) {
                    let n = strip.min(dh - first);
                    let wanted = resample::Band { sh: sh as usize, top: 0, dh: dh as usize, first: first as usize };
                    let (top, end) = wanted.reads(Filter::from_code(filter).unwrap(), n as usize);
                    let rows = |from: usize, to: usize| px[4 * sw as usize * from..4 * sw as usize * to].to_vec();
                    let what = format!("{band} {size:?} filter {filter} rows {first}+{n} from {top}..{end}");
                    let out = rx.alloc(dw * n * 4);
                    let call = |rx: &mut Rawpx, from: usize, to: usize| {
                        let part = rx.put(&rows(from, to));
                        let args = (part, sw, (to - from) as u32, out, dw, n, filter, from as u32, first, sh, dh);
                        let code = rx.call::<_, i32>(band, args);
                        rx.free(part, (to - from) as u32 * sw * 4);
                        code
                    };
                    assert_eq!(call(&mut rx, top, end), 0, "{what}");
                    assert!(rx.read(out, (dw * n * 4) as usize) == want[(dw * first * 4) as usize..][..(dw * n * 4) as usize], "{what}");
                    let before = rx.read(out, (dw * n * 4) as usize);
                    for (from, to) in [(top + 1, end), (top, end - 1)] {
                        if from < to {
                            assert_eq!(call(&mut rx, from, to), -1, "{what}, given only {from}..{to}");
                            assert_eq!(rx.read(out, (dw * n * 4) as usize), before, "{what}: refused, untouched");
                        }
                    }
                    rx.free(out, dw * n * 4);
                }
            }
        }
        rx.free(src, px.len() as u32);
    }
}
