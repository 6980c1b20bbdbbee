using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Varta.Platform.Persistence;

/// <summary>Every stored instant is UTC; values read back are marked as such.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
