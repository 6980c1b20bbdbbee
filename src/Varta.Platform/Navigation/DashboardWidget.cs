namespace Varta.Platform.Navigation;

/// <summary>A component a module shows on the landing dashboard of users holding one of the roles.</summary>
public sealed record DashboardWidget(Type Component, int Order, params string[] Roles);
