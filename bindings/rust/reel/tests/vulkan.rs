//! The `vulkan` module on the machine's Vulkan device (Mesa lavapipe in CI) with the
//! validation layer and synchronization validation: a validation message of error severity
//! fails the test, and so does anything Reel finds left on a device when it is destroyed.
//! Without a usable Vulkan device the tests print why and return (Rust has no skip state).
#![cfg(feature = "vulkan")]
use reel::vulkan::{
    Device, DeviceDesc, Dpb, DpbDesc, GpuAllocation, GpuBufferDesc, GpuBufferPool, GpuBufferPoolDesc, GpuBufferPoolKind,
    GpuMemoryUsage, GpuQueue, GpuSignal, GpuSubmit, GpuWait, VideoCodecOp, VideoSession, VideoSessionDesc, VulkanAdoption,
};
use reel::{sys, Context, ErrorCode, LogLevel, Pool, Timeline};
use std::sync::{Arc, Mutex};

const TRANSFER: sys::VkBufferUsageFlags = sys::VkBufferUsageFlagBits_VK_BUFFER_USAGE_TRANSFER_SRC_BIT
    | sys::VkBufferUsageFlagBits_VK_BUFFER_USAGE_TRANSFER_DST_BIT;
const RGBA8: sys::VkFormat = sys::VkFormat_VK_FORMAT_R8G8B8A8_UNORM;

/// A context whose log is kept, and a validated device on it.
struct Gpu {
    context: Context,
    device: Option<Device>,
    log: Arc<Mutex<Vec<String>>>,
    /// Set by a test that leaves an object to the device on purpose.
    leaves_objects: bool,
}

impl Gpu {
    /// None (with the reason on stderr) only when the machine has no usable Vulkan device
    /// with the validation layer; any other failure fails the test.
    fn new() -> Option<Gpu> {
        let log = Arc::new(Mutex::new(Vec::new()));
        let sink = log.clone();
        let context = Context::builder()
            .name("vulkan-tests")
            .log(move |level, message| sink.lock().unwrap().push(format!("{level:?} {message}")))
            .log_level(LogLevel::Info)
            .build()
            .unwrap();
        match Device::create(&context, &DeviceDesc { validation: true, ..DeviceDesc::default() }) {
            Ok(device) => Some(Gpu { context, device: Some(device), log, leaves_objects: false }),
            Err(error) if error.code() == ErrorCode::Unsupported => {
                eprintln!("skipped: no usable Vulkan device with the validation layer: {error}");
                None
            }
            Err(error) => panic!("Device::create: {error}"),
        }
    }

    fn device(&self) -> &Device {
        self.device.as_ref().unwrap()
    }

    fn logged(&self, fragment: &str) -> bool {
        self.log.lock().unwrap().iter().any(|line| line.contains(fragment))
    }

    fn category_bytes(&self, category: sys::reel_memory_category_t) -> u64 {
        self.context.memory().unwrap().category_bytes[category as usize]
    }

    fn has_video(&self) -> bool {
        let info = self.device().info().unwrap();
        info.queue_family(GpuQueue::VideoDecode).is_some() || info.queue_family(GpuQueue::VideoEncode).is_some()
    }
}

impl Drop for Gpu {
    /// Destroys the device (if the test left it here), then fails the test on validation
    /// errors and on objects Reel had to clean up.
    fn drop(&mut self) {
        self.device = None;
        if std::thread::panicking() {
            return;
        }
        let log = self.log.lock().unwrap().clone();
        let errors: Vec<&String> = log.iter().filter(|line| line.contains("vulkan [error]")).collect();
        assert!(errors.is_empty(), "validation errors: {errors:#?}");
        let left = log.iter().any(|line| line.contains("left on the device"));
        assert_eq!(left, self.leaves_objects, "objects left behind: {log:#?}");
    }
}

#[test]
fn every_type_is_send_and_sync_as_the_header_says() {
    fn send_sync<T: Send + Sync>() {}
    fn send<T: Send>() {}
    send_sync::<Device>();
    send_sync::<GpuAllocation>();
    send_sync::<GpuBufferPool>();
    send_sync::<Dpb>();
    send_sync::<VideoSession>();
    send_sync::<Timeline>();
    send::<reel::vulkan::CommandBuffer>();
}

