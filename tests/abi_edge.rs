//! Every bad-argument path of every export returns its status code, does not
//! trap, and leaves all of linear memory as it was.

use rawpx_wasm_tests::{Rawpx, Rng, Status};

const W: u32 = 8;
const H: u32 = 4;
const LEN: u32 = W * H * 4;

/// An instance with a valid image and valid parameter blocks in place, all
/// in one block of the caller's (so buffers can overlap each other), which
/// ends at `end`.
struct Fixture {
    rx: Rawpx,
    image: u32,
    matrix: u32,
    lut: u32,
    out: u32,
    kernel: u32,
    /// Room for any output of the geometry exports on the W×H image.
    dst: u32,
    end: u32,
}

const ARENA: u32 = 32 << 10;

impl Fixture {
    fn new() -> Fixture {
        let mut rx = Rawpx::new();
        let mut rng = Rng(7);
        let arena = rx.put(&rng.bytes(ARENA as usize));
        // Room below the image, so a histogram block can end inside it.
        let image = arena + 8192;
        let matrix = image + LEN + 64;
        let lut = matrix + 128;
        let out = lut + 1024 + 64;
        let kernel = out + 4096 + 64;
        let dst = kernel + 1024;
        rx.write(image, &rng.image(W, H));
        rx.write(matrix, &[0.5f32; 20].iter().flat_map(|x| x.to_le_bytes()).collect::<Vec<_>>());
        rx.write(kernel, &[0.125f32; 9].iter().flat_map(|x| x.to_le_bytes()).collect::<Vec<_>>());
        Fixture { rx, image, matrix, lut, out, kernel, dst, end: arena + ARENA }
    }

    /// Runs `call`, expecting `want` and no change to any byte of memory.
    fn unchanged(&mut self, what: String, want: Status, call: impl FnOnce(&mut Fixture) -> i32) {
        let before = self.rx.snapshot();
        let got = call(self);
        assert_eq!(got, want as i32, "{what}");
        assert!(self.rx.snapshot() == before, "{what} returned {got} but wrote to memory");
    }

    /// Calls `name` with `args`, expecting `want` and no change to memory.
    fn refused<P: wasmtime::WasmParams + std::fmt::Debug + Copy>(&mut self, name: &str, args: P, want: Status) {
        self.unchanged(format!("{name}{args:?}"), want, |f| f.rx.call(name, args));
    }

    /// Calls the image export `name` on (ptr, w, h) with valid parameters.
    fn call_image(&mut self, name: &str, ptr: u32, w: u32, h: u32) -> i32 {
        match name {
            "brightness" => self.rx.call(name, (ptr, w, h, 10i32)),
            "contrast" => self.rx.call(name, (ptr, w, h, 1.5f32)),
            "color_matrix" => self.rx.call(name, (ptr, w, h, self.matrix)),
            "color_matrices" => self.rx.call(name, (ptr, w, h, self.matrix, 1u32)),
            "apply_lut" => self.rx.call(name, (ptr, w, h, self.lut)),
            "histogram" => self.rx.call(name, (ptr, w, h, self.out)),
            "gaussian_blur" => self.rx.call(name, (ptr, w, h, 2.0f32)),
            "box_blur" => self.rx.call(name, (ptr, w, h, 3u32)),
            "triple_box_blur" => self.rx.call(name, (ptr, w, h, 2.0f32, 1u32)),
            "sharpen" => self.rx.call(name, (ptr, w, h, 1.0f32, 1.0f32, 0u32)),
            "convolve" => self.rx.call(name, (ptr, w, h, self.kernel, 3u32, 0.5f32)),
            "resize" => self.rx.call(name, (ptr, w, h, self.dst, 3u32, 2u32, 4u32)),
            "crop" => self.rx.call(name, (ptr, w, h, 0u32, 0u32, 1u32, 1u32, self.dst)),
            "rotate" => self.rx.call(name, (ptr, w, h, self.dst, 1u32)),
            "composite" => self.rx.call(name, (ptr, w, h, self.dst, 3u32, 2u32, 1i32, -1i32, 9u32, 0.5f32)),
            "hsl_adjust" => self.rx.call(name, (ptr, w, h, 30.0f32, 1.2f32, 0.1f32)),
            "vibrance" => self.rx.call(name, (ptr, w, h, 0.5f32)),
            "shuffle" => self.rx.call(name, (ptr, w, h, 0x0304_0102u32)),
            "fill" => self.rx.call(name, (ptr, w, h, 0x8040_2010u32)),
            "pixelate" => self.rx.call(name, (ptr, w, h, 3u32)),
            "noise" => self.rx.call(name, (ptr, w, h, 20.0f32, 7u32, 0u32)),
            "dither" => self.rx.call(name, (ptr, w, h, 4u32, 1u32)),
            "median" | "erode" | "dilate" => self.rx.call(name, (ptr, w, h, 2u32)),
            "sobel" => self.rx.call(name, (ptr, w, h, 1.5f32)),
            "resize_linear" => self.rx.call(name, (ptr, w, h, self.dst, 3u32, 2u32, 4u32)),
            "resize_band" | "resize_linear_band" => self.rx.call(name, (ptr, w, h, self.dst, 3u32, 2u32, 4u32, 0u32, 1u32, h, 5u32)),
            "gaussian_blur_linear" => self.rx.call(name, (ptr, w, h, 2.0f32)),
            "warp" => self.rx.call(name, (ptr, w, h, self.dst, 3u32, 2u32, self.kernel, 2u32, 0u32)),
            _ => self.rx.call(name, (ptr, w, h)),
        }
    }

