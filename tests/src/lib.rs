//! The harness: runs the built `dist/rawpx.wasm` under wasmtime, compiled once
//! per test binary, and describes each point operation both as a call into
//! the module and as the crate's scalar reference on the host.

use std::path::PathBuf;
use std::sync::OnceLock;
use wasmtime::{Engine, Instance, Memory, Module, Store, StoreLimits, StoreLimitsBuilder, WasmParams, WasmResults};

pub use rawpx::convolution;
pub use rawpx::geometry;
pub use rawpx::point;
pub use rawpx::resample;
pub use rawpx::status::Status;

pub mod exports;

/// `RAWPX_WASM`, or the module `make` builds.
pub fn module_path() -> PathBuf {
    std::env::var_os("RAWPX_WASM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../dist/rawpx.wasm"))
}

pub fn module() -> &'static Module {
    static MODULE: OnceLock<Module> = OnceLock::new();
    MODULE.get_or_init(|| {
        let path = module_path();
        Module::from_file(&Engine::default(), &path)
            .unwrap_or_else(|e| panic!("{}: {e:?} (run `make` first)", path.display()))
    })
}

/// Where the module's stack ends: it comes first in memory, 64 KiB of it
/// (`-zstack-size` in .cargo/config.toml); statics and the heap follow.
pub const STACK_END: usize = 65536;

/// One fresh instance of the module.
pub struct Rawpx {
    store: Store<StoreLimits>,
    instance: Instance,
    memory: Memory,
}

impl Rawpx {
    pub fn new() -> Rawpx {
        Rawpx::with_memory_limit(usize::MAX)
    }

    /// An instance whose memory may not grow past `bytes`.
    pub fn with_memory_limit(bytes: usize) -> Rawpx {
        let module = module();
        let mut store = Store::new(module.engine(), StoreLimitsBuilder::new().memory_size(bytes).build());
        store.limiter(|limits| limits);
        let instance = Instance::new(&mut store, module, &[]).expect("instantiate");
        let memory = instance.get_memory(&mut store, "memory").expect("memory export");
        Rawpx { store, instance, memory }
    }

    /// From now on, memory may not grow past `bytes`.
    pub fn set_memory_limit(&mut self, bytes: usize) {
        *self.store.data_mut() = StoreLimitsBuilder::new().memory_size(bytes).build();
    }

    /// Calls an export; a trap fails the test.
    pub fn call<P: WasmParams, R: WasmResults>(&mut self, name: &str, params: P) -> R {
        self.try_call(name, params).unwrap_or_else(|e| panic!("{name} trapped: {e:?}"))
    }

    /// Calls an export; a trap is an error.
    pub fn try_call<P: WasmParams, R: WasmResults>(&mut self, name: &str, params: P) -> wasmtime::Result<R> {
        let f = self.instance.get_typed_func::<P, R>(&mut self.store, name).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        f.call(&mut self.store, params)
    }

    /// Calls an export with any arguments (i32 and f32 values); a trap is
    /// an error.
    pub fn call_dynamic(&mut self, name: &str, args: &[wasmtime::Val]) -> wasmtime::Result<i32> {
        let f = self.instance.get_func(&mut self.store, name).unwrap_or_else(|| panic!("no export {name}"));
        let mut out = [wasmtime::Val::I32(0)];
        f.call(&mut self.store, args, &mut out)?;
        Ok(out[0].unwrap_i32())
    }

    pub fn alloc(&mut self, len: u32) -> u32 {
        self.call("alloc", len)
    }

    pub fn free(&mut self, ptr: u32, len: u32) {
        self.call::<_, ()>("free", (ptr, len))
    }

    /// Allocates a block holding `bytes`.
    pub fn put(&mut self, bytes: &[u8]) -> u32 {
        let ptr = self.alloc(bytes.len() as u32);
        assert_ne!(ptr, 0, "alloc({}) failed", bytes.len());
        self.write(ptr, bytes);
        ptr
    }

    /// Allocates blocks until memory is full, down to the last 16 bytes (under
    /// a cap from `with_memory_limit`); `free_all` gives them back.
    pub fn fill_memory(&mut self) -> Vec<(u32, u32)> {
        let mut blocks = Vec::new();
        let mut size = 1 << 20;
        while size >= 16 {
            match self.alloc(size) {
                0 => size /= 2,
                block => blocks.push((block, size)),
            }
        }
        blocks
    }

    pub fn free_all(&mut self, blocks: Vec<(u32, u32)>) {
        for (ptr, len) in blocks {
            self.free(ptr, len);
        }
    }

    pub fn write(&mut self, ptr: u32, bytes: &[u8]) {
        self.memory.write(&mut self.store, ptr as usize, bytes).expect("write inside memory");
    }

