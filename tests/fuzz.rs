//! Fuzz: every filter export of the built module, in a fresh instance per
//! call, with valid calls on small random images mixed with adversarial
//! arguments (sizes near 2^16, 2^31 and 2^32, pointers at the heap's edges,
//! past the end of memory and over other buffers, NaN, infinities, zeros,
//! values just out of range), some under a memory cap. Every call must
//! return a status without trapping; a refusal must leave the caller's
//! buffers byte for byte as they were (and, but for OUT_OF_MEMORY's
//! allocator bookkeeping, all of memory); a success may write only inside
//! its own output, never the guard bytes around any buffer.
//!
//! `FUZZ_SECONDS` (default 30) and `FUZZ_SEED` (default 1) set the run; a
//! failure prints `FUZZ_SEED=… FUZZ_CASE=…`, which runs that one call again.

use rawpx_wasm_tests::exports::{self, Arg, Export};
use rawpx_wasm_tests::{Rawpx, Rng, STACK_END};
use std::collections::BTreeMap;
use std::time::{Duration, Instant};
use wasmtime::Val;

/// Guard bytes before and after every buffer.
const GUARD: u32 = 32;
const GUARD_BYTE: u8 = 0xA5;
/// What OUT_OF_MEMORY may change: the allocator's own bookkeeping.
const BOOKKEEPING: usize = 256;

/// A buffer the fuzz placed, with guards around it.
#[derive(Clone, Copy, Debug)]
struct Buffer {
    ptr: u32,
    len: u32,
}

impl Buffer {
    /// The buffer and its guards.
    fn span(self) -> (usize, usize) {
        ((self.ptr - GUARD) as usize, (self.len + 2 * GUARD) as usize)
    }
}

/// Places `len` random bytes with guards around them.
fn place(rx: &mut Rawpx, rng: &mut Rng, len: u32) -> Buffer {
    let block = rx.alloc(len + 2 * GUARD);
    assert_ne!(block, 0, "the fuzz's own buffers fit");
    let mut bytes = vec![GUARD_BYTE; (len + 2 * GUARD) as usize];
    bytes[GUARD as usize..][..len as usize].copy_from_slice(&rng.bytes(len as usize));
    rx.write(block, &bytes);
    Buffer { ptr: block + GUARD, len }
}

/// One call: the export, its arguments, and the buffers it was given.
struct Case {
    name: &'static str,
    kinds: &'static [Arg],
    args: Vec<Val>,
    buffers: BTreeMap<&'static str, Buffer>,
    cap: Option<usize>,
}

impl Case {
    fn describe(&self) -> String {
        let args: Vec<String> = self
            .args
            .iter()
            .map(|v| match v {
                Val::I32(x) => format!("{}", *x as u32),
                Val::F32(bits) => format!("{:?}f32", f32::from_bits(*bits)),
                other => format!("{other:?}"),
            })
            .collect();
        format!("{}({}) with buffers {:?}, memory cap {:?}", self.name, args.join(", "), self.buffers, self.cap)
    }

    fn u32(&self, kind: Arg) -> u32 {
        let i = self.kinds.iter().position(|&k| k == kind).expect("argument");
        self.args[i].unwrap_i32() as u32
    }

    /// Where a successful call may write: the in-place image, the
    /// destination image, or the counts.
    fn output(&self) -> (u64, u64) {
        let has = |kind| self.kinds.contains(&kind);
        let image = |ptr: u32, w: u32, h: u32| (u64::from(ptr), u64::from(w) * u64::from(h) * 4);
        if has(Arg::Counts) {
            (u64::from(self.u32(Arg::Counts)), 4096)
        } else if has(Arg::OutWidth) {
            image(self.u32(Arg::Output), self.u32(Arg::OutWidth), self.u32(Arg::OutHeight))
        } else if has(Arg::CropWidth) {
            image(self.u32(Arg::Output), self.u32(Arg::CropWidth), self.u32(Arg::CropHeight))
        } else if has(Arg::Output) {
            image(self.u32(Arg::Output), self.u32(Arg::Width), self.u32(Arg::Height))
        } else {
            image(self.u32(Arg::Image), self.u32(Arg::Width), self.u32(Arg::Height))
        }
    }
}