    /// `call_image`, expecting `want` and no change to memory.
    fn image_call(&mut self, name: &str, ptr: u32, w: u32, h: u32, want: Status) {
        self.unchanged(format!("{name}({ptr}, {w}, {h})"), want, |f| f.call_image(name, ptr, w, h));
    }
}

/// Every filter export: each takes an image as (ptr, w, h) first.
fn image_exports() -> impl Iterator<Item = &'static str> {
    rawpx_wasm_tests::exports::names()
}

#[test]
fn zero_dimensions_are_invalid() {
    let mut f = Fixture::new();
    for name in image_exports() {
        for (w, h) in [(0, H), (W, 0), (0, 0), (0, u32::MAX)] {
            f.image_call(&name, f.image, w, h, Status::InvalidArgument);
        }
    }
}

#[test]
fn overflowing_dimensions_are_out_of_bounds() {
    let mut f = Fixture::new();
    for name in image_exports() {
        // 2^31 × 2^31 × 4 is 2^64: it wraps a u64 to 0 unless computed exactly.
        for (w, h) in [
            (65536, 65536), (32768, 32768), (1 << 30, 1), (1, 1 << 30), (u32::MAX, u32::MAX), (u32::MAX, 1),
            (1 << 31, 1 << 31), (1 << 31, 1 << 30), (1 << 30, 1 << 31), (1 << 31, 2), (u32::MAX, 1 << 31),
        ] {
            f.image_call(&name, f.image, w, h, Status::OutOfBounds);
        }
    }
}

#[test]
fn images_outside_memory_are_out_of_bounds() {
    let mut f = Fixture::new();
    let end = f.end;
    for name in image_exports() {
        for (ptr, w, h) in [
            (end, 1, 1),                // just past the end
            (end - LEN + 4, W, H),      // straddling the end
            (u32::MAX, 1, 1),           // wrapping past 4 GiB
            (u32::MAX - 3, 1, 1),
            (f.image, W, H * 100_000),  // starts inside, far too long
            (0, W, H),                  // null
            (64, W, H),                 // the module's own stack
        ] {
            f.image_call(&name, ptr, w, h, Status::OutOfBounds);
        }
    }
}

#[test]
fn an_image_ending_exactly_at_the_end_of_its_block_is_accepted() {
    let mut f = Fixture::new();
    let ptr = f.end - LEN;
    for name in image_exports() {
        assert_eq!(f.call_image(&name, ptr, W, H), 0, "{name} at the end of its block");
    }
}

#[test]
fn buffers_over_memory_the_caller_does_not_hold_are_out_of_bounds() {
    let mut f = Fixture::new();
    // A block of the caller's, then one freed after it: between and past
    // them lie dlmalloc's chunk headers and free memory.
    let held = f.rx.alloc(LEN);
    let freed = f.rx.alloc(LEN);
    f.rx.free(freed, LEN);
    let top = f.rx.memory_size() as u32;
    for (ptr, w, h) in [
        (held, W, H + 1),             // one row past its block
        (held + 4, W, H),             // four bytes past it
        (held - 16, W, H),            // from the chunk header before it
        (freed, W, H),                // a freed block
        (f.end - 8, 4, 1),            // across the end of a block into the next chunk
        (top - 4 * LEN, W, H),        // free memory at the top of the heap
        (65536 + 1024, W, H),         // the module's statics
    ] {
        for name in image_exports() {
            f.image_call(&name, ptr, w, h, Status::OutOfBounds);
        }
    }
    assert_eq!(f.call_image("invert", held, W, H), 0, "the held block itself is fine");
}

