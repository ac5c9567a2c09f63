using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using XrayTriage.Web.Data;
using XrayTriage.Web.Security;

namespace XrayTriage.Web.Api;

/// <summary><c>/api/studies</c> for RIS/PACS integrations and the worklist's refresh; readers only.</summary>
internal static class StudiesApi
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/studies").RequireAuthorization(WebPolicies.Reader);
        group.MapGet("", ListAsync);
        group.MapGet("/{id:long}", GetAsync);
        group.MapGet("/{id:long}/instances/{instanceId:long}/image", ImageAsync);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, WorklistQuery worklist, CancellationToken cancellationToken)
    {
        var filter = WorklistFilter.Parse(key => request.Query[key], out var error);
        return filter is null
            ? Results.Problem(error, statusCode: StatusCodes.Status400BadRequest)
            : Results.Ok(await worklist.GetAsync(filter, cancellationToken));
    }

    private static async Task<IResult> GetAsync(
        long id, HttpContext http, StudyQuery studies, WebAudit audit, CancellationToken cancellationToken)
    {
        var study = await studies.GetAsync(id, cancellationToken);
        if (study is null)
        {
            return Results.NotFound();
        }

        await audit.StudyAccessedAsync(UserNames.Of(http.User), id, study.Study.StudyInstanceUid,
            $"study read through the API ({study.Instances.Count} instance(s))", cancellationToken);
        return Results.Ok(study);
    }

    private static async Task<IResult> ImageAsync(
        long id, long instanceId, bool? heatmap, StudyImages images, CancellationToken cancellationToken)
    {
        var image = await images.RenderAsync(id, instanceId, heatmap ?? false, cancellationToken);
        return image.Status switch
        {
            RenderStatus.Ok => Results.File(image.Png!, "image/png"),
            RenderStatus.NotFound => Results.NotFound(),
            RenderStatus.Purged or RenderStatus.NoHeatmap => Results.Problem(image.Reason, statusCode: StatusCodes.Status410Gone),
            _ => Results.Problem(image.Reason, statusCode: StatusCodes.Status422UnprocessableEntity),
        };
    }
}