#[test]
fn a_created_device_reports_itself() {
    let Some(gpu) = Gpu::new() else { return };
    let info = gpu.device().info().unwrap();
    assert!(!info.device_name().is_empty());
    assert!(!info.adopted());
    assert_eq!(info.0.validation, 1);
    assert!(!info.0.vk_device.is_null());
    assert!(info.queue_family(GpuQueue::Graphics).is_some());
    assert!(info.queue_family(GpuQueue::Transfer).is_some());
    assert!(gpu.logged("gpu device created"));

    let caps = gpu.device().backend_caps(1).unwrap();
    assert_eq!(caps.kind, sys::reel_backend_kind_t_REEL_BACKEND_VULKAN);
    assert_eq!(caps.available, 1);
    assert!(caps.heap_count >= 1);
    let error = gpu.device().backend_caps(caps.backend_count).err().unwrap();
    assert_eq!(error.code(), ErrorCode::InvalidArgument);
    assert!(error.message().contains("index"), "{error}");
}

#[test]
fn a_gpu_buffer_pool_hands_buffers_out_and_takes_them_back() {
    let Some(gpu) = Gpu::new() else { return };
    let desc = GpuBufferPoolDesc { max_per_class: 2, name: Some("uploads".into()), ..GpuBufferPoolDesc::new(GpuBufferPoolKind::Staging) };
    let pool = GpuBufferPool::new(gpu.device(), &desc).unwrap();
    assert_eq!(pool.stats().unwrap().allocated, 0, "no buffer before the first acquire");

    let mut first = pool.acquire(1000).unwrap();
    let info = first.info().unwrap();
    assert_eq!(info.pooled, 1);
    assert_eq!(info.resource_size, 64 * 1024, "the smallest class, 64 KiB by default");
    assert!(!info.vk_buffer.is_null());
    first.bytes_mut().unwrap()[..4].copy_from_slice(b"reel");
    first.flush(0, u64::MAX).unwrap();
    assert_eq!(&first.bytes().unwrap()[..4], b"reel");
    let stats = pool.stats().unwrap();
    assert_eq!((stats.allocated, stats.in_use, stats.idle, stats.created), (1, 1, 0, 1));
    assert_eq!(stats.vk_usage & sys::VkBufferUsageFlagBits_VK_BUFFER_USAGE_TRANSFER_SRC_BIT, 1);

    let second = pool.acquire(64 * 1024).unwrap();
    let error = pool.acquire(10).expect_err("max_per_class 2 and both out");
    assert_eq!(error.code(), ErrorCode::LimitReached);
    assert!(error.message().starts_with("reel_gpu_buffer_pool_acquire"), "{error}");

    drop(first);
    let stats = pool.stats().unwrap();
    assert_eq!((stats.in_use, stats.idle), (1, 1), "dropping an allocation gives it back to its pool");
    let again = pool.acquire(5).unwrap();
    assert_eq!(pool.stats().unwrap().created, 2, "the idle buffer is handed out again, not a new one");
    drop((again, second));
    let stats = pool.stats().unwrap();
    assert_eq!((stats.in_use, stats.idle, stats.acquires), (0, 2, 3));

    let error = pool.acquire(32 * 1024 * 1024).err().unwrap();
    assert_eq!(error.code(), ErrorCode::InvalidArgument);
    assert!(error.message().contains("size"), "{error}");
}

#[test]
fn clones_share_the_device_and_objects_keep_it_alive() {
    let Some(mut gpu) = Gpu::new() else { return };
    let device = gpu.device.take().unwrap();
    let clone = device.clone();
    assert_eq!(clone.as_raw(), device.as_raw());
    let buffer = GpuAllocation::buffer(&clone, &GpuBufferDesc::new(4096, TRANSFER).memory_usage(GpuMemoryUsage::Upload)).unwrap();
    let pool = GpuBufferPool::new(&device, &GpuBufferPoolDesc::new(GpuBufferPoolKind::Readback)).unwrap();
    let pooled = pool.acquire(100).unwrap();
    assert_eq!(device.memory_stats().unwrap().allocation_count, 2);
    let device_bytes = gpu.category_bytes(sys::reel_memory_category_t_REEL_MEMORY_DEVICE);
    assert_eq!(device_bytes, device.memory_stats().unwrap().allocation_bytes, "the context counts the device's allocations");

    drop(device);
    drop(clone);
    drop(pool);
    assert!(!gpu.logged("gpu device destroyed"), "the allocations still hold the device");
    assert_eq!(buffer.device().memory_stats().unwrap().allocation_count, 2, "a pooled buffer outlives its pool");
    drop(pooled);
    assert_eq!(buffer.device().memory_stats().unwrap().allocation_count, 1);
    drop(buffer);
    assert!(gpu.logged("gpu device destroyed"), "the last owner destroyed it");
    assert_eq!(gpu.category_bytes(sys::reel_memory_category_t_REEL_MEMORY_DEVICE), 0);
}

