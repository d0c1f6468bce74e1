//! Geometry: crop, quarter-turn rotation and flips, exact (pixels are moved,
//! never blended). Rows are `memory.copy`; the SIMD kernels move 4-byte
//! pixels sixteen bytes at a time, and turn 4×4 tiles for 90° rotations.

pub mod crop;
pub mod flip;
pub mod rotate;

#[cfg(test)]
mod tests;