fn f32_between(rng: &mut Rng, lo: f32, hi: f32) -> f32 {
    // A valid value, now and then an end of the range.
    match rng.next() % 8 {
        0 => hi,
        1 => lo,
        _ => rng.f32(lo, hi.min(lo + 60.0)),
    }
}

/// A valid call of export `e` on a small random image.
fn valid(rx: &mut Rawpx, rng: &mut Rng, export: &'static Export) -> Case {
    let (name, kinds) = (export.name, &export.args[..]);
    // Small images, and now and then one needing more scratch.
    let (most_w, most_h) = if rng.next() % 8 == 0 { (300, 200) } else { (40, 24) };
    let (w, h) = (1 + (rng.next() % most_w) as u32, 1 + (rng.next() % most_h) as u32);
    let (ow, oh) = (1 + (rng.next() % 40) as u32, 1 + (rng.next() % 24) as u32);
    let (cx, cy) = ((rng.next() % u64::from(w)) as u32, (rng.next() % u64::from(h)) as u32);
    let (cw, ch) = (1 + (rng.next() % u64::from(w - cx)) as u32, 1 + (rng.next() % u64::from(h - cy)) as u32);
    let size = 1 + 2 * (rng.next() % 8) as u32;
    // A band of a resize: the whole source, and output rows `first..` of a
    // taller output.
    let first = (rng.next() % 8) as u32;
    let mut buffers = BTreeMap::new();
    let mut buffer = |rx: &mut Rawpx, rng: &mut Rng, key, len| *buffers.entry(key).or_insert_with(|| place(rx, rng, len));
    let mut args = Vec::new();
    for &kind in kinds {
        let v = match kind {
            Arg::Image => Val::I32(buffer(rx, rng, "image", w * h * 4).ptr as i32),
            Arg::Width => Val::I32(w as i32),
            Arg::Height => Val::I32(h as i32),
            Arg::Output => {
                let len = if kinds.contains(&Arg::OutWidth) { ow * oh * 4 } else { w * h * 4 };
                Val::I32(buffer(rx, rng, "output", len).ptr as i32)
            }
            Arg::OutWidth => Val::I32(ow as i32),
            Arg::OutHeight => Val::I32(oh as i32),
            Arg::Matrix | Arg::Matrices | Arg::Kernel => {
                let n = match kind { Arg::Matrix => 20, Arg::Matrices => 160, _ => 225 };
                let floats: Vec<u8> = (0..n).flat_map(|_| rng.f32(-2.0, 2.0).to_le_bytes()).collect();
                let b = buffer(rx, rng, "floats", floats.len() as u32);
                rx.write(b.ptr, &floats);
                Val::I32(b.ptr as i32)
            }
            Arg::Lut => Val::I32(buffer(rx, rng, "lut", 1024).ptr as i32),
            Arg::Counts => Val::I32(buffer(rx, rng, "counts", 4096).ptr as i32),
            Arg::KernelSize => Val::I32(size as i32),
            Arg::Top => Val::I32(0),
            Arg::First => Val::I32(first as i32),
            Arg::WholeHeight => Val::I32(h as i32),
            Arg::WholeOutHeight => Val::I32((oh + first + (rng.next() % 3) as u32) as i32),
            Arg::CropX => Val::I32(cx as i32),
            Arg::CropY => Val::I32(cy as i32),
            Arg::CropWidth => Val::I32(cw as i32),
            Arg::CropHeight => Val::I32(ch as i32),
            // Mostly overlapping, now and then not at all.
            Arg::Offset => Val::I32((rng.next() % 97) as i32 - 48),
            Arg::Order => Val::I32(u32::from_le_bytes(std::array::from_fn(|_| (rng.next() % 6) as u8)) as i32),
            Arg::Choice(codes) => Val::I32(codes[(rng.next() % codes.len() as u64) as usize] as i32),
            Arg::I32(lo, hi) => Val::I32(lo + (rng.next() % (hi - lo + 1) as u64) as i32),
            Arg::U32(lo, hi) => Val::I32((lo + (rng.next() % u64::from(hi.min(lo + 40) - lo + 1)) as u32) as i32),
            Arg::F32 { lo, hi, above } => {
                let x = f32_between(rng, lo, hi);
                Val::F32((if above && x == lo { hi } else { x }).to_bits())
            }
            Arg::Finite => Val::F32(rng.f32(-300.0, 300.0).to_bits()),
        };
        args.push(v);
    }
    Case { name, kinds, args, buffers, cap: None }
}

