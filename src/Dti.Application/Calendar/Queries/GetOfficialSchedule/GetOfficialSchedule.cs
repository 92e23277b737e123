using System.Globalization;
using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Calendar.Queries.GetOfficialSchedule;

/// <summary>The official schedule kept for a year; 404 when the year follows the computed calendar.</summary>
public sealed record GetOfficialScheduleQuery(int Year) : IRequest<Versioned<OfficialScheduleDto>>;

public sealed class GetOfficialScheduleValidator : AbstractValidator<GetOfficialScheduleQuery>
{
    public GetOfficialScheduleValidator() => RuleFor(q => q.Year).WithinCalendar();
}

public sealed class GetOfficialScheduleHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<GetOfficialScheduleQuery, Versioned<OfficialScheduleDto>>
{
    public async Task<Versioned<OfficialScheduleDto>> Handle(GetOfficialScheduleQuery request, CancellationToken cancellationToken)
    {
        var schedule = await db.OfficialSchedules.AsNoTracking().Include(s => s.Days).SingleOrDefaultAsync(s => s.Year == request.Year, cancellationToken)
            ?? throw new NotFoundException("Official schedule", request.Year.ToString(CultureInfo.InvariantCulture));
        return schedule.Adapt<Versioned<OfficialScheduleDto>>(config);
    }
}