#[test]
fn gpu_timelines_are_signalled_and_waited_on_from_host_and_queue() {
    let Some(gpu) = Gpu::new() else { return };
    let device = gpu.device();
    let timeline = Timeline::gpu(device, 0).unwrap();
    assert!(!timeline.semaphore().unwrap().is_null());
    assert_eq!(timeline.device().unwrap().as_raw(), device.as_raw());
    assert!(!timeline.wait(1, 0).unwrap(), "a poll of an unreached value");
    timeline.signal(1).unwrap();
    assert!(timeline.wait(1, 0).unwrap());
    let error = timeline.signal(0).err().unwrap();
    assert_eq!(error.code(), ErrorCode::InvalidArgument, "{error}");

    // A submission that waits for 2 (signalled by another thread) and signals 3.
    let commands = device.begin_commands(GpuQueue::Transfer).unwrap();
    let waits = [GpuWait { timeline: &timeline, value: 2, vk_stage_mask: 0 }];
    let signals = [GpuSignal { timeline: &timeline, value: 3 }];
    let done = commands.submit(&GpuSubmit { waits: &waits, signals: &signals }).unwrap();
    assert!(!timeline.wait(3, 0).unwrap(), "the submission waits for the host's 2");
    // Signalled from another thread (the timeline is Sync). The host waits for 3 only after
    // 2 is signalled: the validation layer reports a host wait on a value whose signal
    // depends on a host signal still to come as UNASSIGNED-VkSemaphore-state-timeout.
    std::thread::scope(|scope| scope.spawn(|| timeline.signal(2).unwrap()).join().unwrap());
    assert!(timeline.wait(3, u64::MAX).unwrap(), "the GPU signalled 3 after the host's 2");
    let queue = device.queue_timeline(GpuQueue::Transfer).unwrap();
    assert!(queue.wait(done, u64::MAX).unwrap());
    assert!(!queue.semaphore().unwrap().is_null());
    let error = queue.signal(done + 1).err().unwrap();
    assert_eq!(error.code(), ErrorCode::BadState);
    assert!(error.message().contains("belongs to a queue"), "{error}");

    let cpu = Timeline::new(&gpu.context, 0).unwrap();
    assert!(cpu.device().is_none());
    assert_eq!(cpu.semaphore().err().unwrap().code(), ErrorCode::InvalidArgument);
}

#[test]
fn a_bad_submission_returns_the_command_buffer_to_submit_again() {
    let Some(gpu) = Gpu::new() else { return };
    let cpu = Timeline::new(&gpu.context, 0).unwrap();
    let commands = gpu.device().begin_commands(GpuQueue::Graphics).unwrap();
    let waits = [GpuWait { timeline: &cpu, value: 1, vk_stage_mask: 0 }];
    let error = commands.submit(&GpuSubmit { waits: &waits, signals: &[] }).err().unwrap();
    assert_eq!(error.error().code(), ErrorCode::InvalidArgument);
    assert!(error.error().message().contains("submit->waits[0].timeline"), "{error}");
    let commands = error.into_commands().expect("still recording after a bad argument");
    let done = commands.submit(&GpuSubmit::default()).unwrap();
    assert!(gpu.device().queue_timeline(GpuQueue::Graphics).unwrap().wait(done, u64::MAX).unwrap());
}