#[test]
fn brightness_outside_its_range_is_invalid() {
    let mut f = Fixture::new();
    for delta in [256, -256, 1000, i32::MAX, i32::MIN] {
        f.refused("brightness", (f.image, W, H, delta), Status::InvalidArgument);
    }
    for delta in [255, -255, 0] {
        assert_eq!(f.rx.call::<_, i32>("brightness", (f.image, W, H, delta)), 0, "delta {delta}");
    }
}

#[test]
fn contrast_nan_infinite_or_outside_its_range_is_invalid() {
    let mut f = Fixture::new();
    for factor in [f32::NAN, -f32::NAN, f32::INFINITY, f32::NEG_INFINITY, -1e-7, -1.0, 100.0001, f32::MAX] {
        f.refused("contrast", (f.image, W, H, factor), Status::InvalidArgument);
    }
    for factor in [0.0f32, -0.0, 100.0, 1.0] {
        assert_eq!(f.rx.call::<_, i32>("contrast", (f.image, W, H, factor)), 0, "factor {factor}");
    }
}

#[test]
fn color_matrix_outside_memory_or_not_finite_is_refused() {
    let mut f = Fixture::new();
    for m in [0, 64, f.end - 79, f.end, u32::MAX - 3] {
        f.refused("color_matrix", (f.image, W, H, m), Status::OutOfBounds);
    }
    for i in 0..20 {
        for bad in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY] {
            let mut m = [0.25f32; 20];
            m[i] = bad;
            let bytes: Vec<u8> = m.iter().flat_map(|x| x.to_le_bytes()).collect();
            f.rx.write(f.matrix, &bytes);
            f.refused("color_matrix", (f.image, W, H, f.matrix), Status::InvalidArgument);
        }
    }
}

#[test]
fn color_matrices_refuse_counts_out_of_range_and_bad_or_unreachable_matrices() {
    let mut f = Fixture::new();
    // Two matrices in the dst room, the second with a NaN.
    let mut two = [0.25f32; 40];
    two[27] = f32::NAN;
    let bytes: Vec<u8> = two.iter().flat_map(|x| x.to_le_bytes()).collect();
    f.rx.write(f.dst, &bytes);
    for count in [0u32, 9, 1 << 31, u32::MAX] {
        f.refused("color_matrices", (f.image, W, H, f.dst, count), Status::InvalidArgument);
    }
    f.refused("color_matrices", (f.image, W, H, f.dst, 2u32), Status::InvalidArgument);
    // Only `count` matrices are read: the first alone is fine.
    assert_eq!(f.rx.call::<_, i32>("color_matrices", (f.image, W, H, f.dst, 1u32)), 0);
    for (m, count) in [(f.end - 80, 2u32), (f.end - 79, 1), (0, 1), (u32::MAX - 3, 8), (f.end - 560, 8)] {
        f.refused("color_matrices", (f.image, W, H, m, count), Status::OutOfBounds);
    }
}

#[test]
fn a_table_inside_the_image_is_read_before_any_write() {
    let mut f = Fixture::new();
    let (w, h) = (16, 16);
    let px = Rng(8).image(w, h);
    let ptr = f.rx.put(&px);
    let lut: [u8; 1024] = px[..1024].try_into().unwrap();
    let mut want = px.clone();
    rawpx_wasm_tests::point::apply_lut::scalar(&mut want, &lut);
    assert_eq!(f.rx.call::<_, i32>("apply_lut", (ptr, w, h, ptr)), 0);
    assert_eq!(f.rx.read(ptr, want.len()), want);
}

#[test]
fn lut_outside_memory_is_out_of_bounds() {
    let mut f = Fixture::new();
    for lut in [0, 64, f.end - 1023, f.end, u32::MAX] {
        f.refused("apply_lut", (f.image, W, H, lut), Status::OutOfBounds);
    }
}

