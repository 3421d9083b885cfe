//! Records a short clip with the safe crate `reel`: 30 frames of 320x240 through the movie
//! writer (raw RGBA, converted to I420 by Reel) into an IVF file.
//! Usage: `record-clip <output.ivf>`.
use reel::{Context, EncoderSettings, MovieWriter, PixelFormat};

pub const WIDTH: u32 = 320;
pub const HEIGHT: u32 = 240;
pub const FRAMES: u64 = 30;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| "clip.ivf".into());
    println!("libreel {} (reel crate built against reel.h {})", reel::library_version(), reel::header_version());
    let context = Context::builder().name("installed-rust-host").build()?;
    let mut settings = EncoderSettings::new(WIDTH, HEIGHT).fps(30, 1);
    settings.color = reel::sys::reel_color_description_t_REEL_COLOR_BT709_LIMITED;
    let writer = MovieWriter::begin(&context, &path, &settings)?;
    let mut rgba = vec![0u8; (WIDTH * HEIGHT * 4) as usize];
    for frame in 0..FRAMES {
        for (i, pixel) in rgba.chunks_exact_mut(4).enumerate() {
            let (x, y) = (i as u32 % WIDTH, i as u32 / WIDTH);
            pixel.copy_from_slice(&[(x + frame as u32 * 4) as u8, y as u8, 96, 255]);
        }
        writer.write_rgba(&rgba, PixelFormat::Rgba8, WIDTH, HEIGHT, (WIDTH * 4) as usize)?;
    }
    let stats = writer.end()?;
    println!("recorded {} frames ({} bytes) into {path}", stats.frames_encoded, stats.file_bytes);
    Ok(())
}