#[test]
fn frames_and_deferred_frees_follow_the_queue_timeline() {
    let Some(gpu) = Gpu::new() else { return };
    let device = gpu.device();
    let uploads = GpuBufferPool::new(device, &GpuBufferPoolDesc::new(GpuBufferPoolKind::Staging)).unwrap();
    let transfers = device.queue_timeline(GpuQueue::Transfer).unwrap();
    let frames = Pool::bytes(&gpu.context, 0, 0, Default::default()).unwrap();
    let mut last = 0;
    for expected in 1..=4 {
        assert_eq!(device.begin_frame(u64::MAX).unwrap(), Some(expected));
        let staging = uploads.acquire(4096).unwrap();
        let host_bytes = frames.acquire_bytes(100).unwrap().share();
        let done = device.begin_commands(GpuQueue::Transfer).unwrap().submit(&GpuSubmit::default()).unwrap();
        assert!(done > last, "each submission signals the next value");
        last = done;
        staging.free_after(&transfers, done).unwrap();
        host_bytes.release_after(&transfers, done).unwrap();
        device.end_frame().unwrap();
        gpu.context.advance_frame().unwrap();
    }
    assert_eq!(device.end_frame().err().unwrap().code(), ErrorCode::BadState);
    assert!(transfers.wait(last, u64::MAX).unwrap());
    device.begin_frame(u64::MAX).unwrap();
    device.end_frame().unwrap();
    gpu.context.advance_frame().unwrap();
    assert_eq!(uploads.stats().unwrap().in_use, 0, "every staging buffer came back after its copy");
    assert_eq!(gpu.context.outstanding_buffers().unwrap(), 0);
}

#[test]
fn a_dpb_manages_its_slots() {
    let Some(gpu) = Gpu::new() else { return };
    let dpb = Dpb::new(gpu.device(), &DpbDesc::images(RGBA8, 64, 32, 3)).unwrap();
    let info = dpb.info().unwrap();
    assert_eq!((info.slot_count, info.layered, info.width, info.height), (3, 1, 64, 32));
    assert_eq!(gpu.category_bytes(sys::reel_memory_category_t_REEL_MEMORY_DPB), info.memory_bytes);

    let slots: Vec<u32> = (0..3).map(|frame| dpb.acquire_slot(frame, frame as i64 * 10).unwrap()).collect();
    for &slot in &slots {
        dpb.mark_reference(slot, true).unwrap();
    }
    let error = dpb.acquire_slot(3, 30).expect_err("every slot holds a reference");
    assert_eq!(error.code(), ErrorCode::LimitReached);
    dpb.mark_reference(slots[1], false).unwrap();
    assert_eq!(dpb.acquire_slot(3, 30).unwrap(), slots[1], "the non-reference picture is recycled");
    let slot = dpb.slot(slots[1]).unwrap();
    assert_eq!((slot.active, slot.reference, slot.frame_number, slot.timestamp), (1, 0, 3, 30));
    assert!(!slot.vk_image.is_null());
    assert_eq!(dpb.info().unwrap().recycled, 1);

    dpb.release_slot(slots[0]).unwrap();
    let error = dpb.release_slot(slots[0]).err().unwrap();
    assert_eq!(error.code(), ErrorCode::BadState);
    let error = dpb.slot(3).err().unwrap();
    assert_eq!(error.code(), ErrorCode::InvalidArgument);
    assert!(error.message().contains("slot"), "{error}");
    drop(dpb);
    assert_eq!(gpu.category_bytes(sys::reel_memory_category_t_REEL_MEMORY_DPB), 0);
}

#[test]
fn images_are_allocated_and_freed() {
    let Some(gpu) = Gpu::new() else { return };
    let usage = sys::VkImageUsageFlagBits_VK_IMAGE_USAGE_TRANSFER_DST_BIT | sys::VkImageUsageFlagBits_VK_IMAGE_USAGE_SAMPLED_BIT;
    let image = GpuAllocation::image(gpu.device(), &reel::vulkan::GpuImageDesc::new(RGBA8, 128, 64, usage)).unwrap();
    let info = image.info().unwrap();
    assert!(!info.vk_image.is_null());
    assert!(info.vk_buffer.is_null());
    assert!(info.size >= 128 * 64 * 4);
    drop(image);
    assert_eq!(gpu.device().memory_stats().unwrap().allocation_count, 0);
}

