using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Varta.Architecture.Tests;

/// <summary>
/// The shape every module keeps (STYLE.md), so that a new module copies a good example: a folder per use case
/// with its own endpoint, nothing public but the module class, its contracts and its pages, data reached only
/// through handlers, and who/when stamped in one place.
/// </summary>
public sealed class HouseRulesTests
{
    private const string DbContext = "Varta.Platform.Persistence.VartaDbContext";
    private const string ComponentBase = "Microsoft.AspNetCore.Components.ComponentBase";

    [Fact]
    public void The_scan_finds_the_platform_and_at_least_two_modules()
    {
        // An empty scan would make every other rule here pass vacuously.
        var modules = ModuleBoundaryTests.Modules().Select(m => m.GetName().Name).ToList();
        Assert.Contains("Varta.Custody", modules);
        Assert.Contains("Varta.Alarms", modules);
        Assert.Contains(ModuleBoundaryTests.AllVartaAssemblies(), a => a.GetName().Name == "Varta.Platform");
    }

    [Fact]
    public void A_module_exposes_only_its_module_class_its_contracts_and_its_pages()
    {
        var exposed = new List<string>();
        foreach (var module in ModuleBoundaryTests.Modules())
        {
            var name = module.GetName().Name!;
            var moduleClass = $"{name}.{name["Varta.".Length..]}Module";
            exposed.AddRange(module.GetExportedTypes()
                .Where(t => t.FullName != moduleClass
                    && t.Namespace?.StartsWith(name + ".Contracts", StringComparison.Ordinal) != true
                    && !typeof(Microsoft.AspNetCore.Components.ComponentBase).IsAssignableFrom(t) // the router finds only public pages
                    && t.Name != "_Imports") // Razor's compiled _Imports.razor, public by construction
                .Select(t => t.FullName!));
        }

        Assert.True(exposed.Count == 0, "Public types outside the module class and Contracts/: " + string.Join(", ", exposed));
    }

    [Fact]
    public void No_module_has_a_module_wide_endpoints_file()
    {
        // Each use case maps its own route in its own XEndpoint class.
        var wide = ModuleBoundaryTests.Modules().SelectMany(m => m.GetTypes())
            .Where(t => t.Name.EndsWith("Endpoints", StringComparison.Ordinal)).Select(t => t.FullName).ToList();
        Assert.True(wide.Count == 0, "Module-wide endpoint classes: " + string.Join(", ", wide));
        Assert.All(ModuleBoundaryTests.Modules(), m => Assert.Contains(m.GetTypes(), t => t.Name.EndsWith("Endpoint", StringComparison.Ordinal)));
    }

    [Fact]
    public void No_page_and_no_endpoint_touches_the_database_context()
    {
        var offenders = new List<string>();
        foreach (var assembly in ModuleBoundaryTests.AllVartaAssemblies())
        {
            using var module = Il.Read(assembly);
            foreach (var type in module.Types.Where(t => t.Name.EndsWith("Endpoint", StringComparison.Ordinal) || t.Name.EndsWith("Endpoints", StringComparison.Ordinal)
                         || Il.DerivesFrom(t, ComponentBase)))
            {
                if (Il.ReferencedTypeNames(type).Any(n => n == DbContext))
                {
                    offenders.Add(type.FullName);
                }
            }
        }

        Assert.True(offenders.Count == 0, "Pages or endpoints using VartaDbContext (move it into a handler): " + string.Join(", ", offenders));
    }

    [Fact]
    public void Entities_are_stamped_by_the_interceptor_not_by_hand()
    {
        string[] stampedProperties = ["set_CreatedAt", "set_UpdatedAt", "set_RecordedAt", "set_RecordedBy"];
        var offenders = new List<string>();
        foreach (var assembly in ModuleBoundaryTests.AllVartaAssemblies().Where(a => !a.GetName().Name!.StartsWith("Varta.Migrations", StringComparison.Ordinal)))
        {
            using var module = Il.Read(assembly);
            foreach (var type in Il.AllTypes(module).Where(t => t.Name != "StampingInterceptor"))
            {
                foreach (var (method, instruction) in Il.Instructions(type))
                {
                    if (instruction.OpCode.FlowControl == FlowControl.Call && instruction.Operand is MethodReference setter
                        && stampedProperties.Contains(setter.Name) && IsEntity(setter.DeclaringType)
                        && setter.DeclaringType.FullName != type.FullName) // an entity mapping its own columns onto the interface
                    {
                        offenders.Add($"{type.FullName}.{method.Name} sets {setter.DeclaringType.Name}.{setter.Name[4..]}");
                    }
                }
            }
        }

        Assert.True(offenders.Count == 0, "Stamped by hand (let StampingInterceptor do it): " + string.Join("; ", offenders.Distinct()));
    }

    [Fact]
    public void Pdfs_take_their_font_options_from_the_platform()
    {
        // PdfFonts.Options embeds the whole font: a module's own options would bring back subsets, which print "ї" blank.
        var offenders = new List<string>();
        foreach (var assembly in ModuleBoundaryTests.AllVartaAssemblies().Where(a => a.GetName().Name != "Varta.Platform"))
        {
            using var module = Il.Read(assembly);
            foreach (var type in Il.AllTypes(module))
            {
                foreach (var (method, instruction) in Il.Instructions(type))
                {
                    if (instruction.OpCode.Code == Code.Newobj && instruction.Operand is MethodReference ctor && ctor.DeclaringType.FullName == "PdfSharp.Drawing.XPdfFontOptions")
                    {
                        offenders.Add($"{type.FullName}.{method.Name}");
                    }
                }
            }
        }

        Assert.True(offenders.Count == 0, "PDF font options made outside PdfFonts.Options: " + string.Join("; ", offenders.Distinct()));
    }

    private static bool IsEntity(TypeReference type)
    {
        if (type.Namespace.Contains(".Data", StringComparison.Ordinal))
        {
            return true;
        }

        try
        {
            return type.Resolve()?.Interfaces.Any(i => i.InterfaceType.Namespace == "Varta.Platform.Persistence") == true;
        }
        catch (AssemblyResolutionException)
        {
            return false;
        }
    }
}
