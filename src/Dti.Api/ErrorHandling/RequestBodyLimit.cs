using Microsoft.AspNetCore.Http.Features;

namespace Dti.Api.ErrorHandling;

/// <summary>
/// Bounds each request body by its endpoint's limit (<see cref="RequestBodyLimits"/>). A declared Content-Length
/// over it is refused before anything is read; a body without one (chunked) is counted while it is read and refused
/// at the first byte over, whichever server runs the app. The server's own limit is set to the same number, so
/// Kestrel also stops such a body as it streams. Either way the answer is a 413 problem naming the limit.
/// </summary>
internal sealed class RequestBodyLimit(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = RequestBodyLimits.For(context.GetEndpoint()?.Metadata);
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength is { } length)
        {
            if (length > limit)
            {
                throw RequestBodyLimits.TooLarge(limit, length);
            }
        }
        else
        {
            context.Request.Body = new CountedBody(context.Request.Body, limit);
        }

        return next(context);
    }

    /// <summary>Reads through to the request body and throws the 413 once more than the limit has arrived.</summary>
    private sealed class CountedBody(Stream body, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(body.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await body.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit ? throw RequestBodyLimits.TooLarge(limit, null) : read;
        }
    }
}
