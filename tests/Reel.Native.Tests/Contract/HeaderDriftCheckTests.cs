using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;
using Reel.HeaderTool.Check;
using Reel.HeaderTool.Model;

namespace Reel.Native.Tests.Contract;

/// <summary>
/// Tests of the header drift check: it passes on the real headers (reel.h and reel_vulkan.h) and
/// library, and fails, with a finding that names the place and the header, for each kind of
/// drift a header edit can cause.
/// </summary>
public class HeaderDriftCheckTests
{
    private static ManagedContract s_managed = null!;
    private static IReadOnlyList<string> s_exports = null!;
    private static IReadOnlyList<ExportedSymbols.DynamicSymbol> s_symbols = null!;
    private string _scratch = null!;

    [OneTimeSetUp]
    public void LoadLibrary()
    {
        s_managed = ManagedContract.Load(RepoPaths.ContractAssembly);
        s_exports = ExportedSymbols.FromExportsFile(RepoPaths.ExportsFile);
        s_symbols = ExportedSymbols.FromLibrary(RepoPaths.Library);
    }

    [SetUp]
    public void CreateScratch() => _scratch = Directory.CreateTempSubdirectory("reel-drift-").FullName;

    [TearDown]
    public void DeleteScratch() => Directory.Delete(_scratch, recursive: true);

    /// <summary>Copies both headers to the scratch folder, applies the edit to the one that holds <paramref name="find"/>, and checks them.</summary>
    private IReadOnlyList<string> CheckEdited(string find, string replace)
    {
        string[] paths = EditedHeaders(find, replace);
        return ContractChecker.Check(HeaderParser.Parse(paths), s_managed, s_exports, s_symbols);
    }

    private string[] EditedHeaders(string find, string replace)
    {
        int edited = 0;
        var paths = new List<string>();
        foreach (string header in RepoPaths.Headers)
        {
            string text = File.ReadAllText(header);
            if (text.Contains(find, StringComparison.Ordinal))
            {
                text = text.Replace(find, replace, StringComparison.Ordinal);
                edited++;
            }
            string path = Path.Combine(_scratch, Path.GetFileName(header));
            File.WriteAllText(path, text);
            paths.Add(path);
        }
        Assert.That(edited, Is.EqualTo(1), "the edit must apply to exactly one of the current headers");
        return [.. paths];
    }

    [Test]
    public void RealHeadersAndLibrary_Agree()
    {
        var findings = ContractChecker.Check(HeaderParser.Parse(RepoPaths.Headers), s_managed, s_exports, s_symbols);
        Assert.That(findings, Is.Empty);
    }

    [Test]
    public void EachHeaderIsCovered()
    {
        HeaderModel headers = HeaderParser.Parse(RepoPaths.Headers);
        Assert.That(headers.Headers, Is.EqualTo(new[] { "reel.h", "reel_vulkan.h" }));
        HeaderModel vulkan = headers.Only("reel_vulkan.h");
        Assert.That(vulkan.Functions.Select(f => f.Name), Does.Contain("reel_device_adopt").And.Contain("reel_video_session_create"));
        Assert.That(headers.Only("reel.h").Functions.Select(f => f.Name), Does.Contain("reel_backend_caps").And.Contain("reel_timeline_create"));
        Assert.That(vulkan.Structs.Single(s => s.Name == "reel_vulkan_adoption_t").Fields.Single(f => f.Name == "vk_device").Type,
            Is.EqualTo(new CExternal("VkDevice", CExternalKind.DispatchableHandle)));
        Assert.That(vulkan.Structs.Single(s => s.Name == "reel_gpu_allocation_info_t").Fields.Single(f => f.Name == "vk_image").Type,
            Is.EqualTo(new CExternal("VkImage", CExternalKind.NonDispatchableHandle)));
        Assert.That(vulkan.Structs.Single(s => s.Name == "reel_gpu_image_desc_t").Fields.Single(f => f.Name == "vk_format").Type,
            Is.EqualTo(new CExternal("VkFormat", CExternalKind.Enum)));
        Assert.That(vulkan.Structs.Single(s => s.Name == "reel_device_info_t").Fields.Single(f => f.Name == "vk_get_instance_proc_addr").Type,
            Is.EqualTo(new CExternal("PFN_vkGetInstanceProcAddr", CExternalKind.FunctionPointer)));
        Assert.That(vulkan.Structs.Single(s => s.Name == "reel_gpu_buffer_desc_t").Fields.Single(f => f.Name == "vk_usage").Type,
            Is.EqualTo(new CPrimitive(CPrimitiveKind.U32, "VkBufferUsageFlags")), "flags stay integers");
    }

