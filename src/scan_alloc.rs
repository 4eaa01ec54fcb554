//! The first module's memory allocator (feature `scanner`, wasm32 only): blocks of a power of
//! two bytes, one free list per size, carved from pages that `memory.grow` adds.
//!
//! Why not the standard library's (dlmalloc): it is ~4.6 KB of code in a module where every
//! byte delays the first highlight (docs/benchmarks.md, "Round 11"), and the first module's
//! allocations are few and repeat scan after scan (the same text buffers, the same tables), so
//! a block freed by one scan is the block the next scan asks for. What it costs: a block is up
//! to twice its request and is never merged with its neighbours or given to another size, so
//! the module may hold up to about twice dlmalloc's memory after a large scan (wasm memory
//! never shrinks with either). The full module, which guards requests, keeps dlmalloc.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;

/// A wasm page.
const PAGE: usize = 65536;
/// The smallest block: room for the free list's link, and the alignment most values need.
const MIN_CLASS: u32 = 3;

/// Free lists and the bump region, behind the allocator's shared reference.
struct Heap {
    /// The first free block of each size `1 << class` (0: none); each free block holds the
    /// address of the next.
    free: [usize; usize::BITS as usize],
    /// Where the next new block may start.
    bump: usize,
    /// The end of the memory as last seen (0 before the first block).
    end: usize,
}

/// The allocator (see the module docs). A wasm32 module without threads runs one call at a
/// time, so the heap needs no lock.
pub(crate) struct ScanAlloc(UnsafeCell<Heap>);

// SAFETY: the first module is built for wasm32 without the `atomics` feature: one thread, and
// the allocator is never re-entered (it calls nothing that allocates).
unsafe impl Sync for ScanAlloc {}

impl ScanAlloc {
    /// An empty heap; memory is asked for on the first allocation.
    pub(crate) const fn new() -> ScanAlloc {
        ScanAlloc(UnsafeCell::new(Heap {
            free: [0; usize::BITS as usize],
            bump: 0,
            end: 0,
        }))
    }
}

/// The size class of `layout`: blocks of `1 << class` bytes, aligned to their size up to a
/// page, hold any layout whose size and alignment fit in them.
fn class(layout: Layout) -> Option<u32> {
    let size = layout.size().max(layout.align()).max(1 << MIN_CLASS);
    Some(size.checked_next_power_of_two()?.trailing_zeros())
}

// SAFETY: every block handed out lies in memory grown for it and no other live block: a new
// block comes from the bump region (which only moves forward), a reused one from its size's
// free list, where `dealloc` put it back after its last use. Blocks are aligned to their size
// (to a page above that), which covers every alignment of a layout of their class.
unsafe impl GlobalAlloc for ScanAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(class) = class(layout) else {
            return std::ptr::null_mut();
        };
        // SAFETY: one thread, not re-entered (see the `Sync` impl): no other reference.
        let heap = unsafe { &mut *self.0.get() };
        let head = heap.free[class as usize];
        if head != 0 {
            // SAFETY: a free block of this class holds the next one's address.
            heap.free[class as usize] = unsafe { *(head as *const usize) };
            return head as *mut u8;
        }
        let size = 1usize << class;
        // Blocks are aligned to their size up to a page: no layout asks for more in practice,
        // and one that did gets no block rather than a misaligned one.
        let align = size.min(PAGE);
        if layout.align() > align {
            return std::ptr::null_mut();
        }
        loop {
            // Memory grown by anyone else (nothing in this module does) is left to them: new
            // blocks start after it.
            let top = core::arch::wasm32::memory_size(0) * PAGE;
            if top != heap.end {
                heap.bump = top;
                heap.end = top;
            }
            let Some(end) = heap
                .bump
                .checked_add(align - 1)
                .map(|b| b & !(align - 1))
                .and_then(|start| start.checked_add(size))
            else {
                return std::ptr::null_mut();
            };
            if end <= heap.end {
                heap.bump = end;
                return (end - size) as *mut u8;
            }
            let pages = (end - heap.end).div_ceil(PAGE);
            let before = core::arch::wasm32::memory_grow(0, pages);
            if before == usize::MAX {
                return std::ptr::null_mut();
            }
            // Grown right after the blocks (the next round then fits the block there).
            if before * PAGE == heap.end {
                heap.end += pages * PAGE;
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let Some(class) = class(layout) else { return };
        // SAFETY: as in `alloc`.
        let heap = unsafe { &mut *self.0.get() };
        // SAFETY: the block is ours, unused from now on, and at least a word long.
        unsafe { *(ptr as *mut usize) = heap.free[class as usize] };
        heap.free[class as usize] = ptr as usize;
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller's layout is valid for `ptr`; the new one differs only in size.
        let new = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if class(new) == class(layout) {
            return ptr;
        }
        // SAFETY: as `GlobalAlloc::realloc` requires of every implementation.
        unsafe {
            let moved = self.alloc(new);
            if !moved.is_null() {
                std::ptr::copy_nonoverlapping(ptr, moved, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            moved
        }
    }
}
