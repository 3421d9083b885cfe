//! Safe Rust API of libreel, the Reel video resource engine.
//!
//! Reel owns the memory and objects a video pipeline needs: pooled frames, audio and
//! bitstream buffers with exact accounting and leak detection, AV1 encoder and decoder
//! sessions (SVT-AV1, dav1d), IVF and Y4M files, a movie writer and a frame cache for
//! editors. This crate wraps the C API of `reel.h` (through [`sys`], the declarations
//! `reel-sys` generates with bindgen) in owned types:
//!
//! - every handle is owned by a value whose `Drop` destroys, closes or releases it;
//! - every object keeps its [`Context`] alive, so a context is destroyed after the last
//!   object made from it;
//! - a failed call is an [`Error`] with the [`ErrorCode`], the raw `reel_result_t` and the
//!   message Reel wrote on the calling thread, which names the argument and the limit;
//! - buffers are [`UniqueBuffer`] while only the host references them (writable planes and
//!   bytes) and [`Buffer`] once shared (`Clone` = `reel_buffer_retain`, read-only slices
//!   whose lifetimes are tied to the buffer);
//! - `Send` and `Sync` are implemented where reel.h says an object is safe from any thread
//!   (every object of this crate; each impl says which sentence of the header allows it).
//!
//! ```no_run
//! # fn main() -> reel::Result<()> {
//! use reel::{Context, Encoder, EncoderSettings, IvfWriter, MediaInfo, PixelFormat, Pool, Received};
//!
//! let context = Context::builder().name("recorder").build()?;
//! let frames = Pool::frames(&context, PixelFormat::I420, 320, 240)?;
//! let encoder = Encoder::new(&context, &EncoderSettings::new(320, 240).fps(30, 1))?;
//! let file = IvfWriter::create(&context, "clip.ivf", MediaInfo::new(320, 240, 30, 1))?;
//! for i in 0..30 {
//!     let mut frame = frames.acquire()?;
//!     for (p, plane) in frame.frame_mut()?.planes_mut().into_iter().enumerate() {
//!         plane.fill(if p == 0 { (i * 8) as u8 } else { 128 });
//!     }
//!     frame.set_pts(i)?;
//!     encoder.submit(&frame.share(), false, reel::WAIT_FOREVER)?;
//! }
//! encoder.flush()?;
//! while let Received::Item(packet) = encoder.receive(reel::WAIT_FOREVER)? {
//!     file.write(&packet)?;
//! }
//! file.close()?;
//! # Ok(()) }
//! ```
//!
//! The crate links libreel through `reel-sys`: set `REEL_INCLUDE_DIR` and `REEL_LIB_DIR` to
//! an installed prefix's `include` and `lib` (and `LD_LIBRARY_PATH` to that `lib` to run),
//! or build inside the Reel repository, where they default to `include/` and
//! `artifacts/lib`.
#![deny(missing_docs)]

mod buffer;
mod context;
mod decoder;
mod encoder;
mod error;
mod frame;
mod frame_cache;
mod ivf;
mod media;
mod movie_writer;
mod pool;
mod receive;
mod strings;
mod timeline;
mod version;
mod y4m;

pub mod vulkan;

/// The raw declarations of `reel.h` (the `reel-sys` crate), for what this crate does not wrap.
pub use reel_sys as sys;

pub use buffer::{Buffer, UniqueBuffer};
pub use context::{Context, ContextBuilder, LogLevel};
pub use decoder::{Decoder, DecoderSettings};
pub use encoder::{Encoder, EncoderSettings};
pub use error::{Error, ErrorCode, Result};
pub use frame::{Frame, FrameMut, PixelFormat};
pub use frame_cache::{FrameCache, FrameCacheSettings};
pub use ivf::{IvfReader, IvfWriter};
pub use media::MediaInfo;
pub use movie_writer::MovieWriter;
pub use pool::{Pool, PoolConfig, SampleFormat};
pub use receive::Received;
pub use timeline::Timeline;
pub use version::{header_version, library_version, Version};
pub use y4m::{Y4mReader, Y4mWriter};

/// `REEL_WAIT_FOREVER`: a timeout in milliseconds that never ends.
pub const WAIT_FOREVER: u32 = sys::REEL_WAIT_FOREVER;