/// An adversarial value for an argument of `kind`.
fn adversarial(rx: &Rawpx, rng: &mut Rng, case: &Case, kind: Arg) -> Val {
    let end = rx.memory_size() as u64;
    let (r1, r2) = (rng.next(), rng.next());
    let pick = |rng: &mut Rng, xs: &[u64]| xs[(rng.next() % xs.len() as u64) as usize];
    match kind {
        Arg::Image | Arg::Output | Arg::Matrix | Arg::Matrices | Arg::Lut | Arg::Counts | Arg::Kernel => {
            let other = case.buffers.values().nth((rng.next() % case.buffers.len() as u64) as usize).map_or(0, |b| u64::from(b.ptr));
            let v = pick(rng, &[
                0, 8, STACK_END as u64 - 16, STACK_END as u64, STACK_END as u64 + 1024, end, end - 4, end - 16, end - 64, end - 4096,
                end + 65536, u64::from(u32::MAX), u64::from(u32::MAX) - 15, 1 << 31, other, other + 4, other.saturating_sub(4),
                r1 % end, r2 & 0xffff_ffff,
            ]);
            Val::I32(v as u32 as i32)
        }
        Arg::Width | Arg::Height | Arg::OutWidth | Arg::OutHeight | Arg::CropX | Arg::CropY | Arg::CropWidth | Arg::CropHeight
        | Arg::Top | Arg::First | Arg::WholeHeight | Arg::WholeOutHeight | Arg::KernelSize | Arg::U32(..) | Arg::I32(..) | Arg::Offset | Arg::Order | Arg::Choice(_) => {
            let (lo, hi) = match kind {
                Arg::U32(lo, hi) => (i64::from(lo), i64::from(hi)),
                Arg::I32(lo, hi) => (i64::from(lo), i64::from(hi)),
                Arg::Offset => (i64::from(i32::MIN), i64::from(i32::MAX)),
                Arg::Order => (0, 0x0505_0505),
                Arg::Choice(codes) => (0, i64::from(*codes.iter().max().unwrap_or(&0))),
                _ => (0, 15),
            };
            let v = pick(rng, &[
                0, 1, 2, 3, 0xffff, 0x1_0000, 0x1_0001, 0x7fff_ffff, 0x8000_0000, 0x8000_0001, 0xffff_fffe, 0xffff_ffff,
                (lo - 1) as u64, (hi + 1) as u64, r1 % 70_000, r2 & 0xffff_ffff,
            ]);
            Val::I32(v as u32 as i32)
        }
        Arg::F32 { lo, hi, .. } => {
            let v = [
                f32::NAN, -f32::NAN, f32::INFINITY, f32::NEG_INFINITY, 0.0, -0.0, f32::MAX, -f32::MAX, f32::MIN_POSITIVE,
                lo.next_down(), hi.next_up(), lo, hi, f32::from_bits(r1 as u32),
            ];
            Val::F32(v[(rng.next() % v.len() as u64) as usize].to_bits())
        }
        Arg::Finite => {
            let v = [f32::NAN, f32::INFINITY, f32::NEG_INFINITY, f32::MAX, -f32::MAX, -0.0, f32::from_bits(r1 as u32)];
            Val::F32(v[(rng.next() % v.len() as u64) as usize].to_bits())
        }
    }
}

/// Builds case `i` of the run with `seed` in a fresh instance.
fn build(seed: u64, i: u64) -> (Rawpx, Case, bool) {
    let mut rng = Rng(seed.wrapping_mul(0x1000_0000_01b3) ^ i);
    let present: Vec<&Export> = exports::present().collect();
    let e = present[(rng.next() % present.len() as u64) as usize];
    let mut rx = Rawpx::new();
    let mut case = valid(&mut rx, &mut rng, e);
    // A quarter of the calls may grow memory by at most 0 to 3 pages.
    if rng.next() % 4 == 0 {
        let cap = rx.memory_size() + (rng.next() % 4) as usize * 65536;
        rx.set_memory_limit(cap);
        case.cap = Some(cap);
    }
    let mutate = rng.next() % 10 >= 3;
    if mutate {
        for _ in 0..1 + rng.next() % 3 {
            let k = (rng.next() % case.kinds.len() as u64) as usize;
            case.args[k] = adversarial(&rx, &mut rng, &case, case.kinds[k]);
        }
    }
    (rx, case, mutate)
}

