using System.Reflection;
using System.Runtime.CompilerServices;
using NetArchTest.Rules;

namespace Varta.Architecture.Tests;

/// <summary>
/// Modules talk to each other only through their Contracts namespace (or platform events); the platform
/// knows no module. These rules read the compiled IL, so a dependency hidden in a method body counts too.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly string[] NotModules = ["Platform", "Host", "Migrations", "Testing", "Benchmarks"];

    [Fact]
    public void The_platform_depends_on_no_module_and_not_on_the_host()
    {
        var forbidden = Modules().Select(m => m.GetName().Name!).Append("Varta.Host").ToArray();
        var result = Types.InAssembly(typeof(Platform.PlatformModule).Assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful, "Platform types depending on modules or the host: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Modules_use_other_modules_only_through_their_contracts()
    {
        var modules = Modules().ToList();
        var failures = new List<string>();
        foreach (var module in modules)
        {
            foreach (var other in modules.Where(o => o != module))
            {
                var otherName = other.GetName().Name!;
                // Only the module's own types: compiler-generated types (anonymous types, <PrivateImplementationDetails>) share
                // names across assemblies and are nobody's internals. Named type by type, not by namespace: the match is
                // by prefix, and the module's root namespace (Varta.Custody) is a prefix of its Contracts namespace too.
                var internals = other.GetTypes()
                    .Where(t => t.Namespace is { } ns && ns.StartsWith(otherName, StringComparison.Ordinal)
                        && !ns.StartsWith(otherName + ".Contracts", StringComparison.Ordinal) && !t.IsNested)
                    .Select(t => t.FullName!).Distinct().ToArray();
                var result = Types.InAssembly(module).ShouldNot().HaveDependencyOnAny(internals).GetResult();
                if (!result.IsSuccessful)
                {
                    failures.AddRange(result.FailingTypeNames.Select(t => $"{t} → {otherName} internals"));
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void No_module_opens_its_internals_to_another_module()
    {
        var names = Modules().Select(m => m.GetName().Name!).ToHashSet();
        var leaks = Modules()
            .SelectMany(m => m.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => (From: m.GetName().Name, To: a.AssemblyName)))
            .Where(x => names.Contains(x.To))
            .ToList();
        Assert.Empty(leaks);
    }

    [Fact]
    public void Endpoints_requests_and_responses_are_not_EF_entities_exposed_publicly()
    {
        // Entities stay internal: a public entity type could be bound or returned by an endpoint.
        var publicEntities = AllVartaAssemblies()
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.Namespace?.Contains(".Data", StringComparison.Ordinal) == true && t.IsClass && !t.IsAbstract)
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(publicEntities);
    }

    internal static IEnumerable<Assembly> AllVartaAssemblies()
    {
        var folder = AppContext.BaseDirectory;
        return Directory.GetFiles(folder, "Varta.*.dll")
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Where(n => !n.EndsWith(".Tests", StringComparison.Ordinal))
            .Select(n => Assembly.Load(new AssemblyName(n)));
    }

    internal static IEnumerable<Assembly> Modules() =>
        AllVartaAssemblies().Where(a => !NotModules.Any(n => a.GetName().Name!.StartsWith("Varta." + n, StringComparison.Ordinal)));
}
