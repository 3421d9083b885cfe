using System;
using System.Linq;
using System.Reflection;
using NUnit.Framework;
using Reel.Codecs.Encoders;
using Reel.Codecs.Sessions;

namespace Reel.Backend.Software.Tests.Encoders;

/// <summary>
/// The encoder pool's key (<see cref="EncoderSettingsKey"/>) tells apart every configuration
/// that encodes differently: an idle encoder started with one mini-GOP, look-ahead or
/// prediction structure (or any other setting) must never serve a request for another.
/// </summary>
public sealed class EncoderSettingsKeyTests
{
    private static EncoderSettings Base() => new() { Width = 1920, Height = 1080 };

    /// <summary>Every settable property of EncoderSettings, so that a new one cannot be forgotten in the key.</summary>
    private static string[] SettingNames() => typeof(EncoderSettings)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite)
        .Select(p => p.Name)
        .ToArray();

    [TestCaseSource(nameof(SettingNames))]
    public void Of_EverySetting_ChangesTheKey(string name)
    {
        PropertyInfo property = typeof(EncoderSettings).GetProperty(name)!;
        EncoderSettings changed = Base();
        property.SetValue(changed, Other(property.PropertyType, property.GetValue(changed)!));
        Assert.That(EncoderSettingsKey.Of(changed, "SVT-AV1"), Is.Not.EqualTo(EncoderSettingsKey.Of(Base(), "SVT-AV1")), name);
    }

    [Test]
    public void Of_MemoryAndLatencySettings_AreEachPartOfTheKey()
    {
        EncoderSettingsKey key = EncoderSettingsKey.Of(Base(), "SVT-AV1");
        EncoderSettings miniGop = Base(), lookahead = Base(), lowDelay = Base();
        miniGop.MiniGopSize = 8;
        lookahead.Lookahead = 1;
        lowDelay.Prediction = PredictionStructure.LowDelay;
        Assert.That(EncoderSettingsKey.Of(miniGop, "SVT-AV1").MiniGopSize, Is.EqualTo(8));
        Assert.That(EncoderSettingsKey.Of(lookahead, "SVT-AV1").Lookahead, Is.EqualTo(1));
        Assert.That(EncoderSettingsKey.Of(lowDelay, "SVT-AV1").Prediction, Is.EqualTo(PredictionStructure.LowDelay));
        Assert.That(new[] { miniGop, lookahead, lowDelay }.Select(s => EncoderSettingsKey.Of(s, "SVT-AV1")), Has.None.EqualTo(key));
        Assert.That(EncoderSettingsKey.Of(Base(), "SVT-AV1"), Is.EqualTo(key), "equal settings give equal keys");
        Assert.That(EncoderSettingsKey.Of(Base(), "other"), Is.Not.EqualTo(key), "the backend is part of the key");
    }

    /// <summary>A value of <paramref name="type"/> different from <paramref name="current"/>.</summary>
    private static object Other(Type type, object current)
    {
        if (type == typeof(int))
            return (int)current + 1;
        if (type == typeof(long))
            return (long)current + 1;
        if (type == typeof(uint))
            return (uint)current + 1;
        if (type == typeof(ulong))
            return (ulong)current + 1;
        if (type == typeof(bool))
            return !(bool)current;
        if (type.IsEnum)
            return Enum.GetValues(type).Cast<object>().Append(Enum.ToObject(type, 99)).First(v => !v.Equals(current));
        throw new NotSupportedException($"EncoderSettings has a {type.Name} property: teach this test to change it");
    }
}
