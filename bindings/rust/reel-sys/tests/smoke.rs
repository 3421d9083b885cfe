//! A Rust host of libreel: version, context lifecycle, and bad input that must come back as
//! error codes with messages, never a crash.
use reel_sys::*;
use std::ffi::CStr;
use std::ptr;

fn name(result: reel_result_t) -> String {
    unsafe { CStr::from_ptr(reel_result_name(result)) }.to_string_lossy().into_owned()
}

#[test]
fn version_matches_header() {
    assert_eq!(unsafe { reel_version() }, REEL_API_VERSION);
    let text = unsafe { CStr::from_ptr(reel_version_string()) }.to_str().unwrap().to_owned();
    assert_eq!(text, format!("{}.{}.{}", REEL_VERSION_MAJOR, REEL_VERSION_MINOR, REEL_VERSION_PATCH));
}

#[test]
fn context_create_destroy() {
    let desc = reel_context_desc_default();
    let mut context: reel_context_t = ptr::null_mut();
    let result = unsafe { reel_context_create(&desc, &mut context) };
    assert_eq!(result, reel_result_t_REEL_SUCCESS, "{}", last_error_message());
    assert!(!context.is_null());
    assert_eq!(unsafe { reel_context_destroy(context) }, reel_result_t_REEL_SUCCESS);
    assert_eq!(unsafe { reel_context_destroy(ptr::null_mut()) }, reel_result_t_REEL_SUCCESS);
}

#[test]
fn bad_input_gets_codes_and_messages() {
    let mut context: reel_context_t = ptr::null_mut();
    let result = unsafe { reel_context_create(ptr::null(), &mut context) };
    assert_eq!(name(result), "REEL_ERROR_INVALID_ARGUMENT");
    assert!(last_error_message().contains("desc is NULL"), "{}", last_error_message());

    let mut desc = reel_context_desc_default();
    desc.struct_size = 8;
    let result = unsafe { reel_context_create(&desc, &mut context) };
    assert_eq!(result, reel_result_t_REEL_ERROR_INVALID_ARGUMENT);
    assert!(last_error_message().contains("desc->struct_size is 8"));

    let mut desc = reel_context_desc_default();
    desc.api_version = reel_make_version(REEL_VERSION_MAJOR + 1, 0, 0);
    let result = unsafe { reel_context_create(&desc, &mut context) };
    assert_eq!(result, reel_result_t_REEL_ERROR_INCOMPATIBLE_VERSION);
}

#[test]
fn stale_and_forged_handles_are_refused() {
    let desc = reel_context_desc_default();
    let mut context: reel_context_t = ptr::null_mut();
    assert_eq!(unsafe { reel_context_create(&desc, &mut context) }, reel_result_t_REEL_SUCCESS);
    assert_eq!(unsafe { reel_context_destroy(context) }, reel_result_t_REEL_SUCCESS);
    assert_eq!(unsafe { reel_context_destroy(context) }, reel_result_t_REEL_ERROR_INVALID_HANDLE);
    assert!(last_error_message().contains("is stale"), "{}", last_error_message());

    let forged = 0x5500_0001_0000_0000usize as reel_context_t;
    assert_eq!(unsafe { reel_context_destroy(forged) }, reel_result_t_REEL_ERROR_INVALID_HANDLE);
    assert!(last_error_message().contains("unknown type tag 0x55"));
}

#[test]
fn backends_are_listed_without_a_device() {
    let mut caps: reel_backend_caps_t = unsafe { std::mem::zeroed() };
    caps.struct_size = std::mem::size_of::<reel_backend_caps_t>() as u32;
    assert_eq!(unsafe { reel_backend_caps(ptr::null_mut(), 0, &mut caps) }, reel_result_t_REEL_SUCCESS, "{}", last_error_message());
    assert!(caps.backend_count >= 2);
    let name = unsafe { CStr::from_ptr(caps.name.as_ptr()) }.to_str().unwrap().to_owned();
    assert_eq!(name, "software");
}

#[test]
fn cpu_timeline_keys_a_deferred_release() {
    let desc = reel_context_desc_default();
    let mut context: reel_context_t = ptr::null_mut();
    assert_eq!(unsafe { reel_context_create(&desc, &mut context) }, reel_result_t_REEL_SUCCESS);
    let mut timeline: reel_timeline_t = ptr::null_mut();
    assert_eq!(unsafe { reel_timeline_create(context, ptr::null(), &mut timeline) }, reel_result_t_REEL_SUCCESS, "{}", last_error_message());
    assert_eq!(unsafe { reel_timeline_wait(timeline, 1, 0) }, reel_result_t_REEL_TIMEOUT);
    assert_eq!(unsafe { reel_timeline_signal(timeline, 1) }, reel_result_t_REEL_SUCCESS);
    assert_eq!(unsafe { reel_timeline_wait(timeline, 1, 0) }, reel_result_t_REEL_SUCCESS);
    assert_eq!(unsafe { reel_timeline_signal(timeline, 0) }, reel_result_t_REEL_ERROR_INVALID_ARGUMENT);
    assert!(last_error_message().contains("value is 0"), "{}", last_error_message());
    assert_eq!(unsafe { reel_context_destroy(context) }, reel_result_t_REEL_SUCCESS);
}

/// reel_vulkan.h: the device reports its Vulkan objects with Vulkan's types (VkDevice is a
/// pointer type here, VkImage a 64-bit handle), no casts from integers.
#[cfg(feature = "vulkan")]
#[test]
fn vulkan_device_reports_typed_handles() {
    let desc = reel_context_desc_default();
    let mut context: reel_context_t = ptr::null_mut();
    assert_eq!(unsafe { reel_context_create(&desc, &mut context) }, reel_result_t_REEL_SUCCESS);
    let mut device: reel_device_t = ptr::null_mut();
    let result = unsafe { reel_device_create(context, ptr::null(), &mut device) };
    if result == reel_result_t_REEL_ERROR_UNSUPPORTED {
        eprintln!("skipped: no usable Vulkan device: {}", last_error_message());
        unsafe { reel_context_destroy(context) };
        return;
    }
    assert_eq!(result, reel_result_t_REEL_SUCCESS, "{}", last_error_message());
    let mut info: reel_device_info_t = unsafe { std::mem::zeroed() };
    info.struct_size = std::mem::size_of::<reel_device_info_t>() as u32;
    assert_eq!(unsafe { reel_device_get_info(device, &mut info) }, reel_result_t_REEL_SUCCESS, "{}", last_error_message());
    let vk_device: VkDevice = info.vk_device;
    assert!(!vk_device.is_null());
    assert!(info.vk_get_instance_proc_addr.is_some());
    assert_eq!(unsafe { reel_device_destroy(device) }, reel_result_t_REEL_SUCCESS);
    assert_eq!(unsafe { reel_context_destroy(context) }, reel_result_t_REEL_SUCCESS);
}