/// Runs case `i`; the reason it failed, if it did.
fn run(seed: u64, i: u64, statuses: &mut BTreeMap<i32, u64>) -> Result<(), String> {
    let (mut rx, case, mutated) = build(seed, i);
    let before = rx.snapshot();
    let status = rx.call_dynamic(case.name, &case.args).map_err(|e| format!("trapped: {e:?}"))?;
    *statuses.entry(status).or_default() += 1;
    let after = rx.snapshot();
    let at = |ptr: usize| ptr - STACK_END;
    let changed = |from: usize, len: usize| (from..from + len).filter(|&k| before[at(k)] != after[at(k)]).collect::<Vec<_>>();
    match status {
        0 => {
            // Only the output may change: guards and other buffers stay.
            let (out, len) = case.output();
            for (key, b) in &case.buffers {
                let (from, n) = b.span();
                if let Some(k) = changed(from, n).into_iter().find(|&k| (k as u64) < out || k as u64 >= out + len) {
                    return Err(format!("status 0 wrote byte {k} of the {key} buffer (or its guards), outside its output"));
                }
            }
        }
        -1 | -2 | -3 | -4 => {
            for (key, b) in &case.buffers {
                let (from, n) = b.span();
                if !changed(from, n).is_empty() {
                    return Err(format!("status {status} changed the {key} buffer"));
                }
            }
            let differ = before.iter().zip(&after).filter(|(a, b)| a != b).count();
            let allowed = if status == -3 { BOOKKEEPING } else { 0 };
            if differ > allowed {
                return Err(format!("status {status} changed {differ} bytes of memory"));
            }
        }
        other => return Err(format!("status {other} is no status code")),
    }
    if !mutated && status != 0 && !(status == -3 && case.cap.is_some()) {
        return Err(format!("a valid call returned {status}"));
    }
    Ok(())
}

fn main() {
    let var = |name: &str, default: u64| std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default);
    let seed = var("FUZZ_SEED", 1);
    let mut statuses = BTreeMap::new();
    if let Ok(one) = std::env::var("FUZZ_CASE") {
        let i = one.parse().expect("FUZZ_CASE is a number");
        println!("{}", build(seed, i).1.describe());
        let result = run(seed, i, &mut statuses);
        println!("{result:?}");
        std::process::exit(i32::from(result.is_err()));
    }
    // Every export is fuzzed: the module has exactly the declared ones.
    let mut have: Vec<&str> = rawpx_wasm_tests::module().exports().map(|e| e.name()).collect();
    let mut want: Vec<&str> = exports::names().chain(["alloc", "free", "memory"]).collect();
    (have.sort(), want.sort());
    assert_eq!(have, want, "the module's exports against src/abi.rs and RAWPX_GROUPS");
    let budget = Duration::from_secs(var("FUZZ_SECONDS", 30));
    let start = Instant::now();
    let mut i = 0;
    while start.elapsed() < budget {
        if let Err(why) = run(seed, i, &mut statuses) {
            eprintln!("fuzz: {why}\n  call: {}\n  again: FUZZ_SEED={seed} FUZZ_CASE={i} cargo test -p rawpx-wasm-tests --test fuzz", build(seed, i).1.describe());
            println!("0 passed, 1 failed");
            std::process::exit(1);
        }
        i += 1;
    }
    let counts: Vec<String> = statuses.iter().map(|(s, n)| format!("{s}: {n}")).collect();
    println!(
        "fuzz: {i} calls of {} exports in {:.0} s (seed {seed}, {}), statuses {}, traps 0",
        exports::names().count(),
        start.elapsed().as_secs_f64(),
        rawpx_wasm_tests::module_path().display(),
        counts.join(", ")
    );
    println!("{i} passed, 0 failed");
}
