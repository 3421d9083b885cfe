//! Encoder, decoder, files, movie writer and frame cache through the safe API: a clip
//! encoded with SVT-AV1, written to IVF, read back and decoded with dav1d; a recording from
//! raw RGBA; Y4M pictures read back byte for byte; host- and Reel-fed frame caches.
use reel::{Context, Decoder, DecoderSettings, Encoder, EncoderSettings, ErrorCode, FrameCache, FrameCacheSettings,
           IvfReader, IvfWriter, MediaInfo, MovieWriter, PixelFormat, Pool, PoolConfig, Received, UniqueBuffer, Y4mReader,
           Y4mWriter};
use std::path::PathBuf;

/// A scratch folder of this test, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("reel-rust-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn luma(frame: i64, x: usize, y: usize) -> u8 {
    (x * 2 + y + frame as usize * 16) as u8
}

fn paint(buffer: &mut UniqueBuffer, index: i64) {
    let mut frame = buffer.frame_mut().unwrap();
    let (width, height) = (frame.as_frame().width() as usize, frame.as_frame().height() as usize);
    let stride = frame.stride(0);
    let mut planes = frame.planes_mut();
    for y in 0..height {
        for x in 0..width {
            planes[0][y * stride + x] = luma(index, x, y);
        }
    }
    planes[1].fill(64 + index as u8);
    planes[2].fill(128 + index as u8);
}

fn fast(width: u32, height: u32) -> EncoderSettings {
    let mut settings = EncoderSettings::new(width, height).fps(25, 1);
    settings.preset = reel::sys::reel_encoder_preset_t_REEL_ENCODER_PRESET_LOW;
    settings
}

#[test]
fn bad_settings_name_the_field() {
    let context = Context::new().unwrap();
    let error = Encoder::new(&context, &EncoderSettings::new(70000, 96)).err().unwrap();
    assert_eq!(error.code(), ErrorCode::InvalidArgument);
    assert!(error.message().contains("desc->width is 70000"), "{error}");
}

#[test]
fn encode_write_read_decode_round_trip() {
    let scratch = Scratch::new("roundtrip");
    let path = scratch.0.join("clip.ivf");
    let context = Context::new().unwrap();
    {
        let frames = Pool::frames(&context, PixelFormat::I420, 160, 96).unwrap();
        let encoder = Encoder::new(&context, &fast(160, 96)).unwrap();
        let file = IvfWriter::create(&context, &path, MediaInfo::new(160, 96, 25, 1)).unwrap();
        for index in 0..10 {
            let mut frame = frames.acquire().unwrap();
            paint(&mut frame, index);
            frame.set_pts(index).unwrap();
            assert!(encoder.submit(&frame.share(), index == 0, reel::WAIT_FOREVER).unwrap());
        }
        encoder.flush().unwrap();
        let mut packets = 0;
        loop {
            match encoder.receive(reel::WAIT_FOREVER).unwrap() {
                Received::Item(packet) => {
                    assert!(!packet.bytes().unwrap().is_empty());
                    if packets == 0 {
                        assert!(packet.is_keyframe().unwrap());
                    }
                    file.write(&packet).unwrap();
                    packets += 1;
                }
                Received::EndOfStream => break,
                other => panic!("{other:?} after a flush with an unlimited wait"),
            }
        }
        assert_eq!(packets, 10);
        assert_eq!(file.info().unwrap().frame_count, 10);
        file.close().unwrap();
    }

    let reader = IvfReader::open(&context, &path).unwrap();
    let info = reader.info().unwrap();
    assert_eq!((info.width, info.height, info.frame_count), (160, 96, 10));
    let bytes = Pool::bytes(&context, 0, 0, PoolConfig::default()).unwrap();
    let decoder = Decoder::new(&context, &DecoderSettings::default()).unwrap();
    let mut pts = Vec::new();
    let mut take = |decoder: &Decoder| {
        while let Received::Item(frame) = decoder.receive().unwrap() {
            let view = frame.frame().unwrap();
            assert_eq!((view.width(), view.height(), view.format()), (160, 96, Some(PixelFormat::I420)));
            pts.push(frame.pts().unwrap());
        }
    };
    while let Some(packet) = reader.read(&bytes).unwrap() {
        assert!(decoder.submit_packet(&packet).unwrap());
        take(&decoder);
    }
    decoder.flush().unwrap();
    take(&decoder);
    assert!(matches!(decoder.receive().unwrap(), Received::EndOfStream));
    assert_eq!(pts, (0..10).collect::<Vec<_>>());
    // The decoder keeps reference frames until it is closed.
    drop(decoder);
    assert_eq!(context.memory().unwrap().buffers_out, 0, "every packet and frame went back");
}