    [Test]
    public void RenamedFunctionOfTheVulkanHeader_NamesThatHeader()
    {
        var findings = CheckEdited("reel_result_t reel_dpb_destroy(reel_dpb_t dpb);", "reel_result_t reel_dpb_free(reel_dpb_t dpb);");
        Assert.That(findings, Has.Some.EqualTo("reel_dpb_free is declared in reel_vulkan.h but has no [UnmanagedCallersOnly] export in src/Reel.Native"));
        Assert.That(findings, Has.Some.EqualTo("reel_dpb_destroy is exported by libreel.so (nm -D) but is not declared in reel.h or reel_vulkan.h"));
    }

    [Test]
    public void VulkanHandleOfAnotherKind_IsReported()
    {
        // VkDevice is dispatchable (pointer-sized); VkDeviceMemory is not (64 bits): the mirror's nint no longer fits.
        var findings = CheckEdited("    VkDevice vk_device;           /**< the device */", "    VkDeviceMemory vk_device;     /**< the device */");
        Assert.That(findings, Has.Some.EqualTo("reel_device_info_t.vk_device: VkDeviceMemory is carried as IntPtr"));
    }

    [Test]
    public void PlatformTypeInReelH_IsReported()
    {
        string[] paths = EditedHeaders("#include <string.h>\n", "#include <string.h>\n#include <vulkan/vulkan_core.h>\n");
        File.WriteAllText(paths[0], File.ReadAllText(paths[0]).Replace(
            "reel_buffer_release_after(reel_buffer_t buffer, reel_timeline_t timeline,", "reel_buffer_release_after(reel_buffer_t buffer, VkSemaphore timeline,"));
        var findings = ContractChecker.Check(HeaderParser.Parse(paths), s_managed, s_exports, s_symbols);
        Assert.That(findings, Is.EqualTo(new[]
        {
            "reel_buffer_release_after: parameter 2 (timeline) is a VkSemaphore, a platform API type: reel.h stays backend-neutral; declare it in a backend header such as reel_vulkan.h",
        }));
    }

    [Test]
    public void RenamedFunction_IsMissingAndExtra()
    {
        var findings = CheckEdited("reel_result_t reel_context_destroy(reel_context_t context);", "reel_result_t reel_context_free(reel_context_t context);");
        Assert.That(findings, Has.Some.EqualTo("reel_context_free is declared in reel.h but has no [UnmanagedCallersOnly] export in src/Reel.Native"));
        Assert.That(findings, Has.Some.EqualTo("reel_context_free is declared in reel.h but is not exported by libreel.so (nm -D)"));
        Assert.That(findings, Has.Some.EqualTo("reel_context_destroy is exported by libreel.so (nm -D) but is not declared in reel.h or reel_vulkan.h"));
        Assert.That(findings, Has.Some.EqualTo("reel_context_destroy is in ILC's exports file but is not declared in reel.h or reel_vulkan.h"));
    }

    [Test]
    public void ChangedFieldType_ShiftsLayout()
    {
        var findings = CheckEdited("    uint32_t api_version;         /**< REEL_API_VERSION", "    uint64_t api_version;         /**< REEL_API_VERSION");
        Assert.That(findings, Has.Some.EqualTo("reel_context_desc_t: sizeof is 160 in reel.h but 152 in Reel.Native.Interop.reel_context_desc_t"));
        Assert.That(findings, Has.Some.EqualTo("reel_context_desc_t.api_version: uint64_t is carried as UInt32"));
        Assert.That(findings, Has.Some.EqualTo("reel_context_desc_t.name: offset 16 in reel.h but 8 in Reel.Native.Interop.reel_context_desc_t"));
    }

    [Test]
    public void RenamedField_IsReported()
    {
        var findings = CheckEdited("    void* log_user_data; ", "    void* log_context; ");
        Assert.That(findings, Has.Some.EqualTo("reel_context_desc_t: field 6 is log_context in reel.h but log_user_data in Reel.Native.Interop.reel_context_desc_t"));
    }

    [Test]
    public void ChangedParameterType_IsReported()
    {
        var findings = CheckEdited("reel_context_destroy(reel_context_t context);", "reel_context_destroy(uint32_t context);");
        Assert.That(findings, Has.Some.EqualTo("reel_context_destroy: parameter 1 (context): uint32_t is carried as UInt64"));
    }

    [Test]
    public void ChangedReturnType_IsReported()
    {
        var findings = CheckEdited("REEL_API uint32_t reel_version(void);", "REEL_API uint64_t reel_version(void);");
        Assert.That(findings, Has.Some.EqualTo("reel_version: return type differs: uint64_t is carried as UInt32"));
    }

