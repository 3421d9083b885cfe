namespace Reel.Vulkan.Device;

/// <summary>The queue family chosen for each role; -1 where the device has none for it.</summary>
internal sealed record QueueAssignment(int Graphics, int Compute, int Transfer, int VideoDecode, int VideoEncode)
{
    /// <summary>The roles family <paramref name="family"/> serves in this assignment.</summary>
    public QueueRoles RolesOf(uint family)
    {
        QueueRoles roles = QueueRoles.None;
        if (Graphics == family)
            roles |= QueueRoles.Graphics;
        if (Compute == family)
            roles |= QueueRoles.Compute;
        if (Transfer == family)
            roles |= QueueRoles.Transfer;
        if (VideoDecode == family)
            roles |= QueueRoles.VideoDecode;
        if (VideoEncode == family)
            roles |= QueueRoles.VideoEncode;
        return roles;
    }
}
