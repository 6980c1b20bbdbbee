using Varta.Platform.Localization;

namespace Varta.Custody;

internal sealed partial class CustodyTexts : ITextCatalog
{
    public IReadOnlyDictionary<string, (string Uk, string En)> Texts { get; } = Build();
}