#[test]
fn bad_input_gets_the_right_code_and_a_message_naming_the_argument() {
    let Some(gpu) = Gpu::new() else { return };
    let device = gpu.device();
    let error = GpuAllocation::buffer(device, &GpuBufferDesc::new(0, TRANSFER)).err().unwrap();
    assert_eq!(error.code(), ErrorCode::InvalidArgument);
    assert!(error.message().contains("desc->size"), "{error}");
    let error = GpuAllocation::buffer(device, &GpuBufferDesc::new(16, 0)).err().unwrap();
    assert!(error.message().contains("desc->vk_usage"), "{error}");

    let desc = GpuBufferPoolDesc { min_class_size: 5000, ..GpuBufferPoolDesc::new(GpuBufferPoolKind::Staging) };
    let error = GpuBufferPool::new(device, &desc).err().unwrap();
    assert_eq!(error.code(), ErrorCode::InvalidArgument);
    assert!(error.message().contains("desc->min_class_size"), "{error}");
    let desc = GpuBufferPoolDesc { codec_operation: Some(VideoCodecOp::DecodeAv1), ..GpuBufferPoolDesc::new(GpuBufferPoolKind::Staging) };
    assert!(GpuBufferPool::new(device, &desc).err().unwrap().message().contains("desc->codec_operation"));

    let error = Dpb::new(device, &DpbDesc::images(0, 64, 64, 2)).err().unwrap();
    assert_eq!(error.code(), ErrorCode::InvalidArgument);
    assert!(error.message().contains("desc->vk_format"), "{error}");
    let error = Dpb::new(device, &DpbDesc::images(RGBA8, 64, 64, 65)).err().unwrap();
    assert!(error.message().contains("desc->slot_count"), "{error}");

    let error = Device::create(&gpu.context, &DeviceDesc { max_frames_in_flight: 17, ..DeviceDesc::default() }).err().unwrap();
    assert_eq!(error.code(), ErrorCode::InvalidArgument);
    assert!(error.message().contains("desc->max_frames_in_flight"), "{error}");
    let error = Device::create(&gpu.context, &DeviceDesc { application_name: Some("a\0b".into()), ..DeviceDesc::default() }).err().unwrap();
    assert_eq!(error.code(), ErrorCode::InvalidArgument);

    // SAFETY: every handle is null, which Reel refuses before touching anything.
    let error = unsafe { Device::adopt(&gpu.context, &VulkanAdoption::default()) }.err().unwrap();
    assert_eq!(error.code(), ErrorCode::InvalidArgument);
    assert!(error.message().contains("adoption->vk_instance"), "{error}");
}

#[test]
fn video_objects_without_video_queues_are_unsupported_with_the_reason() {
    let Some(gpu) = Gpu::new() else { return };
    if gpu.has_video() {
        eprintln!("skipped: {} has video queues; this case is for devices without", gpu.device().info().unwrap().device_name());
        return;
    }
    let error = VideoSession::new(gpu.device(), &VideoSessionDesc::new(VideoCodecOp::DecodeAv1, 1920, 1080)).err().unwrap();
    assert_eq!(error.code(), ErrorCode::Unsupported);
    assert!(error.message().contains("VK_KHR_video_queue"), "{error}");
    let error = Dpb::new(gpu.device(), &DpbDesc::video(VideoCodecOp::DecodeH264, 1920, 1080, 4)).err().unwrap();
    assert_eq!(error.code(), ErrorCode::Unsupported);
    assert!(error.message().contains("VK_KHR_video_queue"), "{error}");
}

#[test]
fn the_leak_report_is_empty_after_every_owner_dropped() {
    let Some(mut gpu) = Gpu::new() else { return };
    let device = gpu.device.take().unwrap();
    {
        let pool = GpuBufferPool::new(&device, &GpuBufferPoolDesc::new(GpuBufferPoolKind::Staging)).unwrap();
        let _held = (pool.acquire(10).unwrap(), pool.acquire(70_000).unwrap());
        let _dpb = Dpb::new(&device, &DpbDesc::images(RGBA8, 16, 16, 2)).unwrap();
        let _timeline = Timeline::gpu(&device, 5).unwrap();
        let _abandoned = device.begin_commands(GpuQueue::Compute).unwrap();
        let _buffer = GpuAllocation::buffer(&device, &GpuBufferDesc::new(1 << 20, TRANSFER)).unwrap();
        assert!(gpu.category_bytes(sys::reel_memory_category_t_REEL_MEMORY_DEVICE) > 0);
    }
    assert_eq!(device.memory_stats().unwrap().allocation_count, 0);
    drop(device);
    assert!(gpu.logged("gpu device destroyed"));
    let memory = gpu.context.memory().unwrap();
    assert_eq!(memory.category_bytes[sys::reel_memory_category_t_REEL_MEMORY_DEVICE as usize], 0);
    assert_eq!(memory.category_bytes[sys::reel_memory_category_t_REEL_MEMORY_DPB as usize], 0);
    assert_eq!(gpu.context.outstanding_buffers().unwrap(), 0);
    // Gpu's Drop checks that Reel found nothing left on the device and no validation error.
}

