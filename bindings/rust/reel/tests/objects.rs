//! Contexts, pools, buffers, errors and timelines through the safe API.
use reel::{Buffer, Context, ErrorCode, LogLevel, PixelFormat, Pool, PoolConfig, SampleFormat, Timeline};
use std::sync::{Arc, Mutex};

#[test]
fn crate_version_is_the_headers_and_the_librarys() {
    let header = reel::header_version();
    assert_eq!(env!("CARGO_PKG_VERSION"), header.to_string(), "bump Cargo.toml with REEL_VERSION_* in reel.h");
    assert_eq!(reel::library_version(), header);
    assert!(reel::library_version().serves(header));
}

#[test]
fn errors_carry_the_code_and_reels_message() {
    let error = Context::builder().name(&"x".repeat(64)).build().err().expect("a 64-byte name is refused");
    assert_eq!(error.code(), ErrorCode::InvalidArgument);
    assert_eq!(error.name(), "REEL_ERROR_INVALID_ARGUMENT");
    assert!(error.message().starts_with("reel_context_create: desc->name"), "{error}");
    assert!(error.to_string().starts_with("REEL_ERROR_INVALID_ARGUMENT: reel_context_create"));

    let context = Context::new().unwrap();
    let error = Pool::frames(&context, PixelFormat::I420, 0, 16).err().unwrap();
    assert!(error.message().contains("desc->width is 0"), "{error}");
    let error = Context::builder().name("a\0b").build().err().unwrap();
    assert_eq!(error.code(), ErrorCode::InvalidArgument);
}

#[test]
fn the_logger_hears_reel() {
    let heard = Arc::new(Mutex::new(Vec::<(LogLevel, String)>::new()));
    let sink = heard.clone();
    let context = Context::builder()
        .name("logged")
        .log(move |level, message| sink.lock().unwrap().push((level, message.to_owned())))
        .log_level(LogLevel::Info)
        .build()
        .unwrap();
    drop(context);
    let heard = heard.lock().unwrap();
    assert!(heard.iter().any(|(_, message)| message.contains("context destroyed")), "{heard:?}");
    assert!(heard.iter().all(|(level, _)| *level <= LogLevel::Info));
}

#[test]
fn a_panicking_logger_does_not_unwind_into_reel() {
    let context = Context::builder().log(|_, _| panic!("host logger broke")).log_level(LogLevel::Trace).build().unwrap();
    assert_eq!(context.advance_frame().unwrap(), 1);
}

#[test]
fn clone_is_retain_and_the_last_drop_returns_the_buffer() {
    let context = Context::new().unwrap();
    let pool = Pool::frames_with(&context, PixelFormat::I420, 32, 32, PoolConfig::default().max(1)).unwrap();
    let first = pool.acquire().unwrap().share();
    let second = first.clone();
    assert_eq!(first.as_raw(), second.as_raw());
    drop(first);
    assert_eq!(pool.stats().unwrap().in_use, 1, "the clone keeps it out");
    assert!(pool.try_acquire().unwrap().is_none(), "max 1, FAIL policy");
    let error = pool.acquire().err().unwrap();
    assert_eq!(error.code(), ErrorCode::LimitReached);
    drop(second);
    assert_eq!(pool.stats().unwrap().in_use, 0);
    assert_eq!(context.memory().unwrap().buffers_out, 0);
}

#[test]
fn a_wait_pool_times_out_with_a_timeout_error() {
    let context = Context::new().unwrap();
    let pool = Pool::frames_with(&context, PixelFormat::Nv12, 16, 16, PoolConfig::default().max(1).wait(10)).unwrap();
    let _held = pool.acquire().unwrap();
    let error = pool.acquire().err().unwrap();
    assert_eq!(error.code(), ErrorCode::Timeout);
    assert!(pool.try_acquire().unwrap().is_none());
}

#[test]
fn planes_are_slices_written_through_the_unique_buffer() {
    let context = Context::new().unwrap();
    let pool = Pool::frames(&context, PixelFormat::I420, 5, 3).unwrap();
    let mut frame = pool.acquire().unwrap();
    {
        let mut planes = frame.frame_mut().unwrap();
        let stride = planes.stride(0);
        let mut all = planes.planes_mut();
        assert_eq!(all.len(), 3);
        all[0][2 * stride + 4] = 200;
        all[2].fill(77);
    }
    frame.set_pts(42).unwrap();
    frame.set_tag(0xfeed).unwrap();
    let shared: Buffer = frame.share();
    let view = shared.frame().unwrap();
    assert_eq!((view.format(), view.width(), view.height(), view.plane_count()), (Some(PixelFormat::I420), 5, 3, 3));
    assert_eq!(view.plane(0).len(), view.stride(0) * 3);
    assert_eq!(view.plane(1).len(), view.stride(1) * 2, "4:2:0 chroma rounds odd sizes up");
    assert_eq!(view.row(0, 2)[4], 200);
    assert!(view.plane(2).iter().all(|&v| v == 77));
    assert_eq!((shared.pts().unwrap(), shared.tag().unwrap(), view.pts()), (42, 0xfeed, 42));
    assert_eq!(shared.bytes().err().unwrap().code(), ErrorCode::InvalidArgument, "not a byte buffer");
}

