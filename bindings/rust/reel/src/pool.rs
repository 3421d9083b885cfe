//! Pools of refcounted buffers: frames, audio, bytes.
use crate::buffer::UniqueBuffer;
use crate::context::Context;
use crate::error::{check, Error, Result};
use crate::frame::PixelFormat;
use reel_sys as sys;

/// Interleaved audio sample formats (`reel_sample_format_t`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SampleFormat {
    /// 32-bit float.
    F32,
    /// 16-bit signed.
    S16,
    /// 32-bit signed.
    S32,
}

impl SampleFormat {
    fn to_raw(self) -> sys::reel_sample_format_t {
        match self {
            SampleFormat::F32 => sys::reel_sample_format_t_REEL_SAMPLE_FORMAT_F32,
            SampleFormat::S16 => sys::reel_sample_format_t_REEL_SAMPLE_FORMAT_S16,
            SampleFormat::S32 => sys::reel_sample_format_t_REEL_SAMPLE_FORMAT_S32,
        }
    }
}

/// Sizing and policy shared by every pool kind (`reel_pool_config_t`, every field of which
/// is plain data, public in `.0`). The `Default` is all-zero, which means the defaults of
/// reel.h: a cap of 16 frames / 64 audio buffers / 16 per byte class, linear growth, FAIL
/// when exhausted.
#[derive(Clone, Copy, Debug)]
pub struct PoolConfig(pub sys::reel_pool_config_t);

impl Default for PoolConfig {
    fn default() -> PoolConfig {
        // SAFETY: reel_pool_config_t is plain integers and enums in which 0 means "default".
        PoolConfig(unsafe { std::mem::zeroed() })
    }
}

impl PoolConfig {
    /// The cap, 1..262144 (per size class for byte pools).
    pub fn max(mut self, max: u32) -> PoolConfig {
        self.0.max = max;
        self
    }

    /// At the cap, wait up to `timeout_ms` for a release (`REEL_POOL_EXHAUSTION_WAIT`;
    /// 0 means 1000 ms, `REEL_WAIT_FOREVER` no limit) instead of failing.
    pub fn wait(mut self, timeout_ms: u32) -> PoolConfig {
        self.0.exhaustion = sys::reel_pool_exhaustion_t_REEL_POOL_EXHAUSTION_WAIT;
        self.0.wait_timeout_ms = timeout_ms;
        self
    }
}

/// A pool of refcounted buffers of one kind (`reel_pool_t`). Acquire is lock-free and
/// allocation-free when an idle buffer exists. Dropping the pool destroys it
/// (`reel_pool_destroy`): idle buffers are freed, buffers out stay valid until released.
pub struct Pool {
    handle: sys::reel_pool_t,
    context: Context,
}

// SAFETY: reel.h section 5: "every function is safe from any thread; acquire, retain and
// release are lock-free". The one call that must not race, reel_pool_destroy, runs in Drop,
// which has the pool to itself.
unsafe impl Send for Pool {}
// SAFETY: as for Send: acquire, trim and stats may run from several threads at once.
unsafe impl Sync for Pool {}

impl Pool {
    /// A frame pool of one format and size (`reel_frame_pool_create`) with the default
    /// sizing (a cap of 16, FAIL when exhausted).
    pub fn frames(context: &Context, format: PixelFormat, width: u32, height: u32) -> Result<Pool> {
        Pool::frames_with(context, format, width, height, PoolConfig::default())
    }

    /// A frame pool with its sizing and policy.
    ///
    /// # Errors
    /// [`crate::ErrorCode::InvalidArgument`] for a size, alignment or count out of range
    /// (the message names the field, e.g. `desc->width is 0`).
    pub fn frames_with(context: &Context, format: PixelFormat, width: u32, height: u32, config: PoolConfig) -> Result<Pool> {
        // SAFETY: all-zero is the default of this plain struct (NULL name).
        let mut desc: sys::reel_frame_pool_desc_t = unsafe { std::mem::zeroed() };
        desc.struct_size = std::mem::size_of::<sys::reel_frame_pool_desc_t>() as u32;
        desc.format = format.to_raw();
        desc.width = width;
        desc.height = height;
        desc.config = config.0;
        let mut handle: sys::reel_pool_t = std::ptr::null_mut();
        // SAFETY: a live context, a complete description without pointers, a valid out pointer.
        check(unsafe { sys::reel_frame_pool_create(context.as_raw(), &desc, &mut handle) })?;
        Ok(Pool { handle, context: context.clone() })
    }

    /// A pool of interleaved audio buffers of `samples_per_buffer` x `channels` samples
    /// (`reel_audio_pool_create`).
    pub fn audio(context: &Context, format: SampleFormat, channels: u32, samples_per_buffer: u32,
                 sample_rate: u32, config: PoolConfig) -> Result<Pool> {
        // SAFETY: all-zero is the default of this plain struct.
        let mut desc: sys::reel_audio_pool_desc_t = unsafe { std::mem::zeroed() };
        desc.struct_size = std::mem::size_of::<sys::reel_audio_pool_desc_t>() as u32;
        desc.format = format.to_raw();
        desc.channels = channels;
        desc.samples_per_buffer = samples_per_buffer;
        desc.sample_rate = sample_rate;
        desc.config = config.0;
        let mut handle: sys::reel_pool_t = std::ptr::null_mut();
        // SAFETY: as frames_with.
        check(unsafe { sys::reel_audio_pool_create(context.as_raw(), &desc, &mut handle) })?;
        Ok(Pool { handle, context: context.clone() })
    }

