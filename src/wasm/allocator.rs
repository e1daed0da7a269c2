//! The module's memory allocator: talc instead of the standard library's dlmalloc.
//!
//! Measured in WebAssembly (docs/benchmarks.md): the module is 2.2 KB smaller gzipped (dlmalloc's
//! code is more than talc's), the first `Policy.fromJson` of a fresh process about 1 ms shorter
//! (paired median of 25 fresh processes; most of a cold load is V8 compiling the code it touches),
//! a verdict unchanged (it allocates nothing) and a full decision about 3% slower.

use core::alloc::{GlobalAlloc, Layout};

/// talc behind calls that are never inlined: inlined, its fast paths were copied into every
/// caller that allocates and the module grew by 9 KB instead of shrinking by 5.
struct OutOfLine(talc::wasm::WasmDynamicTalc);

// SAFETY: every method forwards its arguments unchanged to talc's own `GlobalAlloc`, whose
// contract is the same.
unsafe impl GlobalAlloc for OutOfLine {
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        self.0.alloc(layout)
    }

    #[inline(never)]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        self.0.dealloc(ptr, layout)
    }

    #[inline(never)]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        self.0.realloc(ptr, layout, new_size)
    }
}

// The module is built without threads (no `atomics` target feature), which talc's single-threaded
// WebAssembly allocator requires.
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: OutOfLine = OutOfLine(talc::wasm::new_wasm_dynamic_allocator());