#[test]
fn histogram_output_outside_memory_or_over_the_image_is_refused() {
    let mut f = Fixture::new();
    for out in [0, 64, f.end - 4095, f.end, u32::MAX] {
        f.refused("histogram", (f.image, W, H, out), Status::OutOfBounds);
    }
    for out in [f.image, f.image + LEN - 1, f.image - 4095, f.image - 100] {
        f.refused("histogram", (f.image, W, H, out), Status::Overlap);
    }
    // Touching is not sharing.
    for out in [f.image + LEN, f.image - 4096] {
        assert_eq!(f.rx.call::<_, i32>("histogram", (f.image, W, H, out)), 0, "out at {out}");
    }
}

/// NaN of both signs, infinities, and the extremes of f32.
const NOT_FINITE: [f32; 4] = [f32::NAN, -f32::NAN, f32::INFINITY, f32::NEG_INFINITY];

#[test]
fn sigma_outside_zero_to_a_hundred_is_invalid() {
    let mut f = Fixture::new();
    for sigma in NOT_FINITE.into_iter().chain([0.0, -0.0, -1.0, 100.0001, f32::MAX, -f32::MIN_POSITIVE]) {
        f.refused("gaussian_blur", (f.image, W, H, sigma), Status::InvalidArgument);
        f.refused("sharpen", (f.image, W, H, sigma, 1.0f32, 0u32), Status::InvalidArgument);
    }
    for sigma in [f32::MIN_POSITIVE, 1e-30, 0.5, 100.0] {
        assert_eq!(f.rx.call::<_, i32>("gaussian_blur", (f.image, W, H, sigma)), 0, "σ {sigma}");
        assert_eq!(f.rx.call::<_, i32>("sharpen", (f.image, W, H, sigma, 1.0f32, 0u32)), 0, "σ {sigma}");
    }
}

#[test]
fn triple_box_sigma_outside_zero_to_135_or_unknown_edges_are_invalid() {
    let mut f = Fixture::new();
    for sigma in NOT_FINITE.into_iter().chain([0.0, -0.0, -1.0, 135.0001, f32::MAX, -f32::MIN_POSITIVE]) {
        f.refused("triple_box_blur", (f.image, W, H, sigma, 0u32), Status::InvalidArgument);
    }
    for edges in [2u32, 1 << 31, u32::MAX] {
        f.refused("triple_box_blur", (f.image, W, H, 2.0f32, edges), Status::InvalidArgument);
    }
    for (sigma, edges) in [(f32::MIN_POSITIVE, 0u32), (0.5, 1), (135.0, 0), (135.0, 1)] {
        assert_eq!(f.rx.call::<_, i32>("triple_box_blur", (f.image, W, H, sigma, edges)), 0, "σ {sigma}, edges {edges}");
    }
}

#[test]
fn box_radius_outside_one_to_a_thousand_is_invalid() {
    let mut f = Fixture::new();
    for r in [0u32, 1001, 1 << 31, u32::MAX] {
        f.refused("box_blur", (f.image, W, H, r), Status::InvalidArgument);
    }
    for r in [1u32, 1000] {
        assert_eq!(f.rx.call::<_, i32>("box_blur", (f.image, W, H, r)), 0, "r {r}");
    }
}

#[test]
fn sharpen_amount_or_threshold_outside_their_ranges_is_invalid() {
    let mut f = Fixture::new();
    for amount in NOT_FINITE.into_iter().chain([-1e-7, -1.0, 100.0001, f32::MAX]) {
        f.refused("sharpen", (f.image, W, H, 1.0f32, amount, 0u32), Status::InvalidArgument);
    }
    for threshold in [256u32, 1000, u32::MAX] {
        f.refused("sharpen", (f.image, W, H, 1.0f32, 1.0f32, threshold), Status::InvalidArgument);
    }
    for (amount, threshold) in [(0.0f32, 0u32), (100.0, 255), (-0.0, 17)] {
        assert_eq!(f.rx.call::<_, i32>("sharpen", (f.image, W, H, 1.0f32, amount, threshold)), 0);
    }
}

#[test]
fn convolve_size_even_zero_or_past_fifteen_is_invalid() {
    let mut f = Fixture::new();
    for size in [0u32, 2, 4, 14, 16, 17, 0x8001, u32::MAX] {
        f.refused("convolve", (f.image, W, H, f.kernel, size, 0.0f32), Status::InvalidArgument);
    }
}

