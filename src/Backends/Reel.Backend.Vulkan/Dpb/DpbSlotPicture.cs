using Silk.NET.Vulkan;

namespace Reel.Vulkan.Dpb;

/// <summary>A slot's state and its picture resource, as <c>reel_dpb_slot_info_t</c> reports them.</summary>
/// <param name="Slot">The state (active, reference, frame number, timestamp).</param>
/// <param name="Image">The image holding the slot.</param>
/// <param name="View">A view for VkVideoPictureResourceInfoKHR.imageViewBinding (VK_NULL_HANDLE when the usage allows no views).</param>
/// <param name="ViewLayer">VkVideoPictureResourceInfoKHR.baseArrayLayer: the slot's layer within <paramref name="View"/>.</param>
/// <param name="ImageLayer">The slot's array layer within <paramref name="Image"/>.</param>
/// <param name="Width">Coded width.</param>
/// <param name="Height">Coded height.</param>
/// <param name="Format">The image format.</param>
internal readonly record struct DpbSlotPicture(DpbSlot Slot, Image Image, ImageView View, uint ViewLayer, uint ImageLayer, uint Width, uint Height, Format Format);
