// What a game engine has before it hands Vulkan to Reel: its own instance (validation layer,
// debug utils, synchronization validation, a messenger counting errors), physical device,
// device with timeline semaphores and synchronization2, and one graphics queue. Made with
// libvulkan's own entry points, not Reel's.
#pragma once

#include <dlfcn.h>
#include <vulkan/vulkan.h>

#include "reel_vulkan.h"

#include <atomic>
#include <cstring>
#include <string>
#include <vector>

namespace reel_gpu_test {

/// The host's own Vulkan loader, as an engine that loads Vulkan its own way hands it to Reel:
/// libvulkan.so.1 dlopen'ed separately from the copy this program links, its
/// vkGetInstanceProcAddr and vkGetDeviceProcAddr behind shims that count every lookup. An
/// adopted device given GetInstanceProcAddr() must resolve what it calls through them.
class HostProcAddr {
public:
    /// The host's PFN_vkGetInstanceProcAddr (the counting shim) as the adoption struct takes it.
    static PFN_vkGetInstanceProcAddr GetInstanceProcAddr() { return &InstanceProcAddr; }

    static long InstanceLookups() { return instance_lookups_.load(); }
    static long DeviceLookups() { return device_lookups_.load(); }

private:
    struct Library {
        Library() {
            handle = dlopen("libvulkan.so.1", RTLD_NOW | RTLD_LOCAL);
            if (handle != nullptr) {
                instance = reinterpret_cast<PFN_vkGetInstanceProcAddr>(dlsym(handle, "vkGetInstanceProcAddr"));
                device = reinterpret_cast<PFN_vkGetDeviceProcAddr>(dlsym(handle, "vkGetDeviceProcAddr"));
            }
        }
        void* handle = nullptr;
        PFN_vkGetInstanceProcAddr instance = nullptr;
        PFN_vkGetDeviceProcAddr device = nullptr;
    };

    static const Library& Loaded() {
        static const Library library;
        return library;
    }

    static VKAPI_ATTR PFN_vkVoidFunction VKAPI_CALL InstanceProcAddr(VkInstance instance, const char* name) {
        instance_lookups_++;
        if (std::strcmp(name, "vkGetDeviceProcAddr") == 0)
            return reinterpret_cast<PFN_vkVoidFunction>(&DeviceProcAddr);
        return Loaded().instance != nullptr ? Loaded().instance(instance, name) : nullptr;
    }

    static VKAPI_ATTR PFN_vkVoidFunction VKAPI_CALL DeviceProcAddr(VkDevice device, const char* name) {
        device_lookups_++;
        if (std::strcmp(name, "vkGetDeviceProcAddr") == 0)
            return reinterpret_cast<PFN_vkVoidFunction>(&DeviceProcAddr);
        return Loaded().device != nullptr ? Loaded().device(device, name) : nullptr;
    }

