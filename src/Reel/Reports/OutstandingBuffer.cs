namespace Reel.Reports;

/// <summary>One buffer still out: what <c>reel_report_outstanding</c> and the teardown log show.</summary>
/// <param name="PoolName">Its pool's label.</param>
/// <param name="PoolHandle">Its pool's handle value (stale if the pool was destroyed).</param>
/// <param name="Buffer">The buffer's handle value.</param>
/// <param name="Bytes">Its size (the buffer size, or the size class for byte pools).</param>
/// <param name="AcquiredAtFrame">Frame-clock value when it was acquired.</param>
/// <param name="AgeFrames">Frames since then.</param>
/// <param name="Tag">Its host tag.</param>
/// <param name="Pts">Its pts.</param>
public readonly record struct OutstandingBuffer(string PoolName, ulong PoolHandle, ulong Buffer, ulong Bytes, long AcquiredAtFrame, long AgeFrames, ulong Tag, long Pts);