#[test]
#[should_panic(expected = "plane 3 of a frame with 3 plane(s)")]
fn a_missing_plane_panics_instead_of_reading_past_the_frame() {
    let context = Context::new().unwrap();
    let pool = Pool::frames(&context, PixelFormat::I420, 8, 8).unwrap();
    let frame = pool.acquire().unwrap();
    let _ = frame.frame().unwrap().plane(3);
}

#[test]
fn bytes_payload_capacity_and_packet_info() {
    let context = Context::new().unwrap();
    let pool = Pool::bytes(&context, 256, 4096, PoolConfig::default()).unwrap();
    let mut packet = pool.acquire_bytes(100).unwrap();
    assert_eq!(packet.bytes().unwrap().len(), 100);
    packet.capacity_mut().unwrap()[..3].copy_from_slice(&[9, 9, 9]);
    assert_eq!(packet.capacity_mut().unwrap().len(), 256);
    packet.set_size(3).unwrap();
    packet.set_packet_info(-1, true).unwrap();
    assert_eq!(packet.set_size(257).err().unwrap().code(), ErrorCode::InvalidArgument);
    let packet = packet.share();
    assert_eq!(packet.bytes().unwrap(), &[9, 9, 9]);
    assert_eq!((packet.dts().unwrap(), packet.is_keyframe().unwrap()), (-1, true));
}

#[test]
fn audio_samples_and_staging() {
    let context = Context::new().unwrap();
    let pool = Pool::audio(&context, SampleFormat::S16, 2, 480, 48000, PoolConfig::default()).unwrap();
    let mut audio = pool.acquire().unwrap();
    assert_eq!(audio.samples_mut().unwrap().len(), 480 * 2 * 2);
    assert_eq!(audio.share().audio_info().unwrap().sample_rate, 48000);
    let mut staging = context.acquire_staging(1000).unwrap();
    assert!(staging.capacity_mut().unwrap().len() >= 1000);
}

#[test]
fn release_after_a_timeline_and_deferred_release() {
    let context = Context::new().unwrap();
    let pool = Pool::frames(&context, PixelFormat::I420, 16, 16).unwrap();
    let timeline = Timeline::new(&context, 0).unwrap();
    pool.acquire().unwrap().share().release_after(&timeline, 5).unwrap();
    context.advance_frame().unwrap();
    assert_eq!(pool.stats().unwrap().in_use, 1, "the timeline is at 0");
    timeline.signal(5).unwrap();
    assert!(timeline.wait(5, 0).unwrap());
    context.advance_frame().unwrap();
    assert_eq!(pool.stats().unwrap().in_use, 0);
    assert_eq!(timeline.value().unwrap(), 5);
    assert_eq!(timeline.signal(4).err().unwrap().code(), ErrorCode::InvalidArgument);

    pool.acquire().unwrap().share().release_deferred(2).unwrap();
    context.advance_frame().unwrap();
    assert_eq!(pool.stats().unwrap().in_use, 1, "one of the two frames has passed");
    context.advance_frame().unwrap();
    assert_eq!(pool.stats().unwrap().in_use, 0);
}

#[test]
fn telemetry_clock_memory_and_json() {
    let context = Context::builder().name("telemetry").memory_budget(1 << 20).build().unwrap();
    let pool = Pool::frames(&context, PixelFormat::Nv12, 64, 64).unwrap();
    let frame = pool.acquire().unwrap();
    assert_eq!(context.outstanding_buffers().unwrap(), 1);
    drop(frame);
    assert_eq!(context.advance_frame().unwrap(), 1);
    context.take_snapshot().unwrap();
    let memory = context.memory().unwrap();
    assert_eq!((memory.frame, memory.budget, memory.buffers_out), (1, 1 << 20, 0));
    let json = context.stats_json(0).unwrap();
    // Compared without whitespace: Reel indents the document.
    let compact: String = json.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(compact.contains("\"name\":\"telemetry\""), "{json}");
    assert!(compact.contains(&format!("\"reel_version\":\"{}\"", reel::library_version())), "{json}");
}

#[test]
fn objects_keep_their_context_alive() {
    let pool = {
        let context = Context::new().unwrap();
        Pool::frames(&context, PixelFormat::I420, 16, 16).unwrap()
    };
    // The Context value is gone, but the pool holds a clone: the context still lives.
    let frame = pool.acquire().unwrap();
    assert_eq!(frame.frame().unwrap().width(), 16);
}

#[test]
fn every_object_is_send_and_sync() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Context>();
    send_sync::<Pool>();
    send_sync::<Buffer>();
    send_sync::<reel::UniqueBuffer>();
    send_sync::<reel::Encoder>();
    send_sync::<reel::Decoder>();
    send_sync::<reel::FrameCache>();
    send_sync::<reel::MovieWriter>();
    send_sync::<reel::IvfReader>();
    send_sync::<reel::IvfWriter>();
    send_sync::<reel::Y4mReader>();
    send_sync::<reel::Y4mWriter>();
    send_sync::<Timeline>();
    send_sync::<reel::Error>();
}