#[test]
fn convolve_kernel_outside_memory_is_out_of_bounds() {
    let mut f = Fixture::new();
    for (kernel, size) in [(0, 3u32), (64, 1), (f.end - 35, 3), (f.end, 1), (u32::MAX - 3, 1), (f.end - 4 * 224, 15)] {
        f.refused("convolve", (f.image, W, H, kernel, size, 0.0f32), Status::OutOfBounds);
    }
}

#[test]
fn convolve_weights_or_bias_not_finite_are_invalid() {
    let mut f = Fixture::new();
    for bad in NOT_FINITE {
        f.refused("convolve", (f.image, W, H, f.kernel, 3u32, bad), Status::InvalidArgument);
        for i in 0..9 {
            let mut k = [0.125f32; 9];
            k[i] = bad;
            f.rx.write(f.kernel, &k.iter().flat_map(|x| x.to_le_bytes()).collect::<Vec<_>>());
            f.refused("convolve", (f.image, W, H, f.kernel, 3u32, 0.0f32), Status::InvalidArgument);
        }
    }
}

#[test]
fn a_kernel_inside_the_image_is_read_before_any_write() {
    let mut f = Fixture::new();
    let (w, h) = (9, 9);
    let mut px = Rng(10).image(w, h);
    // The first 25 pixels double as a 5×5 kernel of small finite weights.
    for (i, x) in (0..25).map(|i| (i as f32 - 12.0) / 64.0).enumerate() {
        px[4 * i..4 * i + 4].copy_from_slice(&x.to_le_bytes());
    }
    let kernel: Vec<f32> = px[..100].chunks_exact(4).map(|b| f32::from_le_bytes(b.try_into().unwrap())).collect();
    let ptr = f.rx.put(&px);
    let mut want = px.clone();
    rawpx_wasm_tests::convolution::convolve::convolve(&mut want, w as usize, &kernel, 5, 1.0).unwrap();
    assert_eq!(f.rx.call::<_, i32>("convolve", (ptr, w, h, ptr, 5u32, 1.0f32)), 0);
    assert_eq!(f.rx.read(ptr, want.len()), want);
}

#[test]
fn resize_refuses_bad_filters_and_bad_or_overlapping_outputs() {
    let mut f = Fixture::new();
    let (src, dst, end) = (f.image, f.dst, f.end);
    for filter in [5u32, 6, 1 << 31, u32::MAX] {
        f.refused("resize", (src, W, H, dst, 3u32, 2u32, filter), Status::InvalidArgument);
    }
    for (dw, dh) in [(0, 2), (3, 0), (0, 0)] {
        f.refused("resize", (src, W, H, dst, dw, dh, 2u32), Status::InvalidArgument);
    }
    for (ptr, dw, dh) in [(dst, 65536u32, 65536u32), (dst, u32::MAX, 1), (end, 1, 1), (end - 4, 2, 1), (0, 1, 1), (dst, W, H * 1000)] {
        f.refused("resize", (src, W, H, ptr, dw, dh, 2u32), Status::OutOfBounds);
    }
    // Sharing a byte either way, or the very same block.
    for ptr in [src, src + LEN - 4, src - 4 * 3 * 2 + 4] {
        f.refused("resize", (src, W, H, ptr, 3u32, 2u32, 4u32), Status::Overlap);
    }
}

/// The bands of `resize_band` and `resize_linear_band`: rows outside their
/// whole images, whole images no memory could hold, and source rows that
/// miss a row the output's windows read.
#[test]
fn resize_bands_refuse_bands_that_do_not_fit_or_miss_rows() {
    let mut f = Fixture::new();
    let (src, dst) = (f.image, f.dst);
    for name in ["resize_band", "resize_linear_band"] {
        let refused = |f: &mut Fixture, [top, first, whole_sh, whole_dh]: [u32; 4], filter: u32, want| {
            f.refused(name, (src, W, H, dst, 3u32, 2u32, filter, top, first, whole_sh, whole_dh), want);
        };
        for filter in [5u32, u32::MAX] {
            refused(&mut f, [0, 0, H, 2], filter, Status::InvalidArgument);
        }
        // The band's rows past its whole image, wrapping a u32 too.
        for band in [[1, 0, H, 2], [0, 1, H, 2], [u32::MAX, 0, H, 2], [0, u32::MAX, H, 2], [0, 0, H - 1, 2], [0, 0, H, 1]] {
            refused(&mut f, band, 2, Status::InvalidArgument);
        }
        // Whole images over 4 GiB.
        for band in [[0, 0, 1 << 30, 2], [0, 0, H, 1 << 30], [0, 0, u32::MAX, u32::MAX]] {
            refused(&mut f, band, 4, Status::InvalidArgument);
        }
        // 2 output rows of 100 read rows near 0..8 of a 4-row-high band
        // taken as rows 0.., 40.. or 96.. of a 100-row source: only the
        // first has them all with nearest, none with lanczos3 (it reads
        // up to 150 rows for each).
        for (top, filter) in [(40, 0), (96, 0), (0, 4), (40, 4)] {
            refused(&mut f, [top, 0, 100, 2], filter, Status::InvalidArgument);
        }
        assert_eq!(f.rx.call::<_, i32>(name, (src, W, H, dst, 3u32, 2u32, 0u32, 0u32, 0u32, 100u32, 50u32)), 0, "{name}");
    }
}

