namespace Dti.Infrastructure.Persistence;

/// <summary>Start-up cannot go on; the message names the setting to fix and is printed alone, without a stack trace.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
