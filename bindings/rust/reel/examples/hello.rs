//! The smallest host: prints the library version, creates a context and a frame pool,
//! acquires a frame, writes its planes, shares and releases it, and shows an error.
//!
//! `cargo run --offline --example hello`
fn main() -> reel::Result<()> {
    println!("libreel {} (crate built against reel.h {})", reel::library_version(), reel::header_version());

    let context = reel::Context::builder()
        .name("hello")
        .log(|level, message| println!("  [{level:?}] {message}"))
        .log_level(reel::LogLevel::Info)
        .build()?;
    let pool = reel::Pool::frames(&context, reel::PixelFormat::I420, 64, 48)?;

    let mut frame = pool.acquire()?;
    {
        let mut planes = frame.frame_mut()?;
        for (index, plane) in planes.planes_mut().into_iter().enumerate() {
            plane.fill(if index == 0 { 16 } else { 128 });
        }
    }
    frame.set_pts(0)?;
    let shared = frame.share();
    let copy = shared.clone(); // reel_buffer_retain: a second reference to the same frame
    println!("frame {}x{}, {} buffer(s) out", copy.frame()?.width(), copy.frame()?.height(), pool.stats()?.in_use);
    drop(shared);
    drop(copy); // the last reference returns the frame to the pool
    println!("after release: {} buffer(s) out", pool.stats()?.in_use);

    // A bad call is an error with Reel's message, never a crash.
    match reel::Pool::frames(&context, reel::PixelFormat::I420, 0, 48) {
        Err(error) => println!("a pool 0 pixels wide: {error}"),
        Ok(_) => println!("a pool 0 pixels wide was accepted?"),
    }
    Ok(())
}
