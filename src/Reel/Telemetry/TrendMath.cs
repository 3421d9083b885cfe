using System;

namespace Reel.Telemetry;

/// <summary>The two statistics the leak detector needs.</summary>
public static class TrendMath
{
    /// <summary>Least-squares slope of y over x; 0 when x does not vary.</summary>
    public static double Slope(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n = x.Length;
        double meanX = 0, meanY = 0;
        for (int i = 0; i < n; i++)
        {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double numerator = 0, denominator = 0;
        for (int i = 0; i < n; i++)
        {
            numerator += (x[i] - meanX) * (y[i] - meanY);
            denominator += (x[i] - meanX) * (x[i] - meanX);
        }
        return denominator == 0 ? 0 : numerator / denominator;
    }

    /// <summary>
    /// Kendall's tau-a of a series against its order: +1 when every later value is higher,
    /// 0 for no trend (or a flat series), -1 when every later value is lower. Bursts that come
    /// and go score near 0 however large they are, which is why the detector requires it.
    /// </summary>
    public static double KendallTau(ReadOnlySpan<double> y)
    {
        int n = y.Length;
        if (n < 2)
            return 0;
        long score = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
                score += Math.Sign(y[j] - y[i]);
        }
        return score / (n * (n - 1) / 2.0);
    }
}
