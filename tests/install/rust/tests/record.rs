//! `cargo test --offline` over the installed library: records a clip with the movie writer,
//! reads it back with Reel's IVF reader and decodes every frame with the decoder session.
use reel::{Context, Decoder, DecoderSettings, EncoderSettings, ErrorCode, IvfReader, MovieWriter, PixelFormat, Pool,
           PoolConfig, Received};

#[test]
fn records_a_clip_that_reads_back_and_decodes() {
    let path = std::env::temp_dir().join(format!("reel-installed-rust-{}.ivf", std::process::id()));
    let context = Context::new().unwrap();
    let writer = MovieWriter::begin(&context, &path, &EncoderSettings::new(320, 240).fps(30, 1)).unwrap();
    let mut rgba = vec![0u8; 320 * 240 * 4];
    for frame in 0..30u8 {
        rgba.fill(frame * 8);
        writer.write_rgba(&rgba, PixelFormat::Bgra8, 320, 240, 320 * 4).unwrap();
    }
    assert_eq!(writer.end().unwrap().frames_encoded, 30);

    let reader = IvfReader::open(&context, &path).unwrap();
    let info = reader.info().unwrap();
    assert_eq!((info.width, info.height, info.fps_num, info.fps_den, info.frame_count), (320, 240, 30, 1, 30));
    let packets = Pool::bytes(&context, 0, 0, PoolConfig::default()).unwrap();
    let decoder = Decoder::new(&context, &DecoderSettings::default()).unwrap();
    let mut decoded = 0;
    while let Some(packet) = reader.read(&packets).unwrap() {
        decoder.submit_packet(&packet).unwrap();
        while let Received::Item(_) = decoder.receive().unwrap() {
            decoded += 1;
        }
    }
    decoder.flush().unwrap();
    while let Received::Item(frame) = decoder.receive().unwrap() {
        assert_eq!(frame.frame().unwrap().width(), 320);
        decoded += 1;
    }
    assert_eq!(decoded, 30);
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn errors_come_back_with_reels_message() {
    let context = Context::new().unwrap();
    let error = IvfReader::open(&context, "/nonexistent/clip.ivf").err().unwrap();
    assert_eq!(error.code(), ErrorCode::Io);
    assert!(error.message().contains("/nonexistent/clip.ivf"), "{error}");
}
