namespace Reel.Abi;

/// <summary>
/// The library version and the rule for which host versions it serves. Packing matches
/// <c>REEL_MAKE_VERSION</c>: 10 bits major, 10 bits minor, 12 bits patch.
/// </summary>
public static class ReelVersion
{
    /// <summary><c>REEL_VERSION_MAJOR</c> of the header this library implements.</summary>
    public const uint Major = 0;
    /// <summary><c>REEL_VERSION_MINOR</c>.</summary>
    public const uint Minor = 2;
    /// <summary><c>REEL_VERSION_PATCH</c>.</summary>
    public const uint Patch = 0;

    /// <summary>This library's packed version, <c>REEL_API_VERSION</c> of its header.</summary>
    public const uint Packed = (Major << 22) | (Minor << 12) | Patch;

    /// <summary>"MAJOR.MINOR.PATCH" of this library.</summary>
    public static readonly string Text = Format(Packed);

    /// <summary>Packs a version like <c>REEL_MAKE_VERSION</c>.</summary>
    public static uint Make(uint major, uint minor, uint patch) => (major << 22) | (minor << 12) | patch;

    /// <summary>The major part of a packed version.</summary>
    public static uint MajorOf(uint version) => version >> 22;

    /// <summary>The minor part of a packed version.</summary>
    public static uint MinorOf(uint version) => (version >> 12) & 0x3FF;

    /// <summary>The patch part of a packed version.</summary>
    public static uint PatchOf(uint version) => version & 0xFFF;

    /// <summary>"MAJOR.MINOR.PATCH" of a packed version.</summary>
    public static string Format(uint version) => $"{MajorOf(version)}.{MinorOf(version)}.{PatchOf(version)}";

    /// <summary>
    /// Whether this library serves a host built against <paramref name="requested"/>
    /// (0 means "whatever this library is"). Another major is refused (a newer one has
    /// functions this library lacks, an older one predates a breaking change); while the
    /// major is 0, so is a newer minor, because 0.x minors add functions the host would then
    /// call. Older minors and any patch are served: releases within a major only append.
    /// </summary>
    public static bool Serves(uint requested)
    {
        if (requested == 0)
            return true;
        uint major = MajorOf(requested);
        if (major != Major)
            return false;
        return Major != 0 || MinorOf(requested) <= Minor;
    }
}