#[test]
fn movie_writer_records_raw_rgba() {
    let scratch = Scratch::new("movie");
    let path = scratch.0.join("movie.ivf");
    let context = Context::new().unwrap();
    let mut settings = fast(128, 64);
    settings.color = reel::sys::reel_color_description_t_REEL_COLOR_BT709_LIMITED;
    let writer = MovieWriter::begin(&context, &path, &settings).unwrap();
    let mut rgba = vec![0u8; 128 * 64 * 4];
    for frame in 0..6u8 {
        rgba.fill(frame * 40);
        writer.write_rgba(&rgba, PixelFormat::Rgba8, 128, 64, 128 * 4).unwrap();
    }
    let short = writer.write_rgba(&rgba[1..], PixelFormat::Rgba8, 128, 64, 128 * 4).err().unwrap();
    assert_eq!(short.code(), ErrorCode::InvalidArgument);
    let stats = writer.end().unwrap();
    assert_eq!((stats.frames_written, stats.frames_encoded, stats.frames_converted), (6, 6, 6));
    assert_eq!(IvfReader::open(&context, &path).unwrap().info().unwrap().frame_count, 6);
}

#[test]
fn an_unwritable_path_is_an_io_error_naming_it() {
    let scratch = Scratch::new("io");
    let path = scratch.0.join("missing-folder").join("movie.ivf");
    let context = Context::new().unwrap();
    let error = MovieWriter::begin(&context, &path, &fast(128, 64)).err().unwrap();
    assert_eq!(error.code(), ErrorCode::Io);
    assert!(error.message().contains(path.to_str().unwrap()), "{error}");
}

#[test]
fn y4m_pictures_read_back_byte_for_byte() {
    let scratch = Scratch::new("y4m");
    let path = scratch.0.join("pictures.y4m");
    let context = Context::new().unwrap();
    let frames = Pool::frames(&context, PixelFormat::I420, 64, 48).unwrap();
    let writer = Y4mWriter::create(&context, &path, MediaInfo::new(64, 48, 24, 1)).unwrap();
    for index in 0..3 {
        let mut frame = frames.acquire().unwrap();
        paint(&mut frame, index);
        writer.write(&frame.share()).unwrap();
    }
    assert_eq!(writer.info().unwrap().frame_count, 3);
    writer.close().unwrap();

    let reader = Y4mReader::open(&context, &path).unwrap();
    assert_eq!(reader.info().unwrap().frame_count, 3);
    for index in 0..3 {
        let frame = reader.read(&frames).unwrap().expect("a picture");
        assert_eq!(frame.pts().unwrap(), index);
        let view = frame.frame().unwrap();
        assert_eq!(view.row(0, 47)[63], luma(index, 63, 47));
        assert_eq!(view.row(1, 23)[0], 64 + index as u8);
    }
    assert!(reader.read(&frames).unwrap().is_none(), "the clean end of the file");
}

#[test]
fn a_host_fed_cache_requests_misses_and_serves_inserted_frames() {
    let context = Context::new().unwrap();
    let mut settings = FrameCacheSettings::default();
    settings.frame_count = 100;
    let cache = FrameCache::new(&context, &settings).unwrap();
    let frames = Pool::frames(&context, PixelFormat::I420, 32, 32).unwrap();
    assert!(cache.get(7).unwrap().is_none());
    let request = cache.take_request().unwrap().expect("the miss made a request");
    assert_eq!((request.frame_number, request.is_demand), (7, 1));
    let mut frame = frames.acquire().unwrap();
    frame.set_pts(7).unwrap();
    cache.insert(7, &frame.share()).unwrap();
    // The same frame twice in a row is a paused playhead: a repeat, neither hit nor miss.
    assert_eq!(cache.get(7).unwrap().expect("a repeat").pts().unwrap(), 7);
    assert!(cache.get(6).unwrap().is_none());
    assert_eq!(cache.get(7).unwrap().expect("a hit").pts().unwrap(), 7);
    let stats = cache.stats().unwrap();
    assert_eq!((stats.hits, stats.misses, stats.repeats, stats.inserts), (1, 2, 1, 1));
    cache.clear().unwrap();
    assert_eq!(frames.stats().unwrap().in_use, 0, "cleared frames went back");
}

#[test]
fn a_cache_fed_by_reel_from_an_ivf_file_decodes_the_requested_frame() {
    let scratch = Scratch::new("cache");
    let path = scratch.0.join("movie.ivf");
    let context = Context::new().unwrap();
    let writer = MovieWriter::begin(&context, &path, &fast(128, 64)).unwrap();
    let pixels = vec![30u8; 128 * 64 * 4];
    for _ in 0..5 {
        writer.write_rgba(&pixels, PixelFormat::Bgra8, 128, 64, 128 * 4).unwrap();
    }
    writer.end().unwrap();
    let cache = FrameCache::for_ivf(&context, &path, &FrameCacheSettings::default(), &DecoderSettings::default()).unwrap();
    let mut frame = None;
    for _ in 0..1000 {
        frame = cache.get(3).unwrap();
        if frame.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let frame = frame.expect("Reel's decoder thread served the miss");
    assert_eq!((frame.pts().unwrap(), frame.frame().unwrap().width()), (3, 128));
}