    /// A pool of byte buffers in power-of-two classes from `min_class_size` to
    /// `max_class_size` (0 and 0: 64 KiB to 16 MiB), `config` per class (`reel_byte_pool_create`).
    pub fn bytes(context: &Context, min_class_size: u64, max_class_size: u64, config: PoolConfig) -> Result<Pool> {
        // SAFETY: all-zero is the default of this plain struct.
        let mut desc: sys::reel_byte_pool_desc_t = unsafe { std::mem::zeroed() };
        desc.struct_size = std::mem::size_of::<sys::reel_byte_pool_desc_t>() as u32;
        desc.min_class_size = min_class_size;
        desc.max_class_size = max_class_size;
        desc.config = config.0;
        let mut handle: sys::reel_pool_t = std::ptr::null_mut();
        // SAFETY: as frames_with.
        check(unsafe { sys::reel_byte_pool_create(context.as_raw(), &desc, &mut handle) })?;
        Ok(Pool { handle, context: context.clone() })
    }

    /// The raw handle, for calls through [`crate::sys`]; valid while the pool lives.
    pub fn as_raw(&self) -> sys::reel_pool_t {
        self.handle
    }

    /// Takes a frame or audio buffer (`reel_pool_acquire`), pts and tag 0.
    ///
    /// # Errors
    /// [`crate::ErrorCode::LimitReached`] when every buffer is out (FAIL policy),
    /// [`crate::ErrorCode::Timeout`] when a WAIT ran out, [`crate::ErrorCode::InvalidArgument`]
    /// for a byte pool.
    pub fn acquire(&self) -> Result<UniqueBuffer> {
        let mut buffer: sys::reel_buffer_t = std::ptr::null_mut();
        // SAFETY: a live pool and a valid out pointer.
        let result = unsafe { sys::reel_pool_acquire(self.handle, &mut buffer) };
        self.taken(result, buffer, "reel_pool_acquire")
    }

    /// Like [`Pool::acquire`], but `Ok(None)` when the pool has nothing to give: every
    /// buffer is out (`REEL_ERROR_LIMIT_REACHED`) or a WAIT ran out (`REEL_TIMEOUT`).
    pub fn try_acquire(&self) -> Result<Option<UniqueBuffer>> {
        match self.acquire() {
            Ok(buffer) => Ok(Some(buffer)),
            Err(error) if matches!(error.code(), crate::ErrorCode::LimitReached | crate::ErrorCode::Timeout) => Ok(None),
            Err(error) => Err(error),
        }
    }

    /// Takes a byte buffer of at least `size` bytes; its payload size is `size`
    /// (`reel_pool_acquire_bytes`).
    pub fn acquire_bytes(&self, size: usize) -> Result<UniqueBuffer> {
        let mut buffer: sys::reel_buffer_t = std::ptr::null_mut();
        // SAFETY: a live pool and a valid out pointer.
        let result = unsafe { sys::reel_pool_acquire_bytes(self.handle, size as sys::size_t, &mut buffer) };
        self.taken(result, buffer, "reel_pool_acquire_bytes")
    }

    /// Frees idle buffers, the longest idle first, until at most `keep_idle` remain
    /// (`reel_pool_trim`). Returns the number freed.
    pub fn trim(&self, keep_idle: u32) -> Result<u32> {
        let mut freed = 0u32;
        // SAFETY: a live pool and a valid out pointer.
        check(unsafe { sys::reel_pool_trim(self.handle, keep_idle, &mut freed) })?;
        Ok(freed)
    }

    /// The pool's counters (`reel_pool_get_stats`); cheap enough for every frame.
    pub fn stats(&self) -> Result<sys::reel_pool_stats_t> {
        // SAFETY: all-zero is a valid value of this plain struct; struct_size is set below.
        let mut stats: sys::reel_pool_stats_t = unsafe { std::mem::zeroed() };
        stats.struct_size = std::mem::size_of::<sys::reel_pool_stats_t>() as u32;
        // SAFETY: a live pool and a stats struct of the size it declares.
        check(unsafe { sys::reel_pool_get_stats(self.handle, &mut stats) })?;
        Ok(stats)
    }

    fn taken(&self, result: sys::reel_result_t, buffer: sys::reel_buffer_t, function: &str) -> Result<UniqueBuffer> {
        if result == sys::reel_result_t_REEL_TIMEOUT {
            return Err(Error::new(result, format!("{function}: no buffer came back within the pool's wait_timeout_ms")));
        }
        check(result)?;
        // SAFETY: a buffer just acquired has one reference, handed to us, and no other holder.
        Ok(unsafe { UniqueBuffer::from_raw(buffer, self.context.clone()) })
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        // SAFETY: the pool is ours and no other call on it can run (Drop has it exclusively).
        unsafe { sys::reel_pool_destroy(self.handle) };
    }
}
