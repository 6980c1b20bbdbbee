using System.Security.Claims;
using Varta.Alarms.Console;
using Varta.Alarms.Contracts;
using Varta.Platform.Http;
using Varta.Platform.Localization;

namespace Varta.Alarms.AddNote;

internal sealed record NoteRequest(string? Text);

/// <summary>A line on the alarm's timeline; the alarm itself does not change.</summary>
internal sealed class AddNoteHandler(ConsoleAlarms console, Loc loc)
{
    public async Task<Outcome<AlarmDto>> HandleAsync(ClaimsPrincipal user, Guid id, NoteRequest request, CancellationToken ct)
    {
        var v = new Validator(loc).Required("text", request.Text, 2000);
        return v.IsValid ? await console.ActAsync(user, id, "note", _ => null, new { text = request.Text }, ct) : Outcome<AlarmDto>.Invalid(v);
    }
}
