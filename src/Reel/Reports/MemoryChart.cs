using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Reel.Memory;
using Reel.Telemetry;

namespace Reel.Reports;

/// <summary>
/// An SVG line chart of memory per category over time from a series of snapshots: one line
/// per category that ever held memory plus the total, hours on x, MB on y. The first leak
/// alert gets a dashed line and a label naming its object; a leak that goes on alerts again
/// every window, so the later alerts are only ticks on the plot's top edge and one label
/// counts them (a label each would pile up into an unreadable band). Labels stay inside the
/// plot, clear of the legend. Plain SVG 1.1, no scripts, viewable in any browser.
/// </summary>
public static class MemoryChart
{
    private const int Width = 1200;
    private const int Height = 560;
    private const int Left = 80;
    private const int Right = 200;
    private const int Top = 50;
    private const int Bottom = 60;

    /// <summary>Font size of the labels and legend, px.</summary>
    private const int FontSize = 12;

    /// <summary>Average advance of a sans-serif character at <see cref="FontSize"/> (0.6 em, on the wide side), px.</summary>
    private const double CharacterWidth = 0.6 * FontSize;

    /// <summary>Height of an alert tick on the plot's top edge, px.</summary>
    private const int TickHeight = 8;

    private const string AlertColor = "#d62728";

    private static readonly string[] s_colors = ["#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd", "#d62728", "#8c564b", "#e377c2"];

    /// <summary>
    /// The chart of <paramref name="snapshots"/> (oldest first). <paramref name="firstAlert"/> is
    /// the first alert raised, <paramref name="alerts"/> the ones still kept (oldest first,
    /// possibly without the first), <paramref name="alertsRaised"/> how many were raised in all.
    /// </summary>
    public static string Render(IReadOnlyList<Snapshot> snapshots, LeakAlert? firstAlert, IReadOnlyList<LeakAlert> alerts, long alertsRaised, string title)
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
        Line(svg, snapshots, s => s.TotalBytes / 1e6, X, Y, "#000000", "total", legend++);
        if (firstAlert is not null)
            Alerts(svg, firstAlert, alerts, alertsRaised, X, t0, plotHeight, legend);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>
    /// A tick on the top edge for every alert kept, the first alert's dashed line, its label and
    /// the count of the others beside it (on the side with room: they never cross the plot's
    /// right edge into the legend), and the two legend rows.
    /// </summary>
    private static void Alerts(StringBuilder svg, LeakAlert first, IReadOnlyList<LeakAlert> alerts, long alertsRaised,
        Func<long, double> x, long t0, double plotHeight, int legendRow)
    {
        double plotRight = Width - Right;
        int ticks = 0;
        foreach (LeakAlert alert in alerts)
        {
            // Alerts from before the oldest snapshot (the ring forgot them) are off the chart.
            if (alert.SnapshotIndex == first.SnapshotIndex || alert.TimeNs < t0)
                continue;
            ticks++;
            double at = x(alert.TimeNs);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{at:F1}\" y1=\"{Top}\" x2=\"{at:F1}\" y2=\"{Top + TickHeight}\" stroke=\"{AlertColor}\" stroke-width=\"1.5\"/>\n");
        }
        double firstX = Math.Max(Left, x(first.TimeNs));
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{firstX:F1}\" y1=\"{Top}\" x2=\"{firstX:F1}\" y2=\"{Top + plotHeight}\" stroke=\"{AlertColor}\" stroke-dasharray=\"4 3\"/>\n");
        string label = $"first leak alert: {first.ObjectName ?? MemoryCategories.Name(first.Category)}";
        // The context keeps the newest alerts only: say so when older ones have no tick.
        long others = alertsRaised - 1;
        string more = others < 1 ? "" : ticks < others ? $"+{others} more alerts (the newest {ticks} ticked)" : $"+{others} more alerts";
        double widest = Math.Max(label.Length, more.Length) * CharacterWidth;
        bool right = firstX + 4 + widest <= plotRight;
        string anchor = right ? "start" : "end";
        double labelX = right ? firstX + 4 : firstX - 4;
        double labelY = Top + TickHeight + FontSize + 4;
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelX:F1}\" y=\"{labelY}\" text-anchor=\"{anchor}\" fill=\"{AlertColor}\">{Escape(label)}</text>\n");
        if (more.Length > 0)
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelX:F1}\" y=\"{labelY + FontSize + 4}\" text-anchor=\"{anchor}\" fill=\"{AlertColor}\">{more}</text>\n");

        double legendX = Width - Right + 20, legendY = Top + 14 + legendRow * 20;
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{legendX}\" y1=\"{legendY - 4}\" x2=\"{legendX + 24}\" y2=\"{legendY - 4}\" stroke=\"{AlertColor}\" stroke-dasharray=\"4 3\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{legendX + 30}\" y=\"{legendY}\">first leak alert</text>\n");
        legendY += 20;
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{legendX + 12}\" y1=\"{legendY - 8}\" x2=\"{legendX + 12}\" y2=\"{legendY}\" stroke=\"{AlertColor}\" stroke-width=\"1.5\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{legendX + 30}\" y=\"{legendY}\">later alerts</text>\n");
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
