//! The neighbourhood filters in the module give exactly the bytes of the
//! crate's scalar path, reserve their scratch before writing (OUT_OF_MEMORY
//! leaves the image as it was), and do not grow memory once warmed up.

use rawpx_wasm_tests::{
    Filter, Rawpx, Rng, SCRATCH_IMAGE, SIZES, ScratchCall, assert_memory_flat, assert_out_of_memory_writes_only_bookkeeping,
    assert_same_pixels, in_place,
};

fn assert_same(rx: &mut Rawpx, filter: &Filter, px: &[u8], w: u32, h: u32) {
    let what = format!("{} {filter:?} on {w}×{h}", filter.name());
    let got = in_place(rx, px, &what, |rx, ptr| filter.run(rx, ptr, w, h));
    let mut want = px.to_vec();
    filter.reference(&mut want, w);
    assert_same_pixels(&got, &want, Some(px), what);
}

/// `rng.image` with every alpha set to 255.
fn opaque(rng: &mut Rng, w: u32, h: u32) -> Vec<u8> {
    let mut px = rng.image(w, h);
    px.chunks_exact_mut(4).for_each(|p| p[3] = 255);
    px
}

#[test]
fn every_filter_equals_the_scalar_path_on_every_size() {
    let mut rx = Rawpx::new();
    let mut rng = Rng(11);
    let filters = Filter::all(&mut rng);
    for &(w, h) in SIZES {
        for px in [rng.image(w, h), opaque(&mut rng, w, h)] {
            for filter in &filters {
                assert_same(&mut rx, filter, &px, w, h);
            }
        }
    }
}

#[test]
fn every_filter_equals_the_scalar_path_on_larger_images() {
    let mut rx = Rawpx::new();
    let mut rng = Rng(12);
    let filters = Filter::all(&mut rng);
    for (w, h) in [(301, 67), (64, 200)] {
        // Smooth with soft alpha edges, like a photo cut-out.
        let px: Vec<u8> = (0..w * h)
            .flat_map(|i| {
                let (x, y) = (i % w, i / w);
                let a = (x * 9).min(255).min((w - x) * 9).min(y * 7);
                [(x * 255 / w) as u8, (y * 255 / h) as u8, (rng.next() % 32 + 100) as u8, a as u8]
            })
            .collect();
        for filter in &filters {
            assert_same(&mut rx, filter, &px, w, h);
        }
    }
}

#[test]
fn random_parameters_equal_the_scalar_path() {
    let mut rx = Rawpx::new();
    let mut rng = Rng(13);
    for _ in 0..60 {
        let (w, h) = (1 + rng.next() as u32 % 40, 1 + rng.next() as u32 % 40);
        let px = rng.image(w, h);
        let size = 1 + 2 * (rng.next() % 8) as usize;
        for filter in [
            Filter::GaussianBlur(rng.f32(0.0, 100.0).max(1e-6)),
            Filter::BoxBlur(1 + (rng.next() % 1000) as u32),
            Filter::TripleBox(rng.f32(0.0, 135.0).max(1e-6), rng.next() % 2 == 0),
            Filter::Sharpen(rng.f32(0.0, 20.0).max(1e-6), rng.f32(0.0, 100.0), (rng.next() % 256) as u32),
            Filter::Convolve((0..size * size).map(|_| rng.f32(-50.0, 50.0)).collect(), rng.f32(-300.0, 300.0)),
        ] {
            assert_same(&mut rx, &filter, &px, w, h);
        }
    }
}

#[test]
fn out_of_memory_leaves_the_image_as_it_was_and_is_not_sticky() {
    let mut rx = Rawpx::with_memory_limit(2 << 20);
    let mut rng = Rng(14);
    let (w, h) = (64, 48);
    let px = rng.image(w, h);
    let ptr = rx.put(&px);
    let filters = Filter::all(&mut rng);
    // Convolve's weights are the caller's: placed before memory fills up.
    let kernels: Vec<Option<(u32, u32)>> = filters
        .iter()
        .map(|f| match f {
            Filter::Convolve(k, _) => {
                Some((rx.put(&k.iter().flat_map(|x| x.to_le_bytes()).collect::<Vec<_>>()), k.len().isqrt() as u32))
            }
            _ => None,
        })
        .collect();
    let fillers = rx.fill_memory();
    for (filter, kernel) in filters.iter().zip(&kernels) {
        let status = match (filter, kernel) {
            (Filter::Convolve(_, bias), Some((k, size))) => rx.call("convolve", (ptr, w, h, *k, *size, *bias)),
            // Too small a σ to blur needs no scratch.
            (Filter::GaussianBlur(s), _) if *s < 0.2 => continue,
            (Filter::TripleBox(s, _), _) if *s < 0.79 => continue,
            _ => filter.run(&mut rx, ptr, w, h),
        };
        assert_eq!(status, -3, "{filter:?} with memory full");
        assert_eq!(rx.read(ptr, px.len()), px, "{filter:?} wrote to the image, then ran out of memory");
    }
    rx.free_all(fillers);
    for filter in &filters {
        assert_eq!(filter.run(&mut rx, ptr, w, h), 0, "{filter:?} after memory was freed");
    }
}

#[test]
fn repeated_filters_do_not_grow_memory() {
    let mut rx = Rawpx::new();
    let mut rng = Rng(15);
    let (w, h) = (500, 300);
    let px = rng.image(w, h);
    let filters = Filter::all(&mut rng);
    assert_memory_flat(&mut rx, &px, 5, |rx, ptr| {
        for filter in &filters {
            assert_eq!(filter.run(rx, ptr, w, h), 0);
        }
    });
}

#[test]
fn out_of_memory_at_any_point_writes_nothing_but_bookkeeping() {
    let (w, h) = SCRATCH_IMAGE;
    let mut calls: Vec<(String, ScratchCall)> = Vec::new();
    for sigma in [0.5f32, 2.0, 10.0, 41.0] {
        calls.push((format!("gaussian_blur σ {sigma}"), Box::new(move |rx, src, _, _| rx.call("gaussian_blur", (src, w, h, sigma)))));
        calls.push((format!("sharpen σ {sigma}"), Box::new(move |rx, src, _, _| rx.call("sharpen", (src, w, h, sigma, 2.0f32, 1u32)))));
    }
    for r in [1u32, 10, 1000] {
        calls.push((format!("box_blur r {r}"), Box::new(move |rx, src, _, _| rx.call("box_blur", (src, w, h, r)))));
    }
    for (sigma, edges) in [(2.0f32, 0u32), (10.0, 1), (135.0, 0)] {
        calls.push((format!("triple_box_blur σ {sigma}"), Box::new(move |rx, src, _, _| rx.call("triple_box_blur", (src, w, h, sigma, edges)))));
    }
    for size in [3u32, 15] {
        calls.push((format!("convolve {size}"), Box::new(move |rx, src, _, k| rx.call("convolve", (src, w, h, k, size, 0.5f32)))));
    }
    assert_out_of_memory_writes_only_bookkeeping(&calls);
}