#[test]
fn crop_refuses_rectangles_outside_the_image_and_bad_outputs() {
    let mut f = Fixture::new();
    let (src, dst, end) = (f.image, f.dst, f.end);
    for (x, y, cw, ch) in [
        (0, 0, 0, 1), (0, 0, 1, 0), (W, 0, 1, 1), (0, H, 1, 1), (W - 1, 0, 2, 1), (0, H - 1, 1, 2),
        (0, 0, W + 1, H), (u32::MAX, 0, 1, 1), (1, 0, u32::MAX, 1), (0, 1, 1, u32::MAX),
    ] {
        f.refused("crop", (src, W, H, x, y, cw, ch, dst), Status::InvalidArgument);
    }
    for ptr in [end, end - 4, 0, u32::MAX] {
        f.refused("crop", (src, W, H, 0u32, 0u32, 2u32, 1u32, ptr), Status::OutOfBounds);
    }
    for ptr in [src, src + LEN - 4, src - 4] {
        f.refused("crop", (src, W, H, 0u32, 0u32, 2u32, 1u32, ptr), Status::Overlap);
    }
}

#[test]
fn rotate_refuses_bad_turns_and_bad_outputs() {
    let mut f = Fixture::new();
    let (src, dst, end) = (f.image, f.dst, f.end);
    for turns in [4u32, 5, 1 << 31, u32::MAX] {
        f.refused("rotate", (src, W, H, dst, turns), Status::InvalidArgument);
    }
    for ptr in [end, end - LEN + 4, 0, u32::MAX] {
        f.refused("rotate", (src, W, H, ptr, 1u32), Status::OutOfBounds);
    }
    for ptr in [src, src + LEN - 4, src - LEN + 4] {
        f.refused("rotate", (src, W, H, ptr, 1u32), Status::Overlap);
    }
}

#[test]
fn composite_refuses_bad_modes_opacities_sources_and_sharing() {
    let mut f = Fixture::new();
    let (dst, src, end) = (f.image, f.dst, f.end);
    for mode in [26u32, 27, 1 << 31, u32::MAX] {
        f.refused("composite", (dst, W, H, src, 3u32, 2u32, 0i32, 0i32, mode, 1.0f32), Status::InvalidArgument);
    }
    for opacity in [f32::NAN, -0.01, 1.01, f32::INFINITY, f32::NEG_INFINITY] {
        f.refused("composite", (dst, W, H, src, 3u32, 2u32, 0i32, 0i32, 0u32, opacity), Status::InvalidArgument);
    }
    for (sw, sh) in [(0u32, 2u32), (3, 0)] {
        f.refused("composite", (dst, W, H, src, sw, sh, 0i32, 0i32, 0u32, 1.0f32), Status::InvalidArgument);
    }
    for (ptr, sw, sh) in [(end, 1u32, 1u32), (end - 4, 2, 1), (0, 1, 1), (src, 65536, 65536), (src, W, H * 1000)] {
        f.refused("composite", (dst, W, H, ptr, sw, sh, 0i32, 0i32, 0u32, 1.0f32), Status::OutOfBounds);
    }
    // Sharing a byte either way, the very same image included: even where
    // the source would be drawn outside the destination.
    for (ptr, x) in [(dst, 0i32), (dst + LEN - 4, 0), (dst - 4 * 3 * 2 + 4, 0), (dst, 100)] {
        f.refused("composite", (dst, W, H, ptr, 3u32, 2u32, x, 0i32, 0u32, 1.0f32), Status::Overlap);
    }
}

