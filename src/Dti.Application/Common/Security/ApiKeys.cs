using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Dti.Domain.Clients;

namespace Dti.Application.Common.Security;

/// <summary>
/// API keys look like <c>dti_&lt;keyId&gt;_&lt;secret&gt;</c>: the key id (16 hex characters) finds the client, the secret
/// (256 random bits, base64url) proves it. Only SHA-256 of the secret is stored; hashes are compared in constant time.
/// </summary>
public static class ApiKeys
{
    public const string Prefix = "dti_";

    /// <summary>Longest key accepted for parsing; anything longer is not one of ours.</summary>
    public const int MaxLength = 100;

    /// <summary>The shape of a key: the prefix, the 16 hex characters of the key id, and the base64url secret.</summary>
    public const string Pattern = "^dti_[0-9a-f]{16}_[A-Za-z0-9_-]+$";

    /// <summary>The shape of <see cref="DisplayPrefix"/>.</summary>
    public const string DisplayPrefixPattern = "^dti_[0-9a-f]{16}$";

    private const int SecretBytes = 32;

    private static readonly SearchValues<char> KeyIdCharacters = SearchValues.Create("0123456789abcdef");

    /// <summary>A new key: the plain text (shown once) and what is stored of it.</summary>
    public static (string Key, IssuedKey Issued) Issue()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(ClientLimits.KeyIdLength / 2));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        return ($"{Prefix}{keyId}_{secret}", new IssuedKey(keyId, Hash(secret)));
    }

    /// <summary>Splits a presented key into its id and secret; false when it does not have our shape.</summary>
    public static bool TryParse(string? key, out string keyId, out string secret)
    {
        keyId = secret = string.Empty;
        if (key is null || key.Length > MaxLength || !key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = key[Prefix.Length..];
        var separator = rest.IndexOf('_', StringComparison.Ordinal);
        // The id is looked up in the database: anything but lower-case hex (a U+0000 from ?access_key=) is no key of ours.
        if (separator != ClientLimits.KeyIdLength || rest.Length == separator + 1
            || rest.AsSpan(0, separator).ContainsAnyExcept(KeyIdCharacters))
        {
            return false;
        }

        keyId = rest[..separator];
        secret = rest[(separator + 1)..];
        return true;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));

    /// <summary>The key id as clients see it (<c>dti_&lt;keyId&gt;</c>), to tell keys apart without revealing them.</summary>
    public static string DisplayPrefix(string keyId) => Prefix + keyId;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