    static inline std::atomic<long> instance_lookups_{0};
    static inline std::atomic<long> device_lookups_{0};
};

/// A zeroed Vulkan struct with its sType set.
template <typename T>
T Make(VkStructureType type) {
    T value{};
    value.sType = type;
    return value;
}

class HostVulkan {
public:
    /// Creates everything; false (with why) when the machine cannot (no loader, layer or device).
    bool Create(std::string* why) {
        const char* layers[] = {"VK_LAYER_KHRONOS_validation"};
        extensions_ = {VK_EXT_DEBUG_UTILS_EXTENSION_NAME, VK_EXT_VALIDATION_FEATURES_EXTENSION_NAME};
        VkValidationFeatureEnableEXT sync = VK_VALIDATION_FEATURE_ENABLE_SYNCHRONIZATION_VALIDATION_EXT;
        VkValidationFeaturesEXT features = reel_gpu_test::Make<VkValidationFeaturesEXT>(VK_STRUCTURE_TYPE_VALIDATION_FEATURES_EXT);
        features.enabledValidationFeatureCount = 1;
        features.pEnabledValidationFeatures = &sync;
        VkDebugUtilsMessengerCreateInfoEXT messenger = MessengerInfo();
        messenger.pNext = &features;
        VkApplicationInfo application = reel_gpu_test::Make<VkApplicationInfo>(VK_STRUCTURE_TYPE_APPLICATION_INFO);
        application.apiVersion = api_version;
        VkInstanceCreateInfo info = reel_gpu_test::Make<VkInstanceCreateInfo>(VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO);
        info.pNext = &messenger;
        info.pApplicationInfo = &application;
        info.enabledLayerCount = 1;
        info.ppEnabledLayerNames = layers;
        info.enabledExtensionCount = static_cast<uint32_t>(extensions_.size());
        info.ppEnabledExtensionNames = extensions_.data();
        if (vkCreateInstance(&info, nullptr, &instance) != VK_SUCCESS)
            return Fail(why, "vkCreateInstance with VK_LAYER_KHRONOS_validation failed");
        auto create = reinterpret_cast<PFN_vkCreateDebugUtilsMessengerEXT>(vkGetInstanceProcAddr(instance, "vkCreateDebugUtilsMessengerEXT"));
        VkDebugUtilsMessengerCreateInfoEXT persistent = MessengerInfo();
        if (create == nullptr || create(instance, &persistent, nullptr, &messenger_) != VK_SUCCESS)
            return Fail(why, "vkCreateDebugUtilsMessengerEXT failed");
        uint32_t count = 1;
        VkResult enumerated = vkEnumeratePhysicalDevices(instance, &count, &physical_device);
        if ((enumerated != VK_SUCCESS && enumerated != VK_INCOMPLETE) || count == 0)
            return Fail(why, "no physical device");
        uint32_t families = 0;
        vkGetPhysicalDeviceQueueFamilyProperties(physical_device, &families, nullptr);
        std::vector<VkQueueFamilyProperties> properties(families);
        vkGetPhysicalDeviceQueueFamilyProperties(physical_device, &families, properties.data());
        for (family = 0; family < families && (properties[family].queueFlags & VK_QUEUE_GRAPHICS_BIT) == 0; family++) {
        }
        if (family == families)
            return Fail(why, "no graphics queue family");
        float priority = 1;
        VkDeviceQueueCreateInfo queue_info = reel_gpu_test::Make<VkDeviceQueueCreateInfo>(VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO);
        queue_info.queueFamilyIndex = family;
        queue_info.queueCount = 1;
        queue_info.pQueuePriorities = &priority;
        VkPhysicalDeviceSynchronization2Features sync2 = reel_gpu_test::Make<VkPhysicalDeviceSynchronization2Features>(VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SYNCHRONIZATION_2_FEATURES);
        sync2.synchronization2 = VK_TRUE;
        VkPhysicalDeviceTimelineSemaphoreFeatures timeline = reel_gpu_test::Make<VkPhysicalDeviceTimelineSemaphoreFeatures>(VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_TIMELINE_SEMAPHORE_FEATURES);
        timeline.pNext = &sync2;
        timeline.timelineSemaphore = VK_TRUE;
        VkPhysicalDeviceFeatures2 features2 = reel_gpu_test::Make<VkPhysicalDeviceFeatures2>(VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2);
        features2.pNext = &timeline;
        VkDeviceCreateInfo device_info = reel_gpu_test::Make<VkDeviceCreateInfo>(VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO);
        device_info.pNext = &features2;
        device_info.queueCreateInfoCount = 1;
        device_info.pQueueCreateInfos = &queue_info;
        if (vkCreateDevice(physical_device, &device_info, nullptr, &device) != VK_SUCCESS)
            return Fail(why, "vkCreateDevice with timeline semaphores and synchronization2 failed");
        vkGetDeviceQueue(device, family, 0, &queue);
        return true;
    }

    /// The host shutting down: device, messenger, instance.
    void Destroy() {
        if (device != VK_NULL_HANDLE)
            vkDestroyDevice(device, nullptr);
        device = VK_NULL_HANDLE;
        if (messenger_ != VK_NULL_HANDLE) {
            auto destroy = reinterpret_cast<PFN_vkDestroyDebugUtilsMessengerEXT>(vkGetInstanceProcAddr(instance, "vkDestroyDebugUtilsMessengerEXT"));
            destroy(instance, messenger_, nullptr);
            messenger_ = VK_NULL_HANDLE;
        }
        if (instance != VK_NULL_HANDLE)
            vkDestroyInstance(instance, nullptr);
        instance = VK_NULL_HANDLE;
    }

