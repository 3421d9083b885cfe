//! The Send/Sync impls at work: one pool shared by threads, buffers moved and shared across
//! threads, an encoder fed on one thread and drained on another.
use reel::{Context, Encoder, EncoderSettings, PixelFormat, Pool, PoolConfig, Received};
use std::sync::Arc;

#[test]
fn one_pool_acquired_and_released_from_many_threads() {
    let context = Context::new().unwrap();
    let pool = Arc::new(Pool::frames_with(&context, PixelFormat::Nv12, 64, 64, PoolConfig::default().max(8)).unwrap());
    let workers: Vec<_> = (0..4)
        .map(|worker| {
            let pool = pool.clone();
            std::thread::spawn(move || {
                for round in 0..500 {
                    if let Some(mut frame) = pool.try_acquire().unwrap() {
                        frame.set_tag((worker * 1000 + round) as u64).unwrap();
                        let shared = frame.share();
                        let copy = shared.clone();
                        std::thread::spawn(move || drop(copy)).join().unwrap();
                        drop(shared);
                    }
                }
            })
        })
        .collect();
    for worker in workers {
        worker.join().unwrap();
    }
    let stats = pool.stats().unwrap();
    assert_eq!(stats.in_use, 0);
    assert_eq!(stats.acquires, stats.releases);
    assert!(stats.acquires > 0);
}

#[test]
fn a_buffer_read_on_several_threads_at_once() {
    let context = Context::new().unwrap();
    let pool = Pool::frames(&context, PixelFormat::I420, 32, 32).unwrap();
    let mut frame = pool.acquire().unwrap();
    frame.frame_mut().unwrap().plane_mut(0).fill(99);
    let shared = Arc::new(frame.share());
    let readers: Vec<_> = (0..4)
        .map(|_| {
            let shared = shared.clone();
            std::thread::spawn(move || shared.frame().unwrap().plane(0).iter().all(|&v| v == 99))
        })
        .collect();
    assert!(readers.into_iter().all(|reader| reader.join().unwrap()));
}

#[test]
fn an_encoder_fed_on_one_thread_and_drained_on_another() {
    let context = Context::new().unwrap();
    let mut settings = EncoderSettings::new(128, 64).fps(30, 1);
    settings.preset = reel::sys::reel_encoder_preset_t_REEL_ENCODER_PRESET_LOW;
    let encoder = Arc::new(Encoder::new(&context, &settings).unwrap());
    let drain = {
        let encoder = encoder.clone();
        std::thread::spawn(move || {
            let mut pts = Vec::new();
            loop {
                match encoder.receive(reel::WAIT_FOREVER) {
                    Ok(Received::Item(packet)) => pts.push(packet.pts().unwrap()),
                    Ok(Received::EndOfStream) => return pts,
                    // Nothing submitted yet: the feeder has not started.
                    Err(error) if error.code() == reel::ErrorCode::BadState => std::thread::yield_now(),
                    other => panic!("{other:?}"),
                }
            }
        })
    };
    let frames = Pool::frames(&context, PixelFormat::I420, 128, 64).unwrap();
    for index in 0..8 {
        let mut frame = frames.acquire().unwrap();
        frame.set_pts(index).unwrap();
        assert!(encoder.submit(&frame.share(), false, reel::WAIT_FOREVER).unwrap());
    }
    encoder.flush().unwrap();
    let mut pts = drain.join().unwrap();
    pts.sort();
    assert_eq!(pts, (0..8).collect::<Vec<_>>());
}
