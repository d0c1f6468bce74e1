// Types for js/extras.js (rawpx/extras): importing it gives every image
// the methods built on the primitives.
import type { WarpFilter, WarpOutput } from './rawpx.js';

/** An R, G, B triple of bytes. */
export type Colour = readonly [number, number, number];

/** curves' points: [in, out] pairs, in increasing, each in [0, 255]. */
export type CurvePoints = ReadonlyArray<readonly [number, number]>;

/** Four [x, y] points. */
export type Quad = readonly [readonly [number, number], readonly [number, number], readonly [number, number], readonly [number, number]];

/** Histogram equalisation's table for R, G, B from a whole image's histogram (equalize). */
export function equalizeTable(histogram: ArrayLike<number>, pixels: number): Uint8Array;

declare module './rawpx.js' {
  interface RawpxImage {
    /** Erosion then dilation by `radius` in [1, 1000]: removes specks smaller than the window. */
    open(radius: number): this;
    /** Dilation then erosion by `radius` in [1, 1000]: fills gaps smaller than the window. */
    close(radius: number): this;
    /** Turns by any angle, clockwise, about the centre; `expand` (default true) grows the canvas to hold the whole turned image. */
    rotateBy(degrees: number, options?: { expand?: boolean; background?: readonly [number, number, number, number]; filter?: WarpFilter }): this;
    /** An affine map about the top-left corner: scale, then skew (degrees), rotate (degrees, clockwise), translate. */
    affine(transform: { scale?: number | readonly [number, number]; rotate?: number; translate?: readonly [number, number]; skew?: readonly [number, number] }, output?: WarpOutput): this;
    /** The perspective taking the four points `from` of the source to the four points `to` of the output. */
    perspective(from: Quad, to: Quad, output?: WarpOutput): this;
    /** Alpha times t, in [0, 1]. */
    opacity(t: number): this;
    /** R, G, B each to `levels` in [2, 255] evenly spaced levels. */
    posterize(levels: number): this;
    /** White where grayscale's luma is at least `level` (default 128), else black. */
    threshold(level?: number): this;
    /** A monotone cubic through the points, for R, G, B alike or one per channel. */
    curves(points: CurvePoints | { r: CurvePoints; g: CurvePoints; b: CurvePoints }): this;
    /** Histogram equalisation of R, G, B each. */
    equalize(): this;
    /** Moves each colour the fraction `amount` (default 0.5) toward `colour`. */
    tint(colour: Colour, amount?: number): this;
    /** The luma mapped from the `dark` colour to the `light` one. */
    duotone(dark: Colour, light: Colour): this;
    /** Shows an image with EXIF orientation 1..8 upright (rotations and flips). */
    orient(orientation: number): this;
    /** Grows the canvas by each side; the new pixels `rgba` (default transparent black). */
    pad(top: number, right: number, bottom: number, left: number, rgba?: readonly [number, number, number, number]): this;
  }
}