    /// The instance extensions the host enabled, as the adoption struct lists them.
    const char* const* Extensions() const { return extensions_.data(); }
    uint32_t ExtensionCount() const { return static_cast<uint32_t>(extensions_.size()); }

    uint32_t api_version = VK_API_VERSION_1_3;
    VkInstance instance = VK_NULL_HANDLE;
    VkPhysicalDevice physical_device = VK_NULL_HANDLE;
    VkDevice device = VK_NULL_HANDLE;
    VkQueue queue = VK_NULL_HANDLE;
    uint32_t family = 0;
    std::vector<std::string> errors;

private:
    static VKAPI_ATTR VkBool32 VKAPI_CALL OnMessage(VkDebugUtilsMessageSeverityFlagBitsEXT severity, VkDebugUtilsMessageTypeFlagsEXT,
                                                    const VkDebugUtilsMessengerCallbackDataEXT* data, void* user_data) {
        if ((severity & VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT) != 0)
            static_cast<HostVulkan*>(user_data)->errors.emplace_back(data->pMessage != nullptr ? data->pMessage : "");
        return VK_FALSE;
    }

    VkDebugUtilsMessengerCreateInfoEXT MessengerInfo() {
        VkDebugUtilsMessengerCreateInfoEXT info = reel_gpu_test::Make<VkDebugUtilsMessengerCreateInfoEXT>(VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT);
        info.messageSeverity = VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
        info.messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT;
        info.pfnUserCallback = &OnMessage;
        info.pUserData = this;
        return info;
    }

    bool Fail(std::string* why, const char* what) {
        *why = what;
        Destroy();
        return false;
    }

    std::vector<const char*> extensions_;
    VkDebugUtilsMessengerEXT messenger_ = VK_NULL_HANDLE;
};

/// Device-level entry points the tests record with, fetched through the device Reel reports.
struct DeviceCalls {
    explicit DeviceCalls(const reel_device_info_t& info) {
        PFN_vkGetInstanceProcAddr get_instance = info.vk_get_instance_proc_addr;
        auto get_device = reinterpret_cast<PFN_vkGetDeviceProcAddr>(get_instance(info.vk_instance, "vkGetDeviceProcAddr"));
        VkDevice device = info.vk_device;
        fill_buffer = reinterpret_cast<PFN_vkCmdFillBuffer>(get_device(device, "vkCmdFillBuffer"));
        pipeline_barrier2 = reinterpret_cast<PFN_vkCmdPipelineBarrier2>(get_device(device, "vkCmdPipelineBarrier2"));
        queue_submit2 = reinterpret_cast<PFN_vkQueueSubmit2>(get_device(device, "vkQueueSubmit2"));
    }

    /// Fills a buffer with `value` and makes the writes visible to the host.
    void FillForHost(VkCommandBuffer commands, VkBuffer buffer, uint64_t size, uint32_t value) const {
        fill_buffer(commands, buffer, 0, size, value);
        VkMemoryBarrier2 barrier = reel_gpu_test::Make<VkMemoryBarrier2>(VK_STRUCTURE_TYPE_MEMORY_BARRIER_2);
        barrier.srcStageMask = VK_PIPELINE_STAGE_2_CLEAR_BIT;
        barrier.srcAccessMask = VK_ACCESS_2_TRANSFER_WRITE_BIT;
        barrier.dstStageMask = VK_PIPELINE_STAGE_2_HOST_BIT;
        barrier.dstAccessMask = VK_ACCESS_2_HOST_READ_BIT;
        VkDependencyInfo dependency = reel_gpu_test::Make<VkDependencyInfo>(VK_STRUCTURE_TYPE_DEPENDENCY_INFO);
        dependency.memoryBarrierCount = 1;
        dependency.pMemoryBarriers = &barrier;
        pipeline_barrier2(commands, &dependency);
    }

    PFN_vkCmdFillBuffer fill_buffer = nullptr;
    PFN_vkCmdPipelineBarrier2 pipeline_barrier2 = nullptr;
    PFN_vkQueueSubmit2 queue_submit2 = nullptr;
};

}  // namespace reel_gpu_test
