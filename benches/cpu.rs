//! Thread CPU time, shared by `cargo bench` and `examples/scan_file.rs`.

/// CPU time of this thread, in seconds: unlike wall-clock time it does not count the time
/// other processes held the core, which on a busy 2-core machine can be most of it.
pub fn thread_cpu() -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec through a valid pointer.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9
}
