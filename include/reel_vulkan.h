/*
 * reel_vulkan.h -- the Vulkan backend of Reel: GPU devices, memory, DPB, command buffers,
 * queue timelines and video sessions.
 *
 * It includes reel.h (the backend-neutral contract: contexts, pools, buffers, sessions,
 * backends and timelines) and <vulkan/vulkan_core.h>, the way vulkan_win32.h sits beside
 * vulkan_core.h: a host that uses Reel's GPU objects includes this header, every other host
 * includes reel.h alone. It needs the Vulkan headers 1.3.238 or newer (VK_KHR_video_queue in
 * vulkan_core.h; Debian 12's libvulkan-dev has 1.3.239). It declares no Vulkan functions and
 * works with VK_NO_PROTOTYPES and with loaders such as volk.
 *
 * Contents
 *   1. Devices                create a headless device or adopt the host's VkDevice, info
 *   2. Memory                 buffers and images in suballocated device memory, mapping, stats
 *   3. GPU buffer pools       bitstream, staging and readback buffers by size class
 *   4. Decoded picture buffers images with a slot manager
 *   5. Command buffers, frames and queue timelines
 *   6. Video sessions         VkVideoSessionKHR with its memory bound
 *
 * The Vulkan backend is what a host (a game engine, a transcoder) needs to run video work on
 * a GPU without leaking: a device Reel creates headless or the host's own VkDevice adopted;
 * suballocated device memory (64 MiB blocks, memory types chosen by usage, persistent
 * mapping, exact accounting as REEL_MEMORY_DEVICE and REEL_MEMORY_DPB); pools of GPU buffers
 * for bitstreams and staging; decoded picture buffers with a slot manager; command buffers
 * recycled by timeline value and a frame synchronizer; queue timelines and timeline
 * semaphores for deferred release; and video sessions with their memory bound. Its
 * capabilities are reported by reel_backend_caps() (reel.h section 13).
 *
 * Vulkan.  libvulkan.so.1 is loaded on the first call that needs it, never when libreel
 *          loads: without it every function here returns REEL_ERROR_UNSUPPORTED with the
 *          reason, and the rest of Reel works. An adopted device uses the host's
 *          vkGetInstanceProcAddr. The environment variable REEL_VULKAN_LIBRARY names another
 *          loader library to open instead of libvulkan.so.1.
 * Types.   Vulkan objects cross with their Vulkan types (VkInstance, VkPhysicalDevice,
 *          VkDevice, VkQueue, VkCommandBuffer, VkBuffer, VkImage, VkImageView, VkDeviceMemory,
 *          VkSemaphore, VkVideoSessionKHR, VkVideoSessionParametersKHR, VkFormat, Vk*Flags),
 *          so a host passes and receives them without casts; every field and parameter that
 *          holds one is named vk_*. Vulkan objects Reel reports stay owned by Reel: never
 *          destroy them. Layouts are those of the 64-bit ABI (Conventions in reel.h), where
 *          every Vulkan handle is 8 bytes.
 * Lifetime. Every object here belongs to a device, and every device to a context.
 *          reel_device_destroy (and reel_context_destroy, which destroys its devices) waits
 *          for Reel's queue work, runs every deferred release, and destroys what the host left
 *          on the device (logged as a warning). Objects the GPU may still use must not be
 *          destroyed directly: free them after the timeline value of the work that uses them
 *          (reel_gpu_allocation_free_after, reel_buffer_release_after).
 * Threads. Every function is safe from any thread, with Vulkan's own rules on top: a command
 *          buffer is recorded by one thread at a time; reel_device_begin_frame and
 *          reel_device_end_frame belong to one thread at a time; Reel submits to a queue only
 *          under its own lock, so a host that shares an adopted queue must not submit to it
 *          while a Reel call on the same device may (serialise the two).
 * Lavapipe. On Mesa's CPU implementation (no video extensions, no VK_EXT_memory_budget)
 *          everything but video sessions and video-capable DPBs and buffers works; those
 *          return REEL_ERROR_UNSUPPORTED naming the missing extension.
 */
#ifndef REEL_VULKAN_H
#define REEL_VULKAN_H

#include "reel.h"

#include <vulkan/vulkan_core.h>

#if !defined(VK_KHR_video_queue)
#  error "reel_vulkan.h needs the Vulkan headers 1.3.238 or newer (VK_KHR_video_queue in vulkan_core.h)"
#endif

