//! Records a short AV1 clip: 30 frames of 320x240 (a moving gradient) encoded with the
//! encoder session and written to an IVF file, then reads the file back with Reel's IVF
//! reader and decodes it to check every frame is there.
//!
//! `cargo run --offline --example record -- clip.ivf`
use reel::{Context, Decoder, DecoderSettings, Encoder, EncoderSettings, IvfReader, IvfWriter, MediaInfo, PixelFormat, Pool,
           PoolConfig, Received};

const WIDTH: u32 = 320;
const HEIGHT: u32 = 240;
const FRAMES: i64 = 30;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| "clip.ivf".into());
    let context = Context::builder().name("record").build()?;

    let frames = Pool::frames(&context, PixelFormat::I420, WIDTH, HEIGHT)?;
    let encoder = Encoder::new(&context, &EncoderSettings::new(WIDTH, HEIGHT).fps(30, 1))?;
    let file = IvfWriter::create(&context, &path, MediaInfo::new(WIDTH, HEIGHT, 30, 1))?;
    let mut packets = 0;
    for index in 0..FRAMES {
        let mut frame = frames.acquire()?;
        paint(&mut frame, index)?;
        frame.set_pts(index)?;
        encoder.submit(&frame.share(), index == 0, reel::WAIT_FOREVER)?;
        // Write what is ready without waiting, so the packet pool never fills up.
        while let Received::Item(packet) = encoder.receive(0)? {
            file.write(&packet)?;
            packets += 1;
        }
    }
    encoder.flush()?;
    while let Received::Item(packet) = encoder.receive(reel::WAIT_FOREVER)? {
        file.write(&packet)?;
        packets += 1;
    }
    file.close()?;
    println!("wrote {packets} packets to {path}");

    // Read it back and decode it: every frame, in order.
    let reader = IvfReader::open(&context, &path)?;
    let info = reader.info()?;
    let bytes = Pool::bytes(&context, 0, 0, PoolConfig::default())?;
    let decoder = Decoder::new(&context, &DecoderSettings::default())?;
    let mut decoded = Vec::new();
    while let Some(packet) = reader.read(&bytes)? {
        decoder.submit_packet(&packet)?;
        while let Received::Item(frame) = decoder.receive()? {
            decoded.push(frame.pts()?);
        }
    }
    decoder.flush()?;
    while let Received::Item(frame) = decoder.receive()? {
        decoded.push(frame.pts()?);
    }
    println!("{}x{} at {}/{} fps, {} frames declared, {} decoded", info.width, info.height, info.fps_num, info.fps_den,
             info.frame_count, decoded.len());
    if decoded != (0..FRAMES).collect::<Vec<_>>() {
        return Err(format!("decoded pts {decoded:?}, expected 0..{FRAMES}").into());
    }
    Ok(())
}

/// A diagonal gradient that moves with the frame index; grey chroma.
fn paint(frame: &mut reel::UniqueBuffer, index: i64) -> reel::Result<()> {
    let mut planes = frame.frame_mut()?;
    let stride = planes.stride(0);
    let mut all = planes.planes_mut();
    for (y, row) in all[0].chunks_mut(stride).take(HEIGHT as usize).enumerate() {
        for (x, sample) in row[..WIDTH as usize].iter_mut().enumerate() {
            *sample = ((x + y) as i64 + index * 4) as u8;
        }
    }
    all[1].fill(128);
    all[2].fill(128);
    Ok(())
}
