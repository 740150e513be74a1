using System.Security.Claims;
using Parley.Application.Access;
using Parley.Application.Negotiations;
using Parley.Core;
using Parley.Core.Formats;
using Parley.Core.Talks;
using Parley.Data;
using Parley.Data.Access;
using Parley.Server.Access;

namespace Parley.Server.Components.Services;

public sealed partial class TalksWorkspace
{
    /// <summary>The largest scenario file the import page accepts (4 MiB; the Berlin demo is 57 kB).</summary>
    public const long MaxScenarioBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Imports a scenario file through the same path as <c>POST /api/negotiations</c>. A file with errors, or one
    /// the store refuses, stores nothing and comes back with every error; an existing negotiation with the same id
    /// is replaced only when <paramref name="replace"/> is true. A stored import is published to the mediator's open pages.
    /// </summary>
    public async Task<ScenarioImportResult> ImportScenarioAsync(ClaimsPrincipal user, string yaml, string fileName, bool replace, CancellationToken ct = default)
    {
        ScenarioImportResult result;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<NegotiationStore>();
            var memberships = scope.ServiceProvider.GetRequiredService<MembershipStore>();
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ParleyUser>>();
            var isAdministrator = await NegotiationAccess.IsAdministratorAsync(user, users);
            var importer = new Importer(user.Identity?.Name ?? throw new InvalidOperationException("Nobody is signed in."), isAdministrator,
                id => CurrentViewer.ForAsync(memberships, user, id, ct));
            result = await ScenarioImport.ImportAsync(store, memberships, yaml, fileName, importer, replace, ct);
        }
        catch (AccessDeniedException e)
        {
            return new(null, null, [new SourceProblem(fileName, 0, 0, e.Field, e.Message)]);
        }
        catch (RuleRefusal e)
        {
            return new(null, null, [new SourceProblem(fileName, 0, 0, e.Field, e.Message)]);
        }
        catch (ArgumentException e)
        {
            var message = e.Reason();
            return new(null, null, [new SourceProblem(fileName, 0, 0, e.ParamName ?? "", message)]);
        }
        return result;
    }
}
