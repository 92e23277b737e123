using Dti.Application.Common.Mapping;
using Dti.Domain.Plans;
using Mapster;

namespace Dti.Application.PlanTasks;

/// <summary>
/// How tasks become DTOs. Whether a task is overdue depends on the day it is asked, so every mapping of a task is
/// given that day as the <see cref="Today"/> parameter (<c>task.BuildAdapter(config).AddParameters(TaskMappings.Today, today)</c>);
/// a mapping without it fails rather than guess. Cooperators are listed in .NET's order of ids, so tasks are mapped
/// once loaded with their cooperators.
/// </summary>
public sealed class TaskMappings : IRegister
{
    /// <summary>The name of the parameter holding today's date in Asia/Ho_Chi_Minh.</summary>
    public const string Today = "today";

    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<PlanTask, TaskDto>()
            .Map(d => d.CooperatingAgencyIds, s => s.CooperatorIds().Order())
            .Map(d => d.IndexCodes, s => s.IndexCodes)
            .Map(d => d.Overdue, s => s.IsOverdueOn((DateOnly)MapContext.Current!.Parameters[Today]));
        config.NewVersionedConfig<PlanTask, TaskDto>();
        config.NewConfig<TaskProgressEntry, TaskProgressDto>();
    }
}
