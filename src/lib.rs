//! rawpx: image filters over RGBA8 pixels in one raw WebAssembly module.
//!
//! The crate builds as a `cdylib` for `wasm32-unknown-unknown` (the shipped
//! module, with the exported ABI of `abi`) and as an `rlib` on the host, where
//! the scalar reference kernels are tested and used by the wasmtime harness.
//! With SIMD128 the module runs the `simd` kernels; without it (the fallback
//! module for engines without SIMD, `--cfg rawpx_scalar`) the scalar ones,
//! which give the same bytes.
#![no_std]

#[cfg(all(target_arch = "wasm32", not(target_feature = "simd128"), not(rawpx_scalar)))]
compile_error!(
    "rawpx needs -C target-feature=+simd128 for the whole build, or it silently \
     ships the scalar kernels; build the scalar fallback with --cfg rawpx_scalar"
);

extern crate alloc;

pub mod composite;
pub mod convolution;
pub mod geometry;
mod lanes;
pub mod limits;
pub mod linear;
mod math;
pub mod point;
pub mod rank;
pub mod resample;
mod ring;
mod scratch;
pub mod status;
pub mod tone;
pub mod warp;

#[cfg(target_arch = "wasm32")]
mod abi;
#[cfg(target_arch = "wasm32")]
mod memory;
#[cfg(target_feature = "simd128")]
mod simd;

// The host build (tests, and the harness's reference) links std for its panic
// machinery; the module itself is core + alloc only.
#[cfg(not(target_arch = "wasm32"))]
extern crate std;

#[cfg(target_arch = "wasm32")]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
