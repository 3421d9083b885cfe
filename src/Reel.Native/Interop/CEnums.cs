// The C enums of reel.h and reel_vulkan.h, by their C names, for the generated struct mirrors
// (Generated/) and the exports: each name stands for the C# enum that mirrors the C enum and
// carries [CType] with its C name (the drift check compares every enumerator). One line per C
// enum; a new C enum needs its mirror and a line here, or Generated/ does not compile.

global using reel_access_pattern_t = Reel.Cache.AccessPattern;
global using reel_audio_codec_t = Reel.Containers.AudioCodec;
global using reel_av1_profile_t = Reel.Codecs.Encoders.Av1Profile;
global using reel_backend_kind_t = Reel.Backends.BackendKind;
global using reel_codec_backend_t = Reel.Backends.CodecBackend;
global using reel_color_description_t = Reel.Codecs.Encoders.ColorDescription;
global using reel_container_t = Reel.Containers.ContainerFormat;
global using reel_device_flags_t = Reel.Vulkan.Api.DeviceFlags;
global using reel_dpb_flags_t = Reel.Vulkan.Dpb.DpbFlags;
global using reel_encoder_preset_t = Reel.Codecs.Encoders.EncoderPreset;
global using reel_encoder_setting_t = Reel.Codecs.Encoders.EncoderSettingFlags;
global using reel_filter_switch_t = Reel.Codecs.Encoders.FilterSwitch;
global using reel_frame_cache_preset_t = Reel.Native.Interop.FrameCachePresetC;
global using reel_gpu_allocation_flags_t = Reel.Vulkan.Api.GpuAllocationFlags;
global using reel_gpu_buffer_pool_kind_t = Reel.Vulkan.Buffers.GpuBufferPoolKind;
global using reel_gpu_memory_usage_t = Reel.Vulkan.Memory.GpuMemoryUsage;
global using reel_gpu_queue_t = Reel.Vulkan.Api.GpuQueueRole;
global using reel_log_level_t = Reel.Abi.LogLevel;
global using reel_memory_category_t = Reel.Memory.MemoryCategory;
global using reel_pixel_format_t = Reel.Pools.PixelFormat;
global using reel_pool_exhaustion_t = Reel.Pools.ExhaustionPolicy;
global using reel_pool_flags_t = Reel.Pools.PoolFlags;
global using reel_pool_growth_t = Reel.Pools.PoolGrowth;
global using reel_prediction_structure_t = Reel.Codecs.Encoders.PredictionStructure;
global using reel_pressure_level_t = Reel.Telemetry.PressureLevel;
global using reel_rate_control_t = Reel.Codecs.Encoders.RateControlMode;
global using reel_result_t = Reel.Abi.ReelResult;
global using reel_sample_format_t = Reel.Pools.SampleFormat;
global using reel_soak_scenario_t = Reel.Simulation.SoakScenario;
global using reel_stream_kind_t = Reel.Native.Interop.StreamKind;
global using reel_timeline_kind_t = Reel.Vulkan.Api.TimelineKind;
global using reel_video_codec_op_t = Reel.Backends.VideoCodecOperation;
global using reel_video_codec_t = Reel.Backends.VideoCodec;
global using reel_vulkan_feature_flags_t = Reel.Vulkan.Device.VulkanFeatures;