    pub fn read(&self, ptr: u32, len: usize) -> Vec<u8> {
        self.memory.data(&self.store)[ptr as usize..][..len].to_vec()
    }

    /// All of linear memory above the module's stack, to prove a refused
    /// call wrote nothing (a call's own stack frames may differ).
    pub fn snapshot(&self) -> Vec<u8> {
        self.memory.data(&self.store)[STACK_END..].to_vec()
    }

    pub fn memory_size(&self) -> usize {
        self.memory.data_size(&self.store)
    }
}

impl Default for Rawpx {
    fn default() -> Rawpx {
        Rawpx::new()
    }
}

/// A small deterministic generator (SplitMix64), so failures reproduce.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }

    /// Uniform in [lo, hi).
    pub fn f32(&mut self, lo: f32, hi: f32) -> f32 {
        lo + (hi - lo) * ((self.next() >> 40) as f32 / (1u64 << 24) as f32)
    }

    /// An RGBA image whose alpha is often exactly 0 or 255, as in real images.
    pub fn image(&mut self, w: u32, h: u32) -> Vec<u8> {
        let mut px = self.bytes((w * h * 4) as usize);
        for p in px.chunks_exact_mut(4) {
            p[3] = match self.next() % 4 {
                0 => 0,
                1 => 255,
                _ => p[3],
            };
        }
        px
    }
}

/// Sizes that exercise every tail length: 1×1, 1×N, N×1, 17×3 and larger.
pub const SIZES: &[(u32, u32)] = &[
    (1, 1), (1, 2), (1, 3), (1, 4), (1, 5), (2, 1), (3, 1), (5, 1), (1, 17), (17, 1),
    (17, 3), (3, 17), (4, 4), (5, 7), (16, 16), (33, 9), (64, 64), (127, 61), (256, 1), (1, 256),
];

/// An in-place point operation with its parameters.
#[derive(Clone, Debug)]
pub enum PointOp {
    Grayscale,
    Invert,
    Brightness(i32),
    Contrast(f32),
    ColorMatrix([f32; 20]),
    ApplyLut(Box<[u8; 1024]>),
    Premultiply,
    Unpremultiply,
}

impl PointOp {
    /// Every operation the module under test has (`exports::present`),
    /// with random parameters drawn from `rng`.
    pub fn all(rng: &mut Rng) -> Vec<PointOp> {
        let ops = vec![
            PointOp::Grayscale,
            PointOp::Invert,
            PointOp::Brightness((rng.next() % 511) as i32 - 255),
            PointOp::Contrast(rng.f32(0.0, 4.0)),
            PointOp::ColorMatrix(std::array::from_fn(|_| rng.f32(-2.0, 2.0))),
            PointOp::ApplyLut(rng.bytes(1024).try_into().unwrap()),
            PointOp::Premultiply,
            PointOp::Unpremultiply,
        ];
        ops.into_iter().filter(|op| exports::names().any(|name| name == op.name())).collect()
    }

    pub fn name(&self) -> &'static str {
        match self {
            PointOp::Grayscale => "grayscale",
            PointOp::Invert => "invert",
            PointOp::Brightness(_) => "brightness",
            PointOp::Contrast(_) => "contrast",
            PointOp::ColorMatrix(_) => "color_matrix",
            PointOp::ApplyLut(_) => "apply_lut",
            PointOp::Premultiply => "premultiply",
            PointOp::Unpremultiply => "unpremultiply",
        }
    }

    /// The crate's scalar reference, on the host.
    pub fn reference(&self, px: &mut [u8]) {
        match self {
            PointOp::Grayscale => point::grayscale::scalar(px),
            PointOp::Invert => point::invert::scalar(px),
            PointOp::Brightness(d) => point::brightness::scalar(px, *d),
            PointOp::Contrast(f) => point::contrast::scalar(px, *f),
            PointOp::ColorMatrix(m) => point::color_matrix::scalar(px, &[point::color_matrix::Matrix::new(m)]),
            PointOp::ApplyLut(lut) => point::apply_lut::scalar(px, lut),
            PointOp::Premultiply => point::premultiply::scalar(px),
            PointOp::Unpremultiply => point::unpremultiply::scalar(px),
        }
    }

    /// Runs the export on the w×h image at `ptr`; the status code it returns.
    /// A matrix or table goes into a block of its own, freed afterwards.
    pub fn run(&self, rx: &mut Rawpx, ptr: u32, w: u32, h: u32) -> i32 {
        let name = self.name();
        match self {
            PointOp::Brightness(d) => rx.call(name, (ptr, w, h, *d)),
            PointOp::Contrast(f) => rx.call(name, (ptr, w, h, *f)),
            PointOp::ColorMatrix(m) => {
                let bytes: Vec<u8> = m.iter().flat_map(|x| x.to_le_bytes()).collect();
                with_block(rx, &bytes, |rx, m| rx.call(name, (ptr, w, h, m)))
            }
            PointOp::ApplyLut(lut) => with_block(rx, &lut[..], |rx, lut| rx.call(name, (ptr, w, h, lut))),
            _ => rx.call(name, (ptr, w, h)),
        }
    }
}

