using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Reel.Memory;
using Reel.Telemetry;

namespace Reel.Reports;

/// <summary>
/// An SVG line chart of memory per category over time from a series of snapshots: one line
/// per category that ever held memory plus the total, hours on x, MB on y, alerts marked.
/// Plain SVG 1.1, no scripts, viewable in any browser.
/// </summary>
public static class MemoryChart
{
    private const int Width = 1200;
    private const int Height = 560;
    private const int Left = 80;
    private const int Right = 200;
    private const int Top = 50;
    private const int Bottom = 60;

    private static readonly string[] s_colors = ["#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#d62728", "#8c564b", "#e377c2"];

    /// <summary>The chart of <paramref name="snapshots"/> (oldest first) with <paramref name="alerts"/> marked.</summary>
    public static string Render(IReadOnlyList<Snapshot> snapshots, IReadOnlyList<LeakAlert> alerts, string title)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"28\" font-size=\"16\">{Escape(title)}</text>\n");
        if (snapshots.Count < 2)
        {
            svg.Append("<text x=\"80\" y=\"100\">fewer than two snapshots</text>\n</svg>\n");
            return svg.ToString();
        }

        long t0 = snapshots[0].TimeNs;
        double hours = Math.Max(1e-9, (snapshots[^1].TimeNs - t0) / 3.6e12);
        double maxMb = 1;
        foreach (Snapshot s in snapshots)
            maxMb = Math.Max(maxMb, s.TotalBytes / 1e6);
        maxMb = NiceCeiling(maxMb);
        double plotWidth = Width - Left - Right, plotHeight = Height - Top - Bottom;
        double X(long timeNs) => Left + (timeNs - t0) / 3.6e12 / hours * plotWidth;
        double Y(double mb) => Top + plotHeight - mb / maxMb * plotHeight;

        Axes(svg, hours, maxMb, plotWidth, plotHeight);
        int legend = 0;
        for (int c = 0; c < MemoryCategories.Count; c++)
        {
            bool used = false;
            foreach (Snapshot s in snapshots)
                used |= s.Peak[c] > 0;
            if (!used)
                continue;
            Line(svg, snapshots, s => s.Bytes[c] / 1e6, X, Y, s_colors[c], MemoryCategories.Name((MemoryCategory)c), legend++);
        }
        Line(svg, snapshots, s => s.TotalBytes / 1e6, X, Y, "#000000", "total", legend);

        foreach (LeakAlert alert in alerts)
        {
            double x = X(alert.TimeNs);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:F1}\" y1=\"{Top}\" x2=\"{x:F1}\" y2=\"{Top + plotHeight}\" stroke=\"#d62728\" stroke-dasharray=\"4 3\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 3:F1}\" y=\"{Top + 12}\" fill=\"#d62728\">leak: {Escape(alert.ObjectName ?? MemoryCategories.Name(alert.Category))}</text>\n");
        }
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Axes(StringBuilder svg, double hours, double maxMb, double plotWidth, double plotHeight)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotWidth}\" height=\"{plotHeight}\" fill=\"none\" stroke=\"#888\"/>\n");
        for (int i = 0; i <= 5; i++)
        {
            double mb = maxMb * i / 5, y = Top + plotHeight - plotHeight * i / 5;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{y:F1}\" x2=\"{Left + plotWidth}\" y2=\"{y:F1}\" stroke=\"#eee\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 8}\" y=\"{y + 4:F1}\" text-anchor=\"end\">{mb:0.#}</text>\n");
        }
        int step = hours > 12 ? 4 : hours > 4 ? 1 : 0;
        int ticks = step == 0 ? 4 : (int)(hours / step);
        for (int i = 0; i <= ticks; i++)
        {
            double h = step == 0 ? hours * i / 4 : i * step, x = Left + h / hours * plotWidth;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:F1}\" y=\"{Top + plotHeight + 18}\" text-anchor=\"middle\">{h:0.##} h</text>\n");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left + plotWidth / 2}\" y=\"{Height - 14}\" text-anchor=\"middle\">virtual time</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"18\" y=\"{Top + plotHeight / 2}\" transform=\"rotate(-90 18 {Top + plotHeight / 2})\" text-anchor=\"middle\">MB held</text>\n");
    }

    private static void Line(StringBuilder svg, IReadOnlyList<Snapshot> snapshots, Func<Snapshot, double> value,
        Func<long, double> x, Func<double, double> y, string color, string label, int legendRow)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"1.5\" points=\"");
        foreach (Snapshot s in snapshots)
            svg.Append(CultureInfo.InvariantCulture, $"{x(s.TimeNs):F1},{y(value(s)):F1} ");
        svg.Append("\"/>\n");
        double legendY = Top + 14 + legendRow * 20, legendX = Width - Right + 20;
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{legendX}\" y1=\"{legendY - 4}\" x2=\"{legendX + 24}\" y2=\"{legendY - 4}\" stroke=\"{color}\" stroke-width=\"3\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{legendX + 30}\" y=\"{legendY}\">{Escape(label)}</text>\n");
    }

    private static double NiceCeiling(double value)
    {
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (double step in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (step * magnitude >= value)
                return step * magnitude;
        }
        return 10 * magnitude;
    }

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
