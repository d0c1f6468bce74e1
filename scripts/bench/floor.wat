;; The floor: one SIMD128 read+write pass over [ptr, ptr+len), the least any
;; in-place filter over those bytes must do.
(module
  (memory (export "memory") 1)
  (func (export "pass") (param $ptr i32) (param $len i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $ptr) (local.get $len)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $ptr) (local.get $end)))
        (v128.store (local.get $ptr) (v128.load (local.get $ptr)))
        (local.set $ptr (i32.add (local.get $ptr) (i32.const 16)))
        (br $next)))))
