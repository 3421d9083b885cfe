// Records a short clip with the NuGet package Reel: 30 frames of 320x240 (a moving gradient)
// through an encoder session into an IVF file, then reads the file back with Reel's IVF
// reader. Usage: RecordClip <output.ivf>. Prints what it did; exit status 0 when it all held.
using System;
using Reel;
using Reel.Interop;

const int Width = 320, Height = 240, Frames = 30;
string path = args.Length > 0 ? args[0] : "clip.ivf";

Console.WriteLine($"libreel {ReelLibrary.VersionString} (bindings from reel.h {ReelLibrary.HeaderVersion})");
using var context = ReelContext.Create("installed-dotnet-host");
reel_encoder_desc_t settings = ReelEncoder.DefaultSettings(Width, Height, fpsNum: 30);
using (var pool = ReelPool.CreateFramePool(context, reel_pixel_format_t.REEL_PIXEL_FORMAT_I420, Width, Height))
using (var encoder = ReelEncoder.Create(context, settings))
using (var file = IvfWriter.Create(context, path, Width, Height, 30))
{
    for (int i = 0; i < Frames; i++)
    {
        using ReelBuffer frame = pool.Acquire();
        ReelFrame planes = frame.GetFrame();
        for (int y = 0; y < Height; y++)
        {
            Span<byte> row = planes.Row(0, y, Width);
            for (int x = 0; x < Width; x++)
                row[x] = (byte)(x + y + i * 4);
        }
        planes.Plane(1).Fill(128);
        planes.Plane(2).Fill(128);
        frame.Pts = i;
        encoder.Submit(frame, keyframe: i == 0, timeoutMs: ReelLibrary.WaitForever);
        while (encoder.Receive(0, out ReelBuffer? ready) == reel_result_t.REEL_SUCCESS)
            using (ready)
                file.Write(ready!);
    }
    encoder.Flush();
    while (encoder.Receive(ReelLibrary.WaitForever, out ReelBuffer? packet) == reel_result_t.REEL_SUCCESS)
        using (packet)
            file.Write(packet!);
    file.Close();
    Console.WriteLine($"encoded {encoder.GetStats().frames_out} frames into {path}");
}

using var reader = IvfReader.Open(context, path);
reel_media_info_t info = reader.Info;
Console.WriteLine($"{path}: {info.width}x{info.height} at {info.fps_num}/{info.fps_den} fps, {info.frame_count} frames");
if (info.width != Width || info.height != Height || info.frame_count != Frames)
    return 1;
try
{
    // Reel's errors arrive as exceptions with its message.
    IvfReader.Open(context, path + ".missing").Dispose();
    return 1;
}
catch (ReelException error) when (error.Result == reel_result_t.REEL_ERROR_IO)
{
    Console.WriteLine($"a missing file: {error.Message}");
}
Console.WriteLine("ok");
return 0;
