//! The status codes every filter returns (docs/abi.md, "Status codes").

/// Why a call was refused. On any of these no byte of memory was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(i32)]
pub enum Status {
    /// A dimension is 0, or a parameter is NaN, infinite or out of its range.
    InvalidArgument = -1,
    /// `width*height*4` overflows, or a buffer is not inside memory.
    OutOfBounds = -2,
    /// Scratch space could not be allocated.
    OutOfMemory = -3,
    /// Two buffers share a byte where they must not.
    Overlap = -4,
}

/// The `i32` an export returns: 0 for success, else the status code.
pub fn code(result: Result<(), Status>) -> i32 {
    match result {
        Ok(()) => 0,
        Err(status) => status as i32,
    }
}