/// A neighbourhood operation with its parameters.
#[derive(Clone, Debug)]
pub enum Filter {
    GaussianBlur(f32),
    BoxBlur(u32),
    /// σ, and whether transparent black lies past the edges.
    TripleBox(f32, bool),
    /// σ, amount, threshold.
    Sharpen(f32, f32, u32),
    /// Weights (size² of them) and bias.
    Convolve(Vec<f32>, f32),
}

impl Filter {
    /// Each filter with parameters across its range, the bench's among
    /// them, kernels wider than small images included.
    pub fn all(rng: &mut Rng) -> Vec<Filter> {
        let mut kernel = |size: usize| (0..size * size).map(|_| rng.f32(-2.0, 2.0)).collect::<Vec<_>>();
        let kernels = [1, 3, 5, 7, 15].map(|size| kernel(size));
        let mut all: Vec<Filter> = [0.15, 0.5, 1.0, 2.0, 3.3, 10.0, 41.0].map(Filter::GaussianBlur).into();
        all.extend([1, 2, 10, 77, 1000].map(Filter::BoxBlur));
        all.extend([(0.5, false), (1.0, true), (2.0, false), (2.0, true), (5.0, false), (10.0, true), (135.0, false)].map(|(s, t)| Filter::TripleBox(s, t)));
        all.extend([(1.0, 1.0, 0), (0.6, 3.5, 4), (2.5, 0.3, 0), (7.0, 100.0, 255)].map(|(s, a, t)| Filter::Sharpen(s, a, t)));
        all.extend(kernels.into_iter().zip([0.0, 7.5, -20.0, 0.5, 3.0]).map(|(k, b)| Filter::Convolve(k, b)));
        all
    }

    pub fn name(&self) -> &'static str {
        match self {
            Filter::GaussianBlur(_) => "gaussian_blur",
            Filter::BoxBlur(_) => "box_blur",
            Filter::TripleBox(..) => "triple_box_blur",
            Filter::Sharpen(..) => "sharpen",
            Filter::Convolve(..) => "convolve",
        }
    }

    /// The crate's scalar path, on the host.
    pub fn reference(&self, px: &mut [u8], w: u32) {
        let w = w as usize;
        match self {
            Filter::GaussianBlur(s) => convolution::gaussian::blur(px, w, *s),
            Filter::BoxBlur(r) => convolution::box_blur::blur(px, w, *r as usize),
            Filter::TripleBox(s, t) => convolution::triple_box::blur(px, w, *s, *t),
            Filter::Sharpen(s, a, t) => convolution::gaussian::sharpen(px, w, *s, *a, *t),
            Filter::Convolve(k, b) => convolution::convolve::convolve(px, w, k, k.len().isqrt(), *b),
        }
        .expect("the host has the scratch");
    }

    /// Runs the export on the w×h image at `ptr`; the status code it returns.
    pub fn run(&self, rx: &mut Rawpx, ptr: u32, w: u32, h: u32) -> i32 {
        let name = self.name();
        match self {
            Filter::GaussianBlur(s) => rx.call(name, (ptr, w, h, *s)),
            Filter::BoxBlur(r) => rx.call(name, (ptr, w, h, *r)),
            Filter::TripleBox(s, t) => rx.call(name, (ptr, w, h, *s, u32::from(*t))),
            Filter::Sharpen(s, a, t) => rx.call(name, (ptr, w, h, *s, *a, *t)),
            Filter::Convolve(k, b) => {
                let bytes: Vec<u8> = k.iter().flat_map(|x| x.to_le_bytes()).collect();
                let size = k.len().isqrt() as u32;
                with_block(rx, &bytes, |rx, k| rx.call(name, (ptr, w, h, k, size, *b)))
            }
        }
    }
}

fn with_block(rx: &mut Rawpx, bytes: &[u8], f: impl FnOnce(&mut Rawpx, u32) -> i32) -> i32 {
    let block = rx.put(bytes);
    let status = f(rx, block);
    rx.free(block, bytes.len() as u32);
    status
}

/// Puts `px` in a block, runs `round` on it and frees it, `rounds` times;
/// memory must not grow after the first round (freed blocks are reused).
pub fn assert_memory_flat(rx: &mut Rawpx, px: &[u8], rounds: usize, mut round: impl FnMut(&mut Rawpx, u32)) {
    let mut after_first = 0;
    for i in 0..rounds {
        let ptr = rx.put(px);
        round(rx, ptr);
        rx.free(ptr, px.len() as u32);
        if i == 0 {
            after_first = rx.memory_size();
        }
        assert_eq!(rx.memory_size(), after_first, "memory grew in round {i}");
    }
}

