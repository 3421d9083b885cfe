using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using NUnit.Framework;
using Reel.Abi;
using Reel.Errors;
using Reel.Simulation;

namespace Reel.Tests.Reports;

/// <summary>
/// The soak chart stays readable however many alerts a run raises: the first alert is marked
/// and labelled, the rest are summarised, and no two texts (labels, legend, axes) overlap.
/// </summary>
[NonParallelizable]
public class MemoryChartTests
{
    /// <summary>A text of the chart and the box it covers, estimated from its font size (0.6 em per character, as wide as sans-serif gets on average).</summary>
    private sealed record Label(string Text, double Left, double Top, double Right, double Bottom)
    {
        public bool Overlaps(Label other) => Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;
    }

    [Test]
    public void Leak6Hours_ManyAlerts_FirstMarkedRestSummarised_NoTextOverlaps()
    {
        string path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "soak-leak-6h.svg");
        Assert.That(SoakSimulation.Run(new SoakOptions { Hours = 6, Scenario = SoakScenario.Leak, SvgPath = path }, "test", out SoakResult? result),
            Is.EqualTo(ReelResult.Success), LastError.Message);
        Assert.That(result!.Alerts, Is.GreaterThan(10), "a leak that goes on raises an alert every window");

        XDocument svg = XDocument.Load(path);
        XNamespace ns = "http://www.w3.org/2000/svg";
        double width = Number(svg.Root!, "width");
        List<Label> labels = svg.Descendants(ns + "text").Where(t => t.Attribute("transform") is null).Select(Box).ToList();

        XElement plot = svg.Descendants(ns + "rect").Single(r => (string?)r.Attribute("stroke") == "#888");
        double plotRight = Number(plot, "x") + Number(plot, "width");
        List<Label> alertLabels = labels
            .Where(l => l.Left < plotRight && (l.Text.Contains("alert", StringComparison.Ordinal) || l.Text.StartsWith("leak", StringComparison.Ordinal)))
            .ToList();
        Assert.That(alertLabels.Count(l => l.Text.StartsWith("first leak alert", StringComparison.Ordinal)), Is.EqualTo(1), string.Join(" | ", alertLabels.Select(l => l.Text)));
        Assert.That(alertLabels.Single(l => l.Text.StartsWith("first leak alert", StringComparison.Ordinal)).Text, Does.Contain("decode 1920x1080 h0"));
        Assert.That(alertLabels.Count(l => l.Text == $"+{result.Alerts - 1} more alerts"), Is.EqualTo(1), "the rest are summarised in one label");
        Assert.That(alertLabels, Has.Count.EqualTo(2), "no label per alert");

        IEnumerable<XElement> fullHeightAlertLines = svg.Descendants(ns + "line")
            .Where(l => (string?)l.Attribute("stroke") == "#d62728" && (string?)l.Attribute("stroke-dasharray") is not null && Number(l, "y2") - Number(l, "y1") > 100);
        Assert.That(fullHeightAlertLines.Count(), Is.EqualTo(1), "one dashed line through the plot: the first alert");

        foreach (Label label in labels)
            Assert.That(label.Right, Is.LessThanOrEqualTo(width), $"'{label.Text}' runs off the chart");
        foreach (Label label in alertLabels)
            Assert.That(label.Right, Is.LessThanOrEqualTo(plotRight), $"'{label.Text}' runs into the legend");
        for (int i = 0; i < labels.Count; i++)
        {
            for (int j = i + 1; j < labels.Count; j++)
                Assert.That(labels[i].Overlaps(labels[j]), Is.False, $"'{labels[i].Text}' overlaps '{labels[j].Text}'");
        }
    }

    private static Label Box(XElement text)
    {
        double size = text.Attribute("font-size") is { } attribute ? double.Parse(attribute.Value, CultureInfo.InvariantCulture) : 12;
        double x = Number(text, "x"), y = Number(text, "y");
        double width = text.Value.Length * 0.6 * size;
        double left = (string?)text.Attribute("text-anchor") switch
        {
            "middle" => x - width / 2,
            "end" => x - width,
            _ => x,
        };
        return new Label(text.Value, left, y - 0.8 * size, left + width, y + 0.2 * size);
    }

    private static double Number(XElement element, string name) => double.Parse(element.Attribute(name)!.Value, CultureInfo.InvariantCulture);
}