#[test]
fn composite_with_no_overlap_succeeds_and_changes_nothing() {
    let mut f = Fixture::new();
    let (dst, src) = (f.image, f.dst);
    for (x, y) in [(W as i32, 0), (0, H as i32), (-3, 0), (0, -2), (i32::MIN, 0), (i32::MAX, i32::MAX), (-3, -2), (i32::MIN, i32::MIN)] {
        let before = f.rx.snapshot();
        assert_eq!(f.rx.call::<_, i32>("composite", (dst, W, H, src, 3u32, 2u32, x, y, 25u32, 1.0f32)), 0, "at ({x}, {y})");
        assert!(f.rx.snapshot() == before, "composite at ({x}, {y}) wrote to memory");
    }
}

#[test]
fn tone_parameters_outside_their_ranges_are_invalid() {
    let mut f = Fixture::new();
    let img = f.image;
    for (hue, sat, light) in [(360.5, 1.0, 0.0), (-361.0, 1.0, 0.0), (0.0, -0.1, 0.0), (0.0, 10.1, 0.0), (0.0, 1.0, 1.01), (0.0, 1.0, -1.5), (f32::NAN, 1.0, 0.0), (0.0, f32::INFINITY, 0.0), (0.0, 1.0, f32::NAN)] {
        f.refused("hsl_adjust", (img, W, H, hue, sat, light), Status::InvalidArgument);
    }
    for amount in [-1.01f32, 1.01, f32::NAN, f32::NEG_INFINITY] {
        f.refused("vibrance", (img, W, H, amount), Status::InvalidArgument);
    }
    for order in [0x0000_0006u32, 0x0600_0000, 0xffff_ffff, 0x0001_0280] {
        f.refused("shuffle", (img, W, H, order), Status::InvalidArgument);
    }
    for block in [0u32, 4097, u32::MAX] {
        f.refused("pixelate", (img, W, H, block), Status::InvalidArgument);
    }
    for amount in [-0.5f32, 255.5, f32::NAN, f32::INFINITY] {
        f.refused("noise", (img, W, H, amount, 1u32, 0u32), Status::InvalidArgument);
    }
    for (levels, method) in [(1u32, 0u32), (0, 1), (256, 0), (u32::MAX, 1), (4, 2), (4, u32::MAX)] {
        f.refused("dither", (img, W, H, levels, method), Status::InvalidArgument);
    }
}

#[test]
fn rank_radii_and_sobel_scales_outside_their_ranges_are_invalid() {
    let mut f = Fixture::new();
    let img = f.image;
    for r in [0u32, 101, 1 << 31, u32::MAX] {
        f.refused("median", (img, W, H, r), Status::InvalidArgument);
    }
    for r in [0u32, 1001, u32::MAX] {
        f.refused("erode", (img, W, H, r), Status::InvalidArgument);
        f.refused("dilate", (img, W, H, r), Status::InvalidArgument);
    }
    for scale in NOT_FINITE.into_iter().chain([-0.001, 100.001, f32::MAX]) {
        f.refused("sobel", (img, W, H, scale), Status::InvalidArgument);
    }
}

#[test]
fn the_linear_light_exports_refuse_as_their_srgb_twins() {
    let mut f = Fixture::new();
    let (src, dst, end) = (f.image, f.dst, f.end);
    for sigma in NOT_FINITE.into_iter().chain([0.0, -1.0, 100.0001]) {
        f.refused("gaussian_blur_linear", (src, W, H, sigma), Status::InvalidArgument);
    }
    for filter in [5u32, 6, u32::MAX] {
        f.refused("resize_linear", (src, W, H, dst, 3u32, 2u32, filter), Status::InvalidArgument);
    }
    for (dw, dh) in [(0u32, 2u32), (3, 0)] {
        f.refused("resize_linear", (src, W, H, dst, dw, dh, 2u32), Status::InvalidArgument);
    }
    for (ptr, dw, dh) in [(end, 1u32, 1u32), (end - 4, 2, 1), (0, 1, 1), (dst, 65536, 65536)] {
        f.refused("resize_linear", (src, W, H, ptr, dw, dh, 2u32), Status::OutOfBounds);
    }
    for ptr in [src, src + LEN - 4, src - 4 * 3 * 2 + 4] {
        f.refused("resize_linear", (src, W, H, ptr, 3u32, 2u32, 4u32), Status::Overlap);
    }
}
