using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Varta.Architecture.Tests;

/// <summary>Reads the compiled IL of Varta's assemblies, so that what a method body does counts, not only its signature.</summary>
internal static class Il
{
    public static ModuleDefinition Read(System.Reflection.Assembly assembly) => ModuleDefinition.ReadModule(assembly.Location);

    /// <summary>A type and every type nested in it (lambdas' closures, async state machines).</summary>
    public static IEnumerable<TypeDefinition> WithNested(TypeDefinition type) =>
        type.NestedTypes.SelectMany(WithNested).Prepend(type);

    public static IEnumerable<TypeDefinition> AllTypes(ModuleDefinition module) => module.Types.SelectMany(WithNested);

    public static IEnumerable<(MethodDefinition Method, Instruction Instruction)> Instructions(TypeDefinition type) =>
        type.Methods.Where(m => m.HasBody).SelectMany(m => m.Body.Instructions.Select(i => (m, i)));

    /// <summary>Every type a type (or its nested types) names: fields, properties, parameters, locals, calls.</summary>
    public static IEnumerable<string> ReferencedTypeNames(TypeDefinition type)
    {
        foreach (var t in WithNested(type))
        {
            foreach (var f in t.Fields)
            {
                yield return f.FieldType.FullName;
            }

            foreach (var p in t.Properties)
            {
                yield return p.PropertyType.FullName;
            }

            foreach (var m in t.Methods)
            {
                foreach (var p in m.Parameters)
                {
                    yield return p.ParameterType.FullName;
                }

                if (!m.HasBody)
                {
                    continue;
                }

                foreach (var v in m.Body.Variables)
                {
                    yield return v.VariableType.FullName;
                }

                foreach (var i in m.Body.Instructions)
                {
                    switch (i.Operand)
                    {
                        case MethodReference called:
                            yield return called.DeclaringType.FullName;
                            yield return called.ReturnType.FullName;
                            break;
                        case FieldReference field:
                            yield return field.DeclaringType.FullName;
                            break;
                        case TypeReference named:
                            yield return named.FullName;
                            break;
                    }
                }
            }
        }
    }

    public static bool DerivesFrom(TypeDefinition type, string baseFullName)
    {
        for (var current = type.BaseType; current is not null;)
        {
            if (current.FullName == baseFullName)
            {
                return true;
            }

            try
            {
                current = current.Resolve()?.BaseType;
            }
            catch (AssemblyResolutionException)
            {
                return false;
            }
        }

        return false;
    }
}
