//! The tone group's exports give exactly the bytes of the scalar
//! references, on random images of every size class and across each
//! parameter's range; dither's scratch is reserved before any write, and
//! repeated calls do not grow memory.

use rawpx::tone;
use rawpx_wasm_tests::{
    Rawpx, Rng, SCRATCH_IMAGE, SIZES, ScratchCall, assert_memory_flat, assert_out_of_memory_writes_only_bookkeeping, assert_same_pixels,
    in_place,
};

#[derive(Clone, Copy, Debug)]
enum Tone {
    Hsl(f32, f32, f32),
    Vibrance(f32),
    Shuffle(u32),
    Fill(u32),
    Pixelate(u32),
    Noise(f32, u32, bool),
    Dither(u32, u32),
}

impl Tone {
    /// Each operation with parameters across its range: the ends, and
    /// random values between.
    fn all(rng: &mut Rng) -> Vec<Tone> {
        let mut all = vec![
            Tone::Hsl(0.0, 1.0, 0.0),
            Tone::Hsl(-360.0, 10.0, -1.0),
            Tone::Hsl(360.0, 0.0, 1.0),
            Tone::Hsl(
                rng.f32(-360.0, 360.0),
                rng.f32(0.0, 3.0),
                rng.f32(-0.5, 0.5),
            ),
            Tone::Vibrance(-1.0),
            Tone::Vibrance(1.0),
            Tone::Vibrance(rng.f32(-1.0, 1.0)),
            Tone::Shuffle(0x0302_0100),
            Tone::Shuffle(0x0500_0102),
            Tone::Shuffle(u32::from_le_bytes(std::array::from_fn(|_| {
                (rng.next() % 6) as u8
            }))),
            Tone::Fill(rng.next() as u32),
            Tone::Noise(255.0, rng.next() as u32, false),
            Tone::Noise(rng.f32(0.0, 64.0), rng.next() as u32, true),
            Tone::Noise(0.0, 1, false),
        ];
        all.extend([1, 2, 3, 16, 4096].map(Tone::Pixelate));
        all.extend(
            [2, 3, 4, 17, 255]
                .into_iter()
                .flat_map(|n| [Tone::Dither(n, 0), Tone::Dither(n, 1)]),
        );
        all
    }

    fn reference(self, px: &mut [u8], w: u32) {
        let w = w as usize;
        match self {
            Tone::Hsl(h, s, l) => tone::hsl::scalar(px, h, s, l),
            Tone::Vibrance(a) => tone::vibrance::scalar(px, a),
            Tone::Shuffle(o) => tone::shuffle::scalar(px, o),
            Tone::Fill(c) => tone::fill::scalar(px, c),
            Tone::Pixelate(b) => tone::pixelate::run(px, w, b as usize),
            Tone::Noise(a, seed, mono) => tone::noise::scalar(px, a, seed, mono),
            Tone::Dither(n, 0) => tone::dither::ordered(px, w, n).unwrap(),
            Tone::Dither(n, _) => tone::dither::floyd_steinberg(px, w, n).unwrap(),
        }
    }

    fn run(self, rx: &mut Rawpx, ptr: u32, w: u32, h: u32) -> i32 {
        match self {
            Tone::Hsl(hue, s, l) => rx.call("hsl_adjust", (ptr, w, h, hue, s, l)),
            Tone::Vibrance(a) => rx.call("vibrance", (ptr, w, h, a)),
            Tone::Shuffle(o) => rx.call("shuffle", (ptr, w, h, o)),
            Tone::Fill(c) => rx.call("fill", (ptr, w, h, c)),
            Tone::Pixelate(b) => rx.call("pixelate", (ptr, w, h, b)),
            Tone::Noise(a, seed, mono) => rx.call("noise", (ptr, w, h, a, seed, u32::from(mono))),
            Tone::Dither(n, m) => rx.call("dither", (ptr, w, h, n, m)),
        }
    }
}

fn assert_same(rx: &mut Rawpx, op: Tone, px: &[u8], w: u32, h: u32) {
    let got = in_place(rx, px, format_args!("{op:?} on {w}×{h}"), |rx, ptr| op.run(rx, ptr, w, h));
    let mut want = px.to_vec();
    op.reference(&mut want, w);
    assert_same_pixels(&got, &want, Some(px), format_args!("{op:?} on {w}×{h}"));
}

#[test]
fn every_tone_op_equals_its_scalar_reference() {
    let mut rx = Rawpx::new();
    let mut rng = Rng(31);
    for round in 0..3 {
        for &(w, h) in SIZES {
            let px = rng.image(w, h);
            for op in Tone::all(&mut rng) {
                assert_same(&mut rx, op, &px, w, h);
            }
        }
        let (w, h) = (1000 + round, 9);
        let px = rng.image(w, h);
        for op in Tone::all(&mut rng) {
            assert_same(&mut rx, op, &px, w, h);
        }
    }
}

#[test]
fn hsl_and_vibrance_equal_the_reference_for_every_colour() {
    let px: Vec<u8> = (0..1u32 << 24)
        .flat_map(|rgb| {
            let [r, g, b, _] = rgb.to_le_bytes();
            [r, g, b, r ^ b]
        })
        .collect();
    let mut rx = Rawpx::new();
    for op in [Tone::Hsl(123.4, 1.6, -0.2), Tone::Vibrance(0.7)] {
        assert_same(&mut rx, op, &px, 4096, 4096);
    }
}

#[test]
fn repeated_tone_ops_do_not_grow_memory() {
    let mut rx = Rawpx::new();
    let mut rng = Rng(32);
    let (w, h) = (300, 200);
    let px = rng.image(w, h);
    let ops = Tone::all(&mut rng);
    assert_memory_flat(&mut rx, &px, 5, |rx, ptr| {
        for op in &ops {
            assert_eq!(op.run(rx, ptr, w, h), 0);
        }
    });
}

#[test]
fn dither_out_of_memory_writes_nothing_but_bookkeeping() {
    let (w, h) = SCRATCH_IMAGE;
    let calls: Vec<(String, ScratchCall)> = (0..2u32)
        .map(|method| {
            (
                format!("dither method {method}"),
                Box::new(move |rx: &mut Rawpx, src, _, _| {
                    rx.call("dither", (src, w, h, 5u32, method))
                }) as ScratchCall,
            )
        })
        .collect();
    assert_out_of_memory_writes_only_bookkeeping(&calls);
}