/// Puts `px` in a block, runs `call(rx, ptr)` on it, which must return 0,
/// and returns the bytes it left there; the block is freed.
pub fn in_place(rx: &mut Rawpx, px: &[u8], what: impl std::fmt::Display, call: impl FnOnce(&mut Rawpx, u32) -> i32) -> Vec<u8> {
    let ptr = rx.put(px);
    assert_eq!(call(rx, ptr), 0, "{what}");
    let out = rx.read(ptr, px.len());
    rx.free(ptr, px.len() as u32);
    out
}

/// Fails unless `got` is `want` byte for byte, naming the first differing
/// pixel (and its `input` pixel, for an in-place operation).
pub fn assert_same_pixels(got: &[u8], want: &[u8], input: Option<&[u8]>, what: impl std::fmt::Display) {
    assert_eq!(got.len(), want.len(), "{what}: lengths");
    if let Some(i) = got.iter().zip(want).position(|(g, w)| g != w) {
        let p = i / 4 * 4;
        let input = input.map_or(String::new(), |px| format!(" (input {:?})", &px[p..p + 4]));
        panic!("{what}: pixel {} is {:?}, the reference gives {:?}{input}", i / 4, &got[p..p + 4], &want[p..p + 4]);
    }
}

/// Runs `op` in the module on a copy of `px` and returns the result.
pub fn run_in_module(rx: &mut Rawpx, op: &PointOp, px: &[u8], w: u32, h: u32) -> Vec<u8> {
    in_place(rx, px, format_args!("{} on {w}×{h}", op.name()), |rx, ptr| op.run(rx, ptr, w, h))
}

/// How many bytes a refused call may change: the allocator's bookkeeping
/// (chunk headers and footers, free-list links, bin maps) for the handful
/// of blocks an operation reserves and gives back, never a table or a row.
pub const BOOKKEEPING: usize = 256;

/// A call on a 96×64 image at `src`, with a 200×130 destination at `dst`
/// and a kernel block of 225 weights of 1/225 at `kernel`, all put before
/// memory is filled; the status it returns.
pub type ScratchCall = Box<dyn Fn(&mut Rawpx, u32, u32, u32) -> i32>;
pub const SCRATCH_IMAGE: (u32, u32) = (96, 64);

/// Runs each call with memory full, then with the fillers freed smallest
/// first, so it meets every size of hole until it fits: each time it runs
/// out of memory, it must have changed no byte of the image and at most
/// BOOKKEEPING bytes in all.
pub fn assert_out_of_memory_writes_only_bookkeeping(calls: &[(String, ScratchCall)]) {
    let (w, h) = SCRATCH_IMAGE;
    let len = (w * h * 4) as usize;
    let px = Rng(13).image(w, h);
    let mut refused = 0;
    for (name, call) in calls {
        let mut rx = Rawpx::with_memory_limit(2 << 20);
        let src = rx.put(&px);
        let dst = rx.put(&vec![7; 200 * 130 * 4]);
        let kernel = rx.put(&[1.0f32 / 225.0; 225].iter().flat_map(|k| k.to_le_bytes()).collect::<Vec<_>>());
        let mut fillers = rx.fill_memory();
        fillers.sort_by_key(|&(_, size)| std::cmp::Reverse(size));
        loop {
            let before = rx.snapshot();
            let status = call(&mut rx, src, dst, kernel);
            if status == 0 {
                break;
            }
            assert_eq!(status, -3, "{name}");
            refused += 1;
            let after = rx.snapshot();
            let at = src as usize - STACK_END;
            assert!(after[at..][..len] == before[at..][..len], "{name}: -3 but the image changed");
            let changed = before.iter().zip(&after).filter(|(a, b)| a != b).count();
            assert!(changed <= BOOKKEEPING, "{name}: -3 but {changed} bytes changed");
            let (ptr, size) = fillers.pop().unwrap_or_else(|| panic!("{name}: -3 with all memory free"));
            rx.free(ptr, size);
        }
    }
    assert!(refused > calls.len(), "every call was refused at least once: {refused}");
}

/// Runs `op` in the module and as the scalar reference on `px`: the same
/// bytes, or a failure naming the first differing pixel.
pub fn assert_same_as_reference(rx: &mut Rawpx, op: &PointOp, px: &[u8], w: u32, h: u32) {
    let got = run_in_module(rx, op, px, w, h);
    let mut want = px.to_vec();
    op.reference(&mut want);
    assert_same_pixels(&got, &want, Some(px), format_args!("{op:?} on {w}×{h}"));
}
