namespace Varta.Platform.Navigation;

/// <summary>A link in the main navigation, shown to users who hold one of the roles.</summary>
public sealed record NavItem(string Href, string TextKey, string DescriptionKey, string Icon, int Order, params string[] Roles);
