// Types for js/css.js (rawpx/css): importing it gives every image `filter`.
import './rawpx.js';

declare module './rawpx.js' {
  interface RawpxImage {
    /**
     * A CSS `filter` value, e.g. 'contrast(1.4) sepia(0.5) blur(2px) hue-rotate(90deg)': brightness, contrast,
     * grayscale, sepia, saturate, hue-rotate, invert, opacity as CSS Filter Effects 1 defines them, each clamped
     * before the next as Chromium does, and blur(Npx) as browsers blur (Filter Effects' three boxes, transparent
     * black past the edges), σ up to 135. A bad value is a
     * SyntaxError naming the token. drop-shadow(dx dy blur? colour?) is the image's alpha in the colour, blurred
     * as blur(), drawn beneath it at the offset (colours: hex, rgb(), rgba() and a few names).
     */
    filter(value: string): this;
  }
}

/**
 * A CSS `filter` value as the steps `filter()` runs: per colour function a 4×5 matrix or a 1024-byte table
 * (R, G, B, A) as Chromium's, blurs (σ), and shadows (dx, dy, σ, [r, g, b, alpha in 0..1]).
 */
export function parseFilter(
  value: string,
): Array<['matrix', number[]] | ['lut', number[]] | ['blur', number] | ['shadow', number, number, number, [number, number, number, number]]>;
