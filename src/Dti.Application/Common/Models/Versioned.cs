namespace Dti.Application.Common.Models;

/// <summary>A resource representation together with the version the API turns into an ETag.</summary>
public sealed record Versioned<T>(T Value, int Version);
