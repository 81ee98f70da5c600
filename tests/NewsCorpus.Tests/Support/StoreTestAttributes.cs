using Xunit.Abstractions;
using Xunit.Sdk;

namespace NewsCorpus.Tests.Support;

/// <summary>
/// Marks the concrete test class that runs a shared suite against PostgreSQL. The suite's tests carry
/// [StoreFact] / [StoreTheory]: in a class so marked they skip, with the reason, when PostgreSQL is not
/// configured (never under CI). The same tests in the SQLite class always run.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OnPostgresAttribute : Attribute;

/// <summary>A test of a suite that runs on both stores (see <see cref="OnPostgresAttribute"/>).</summary>
[XunitTestCaseDiscoverer("NewsCorpus.Tests.Support.StoreFactDiscoverer", "NewsCorpus.Tests")]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>A theory of a suite that runs on both stores (see <see cref="OnPostgresAttribute"/>).</summary>
[XunitTestCaseDiscoverer("NewsCorpus.Tests.Support.StoreTheoryDiscoverer", "NewsCorpus.Tests")]
public sealed class StoreTheoryAttribute : TheoryAttribute;

/// <summary>A test that needs PostgreSQL, whatever its class.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = PostgresServer.SkipReason;
}

/// <summary>A test that needs PostgreSQL and a hot standby of it.</summary>
public sealed class PostgresStandbyFactAttribute : FactAttribute
{
    public PostgresStandbyFactAttribute() => Skip = PostgresServer.StandbySkipReason;
}

static class StoreSkip
{
    public static string? Reason(ITestMethod method) =>
        method.TestClass.Class.GetCustomAttributes(typeof(OnPostgresAttribute)).Any() ? PostgresServer.SkipReason : null;
}

public sealed class StoreFactDiscoverer(IMessageSink sink) : FactDiscoverer(sink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo attribute) =>
        StoreSkip.Reason(method) is { } reason
            ? [new SkippedTestCase(DiagnosticMessageSink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method, reason)]
            : base.Discover(options, method, attribute);
}

public sealed class StoreTheoryDiscoverer(IMessageSink sink) : TheoryDiscoverer(sink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo attribute) =>
        StoreSkip.Reason(method) is { } reason
            ? [new SkippedTestCase(DiagnosticMessageSink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method, reason)]
            : base.Discover(options, method, attribute);
}

/// <summary>A test case that reports itself skipped with a reason decided at discovery.</summary>
public sealed class SkippedTestCase : XunitTestCase
{
    string reason = "";

    [Obsolete("For deserialization only")]
    public SkippedTestCase() { }

    public SkippedTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod method, string reason)
        : base(sink, display, displayOptions, method) => this.reason = reason;

    protected override string GetSkipReason(IAttributeInfo factAttribute) => reason;

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("SkipReasonText", reason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        reason = data.GetValue<string>("SkipReasonText");
        base.Deserialize(data);
    }
}
