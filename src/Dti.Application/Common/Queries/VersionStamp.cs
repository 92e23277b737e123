namespace Dti.Application.Common.Queries;

/// <summary>A stored aggregate's id and the version its every change moves on: what a cached copy of it is checked against.</summary>
public sealed record VersionStamp(Guid Id, int Version);