#ifdef __cplusplus
extern "C" {
#endif

REEL_DEFINE_HANDLE(reel_gpu_allocation_t)  /* a GPU buffer or image with its memory */
REEL_DEFINE_HANDLE(reel_gpu_buffer_pool_t) /* a pool of GPU buffers */
REEL_DEFINE_HANDLE(reel_dpb_t)             /* a decoded picture buffer */
REEL_DEFINE_HANDLE(reel_video_session_t)   /* a Vulkan video session with bound memory */

/* --- 1. Devices ------------------------------------------------------------------------- */

/** Option bits of reel_device_desc_t.flags and reel_vulkan_adoption_t.flags. */
typedef enum reel_device_flags_t {
    REEL_DEVICE_FLAG_NONE = 0,       /**< no options */
    REEL_DEVICE_FLAG_VALIDATION = 1, /**< capture Vulkan validation messages into the context's
                                          log (errors at REEL_LOG_LEVEL_ERROR as "vulkan [error]
                                          VUID-..."). Create: enables VK_LAYER_KHRONOS_validation
                                          with synchronization validation (the layer must be
                                          installed: Debian package vulkan-validationlayers).
                                          Adopt: adds Reel's own debug messenger (the host must
                                          have enabled VK_EXT_debug_utils) */
    REEL_DEVICE_FLAG_NO_VIDEO = 2,   /**< create: enable no video queue or extension */
    REEL_DEVICE_FLAG_MAX_ENUM = 0x7FFFFFFF /**< not a flag: keeps the enum 32 bits wide */
} reel_device_flags_t;

/** How to create a device (headless: no surface, no window). Zero it and set struct_size
 *  (reel_device_desc_default()); all-zero means the defaults below. Published in 0.1.0 at
 *  48 bytes. */
typedef struct reel_device_desc_t {
    uint32_t struct_size;             /**< sizeof(reel_device_desc_t); required */
    uint32_t flags;                   /**< reel_device_flags_t bits. Default 0 */
    uint32_t physical_device;         /**< 0 = the best usable device (discrete, integrated,
                                           virtual, then CPU); N = the N-th device in
                                           vkEnumeratePhysicalDevices order, counting from 1.
                                           Default 0 */
    uint32_t vulkan_api_version;      /**< highest Vulkan version Reel may use, packed like
                                           VK_MAKE_API_VERSION, at least 1.1; 0 = 1.3 */
    uint32_t max_frames_in_flight;    /**< frames begun and not complete, 1..16; 0 = 2 */
    uint32_t command_buffers_per_queue; /**< command buffers per queue recording or in flight,
                                           1..256; 0 = 16 */
    uint64_t memory_block_size;       /**< bytes of each shared memory block, a power of two
                                           from 1 MiB to 1 GiB; 0 = 64 MiB. Resources above half
                                           of it get their own VkDeviceMemory */
    uint32_t empty_block_frames;      /**< frames of the context's frame clock an empty block is
                                           kept before it is freed, 1..1000000; 0 = 120 */
    uint32_t reserved;                /**< must be 0 */
    const char* application_name;     /**< VkApplicationInfo.pApplicationName, at most 63 bytes;
                                           copied. NULL = "reel" */
} reel_device_desc_t;

/** One queue of the host's device that Reel may submit to. */
typedef struct reel_vulkan_queue_t {
    uint32_t family_index; /**< its queue family index */
    uint32_t index;        /**< its index within the family */
    VkQueue vk_queue;      /**< the queue */
} reel_vulkan_queue_t;

/** Device features a host declares it enabled on the VkDevice it hands over (Vulkan cannot be
 *  asked afterwards). */
typedef enum reel_vulkan_feature_flags_t {
    REEL_VULKAN_FEATURE_NONE = 0,               /**< none */
    REEL_VULKAN_FEATURE_TIMELINE_SEMAPHORE = 1, /**< timelineSemaphore (Vulkan 1.2 or
                                                     VK_KHR_timeline_semaphore): required */
    REEL_VULKAN_FEATURE_SYNCHRONIZATION2 = 2,   /**< synchronization2 (Vulkan 1.3 or
                                                     VK_KHR_synchronization2): required */
    REEL_VULKAN_FEATURE_HOST_QUERY_RESET = 4,   /**< hostQueryReset: optional */
    REEL_VULKAN_FEATURE_VIDEO_MAINTENANCE1 = 8, /**< videoMaintenance1: optional; bitstream
                                                     buffers are then profile-independent */
    REEL_VULKAN_FEATURE_MAX_ENUM = 0x7FFFFFFF   /**< not a flag: keeps the enum 32 bits wide */
} reel_vulkan_feature_flags_t;

/** The host's Vulkan objects handed to Reel (the engine-embedding case). Reel works on them
 *  and never destroys them; the host keeps them alive until reel_device_destroy() returns.
 *  Published in 0.1.0 at 104 bytes. */
typedef struct reel_vulkan_adoption_t {
    uint32_t struct_size;              /**< sizeof(reel_vulkan_adoption_t); required */
    uint32_t flags;                    /**< REEL_DEVICE_FLAG_VALIDATION or 0 */
    PFN_vkGetInstanceProcAddr vk_get_instance_proc_addr; /**< the host's vkGetInstanceProcAddr,
                                            through which Reel loads every entry point; NULL =
                                            the one of libvulkan.so.1 */
    VkInstance vk_instance;            /**< the host's instance; required */
    VkPhysicalDevice vk_physical_device; /**< the physical device vk_device was made on;
                                            required */
    VkDevice vk_device;                /**< the host's device; required */
    uint32_t instance_api_version;     /**< VkApplicationInfo.apiVersion the instance was
                                            created with, at least 1.1; required */
    uint32_t enabled_features;         /**< reel_vulkan_feature_flags_t bits the host enabled;
                                            TIMELINE_SEMAPHORE and SYNCHRONIZATION2 required */
    uint32_t instance_extension_count; /**< entries of instance_extensions, 0..256 */
    uint32_t device_extension_count;   /**< entries of device_extensions, 0..256 */
    const char* const* instance_extensions; /**< the instance extensions the host enabled;
                                                 read during the call */
    const char* const* device_extensions;   /**< the device extensions the host enabled (video
                                                 queues count only with their extensions) */
    uint32_t queue_count;              /**< entries of queues, 1..64; at least one queue with
                                            graphics or compute */
    uint32_t max_frames_in_flight;     /**< as reel_device_desc_t; 0 = 2 */
    const reel_vulkan_queue_t* queues; /**< the queues Reel may use; read during the call */
    uint64_t memory_block_size;        /**< as reel_device_desc_t; 0 = 64 MiB */
    uint32_t empty_block_frames;       /**< as reel_device_desc_t; 0 = 120 */
    uint32_t command_buffers_per_queue; /**< as reel_device_desc_t; 0 = 16 */
} reel_vulkan_adoption_t;

/** The queues Reel uses for work, indexing reel_device_info_t's arrays. */
typedef enum reel_gpu_queue_t {
    REEL_GPU_QUEUE_GRAPHICS = 0,     /**< the graphics queue */
    REEL_GPU_QUEUE_COMPUTE = 1,      /**< the compute queue (an async compute queue where the
                                          device has one, else the graphics queue) */
    REEL_GPU_QUEUE_TRANSFER = 2,     /**< the transfer queue (a DMA queue where the device has
                                          one) */
    REEL_GPU_QUEUE_VIDEO_DECODE = 3, /**< the video decode queue */
    REEL_GPU_QUEUE_VIDEO_ENCODE = 4, /**< the video encode queue */
    REEL_GPU_QUEUE_MAX_ENUM = 0x7FFFFFFF /**< not a queue: keeps the enum 32 bits wide */
} reel_gpu_queue_t;

/** Number of reel_gpu_queue_t values. */
#define REEL_GPU_QUEUE_COUNT 5

/** What Reel runs on a device (reel_device_get_info). Published in 0.1.0 at 648 bytes. */
typedef struct reel_device_info_t {
    uint32_t struct_size;         /**< set by the caller to sizeof(reel_device_info_t) */
    uint32_t api_version;         /**< the Vulkan version Reel uses on the device */
    VkInstance vk_instance;       /**< the instance */
    VkPhysicalDevice vk_physical_device; /**< the physical device */
    VkDevice vk_device;           /**< the device */
    PFN_vkGetInstanceProcAddr vk_get_instance_proc_addr; /**< the vkGetInstanceProcAddr Reel
                                       loads through */
    int32_t queue_family[REEL_GPU_QUEUE_COUNT]; /**< per reel_gpu_queue_t: the family index
                                                     of Reel's queue; -1 when there is none */
    uint32_t adopted;             /**< 1 when the VkDevice is the host's */
    VkQueue vk_queue[REEL_GPU_QUEUE_COUNT]; /**< per reel_gpu_queue_t: the queue; NULL when
                                            none. Several roles may share one queue */
    uint32_t validation;          /**< 1 when Reel captures validation messages */
    uint32_t max_frames_in_flight; /**< the frame synchronizer's limit */
    uint64_t validation_errors;   /**< error-severity validation messages so far */
    uint64_t validation_warnings; /**< warning-severity validation messages so far */
    uint64_t frame;               /**< frames begun with reel_device_begin_frame */
    char device_name[256];        /**< VkPhysicalDeviceProperties.deviceName */
    char driver_name[256];        /**< VkPhysicalDeviceVulkan12Properties.driverName ("" before
                                       Vulkan 1.2) */
} reel_device_info_t;

/*! reel_device_desc_default() :
 *  @return a reel_device_desc_t with struct_size set and every field at its default.
 *          Defined here, not exported. */
static inline reel_device_desc_t reel_device_desc_default(void) {
    reel_device_desc_t desc;
    memset(&desc, 0, sizeof(desc));
    desc.struct_size = (uint32_t)sizeof(desc);
    return desc;
}

/*! reel_vulkan_adoption_default() :
 *  @return a reel_vulkan_adoption_t with struct_size set and every field zero; fill in the
 *          host's objects. Defined here, not exported. */
static inline reel_vulkan_adoption_t reel_vulkan_adoption_default(void) {
    reel_vulkan_adoption_t adoption;
    memset(&adoption, 0, sizeof(adoption));
    adoption.struct_size = (uint32_t)sizeof(adoption);
    return adoption;
}

/*! reel_device_info_init() :
 *  @return a zeroed reel_device_info_t with struct_size set. Defined here, not exported. */
static inline reel_device_info_t reel_device_info_init(void) {
    reel_device_info_t info;
    memset(&info, 0, sizeof(info));
    info.struct_size = (uint32_t)sizeof(info);
    return info;
}

/*! reel_device_create() :
 *  Creates a Vulkan instance and device of Reel's own: picks a physical device, a queue
 *  family per role (graphics, compute, transfer, and video decode/encode families when the
 *  device has them), enables timeline semaphores, synchronization2, VK_EXT_memory_budget and
 *  the video extensions it finds.
 *  @param context    the owning context: its log, frame clock and accounting.
 *  @param desc       read during the call only; NULL = all defaults.
 *  @param out_device receives the device; unchanged on failure. Destroy it with
 *                    reel_device_destroy() (or reel_context_destroy()).
 *  @return REEL_SUCCESS,
 *          REEL_ERROR_INVALID_HANDLE    context is not a live context,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL out_device; bad struct_size; unknown flags; a field
 *                                       out of its range; physical_device beyond the devices,
 *          REEL_ERROR_INCOMPATIBLE_VERSION  desc from a newer header with unknown fields set,
 *          REEL_ERROR_UNSUPPORTED       no libvulkan.so.1; no usable physical device (the
 *                                       message lists why each was refused); VALIDATION asked
 *                                       but the layer is not installed,
 *          REEL_ERROR_OUT_OF_MEMORY,
 *          REEL_ERROR_LIMIT_REACHED     1024 devices are alive.
 *  @note   Slow (milliseconds to seconds with validation); logs at REEL_LOG_LEVEL_INFO. */
REEL_API reel_result_t reel_device_create(reel_context_t context, const reel_device_desc_t* desc,
                                          reel_device_t* out_device);

/*! reel_device_adopt() :
 *  Runs Reel on the host's VkInstance, VkPhysicalDevice, VkDevice and queues: Reel loads the
 *  entry points through the host's vkGetInstanceProcAddr for the versions and extensions the
 *  host declares, and creates only its own objects (timeline semaphores, command pools,
 *  memory, ...). The host's objects are never destroyed by Reel.
 *  @param context    the owning context.
 *  @param adoption   read during the call only (extension names are copied).
 *  @param out_device receives the device; unchanged on failure.
 *  @return REEL_SUCCESS,
 *          REEL_ERROR_INVALID_HANDLE    context is not a live context,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL adoption/out_device; bad struct_size; a NULL
 *                                       vk_instance, vk_physical_device, vk_device or vk_queue;
 *                                       counts out of range or with NULL arrays; a queue outside its
 *                                       family or repeated; unknown flags or feature bits,
 *          REEL_ERROR_INCOMPATIBLE_VERSION  adoption from a newer header with unknown fields set,
 *          REEL_ERROR_UNSUPPORTED       the host did not enable timeline semaphores and
 *                                       synchronization2; no queue has graphics or compute;
 *                                       VALIDATION without VK_EXT_debug_utils; the device runs
 *                                       below Vulkan 1.1; no libvulkan.so.1 when
 *                                       vk_get_instance_proc_addr is NULL,
 *          REEL_ERROR_LIMIT_REACHED     1024 devices are alive.
 *  @note   The host must not submit to a queue it shares with Reel while Reel may submit to
 *          it (see Threads above). */
REEL_API reel_result_t reel_device_adopt(reel_context_t context, const reel_vulkan_adoption_t* adoption,
                                         reel_device_t* out_device);

/*! reel_device_destroy() :
 *  Destroys a device: waits for the work Reel submitted, runs every deferred release,
 *  destroys every object the host left on it (allocations, buffer pools, DPBs, video
 *  sessions, GPU timelines; logged as a warning), Reel's command pools, timelines and memory,
 *  and for a created device the VkDevice and VkInstance. An adopted VkDevice stays. Work still
 *  waiting after 1 s for one of the device's own GPU timelines (which nobody can signal once
 *  the device goes) is released by signalling those timelines far ahead, with a warning; work
 *  still running 10 s later is logged as an error (a created device then waits in
 *  vkDeviceWaitIdle before it is destroyed).
 *  @param device the device; REEL_NULL_HANDLE does nothing.
 *  @return REEL_SUCCESS (also for REEL_NULL_HANDLE), REEL_ERROR_INVALID_HANDLE.
 *  @note   Must not race with other calls on the device or its objects. */
REEL_API reel_result_t reel_device_destroy(reel_device_t device);

/*! reel_device_get_info() :
 *  Describes the device: Vulkan handles, queues per role, validation counts.
 *  @param out_info caller-owned; set struct_size first (reel_device_info_init()).
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL out_info or a bad struct_size. */
REEL_API reel_result_t reel_device_get_info(reel_device_t device, reel_device_info_t* out_info);

/* --- 2. Memory ------------------------------------------------------------------------- *
 * Buffers and images in suballocated device memory. Each memory type has shared blocks
 * (memory_block_size); a request is placed best-fit at its alignment, linear resources
 * (buffers, LINEAR images) and optimal images never share a bufferImageGranularity page, and
 * freed ranges merge with their free neighbours. Resources above half a block, and those the
 * driver prefers or requires to be dedicated (VkMemoryDedicatedRequirements), get their own
 * VkDeviceMemory. When a heap is full the next suitable memory type is tried. Blocks empty for
 * empty_block_frames frames are freed. Host-visible memory stays mapped. Every allocation is
 * charged to REEL_MEMORY_DEVICE (or REEL_MEMORY_DPB) of the context while it lives.
 * --------------------------------------------------------------------------------------- */

/** What GPU memory is for; decides its memory type. */
typedef enum reel_gpu_memory_usage_t {
    REEL_GPU_MEMORY_DEVICE_LOCAL = 1, /**< only the GPU touches it (DPB, output images):
                                           DEVICE_LOCAL, preferably not host-visible */
    REEL_GPU_MEMORY_UPLOAD = 2,       /**< the CPU writes, the GPU reads (bitstreams to decode,
                                           staging): HOST_VISIBLE, preferably coherent and
                                           uncached (write-combined) */
    REEL_GPU_MEMORY_READBACK = 3,     /**< the GPU writes, the CPU reads (encoded bitstreams,
                                           readback): HOST_VISIBLE, preferably HOST_CACHED */
    REEL_GPU_MEMORY_MAX_ENUM = 0x7FFFFFFF /**< not a usage: keeps the enum 32 bits wide */
} reel_gpu_memory_usage_t;

/** Option bits of reel_gpu_buffer_desc_t.flags and reel_gpu_image_desc_t.flags. */
typedef enum reel_gpu_allocation_flags_t {
    REEL_GPU_ALLOCATION_FLAG_NONE = 0,      /**< no options */
    REEL_GPU_ALLOCATION_FLAG_DEDICATED = 1, /**< give the resource its own VkDeviceMemory
                                                 whatever its size */
    REEL_GPU_ALLOCATION_FLAG_DPB = 2,       /**< charge it to REEL_MEMORY_DPB instead of
                                                 REEL_MEMORY_DEVICE (reference pictures) */
    REEL_GPU_ALLOCATION_FLAG_MAX_ENUM = 0x7FFFFFFF /**< not a flag: keeps the enum 32 bits wide */
} reel_gpu_allocation_flags_t;

/** A buffer to create in suballocated memory. Published in 0.1.0 at 24 bytes. */
typedef struct reel_gpu_buffer_desc_t {
    uint32_t struct_size;                 /**< sizeof(reel_gpu_buffer_desc_t); required */
    reel_gpu_memory_usage_t memory_usage; /**< 0 = REEL_GPU_MEMORY_DEVICE_LOCAL */
    uint64_t size;                        /**< bytes, 1 to 2^40; required */
    VkBufferUsageFlags vk_usage;          /**< non-zero; required */
    uint32_t flags;                       /**< reel_gpu_allocation_flags_t bits. Default 0 */
} reel_gpu_buffer_desc_t;

/** A 2D image to create in suballocated memory (exclusive sharing, one sample, layout
 *  UNDEFINED). Published in 0.1.0 at 40 bytes. */
typedef struct reel_gpu_image_desc_t {
    uint32_t struct_size;                 /**< sizeof(reel_gpu_image_desc_t); required */
    reel_gpu_memory_usage_t memory_usage; /**< 0 = REEL_GPU_MEMORY_DEVICE_LOCAL */
    VkFormat vk_format;                   /**< not VK_FORMAT_UNDEFINED; required */
    uint32_t width;                       /**< pixels, 1..16384 (and the format's limit); required */
    uint32_t height;                      /**< pixels, 1..16384 (and the format's limit); required */
    uint32_t array_layers;                /**< 1..2048 (and the format's limit); 0 = 1 */
    uint32_t mip_levels;                  /**< 1..16 (and the format's limit); 0 = 1 */
    VkImageUsageFlags vk_usage;           /**< non-zero; required */
    VkImageTiling vk_tiling;              /**< VK_IMAGE_TILING_OPTIMAL (0, the default) or
                                               VK_IMAGE_TILING_LINEAR */
    uint32_t flags;                       /**< reel_gpu_allocation_flags_t bits. Default 0 */
} reel_gpu_image_desc_t;

/** Where an allocation's resource and memory are (reel_gpu_allocation_get_info).
 *  Published in 0.1.0 at 80 bytes. */
typedef struct reel_gpu_allocation_info_t {
    uint32_t struct_size;      /**< set by the caller to sizeof(reel_gpu_allocation_info_t) */
    uint32_t memory_type_index; /**< the Vulkan memory type */
    VkBuffer vk_buffer;        /**< the buffer; VK_NULL_HANDLE for an image */
    VkImage vk_image;          /**< the image; VK_NULL_HANDLE for a buffer */
    VkDeviceMemory vk_device_memory; /**< the memory it is bound to (shared with other
                                    allocations unless dedicated) */
    uint64_t offset;           /**< its offset in vk_device_memory */
    uint64_t size;             /**< bytes reserved (the memory requirement, rounded to
                                    nonCoherentAtomSize for non-coherent memory) */
    uint64_t resource_size;    /**< a buffer's VkBufferCreateInfo.size (a pooled buffer: its
                                    size class); 0 for an image */
    void* mapped;              /**< host address of its first byte, or NULL when its memory is
                                    not host-visible; valid until the allocation is freed */
    reel_gpu_memory_usage_t memory_usage; /**< the usage it was allocated for */
    uint32_t dedicated;        /**< 1 when it has its own VkDeviceMemory */
    uint32_t coherent;         /**< 1 when host access needs no flush or invalidate */
    uint32_t pooled;           /**< 1 for a buffer of a reel_gpu_buffer_pool_t */
} reel_gpu_allocation_info_t;

/** A device's GPU memory at one instant (reel_device_get_memory_stats). "Block" bytes are
 *  VkDeviceMemory Reel holds; "allocation" bytes are those handed to resources. Own counters
 *  are always exact; the budget needs VK_EXT_memory_budget. Published in 0.1.0 at 856 bytes. */
typedef struct reel_gpu_memory_stats_t {
    uint32_t struct_size;       /**< set by the caller to sizeof(reel_gpu_memory_stats_t) */
    uint32_t heap_count;        /**< entries of heaps in use */
    uint32_t block_count;       /**< shared blocks */
    uint32_t allocation_count;  /**< live allocations, shared and dedicated */
    uint32_t dedicated_count;   /**< dedicated allocations */
    uint32_t free_range_count;  /**< free ranges in shared blocks */
    uint64_t block_bytes;       /**< bytes of shared blocks */
    uint64_t allocation_bytes;  /**< bytes of live allocations, shared and dedicated; equals
                                     what the context counts as REEL_MEMORY_DEVICE plus
                                     REEL_MEMORY_DPB for this device */
    uint64_t dedicated_bytes;   /**< bytes of dedicated allocations */
    uint64_t free_bytes;        /**< free bytes in shared blocks */
    double fragmentation;       /**< share of free_bytes outside their block's largest free
                                     range, 0..1: 0 when every block's free space is one range */
    uint64_t device_allocations; /**< vkAllocateMemory calls so far */
    uint64_t device_frees;      /**< vkFreeMemory calls so far */
    uint64_t blocks_reclaimed;  /**< empty blocks freed after empty_block_frames */
    reel_gpu_heap_stats_t heaps[REEL_GPU_MAX_HEAPS]; /**< per heap, in Vulkan's order */
} reel_gpu_memory_stats_t;

/*! reel_gpu_buffer_desc_default() :
 *  @return a reel_gpu_buffer_desc_t with struct_size set and every field at its default; set
 *          size and vk_usage. Defined here, not exported. */
static inline reel_gpu_buffer_desc_t reel_gpu_buffer_desc_default(void) {
    reel_gpu_buffer_desc_t desc;
    memset(&desc, 0, sizeof(desc));
    desc.struct_size = (uint32_t)sizeof(desc);
    return desc;
}

/*! reel_gpu_image_desc_default() :
 *  @return a reel_gpu_image_desc_t with struct_size set and every field at its default; set
 *          vk_format, width, height and vk_usage. Defined here, not exported. */
static inline reel_gpu_image_desc_t reel_gpu_image_desc_default(void) {
    reel_gpu_image_desc_t desc;
    memset(&desc, 0, sizeof(desc));
    desc.struct_size = (uint32_t)sizeof(desc);
    return desc;
}

/*! reel_gpu_allocation_info_init() :
 *  @return a zeroed reel_gpu_allocation_info_t with struct_size set. Defined here, not
 *          exported. */
static inline reel_gpu_allocation_info_t reel_gpu_allocation_info_init(void) {
    reel_gpu_allocation_info_t info;
    memset(&info, 0, sizeof(info));
    info.struct_size = (uint32_t)sizeof(info);
    return info;
}

/*! reel_gpu_memory_stats_init() :
 *  @return a zeroed reel_gpu_memory_stats_t with struct_size set. Defined here, not exported. */
static inline reel_gpu_memory_stats_t reel_gpu_memory_stats_init(void) {
    reel_gpu_memory_stats_t stats;
    memset(&stats, 0, sizeof(stats));
    stats.struct_size = (uint32_t)sizeof(stats);
    return stats;
}

/*! reel_gpu_buffer_create() :
 *  Creates a VkBuffer (exclusive sharing) and binds it to memory of the usage's type.
 *  @param device         the device.
 *  @param desc           read during the call only.
 *  @param out_allocation receives the allocation; unchanged on failure. Free it with
 *                        reel_gpu_allocation_free() or reel_gpu_allocation_free_after().
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL desc/out_allocation; bad struct_size; size 0 or
 *                                       above 2^40; vk_usage 0 or with bits Vulkan does not
 *                                       define; unknown memory_usage or flags,
 *          REEL_ERROR_INCOMPATIBLE_VERSION  desc from a newer header with unknown fields set,
 *          REEL_ERROR_UNSUPPORTED       no memory type of the device fits the usage,
 *          REEL_ERROR_OUT_OF_MEMORY     every suitable heap is full,
 *          REEL_ERROR_LIMIT_REACHED     2^20 allocations are alive,
 *          REEL_ERROR_DEVICE_LOST. */
REEL_API reel_result_t reel_gpu_buffer_create(reel_device_t device, const reel_gpu_buffer_desc_t* desc,
                                              reel_gpu_allocation_t* out_allocation);

/*! reel_gpu_image_create() :
 *  Creates a 2D VkImage and binds it to memory of the usage's type, after checking with
 *  vkGetPhysicalDeviceImageFormatProperties2 that the device supports it.
 *  @param desc           read during the call only.
 *  @param out_allocation as reel_gpu_buffer_create().
 *  @return as reel_gpu_buffer_create(); REEL_ERROR_INVALID_ARGUMENT also for a size, layer or
 *          mip count out of range or an unknown vk_tiling; REEL_ERROR_UNSUPPORTED also when the
 *          device does not support the format with that tiling, usage, extent or layers. */
REEL_API reel_result_t reel_gpu_image_create(reel_device_t device, const reel_gpu_image_desc_t* desc,
                                             reel_gpu_allocation_t* out_allocation);

/*! reel_gpu_allocation_get_info() :
 *  Describes an allocation: its VkBuffer or VkImage, its memory, offset and mapping.
 *  @param out_info caller-owned; set struct_size first (reel_gpu_allocation_info_init()).
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL out_info or a bad struct_size. */
REEL_API reel_result_t reel_gpu_allocation_get_info(reel_gpu_allocation_t allocation,
                                                    reel_gpu_allocation_info_t* out_info);

/*! reel_gpu_allocation_map() :
 *  The host address of an allocation in host-visible memory. Memory stays mapped for the
 *  allocation's life (there is no unmap); for non-coherent memory, flush after writing and
 *  invalidate before reading.
 *  @param out_pointer receives the address of the allocation's first byte.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL out_pointer; the memory is not host-visible
 *                                       (REEL_GPU_MEMORY_DEVICE_LOCAL on a discrete GPU). */
REEL_API reel_result_t reel_gpu_allocation_map(reel_gpu_allocation_t allocation, void** out_pointer);

/*! reel_gpu_allocation_flush() :
 *  Makes host writes to bytes [offset, offset + size) of the allocation visible to the device
 *  (vkFlushMappedMemoryRanges, the range widened to nonCoherentAtomSize; allocations in
 *  non-coherent memory are atom-aligned, so a flush never touches a neighbour). Does nothing
 *  for coherent memory.
 *  @param size bytes; UINT64_MAX (VK_WHOLE_SIZE) means to the end of the allocation.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  the range exceeds the allocation; the memory is not
 *                                       host-visible,
 *          REEL_ERROR_OUT_OF_MEMORY, REEL_ERROR_DEVICE_LOST. */
REEL_API reel_result_t reel_gpu_allocation_flush(reel_gpu_allocation_t allocation, uint64_t offset, uint64_t size);

/*! reel_gpu_allocation_invalidate() :
 *  Makes device writes to bytes [offset, offset + size) visible to the host
 *  (vkInvalidateMappedMemoryRanges, widened like reel_gpu_allocation_flush()); call it after
 *  waiting for the work that wrote them. Does nothing for coherent memory.
 *  @return as reel_gpu_allocation_flush(). */
REEL_API reel_result_t reel_gpu_allocation_invalidate(reel_gpu_allocation_t allocation, uint64_t offset, uint64_t size);

/*! reel_gpu_allocation_free() :
 *  Destroys the buffer or image and frees its memory now, or gives a pooled buffer back to
 *  its pool. The handle is invalid afterwards (a second free returns
 *  REEL_ERROR_INVALID_HANDLE). The GPU must be done with it; otherwise use
 *  reel_gpu_allocation_free_after().
 *  @param allocation the allocation; REEL_NULL_HANDLE does nothing.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE. */
REEL_API reel_result_t reel_gpu_allocation_free(reel_gpu_allocation_t allocation);

/*! reel_gpu_allocation_free_after() :
 *  Frees the allocation (as reel_gpu_allocation_free()) once timeline reaches value: at once
 *  if it already has, otherwise at the first reel_device_begin_frame or
 *  reel_context_advance_frame after it does (or when the device is destroyed). The handle is
 *  invalid from this call on; the resource stays alive until then.
 *  @param timeline a CPU or GPU timeline, e.g. a queue's (reel_device_get_queue_timeline)
 *                  with the value reel_command_buffer_submit() returned. A timeline destroyed
 *                  before reaching value counts as reached.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE (allocation or timeline; the allocation
 *          then stays the caller's). */
REEL_API reel_result_t reel_gpu_allocation_free_after(reel_gpu_allocation_t allocation, reel_timeline_t timeline,
                                                      uint64_t value);

/*! reel_device_get_memory_stats() :
 *  Reads the device's GPU memory counters, fragmentation and per-heap bytes, with the heap
 *  budget and usage from VK_EXT_memory_budget where the device has it enabled. Cheap enough
 *  for every frame.
 *  @param out_stats caller-owned; set struct_size first (reel_gpu_memory_stats_init()).
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL out_stats or a bad struct_size. */
REEL_API reel_result_t reel_device_get_memory_stats(reel_device_t device, reel_gpu_memory_stats_t* out_stats);

/* --- 3. GPU buffer pools --------------------------------------------------------------- *
 * VkBuffers in power-of-two size classes, each with its own suballocated memory, handed out
 * oldest-released first (least likely to be still read by in-flight work) and bounded per
 * class. An acquired buffer is a reel_gpu_allocation_t: reel_gpu_allocation_free() (or
 * _free_after()) gives it back. Bitstream pools carry VIDEO_DECODE_SRC / VIDEO_ENCODE_DST
 * usage where the device has the matching video queue (profile-independent with
 * videoMaintenance1) and round sizes to the driver's bitstream alignments; on devices without
 * video (lavapipe) they are plain TRANSFER_SRC|TRANSFER_DST buffers.
 * --------------------------------------------------------------------------------------- */

/** What a GPU buffer pool's buffers are for. */
typedef enum reel_gpu_buffer_pool_kind_t {
    REEL_GPU_BUFFER_POOL_STAGING = 1,          /**< uploads: REEL_GPU_MEMORY_UPLOAD, TRANSFER_SRC */
    REEL_GPU_BUFFER_POOL_READBACK = 2,         /**< readback: REEL_GPU_MEMORY_READBACK,
                                                    TRANSFER_DST */
    REEL_GPU_BUFFER_POOL_DECODE_BITSTREAM = 3, /**< bitstreams to decode: UPLOAD memory */
    REEL_GPU_BUFFER_POOL_ENCODE_BITSTREAM = 4, /**< encoded bitstreams: READBACK memory */
    REEL_GPU_BUFFER_POOL_MAX_ENUM = 0x7FFFFFFF /**< not a kind: keeps the enum 32 bits wide */
} reel_gpu_buffer_pool_kind_t;

/** How to create a GPU buffer pool. Published in 0.1.0 at 56 bytes. */
typedef struct reel_gpu_buffer_pool_desc_t {
    uint32_t struct_size;             /**< sizeof(reel_gpu_buffer_pool_desc_t); required */
    reel_gpu_buffer_pool_kind_t kind; /**< required */
    uint64_t min_class_size;          /**< smallest class, a power of two from 4 KiB to 1 GiB;
                                           0 = 64 KiB */
    uint64_t max_class_size;          /**< largest class, a power of two from min_class_size to
                                           1 GiB; 0 = 16 MiB (at least min_class_size) */
    uint32_t max_per_class;           /**< buffers per class at most, 1..4096; 0 = 16 */
    uint32_t trim_idle_frames;        /**< idle buffers unused for this many frames of the
                                           context's frame clock are destroyed; 0 = never */
    reel_video_codec_op_t codec_operation; /**< bitstream kinds: the one operation the buffers
                                           serve (the device must support it), or 0 for any the
                                           device supports in that direction; must be 0 for
                                           STAGING and READBACK */
    uint32_t offset_alignment;        /**< data offsets in a buffer should be multiples of this;
                                           a power of two up to 4096, raised to the driver's
                                           minBitstreamBufferOffsetAlignment; 0 = 1 */
    uint32_t size_alignment;          /**< acquired sizes are rounded up to multiples of this;
                                           a power of two up to 4096, raised to the driver's
                                           minBitstreamBufferSizeAlignment; 0 = 1 */
    uint32_t reserved;                /**< must be 0 */
    const char* name;                 /**< label in logs, at most 63 bytes; copied. NULL =
                                           "gpu buffers" */
} reel_gpu_buffer_pool_desc_t;

/** A GPU buffer pool's counters (reel_gpu_buffer_pool_get_stats). Published in 0.1.0 at 80
 *  bytes. */
typedef struct reel_gpu_buffer_pool_stats_t {
    uint32_t struct_size;       /**< set by the caller to sizeof(reel_gpu_buffer_pool_stats_t) */
    uint32_t classes;           /**< size classes */
    uint32_t allocated;         /**< buffers that exist (idle or out) */
    uint32_t idle;              /**< buffers waiting in the pool */
    uint32_t in_use;            /**< buffers acquired and not given back */
    uint32_t has_video_usage;   /**< 1 when the buffers carry video usage */
    uint64_t acquires;          /**< buffers handed out */
    uint64_t created;           /**< buffers created (acquires no idle buffer served) */
    uint64_t trimmed;           /**< idle buffers destroyed by trim_idle_frames */
    uint64_t bytes_held;        /**< bytes of the buffers that exist (class sizes) */
    uint64_t offset_alignment;  /**< the effective offset alignment */
    uint64_t size_alignment;    /**< the effective size alignment */
    VkBufferUsageFlags vk_usage; /**< usage of the buffers */
    uint32_t reserved;          /**< 0 */
} reel_gpu_buffer_pool_stats_t;

/*! reel_gpu_buffer_pool_desc_default() :
 *  @return a reel_gpu_buffer_pool_desc_t with struct_size set and every field at its
 *          default; set kind. Defined here, not exported. */
static inline reel_gpu_buffer_pool_desc_t reel_gpu_buffer_pool_desc_default(void) {
    reel_gpu_buffer_pool_desc_t desc;
    memset(&desc, 0, sizeof(desc));
    desc.struct_size = (uint32_t)sizeof(desc);
    return desc;
}

/*! reel_gpu_buffer_pool_stats_init() :
 *  @return a zeroed reel_gpu_buffer_pool_stats_t with struct_size set. Defined here, not
 *          exported. */
static inline reel_gpu_buffer_pool_stats_t reel_gpu_buffer_pool_stats_init(void) {
    reel_gpu_buffer_pool_stats_t stats;
    memset(&stats, 0, sizeof(stats));
    stats.struct_size = (uint32_t)sizeof(stats);
    return stats;
}

/*! reel_gpu_buffer_pool_create() :
 *  Creates a GPU buffer pool; no buffer is created before the first acquire.
 *  @param device   the device.
 *  @param desc     read during the call only.
 *  @param out_pool receives the pool; unchanged on failure. Destroy it with
 *                  reel_gpu_buffer_pool_destroy() (or with the device).
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL desc/out_pool; bad struct_size; unknown kind or
 *                                       codec_operation; a size, count or alignment out of its
 *                                       range; codec_operation on a STAGING/READBACK pool or
 *                                       of the other direction; reserved not 0,
 *          REEL_ERROR_INCOMPATIBLE_VERSION  desc from a newer header with unknown fields set,
 *          REEL_ERROR_UNSUPPORTED       codec_operation names an operation the device cannot
 *                                       run (the message says why),
 *          REEL_ERROR_LIMIT_REACHED     16384 pools are alive. */
REEL_API reel_result_t reel_gpu_buffer_pool_create(reel_device_t device, const reel_gpu_buffer_pool_desc_t* desc,
                                                   reel_gpu_buffer_pool_t* out_pool);

/*! reel_gpu_buffer_pool_destroy() :
 *  Destroys a pool: idle buffers at once; buffers still out stay valid and are destroyed when
 *  freed.
 *  @param pool the pool; REEL_NULL_HANDLE does nothing.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE. */
REEL_API reel_result_t reel_gpu_buffer_pool_destroy(reel_gpu_buffer_pool_t pool);

/*! reel_gpu_buffer_pool_acquire() :
 *  Takes a buffer of the smallest class holding size (rounded up to size_alignment): the idle
 *  one released longest ago, or a new one below max_per_class.
 *  @param size           1..max_class_size bytes.
 *  @param out_allocation receives the buffer as an allocation; unchanged on failure. Give it
 *                        back with reel_gpu_allocation_free() or _free_after().
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL out_allocation; size 0 or above max_class_size,
 *          REEL_ERROR_LIMIT_REACHED     every buffer of the class is out,
 *          REEL_ERROR_OUT_OF_MEMORY. */
REEL_API reel_result_t reel_gpu_buffer_pool_acquire(reel_gpu_buffer_pool_t pool, uint64_t size,
                                                    reel_gpu_allocation_t* out_allocation);

/*! reel_gpu_buffer_pool_get_stats() :
 *  Reads a pool's counters.
 *  @param out_stats caller-owned; set struct_size first (reel_gpu_buffer_pool_stats_init()).
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL out_stats or a bad struct_size. */
REEL_API reel_result_t reel_gpu_buffer_pool_get_stats(reel_gpu_buffer_pool_t pool,
                                                      reel_gpu_buffer_pool_stats_t* out_stats);

/* --- 4. Decoded picture buffers -------------------------------------------------------- *
 * A DPB's slots are layers of one 2D array image (one 2D_ARRAY view over all of them), or,
 * with REEL_DPB_FLAG_SEPARATE_IMAGES, one image and view per slot. Video DPBs carry the
 * operation's profile (4:2:0; H.264 High, H.265 Main or Main 10, AV1 Main) and DPB usage;
 * plain DPBs (no codec_operation) are ordinary images, TRANSFER_SRC|TRANSFER_DST|SAMPLED by
 * default. Images start in VK_IMAGE_LAYOUT_UNDEFINED; the host records the transitions.
 * Memory is device-local and charged to REEL_MEMORY_DPB.
 *
 * The slot manager: reel_dpb_acquire_slot takes the free slot released longest ago; when none
 * is free it recycles the active picture with the lowest frame number that is not marked as
 * a reference (oldest non-reference first); when every slot holds a reference it fails.
 * --------------------------------------------------------------------------------------- */

/** Option bits of reel_dpb_desc_t.flags. */
typedef enum reel_dpb_flags_t {
    REEL_DPB_FLAG_NONE = 0,            /**< one image with a layer per slot */
    REEL_DPB_FLAG_SEPARATE_IMAGES = 1, /**< one image per slot (video: needs
                                            VK_VIDEO_CAPABILITY_SEPARATE_REFERENCE_IMAGES_BIT_KHR) */
    REEL_DPB_FLAG_MAX_ENUM = 0x7FFFFFFF /**< not a flag: keeps the enum 32 bits wide */
} reel_dpb_flags_t;

/** How to create a DPB. Published in 0.1.0 at 40 bytes. */
typedef struct reel_dpb_desc_t {
    uint32_t struct_size;                  /**< sizeof(reel_dpb_desc_t); required */
    reel_video_codec_op_t codec_operation; /**< the operation the DPB serves; 0 = plain images */
    VkFormat vk_format;                    /**< required for plain images; for video
                                                VK_FORMAT_UNDEFINED (0) = the first format the
                                                driver lists */
    uint32_t width;                        /**< pixels, 1..16384; required */
    uint32_t height;                       /**< pixels, 1..16384; required */
    uint32_t slot_count;                   /**< slots, 1..64 (video: up to maxDpbSlots); required */
    VkImageUsageFlags vk_usage;            /**< 0 = the default above */
    uint32_t bit_depth;                    /**< video: 8 or 10; 0 = 8. Must be 0 for plain images */
    uint32_t flags;                        /**< reel_dpb_flags_t bits. Default 0 */
    uint32_t reserved;                     /**< must be 0 */
} reel_dpb_desc_t;

/** One slot: its state and picture resource (the fields of VkVideoPictureResourceInfoKHR).
 *  Published in 0.1.0 at 72 bytes. */
typedef struct reel_dpb_slot_info_t {
    uint32_t struct_size;  /**< set by the caller to sizeof(reel_dpb_slot_info_t) */
    uint32_t slot;         /**< the slot index */
    uint32_t active;       /**< 1 while a picture occupies it */
    uint32_t reference;    /**< 1 when its picture is marked as a reference */
    uint64_t frame_number; /**< the picture's frame number (reel_dpb_acquire_slot) */
    int64_t timestamp;     /**< the picture's timestamp */
    VkImage vk_image;      /**< the image holding the slot */
    VkImageView vk_image_view; /**< the view for imageViewBinding (a 2D_ARRAY view);
                                VK_NULL_HANDLE when the usage allows no views */
    uint32_t view_layer;   /**< VkVideoPictureResourceInfoKHR.baseArrayLayer: the slot's layer
                                within vk_image_view */
    uint32_t image_layer;  /**< the slot's array layer within vk_image */
    uint32_t width;        /**< coded width */
    uint32_t height;       /**< coded height */
    VkFormat vk_format;    /**< the image format */
    uint32_t reserved;     /**< 0 */
} reel_dpb_slot_info_t;

/** A DPB as a whole (reel_dpb_get_info). Published in 0.1.0 at 56 bytes. */
typedef struct reel_dpb_info_t {
    uint32_t struct_size;  /**< set by the caller to sizeof(reel_dpb_info_t) */
    uint32_t slot_count;   /**< slots */
    uint32_t active;       /**< slots holding a picture */
    uint32_t references;   /**< active slots marked as references */
    uint64_t recycled;     /**< acquires that recycled an active non-reference picture */
    uint64_t memory_bytes; /**< bytes of device memory of its images */
    uint32_t layered;      /**< 1: one image with a layer per slot; 0: one image per slot */
    VkFormat vk_format;    /**< the image format */
    uint32_t width;        /**< picture width */
    uint32_t height;       /**< picture height */
    VkImageUsageFlags vk_usage; /**< usage of the images */
    uint32_t reserved;     /**< 0 */
} reel_dpb_info_t;

/*! reel_dpb_desc_default() :
 *  @return a reel_dpb_desc_t with struct_size set and every field at its default; set
 *          width, height, slot_count and vk_format (or codec_operation). Defined here, not
 *          exported. */
static inline reel_dpb_desc_t reel_dpb_desc_default(void) {
    reel_dpb_desc_t desc;
    memset(&desc, 0, sizeof(desc));
    desc.struct_size = (uint32_t)sizeof(desc);
    return desc;
}

/*! reel_dpb_slot_info_init() :
 *  @return a zeroed reel_dpb_slot_info_t with struct_size set. Defined here, not exported. */
static inline reel_dpb_slot_info_t reel_dpb_slot_info_init(void) {
    reel_dpb_slot_info_t info;
    memset(&info, 0, sizeof(info));
    info.struct_size = (uint32_t)sizeof(info);
    return info;
}

/*! reel_dpb_info_init() :
 *  @return a zeroed reel_dpb_info_t with struct_size set. Defined here, not exported. */
static inline reel_dpb_info_t reel_dpb_info_init(void) {
    reel_dpb_info_t info;
    memset(&info, 0, sizeof(info));
    info.struct_size = (uint32_t)sizeof(info);
    return info;
}

/*! reel_dpb_create() :
 *  Creates a DPB's images and views, after checking the format, usage, extent and layers
 *  with the driver (and, for video, the operation's capabilities); every slot is free.
 *  @param device  the device.
 *  @param desc    read during the call only.
 *  @param out_dpb receives the DPB; unchanged on failure. Destroy it with reel_dpb_destroy().
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL desc/out_dpb; bad struct_size; a size or count out
 *                                       of range; no vk_format for plain images; unknown
 *                                       codec_operation or flags; bit_depth not 0, 8 or 10,
 *          REEL_ERROR_INCOMPATIBLE_VERSION  desc from a newer header with unknown fields set,
 *          REEL_ERROR_UNSUPPORTED       the device does not support the format with that usage,
 *                                       extent or layer count; the device cannot run
 *                                       codec_operation (e.g. "lavapipe exposes no
 *                                       VK_KHR_video_queue"); SEPARATE_IMAGES not allowed,
 *          REEL_ERROR_OUT_OF_MEMORY, REEL_ERROR_LIMIT_REACHED (16384 DPBs alive). */
REEL_API reel_result_t reel_dpb_create(reel_device_t device, const reel_dpb_desc_t* desc, reel_dpb_t* out_dpb);

/*! reel_dpb_destroy() :
 *  Destroys a DPB's views and images. The GPU must be done with them.
 *  @param dpb the DPB; REEL_NULL_HANDLE does nothing.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE. */
REEL_API reel_result_t reel_dpb_destroy(reel_dpb_t dpb);

/*! reel_dpb_acquire_slot() :
 *  Takes a slot for a new picture (see the slot manager above); the slot is active and not a
 *  reference.
 *  @param frame_number the picture's frame number (decode order); recycling picks the lowest.
 *  @param timestamp    the picture's timestamp, any unit; reported back only.
 *  @param out_slot     receives the slot index.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL out_slot,
 *          REEL_ERROR_LIMIT_REACHED     every slot holds a reference picture. */
REEL_API reel_result_t reel_dpb_acquire_slot(reel_dpb_t dpb, uint64_t frame_number, int64_t timestamp, uint32_t* out_slot);

/*! reel_dpb_release_slot() :
 *  Frees an active slot (its picture is no longer needed).
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  slot out of range,
 *          REEL_ERROR_BAD_STATE         the slot is free (released twice). */
REEL_API reel_result_t reel_dpb_release_slot(reel_dpb_t dpb, uint32_t slot);

/*! reel_dpb_mark_reference() :
 *  Marks (is_reference non-zero) or unmarks an active slot's picture as a reference: a
 *  reference is never recycled by reel_dpb_acquire_slot.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  slot out of range,
 *          REEL_ERROR_BAD_STATE         the slot is free. */
REEL_API reel_result_t reel_dpb_mark_reference(reel_dpb_t dpb, uint32_t slot, uint32_t is_reference);

/*! reel_dpb_get_slot() :
 *  Describes a slot (free or active) and its picture resource.
 *  @param out_info caller-owned; set struct_size first (reel_dpb_slot_info_init()).
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  slot out of range; NULL out_info or a bad struct_size. */
REEL_API reel_result_t reel_dpb_get_slot(reel_dpb_t dpb, uint32_t slot, reel_dpb_slot_info_t* out_info);

/*! reel_dpb_get_info() :
 *  Describes the DPB as a whole.
 *  @param out_info caller-owned; set struct_size first (reel_dpb_info_init()).
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL out_info or a bad struct_size. */
REEL_API reel_result_t reel_dpb_get_info(reel_dpb_t dpb, reel_dpb_info_t* out_info);

/* --- 5. Command buffers, frames and queue timelines ------------------------------------ *
 * Each queue Reel uses has a timeline semaphore and up to command_buffers_per_queue command
 * buffers (each with its own command pool, so several threads may record at once). Every
 * reel_command_buffer_submit signals the queue timeline's next value and returns it; a
 * command buffer is recycled only once its value is reached. The frame synchronizer bounds
 * the CPU's lead: reel_device_begin_frame waits until the frame max_frames_in_flight before
 * it has completed on every queue.
 *
 * Timelines (reel.h section 13) of a device are Vulkan timeline semaphores the host may also
 * signal and wait on in its own submissions (reel_timeline_get_semaphore). Queue timelines
 * are GPU timelines only Reel's submissions signal. Any timeline keys deferred releases.
 *
 * @code{.c}
 *   uint64_t frame, done;
 *   reel_timeline_t gpu;
 *   reel_device_get_queue_timeline(dev, REEL_GPU_QUEUE_TRANSFER, &gpu);
 *   for (;;) {
 *       reel_device_begin_frame(dev, UINT64_MAX, &frame);  // waits for frame - max in flight
 *       VkCommandBuffer cmd;
 *       reel_command_buffer_begin(dev, REEL_GPU_QUEUE_TRANSFER, &cmd);
 *       reel_gpu_allocation_t staging;
 *       reel_gpu_buffer_pool_acquire(uploads, bytes, &staging);
 *       // ... write through reel_gpu_allocation_map(), record vkCmdCopyBuffer into cmd ...
 *       reel_command_buffer_submit(dev, cmd, NULL, &done);
 *       reel_gpu_allocation_free_after(staging, gpu, done);  // back to the pool when done
 *       reel_device_end_frame(dev);
 *       reel_context_advance_frame(ctx, NULL);
 *   }
 * @endcode
 * --------------------------------------------------------------------------------------- */

/** A timeline value a submission waits for before the given stages run. */
typedef struct reel_gpu_wait_t {
    reel_timeline_t timeline; /**< a GPU timeline of the same device */
    uint64_t value;           /**< the value to wait for */
    VkPipelineStageFlags2 vk_stage_mask; /**< the stages that wait; 0 = ALL_COMMANDS */
} reel_gpu_wait_t;

/** A timeline value a submission signals when its commands complete. */
typedef struct reel_gpu_signal_t {
    reel_timeline_t timeline; /**< a GPU timeline of the same device, not a queue timeline */
    uint64_t value;           /**< above its current value and every pending signal */
} reel_gpu_signal_t;

/** What a submission waits for and signals besides the queue's timeline. Published in 0.1.0
 *  at 32 bytes. */
typedef struct reel_gpu_submit_t {
    uint32_t struct_size;           /**< sizeof(reel_gpu_submit_t); required */
    uint32_t wait_count;            /**< entries of waits, 0..32 */
    const reel_gpu_wait_t* waits;   /**< read during the call only */
    uint32_t signal_count;          /**< entries of signals, 0..32 */
    uint32_t reserved;              /**< must be 0 */
    const reel_gpu_signal_t* signals; /**< read during the call only */
} reel_gpu_submit_t;

/*! reel_gpu_submit_default() :
 *  @return a reel_gpu_submit_t with struct_size set and no waits or signals. Defined here,
 *          not exported. */
static inline reel_gpu_submit_t reel_gpu_submit_default(void) {
    reel_gpu_submit_t submit;
    memset(&submit, 0, sizeof(submit));
    submit.struct_size = (uint32_t)sizeof(submit);
    return submit;
}

/*! reel_command_buffer_begin() :
 *  A primary command buffer of a queue, begun with ONE_TIME_SUBMIT: one whose last
 *  submission completed (the oldest first), or a new one.
 *  @param queue              the queue it will be submitted to.
 *  @param out_vk_command_buffer receives the command buffer. It is Reel's: record into it from
 *                            one thread, then pass it to reel_command_buffer_submit(); never
 *                            free or reset it.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL out_vk_command_buffer; unknown queue,
 *          REEL_ERROR_UNSUPPORTED       the device has no such queue (video queues need the
 *                                       video extensions),
 *          REEL_ERROR_LIMIT_REACHED     all command_buffers_per_queue buffers are recording or
 *                                       in flight,
 *          REEL_ERROR_OUT_OF_MEMORY, REEL_ERROR_DEVICE_LOST. */
REEL_API reel_result_t reel_command_buffer_begin(reel_device_t device, reel_gpu_queue_t queue,
                                                 VkCommandBuffer* out_vk_command_buffer);

/*! reel_command_buffer_submit() :
 *  Ends a command buffer from reel_command_buffer_begin() and submits it (vkQueueSubmit2) to
 *  its queue, waiting for and signalling the timelines in submit and signalling the queue
 *  timeline's next value.
 *  @param vk_command_buffer the command buffer; it must not be used afterwards.
 *  @param submit         read during the call only; NULL = no extra waits or signals.
 *  @param out_value      receives the queue timeline value that is reached when the commands
 *                        completed; may be NULL.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE (device or a timeline),
 *          REEL_ERROR_INVALID_ARGUMENT  vk_command_buffer was not begun on this device or was
 *                                       submitted already; bad struct_size; counts out of
 *                                       range or with NULL arrays; a CPU timeline, a timeline of
 *                                       another device, or a queue timeline to signal,
 *          REEL_ERROR_INCOMPATIBLE_VERSION  submit from a newer header with unknown fields set,
 *          REEL_ERROR_OUT_OF_MEMORY, REEL_ERROR_DEVICE_LOST (the buffer is then free again).
 *  @note   On an invalid argument other than vk_command_buffer, the buffer stays recording and
 *          may be submitted again with corrected arguments. */
REEL_API reel_result_t reel_command_buffer_submit(reel_device_t device, VkCommandBuffer vk_command_buffer,
                                                  const reel_gpu_submit_t* submit, uint64_t* out_value);

/*! reel_device_begin_frame() :
 *  Begins the next frame once the frame max_frames_in_flight before it completed on every
 *  queue, then runs the deferred releases that are due (the device's and its context's).
 *  @param timeout_ns how long to wait; UINT64_MAX = no limit.
 *  @param out_frame  receives the frame number (1 for the first); may be NULL.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_TIMEOUT                 the old frame is still running (no frame begun),
 *          REEL_ERROR_BAD_STATE         a frame is begun and not ended,
 *          REEL_ERROR_DEVICE_LOST. */
REEL_API reel_result_t reel_device_begin_frame(reel_device_t device, uint64_t timeout_ns, uint64_t* out_frame);

/*! reel_device_end_frame() :
 *  Ends the begun frame: the values each queue's timeline reaches after the frame's last
 *  submission are what reel_device_begin_frame waits for max_frames_in_flight frames later.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_BAD_STATE         no frame is begun. */
REEL_API reel_result_t reel_device_end_frame(reel_device_t device);

/*! reel_device_get_queue_timeline() :
 *  The timeline of a queue, signalled by every reel_command_buffer_submit on it: wait on it,
 *  key deferred releases on it, or wait for it in the host's own submissions
 *  (reel_timeline_get_semaphore). The same handle every time (roles sharing a queue share
 *  it); it belongs to the device: reel_timeline_destroy and reel_timeline_signal refuse it.
 *  @param out_timeline receives the timeline.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL out_timeline; unknown queue,
 *          REEL_ERROR_UNSUPPORTED       the device has no such queue. */
REEL_API reel_result_t reel_device_get_queue_timeline(reel_device_t device, reel_gpu_queue_t queue,
                                                      reel_timeline_t* out_timeline);

/*! reel_timeline_get_semaphore() :
 *  The VkSemaphore (VK_SEMAPHORE_TYPE_TIMELINE) of a GPU timeline, for the host's own
 *  vkQueueSubmit2 waits and signals. Reel owns it: never destroy it.
 *  @param out_vk_semaphore receives the VkSemaphore.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL out_vk_semaphore; a CPU timeline. */
REEL_API reel_result_t reel_timeline_get_semaphore(reel_timeline_t timeline, VkSemaphore* out_vk_semaphore);

/* --- 6. Video sessions ---------------------------------------------------------------- */

/** How to create a video session. Published in 0.1.0 at 40 bytes. */
typedef struct reel_video_session_desc_t {
    uint32_t struct_size;                  /**< sizeof(reel_video_session_desc_t); required */
    reel_video_codec_op_t codec_operation; /**< required */
    uint32_t max_width;                    /**< largest coded width, within the operation's
                                                limits; required */
    uint32_t max_height;                   /**< largest coded height; required */
    uint32_t max_dpb_slots;                /**< 0 = the driver's maximum */
    uint32_t max_active_references;        /**< 0 = the driver's maximum (at most the slots) */
    uint32_t bit_depth;                    /**< 8 or 10 (not for H.264); 0 = 8 */
    VkFormat vk_picture_format;            /**< format of decode output / encode input;
                                                VK_FORMAT_UNDEFINED (0) = the first the driver
                                                lists */
    VkFormat vk_reference_format;          /**< format of DPB pictures; VK_FORMAT_UNDEFINED
                                                (0) = the first the driver lists */
    uint32_t reserved;                     /**< must be 0 */
} reel_video_session_desc_t;

/** A video session's Vulkan objects (reel_video_session_get_info). Published in 0.1.0 at 64
 *  bytes. */
typedef struct reel_video_session_info_t {
    uint32_t struct_size;              /**< set by the caller to sizeof(reel_video_session_info_t) */
    reel_video_codec_op_t codec_operation; /**< its operation */
    VkVideoSessionKHR vk_video_session; /**< the session */
    VkVideoSessionParametersKHR vk_session_parameters; /**< an empty parameters object for H.264/H.265
                                            (room for 16 VPS, 32 SPS, 256 PPS; add them with
                                            vkUpdateVideoSessionParametersKHR); VK_NULL_HANDLE
                                            for AV1, whose
                                            parameters need the sequence header */
    uint32_t queue_family_index;       /**< the family its commands go to */
    VkFormat vk_picture_format;        /**< its picture format */
    VkFormat vk_reference_format;      /**< its reference format */
    uint32_t max_dpb_slots;            /**< its maxDpbSlots */
    uint32_t max_active_references;    /**< its maxActiveReferencePictures */
    uint32_t memory_bindings;          /**< memory bind indices the driver asked for */
    uint64_t memory_bytes;             /**< device memory bound to it */
    uint32_t max_width;                /**< its maxCodedExtent width */
    uint32_t max_height;               /**< its maxCodedExtent height */
} reel_video_session_info_t;

/*! reel_video_session_desc_default() :
 *  @return a reel_video_session_desc_t with struct_size set and every field at its default;
 *          set codec_operation, max_width and max_height. Defined here, not exported. */
static inline reel_video_session_desc_t reel_video_session_desc_default(void) {
    reel_video_session_desc_t desc;
    memset(&desc, 0, sizeof(desc));
    desc.struct_size = (uint32_t)sizeof(desc);
    return desc;
}

/*! reel_video_session_info_init() :
 *  @return a zeroed reel_video_session_info_t with struct_size set. Defined here, not
 *          exported. */
static inline reel_video_session_info_t reel_video_session_info_init(void) {
    reel_video_session_info_t info;
    memset(&info, 0, sizeof(info));
    info.struct_size = (uint32_t)sizeof(info);
    return info;
}

/*! reel_video_session_create() :
 *  Creates a VkVideoSessionKHR for a codec operation on the device's video queue, binds its
 *  memory (one allocation per memory bind index, REEL_MEMORY_DEVICE), and for H.264/H.265 an
 *  empty session parameters object. The picture and reference formats are the driver's.
 *  @param device      the device.
 *  @param desc        read during the call only.
 *  @param out_session receives the session; unchanged on failure. Destroy it with
 *                     reel_video_session_destroy().
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL desc/out_session; bad struct_size; unknown
 *                                       codec_operation; extent, slots or references beyond
 *                                       the operation's capabilities; reserved not 0,
 *          REEL_ERROR_INCOMPATIBLE_VERSION  desc from a newer header with unknown fields set,
 *          REEL_ERROR_UNSUPPORTED       the device has no video queue for the operation (e.g.
 *                                       "lavapipe exposes no VK_KHR_video_queue"), the driver
 *                                       refuses the profile or bit depth, a format is not
 *                                       listed, or AV1 encode (Reel does not enable
 *                                       videoEncodeAV1 yet),
 *          REEL_ERROR_OUT_OF_MEMORY, REEL_ERROR_LIMIT_REACHED (4096 sessions alive). */
REEL_API reel_result_t reel_video_session_create(reel_device_t device, const reel_video_session_desc_t* desc,
                                                 reel_video_session_t* out_session);

/*! reel_video_session_destroy() :
 *  Destroys the session, its parameters and its memory. Work using them must have completed.
 *  @param session the session; REEL_NULL_HANDLE does nothing.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE. */
REEL_API reel_result_t reel_video_session_destroy(reel_video_session_t session);

/*! reel_video_session_get_info() :
 *  Describes the session's Vulkan objects and limits.
 *  @param out_info caller-owned; set struct_size first (reel_video_session_info_init()).
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL out_info or a bad struct_size. */
REEL_API reel_result_t reel_video_session_get_info(reel_video_session_t session, reel_video_session_info_t* out_info);

/* --- 7. Recording what the GPU rendered (movie writer) --------------------------------- *
 * A game engine renders into a VkImage and hands it to its movie writer (reel.h section 12) without
 * reading it back: reel_movie_writer_attach_vk_device() once, then one
 * reel_movie_writer_write_vk_image() per frame instead of reel_movie_writer_write_image().
 * Per image, on the calling thread, Reel records on its device (created or adopted) a compute
 * pass converting the image to I420 (BT.709, limited range; each chroma sample the mean of its
 * 2x2 block, as the CPU conversion does; an _SRGB image is read through its sRGB decode and
 * re-encoded to the code values it stores, which is what BT.709 coding takes), a copy into a
 * buffer of Reel's readback pool, and submits it to its compute queue waiting for the host's
 * timeline point and signalling the host's reuse point. A Reel thread picks each frame up when
 * the queue's timeline reaches it and feeds the encoder, in order. Frames in flight are bounded
 * (reel_movie_writer_attach_vk_device); a write waits only for a free slot, never for the
 * queue or device to go idle. Memory: the conversion buffers and the readback buffers are
 * REEL_MEMORY_DEVICE; the frame a conversion will fill is reserved when the image is
 * submitted, in a pool named "<encoder name> gpu frames" (frames converting or waiting for
 * the encoder), with tag 0x004547414D494B56 ("VKIMAGE" as little-endian bytes) and pts =
 * the frame's number, so reel_report_outstanding names every frame still in flight.
 * reel_movie_writer_end() (and destroying the device or the context) waits for the frames in
 * flight and commits them before anything is destroyed.
 * The image must have been created with VK_IMAGE_USAGE_SAMPLED_BIT on the device the writer
 * records from, and be owned by the family of Reel's compute queue (or shared concurrently).
 * Vulkan Video: this path always converts and reads back; encoding the converted image with a
 * Vulkan Video encoder without a readback is not implemented (reel_backend_caps reports which
 * video encode operations a device has; lavapipe has none).
 * Threads: one thread at a time per writer; the queue rules above apply (Reel submits inside
 * reel_movie_writer_write_vk_image only).
 * -------------------------------------------------------------------------------------- */

/** A host's image to record (reel_movie_writer_write_vk_image). Zero it and set struct_size
 *  (reel_vk_image_default()), then describe the image. Published in 0.1.0 at 80 bytes. */
typedef struct reel_vk_image_t {
    uint32_t struct_size;      /**< sizeof(reel_vk_image_t); required */
    uint32_t width;            /**< pixels; must equal the movie's width */
    uint32_t height;           /**< rows; must equal the movie's height */
    VkFormat vk_format;        /**< VK_FORMAT_R8G8B8A8_UNORM (37), _R8G8B8A8_SRGB (43),
                                    _B8G8R8A8_UNORM (44), _B8G8R8A8_SRGB (50) or
                                    _A2B10G10R10_UNORM_PACK32 (64, converted to 8 bits) */
    VkImage vk_image;          /**< 2D, one mip level and layer read, created with
                                    VK_IMAGE_USAGE_SAMPLED_BIT; the host's, never destroyed by Reel */
    VkDevice vk_device;        /**< the device the image was created on: must be the device the
                                    writer records from (a check that the image belongs there) */
    VkImageLayout vk_layout;   /**< the layout the image is in when wait_value is reached:
                                    GENERAL, COLOR_ATTACHMENT_OPTIMAL, SHADER_READ_ONLY_OPTIMAL,
                                    TRANSFER_SRC_OPTIMAL, TRANSFER_DST_OPTIMAL, READ_ONLY_OPTIMAL,
                                    ATTACHMENT_OPTIMAL or PRESENT_SRC_KHR. Reel leaves it in this
                                    layout when it signals signal_value */
    uint32_t queue_family;     /**< the queue family that owns the image then: the family of Reel's
                                    compute queue, or VK_QUEUE_FAMILY_IGNORED (~0u) for an image
                                    created with VK_SHARING_MODE_CONCURRENT */
    VkSemaphore wait_semaphore; /**< a timeline semaphore of the same device whose
                                    wait_value makes the image readable (the host's render signals
                                    it); VK_NULL_HANDLE when the image is ready now (the host
                                    waited for its render itself) */
    uint64_t wait_value;       /**< the value to wait for; its signal must be submitted (or made
                                    on the CPU) eventually, or the frame never completes */
    VkSemaphore signal_semaphore; /**< a timeline semaphore Reel signals once it no longer
                                    reads the image (the host may then render into it again);
                                    VK_NULL_HANDLE when the host does not ask */
    uint64_t signal_value;     /**< the value to signal, at least 1 and above every value the
                                    semaphore has or will have been signalled to before */
    uint64_t timeout_ns;       /**< how long this call may wait for a free frame slot when every
                                    slot is in flight: 0 = do not wait, UINT64_MAX = forever */
} reel_vk_image_t;

/*! reel_vk_image_default() :
 *  @return a reel_vk_image_t with struct_size set, every other field zero (timeout_ns 0:
 *          a write never waits unless you set it). */
static inline reel_vk_image_t reel_vk_image_default(void) {
    reel_vk_image_t image;
    memset(&image, 0, sizeof(image));
    image.struct_size = (uint32_t)sizeof(image);
    return image;
}

/*! reel_movie_writer_attach_vk_device() :
 *  Lets writer record VkImages of device: builds the converter (compute pipeline from SPIR-V
 *  compiled into libreel, one device-local conversion buffer per frame slot, a readback pool)
 *  and its collecting thread. Once per writer; the writer must not have ended.
 *  @param writer the movie writer (section 12).
 *  @param device a device of the writer's context, created or adopted, with a compute queue.
 *  @param frames_in_flight images converting at once, 1..8; 0 = 3. More overlaps the GPU's
 *         work with the host's next frames; each slot holds about 1.5 bytes per pixel twice.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE (writer or device),
 *          REEL_ERROR_INVALID_ARGUMENT  frames_in_flight above 8; a device of another context,
 *          REEL_ERROR_BAD_STATE         the writer already records from a device, or ended;
 *                                       the device is being destroyed,
 *          REEL_ERROR_UNSUPPORTED       the device has no compute queue,
 *          REEL_ERROR_OUT_OF_MEMORY, REEL_ERROR_DEVICE_LOST. */
REEL_API reel_result_t reel_movie_writer_attach_vk_device(reel_movie_writer_t writer, reel_device_t device, uint32_t frames_in_flight);

/*! reel_movie_writer_write_vk_image() :
 *  Records image as the next frame: waits (up to image->timeout_ns) for a free frame slot,
 *  records the conversion and submits it; returns without waiting for the GPU. The frame is
 *  encoded once the GPU finished it, in the order of the calls. Reel reads the image only after
 *  image->wait_value and signals image->signal_value when the host may write the image again.
 *  A failure of an earlier frame after its call returned (device loss while it converted, an
 *  encoder error) is returned once by the next call, which then records nothing.
 *  On any error this image is not recorded and signal_value is not signalled.
 *  @param writer a writer with a device attached (reel_movie_writer_attach_vk_device).
 *  @param image the image; read during the call only.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_TIMEOUT                 every slot still in flight after image->timeout_ns (the
 *                                       message names the oldest frame and, when it waits for the
 *                                       host, image->wait_value and the semaphore's value now);
 *                                       the writer stays usable,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL image or a bad struct_size; image->vk_device not the
 *                                       writer's device; image->vk_image VK_NULL_HANDLE; a size
 *                                       other than the movie's; image->vk_format not one listed;
 *                                       image->vk_layout UNDEFINED, PREINITIALIZED or another
 *                                       layout not listed; image->queue_family not the compute
 *                                       queue's family; image->signal_value 0, or not above
 *                                       wait_value on the same semaphore,
 *          REEL_ERROR_UNSUPPORTED       the device cannot sample image->vk_format,
 *          REEL_ERROR_BAD_STATE         no device attached; the writer ended, or its device was
 *                                       destroyed,
 *          REEL_ERROR_INCOMPATIBLE_VERSION  image from a newer header with unknown fields set,
 *          REEL_ERROR_OUT_OF_MEMORY, REEL_ERROR_LIMIT_REACHED (command buffers of the queue),
 *          REEL_ERROR_DEVICE_LOST. */
REEL_API reel_result_t reel_movie_writer_write_vk_image(reel_movie_writer_t writer, const reel_vk_image_t* image);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* REEL_VULKAN_H */