    [Test]
    public void ChangedCallbackSignature_IsReported()
    {
        var findings = CheckEdited("(*reel_alloc_fn)(void* user_data, size_t size, size_t alignment);", "(*reel_alloc_fn)(void* user_data, size_t size, uint32_t alignment);");
        Assert.That(findings, Has.Some.StartsWith("reel_allocator_t.alloc: reel_alloc_fn is carried as delegate* unmanaged<"));
    }

    [Test]
    public void ChangedEnumValue_IsReported()
    {
        var findings = CheckEdited("REEL_ERROR_LIMIT_REACHED = -6,", "REEL_ERROR_LIMIT_REACHED = -7,");
        Assert.That(findings, Has.Some.EqualTo("reel_result_t: REEL_ERROR_LIMIT_REACHED is -7 in reel.h but -6 in Reel.Abi.ReelResult"));
    }

    [Test]
    public void EnumeratorWithoutMirror_IsReported()
    {
        var findings = CheckEdited("    REEL_ERROR_INTERNAL = -100,", "    /** new */\n    REEL_ERROR_BUSY = -7,\n    REEL_ERROR_INTERNAL = -100,");
        Assert.That(findings, Has.Some.EqualTo("reel_result_t: REEL_ERROR_BUSY = -7 has no member in Reel.Abi.ReelResult"));
    }

    [Test]
    public void VersionMacro_MustMatchTheLibrary()
    {
        // The header's minor, whatever the release: the generated bindings carry it.
        int minor = Reel.Interop.ReelNative.REEL_VERSION_MINOR;
        var findings = CheckEdited($"#define REEL_VERSION_MINOR {minor}", $"#define REEL_VERSION_MINOR {minor + 1}");
        Assert.That(findings, Has.Some.EqualTo($"REEL_VERSION_MINOR is {minor + 1} in reel.h but {minor} in Reel.Abi.ReelVersion"));
    }

    [Test]
    public void UndocumentedFunction_IsReported()
    {
        var findings = CheckEdited("/*! reel_version() :", "/* reel_version() :");
        Assert.That(findings, Is.EqualTo(new[] { "reel_version has no doc comment in reel.h" }));
    }

    [Test]
    public void ExtraSymbolInExportsFile_IsReported()
    {
        var exports = s_exports.Append("reel_secret").ToList();
        var findings = ContractChecker.Check(HeaderParser.Parse(RepoPaths.Headers), s_managed, exports, s_symbols);
        Assert.That(findings, Is.EqualTo(new[] { "reel_secret is in ILC's exports file but is not declared in reel.h or reel_vulkan.h" }));
    }

    [Test]
    public void DataSymbolInLibrary_IsReported()
    {
        var symbols = s_symbols.Append(new ExportedSymbols.DynamicSymbol("DotNetRuntimeDebugHeader", 'D')).ToList();
        var findings = ContractChecker.Check(HeaderParser.Parse(RepoPaths.Headers), s_managed, s_exports, symbols);
        Assert.That(findings, Has.Some.StartsWith("libreel.so exports DotNetRuntimeDebugHeader (nm kind 'D'), which is not a function"));
    }

    [Test]
    public void HeaderThatDoesNotCompile_FailsTheCheck()
    {
        string[] paths = EditedHeaders("reel_context_t context);", "reel_context_t context)");
        Assert.That(() => HeaderParser.Parse(paths), Throws.InvalidOperationException.With.Message.Contains("does not compile cleanly"));
    }

    [Test]
    public void VulkanHeaderThatDoesNotCompileAlone_FailsTheCheck()
    {
        string[] paths = EditedHeaders("#include <vulkan/vulkan_core.h>\n", "");
        Assert.That(() => HeaderParser.Parse(paths), Throws.InvalidOperationException.With.Message.Contains("reel_vulkan.h does not compile cleanly"));
    }

    [Test]
    public void CommandLine_ExitsNonZeroOnDrift()
    {
        string[] paths = EditedHeaders("#define REEL_VERSION_PATCH 0", "#define REEL_VERSION_PATCH 9");
        string[] common = ["--assembly", RepoPaths.ContractAssembly, "--exports", RepoPaths.ExportsFile, "--library", RepoPaths.Library];
        Assert.That(HeaderTool.Program.Main(["check", "--header", RepoPaths.Header, "--header", RepoPaths.VulkanHeader, .. common]), Is.Zero);
        Assert.That(HeaderTool.Program.Main(["check", "--header", paths[0], "--header", paths[1], .. common]), Is.EqualTo(1));
    }
}