#[test]
fn a_gpu_timeline_a_submission_still_waits_on_is_left_to_the_device_not_destroyed() {
    let Some(mut gpu) = Gpu::new() else { return };
    let gate = Timeline::gpu(gpu.device(), 0).unwrap();
    let waits = [GpuWait { timeline: &gate, value: 1, vk_stage_mask: 0 }];
    let done = gpu.device().begin_commands(GpuQueue::Graphics).unwrap().submit(&GpuSubmit { waits: &waits, signals: &[] }).unwrap();
    // Nobody signals the gate: destroying its semaphore now would pull it from under the
    // queue, so the drop waits (boundedly) and then leaves it to the device.
    drop(gate);
    let queue = gpu.device().queue_timeline(GpuQueue::Graphics).unwrap();
    assert!(!queue.wait(done, 0).unwrap(), "the submission still waits");
    drop(queue);
    gpu.leaves_objects = true;
    gpu.device = None;
    assert!(gpu.logged("destroyed what the host left on the device: 1 reel_timeline_t"), "{:#?}", gpu.log.lock().unwrap());
}

#[test]
fn a_movie_writer_attaches_a_device_and_refuses_bad_images_by_field() {
    let Some(mut gpu) = Gpu::new() else { return };
    let path = std::env::temp_dir().join(format!("reel-rust-vk-{}.ivf", std::process::id()));
    let mut writer = reel::MovieWriter::begin(&gpu.context, &path, &reel::EncoderSettings::new(64, 64).fps(30, 1)).unwrap();
    let image = GpuAllocation::image(
        gpu.device(),
        &reel::vulkan::GpuImageDesc::new(RGBA8, 64, 64, sys::VkImageUsageFlagBits_VK_IMAGE_USAGE_SAMPLED_BIT),
    )
    .unwrap();
    let info = gpu.device().info().unwrap();
    let frame = reel::vulkan::VkImageFrame {
        width: 64,
        height: 64,
        vk_format: RGBA8,
        vk_image: image.info().unwrap().vk_image,
        vk_device: info.0.vk_device,
        vk_layout: sys::VkImageLayout_VK_IMAGE_LAYOUT_UNDEFINED,
        queue_family: info.queue_family(GpuQueue::Compute).unwrap(),
        ..Default::default()
    };
    // SAFETY: the image is a live SAMPLED image of the device; Reel refuses these calls before
    // reading it (no device attached, then an UNDEFINED layout).
    let error = unsafe { writer.write_vk_image(&frame) }.unwrap_err();
    assert_eq!(error.code(), ErrorCode::BadState, "{error}");
    writer.attach_vk_device(gpu.device(), 2).unwrap();
    let error = writer.attach_vk_device(gpu.device(), 2).unwrap_err();
    assert_eq!(error.code(), ErrorCode::BadState, "{error}");
    // SAFETY: as above.
    let error = unsafe { writer.write_vk_image(&frame) }.unwrap_err();
    assert_eq!(error.code(), ErrorCode::InvalidArgument);
    assert!(error.message().contains("image->vk_layout"), "{error}");
    let wrong_size = reel::vulkan::VkImageFrame { width: 32, vk_layout: sys::VkImageLayout_VK_IMAGE_LAYOUT_GENERAL, ..frame };
    // SAFETY: as above (a size other than the movie's is refused first).
    let error = unsafe { writer.write_vk_image(&wrong_size) }.unwrap_err();
    assert!(error.message().contains("width"), "{error}");

    // The writer holds the device: the test's own handle goes first, the device after the end.
    gpu.device = None;
    drop(image);
    assert!(!gpu.logged("gpu device destroyed"));
    assert_eq!(writer.end().unwrap().frames_encoded, 0);
    assert!(gpu.logged("gpu device destroyed"));
    std::fs::remove_file(&path).unwrap();
}
