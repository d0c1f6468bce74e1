//! Rank filters and edges: median, erode, dilate (exact) and sobel, in
//! place, edges clamped to the nearest pixel.

pub mod median;
pub mod morphology;
pub mod sobel;

#[cfg(test)]
mod tests;
